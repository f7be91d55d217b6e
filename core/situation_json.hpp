// The JSON text of a situation read in one pass into a flat record of its members, without a JSON DOM: the top
// object, the applicant, the events and their members, each value a string (unescaped), number token, literal, or
// a container that no situation has in that place (not read into: `deep`). Strings without escapes stay views into
// the text. The reader accepts exactly the JSON that nlohmann's strict parse accepts; anything it cannot vouch for
// (a syntax error, a key twice, a container where none belongs, nesting it does not follow) marks the record
// `doubtful`, and the caller asks the strict checker (strict_json.hpp) where the fault is, so that faults keep their
// codes, pointers and byte positions.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "json_scan.hpp"

namespace skillcalc {

struct JsonValue {
  enum class Kind : uint8_t { Null, False, True, Number, String, Object, Array } kind = Kind::Null;
  bool deep = false;              // a container not read into
  std::string_view text;          // String: the unescaped bytes; Number: the token as written
  uint32_t first = 0, count = 0;  // Object: members [first, first + count); Array: elements likewise
};

struct JsonMember {
  std::string_view key;
  JsonValue value;
};

struct SituationJson {
  JsonValue root;
  std::vector<JsonMember> members;
  std::vector<JsonValue> elements;
  std::deque<std::string> unescaped;  // strings that had escapes (stable addresses)
  bool complete = false;              // the text was read to its end without a fault
  bool doubtful = false;              // the strict checker must decide (see above)
  void clear();
};

// Reads `text` into `out` (cleared first).
void read_situation_json(std::string_view text, SituationJson& out);

}  // namespace skillcalc
