// The result as a tape for JavaScript (core/json_tape.hpp, README "Objects without JSON text"): read back, it is the
// result's text byte for byte, full and compact, over every golden case; errors come as text with no ops; numbers
// beyond an op's payload and strings of every width keep their value.
#include <catch2/catch.hpp>

#include "../parity/tape_text.hpp"
#include "json_writer.hpp"
#include "support.hpp"

namespace {

const char* kToday = "2026-01-15";

const skillcalc::Engine& builtin() {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  return *e;
}

}  // namespace

TEST_CASE("a result's tape reads back as its text, full and compact, over every golden case", "[tape]") {
  skillcalc::TapeTable table;
  skillcalc::Tape tape;
  tape.table = &table;
  std::string strings;
  size_t results = 0;
  for (auto& [file, c] : test::golden_cases()) {
    INFO(file << ": " << c["name"].get<std::string>());
    std::string text = c["situation"].dump();
    for (bool compact : {false, true}) {
      std::string want = compact ? builtin().evaluate_compact(text, kToday) : builtin().evaluate(text, kToday);
      builtin().evaluate_tape(strings, text, kToday, compact, tape);
      if (want.rfind("{\"ok\":false", 0) == 0) {
        CHECK(tape.ops.empty());
        CHECK(strings == want);
        continue;
      }
      REQUIRE_FALSE(tape.ops.empty());
      CHECK(test::tape_text(tape, strings) == want);
      ++results;
    }
  }
  CHECK(results > 400);
  // Keys and fragments are named once each, however many results name them.
  CHECK(table.size() < 3000);
}

TEST_CASE("a tape keeps large numbers, wide characters and escapes", "[tape]") {
  skillcalc::TapeTable table;
  skillcalc::Tape tape;
  tape.table = &table;
  std::string buf;
  skillcalc::JsonWriter w;
  w.reuse(buf);
  w.record(&tape);
  static const std::string frag = "{\"a\":[1,\"x\"]}";
  w.begin_object()
      .field("big", 1LL << 40)
      .field("edge", (1LL << 28) - 1)
      .field("over", 1LL << 28)
      .field("neg", -5)
      .field("text", "技能\"\\\n😀 ok")
      .key("f")
      .raw(frag)
      .key("n")
      .null()
      .key("b")
      .boolean(false)
      .key("e")
      .begin_array()
      .end_array()
      .end_object();
  w.give(buf);
  CHECK(test::tape_text(tape, buf) ==
        "{\"big\":1099511627776,\"edge\":268435455,\"over\":268435456,\"neg\":-5,\"text\":\"技能\\\"\\\\\\n😀 ok\","
        "\"f\":{\"a\":[1,\"x\"]},\"n\":null,\"b\":false,\"e\":[]}");
  // The string's UTF-16 units: 技能 2, the three escaped characters 3, the emoji 2, " ok" 3.
  uint32_t units = 0;
  for (uint32_t op : tape.ops)
    if ((op & 15) == static_cast<uint32_t>(skillcalc::TapeOp::String)) units = op >> skillcalc::kTapeTagBits;
  CHECK(units == 10);
}

TEST_CASE("a table met with other rules starts again", "[tape]") {
  skillcalc::TapeTable table;
  static const std::string a = "one", b = "two";
  table.own(&a);
  CHECK(table.id(a) == 0);
  CHECK(table.id(b) == 1);
  CHECK(table.id(a) == 0);
  table.own(&b);
  CHECK(table.size() == 0);
  CHECK(table.id(b) == 0);
}
