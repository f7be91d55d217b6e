// The result writer escapes exactly what JSON requires, wherever in a string it falls: checked against nlohmann's
// dump of the same strings, at every position around the 8- and 16-byte steps of its scan.
#include "json_writer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using skillcalc::JsonWriter;

namespace {

std::string written(const std::string& s) {
  JsonWriter w;
  w.begin_object().field("k", s).key("n").num(-42).key("b").boolean(true).end_object();
  return w.take();
}

std::string expected(const std::string& s) {
  nlohmann::ordered_json j;
  j["k"] = s, j["n"] = -42, j["b"] = true;
  return j.dump();
}

}  // namespace

TEST_CASE("every character JSON must escape is escaped, at every offset of the scan", "[writer]") {
  const std::string specials[] = {"\"", "\\", "\n", "\t", "\r", "\b", "\f", std::string(1, '\0'), "\x01", "\x1f"};
  const std::string filler = "技能人才ab";  // 3-byte characters and ASCII, so offsets fall inside characters too
  for (auto& sp : specials)
    for (size_t before = 0; before < 40; ++before) {
      std::string s;
      while (s.size() + filler.size() <= before) s += filler;  // whole characters, then ASCII up to the offset
      s.resize(before, 'x');
      s += sp;
      s += filler + filler + "x";
      INFO("offset " << before);
      CHECK(written(s) == expected(s));
    }
}

TEST_CASE("text that needs no escape is copied as it is, short or long", "[writer]") {
  for (size_t n : {0, 1, 7, 8, 15, 16, 17, 31, 33, 100, 5000}) {
    std::string s(n, 'a');
    for (size_t i = 0; i < n; i += 5) s[i] = static_cast<char>(0x7f + (i % 3));  // DEL and bytes above 0x7f
    CHECK(written(s) == "{\"k\":\"" + s + "\",\"n\":-42,\"b\":true}");
  }
}

TEST_CASE("a reused buffer holds only the newest text, and commas fall between values", "[writer]") {
  std::string buffer = std::string(10000, 'z');
  JsonWriter w;
  w.reuse(buffer);
  w.begin_array().num(1).str("a").null().raw("{\"x\":1}").begin_object().end_object().end_array();
  w.give(buffer);
  CHECK(buffer == "[1,\"a\",null,{\"x\":1},{}]");
  w.reuse(buffer);
  w.begin_object().key("a").begin_array().end_array().end_object();
  w.give(buffer);
  CHECK(buffer == "{\"a\":[]}");
}
