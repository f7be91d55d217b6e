#include "closeness.hpp"

#include <algorithm>
#include <cstdlib>

namespace skillcalc {

namespace {

const FieldDef* def_of(const Model& m, const Path& p, const std::string& event) {
  const std::string* def = nullptr;
  if (p.scope == Path::Scope::Applicant) {
    if (auto af = m.vocab.applicant_fields.find(p.field); af != m.vocab.applicant_fields.end()) def = &af->second.def;
  } else if (auto et = m.vocab.event_types.find(event); et != m.vocab.event_types.end()) {
    for (auto& f : et->second.fields)
      if (f.first == p.field) def = &f.second;
  }
  if (!def) return nullptr;
  auto it = m.vocab.fields.find(*def);
  return it == m.vocab.fields.end() ? nullptr : &it->second;
}

int index_of(const FieldDef& def, const std::string& id) {
  auto it = std::find(def.values.begin(), def.values.end(), id);
  return it == def.values.end() ? -1 : static_cast<int>(it - def.values.begin());
}

// The same for a value read from a situation: by its symbol where it and the definition's values have one.
int index_of(const FieldDef& def, const Value& v) {
  if (v.sym < 0 || def.value_syms.size() != def.values.size()) return index_of(def, v.s);
  auto it = std::find(def.value_syms.begin(), def.value_syms.end(), v.sym);
  return it == def.value_syms.end() ? -1 : static_cast<int>(it - def.value_syms.begin());
}

// The definition of the condition's field, and the indices of the values its test names: at load, once.
void resolve(const Model& m, Condition& c, const std::string& event) {
  c.def = def_of(m, c.path, event);
  c.wanted.clear();
  if (c.def && c.def->type == FieldDef::Type::Enum)
    for (auto& w : c.test.values) c.wanted.push_back(index_of(*c.def, w.s));
  c.resolved = true;
}

// Steps from the value given to the nearest value the test accepts; 0 when it holds.
int steps(const Model& m, const Condition& c, const Event& e, const Situation& s, const std::string& event) {
  if (holds(c, e, s)) return 0;
  const Value* v = c.path.scope == Path::Scope::Event ? e.fields.get(c.path) : s.applicant.get(c.path);
  if (!v) return 1;
  const Test& t = c.test;
  if (t.kind == Test::Kind::Range && v->kind == Value::Kind::Int) {
    long long d = t.has_min && v->i < t.min ? t.min - v->i : t.has_max && v->i > t.max ? v->i - t.max : 1;
    return static_cast<int>(std::min<long long>(d, 100));
  }
  Condition found;  // a condition not resolved at load is resolved here
  if (!c.resolved) found.path = c.path, found.test = c.test, resolve(m, found, event);
  const Condition& r = c.resolved ? c : found;
  if (r.def && r.def->type == FieldDef::Type::Enum && v->kind == Value::Kind::Text &&
      (t.kind == Test::Kind::Eq || t.kind == Test::Kind::In)) {
    int have = index_of(*r.def, *v), best = 100;
    for (int want : r.wanted)
      if (have >= 0 && want >= 0) best = std::min(best, std::abs(want - have));
    return best == 100 ? 1 : std::max(best, 1);
  }
  return 1;
}

// Whether a fact the applicant stated fails this condition for good (an employer kind the measure does not take, an
// age above its limit). A number below a threshold it must reach (社保满12个月: 11 months) is not: it is reached later.
bool rules_out(const Condition& c, const Event& e, const Situation& s) {
  if (c.path.scope != Path::Scope::Applicant) return false;
  const Value* v = s.applicant.get(c.path);
  if (!v || holds(c, e, s)) return false;
  bool below = c.test.kind == Test::Kind::Range && c.test.has_min && v->kind == Value::Kind::Int && v->i < c.test.min &&
               (!c.test.has_max || c.test.max >= c.test.min);
  return !below;
}

// Whether a fact the applicant stated fails one of these conditions for good.
bool stated_fact_fails(const std::vector<Condition>& when, const Event& e, const Situation& s) {
  return std::any_of(when.begin(), when.end(), [&](const Condition& c) { return rules_out(c, e, s); });
}

// Distance of one event (or the standing event) to the measure; kUnrelated when a stated applicant fact fails its
// conditions, or those of every option.
int distance_to(const Model& m, const Measure& x, const Event& e, const Situation& s) {
  int d = 0;
  for (auto& c : x.when) {
    int k = steps(m, c, e, s, x.event);
    if (k && rules_out(c, e, s)) return kUnrelated;
    d += k;
  }
  if (!x.options.empty()) {
    int best = kFar;
    for (auto& o : x.options) {
      if (stated_fact_fails(o.when, e, s)) continue;
      int od = 0;
      for (auto& c : o.when) od += steps(m, c, e, s, x.event);
      best = std::min(best, od);
    }
    if (best == kFar) return kUnrelated;
    d += best;
  }
  return d;
}

// The highest skill level a person holds on as_of, as an index in the level field's values (-1: none): a skill-level
// event's level or the level a person was hired as.
int highest_level_held(const Model& m, const Situation& s) {
  auto def = m.vocab.fields.find("level");
  if (s.kind != "person" || def == m.vocab.fields.end()) return -1;
  int best = -1;
  for (auto& e : s.events) {
    if (e.date > s.as_of) continue;
    const Value* v = e.type == "skill_level" ? e.fields.get("level")
                     : e.type == "hire"      ? e.fields.get("talent")
                                             : nullptr;
    if (v && v->kind == Value::Kind::Text) best = std::max(best, index_of(def->second, v->s));
  }
  return best;
}

// Whether every level a 新晋升 measure pays for is at or below the one the person holds: not a step up, so not
// suggested (a new 技师 is not told about 新晋升的初级工、中级工、高级工).
bool only_levels_below(const Measure& x, int held) {
  if (!x.new_level || held < 0) return false;
  int top = -1;
  auto look = [&](const std::vector<Condition>& when) {
    for (auto& c : when)
      if (c.path.scope == Path::Scope::Event && c.path.field == "level")
        for (int w : c.wanted) top = std::max(top, w);
  };
  look(x.when);
  for (auto& o : x.options) look(o.when);
  return top >= 0 && top <= held;
}

}  // namespace

void prerender_closeness(Model& m) {
  for (Measure& x : m.measures) {
    for (Condition& c : x.when) resolve(m, c, x.event);
    for (Option& o : x.options)
      for (Condition& c : o.when) resolve(m, c, x.event);
  }
}

int suggestion_distance(const Model& m, int mi, const Situation& s, const Evaluation& ev) {
  const Measure& x = m.measures[mi];
  if (x.event.empty()) return distance_to(m, x, ev.standing, s);
  if (only_levels_below(x, highest_level_held(m, s))) return kUnrelated;
  int best = kFar;
  bool unrelated = false;
  for (auto& e : s.events) {
    if (!same_type(x, e)) continue;
    int d = distance_to(m, x, e, s);
    if (d == kUnrelated)
      unrelated = true;
    else
      best = std::min(best, d);
  }
  if (unrelated) return kUnrelated;
  // No event of its type: the applicant facts alone say whether it could concern them.
  if (best == kFar) {
    if (stated_fact_fails(x.when, ev.standing, s)) return kUnrelated;
    if (!x.options.empty() && std::all_of(x.options.begin(), x.options.end(),
                                          [&](const Option& o) { return stated_fact_fails(o.when, ev.standing, s); }))
      return kUnrelated;
  }
  return best;
}

}  // namespace skillcalc
