// "suggestions" of a result: measures of the city the applicant did not meet, the closest first, each with what it
// needs, its clause and what it would be worth. The part that depends on the measure alone is written at load.
#pragma once
#include "evaluate.hpp"
#include "json_writer.hpp"

namespace skillcalc {

// Writes each measure's suggestion JSON and its worth, once, at load.
void prerender_suggestions(Model& m);

// Writes "suggestions": [...] into the result object.
void suggestions_json(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev);

}  // namespace skillcalc
