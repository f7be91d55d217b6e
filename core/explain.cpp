#include "explain.hpp"

#include <algorithm>
#include <cctype>

#include "amount_words.hpp"
#include "city_bound.hpp"
#include "documents.hpp"
#include "money.hpp"

namespace skillcalc {

namespace {

const char* you_zh(bool person) {
  return person ? "您" : "贵单位";
}

// The sum before a cap or a pool cut it (the cut is said by status_words).
// The item's money before a cap or pool cut it; a yearly total's plan, the whole year's (with the part counted apart).
SpanZh before_cut(const Item& it) {
  long long lo = it.counted_min, hi = it.counted_max;
  if (it.pooled_by >= 0) return {lo + it.before_pool_min, hi + it.before_pool_max};
  if (it.before_cap_max) return {lo + it.before_cap_min, hi + it.before_cap_max};
  return {lo + it.total_min, hi + it.total_max};
}

bool per_head(const Measure& x, const Item& it) {
  // one head: no "每人…共1人", unless the number was not given and one is counted
  return x.per_head != Measure::PerHead::No && (it.heads != 1 || it.heads_assumed);
}

// "每人每月1000元，共3人、48个月，合计14.4万元".
void amount_zh(TextBuf& o, const Measure& x, const Item& it) {
  const Schedule& sc = x.schedule;
  bool heads = per_head(x, it), people = x.unit.zh.empty();
  if (sc.kind == Schedule::Kind::Term) cat(o, "在", Int{sc.count}, "年期限内合计");
  if (sc.kind == Schedule::Kind::Once && !heads && it.amount->kind != Amount::Kind::Unstated) put(o, "一次性");
  if (heads) people ? put(o, "每人") : cat(o, "每", x.unit.zh);
  put(o, sc.kind == Schedule::Kind::Monthly ? "每月" : sc.kind == Schedule::Kind::Yearly ? "每年" : "");
  unit_zh(o, *it.amount, it);
  if (sc.kind == Schedule::Kind::Term) put(o, "（分几次发放原文未写明）");
  if (sc.periodic() && !it.periods_known) put(o, "（原文未写明期限，总额无法确定）");
  if (it.heads_unknown) put(o, people ? "（未填写人数，总额无法确定）" : "（未填写数量，总额无法确定）");
  bool periods = sc.periodic() && it.periods_known;
  if (!(heads || periods) || !it.total_known) return;
  put(o, "，共");
  if (heads) cat(o, Int{it.heads}, people ? "人" : x.unit.zh.c_str());
  if (it.heads_assumed) put(o, people ? "（未填写人数，按1计）" : "（未填写数量，按1计）");
  if (heads && periods) put(o, "、");
  const char* months = sc.kind == Schedule::Kind::Monthly ? "个月" : "年";
  if (periods) cat(o, it.periods_min == it.periods_max ? "" : "最长", Int{it.periods_max}, months);
  if (periods && it.periods_given)
    cat(o, "（所填", Int{it.periods_given}, months, "超过原文最长的", Int{it.periods_max}, months, "，超出部分不发）");
  SpanZh b = before_cut(it);
  cat(o, "，合计", b);
}

// "1,000 yuan per person a month, for 3 people, 48 months: 144,000 yuan in all".
void amount_en(TextBuf& o, const Measure& x, const Item& it) {
  const Schedule& sc = x.schedule;
  bool heads = per_head(x, it), people = x.unit.zh.empty();
  unit_en(o, *it.amount, it);
  if (heads) people ? put(o, " per person") : cat(o, " per ", x.unit.en);
  put(o, sc.kind == Schedule::Kind::Monthly ? " a month" : sc.kind == Schedule::Kind::Yearly ? " a year" : "");
  if (sc.kind == Schedule::Kind::Once && !heads && it.amount->kind != Amount::Kind::Unstated) put(o, " once");
  if (sc.kind == Schedule::Kind::Term)
    cat(o, " in all within a ", Int{sc.count}, "-year term (the text does not say in how many instalments)");
  if (sc.periodic() && !it.periods_known) put(o, " (the text states no term, so no total can be given)");
  if (it.heads_unknown) put(o, " (the number was not given, so no total can be given)");
  bool periods = sc.periodic() && it.periods_known;
  if (!(heads || periods) || !it.total_known) return;
  put(o, ", for ");
  if (heads) {
    put(o, Int{it.heads});
    if (people)
      put(o, it.heads == 1 ? " person" : " people");
    else
      cat(o, " ", it.heads == 1 ? x.unit.en : x.unit.en_many);
    if (it.heads_assumed) put(o, " (the number was not given: 1 is counted)");
  }
  if (heads && periods) put(o, ", ");
  auto units = [&](long long n) {
    return sc.kind == Schedule::Kind::Monthly ? (n == 1 ? " month" : " months") : (n == 1 ? " year" : " years");
  };
  if (periods) cat(o, it.periods_min == it.periods_max ? "" : "at most ", Int{it.periods_max}, units(it.periods_max));
  if (periods && it.periods_given)
    cat(o, " (", Int{it.periods_given}, units(it.periods_given), " given, more than the text's longest ",
        Int{it.periods_max}, units(it.periods_max), ": the rest is not paid)");
  SpanZh b = before_cut(it);
  cat(o, ": ", SpanEn{b.lo, b.hi}, " in all");
}

// Who receives an item, in words: "您" / "贵单位", "您所在的团队", "您的用人单位", "职工个人" …
void who_zh(TextBuf& o, const Model& m, bool person, const Item& it) {
  if (it.team) return put(o, person ? "您所在的团队" : "获奖团队");
  if (it.for_applicant) return put(o, you_zh(person));
  if (!m.measures[it.measure].recipient_words.zh.empty()) return put(o, m.measures[it.measure].recipient_words.zh);
  if (person && it.recipient == "enterprise") return put(o, "您的用人单位（企业）");
  if (person && it.recipient == "school") return put(o, "您的学校");
  if (it.recipient == "person") return put(o, "职工（学员）本人");
  int k = m.vocab.kind_index(it.recipient);
  if (k >= 0) return cat(o, "合作的", m.vocab.applicant_kinds[k].second.zh);
  put(o, it.recipient);
}

void who_en(TextBuf& o, const Model& m, bool person, const Item& it) {
  if (it.team) return put(o, person ? "your team" : "the winning team");
  if (it.for_applicant) return put(o, person ? "you" : "your organisation");
  if (!m.measures[it.measure].recipient_words.en.empty()) return put(o, m.measures[it.measure].recipient_words.en);
  if (person && it.recipient == "enterprise") return put(o, "your employer (the enterprise)");
  if (person && it.recipient == "school") return put(o, "your school");
  if (it.recipient == "person") return put(o, "the workers or trainees themselves");
  int k = m.vocab.kind_index(it.recipient);
  size_t from = o.size();
  cat(o, "the partner ", k >= 0 ? m.vocab.applicant_kinds[k].second.en : it.recipient);
  for (size_t i = from; i < o.size(); ++i) o[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(o[i])));
}

// What happened, said of a person or of an organisation (a measure's `what_unit` where the two differ).
const Text& what_of(const Measure& x, bool person) {
  return !person && !x.what_unit.zh.empty() ? x.what_unit : x.what;
}

// An item whose event is dated after as_of: a plan. Says what must happen first and that it is not in the totals.
void plan_words(Words& w, const Situation& s, const Event& e, const Item& it) {
  bool money = it.counts() && it.amount->kind != Amount::Kind::None;
  cat(w.zh, "这是计划：该事件日期", DayZh{e.date}, "晚于测算日期", DayZh{s.as_of},
      "，尚未发生；须待其实际发生（如取得证书、获奖、获批或认定）后方可申领",
      money ? "，本项金额不计入合计，单列为计划金额。" : "。");
  cat(w.en, " This is a plan: the event is dated ", DayEn{e.date}, ", after the day asked about (", DayEn{s.as_of},
      "), and has not happened yet; it can be claimed only once it does (the certificate, result, approval or "
      "title obtained)",
      money ? ", so its money is not in the totals but shown as planned." : ".");
  if (!it.counted) return;
  if (it.counted_item >= 0) {
    cat(w.zh, "已取得的同一成就（另列一项，计入合计）可获", SpanZh{it.counted_min, it.counted_max},
        "；本项实际发生后只按最高一项发放，因此本项计划金额为高出的部分", SpanZh{it.total_min, it.total_max}, "。");
    cat(w.en, " What has already been achieved for the same achievement brings ",
        SpanEn{it.counted_min, it.counted_max},
        " (a separate item, in the totals); once this happens only the highest is paid, so this plan adds what it "
        "brings beyond that, ",
        SpanEn{it.total_min, it.total_max}, ".");
    return;
  }
  cat(w.zh, "本年度已发生的事件单独可获", SpanZh{it.counted_min, it.counted_max},
      "（另列一项，计入合计）；计划事件发生后全年合计",
      SpanZh{it.counted_min + it.total_min, it.counted_max + it.total_max}, "，本项计划金额为二者之差",
      SpanZh{it.total_min, it.total_max}, "。");
  cat(w.en, " The year's events that have happened bring ", SpanEn{it.counted_min, it.counted_max},
      " on their own (a separate item, in the totals); once the planned ones happen the year brings ",
      SpanEn{it.counted_min + it.total_min, it.counted_max + it.total_max}, ", so this plan adds the difference, ",
      SpanEn{it.total_min, it.total_max}, ".");
}

// A claim above a city-wide pool's whole budget (WH25 8.) can never be paid in full, whatever the other claims.
// A claim of a city-wide yearly total (威海 8. 400万元, 烟台 (七) 100万元): what one answer cannot settle.
void shared_pool_words(Words& w, const Model& m, const Item& it) {
  const Pool& p = m.pools[static_cast<size_t>(m.measures[it.measure].pool)];
  if (p.rule == Pool::Rule::Quota) return;  // a quota of people: its measure's notes say it
  cat(w.zh, "本项计入", p.where.zh, "的全市年度总额（", YuanZh{p.budget_yuan},
      "）：当年全市申报合计超过时不能全额发放，实际金额以当年全部申报的预算结算为准（由主管部门汇总结算）。");
  cat(w.en, " This counts towards the city-wide yearly total of ", p.where.en, " (", YuanEn{p.budget_yuan},
      "): when the city's claims of the year exceed it, not all can be paid in full, and the amount is what the "
      "settlement of all the year's claims gives (the department in charge settles them together).");
}

void pool_words(Words& w, const Model& m, const Item& it) {
  const Pool& p = m.pools[it.pooled_by];
  cat(w.zh, "按", p.where.zh, "，全市当年的奖励总额以", YuanZh{p.budget_yuan},
      "为限，超过时按比例发放，一家单位的申报即使是当年唯一的一份，也至多获得", YuanZh{p.budget_yuan}, "：本项核减为",
      SpanZh{it.total_min, it.total_max}, "，全市申报越多，实际所得越少。");
  cat(w.en, " Under ", p.where.en, ", the whole city's awards of a year are ", YuanEn{p.budget_yuan},
      " at most, shared pro rata above it: even as the only claim of the year, one claim can get no more than ",
      YuanEn{p.budget_yuan}, ", so this item is reduced to ", SpanEn{it.total_min, it.total_max},
      "; the more the city's claims, the less it gets.");
}

// A year whose total is unknown (a number left blank) beside the certain item of its events whose number is given.
void known_part_words(Words& w, const Item& it) {
  cat(w.zh, "本年度已填写人数的事件单独可获", SpanZh{it.counted_min, it.counted_max},
      "（另列一项，计入合计）；补填人数后按全年合计人数核定档次和金额。");
  cat(w.en, " The year's events whose number is given bring ", SpanEn{it.counted_min, it.counted_max},
      " on their own (a separate item, in the totals); once the number is given the year's tier and amount follow its "
      "whole count.");
}

void outside_words(Words& w, const Document& d) {
  cat(w.zh, "但该事件日期不在", d.number, period_zh(d), "内，本项不适用。");
  cat(w.en, " But the event falls outside the period of ", d.number, " (", period_en(d),
      "), so this item does not apply.");
}

// A yearly total paid once whatever its size (日照 3. 每年向我市企业输送1000名…给予10万元): the year's number and the
// threshold it meets, so that the threshold in the measure's words is not read as the number.
void year_total_words(Words& w, const Measure& x, const Situation& s, const Item& it) {
  if (!x.has_per_year || x.per_head != Measure::PerHead::No || it.event < 0) return;
  const Test* at_least = nullptr;
  for (auto& c : x.when)
    if (c.path.text() == x.per_year.text() && c.test.kind == Test::Kind::Range && c.test.has_min) at_least = &c.test;
  long long total = 0;
  auto add = [&](int ei) {
    const Value* v = s.events[static_cast<size_t>(ei)].fields.get(x.per_year);
    return v && v->kind == Value::Kind::Int ? (total += v->i, true) : false;
  };
  if (!at_least || !add(it.event) || !std::all_of(it.more_events.begin(), it.more_events.end(), add)) return;
  bool unit = !x.unit.zh.empty();
  cat(w.zh, "该年合计", Int{total}, unit ? x.unit.zh : "人", "，达到", Int{at_least->min}, unit ? x.unit.zh : "人",
      "的门槛。");
  auto grouped = [](long long n) {  // 2500 -> "2,500"
    std::string g = yuan_en(n);
    return g.substr(0, g.size() - 5);  // less " yuan"
  };
  cat(w.en, " The year's total is ", grouped(total), " ", unit ? x.unit.en_many : "people",
      ", meeting the threshold of ", grouped(at_least->min), ".");
}

// Whether another item under the same cap (in the same year, for a yearly cap) is only 最高 (0 … its amount) or
// otherwise not certain: should it be set lower, an item the cap cut has room.
bool cap_shared_with_uncertain(const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  const Cap& c = m.caps[it.capped_by];
  auto year = [&](const Item& one) { return c.per == Cap::Per::ApplicantYear ? event_of(ev, s, one).date / 10000 : 0; };
  return std::any_of(ev.items.begin(), ev.items.end(), [&](const Item& o) {
    return &o != &it && o.counts() && o.total_min < o.total_max &&
           std::binary_search(c.measures.begin(), c.measures.end(), o.measure) && year(o) == year(it);
  });
}

void capped_words(Words& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  if (it.pooled_by >= 0) pool_words(w, m, it);
  if (it.capped_by < 0) return;
  const Cap& c = m.caps[it.capped_by];
  // Cut to nothing by others of the cap that are only 最高: "核减为0元" alone would say it certainly brings nothing.
  bool room = it.total_max == 0 && cap_shared_with_uncertain(m, s, ev, it);
  if (room) {
    cat(w.zh, "按", c.where.zh, "（", c.quote,
        "），同一上限内的其他各项按其上限计算已用满上限，本项合计按0元计算；其他各项实际核定较少时，本项可在上限余额内"
        "获得。");
    cat(w.en, " ", c.where.en, " caps this at ", YuanEn{c.max_yuan}, c.per == Cap::Per::ApplicantYear ? " a year" : "",
        ": the other items under it, counted at their ceilings, fill the cap, so this counts 0 in the totals; should "
        "they be set lower, this one may be paid within what is left.");
    return;
  }
  // A 就高 winner is capped on its own money; the other item's floor (said after) is not this cap's.
  const bool own = (it.floor_by >= 0 || it.ceil_raised) && it.own_max >= 0;
  const long long lo = own ? it.own_min : it.total_min, hi = own ? it.own_max : it.total_max;
  cat(w.zh, "按", c.where.zh, "（", c.quote, "），本项", own ? "本身的金额" : "", "核减为", SpanZh{lo, hi}, "。");
  cat(w.en, " ", c.where.en, " caps this at ", YuanEn{c.max_yuan}, c.per == Cap::Per::ApplicantYear ? " a year" : "",
      ", so ", own ? "its own money" : "it", " is reduced to ", SpanEn{lo, hi}, ".");
}

// Why an item is not paid as it stands: lost to a stacking rule, a newer document, its dates, a cap or a pool; or a
// plan.
void status_words(Words& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  switch (it.status) {
    case Status::Excluded:
      excluded_words(w, m, s, ev, it);
      break;
    case Status::Superseded: {
      const Measure& nx = m.measures[it.superseded_by];
      Day from = m.documents[nx.doc].from;
      cat(w.zh, "但该事件发生在", DayZh{from}, "或之后，以", nx.where.zh, "为准，本项不再适用。");
      cat(w.en, " But the event is on or after ", DayEn{from}, ", when ", nx.where.en,
          " governs, so this item no longer applies.");
      break;
    }
    case Status::OutsidePeriod:
      outside_words(w, m.documents[m.measures[it.measure].doc]);
      break;
    case Status::Capped:
      capped_words(w, m, s, ev, it);
      break;
    default:
      break;
  }
  if (it.counts() && it.pooled_by < 0 && m.measures[it.measure].pool >= 0) shared_pool_words(w, m, it);
  stacked_words(w, m, s, ev, it);
  if (it.heads_unknown && it.counted && !it.planned) known_part_words(w, it);
  if (it.planned && it.status != Status::OutsidePeriod) plan_words(w, s, event_of(ev, s, it), it);
}

// "您于2025年7月1日获得…。按…第9条，" and its English: what happened, and the clause.
// Whether the opening sentence is a condition ("若您于…"): the item waits on a fact the text requires and the
// situation does not give (or on whether a level below one held is another occupation's), and the measure's own words
// would otherwise state that fact as done.
bool opening_is_conditional(const Item& it) {
  if (it.event < 0) return false;
  return (it.blank && !it.blank->asks.empty()) || !it.asked.empty() || it.project_of >= 0 || it.below >= 0 ||
         it.again_of >= 0 || it.competitor_of >= 0;
}

void opening(Words& w, const Measure& x, bool person, const Event& e, const Item& it) {
  const Text& what = what_of(x, person);
  bool conditional = opening_is_conditional(it);
  if (it.event >= 0) {
    cat(w.zh, conditional ? "若" : "", you_zh(person), it.planned ? "计划于" : "于", DayZh{e.date},
        e.dated ? "" : "（日期未填写，按测算日期）", what.zh);
    if (conditional)
      it.planned ? cat(w.en, "If, as planned for ", DayEn{e.date}, ", ") : cat(w.en, "If on ", DayEn{e.date}, " ");
    else
      it.planned ? cat(w.en, "Planned for ", DayEn{e.date}, ": ") : cat(w.en, "On ", DayEn{e.date}, " ");
    if (!e.dated) put(w.en, "(no date given: the day asked about) ");
    person ? cat(w.en, "you ", what.en) : cat(w.en, "your organisation ", x.what_en_org);
  } else {  // a standing entitlement of the applicant's kind: "贵单位作为企业，按…" / "As you are an enterprise, under
            // …"
    cat(w.zh, you_zh(person), what.zh);
    person ? cat(w.en, "As you ", what.en) : cat(w.en, "As your organisation ", x.what_en_org);
  }
  // The option's label, unless the sentence has just said it ("有职工纳入企业新型学徒制培训项目（有职工纳入…）").
  if (it.option >= 0 && x.options[it.option].label.zh != what.zh)
    cat(w.zh, "（", x.options[it.option].label.zh, "）"), cat(w.en, " (", x.options[it.option].label.en, ")");
  cat(w.zh, it.event >= 0 && !conditional ? "。" : "，", conditional ? "则按" : "按", x.where.zh, "，");
  cat(w.en, it.event >= 0 && !conditional ? ". Under " : ", under ", x.where.en, ", ");
}

// A right that follows from a status held on as_of (a title, level or honour; a student's enrolment).
void held_words(Words& w, const Document& d, const Situation& s, const Item& it) {
  bool outside = it.status == Status::OutsidePeriod;
  cat(w.zh, "本项待遇随所具有的身份（称号、等级、荣誉或在校学生身份等）而来，原文没有限于新取得者，因此按",
      DayZh{s.as_of}, "仍具有计算，不论何年取得");
  outside ? cat(w.zh, "；但该日不在", d.number, d.start_stated ? "的施行期" : "的适用期", "内。") : put(w.zh, "。");
  cat(w.en,
      " This right follows from a status held (a title, level or honour, or being a student), and the text does not "
      "limit it to new holders, so it is judged on ",
      DayEn{s.as_of}, ", whatever year it was obtained");
  outside ? cat(w.en, "; but that day is outside the period of ", d.number, ".") : put(w.en, ".");
}

// Facts the text requires that are not known (left blank, or about another city): not certain money.
void not_certain(Words& w, const Model& m, const Situation& s, const Event& e, const Item& it) {
  Text facts;
  for (auto& p : facts_asked(it)) {
    auto [zh, en] = field_label(m, e, p);
    cat(facts.zh, facts.zh.empty() ? "" : "、", zh), cat(facts.en, facts.en.empty() ? "" : ", ", en);
  }
  if (facts.zh.empty()) return;                   // nothing left blank (a level below one held says why by itself)
  Text why = not_certain_words(m, s, it, facts);  // city_bound.hpp
  put(w.zh, why.zh), put(w.en, why.en);
}

// A right worth a share of a figure the situation gives (烟台 (一) 按投资额30%抵免): that share, as a ceiling.
void credit_words(Words& w, const Measure& x, const Situation& s, const Event& e) {
  if (x.credit.kind != Amount::Kind::Percent) return;
  const Value* base =
      x.credit.of.scope == Path::Scope::Event ? e.fields.get(x.credit.of) : s.applicant.get(x.credit.of);
  if (!base || base->kind != Value::Kind::Int || base->i < 0) return;
  long long fen = static_cast<long long>(static_cast<__int128>(base->i) * x.credit.percent);      // yuan × % = fen
  std::string odd = std::to_string(fen / 100) + "." + std::to_string(100 + fen % 100).substr(1);  // 37037.10
  cat(w.zh, "按所填的", YuanZh{base->i}, "计，", Int{x.credit.percent}, "%为");
  fen % 100 ? cat(w.zh, odd, "元") : put(w.zh, YuanZh{fen / 100});
  put(w.zh, "：可抵免的最多是这个数，并以当年应缴的数额为限。");
  cat(w.en, " On the ", YuanEn{base->i}, " given, ", Int{x.credit.percent}, "% is ");
  fen % 100 ? cat(w.en, odd, " yuan") : put(w.en, YuanEn{fen / 100});
  put(w.en, ": the credit is at most this, and no more than what is due that year.");
}

// A right whose condition is not known (a fact left blank, or about another city): not certain to apply.
void right_not_certain(Words& w, const Model& m, const Situation& s, const Event& e, const Item& it) {
  Text facts;
  for (auto& p : facts_asked(it)) {
    auto [zh, en] = field_label(m, e, p);
    cat(facts.zh, facts.zh.empty() ? "" : "、", zh), cat(facts.en, facts.en.empty() ? "" : ", ", en);
  }
  if (facts.zh.empty()) return;
  if (it.asked.empty()) {
    cat(w.zh, "但原文要求的“", facts.zh, "”尚未填写：补充之前不能确定是否享有。");
    cat(w.en, " But the text requires a fact not given (", facts.en,
        "): until it is, whether this applies is not certain.");
    return;
  }
  auto city = [&m](const std::string& id) {
    auto c = m.vocab.cities.find(id);
    return c == m.vocab.cities.end() ? Text{id, id} : c->second;
  };
  Text here = city(s.city), home = city(s.home_city);
  cat(w.zh, "但原文要求的“", facts.zh, "”须按", here.zh, "本地的情况确认（所填的是", home.zh,
      "的情况，或未填写）：确认之前不能确定是否享有。");
  cat(w.en, " But the text requires facts of ", here.en, " itself (", facts.en, ") that the situation gives for ",
      home.en, " or leaves blank: until they are confirmed, whether this applies is not certain.");
}

// Who receives the money, how much, and whether it is in the applicant's total.
void money_words(Words& w, const Model& m, const Situation& s, const Event& e, const Item& it) {
  const Measure& x = m.measures[it.measure];
  bool person = s.kind == "person";
  who_zh(w.zh, m, person, it), put(w.zh, "可获"), amount_zh(w.zh, x, it), put(w.zh, "。");
  who_en(w.en, m, person, it), put(w.en, " can receive "), amount_en(w.en, x, it), put(w.en, ".");
  bool applies = it.status != Status::OutsidePeriod && it.status != Status::Superseded;
  if (it.uncertain() && applies) not_certain(w, m, s, e, it);  // nothing is asked where nothing can be paid
  if (it.overlaps >= 0) {
    const std::string& other = s.events[static_cast<size_t>(it.overlaps)].id;
    cat(w.zh, "另有", Int{it.overlap_periods}, "个月与事件“", other, "”的期限重叠，每人每月只享受一份，不重复计算。");
    cat(w.en, " Another ", Int{it.overlap_periods}, " months fall within the term of event “", other,
        "”: one allowance a person a month, so they are not counted twice.");
  }
  if (it.prior_term >= 0) {
    const std::string& other = s.events[static_cast<size_t>(it.prior_term)].id;
    cat(w.zh, "其中", Int{it.prior_term_periods}, "个月仍在事件“", other,
        "”的管理期内（该管理期在本文件施行前开始）：每人每月只享受一份，这几个月若已按原管理期发放，本项不再发放，所以"
        "本项不是确"
        "定金额。");
    cat(w.en, " ", Int{it.prior_term_periods}, " of these months still fall within the term of event “", other,
        "”, which began before this document: one allowance a person a month, so if those months are paid under that "
        "term they are not paid again here, and this is not certain money.");
  }
  if (it.open_overlap >= 0) {
    const std::string& other = s.events[static_cast<size_t>(it.open_overlap)].id;
    cat(w.zh, "与事件“", other,
        "”的同一称号津贴期限可能重叠（原文未写明期限）：每人每月只享受一份，重叠的月份不重复发放。");
    cat(w.en, " Its term may overlap that of event “", other,
        "” for the same title (the text states no term): one allowance a person a month, overlapping months are not "
        "paid twice.");
  }
  if (it.below >= 0) {
    const Event& held = s.events[static_cast<size_t>(it.below)];
    const bool hired = held.type == "hire";
    cat(w.zh, "但您已于", DayZh{held.date},
        hired ? "作为具有同级或更高职业技能等级的人才被引进（事件“" : "取得同级或更高的职业技能等级（事件“", held.id,
        "”）：若本次与之属同一职业（工种），则不是新的晋升（提升），本项不发；属另一职业的可以申请，所以本项不是确定金"
        "额。");
    cat(w.en,
        hired ? " But you were hired holding the same or a higher skill level on "
              : " But you already held the same or a higher skill level from ",
        DayEn{held.date}, " (event “", held.id,
        "”): in the same occupation this is no new promotion and is not paid; in another it may be, so this is not "
        "certain money.");
  }
  if (it.again_of >= 0 && x.yearly_review) {
    const std::string& first = s.events[static_cast<size_t>(it.again_of)].id;
    cat(w.zh, "但事件“", first,
        "”也是同一年内的年度考核优秀：年度考核每年一次，同一年度只奖励一次；若本次是另一年度的考核（如上年度的考核在本"
        "年"
        "公布），可以申请，所以本项不是确定金额。");
    cat(w.en, " But event “", first,
        "” is an excellent yearly review in the same year too: the review is yearly and rewarded once a year; if this "
        "one is another year's review (last year's, announced this year), it may be claimed, so this is not certain "
        "money.");
  } else if (it.again_of >= 0) {
    const std::string& first = s.events[static_cast<size_t>(it.again_of)].id;
    cat(w.zh, "但这与事件“", first,
        "”是同一称号：原文按届评选（每届每人给予奖励），未写明同一人再次当选是否再次奖励，所以本项不是确定金额；如确系"
        "再"
        "次当选，请向主管部门确认。");
    cat(w.en, " But this is the same title as event “", first,
        "”: the text selects in rounds, rewarding each person of a round, and does not say whether a person selected "
        "again is rewarded again, so this is not certain money; if it truly was a second selection, ask the "
        "department in charge.");
  }
  if (it.project_of >= 0) {
    const std::string& other = s.events[static_cast<size_t>(it.project_of)].id;
    cat(w.zh, "若与事件“", other, "”的成绩属同一竞赛项目，只奖最高的一项、不重复奖励，本项不发。");
    cat(w.en, " If it is the same contest project as the result of event “", other,
        "”, only the highest result is rewarded and this one is not paid.");
  }
  if (it.competitor_of >= 0) {
    const std::string& other = s.events[static_cast<size_t>(it.competitor_of)].id;
    cat(w.zh, "但这与事件“", other,
        "”是同一竞赛项目的成绩：若是同一名选手，按最高成绩只补助一次，本项不发；若是两名选手，各补助一次。所以本项不是"
        "确"
        "定金额，请向主管部门说明是几名选手。");
    cat(w.en, " But this is the same contest project as the result of event “", other,
        "”: if it is the same competitor, the unit is paid once, for the best result, and not for this one; if two "
        "competitors, for each. So this is not certain money: tell the department how many competitors it was.");
  }
  if (it.team_unsaid) {
    put(w.zh,
        "这一成绩是团体取得的：原文只规定了对个人（选手）的奖励，没有规定团体项目如何奖励，这里按每名成员各自计算；团队"
        "是"
        "否共享一份奖励，以主管部门的解释为准。");
    put(w.en,
        " This result was won as a team: the text rewards individuals (competitors) and says nothing of team events, "
        "so it is counted for each member; whether a team shares one award is for the department to say.");
  }
  if (it.team && person) {
    put(w.zh, "这是团队的奖励，您个人的份额原文未规定，不计入您的合计。");
    put(w.en, " This is the team's award; your own share is not stated, so it is not in your total.");
  } else if (it.team) {
    put(w.zh, "这是获奖团队的奖励，不计入贵单位的合计。");
    put(w.en, " This is the winning team's award, not your organisation's, so it is not in your total.");
  } else if (!it.for_applicant) {
    put(w.zh, "该笔资金由"), who_zh(w.zh, m, person, it), cat(w.zh, "领取，不计入", you_zh(person), "的合计。");
    put(w.en, " It is received by "), who_en(w.en, m, person, it);
    cat(w.en, ", not by ", person ? "you" : "your organisation", ", so it is not in your total.");
  }
}

}  // namespace

