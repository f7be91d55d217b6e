#include "render.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "city_bound.hpp"
#include "claim.hpp"
#include "closeness.hpp"
#include "day.hpp"
#include "documents.hpp"
#include "json_writer.hpp"
#include "money.hpp"

namespace skillcalc {

using ojson = nlohmann::ordered_json;

namespace {

std::string clause_of(const Document& d, const std::string& c, bool zh) {
  std::string label = zh ? d.clause_label.zh : d.clause_label.en;
  auto at = label.find("{c}");
  return at == std::string::npos ? label + c : label.substr(0, at) + c + label.substr(at + 3);
}

std::string span_zh(long long a, long long b) {
  return a == b ? yuan_zh(a) : yuan_zh(a) + "至" + yuan_zh(b);
}
std::string span_en(long long a, long long b) {
  return a == b ? yuan_en(a) : yuan_en(a) + " to " + yuan_en(b);
}

// The text with its closing mark, added only where it has none.
std::string sentence(const std::string& t, const std::string& stop) {
  bool closed = t.size() >= stop.size() && t.compare(t.size() - stop.size(), stop.size(), stop) == 0;
  return closed ? t : t + stop;
}

struct Words {
  std::string zh, en;
};

// "每人每月1000元，共3人、48个月，合计14.4万元" and its English.
Words amount_words(const Model& m, const Item& it) {
  const Measure& x = m.measures[it.measure];
  const Amount& a = *it.amount;
  Words unit;
  switch (a.kind) {
    case Amount::Kind::Fixed:
      unit = {yuan_zh(a.yuan), yuan_en(a.yuan)};
      break;
    case Amount::Kind::Range:
      unit = {yuan_zh(a.min_yuan) + "至" + yuan_zh(a.max_yuan), yuan_en(a.min_yuan) + " to " + yuan_en(a.max_yuan)};
      break;
    case Amount::Kind::UpTo:
      unit = {"最高" + yuan_zh(a.max_yuan), "up to " + yuan_en(a.max_yuan)};
      break;
    case Amount::Kind::Floor:
      unit = {"不低于" + yuan_zh(a.min_yuan), "at least " + yuan_en(a.min_yuan)};
      break;
    case Amount::Kind::Percent:
      unit = {yuan_zh(it.base) + "的" + std::to_string(a.percent) + "%，即" + yuan_zh(it.unit_max),
              std::to_string(a.percent) + "% of " + yuan_en(it.base) + ", that is " + yuan_en(it.unit_max)};
      if (it.percent_capped)
        unit.zh += "（每人最高" + yuan_zh(a.max_yuan) + "）", unit.en += " (at most " + yuan_en(a.max_yuan) + " each)";
      break;
    case Amount::Kind::Unstated:
      unit = {"资金（原文未写明金额）", "money (the text names no amount)"};
      break;
    case Amount::Kind::None:
      unit = {"", ""};
      break;
  }
  Words w;
  bool per_head = x.per_head != Measure::PerHead::No && it.heads != 1;  // one head: no "每人…共1人"
  bool people = x.unit.zh.empty();
  std::string each_zh = people ? "每人" : "每" + x.unit.zh, each_en = people ? " per person" : " per " + x.unit.en;
  std::string heads_zh = std::to_string(it.heads) + (people ? "人" : x.unit.zh),
              heads_en = std::to_string(it.heads) + (people          ? (it.heads == 1 ? " person" : " people")
                                                     : it.heads == 1 ? " " + x.unit.en
                                                                     : " " + x.unit.en_many);
  const char* period_zh = x.schedule.kind == Schedule::Kind::Monthly  ? "每月"
                          : x.schedule.kind == Schedule::Kind::Yearly ? "每年"
                                                                      : "";
  const char* period_en = x.schedule.kind == Schedule::Kind::Monthly  ? " a month"
                          : x.schedule.kind == Schedule::Kind::Yearly ? " a year"
                                                                      : "";
  w.zh = (per_head ? each_zh : "") + period_zh + unit.zh;
  w.en = unit.en + (per_head ? each_en : "") + period_en;
  if (x.schedule.kind == Schedule::Kind::Once && !per_head && a.kind != Amount::Kind::Unstated)
    w.zh = "一次性" + w.zh, w.en += " once";
  if (x.schedule.kind == Schedule::Kind::Term) {  // one total within a support period: "3年内合计最高10.8万元"
    std::string n = std::to_string(x.schedule.count);
    w.zh = "在" + n + "年期限内合计" + w.zh + "（分几次发放原文未写明）";
    w.en += " in all within a " + n + "-year term (the text does not say in how many instalments)";
  }
  std::vector<std::string> zh_parts, en_parts;
  if (per_head) zh_parts.push_back(heads_zh), en_parts.push_back(heads_en);
  if (x.schedule.periodic()) {
    const char* u_zh = x.schedule.kind == Schedule::Kind::Monthly ? "个月" : "年";
    const char* u_en = x.schedule.kind == Schedule::Kind::Monthly ? " months" : " years";
    if (!it.periods_known)
      w.zh += "（原文未写明期限，总额无法确定）", w.en += " (the text states no term, so no total can be given)";
    else if (it.periods_min == it.periods_max)
      zh_parts.push_back(std::to_string(it.periods_max) + u_zh),
          en_parts.push_back(std::to_string(it.periods_max) + u_en);
    else
      zh_parts.push_back("最长" + std::to_string(it.periods_max) + u_zh),
          en_parts.push_back("at most " + std::to_string(it.periods_max) + u_en);
  }
  if (!zh_parts.empty() && it.total_known) {
    std::string zj, ej;
    for (size_t i = 0; i < zh_parts.size(); ++i)
      zj += (i ? "、" : "") + zh_parts[i], ej += (i ? ", " : "") + en_parts[i];
    long long mn = it.pooled_by >= 0   ? it.before_pool_min
                   : it.before_cap_max ? it.before_cap_min
                                       : it.total_min,
              mx = it.pooled_by >= 0   ? it.before_pool_max
                   : it.before_cap_max ? it.before_cap_max
                                       : it.total_max;
    w.zh += "，共" + zj + "，合计" + span_zh(mn, mx);
    w.en += ", for " + ej + ": " + span_en(mn, mx) + " in all";
  }
  return w;
}

// Who receives an item, in words: "您" / "贵单位", "您所在的团队", "您的用人单位", "职工个人" …
void recipient_words(const Model& m, const Situation& s, const Item& it, std::string& zh, std::string& en) {
  bool person = s.kind == "person";
  if (it.team)
    zh = "您所在的团队", en = "your team";
  else if (it.for_applicant)
    zh = person ? "您" : "贵单位", en = person ? "you" : "your organisation";
  else if (person && it.recipient == "enterprise")
    zh = "您的用人单位（企业）", en = "your employer (the enterprise)";
  else if (person && it.recipient == "school")
    zh = "您的学校", en = "your school";
  else if (it.recipient == "person")
    zh = "职工（学员）本人", en = "the workers or trainees themselves";
  else {
    int k = m.vocab.kind_index(it.recipient);
    zh = k >= 0 ? "合作的" + m.vocab.applicant_kinds[k].second.zh : it.recipient;
    en = "the partner " + (k >= 0 ? m.vocab.applicant_kinds[k].second.en : it.recipient);
    for (auto& c : en) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
}

// The question a field of an event asks, in both languages.
std::pair<std::string, std::string> field_label(const Model& m, const Event& e, const Path& p) {
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

// "威政办发〔2025〕3号第9条": how a worker names a measure (never by its id).
Words where(const Model& m, int mi) {
  const Measure& x = m.measures[mi];
  const Document& d = m.documents[x.doc];
  return {d.number + clause_of(d, x.clause, true), d.number + " " + clause_of(d, x.clause, false)};
}

// What happened, said of a person or of an organisation (a measure's `what_unit` where the two differ).
const Text& what_of(const Measure& x, bool person) {
  return !person && !x.what_unit.zh.empty() ? x.what_unit : x.what;
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

// An item whose event is dated after as_of: a plan. Says what must happen first and that it is not in the totals.
void plan_words(const Situation& s, const Event& e, const Item& it, Words& w) {
  bool money = it.counts() && it.amount->kind != Amount::Kind::None;
  w.zh += "这是计划：该事件日期" + day_zh(e.date) + "晚于测算日期" + day_zh(s.as_of) +
          "，尚未发生；须待其实际发生（如取得证书、获奖、获批或认定）后方可申领" +
          (money ? "，本项金额不计入合计，单列为计划金额。" : "。");
  w.en += " This is a plan: the event is dated " + day_en(e.date) + ", after the day asked about (" + day_en(s.as_of) +
          "), and has not happened yet; it can be claimed only once it does (the certificate, result, approval or "
          "title obtained)" +
          (money ? ", so its money is not in the totals but shown as planned." : ".");
}

// A claim above a city-wide pool's whole budget (WH25 8.) can never be paid in full, whatever the other claims.
void pool_words(const Model& m, const Item& it, Words& w) {
  const Pool& p = m.pools[it.pooled_by];
  const Document& pd = m.documents[p.doc];
  w.zh += "按" + pd.number + clause_of(pd, p.clause, true) + "，全市当年的奖励总额以" + yuan_zh(p.budget_yuan) +
          "为限，超过时按比例发放，一家单位的申报即使是当年唯一的一份，也至多获得" + yuan_zh(p.budget_yuan) +
          "：本项核减为" + span_zh(it.total_min, it.total_max) + "，全市申报越多，实际所得越少。";
  w.en += " Under " + pd.number + " " + clause_of(pd, p.clause, false) + ", the whole city's awards of a year are " +
          yuan_en(p.budget_yuan) +
          " at most, shared pro rata above it: even as the only claim of the year, one "
          "claim can get no more than " +
          yuan_en(p.budget_yuan) + ", so this item is reduced to " + span_en(it.total_min, it.total_max) +
          "; the more the city's claims, the less it gets.";
}

void status_words(const Model& m, const Situation& s, const Evaluation& ev, const Item& it, Words& w);

Words explain(const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  const Measure& x = m.measures[it.measure];
  const Document& d = m.documents[x.doc];
  const Event& e = event_of(ev, s, it);
  bool person = s.kind == "person";
  Words w;
  if (it.event >= 0) {
    const Text& what = what_of(x, person);
    w.zh = std::string(person ? "您" : "贵单位") + (it.planned ? "计划于" : "于") + day_zh(e.date) + what.zh;
    w.en = std::string(it.planned ? "Planned for " + day_en(e.date) + ": " : "On " + day_en(e.date) + " ") +
           (person ? "you " + what.en : "your organisation " + singular(what.en));
  } else {
    // A standing entitlement of the applicant's kind: "贵单位作为企业，按…" / "As you are an enterprise, under …"
    const Text& what = what_of(x, person);
    w.zh = std::string(person ? "您" : "贵单位") + what.zh;
    w.en = person ? "As you " + what.en : "As your organisation " + singular(what.en);
  }
  if (it.option >= 0)
    w.zh += "（" + x.options[it.option].label.zh + "）", w.en += " (" + x.options[it.option].label.en + ")";
  w.zh += std::string(it.event >= 0 ? "。" : "，") + "按" + d.number + clause_of(d, x.clause, true) + "，";
  w.en += std::string(it.event >= 0 ? ". Under " : ", under ") + d.number + " " + clause_of(d, x.clause, false) + ", ";
  if (it.amount->kind == Amount::Kind::None) {  // no money: the benefit, never an empty amount ("可获一次性。")
    w.zh += std::string(person ? "您" : "贵单位") + "可享受：" + sentence(x.benefit.zh, "。");
    // The benefit texts are phrases of every shape ("may take part in …", "a certificate …"): a label reads them all.
    w.en += std::string(person ? "what this gives you: " : "what this gives your organisation: ") +
            sentence(x.benefit.en, ".");
  }
  if (x.held && it.event >= 0 && e.date <= s.as_of && it.status != Status::Superseded) {
    w.zh += "本项待遇随持有的称号、等级或荣誉而来，原文没有限于新取得者，因此按" + day_zh(s.as_of) +
            "仍持有计算，不论何年取得" +
            (it.status == Status::OutsidePeriod ? "；但该日不在" + d.number + "的施行期内。" : "。");
    w.en += std::string(
                " This right follows from holding the title, level or honour, and the text does not limit it to "
                "new holders, so it is judged on ") +
            day_en(s.as_of) + ", whatever year it was obtained" +
            (it.status == Status::OutsidePeriod ? "; but that day is outside the period of " + d.number + "." : ".");
  }
  if (x.held) {
    if (it.planned) plan_words(s, e, it, w);
    return w;
  }
  if (it.amount->kind == Amount::Kind::None || it.status == Status::NonMonetary) {
    status_words(m, s, ev, it, w);
    return w;
  }
  Words amt = amount_words(m, it);
  std::string who_zh, who_en;
  recipient_words(m, s, it, who_zh, who_en);
  w.zh += who_zh + "可获" + amt.zh + "。";
  w.en += who_en + " can receive " + amt.en + ".";
  if (it.blank || !it.asked.empty()) {
    std::string zh, en;
    for (auto& p : facts_asked(it)) {
      auto [lz, le] = field_label(m, e, p);
      zh += (zh.empty() ? "" : "、") + lz, en += (en.empty() ? "" : ", ") + le;
    }
    Text why = not_certain_words(m, s, it, {zh, en});  // city_bound.hpp
    w.zh += why.zh, w.en += why.en;
  }
  if (it.team) {
    w.zh += "这是团队的奖励，您个人的份额原文未规定，不计入您的合计。";
    w.en += " This is the team's award; your own share is not stated, so it is not in your total.";
  } else if (!it.for_applicant) {
    w.zh += std::string("该笔资金由") + who_zh + "领取，不计入" + (person ? "您" : "贵单位") + "的合计。";
    w.en += " It is received by " + who_en + ", not by " + (person ? "you" : "your organisation") +
            ", so it is not in your total.";
  }
  status_words(m, s, ev, it, w);
  return w;
}

// Why an item is not paid as it stands: lost to a stacking rule, a newer document, its dates, a cap or a pool; or a
// plan.
void status_words(const Model& m, const Situation& s, const Evaluation& ev, const Item& it, Words& w) {
  const std::vector<Item>& items = ev.items;
  const Measure& x = m.measures[it.measure];
  const Document& d = m.documents[x.doc];
  switch (it.status) {
    case Status::Excluded: {
      const Item& win = items[it.excluded_by];
      const Stacking& st = m.stackings[it.stacking];
      const Document& sd = m.documents[st.doc];
      std::string win_amt_zh = win.total_known ? span_zh(win.total_min, win.total_max) : "金额未定";
      std::string win_amt_en = win.total_known ? span_en(win.total_min, win.total_max) : "amount open";
      Words win_at = where(m, win.measure);
      w.zh += "但按" + sd.number + clause_of(sd, st.clause, true) + "，同一成就只按最高一项发放（" + win_at.zh + "，" +
              win_amt_zh + "），本项不发。";
      w.en += " But " + sd.number + " " + clause_of(sd, st.clause, false) +
              " pays one achievement once, at the highest amount (" + win_at.en + ", " + win_amt_en +
              "), so this item is not paid.";
      break;
    }
    case Status::Superseded: {
      const Measure& nx = m.measures[it.superseded_by];
      const Document& nd = m.documents[nx.doc];
      w.zh += "但该事件发生在" + day_zh(nd.from) + "或之后，以" + nd.number + clause_of(nd, nx.clause, true) +
              "为准，本项不再适用。";
      w.en += " But the event is on or after " + day_en(nd.from) + ", when " + nd.number + " " +
              clause_of(nd, nx.clause, false) + " governs, so this item no longer applies.";
      break;
    }
    case Status::OutsidePeriod: {
      std::string to_zh = d.to == kNoEnd ? "起" : "至" + day_zh(d.to),
                  to_en = d.to == kNoEnd ? "onwards" : "to " + day_en(d.to);
      w.zh += "但该事件日期不在" + d.number + "的施行期（" + day_zh(d.from) + to_zh + "）内，本项不适用。";
      w.en += " But the event falls outside the period of " + d.number + " (" + day_en(d.from) + " " + to_en +
              "), so this item does not apply.";
      break;
    }
    case Status::Capped:
      if (it.pooled_by >= 0) pool_words(m, it, w);
      if (it.capped_by >= 0) {
        const Cap& c = m.caps[it.capped_by];
        const Document& cd = m.documents[c.doc];
        w.zh += "按" + cd.number + clause_of(cd, c.clause, true) + "（" + c.quote + "），本项核减为" +
                span_zh(it.total_min, it.total_max) + "。";
        w.en += " " + cd.number + " " + clause_of(cd, c.clause, false) + " caps this at " + yuan_en(c.max_yuan) +
                (c.per == Cap::Per::ApplicantYear ? " a year" : "") + ", so it is reduced to " +
                span_en(it.total_min, it.total_max) + ".";
      }
      break;
    default:
      break;
  }
  if (it.planned) plan_words(s, event_of(ev, s, it), it, w);
}

void amount_json(JsonWriter& w, const Item& it) {
  const Amount& a = *it.amount;
  w.begin_object();
  switch (a.kind) {
    case Amount::Kind::Fixed:
      w.field("kind", "fixed").field("yuan", a.yuan);
      break;
    case Amount::Kind::Range:
      w.field("kind", "range").field("min_yuan", a.min_yuan).field("max_yuan", a.max_yuan);
      break;
    case Amount::Kind::UpTo:
      w.field("kind", "up_to").field("max_yuan", a.max_yuan);
      break;
    case Amount::Kind::Floor:
      w.field("kind", "floor").field("min_yuan", a.min_yuan);
      break;
    case Amount::Kind::Percent:
      w.field("kind", "percent")
          .field("percent", a.percent)
          .field("of", a.of.text())
          .field("base_yuan", it.base)
          .field("yuan", it.unit_max);
      if (a.has_cap) w.field("max_yuan", a.max_yuan);
      break;
    case Amount::Kind::Unstated:
      w.field("kind", "unstated");
      break;
    case Amount::Kind::None:
      w.field("kind", "none");
      break;
  }
  w.end_object();
}

void schedule_json(JsonWriter& w, const Measure& x, const Item& it) {
  w.begin_object();
  if (x.schedule.kind == Schedule::Kind::Once) {
    w.field("kind", "once");
  } else if (x.schedule.kind == Schedule::Kind::Term) {
    w.field("kind", "term").field("count", x.schedule.count);
  } else {
    w.field("kind", x.schedule.kind == Schedule::Kind::Monthly ? "monthly" : "yearly");
    if (!it.periods_known)
      w.key("count").null();
    else
      w.field("count", it.periods_max);
    if (it.periods_min != it.periods_max) w.field("min_count", it.periods_min);
  }
  w.end_object();
}

void text_json(JsonWriter& w, std::string_view key, const Text& t) {
  w.key(key).begin_object().field("zh", t.zh).field("en", t.en).end_object();
}

void span_json(JsonWriter& w, std::string_view key, long long lo, long long hi) {
  w.key(key).begin_object().field("min_yuan", lo).field("max_yuan", hi).end_object();
}

// What a measure not met would be worth: the lowest and highest of its options, for one head and its stated term.
// False when the text names no figure (or no term).
bool worth(const Measure& x, long long& lo, long long& hi, bool& money) {
  lo = -1, hi = -1, money = false;
  bool known = true;
  auto consider = [&](const Amount& a) {
    long long a_lo = 0, a_hi = 0;
    switch (a.kind) {
      case Amount::Kind::Fixed:
        a_lo = a_hi = a.yuan;
        break;
      case Amount::Kind::Range:
        a_lo = a.min_yuan, a_hi = a.max_yuan;
        break;
      case Amount::Kind::UpTo:
        a_lo = 0, a_hi = a.max_yuan;
        break;
      case Amount::Kind::Floor:
        a_lo = a_hi = a.min_yuan;
        break;
      case Amount::Kind::Percent:
        if (a.has_cap)
          a_lo = 0, a_hi = a.max_yuan;
        else
          known = false;
        break;
      case Amount::Kind::Unstated:
        known = false;
        money = true;
        return;
      case Amount::Kind::None:
        return;
    }
    money = true;
    if (x.schedule.periodic() && !x.schedule.count_known) known = false;
    long long n = !x.schedule.periodic() || !x.schedule.count_known ? 1 : x.schedule.count;
    a_lo *= n, a_hi *= n;
    lo = lo < 0 ? a_lo : std::min(lo, a_lo);
    hi = std::max(hi, a_hi);
  };
  if (x.options.empty()) consider(x.amount);
  for (auto& o : x.options) consider(o.amount);
  return known && lo >= 0;
}

// A measure the applicant's event meets but for its date: the suggestion explains the cut-off instead of asking for
// what the applicant already has.
void date_cutoff_suggestion(JsonWriter& w, const Model& m, const Situation& s, const Item& it) {
  const Measure& x = m.measures[it.measure];
  const Document& d = m.documents[x.doc];
  const Event& e = s.events[it.event];
  bool person = s.kind == "person";
  bool before = e.date < d.from;
  std::string zh =
      std::string(person ? "您" : "贵单位") + "于" + day_zh(e.date) + what_of(x, person).zh + "，但" +
      (before ? "这早于" + d.number + "的施行日期" + day_zh(d.from) + "：本项只适用于该日及以后发生的事项"
              : "这晚于" + d.number + "的有效期截止日" + day_zh(d.to) + "：本项只适用于有效期内发生的事项") +
      "。已有的这一项不能按本项申领（不是缺少条件，而是日期不在文件施行期内）。";
  std::string en = "You already have this (on " + day_en(e.date) + " " + (person ? "you " : "your organisation ") +
                   (person ? x.what.en : singular(what_of(x, person).en)) + "), but " +
                   (before ? "that is before " + d.number + " took effect on " + day_en(d.from) +
                                 ": this measure covers only what happens from that day on"
                           : "that is after " + d.number + " ended on " + day_en(d.to) +
                                 ": this measure covers only what happens within its period") +
                   ". It cannot be claimed under this measure: not for a missing condition, but for its date.";
  w.begin_object().field("clause_id", x.id);
  w.key("needs").begin_object().field("zh", zh).field("en", en).end_object();
  w.key("source").begin_object().field("document", d.number).field("clause", x.clause).end_object();
  w.key("worth").null();
  w.key("date_cutoff")
      .begin_object()
      .key("event_ids")
      .begin_array()
      .str(e.id)
      .end_array()
      .field("from", day_iso(d.from));
  if (d.to == kNoEnd)
    w.key("to").null();
  else
    w.field("to", day_iso(d.to));
  w.end_object().end_object();
}

}  // namespace

void prerender(Model& m) {
  for (Measure& x : m.measures) {
    const Document& d = m.documents[x.doc];
    JsonWriter src;
    src.begin_object()
        .field("document", d.number)
        .field("document_id", d.id)
        .field("clause", x.clause)
        .field("quote", x.quote)
        .end_object();
    x.json_source = std::move(src.out);
    long long lo = 0, hi = 0;
    x.suggestion_known = worth(x, lo, hi, x.suggestion_money);
    x.suggestion_max = hi;
    JsonWriter w;
    w.begin_object().field("clause_id", x.id);
    text_json(w, "needs", x.needs);
    w.key("source").begin_object().field("document", d.number).field("clause", x.clause).end_object();
    if (!x.suggestion_money) {
      w.key("worth").null();
      text_json(w, "benefit", x.benefit);
    } else if (!x.suggestion_known) {
      w.key("worth").null();
    } else {
      w.key("worth")
          .begin_object()
          .field("min_yuan", lo)
          .field("max_yuan", hi)
          .field("per", x.per_head == Measure::PerHead::No ? "claim"
                        : x.unit.en.empty()                ? "person"
                                                           : x.unit.en)
          .end_object();
      if (!x.unit.zh.empty()) text_json(w, "unit", Text{x.unit.zh, x.unit.en});
    }
    w.end_object();
    x.json_suggestion = std::move(w.out);
  }
  prerender_claim(m);
}

std::string render_result(const Model& m, const Situation& s, const Evaluation& ev) {
  JsonWriter w;
  w.out.reserve(8192);
  w.begin_object()
      .key("ok")
      .boolean(true)
      .field("city", s.city)
      .field("as_of", day_iso(s.as_of))
      .field("rules_version", m.version);
  w.key("items").begin_array();
  std::vector<Text> notes;
  auto note = [&](const Text& t) {
    for (auto& n : notes)
      if (n.zh == t.zh) return;
    notes.push_back(t);
  };
  std::vector<char> doc_noted(m.documents.size(), 0), measure_noted(m.measures.size(), 0);
  for (const Item& it : ev.items) {
    const Measure& x = m.measures[it.measure];
    const Document& d = m.documents[x.doc];
    const Event& e = event_of(ev, s, it);
    w.begin_object().field("clause_id", x.id).field("status", status_name(it.status));
    w.key("event_ids").begin_array();
    for (int more : it.more_events) w.str(s.events[more].id);
    if (it.event >= 0) w.str(e.id);
    w.end_array();
    w.field("recipient", it.recipient).key("for_applicant").boolean(it.for_applicant);
    if (it.team) w.key("team").boolean(true);
    if (it.blank || !it.asked.empty()) {
      w.key("certain").boolean(false).key("missing").begin_array();
      for (auto& p : facts_asked(it)) {
        auto [zh, en] = field_label(m, e, p);
        w.begin_object().field("field", p.text()).field("zh", zh).field("en", en).end_object();
      }
      w.end_array();
    }
    w.key("amount");
    amount_json(w, it);
    if (x.per_head != Measure::PerHead::No) w.field("heads", it.heads);
    if (x.per_head != Measure::PerHead::No && !x.unit.zh.empty()) text_json(w, "unit", Text{x.unit.zh, x.unit.en});
    w.key("schedule");
    schedule_json(w, x, it);
    if (it.total_known)
      span_json(w, "total", it.total_min, it.total_max);
    else
      w.key("total").null();
    w.key("payers").begin_array();
    for (auto& p : x.payers) w.begin_object().field("who", p.who).field("share", p.share).end_object();
    w.end_array();
    w.key("source").raw(x.json_source);
    Words words = explain(m, s, ev, it);
    w.key("explain").begin_object().field("zh", words.zh).field("en", words.en).end_object();
    if (it.option >= 0) text_json(w, "option", x.options[it.option].label);
    if (it.status == Status::NonMonetary) text_json(w, "benefit", x.benefit);
    if (x.ambiguous) w.key("ambiguous").boolean(true);
    if (it.counts() || it.status == Status::NonMonetary) claim_json(w, m, s, ev, it);
    if (it.planned) w.key("planned").boolean(true);
    if (it.status == Status::Excluded) {
      const Item& win = ev.items[it.excluded_by];
      w.key("excluded_by").begin_object().field("clause_id", m.measures[win.measure].id).key("event_ids").begin_array();
      if (win.event >= 0) w.str(s.events[win.event].id);
      w.end_array().field("rule", m.stackings[it.stacking].id).end_object();
    }
    if (it.status == Status::Superseded)
      w.key("superseded_by")
          .begin_object()
          .field("clause_id", m.measures[it.superseded_by].id)
          .field("document", m.documents[m.measures[it.superseded_by].doc].number)
          .end_object();
    if (it.status == Status::Capped && it.capped_by >= 0) {
      w.key("capped_by")
          .begin_object()
          .field("cap", m.caps[it.capped_by].id)
          .field("max_yuan", m.caps[it.capped_by].max_yuan);
      span_json(w, "before", it.before_cap_min, it.before_cap_max);
      w.end_object();
    } else if (it.status == Status::Capped && it.pooled_by >= 0) {
      w.key("capped_by")
          .begin_object()
          .field("pool", m.pools[it.pooled_by].id)
          .field("max_yuan", m.pools[it.pooled_by].budget_yuan);
      span_json(w, "before", it.before_pool_min, it.before_pool_max);
      w.end_object();
    }
    w.end_object();
    if (it.status == Status::OutsidePeriod) continue;
    if (!doc_noted[x.doc]) {
      doc_noted[x.doc] = 1;
      for (auto& n : d.notes) note(n);  // the period and currency of each document are in "documents"
    }
    if (!measure_noted[it.measure]) {
      measure_noted[it.measure] = 1;
      for (auto& n : x.notes) note(n);
    }
    if (it.status == Status::Excluded)
      for (auto& n : m.stackings[it.stacking].notes) note(n);
    Words at = where(m, it.measure);
    if (it.counts() && !it.unit_known && it.amount->kind != Amount::Kind::None)
      note({at.zh + "：原文未写明金额，未计入合计。",
            at.en + ": the text names no amount; it is left out of the totals."});
    if (it.counts() && it.unit_known && !it.periods_known)
      note({at.zh + "：原文未写明发放期限，总额无法确定，未计入合计。",
            at.en + ": the text states no term, so its total is unknown and left out of the totals."});
    if (it.counts() && it.amount->kind == Amount::Kind::Floor)
      note({at.zh + "：原文为“不低于”，合计按最低标准计算，实际可能更高。",
            at.en + ": the text sets a floor (不低于); the totals count the floor, more may be paid."});
    if (it.counts() && it.amount->kind == Amount::Kind::UpTo)
      note({at.zh + "：原文为“最高”或“不超过”，实际金额由主管部门核定，合计按0至上限计算。",
            at.en + ": the text gives only a ceiling (最高/不超过); the bureau sets the actual amount, so the totals "
                    "run from 0 to the ceiling."});
    if (it.planned)
      note({"日期晚于测算日期（" + day_zh(s.as_of) +
                "）的事件是计划，尚未发生：由此产生的各项标注“计划”，金额不计入合计，"
                "单列为计划金额，须待事件实际发生后方可申领。",
            "Events dated after the day asked about (" + day_en(s.as_of) +
                ") are plans that have not happened: "
                "their items are marked planned and their money is not in the totals but shown apart as planned money; "
                "they can be claimed only once the events happen."});
  }
  w.end_array();
  span_json(w, "totals", ev.total_min, ev.total_max);
  w.key("other_totals").begin_array();
  for (auto& [who, span] : ev.other_totals)
    w.begin_object().field("recipient", who).field("min_yuan", span.first).field("max_yuan", span.second).end_object();
  w.end_array();
  span_json(w, "planned_totals", ev.planned_min, ev.planned_max);
  documents_json(w, m, s, ev);
  // Suggestions, the closest first (closeness.hpp), then those with money, the most valuable first; none that a
  // fact the applicant stated rules out.
  std::vector<int> sugs;
  std::map<int, int> distance;
  for (int mi : ev.missed)
    if (int d = suggestion_distance(m, mi, s, ev); d != kUnrelated) sugs.push_back(mi), distance[mi] = d;
  std::stable_sort(sugs.begin(), sugs.end(), [&](int a, int b) {
    const Measure &x = m.measures[a], &y = m.measures[b];
    if (distance[a] != distance[b]) return distance[a] < distance[b];
    if (x.suggestion_money != y.suggestion_money) return x.suggestion_money;
    return (x.suggestion_known ? x.suggestion_max : -1) > (y.suggestion_known ? y.suggestion_max : -1);
  });
  w.key("suggestions").begin_array();
  for (int mi : sugs) {
    const Item* dated = nullptr;  // the applicant has what the measure asks, on a day outside its document's period
    for (const Item& it : ev.items)
      if (it.measure == mi && it.status == Status::OutsidePeriod && it.event >= 0 && !dated) dated = &it;
    if (dated)
      date_cutoff_suggestion(w, m, s, *dated);
    else
      w.raw(m.measures[mi].json_suggestion);
  }
  w.end_array();
  w.key("notes").begin_array();
  for (auto& n : notes) w.begin_object().field("zh", n.zh).field("en", n.en).end_object();
  w.end_array();
  w.end_object();
  return std::move(w.out);
}

std::string render_error(const std::string& code, const std::string& path, const std::string& zh,
                         const std::string& en) {
  ojson r;
  r["ok"] = false;
  r["error"] = {{"code", code}, {"path", path}, {"zh", zh}, {"en", en}};
  return r.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace skillcalc
