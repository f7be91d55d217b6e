#include "text.hpp"

#include "names.hpp"

namespace csv {

std::string trim(std::string_view s) {
  return skillcalc::trim_unseen(s);
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// "2025-06-01", "2025/6/1", "2025.6.1", "2025年6月1日", "2025/6/1 0:00" -> "2025-06-01"; anything else unchanged

}  // namespace csv
