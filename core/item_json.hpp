// One item of a result as JSON (DESIGN.md section 2): in full, or compact (ids, status, event ids, recipient,
// amount, total, payers and flags, without explanations, sources or claim parts).
#pragma once
#include "evaluate.hpp"
#include "json_writer.hpp"
#include "text_out.hpp"

namespace skillcalc {

// Writes the item object. `scratch` is a reused buffer for the explanation (full results only).
void item_json(JsonWriter& w, Words& scratch, const Model& m, const Situation& s, const Evaluation& ev, const Item& it,
               bool compact);

// {"zh":…,"en":…}: a text of the rules as JSON, written once at load and copied into each result (JsonWriter::raw).
std::string text_json(const Text& t);

// {"min_yuan":lo,"max_yuan":hi} under `key`.
void span_json(JsonWriter& w, std::string_view key, long long lo, long long hi);

}  // namespace skillcalc
