#include "evaluate.hpp"

#include <algorithm>
#include <map>

#include "city_bound.hpp"

namespace skillcalc {

const char* status_name(Status s) {
  switch (s) {
    case Status::Granted:
      return "granted";
    case Status::Capped:
      return "capped";
    case Status::Excluded:
      return "excluded";
    case Status::Superseded:
      return "superseded";
    case Status::OutsidePeriod:
      return "outside_period";
    case Status::NonMonetary:
      return "non_monetary";
  }
  return "granted";
}

namespace {

const Value* lookup(const Path& p, const Event& e, const Situation& s) {
  return p.scope == Path::Scope::Event ? e.fields.get(p) : s.applicant.get(p);
}

bool test(const Test& t, const Value* v) {
  switch (t.kind) {
    case Test::Kind::Present:
      return (v != nullptr) == t.present;
    case Test::Kind::Eq:
      return v && *v == t.values[0];
    case Test::Kind::In:
      return v && std::find(t.values.begin(), t.values.end(), *v) != t.values.end();
    case Test::Kind::NotIn:
      return v && std::find(t.values.begin(), t.values.end(), *v) == t.values.end();
    case Test::Kind::Range:
      return v && v->kind == Value::Kind::Int && (!t.has_min || v->i >= t.min) && (!t.has_max || v->i <= t.max);
  }
  return false;
}

long long int_at(const Path& p, const Event& e, const Situation& s, long long fallback) {
  const Value* v = lookup(p, e, s);
  return v && v->kind == Value::Kind::Int ? v->i : fallback;
}

constexpr long long kAbsurd = 10000000000000LL;  // 10万亿 yuan: no real claim comes near it

bool meets(const Model& m, int mi, const Event& e, const Situation& s) {
  const Measure& x = m.measures[mi];
  if (!same_type(x, e) || !(x.applicants & (1u << m.vocab.kind_index(s.kind))) || !holds(x.when, e, s)) return false;
  if (x.options.empty()) return true;
  for (auto& o : x.options)
    if (holds(o.when, e, s)) return true;
  return false;
}

// The newer measure that replaces measure `mi` for this event: one that is in force on the day that counts and meets
// the same event (where the newer document says nothing of the event, the older measure stands). -1 when none.
int superseder(const Model& m, int mi, const Event& e, Day day, const Situation& s) {
  for (int by : m.measures[mi].superseded_by)
    if (day >= m.documents[m.measures[by].doc].from && meets(m, by, e, s)) return by;
  return -1;
}

// The day that decides which documents govern an item: the event's own day, or, for a right that follows from holding
// a status obtained by as_of, the day the question is asked; for such a status planned, the first day it would be
// held under the document (a result of 30 April still held when the document takes effect on 1 May).
Day governing_day(const Measure& x, const Event& e, const Situation& s, Day doc_from = 0) {
  if (!x.held) return e.date;
  return e.date <= s.as_of ? s.as_of : std::max(e.date, doc_from);
}

// Whether an option stands for the fact at `p` left blank.
bool asks(const Option& o, const Path& p) {
  return std::any_of(o.asks.begin(), o.asks.end(), [&](const Path& a) { return a.text() == p.text(); });
}

// The number of periods: a stated term, the user's own figure where the text gives none, or unknown.
void periods(const Schedule& sc, const Event& e, const Situation& s, Item& it) {
  if (!sc.periodic()) return;
  if (sc.has_count_from) {
    long long n = int_at(sc.count_from, e, s, -1);
    if (n > 0) {
      it.periods_min = it.periods_max = sc.max_count ? std::min(n, sc.max_count) : n;
      if (n > it.periods_max) it.periods_given = n;
    } else if (sc.max_count) {  // none certain where the option taken asks the number (威海 2.: years blank)
      it.periods_min = it.blank && asks(*it.blank, sc.count_from) ? 0 : 1, it.periods_max = sc.max_count;
    } else
      it.periods_known = false;
  } else if (!sc.count_known) {
    it.periods_known = false;
  } else {
    it.periods_min = it.periods_max = sc.count;
  }
}

// Recipient "unit": the unit the event concerns (the contest's sending unit): the applicant itself when a unit asks;
// for a person, the kind of their employer (other_unit for a public institution, for none or when blank).
std::string_view unit_of(const Situation& s) {
  if (s.kind != "person") return s.kind;
  const Value* v = s.applicant.get("employer");
  std::string_view k = v && v->kind == Value::Kind::Text ? std::string_view(v->s) : std::string_view();
  return k == "enterprise" ? "enterprise" : k == "school" ? "school" : "other_unit";
}

// Who receives the item's money, and whether that is the applicant.
void recipient(const Measure& x, const Event& e, const Situation& s, Item& it) {
  const Value* team = e.fields.get("team");
  it.team = x.teams && team && team->kind == Value::Kind::Bool && team->b;
  std::string_view r = x.recipient;
  it.recipient = it.team ? "team" : r == "applicant" ? std::string_view(s.kind) : r == "unit" ? unit_of(s) : r;
  it.for_applicant = !it.team && it.recipient == s.kind;
}

// A result won as a team under a measure whose text names only 选手: read as each member's, as a competitor's (the
// explanation says that the text does not address teams).
void team_share_unsaid(const Measure& x, const Event& e, const Situation& s, Item& it) {
  const Value* team = e.fields.get("team");
  if (x.teams || !team || team->kind != Value::Kind::Bool || !team->b || s.kind != "person") return;
  if (e.type != "competition") return;  // a hire's team is its WorldSkills medal's: a title talent is a person's own
  if (it.recipient == "person" && it.amount->kind != Amount::Kind::None) it.team_unsaid = true;
}

// The city-bound facts asked again (city_bound.hpp) that the measure's conditions, or its option's, read.
void note_asked(const Measure& x, const Event& e, const Situation& s, Item& it) {
  auto note = [&](const std::vector<Condition>& when) {
    for (auto& c : when)
      if (asked(c.path, e, s) &&
          std::none_of(it.asked.begin(), it.asked.end(), [&](const Path& p) { return p.text() == c.path.text(); }))
        it.asked.push_back(c.path);
  };
  note(x.when);
  if (it.option >= 0) note(x.options[it.option].when);
}

}  // namespace

void set_totals(Item& it) {
  it.total_known = it.unit_known && it.periods_known && !it.heads_unknown;
  if (!it.total_known) return;
  // In 128 bits: a product beyond any real claim is refused by the caller, never wrapped.
  auto product = [](long long a, long long b, long long c) {
    __int128 v = static_cast<__int128>(a) * b * c;
    return v > kAbsurd ? kAbsurd + 1 : static_cast<long long>(v);
  };
  it.total_min = product(it.unit_min, it.heads, it.periods_min);
  it.total_max = product(it.unit_max, it.heads, it.periods_max);
  if (it.blank || !it.asked.empty()) it.total_min = 0;  // a fact the text requires is not known: not certain money
}

namespace {

// The suggestions but those of a measure showing the right of another (same_right_as) that needs what that one needs
// (威海 2025 5. for a title whose level is blank), where that one is suggested too: its suggestion says it.
void drop_said_by_their_right(const Model& m, std::vector<int>& missed) {
  missed.erase(std::remove_if(missed.begin(), missed.end(),
                              [&](int mi) {
                                const Measure& x = m.measures[static_cast<size_t>(mi)];
                                return x.right >= 0 &&
                                       m.measures[static_cast<size_t>(x.right)].needs.zh == x.needs.zh &&
                                       std::find(missed.begin(), missed.end(), x.right) != missed.end();
                              }),
               missed.end());
}

// The item of measure `mi` for event `e`, if the event meets it.
bool make_item(const Model& m, int mi, const Situation& s, const Event& e, int ei, Item& it) {
  const Measure& x = m.measures[mi];
  it = Item{};
  it.measure = mi;
  it.event = ei;
  it.amount = &x.amount;
  if (!x.options.empty()) {
    for (size_t i = 0; i < x.options.size() && it.option < 0; ++i)
      if (holds(x.options[i].when, e, s)) it.option = static_cast<int>(i), it.amount = &x.options[i].amount;
    if (it.option < 0) return false;
    if (!x.options[it.option].asks.empty()) it.blank = &x.options[it.option];
  }
  note_asked(x, e, s, it);
  const Amount& a = *it.amount;
  switch (a.kind) {
    case Amount::Kind::Fixed:
      it.unit_min = it.unit_max = a.yuan;
      break;
    case Amount::Kind::Range:
      it.unit_min = a.min_yuan, it.unit_max = a.max_yuan;
      break;
    case Amount::Kind::UpTo:
      it.unit_min = 0, it.unit_max = a.max_yuan;
      break;
    case Amount::Kind::Floor:
      it.unit_min = it.unit_max = a.min_yuan;
      break;
    case Amount::Kind::Percent: {
      const Value* b = lookup(a.of, e, s);
      if (!b || b->kind != Value::Kind::Int) return false;  // the figure it applies to is not given
      it.base = b->i;
      // In fen, exactly (yuan × percent = fen): capped when above the cap by any fen; the yuan is the whole part.
      __int128 fen = static_cast<__int128>(b->i) * a.percent;
      long long v = static_cast<long long>(fen / 100);
      it.percent_fen = static_cast<long long>(fen);
      if (a.has_cap && fen > static_cast<__int128>(a.max_yuan) * 100) v = a.max_yuan, it.percent_capped = true;
      it.unit_min = it.unit_max = v;
      break;
    }
    case Amount::Kind::Unstated:
      it.unit_known = false;
      break;
    case Amount::Kind::None:
      it.unit_known = false;
      break;
  }
  if (x.per_head != Measure::PerHead::No) {
    const Path count = x.per_head == Measure::PerHead::Count ? Path{Path::Scope::Event, "count"} : x.per_head_path;
    it.heads = int_at(count, e, s, 1);
    it.heads_assumed = s.kind != "person" && !lookup(count, e, s);
    it.heads_unknown = it.heads_assumed && it.blank && asks(*it.blank, count);
  }
  periods(x.schedule, e, s, it);
  set_totals(it);
  recipient(x, e, s, it);
  team_share_unsaid(x, e, s, it);
  const Document& d = m.documents[x.doc];
  Day day = governing_day(x, e, s, d.from);
  if (day < d.from || day > d.to)
    it.status = Status::OutsidePeriod;
  else if ((it.superseded_by = superseder(m, mi, e, day, s)) >= 0)
    it.status = Status::Superseded;
  else if (a.kind == Amount::Kind::None)
    it.status = Status::NonMonetary;
  else if (it.percent_capped)
    it.status = Status::Capped;
  return true;
}

}  // namespace

namespace {

// The conditions of `when` other than the threshold itself (the field a year adds up).
std::vector<Condition> without_threshold(const std::vector<Condition>& when, const Path& per_year) {
  std::vector<Condition> out;
  for (auto& c : when)
    if (c.path.text() != per_year.text()) out.push_back(c);
  return out;
}

// The option one event of a yearly total qualifies under, its threshold left aside: null when it meets none (a hire on
// a 2-year contract where the text asks 3), so that the event does not count toward the year.
// An event whose own number is blank qualifies under an option that asks it, where the measure has one.
const Option* qualifying_option(const Measure& x, const Event& e, const Situation& s) {
  bool blank = !lookup(x.per_year, e, s);
  for (int pass = blank ? 0 : 1; pass < 2; ++pass)
    for (auto& o : x.options)
      if ((pass == 1 || asks(o, x.per_year)) && holds(without_threshold(o.when, x.per_year), e, s)) return &o;
  return nullptr;
}

// Whether an event of a yearly total leaves its number blank where an option of the measure asks it.
bool count_blank(const Measure& x, const Event& e, const Situation& s) {
  if (lookup(x.per_year, e, s)) return false;
  const Option* o = x.options.empty() ? nullptr : qualifying_option(x, e, s);
  return o && asks(*o, x.per_year);
}

// What a year's events that qualify without a blank fact earn on their own (0 when they do not reach the threshold):
// the floor of a yearly item that other, not certain, events raise.
long long certain_floor(const Model& m, int mi, const Situation& s, const std::vector<int>& evs) {
  const Measure& x = m.measures[mi];
  const Event* last = nullptr;
  long long total = 0;
  for (int ei : evs) {
    const Option* o = qualifying_option(x, s.events[ei], s);
    if (!o || !o->asks.empty()) continue;
    total += int_at(x.per_year, s.events[ei], s, 0), last = &s.events[ei];
  }
  if (!last) return 0;
  Event sum = *last;
  for (auto& f : sum.fields.list)
    if (f.name == x.per_year.field) f.value.kind = Value::Kind::Int, f.value.i = total;
  Item it;
  if (!holds(x.when, sum, s) || !make_item(m, mi, s, sum, static_cast<int>(last - s.events.data()), it)) return 0;
  return it.total_known && !it.blank ? it.total_min : 0;
}

// The item of one year's events `evs` (in date order) of a yearly total; false when they do not reach it.
bool year_item(const Model& m, int mi, const Situation& s, const std::vector<int>& evs, Item& it) {
  const Measure& x = m.measures[mi];
  Event sum = s.events[evs.back()];
  long long total = 0;
  const Option* blank = nullptr;  // an option with `asks` that one of the year's events qualifies under
  bool unknown = false;           // an event's number is blank: the year's total is unknown
  for (int ei : evs) {
    total += int_at(x.per_year, s.events[ei], s, 0);
    const Option* o = x.options.empty() ? nullptr : qualifying_option(x, s.events[ei], s);
    if (o && !o->asks.empty() && !blank) blank = o;
    unknown = unknown || count_blank(x, s.events[ei], s);
  }
  auto& fields = sum.fields.list;
  bool found = false;
  for (auto& f : fields)
    if (f.name == x.per_year.field) f.value.kind = Value::Kind::Int, f.value.i = total, found = true;
  if (!found) fields.push_back({x.per_year.field, Value{Value::Kind::Int, false, total, {}}, x.per_year.id});
  if (unknown)  // the year's number is blank, as the event's is
    fields.erase(
        std::remove_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == x.per_year.field; }),
        fields.end());
  if (!holds(unknown ? without_threshold(x.when, x.per_year) : x.when, sum, s) ||
      !make_item(m, mi, s, sum, evs.back(), it))
    return false;
  if (blank || it.blank) {  // not certain: what the events that qualify for certain earn on their own is
    if (!it.blank) it.blank = blank;
    it.total_min = std::min(certain_floor(m, mi, s, evs), it.total_max);
    if (it.total_known && it.total_min == it.total_max) it.blank = nullptr;  // the blank facts change nothing
  }
  it.more_events.assign(evs.begin(), evs.end() - 1);
  return true;
}

