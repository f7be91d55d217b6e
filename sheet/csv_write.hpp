// Writing a spreadsheet export: UTF-8 with BOM and CRLF, RFC 4180 quoting, so that Excel and WPS open it in the
// right encoding.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace csv {

// Every field quoted where it holds a comma, quote, CR, LF or leading/trailing space; records end CRLF.
void field(std::string& out, std::string_view s, bool first);
void row(std::string& out, const std::vector<std::string>& cells);
// A text cell that a spreadsheet would take for a formula (= + - @ at its start) gets a leading apostrophe.
std::string text_cell(std::string_view s);
inline const char* kBom = "\xEF\xBB\xBF";

}  // namespace csv
