// Batch settlement of what no single claim can settle: city-wide budgets shared by all claims of a year (pro rata)
// and quotas of people (rules.json "pools"). Pure: JSON text in, JSON text out, no I/O, no clock, no exceptions out.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace skillcalc {

// Claims in (each a situation, or {"id": "...", "situation": {...}, "claimed_yuan": {"<clause_id>": N}}), the
// settlement out (README "Budget"). `today` (YYYY-MM-DD) is the default as_of.
std::string settle_budget(const Model& m, const std::vector<std::string>& claims, std::string_view today);

// The arithmetic, exposed for tests. Integers only; products in 128 bits.

// `amount` shared in proportion to `weights` (each >= 0, sum > 0), rounded to whole yuan by the largest-remainder
// method: everyone gets the floor of the exact share; the yuan left over go one each to the largest remainders,
// ties to the earlier weight. The parts add up to `amount` exactly.
std::vector<long long> apportion(long long amount, const std::vector<long long>& weights);

// Each row's amount split between payers by their shares (fractions num/den adding up to 1). The column totals are
// the total's split by the largest-remainder method; within a column the yuan left over go to the rows with the
// largest remainders (ties to the earlier row); the last payer takes what is left of each row. Rows add up exactly.
std::vector<std::vector<long long>> split_payers(const std::vector<long long>& rows,
                                                 const std::vector<std::pair<long long, long long>>& shares);

}  // namespace skillcalc
