// Facts an event leaves blank that would let a measure apply: what keeps a suggestion of a measure another event
// already meets (evaluate.cpp, the measures missed).
#include <algorithm>

#include "evaluate.hpp"

namespace skillcalc {

namespace {

const Value* value_at(const Path& p, const Event& e, const Situation& s) {
  return p.scope == Path::Scope::Event ? e.fields.get(p) : s.applicant.get(p);
}

// Whether a measure an event does not meet would hold but for facts of the event left blank (conditions that do not
// test their absence): given, it may apply, so its suggestion stays even where another event of the applicant meets
// it. A condition the event's stated facts fail rules it out.
bool reads_blank(const Measure& x, const Event& e, const Situation& s) {
  auto absence = [](const Condition& c) { return c.test.kind == Test::Kind::Present && !c.test.present; };
  auto handled = [&](const Path& p) {  // an option stands for the fact left blank: the rules answer it already
    for (auto& o : x.options)
      for (auto& c : o.when)
        if (absence(c) && c.path.text() == p.text()) return true;
    return false;
  };
  bool blank = false;
  auto could_hold = [&](const std::vector<Condition>& when) {
    for (auto& c : when) {
      if (c.path.scope == Path::Scope::Event && !absence(c) && !value_at(c.path, e, s) && !handled(c.path))
        blank = true;
      else if (!holds(c, e, s))
        return false;
    }
    return true;
  };
  if (!could_hold(x.when)) return false;
  bool option = x.options.empty() ||
                std::any_of(x.options.begin(), x.options.end(), [&](const Option& o) { return could_hold(o.when); });
  return option && blank;
}

}  // namespace

bool open_elsewhere(const Model& m, int mi, const Situation& s, const Evaluation& ev) {
  const Measure& x = m.measures[mi];
  // A person holds a right of a status held once: another event that might bring it too, but for a blank fact, adds
  // nothing to the item already listed (威海 2025 5. from a level given with a 劳模 title and from a blank one).
  if (x.has_per_year || (x.held && !x.monetary() && s.kind == "person")) return false;
  for (size_t ei = 0; ei < s.events.size(); ++ei) {
    const Event& e = s.events[ei];
    if (!same_type(x, e)) continue;
    bool has_item = std::any_of(ev.items.begin(), ev.items.end(),
                                [&](const Item& it) { return it.measure == mi && it.event == static_cast<int>(ei); });
    if (!has_item && reads_blank(x, e, s)) return true;
  }
  return false;
}

}  // namespace skillcalc
