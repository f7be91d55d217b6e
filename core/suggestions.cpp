#include "suggestions.hpp"

#include <algorithm>

#include "closeness.hpp"
#include "day.hpp"
#include "documents.hpp"
#include "money.hpp"
#include "text_out.hpp"

namespace skillcalc {

namespace {

void text_json(JsonWriter& w, std::string_view key, const Text& t) {
  w.key(key).begin_object().field("zh", t.zh).field("en", t.en).end_object();
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

// "date_cutoff": { event_ids, from, to }: the events a date cut-off leaves out, and the document's period.
void cutoff_json(JsonWriter& w, const Document& d, const Situation& s, const std::vector<int>& events) {
  w.key("date_cutoff").begin_object().key("event_ids").begin_array();
  for (int ei : events) w.str(s.events[ei].id);
  w.end_array().field("from", day_iso(d.from));
  if (d.to == kNoEnd)
    w.key("to").null();
  else
    w.field("to", day_iso(d.to));
  w.end_object();
}

// A measure the applicant's event meets but for its date: the suggestion explains the cut-off instead of asking for
// what the applicant already has.
void date_cutoff_suggestion(JsonWriter& w, const Model& m, const Situation& s, const Item& it) {
  const Measure& x = m.measures[it.measure];
  const Document& d = m.documents[x.doc];
  const Event& e = s.events[it.event];
  bool person = s.kind == "person", before = e.date < d.from;
  const Text& what = !person && !x.what_unit.zh.empty() ? x.what_unit : x.what;
  Words t;
  cat(t.zh, person ? "您" : "贵单位", "于", DayZh{e.date}, what.zh, "，但");
  before ? cat(t.zh, "这早于", d.number, start_zh(d), "：本项只适用于该日及以后发生的事项")
         : cat(t.zh, "这晚于", d.number, "的有效期截止日", DayZh{d.to}, "：本项只适用于有效期内发生的事项");
  cat(t.zh, "。已有的这一项不能按本项申领（不是缺少条件，而是日期不在文件", d.start_stated ? "施行期" : "适用期",
      "内）。");
  cat(t.en, "You already have this (on ", DayEn{e.date}, " ", person ? "you " : "your organisation ",
      person ? x.what.en : x.what_en_org, "), but ");
  before
      ? cat(t.en, "that is before ", d.number, start_en(d), ": this measure covers only what happens from that day on")
      : cat(t.en, "that is after ", d.number, " ended on ", DayEn{d.to},
            ": this measure covers only what happens within its period");
  put(t.en, ". It cannot be claimed under this measure: not for a missing condition, but for its date.");
  w.begin_object().field("clause_id", x.id);
  w.key("needs").begin_object().field("zh", t.zh).field("en", t.en).end_object();
  w.key("source").begin_object().field("document", d.number).field("clause", x.clause).end_object();
  w.key("worth").null();
  cutoff_json(w, d, s, {it.event});
  w.end_object();
}

// Whether the measure's figures are minimums (不低于N元): its worth is then no ceiling.
bool at_least(const Measure& x) {
  if (x.options.empty()) return x.amount.kind == Amount::Kind::Floor;
  return std::any_of(x.options.begin(), x.options.end(),
                     [](const Option& o) { return o.amount.kind == Amount::Kind::Floor; });
}

// A suggestion: what the measure needs (`needs`), its source, and what it is worth (lo … hi); the object left open.
void suggestion_body(JsonWriter& w, const Measure& x, const Text& needs, long long lo, long long hi) {
  w.begin_object().field("clause_id", x.id);
  text_json(w, "needs", needs);
  w.key("source").raw(x.json_suggestion_source);
  if (!x.suggestion_money) {
    w.key("worth").null();
    w.key("benefit").raw(x.json_benefit);
  } else if (!x.suggestion_known) {
    w.key("worth").null();
  } else {
    w.key("worth")
        .begin_object()
        .field("min_yuan", lo)
        .field("max_yuan", hi)
        .field("per", x.per_head == Measure::PerHead::No ? "claim"
                      : x.unit.en.empty()                ? "person"
                                                         : x.unit.en);
    if (at_least(x)) w.key("at_least").boolean(true);  // 不低于: the figures are minimums, more may be paid
    w.end_object();
    if (!x.unit.zh.empty()) text_json(w, "unit", Text{x.unit.zh, x.unit.en});
  }
}

void suggestion_json(JsonWriter& w, const Measure& x, const Text& needs, long long lo, long long hi) {
  suggestion_body(w, x, needs, lo, hi);
  w.end_object();
}

// A yearly total not reached once the year's events outside the document's period are left out (Evaluation::LeftOut):
// what it needs, and why those events do not count, with their ids in `date_cutoff`.
bool left_out_suggestion(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev, int mi) {
  const Evaluation::LeftOut* l = nullptr;
  for (auto& one : ev.left_out)
    if (one.measure == mi && !l) l = &one;
  if (!l) return false;
  const Measure& x = m.measures[mi];
  Words why;
  left_out_words(why, m, s, *l);
  Text needs{x.needs.zh + "；" + std::string(std::string_view(why.zh)),
             x.needs.en + ". " + std::string(std::string_view(why.en))};
  bool money = false;
  long long lo = 0, hi = 0;
  worth(x, lo, hi, money);
  suggestion_body(w, x, needs, lo, hi);
  std::vector<int> events;
  for (auto& one : ev.left_out)
    if (one.measure == mi) events.insert(events.end(), one.events.begin(), one.events.end());
  cutoff_json(w, m.documents[x.doc], s, events);
  w.end_object();
  return true;
}

// A measure paid once per achievement (rules.json "achievement") whose achievement the applicant already has money
// for: under 就高 it adds only what it brings beyond that (a 中华技能大奖 to a 全国技术能手 holder: 300,000, not
// 500,000), and one that could add nothing is left out (true, with nothing written).
bool beside_held(JsonWriter& w, const Model& m, const Evaluation& ev, const Measure& x) {
  if (x.achievement.empty() || !x.suggestion_money || !x.suggestion_known) return false;
  long long held_min = -1, held_max = -1;
  for (const Item& it : ev.items)
    if (it.counts() && it.for_applicant && !it.planned && it.total_known &&
        m.measures[it.measure].achievement == x.achievement)
      held_min = std::max(held_min, it.total_min), held_max = std::max(held_max, it.total_max);
  if (held_max < 0) return false;
  bool money = false;
  long long lo = 0, hi = 0;
  worth(x, lo, hi, money);
  if (hi <= held_min) return true;  // it could add nothing to what is due already: not suggested at all
  Text needs = x.needs;
  needs.zh += "（同一成就按“从优、就高、不重复”只发最高一项：已可获" + yuan_zh(held_max) + "，本项只多得差额）";
  needs.en += " (one achievement is paid once, at the highest: with " + yuan_en(held_max) +
              " already due, this adds only the difference)";
  suggestion_json(w, x, needs, std::max(0LL, lo - held_max), std::max(0LL, hi - held_min));
  return true;
}

// Whether a measure's money would go to someone other than the applicant (a worker's employer, a sending unit, an
// enterprise's workers): shown beside the applicant's own items when its event is there, never offered as something
// the applicant could still claim.
bool for_someone_else(const Measure& x, const Situation& s) {
  if (x.recipient == "applicant") return false;
  if (x.recipient == "unit") return s.kind == "person";
  return x.recipient != s.kind;
}

}  // namespace

void prerender_suggestions(Model& m) {
  for (Measure& x : m.measures) {
    long long lo = 0, hi = 0;
    x.suggestion_known = worth(x, lo, hi, x.suggestion_money);
    x.suggestion_max = hi;
    JsonWriter w;
    suggestion_json(w, x, x.needs, lo, hi);
    x.json_suggestion = w.take();
  }
}

// Suggestions, the closest first (closeness.hpp), then those with money, the most valuable first; none that a fact
// the applicant stated rules out.
void suggestions_json(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev) {
  struct Near {
    int measure, distance;
  };
  thread_local std::vector<Near> sugs;  // its capacity kept from result to result
  sugs.clear();
  sugs.reserve(ev.missed.size());
  for (int mi : ev.missed)
    if (!for_someone_else(m.measures[mi], s))
      if (int d = suggestion_distance(m, mi, s, ev); d != kUnrelated) sugs.push_back({mi, d});
  std::stable_sort(sugs.begin(), sugs.end(), [&](const Near& a, const Near& b) {
    const Measure &x = m.measures[a.measure], &y = m.measures[b.measure];
    if (a.distance != b.distance) return a.distance < b.distance;
    if (x.suggestion_money != y.suggestion_money) return x.suggestion_money;
    return (x.suggestion_known ? x.suggestion_max : -1) > (y.suggestion_known ? y.suggestion_max : -1);
  });
  w.key("suggestions").begin_array();
  for (const Near& n : sugs) {
    const Item* dated = nullptr;  // the applicant has what the measure asks, on a day outside its document's period
    for (const Item& it : ev.items)
      // (not when it rests on a blank fact: then a condition is missing too, and the suggestion says what it needs)
      if (it.measure == n.measure && it.status == Status::OutsidePeriod && it.event >= 0 && !it.uncertain() && !dated)
        dated = &it;
    if (dated)
      date_cutoff_suggestion(w, m, s, *dated);
    else if (!left_out_suggestion(w, m, s, ev, n.measure) && !beside_held(w, m, ev, m.measures[n.measure]))
      w.raw(m.measures[n.measure].json_suggestion);
  }
  w.end_array();
}

}  // namespace skillcalc
