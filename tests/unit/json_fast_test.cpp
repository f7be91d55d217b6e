// The rules' fast reader (core/json_fast.hpp) gives nlohmann's document, kind of every value included, whenever it
// vouches for a text, and never vouches for a text nlohmann's strict parse refuses: over every JSON file of the
// repository (rules as written and as embedded, cases, broken rules) and a list of edge cases.
#include "json_fast.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../parity/json_same.hpp"
#include "files.hpp"
#include "strict_json.hpp"

using nlohmann::json;
using skillcalc::read_json_fast;

namespace {

// What nlohmann's strict parse makes of `text`: true with the document, or false.
bool strict(const std::string& text, json& out) {
  skillcalc::JsonFault fault;
  if (skillcalc::strict_fault(text, fault)) return false;
  out = json::parse(text, nullptr, false);
  return !out.is_discarded();
}

// Returns whether the fast reader vouched for `text`; fails the test where it differs from the strict parse.
bool agrees(const std::string& text) {
  json fast, slow;
  bool vouched = read_json_fast(text, fast);
  bool valid = strict(text, slow);
  INFO("text: " << text.substr(0, 300));
  if (vouched) {
    CHECK(valid);
    if (valid) CHECK(skillcalc::parity::same_json(fast, slow));
  }
  return vouched;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("the fast reader gives nlohmann's document for every JSON file of the repository", "[json_fast]") {
  size_t vouched = 0, files = 0;
  for (auto& f : skillcalc::embedded_rules()) {
    if (f.name.size() < 5 || f.name.compare(f.name.size() - 5, 5, ".json") != 0) continue;
    ++files;
    CHECK(agrees(f.text));  // every built-in file is read by the fast reader
    ++vouched;
  }
  namespace fs = std::filesystem;
  for (auto& folder : {"rules", "tests/cases", "tests/broken-rules"}) {
    for (auto& e : fs::recursive_directory_iterator(fs::path(SKILLCALC_SOURCE_DIR) / folder)) {
      if (!e.is_regular_file() || e.path().extension() != ".json") continue;
      ++files;
      vouched += agrees(read(e.path()));
    }
  }
  CHECK(files > 60);
  CHECK(vouched > 50);
}

TEST_CASE("the fast reader agrees with the strict parse on edge cases, or leaves them to it", "[json_fast]") {
  const std::string accepted[] = {"{}",
                                  "[]",
                                  "0",
                                  "-0",
                                  "0.0",
                                  "-0.0",
                                  "1e2",
                                  "1E+2",
                                  "1e-2",
                                  "123456789012345678",
                                  "-123456789012345678",
                                  "1234567890123456789",
                                  "-1234567890123456789",
                                  "123456789012345678901234567890",
                                  "18446744073709551615",
                                  "18446744073709551616",
                                  "-9223372036854775808",
                                  "-9223372036854775809",
                                  "true",
                                  "false",
                                  "null",
                                  "\"\"",
                                  R"("a\"b\\c\/d\b\f\n\r\t")",
                                  R"("\u0041\u00e9\u4e2d\ud83d\ude00")",
                                  "\"技能人才 ✓ 😀\"",
                                  " \t\r\n{ \"a\" : [ 1 , 2.5 , { \"b\" : null } ] } \n",
                                  R"({"b":1,"a":2,"c":{"z":[],"y":{}}})",
                                  R"([[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]])",
                                  "\xEF\xBB\xBF{\"bom\":1}"};
  for (auto& t : accepted) {
    INFO(t);
    json slow;
    CHECK(strict(t, slow));
    CHECK(agrees(t));  // vouched for, and the same document
  }
  const std::string refused[] = {"",
                                 " ",
                                 "{",
                                 "}",
                                 "[1,]",
                                 "{\"a\":1,}",
                                 "{\"a\" 1}",
                                 "{a:1}",
                                 "01",
                                 "1.",
                                 ".5",
                                 "-",
                                 "+1",
                                 "1e",
                                 "1e400",
                                 "-1e400",
                                 "tru",
                                 "nul",
                                 "True",
                                 "\"abc",
                                 "\"a\nb\"",
                                 "\"\\x\"",
                                 "\"\\u12\"",
                                 "\"\\ud83d\"",
                                 "\"\\ude00\"",
                                 "\"\\ud83d\\u0041\"",
                                 "\"\xC0\xAF\"",
                                 "\"\xED\xA0\x80\"",
                                 "\"\xF4\x90\x80\x80\"",
                                 "\"\xE4\xB8\"",
                                 "\"\xFF\"",
                                 "{\"a\":1,\"a\":2}",
                                 "{\"a\":{\"b\":1,\"b\":1}}",
                                 "[1] 2",
                                 "{} x",
                                 "// c\n{}",
                                 "[1,/*x*/2]",
                                 "\xEF\xBB{}",
                                 std::string("{\"a\":\"\0\"}", 10)};
  for (auto& t : refused) {
    INFO(t);
    json out;
    CHECK_FALSE(read_json_fast(t, out));
    agrees(t);
  }
  std::string deep(300, '[');
  deep += std::string(300, ']');
  json out;
  CHECK_FALSE(read_json_fast(deep, out));  // deeper than 256: left to the strict parse, which reads it
  CHECK(strict(deep, out));
}