std::pair<std::string_view, std::string_view> field_label(const Model& m, const Event& e, const Path& p) {
  if (p.scope == Path::Scope::Applicant) {
    auto f = m.vocab.applicant_fields.find(p.field);
    if (f != m.vocab.applicant_fields.end()) return {f->second.label.zh, f->second.label.en};
    return {p.field, p.field};
  }
  auto et = m.vocab.event_types.find(e.type);
  if (et != m.vocab.event_types.end()) {
    if (auto own = et->second.labels.find(p.field); own != et->second.labels.end())
      return {own->second.zh, own->second.en};
    for (auto& f : et->second.fields)
      if (f.first == p.field) {
        const FieldDef& d = m.vocab.fields.at(f.second);
        return {d.label.zh, d.label.en};
      }
  }
  return {p.field, p.field};
}

// The measures' `what` is written after "you" ("were newly promoted", "are an enterprise", "have staff …"); after
// "your organisation" its first verb takes the singular.
std::string singular(const std::string& what) {
  static const std::pair<const char*, const char*> verbs[] = {{"were ", "was "}, {"are ", "is "}, {"have ", "has "}};
  for (auto& [plural, one] : verbs) {
    size_t n = std::char_traits<char>::length(plural);
    if (what.compare(0, n, plural) == 0) return one + what.substr(n);
  }
  return what;
}

