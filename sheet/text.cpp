#include "text.hpp"

namespace csv {

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  auto space = [&](size_t i, bool front) {  // ASCII white space, or U+3000 (the ideographic space)
    if (front) {
      if (s[i] == ' ' || s[i] == '\t') return size_t(1);
      if (i + 3 <= s.size() && s.substr(i, 3) == "\xE3\x80\x80") return size_t(3);
    } else {
      if (s[i - 1] == ' ' || s[i - 1] == '\t') return size_t(1);
      if (i >= 3 && s.substr(i - 3, 3) == "\xE3\x80\x80") return size_t(3);
    }
    return size_t(0);
  };
  while (a < b)
    if (size_t k = space(a, true))
      a += k;
    else
      break;
  while (b > a)
    if (size_t k = space(b, false))
      b -= k;
    else
      break;
  return std::string(s.substr(a, b - a));
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// "2025-06-01", "2025/6/1", "2025.6.1", "2025年6月1日", "2025/6/1 0:00" -> "2025-06-01"; anything else unchanged

}  // namespace csv
