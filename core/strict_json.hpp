// JSON read strictly: nlohmann's parser plus what it lets through. A key twice in one object (the last would win
// silently: "rank":2,"rank":1 pays for rank 1), a NUL byte (nlohmann takes it for the end of the input, so garbage
// after it passes) and bytes after the document are refused, with the JSON pointer or byte where they are.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace skillcalc {

struct JsonFault {
  std::string code, path, zh, en;  // code: invalid_json or duplicate_key
};

// False with `fault` set when `text` is not exactly one JSON document with unique keys.
bool parse_strict(std::string_view text, nlohmann::json& out, JsonFault& fault);

// True with `fault` set when `text` is not exactly one JSON document with unique keys: the same faults as
// parse_strict, without building the document.
bool strict_fault(std::string_view text, JsonFault& fault);

// A key as one reference token of a JSON pointer (RFC 6901): "~" is written "~0" and "/" is written "~1".
std::string pointer_token(std::string_view key);

// The types nlohmann's sax_parse asks of a handler that does not derive from its virtual json_sax.
struct JsonSaxTypes {
  using number_integer_t = nlohmann::json::number_integer_t;
  using number_unsigned_t = nlohmann::json::number_unsigned_t;
  using number_float_t = nlohmann::json::number_float_t;
  using string_t = nlohmann::json::string_t;
  using binary_t = nlohmann::json::binary_t;
};

}  // namespace skillcalc
