// JSON read straight into nlohmann's document, without nlohmann's parser (whose lexer takes a byte at a time): the
// rules' files are 386 KB, read at every start (the page's first answer waits for them). It vouches only for what
// it reads completely — the tokens as json_scan.hpp reads them, objects without a key twice, nesting up to 256 —
// and then gives the same document nlohmann's strict parse gives, kinds of numbers included. On anything else it
// says no, and the caller parses strictly (strict_json.hpp), which finds and names the fault.
#pragma once
#include <nlohmann/json.hpp>
#include <string_view>

namespace skillcalc {

// True with `out` the document of `text`; false when this reader does not vouch for it (`out` is then unspecified).
bool read_json_fast(std::string_view text, nlohmann::json& out);

}  // namespace skillcalc
