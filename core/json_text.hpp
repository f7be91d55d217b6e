// Where things are in a JSON text, for messages an author can act on: the line and column of a syntax error, the
// line of the value a JSON pointer names.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "files.hpp"
#include "problems.hpp"

namespace skillcalc {

struct TextPosition {
  int line = 0;    // from 1; 0 when unknown
  int column = 0;  // from 1, in characters (not bytes)
};

// Parses `text`; on a syntax error returns false and sets `at` to where the parser stopped. Never throws.
bool parse_json_at(std::string_view text, nlohmann::json& out, TextPosition& at);

// The line of the value that `pointer` names in `text` (a valid JSON text); where the pointer names a member that is
// not there, the line of the deepest value on its way. 0 when the text cannot be scanned.
int line_of_pointer(std::string_view text, std::string_view pointer);

// The problem of a file that is not JSON: "invalid_json" at the line and column where the parser stopped.
void add_invalid_json(Problems& p, const std::string& file, const TextPosition& at);

// Fills in the line of every problem that names one of `files` and a pointer in it.
void locate_problems(Problems& p, const std::vector<SourceFile>& files);

}  // namespace skillcalc
