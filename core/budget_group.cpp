// Step 2 of the budget: grouping. Each applicant is evaluated as one situation; the caps per applicant that bit are
// noted; the items that count (granted or capped) of a pool's measures are summed per measure and calendar year of
// their event, checked against the amounts the claims state, and added to each pool's year as one slot per applicant.
#include <algorithm>
#include <cstdlib>

#include "budget_parts.hpp"
#include "day.hpp"
#include "documents.hpp"
#include "evaluate.hpp"
#include "situation.hpp"
#include "strict_json.hpp"

namespace skillcalc::budget {

namespace {

struct Sum {  // per measure of a pool and year: the applicant's total
  int measure = -1, year = 0;
  long long min = 0, max = 0, heads = 0;
  bool known = true;
  bool planned = false;    // items whose events are after the claim's as_of: not a claim of the year, not counted
  bool floored = false;    // its least is what another item of the same achievement brings (就高): not its own
  int floor_measure = -1;  // …that item's measure
};

// An error of an applicant's evaluation, reported against all its claims; in a merged event, against the claim the
// event came from, with the event's path there.
void report(const Applicant& a, const Err& e, Errors& errors) {
  int input = a.inputs[0];
  std::string path = e.path;
  if (a.is_merged && path.rfind("/events/", 0) == 0) {
    size_t end = path.find('/', 8);
    size_t k = std::strtoul(path.c_str() + 8, nullptr, 10);
    if (k < a.origin.size()) {
      input = a.origin[k].first;
      path = "/events/" + std::to_string(a.origin[k].second) + (end == std::string::npos ? "" : path.substr(end));
    }
  }
  if (a.envelope && path.rfind("/claimed_yuan", 0) != 0) path = "/situation" + path;
  errors.add(input, a.id, {e.code, path, e.zh, e.en}, a.inputs);
}

// The applicant's situation read and evaluated; false with `ie` set when either fails.
bool evaluate_applicant(const Model& m, const Applicant& a, const std::vector<std::string>& claims, Day today,
                        Situation& s, Evaluation& ev, InputError& ie) {
  std::string dumped;
  // An envelope's situation is read again from its claim rather than kept: memory stays small per claim.
  if (a.is_merged) dumped = a.merged.dump(-1, ' ', false, json::error_handler_t::replace);
  if (a.envelope && !a.is_merged)
    dumped = envelope_situation(claims[a.inputs[0]]).dump(-1, ' ', false, json::error_handler_t::replace);
  std::string_view text = a.envelope || a.is_merged ? std::string_view(dumped) : a.bare;
  bool ok = parse_situation(text, today, m, s, ie);
  if (ok) ok = evaluate(m, s, ev, ie);
  return ok;
}

// Caps per applicant that bit (e.g. JN24 (三), 每所院校每年最高奖补100万元): shown, already applied. One entry per
// applicant, cap and year, with the items of the cap before and after it.
void note_caps(const Model& m, int ai, const Situation& s, const Evaluation& ev, std::vector<CapHit>& cap_hits) {
  for (auto& it : ev.items) {
    if (it.status != Status::Capped || it.capped_by < 0 || it.planned) continue;  // claims as made: no plans
    const Cap& c = m.caps[it.capped_by];
    int year = c.per == Cap::Per::ApplicantYear ? day_year(event_of(ev, s, it).date) : 0;
    bool seen = false;  // this applicant's hits are the last ones noted (applicants come in order)
    for (size_t k = cap_hits.size(); k-- > 0 && cap_hits[k].applicant == ai && !seen;)
      seen = cap_hits[k].cap == it.capped_by && cap_hits[k].year == year;
    if (seen) continue;
    CapHit h{ai, it.capped_by, year};
    for (auto& x : ev.items) {
      if (!x.counts() || !x.total_known || x.planned ||
          !std::binary_search(c.measures.begin(), c.measures.end(), x.measure))
        continue;
      if (c.per == Cap::Per::ApplicantYear && day_year(event_of(ev, s, x).date) != year) continue;
      bool capped = x.status == Status::Capped;
      h.before_min += capped ? x.before_cap_min : x.total_min, h.before_max += capped ? x.before_cap_max : x.total_max;
      h.after_min += x.total_min, h.after_max += x.own_ceiling();
    }
    cap_hits.push_back(h);
  }
}

// The items that count of pooled measures, summed per measure and year of their event (plans apart).
void sum_pooled(const PoolIndex& ix, const Situation& s, const Evaluation& ev, std::vector<Sum>& sums) {
  sums.clear();
  for (auto& it : ev.items) {
    if (!it.counts() || ix.pools_of[it.measure].empty()) continue;
    int year = day_year(event_of(ev, s, it).date);
    Sum* x = nullptr;
    for (auto& y : sums)
      if (y.measure == it.measure && y.year == year && y.planned == it.planned) x = &y;
    if (!x) {
      sums.emplace_back();
      x = &sums.back();
      x->measure = it.measure, x->year = year, x->planned = it.planned;
    }
    x->known = x->known && it.total_known;
    x->floored = x->floored || it.floor_by >= 0;
    if (it.floor_by >= 0) x->floor_measure = ev.items[static_cast<size_t>(it.floor_by)].measure;
    // A claim above the whole pool is cut for one applicant's answer; the pool is settled from the claim as made.
    bool cut = it.pooled_by >= 0;
    if (it.total_known)
      x->min += cut ? it.before_pool_min : it.total_min, x->max += cut ? it.before_pool_max : it.own_ceiling();
    x->heads += it.heads;
  }
}

// The number of people a pooled item counts per head (or the item 就高 weighs it against) when the claim does not give
// it: eval counts one and says so, but a pool shared pro rata would take every claim's share from a number nobody
// stated, as it would from any other blank fact.
Err heads_not_given(const Model& m, const Situation& s, const Evaluation& ev, const Item& pooled, const Item& it) {
  const Item* floor = pooled.floor_by >= 0 ? &ev.items[static_cast<size_t>(pooled.floor_by)] : nullptr;
  for (const Item* h : {&pooled, &it, floor}) {
    if (!h || !h->heads_assumed) continue;
    const Measure& x = m.measures[h->measure];
    const Path p = x.per_head == Measure::PerHead::Count ? Path{Path::Scope::Event, "count"} : x.per_head_path;
    const std::string& id = m.measures[pooled.measure].id;
    std::string path = p.scope == Path::Scope::Applicant
                           ? "/applicant/" + p.field
                           : "/events/" + std::to_string(event_of(ev, s, *h).index) + "/" + p.field;
    return {"missing_fact", path,
            "“" + id + "”计入资金池的金额取决于人数，本事件未填写人数“" + p.text() +
                "”（单项测算按1计）：本申报未计入，请补充后再结算",
            "what '" + id + "' counts in the pool depends on the number of people, which the event does not give, '" +
                p.text() + "' (a single evaluation counts 1): the claim is left out; give it and settle again"};
  }
  return {};
}

// Whether another item of an excluded item's measure is paid in its year (烟台 (七) for the year's other self-evaluated
// batch, within the same 5万元 a year): the claim then counts in the pool whichever item pays it.
bool paid_in_its_year(const Situation& s, const Evaluation& ev, const Item& excluded) {
  const int year = event_of(ev, s, excluded).date / 10000;
  for (const Item& other : ev.items)
    if (&other != &excluded && other.measure == excluded.measure && other.counts() && !other.planned &&
        !other.uncertain() && event_of(ev, s, other).date / 10000 == year)
      return true;
  return false;
}

// A pooled item that rests on a fact the claim leaves blank (是否属于重点产业链 not given): counted at its amount it
// would take money from the claims that are certain, so the claim is left out and the fact named, as eval asks it.
// So is a pooled item left out by 就高 for another item that rests on a blank fact (烟台 (七) against (十一) whose
// trained_by is blank): whether the pool pays it turns on that fact.
Err pooled_fact_missing(const Model& m, const PoolIndex& ix, const Situation& s, const Evaluation& ev) {
  for (auto& pooled : ev.items) {
    if (ix.pools_of[pooled.measure].empty() || pooled.planned) continue;
    // The pool's year is the event's: without its date it would be the run's day (威海 8. 当年度).
    if (pooled.counts() && pooled.event >= 0 && !event_of(ev, s, pooled).dated) {
      const std::string& id = m.measures[pooled.measure].id;
      return {"missing_fact", "/events/" + std::to_string(event_of(ev, s, pooled).index) + "/date",
              "“" + id + "”计入哪一年度的资金池取决于事件日期，本事件未填写日期：本申报未计入，请补充后再结算",
              "which year's pool '" + id +
                  "' counts in depends on the event's date, which is not given: the claim is "
                  "left out; give it and settle again"};
    }
    bool excluded = pooled.status == Status::Excluded && pooled.excluded_by >= 0;
    const Item& it = excluded ? ev.items[static_cast<size_t>(pooled.excluded_by)] : pooled;
    if (!(excluded || pooled.counts()) || (excluded && paid_in_its_year(s, ev, pooled))) continue;
    if (Err e = heads_not_given(m, s, ev, pooled, it); !e.code.empty()) return e;
    if (!it.uncertain()) continue;
    for (const Path& p : facts_asked(it)) {
      const std::string& id = m.measures[pooled.measure].id;
      std::string path = p.scope == Path::Scope::Applicant
                             ? "/applicant/" + p.field
                             : "/events/" + std::to_string(event_of(ev, s, it).index) + "/" + p.field;
      return {"missing_fact", path,
              "“" + id + "”计入资金池取决于未填写的事实“" + p.text() + "”：本申报未计入，请补充后再结算",
              "whether '" + id + "' counts in the pool depends on a fact left blank, '" + p.text() +
                  "': the claim is left out; give it and settle again"};
    }
  }
  return {};
}

// Whether an event could meet a pooled measure the claim did not get, but for facts it leaves blank (a self-evaluated
// enterprise that left the route empty): those facts' paths, or none. A stated fact that fails rules it out.
std::vector<const Path*> blank_facts_only(const Measure& x, const Event& e, const Situation& s) {
  auto given = [&](const Path& p) {
    return p.scope == Path::Scope::Applicant ? s.applicant.get(p) != nullptr : e.fields.get(p) != nullptr;
  };
  auto check = [&](const std::vector<Condition>& when, std::vector<const Path*>& blank) {
    for (auto& c : when)
      if (!holds(c, e, s)) {
        if (given(c.path)) return false;
        blank.push_back(&c.path);
      }
    return true;
  };
  std::vector<const Path*> blank;
  if (!check(x.when, blank)) return {};
  if (x.options.empty()) return blank;
  for (auto& o : x.options) {
    std::vector<const Path*> more = blank;
    if (check(o.when, more) && !more.empty()) return more;
  }
  return {};
}

// A claim whose event could count in a pool but for a blank fact, and that the pool therefore does not count: left
// out, the fact named, so that the settlement is not taken as complete without it.
Err pool_claim_unsure(const Model& m, const PoolIndex& ix, const Situation& s, const Evaluation& ev) {
  int kind = m.vocab.kind_index(s.kind);
  for (size_t mi = 0; mi < m.measures.size(); ++mi) {
    const Measure& x = m.measures[mi];
    if (ix.pools_of[mi].empty() || kind < 0 || !(x.applicants & (1u << kind))) continue;
    const Document& d = m.documents[x.doc];
    if (d.city != s.city) continue;
    for (size_t ei = 0; ei < s.events.size(); ++ei) {
      const Event& e = s.events[ei];
      if (!same_type(x, e) || e.date < d.from || e.date > d.to) continue;
      bool met = std::any_of(ev.items.begin(), ev.items.end(),
                             [&](const Item& it) { return it.measure == static_cast<int>(mi) && it.event == (int)ei; });
      if (met) continue;
      std::vector<const Path*> blank = blank_facts_only(x, e, s);
      if (blank.empty()) continue;
      const Path& p = *blank.front();
      std::string path = p.scope == Path::Scope::Applicant ? "/applicant/" + p.field
                                                           : "/events/" + std::to_string(e.index) + "/" + p.field;
      return {"missing_fact", path,
              "“" + x.id + "”可能计入资金池，但取决于未填写的事实“" + p.text() + "”：本申报未计入，请补充后再结算",
              "'" + x.id + "' may count in the pool, but that depends on a fact left blank, '" + p.text() +
                  "': the claim is left out; give it and settle again"};
    }
  }
  return {};
}

// A claimed amount for a measure the applicant has no pooled item of: why (就高 gave the achievement to another item,
// which is paid on its own), or that it has none.
Err no_pooled_item(const Model& m, const Evaluation& ev, int mi, const std::string& clause, const std::string& path) {
  for (auto& it : ev.items)
    if (it.measure == mi && it.status == Status::Excluded && it.excluded_by >= 0) {
      const std::string& winner = m.measures[ev.items[static_cast<size_t>(it.excluded_by)].measure].id;
      return {
          "unknown_claim", path,
          "“" + clause + "”按“就高不重复”让位于“" + winner +
              "”（该项单独发放，不从资金池支付），不计入资金池：无需申报其金额",
          "'" + clause + "' gives way to '" + winner +
              "' under 就高不重复 (paid on its own, not from the pool), so it does not count in the pool: no amount "
              "is claimed for it"};
    }
  return {"unknown_claim", path, "本申请人没有“" + clause + "”这一项可计入资金池的待遇",
          "this applicant has no pooled item '" + clause + "'"};
}

// The amounts the claims state, each checked against the applicant's items of its measure: the first fault, or none.
Err check_claimed(const Model& m, const Evaluation& ev, const PoolIndex& ix, const Applicant& a,
                  const std::vector<Sum>& sums) {
  for (auto& [clause, yuan] : a.claimed) {
    int mi = ix.measure_index.at(clause);
    const Sum* x = nullptr;
    int years = 0;
    for (auto& y : sums)
      if (y.measure == mi && !y.planned) x = &y, ++years;
    std::string path = "/claimed_yuan/" + pointer_token(clause);
    if (!x) return no_pooled_item(m, ev, mi, clause, path);
    if (years > 1 || !x->known)
      return {
          "ambiguous_claim", path,
          "“" + clause +
              "”的待遇分属多个年度或总额未知，申报金额无法对应到一年：请按年度分别申报（表格中可把各年的行写成不同的申"
              "请人名称，如“甲公司2025”“甲公司2026”）",
          "the items of '" + clause +
              "' fall in several years or have no known total, so a claimed amount cannot "
              "be matched to one year: give one claim per year (in a spreadsheet, name each year's rows as their own "
              "applicant, such as '甲公司2025' and '甲公司2026')"};
    if (yuan < x->min || yuan > x->max) {
      Err e{
          "out_of_range", path,
          "申报金额必须在 " + std::to_string(x->min) + " 至 " + std::to_string(x->max) + " 元之间",
          "the claimed amount must be between " + std::to_string(x->min) + " and " + std::to_string(x->max) + " yuan"};
      if (a.inputs.size() > 1)  // the applicant's claims, added up (budget_read.cpp merge_claim)
        e.zh += "（同一申请人各条记录的申报金额已相加，合计 " + std::to_string(yuan) + " 元）",
            e.en += " (the applicant's claims are added up: " + std::to_string(yuan) + " yuan in all)";
      if (yuan < x->min && x->floored)
        e.zh +=
            "（下限是按就高原则同一成就至少应得的金额：评定低于此数的，由另一项按其金额发放，不从本资金池支付，"
            "本项不必申报）",
            e.en +=
            " (the least is what the same achievement brings at its highest (就高) under another item: assessed "
            "below it, that item pays instead, not this pool, and this one need not be claimed)";
      return e;
    }
  }
  return {};
}

// The applicant's sums added to the pools' years they count towards: one slot per applicant and pool's year. A sum
// with no known total is listed as not counted, except in a quota (which counts people). False when the applicant got
// no slot (nothing it counts towards any pool: a plan, no known total, or no pooled item at all).
bool add_to_groups(const Model& m, const PoolIndex& ix, int ai, const Applicant& a, const std::vector<Sum>& sums,
                   Groups& groups) {
  std::vector<std::pair<std::pair<int, int>, size_t>> mine;  // (pool, year) -> slot, for this applicant
  bool slotted = false;
  for (auto& x : sums) {
    const long long* given = nullptr;
    for (auto& c : a.claimed)
      if (c.first == m.measures[x.measure].id) given = &c.second;
    for (int p : ix.pools_of[x.measure]) {
      std::pair<int, int> key{p, x.year};
      Group& g = groups[key];
      g.pool = key.first, g.year = key.second;
      if (x.planned || (m.pools[key.first].rule != Pool::Rule::Quota && !x.known)) {
        g.not_counted.push_back({ai, m.measures[x.measure].id, x.planned});
        continue;
      }
      size_t pos = g.slots.size();
      for (auto& [k, at] : mine)
        if (k == key) pos = at;
      if (pos == g.slots.size()) {
        g.slots.emplace_back();
        slotted = true;
        g.slots.back().applicant = ai;
        mine.push_back({key, pos});
      }
      Slot& sl = g.slots[pos];
      sl.heads += x.heads;
      if (x.floored && x.known && x.floor_measure >= 0) sl.floor += x.min, sl.floor_measure = x.floor_measure;
      if (!x.known)
        sl.unknown = true;
      else if (given)
        sl.claimed += *given, sl.given = true;
      else
        // A 就高 winner's least is another item's money: its own amount is not stated, however narrow the span.
        sl.claimed += x.max, sl.upper_bound = sl.upper_bound || x.min != x.max || x.floored;
    }
  }
  return slotted;
}

// Why an applicant settled without fault counts towards no pool: an event of a pooled measure outside its
// document's period, or nothing of the city's pools at all (their measures named).
Unpooled unpooled_reason(const Model& m, const PoolIndex& ix, int ai, const Situation& s, const Evaluation& ev,
                         const std::vector<Sum>& sums) {
  for (auto& x : sums)  // pooled items, none counted: a plan, or no known total
    return {ai,
            "“" + m.measures[x.measure].id + "”" +
                (x.planned ? "的事件日期晚于申报的测算日期，尚未发生，不是当年的申报，未计入资金池（发生后再申报）"
                           : "的总额未知（期限或金额原文未写明），未计入资金池") +
                "；本申报不参与分配",
            "'" + m.measures[x.measure].id + "' " +
                (x.planned ? "is dated after the claim's as_of and has not happened: not a claim of the year, not "
                             "counted in the pool (claim it once it has)"
                           : "has no known total (the text states no term or amount): not counted in the pool") +
                "; this claim takes no share"};
  for (auto& it : ev.items) {
    if (ix.pools_of[it.measure].empty() || it.event < 0 || it.status != Status::OutsidePeriod) continue;
    const Event& e = event_of(ev, s, it);
    const Document& d = m.documents[m.measures[it.measure].doc];
    // The whole period, as eval gives it: "from" alone reads as if a later event were inside it.
    return {ai,
            "事件“" + e.id + "”（" + day_zh(e.date) + "）不在" + d.number + period_zh(d) + "内，“" +
                m.measures[it.measure].id + "”不计入资金池；本申报不参与分配",
            "event '" + e.id + "' (" + day_en(e.date) + ") is outside the period of " + d.number + " (" + period_en(d) +
                "), so '" + m.measures[it.measure].id + "' does not count in the pool; this claim takes no share"};
  }
  std::string ids;
  for (size_t mi = 0; mi < m.measures.size(); ++mi)
    if (!ix.pools_of[mi].empty() && m.documents[m.measures[mi].doc].city == s.city)
      ids += (ids.empty() ? "" : "、") + m.measures[mi].id;
  if (ids.empty()) ids = "—";
  return {ai, "本申报没有计入资金池的待遇（本市资金池计入的是：" + ids + "），不参与分配；其他待遇按单项测算（eval）",
          "this claim has nothing that counts in a pool (the city's pools count: " + ids +
              "), so it takes no share; its other items are as eval gives them"};
}

}  // namespace

Gathered group_claims(const Model& m, const PoolIndex& ix, const std::vector<std::string>& claims, Day today,
                      std::vector<Applicant>& apps, Errors& errors) {
  Gathered out;
  std::vector<Sum> sums;
  for (size_t i = 0; i < apps.size(); ++i) {
    Applicant& a = apps[i];
    const int ai = static_cast<int>(i);
    Situation s;
    Evaluation ev;
    InputError ie;
    if (!evaluate_applicant(m, a, claims, today, s, ev, ie)) {
      report(a, {ie.code, ie.path, ie.zh, ie.en}, errors);
      continue;
    }
    if (auto c = m.city_documents.find(s.city); c != m.city_documents.end()) a.city = &c->first;
    sum_pooled(ix, s, ev, sums);
    Err bad = pooled_fact_missing(m, ix, s, ev);
    if (bad.code.empty()) bad = pool_claim_unsure(m, ix, s, ev);
    if (bad.code.empty()) bad = check_claimed(m, ev, ix, a, sums);
    if (!bad.code.empty()) {
      report(a, bad, errors);
      continue;
    }
    note_caps(m, ai, s, ev, out.cap_hits);  // only for claims settled
    if (!add_to_groups(m, ix, ai, a, sums, out.groups)) out.unpooled.push_back(unpooled_reason(m, ix, ai, s, ev, sums));
  }
  return out;
}

}  // namespace skillcalc::budget
