#include "csv_write.hpp"

namespace csv {

void field(std::string& out, std::string_view s, bool first) {
  if (!first) out += ',';
  bool quote = !s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t');
  for (char c : s)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') quote = true;
  if (!quote) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void row(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) field(out, cells[i], i == 0);
  out += "\r\n";
}

std::string text_cell(std::string_view s) {
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    return "'" + std::string(s);
  return std::string(s);
}
}  // namespace csv
