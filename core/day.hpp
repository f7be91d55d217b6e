// Calendar days as yyyymmdd integers.
#pragma once
#include <string>
#include <string_view>

#include "model.hpp"

namespace skillcalc {

// "2025-05-01" -> 20250501; 0 when the text is not a real day between 1900 and 2200.
Day parse_day(std::string_view s);
std::string day_iso(Day d);  // 20250501 -> "2025-05-01"
std::string day_zh(Day d);   // "2025年5月1日"
std::string day_en(Day d);   // "1 May 2025"
inline int day_year(Day d) {
  return d / 10000;
}

}  // namespace skillcalc
