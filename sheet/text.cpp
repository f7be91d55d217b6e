#include "text.hpp"

#include "names.hpp"

namespace csv {

std::string trim(std::string_view s) {
  return skillcalc::trim_unseen(s);
}

std::string one_line(std::string s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c != 0x7f) {
      out += static_cast<char>(c);
      continue;
    }
    static const char* const hex = "0123456789abcdef";
    out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : std::string{'\\', 'x', hex[c >> 4], hex[c & 15]};
  }
  return out;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// "2025-06-01", "2025/6/1", "2025.6.1", "2025年6月1日", "2025/6/1 0:00" -> "2025-06-01"; anything else unchanged

}  // namespace csv