// A year whose events are partly plans (dated after as_of): what the events that happened bring on their own is due
// now; the year's item with the plans is planned, and brings what the plans add to that (its total less the part
// already counted, which it names).
void year_with_plans(const Model& m, int mi, const Situation& s, const std::vector<int>& evs, std::vector<Item>& out) {
  std::vector<int> happened;
  for (int ei : evs)
    if (s.events[ei].date <= s.as_of) happened.push_back(ei);
  Item now, plan;
  bool due = !happened.empty() && year_item(m, mi, s, happened, now);
  if (due) out.push_back(now);
  if (!year_item(m, mi, s, evs, plan)) return;
  plan.planned = true;
  if (due && now.total_known && plan.total_known) {
    plan.counted_min = now.total_min, plan.counted_max = now.total_max, plan.counted = true;
    plan.whole_min = plan.total_min, plan.whole_max = plan.total_max;
    long long lo = std::max(0LL, plan.total_min - now.total_min), hi = std::max(0LL, plan.total_max - now.total_max);
    plan.total_min = std::min(lo, hi), plan.total_max = std::max(lo, hi);
  }
  out.push_back(std::move(plan));
}

// A year some of whose events leave their number blank (the year's total unknown): what the events whose number is
// given bring on their own is certain, as an item of its own; the year's item names it.
void known_part(const Model& m, int mi, const Situation& s, const std::vector<int>& evs, Item& year,
                std::vector<Item>& out) {
  std::vector<int> known;
  for (int ei : evs)
    if (!count_blank(m.measures[mi], s.events[ei], s)) known.push_back(ei);
  Item part;
  if (known.empty() || !year_item(m, mi, s, known, part) || !part.total_known) return;
  year.counted = true, year.counted_min = part.total_min, year.counted_max = part.total_max;
  out.push_back(std::move(part));
}

