// The documents a result rests on, with their periods and a plain sentence on how current each is: shown beside the
// total, since an expired or unconfirmed document changes what the total is worth.
#pragma once
#include "evaluate.hpp"
#include "json_writer.hpp"

namespace skillcalc {

// Writes each document's entry of "documents" for every status it can have, once, at load.
void prerender_documents(Model& m);

// Writes "documents": [ { id, number, title, from, to, status, says: { zh, en } } ] into the result object.
void documents_json(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev);

}  // namespace skillcalc
