// Batch settlement of city-wide pools (rules.json "pools"): budgets shared pro rata across all the claims of a year,
// and quotas of people. The steps, each in its file (budget_parts.hpp): the claims are read and those of one applicant
// merged (budget_read.cpp); every applicant is evaluated as one situation and the items that count (granted or capped)
// of a pool's measures are gathered per pool and calendar year of their event (budget_group.cpp); each pool's year is
// settled (budget_settle.cpp, with the arithmetic in budget_apportion.cpp) and written (budget_json.cpp). Money is
// whole yuan; products are computed in 128 bits; nothing here is floating point.
#include "budget.hpp"

#include "budget_parts.hpp"
#include "render.hpp"
#include "skillcalc.hpp"

namespace skillcalc {

std::string settle_budget(const Model& m, const std::vector<std::string>& claims, std::string_view today) {
  try {
    Day t = parse_day(today);
    if (!t) return render_error("invalid_input", "", "今天的日期无效", "today's date is not valid");
    const budget::PoolIndex ix(m);
    budget::Errors errors;
    errors.claims = &claims;
    std::vector<budget::Applicant> apps = budget::read_claims(claims, ix, errors);
    const budget::Gathered gathered = budget::group_claims(m, ix, claims, t, apps, errors);
    return budget::write_settlement(m, claims.size(), apps, gathered, errors);
  } catch (const std::exception& e) {
    return render_error("internal_error", "", std::string("内部错误：") + e.what(),
                        std::string("internal error: ") + e.what());
  }
}

std::string Engine::budget(const std::vector<std::string>& claims, std::string_view today) const {
  return settle_budget(*model_, claims, today);
}

}  // namespace skillcalc
