// Golden cases: what a case expects (rules/FORMAT.md, "cases.json"), held against a result. Pure: JSON in, text out.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace skillcalc {

// granted, not_granted, present, monthly, totals, error_path.
bool is_expect_key(const std::string& key);

// What of `expect` does not hold in `result` (a result or error object as Engine::evaluate returns it), one English
// sentence each; empty when the case holds. A malformed expectation is reported the same way, never thrown.
std::vector<std::string> case_differences(const nlohmann::json& expect, const nlohmann::json& result);

// The clause ids (or id prefixes) an expectation names: the keys of granted, present and monthly, the entries of
// not_granted.
std::vector<std::string> expected_ids(const nlohmann::json& expect);

}  // namespace skillcalc
