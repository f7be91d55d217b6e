// How to claim a measure, from the texts only: the claim files (rules/claim.json, rules/<doc>/claim.json) read into
// the model, and the `claim` part of a result item (FORMAT.md, "Claim files").
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "evaluate.hpp"
#include "json_writer.hpp"
#include "problems.hpp"

namespace skillcalc {

// Reads the claim files among the parsed files (name, JSON) into the model's measures; problems against their file
// and JSON pointer. Runs after every rules.json is read.
void read_claims(Model& m, const std::vector<std::pair<std::string, nlohmann::json>>& files, Problems& p);

// Writes the parts that depend on the measure alone, once, at load.
void prerender_claim(Model& m);

// Writes "claim": {...} of an item: handling unit, payment, cadence, what to bring (the measure's conditions with the
// situation's values, in the vocabulary's words) and where to ask.
void claim_json(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it);

// Every quote of the claim files must occur in its document's source text (squeezed).
void check_claim_quotes(const Model& m, int doc, const std::string& source_squeezed, Problems& p);

}  // namespace skillcalc