void explain(Words& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  const Measure& x = m.measures[it.measure];
  const Document& d = m.documents[x.doc];
  const Event& e = event_of(ev, s, it);
  bool person = s.kind == "person";
  opening(w, x, person, e, it);
  if (it.amount->kind == Amount::Kind::None) {  // no money: the benefit, never an empty amount ("可获一次性。")
    who_zh(w.zh, m, person, it), put(w.zh, "可享受："), put_sentence(w.zh, x.benefit.zh, "。");
    // The benefit texts are phrases of every shape ("may take part in …", "a certificate …"): a label reads them all.
    put(w.en, "what this gives "), who_en(w.en, m, person, it), put(w.en, ": ");
    put_sentence(w.en, x.benefit.en, ".");
    credit_words(w, x, s, e);
    bool applies = it.status != Status::OutsidePeriod && it.status != Status::Superseded;
    if (it.uncertain() && applies) right_not_certain(w, m, s, e, it);  // nothing is asked where nothing applies
  }
  if (x.held && it.event >= 0 && e.date <= s.as_of && it.status != Status::Superseded) held_words(w, d, s, it);
  if (x.held) {
    if (it.planned && it.status == Status::OutsidePeriod) outside_words(w, d);  // a plan after the document ends
    if (it.planned && it.status != Status::OutsidePeriod) plan_words(w, s, e, it);
    return;
  }
  if (it.amount->kind != Amount::Kind::None && it.status != Status::NonMonetary) money_words(w, m, s, e, it);
  year_total_words(w, x, s, it);
  status_words(w, m, s, ev, it);
  for (auto& l : ev.left_out)  // the year's events outside the period, which its total leaves out
    if (x.has_per_year && it.event >= 0 && l.measure == it.measure &&
        s.events[l.events.front()].date / 10000 == e.date / 10000)
      put(w.en, " "), left_out_words(w, m, s, l);
}

}  // namespace skillcalc
