// How close an applicant is to a measure it did not meet, for ranking suggestions: the next level on a route it is
// on, the next rank in a contest it entered, before what would take a different achievement altogether.
#pragma once
#include "evaluate.hpp"

namespace skillcalc {

constexpr int kFar = 1000;      // no event of the measure's type: a different achievement altogether
constexpr int kUnrelated = -1;  // a fact the applicant stated rules the measure out: it cannot concern them

// The smallest number of steps between one of the situation's events (or the applicant, for a measure that needs no
// event) and the measure's conditions: a failed choice among ordered ids counts the steps between them (national
// Class-II is one step from Class-I, WorldSkills two), a failed bound the distance to it, any other failure one.
// Resolves the measures' conditions for distance_to (model.hpp Condition): once, at load.
void prerender_closeness(Model& m);

int suggestion_distance(const Model& m, int mi, const Situation& s, const Evaluation& ev);

}  // namespace skillcalc
