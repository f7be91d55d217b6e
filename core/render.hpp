// The result (DESIGN.md section 2) as JSON text: items with amounts, sources and plain-language reasons, totals,
// suggestions and notes.
#pragma once
#include <string>

#include "evaluate.hpp"
#include "json_tape.hpp"

namespace skillcalc {

// Writes the result parts that depend on a measure alone, once, at load.
void prerender(Model& m);

std::string render_result(const Model& m, const Situation& s, const Evaluation& ev);
// The result into `out` (cleared; its capacity is kept, so a batch reuses one buffer); `compact`: ids, statuses,
// amounts, totals, payers and flags only (README "Compact results").
void render_result(std::string& out, const Model& m, const Situation& s, const Evaluation& ev, bool compact);
// The result written into `out` from byte `at` on, the bytes before kept; returns the result's end. `out` is left at
// the size it has grown to (bytes beyond the end are not part of it), so that a batch writing result after result
// into one buffer never fills it again.
// With `tape`, the result is written as a tape (json_tape.hpp): `out` gets the strings' bytes, `tape` the ops.
size_t render_result_at(std::string& out, size_t at, const Model& m, const Situation& s, const Evaluation& ev,
                        bool compact, Tape* tape = nullptr);
std::string render_error(const std::string& code, const std::string& path, const std::string& zh,
                         const std::string& en);

}  // namespace skillcalc