// A threshold counted per calendar year (每年累计): the events of one year that meet the measure's other conditions
// (and one of its options) add up their `per_year` field; the year that reaches the threshold gives one item, on its
// last event. An event that qualifies only through an option standing for a blank fact makes the year's item not
// certain.
std::vector<Item> per_year_items(const Model& m, int mi, const Situation& s, std::vector<Evaluation::LeftOut>& left) {
  const Measure& x = m.measures[mi];
  std::vector<Condition> each = without_threshold(x.when, x.per_year);
  std::map<int, std::vector<int>> years;  // year -> events, in date order
  for (size_t ei = 0; ei < s.events.size(); ++ei) {
    const Event& e = s.events[ei];
    if (same_type(x, e) && holds(each, e, s) && (x.options.empty() || qualifying_option(x, e, s)))
      years[e.date / 10000].push_back(static_cast<int>(ei));
  }
  std::vector<Item> out;
  const Document& d = m.documents[x.doc];
  for (auto& [year, all] : years) {
    // Only what happened while the document is in force counts toward the year's total (in its first year, supply
    // before it took effect does not reach the threshold); a year with nothing in force is still shown, outside it.
    std::vector<int> evs;
    for (int ei : all)
      if (Day day = governing_day(x, s.events[ei], s); day >= d.from && day <= d.to) evs.push_back(ei);
    if (evs.empty()) evs = all;
    if (evs.size() < all.size()) {  // some of the year's events are outside the period: said, not silently dropped
      Evaluation::LeftOut l;
      l.measure = mi;
      for (int ei : all)
        if (std::find(evs.begin(), evs.end(), ei) == evs.end()) {
          l.events.push_back(ei);
          l.count += int_at(x.per_year, s.events[ei], s, 0);
          l.count_known = l.count_known && lookup(x.per_year, s.events[ei], s);
        }
      left.push_back(std::move(l));
    }
    if (s.events[evs.back()].date > s.as_of) {
      year_with_plans(m, mi, s, evs, out);
      continue;
    }
    Item it;
    if (!year_item(m, mi, s, evs, it)) continue;
    if (it.heads_unknown) known_part(m, mi, s, evs, it, out);
    out.push_back(std::move(it));
  }
  return out;
}

}  // namespace

