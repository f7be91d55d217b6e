// The small text steps the claims reader shares: trimming a cell, lower-casing an id.
#pragma once
#include <string>
#include <string_view>

namespace csv {

// Without leading and trailing white space: ASCII, and the unseen kinds pasted from web pages (text.cpp kUnseen).
std::string trim(std::string_view s);
// ASCII letters lower-cased; everything else unchanged.
std::string lower(std::string s);
// A message on one line: line breaks, tabs and other control characters of a cell quoted in it written as \n, \r,
// \t, \xHH, so that an error is one line of stderr and a cell "1⏎2" does not read as 12.
std::string one_line(std::string s);

}  // namespace csv
