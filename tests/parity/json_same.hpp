// Two nlohmann documents equal in every value and in its kind: nlohmann's own == takes 1u, 1 and 1.0 for the same,
// and 0.0 for -0.0. For the tests of readers that must give exactly nlohmann's document.
#pragma once
#include <cmath>
#include <nlohmann/json.hpp>

namespace skillcalc::parity {

inline bool same_json(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib)
      if (ia.key() != ib.key() || !same_json(*ia, *ib)) return false;
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (!same_json(a[i], b[i])) return false;
    return true;
  }
  if (a.is_number_float()) return std::signbit(a.get<double>()) == std::signbit(b.get<double>()) && a == b;
  return a == b;
}

}  // namespace skillcalc::parity