// A condition on a fact asked again (city_bound.hpp) may hold: it is not known in this city.
bool holds(const std::vector<Condition>& when, const Event& e, const Situation& s) {
  for (auto& c : when)
    if (!asked(c.path, e, s) && !test(c.test, lookup(c.path, e, s))) return false;
  return true;
}

std::vector<Path> facts_asked(const Item& it) {
  std::vector<Path> out = it.blank ? it.blank->asks : std::vector<Path>{};
  for (auto& p : it.asked)
    if (std::none_of(out.begin(), out.end(), [&](const Path& q) { return q.text() == p.text(); })) out.push_back(p);
  if (it.project_of >= 0) out.push_back(Path{Path::Scope::Event, "contest"});
  return out;
}

bool holds(const Condition& c, const Event& e, const Situation& s) {
  return asked(c.path, e, s) || test(c.test, lookup(c.path, e, s));
}

bool evaluate(const Model& m, const Situation& s, Evaluation& out, InputError& err) {
  int kind = m.vocab.kind_index(s.kind);
  unsigned bit = 1u << kind;
  const std::vector<int>& docs = m.docs_of_city(s.city);
  thread_local std::vector<char> met, relevant;  // their capacity kept from call to call
  met.assign(m.measures.size(), 0), relevant.assign(m.measures.size(), 0);
  out.items.reserve(8 * s.events.size() + 8);
  for (size_t ei = 0; ei < s.events.size(); ++ei) {
    const Event& e = s.events[ei];
    // A measure the event meets becomes an item; false when its amount is absurd.
    auto meet = [&](int mi) {
      const Measure& x = m.measures[mi];
      if (!same_type(x, e) || !(x.applicants & bit)) return true;
      relevant[mi] = 1;
      Item it;
      if (x.has_per_year || !holds(x.when, e, s) || !make_item(m, mi, s, e, static_cast<int>(ei), it)) return true;
      if (it.total_known && it.total_max > kAbsurd) {
        err = {"out_of_range", "/events/" + std::to_string(e.index),
               "金额超出任何实际申领的范围，请核对人数、年薪等数字",
               "the amount is beyond any real claim: check counts and salaries"};
        return false;
      }
      if (it.status != Status::OutsidePeriod && it.status != Status::Superseded) met[mi] = 1;
      it.planned = e.date > s.as_of;
      out.items.push_back(std::move(it));
      return true;
    };
    if (const std::vector<int>* of_type = m.measures_of_type(s.city, e.type_id)) {
      for (int mi : *of_type)
        if (!meet(mi)) return false;
      continue;
    }
    for (int d : docs)
      for (int mi : m.documents[d].measures)
        if (!meet(mi)) return false;
  }
  for (int d : docs)
    for (int mi : m.documents[d].measures)
      if (m.measures[mi].has_per_year && (m.measures[mi].applicants & bit))
        for (Item& it : per_year_items(m, mi, s, out.left_out)) {
          if (it.status != Status::OutsidePeriod && it.status != Status::Superseded) met[mi] = 1;
          out.items.push_back(std::move(it));
        }
  out.standing.date = s.as_of;
  out.standing.index = -1;
  for (int d : docs)
    for (int mi : m.documents[d].measures) {
      const Measure& x = m.measures[mi];
      if (!x.event.empty() || !(x.applicants & bit)) continue;
      relevant[mi] = 1;
      Item it;
      if (!holds(x.when, out.standing, s) || !make_item(m, mi, s, out.standing, -1, it)) continue;
      if (it.status != Status::OutsidePeriod && it.status != Status::Superseded) met[mi] = 1;
      out.items.push_back(it);
    }
  drop_reviews_entered_apart(s, out, out.items);  // before any item names another by its index
  drop_repeated_results(m, s, out, out.items);
  drop_repeated_titles(m, s, out, out.items);  // first: a title entered twice on one day has no term to trim
  trim_overlapping_terms(m, s, out, out.items);
  note_terms_begun_before(m, s, out, out.items);
  note_open_terms(m, s, out, out.items);
  drop_later_firsts(m, s, out, out.items);
  drop_reviews_of_earlier(m, s, out, out.items);
  drop_repeated_reviews(m, s, out, out.items);
  mark_levels_below_held(m, s, out, out.items);
  stack(m, s, out, out.items);
  cap(m, s, out, out.items);
  cap_by_pools(m, s, out, out.items);
  cap_ceilings(m, s, out, out.items);
  merge_repeated_rights(m, s, out.items);
  bound_totals_by_caps(m, s, out);  // the items' most cut where two caps together allow less
  for (auto& it : out.items) {
    if (!it.counts() || !it.total_known) continue;
    if (it.for_applicant) {  // a plan's money is never in the totals (planned_totals)
      long long& lo = it.planned ? out.planned_min : out.total_min;
      long long& hi = it.planned ? out.planned_max : out.total_max;
      lo += it.total_min, hi += it.total_max;
      continue;
    }
    if (it.planned) continue;  // others' money from a plan is not due either: its item says so (planned)
    auto o = std::find_if(out.other_totals.begin(), out.other_totals.end(),
                          [&](auto& p) { return p.first == it.recipient; });
    if (o == out.other_totals.end()) o = out.other_totals.insert(out.other_totals.end(), {it.recipient, {0, 0}});
    o->second.first += it.total_min, o->second.second += it.total_max;
  }
  // What the applicant could still get: measures of the city in force on as_of, for this kind of applicant, of the
  // event types the situation speaks of (all of them when it has no events), that gave nothing yet.
  size_t measures = 0;
  for (int d : docs) measures += m.documents[d].measures.size();
  out.missed.reserve(measures);
  for (size_t mi = 0; mi < m.measures.size(); ++mi)  // a right shown by two measures (same_right_as) is met by either
    if (met[mi] && m.measures[mi].right >= 0) met[static_cast<size_t>(m.measures[mi].right)] = 1;
  for (int d : docs) {
    const Document& doc = m.documents[d];
    if (s.as_of < doc.from || s.as_of > doc.to) continue;
    for (int mi : doc.measures) {
      const Measure& x = m.measures[mi];
      if ((met[mi] && !open_elsewhere(m, mi, s, out)) || (x.right >= 0 && met[x.right]) || !(x.applicants & bit) ||
          (!s.events.empty() && !relevant[mi]))
        continue;
      bool replaced = false;  // a newer document governs this measure's ground as of today
      for (int by : x.superseded_by) replaced = replaced || s.as_of >= m.documents[m.measures[by].doc].from;
      if (replaced) continue;
      out.missed.push_back(mi);
    }
  }
  drop_said_by_their_right(m, out.missed);
  return true;
}

}  // namespace skillcalc
