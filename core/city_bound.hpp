// Facts about a city itself (vocabulary "city_bound": 本市社保, 市外引进, 驻本市, 由本市单位培养 …) describe the
// situation's home city. Evaluated for another city they are asked, never taken as entered: every condition on
// them may hold, and an item that reads one is not certain money (0 … its amount, `missing` names the fact).
#pragma once
#include <algorithm>

#include "evaluate.hpp"
#include "model.hpp"
#include "situation.hpp"

namespace skillcalc {

// Marks the city-bound fields of the situation (applicant and events) as asked when its home city is not its city.
void ask_city_bound(const Model& m, Situation& s);

// Whether the fact at `p` (of event `e`) is asked (never, at home: the lists are empty).
inline bool asked(const Path& p, const Event& e, const Situation& s) {
  const auto& list = p.scope == Path::Scope::Event ? e.asked : s.asked;
  return !list.empty() && std::find(list.begin(), list.end(), p.field) != list.end();
}

// The sentence that says why an item is not certain money, `facts` naming what it asks (facts_asked): left blank
// ("尚未填写"), or about the city itself and given for the home city ("须按日照本地的情况确认，所填的是威海的情况").
Text not_certain_words(const Model& m, const Situation& s, const Item& it, const Text& facts);

}  // namespace skillcalc
