// Whole numbers written as text, as people type them: ASCII or full-width digits (２０), a thousands separator
// (1,000 / １，０００), a spreadsheet's trailing ".0", a sign, spaces around. Shared by the situation reader (a number
// field given as a JSON string) and the CSV reader.
#pragma once
#include <string>
#include <string_view>

namespace skillcalc {

// The text with full-width digits, signs, commas, full stops and spaces turned into ASCII.
std::string half_width(std::string_view text);

// True with `out` set when the text is a whole number of at most 15 digits in one of the forms above.
bool whole_number(std::string_view text, long long& out);

}  // namespace skillcalc
