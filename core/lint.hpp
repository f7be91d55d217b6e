// Checks for mistakes a rule file's author makes that would silently change answers rather than break loading:
// a periodic payment with no term decided, a document number used twice, a measure id outside its document.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "model.hpp"
#include "problems.hpp"

namespace skillcalc {

// One rules.json as written (before it is read into the model).
void lint_rule_file(const nlohmann::json& j, const std::string& file, Problems& p);

// Across the documents read (warnings of `check`: a number used again with a period that does not meet the first
// one's may be a re-issue; overlapping periods are refused when loading).
void lint_documents(const Model& m, Problems& p);

}  // namespace skillcalc
