#include "numbers.hpp"

#include <algorithm>

namespace skillcalc {

std::string half_width(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char a = t[i];
    // U+FF01..U+FF5E (EF BC 81..EF BD 9E) are the full-width forms of ASCII 0x21..0x7E; U+3000 is the ideographic
    // space.
    if (a == 0xEF && i + 2 < t.size()) {
      unsigned char b = t[i + 1], c = t[i + 2];
      int cp = ((b & 0x3F) << 6) | (c & 0x3F);  // low 12 bits of U+Fxxx
      if ((b == 0xBC || b == 0xBD) && cp >= 0xF01 && cp <= 0xF5E) {
        out += static_cast<char>(cp - 0xF01 + 0x21);
        i += 2;
        continue;
      }
    }
    if (a == 0xE3 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
        static_cast<unsigned char>(t[i + 2]) == 0x80) {
      out += ' ';
      i += 2;
      continue;
    }
    out += static_cast<char>(a);
  }
  return out;
}

bool whole_number(std::string_view text, long long& out) {
  std::string s = half_width(text);
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && space(s.back())) s.pop_back();
  size_t lead = 0;
  while (lead < s.size() && space(s[lead])) ++lead;
  s.erase(0, lead);
  if (s.find(',') != std::string::npos) {  // only as a thousands separator: 1,000 and 12,345,678, never 1,2
    size_t end = s.find('.') == std::string::npos ? s.size() : s.find('.');
    size_t first = s.find(','), digits_before = first - (s[0] == '-' || s[0] == '+' ? 1 : 0);
    if (digits_before < 1 || digits_before > 3) return false;
    for (size_t at = first; at < end; at += 4)
      if (s[at] != ',' || at + 4 > end || (at + 4 < end && s[at + 4] != ',')) return false;
    s.erase(std::remove(s.begin(), s.end(), ','), s.end());
  }
  if (auto dot = s.find('.'); dot != std::string::npos && s.find_first_not_of('0', dot + 1) == std::string::npos)
    s.erase(dot);
  bool neg = !s.empty() && s[0] == '-';
  size_t start = neg || (!s.empty() && s[0] == '+') ? 1 : 0;
  if (s.size() == start || s.size() - start > 15 || s.find_first_not_of("0123456789", start) != std::string::npos)
    return false;
  long long v = 0;
  for (size_t i = start; i < s.size(); ++i) v = v * 10 + (s[i] - '0');
  out = neg ? -v : v;
  return true;
}

}  // namespace skillcalc
