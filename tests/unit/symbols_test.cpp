// Symbols: one integer a string, the same integer for the same string, none for a string never added; and the rules
// and situations carry the symbols that let matching compare integers.
#include "symbols.hpp"

#include <catch2/catch.hpp>

#include "model.hpp"
#include "skillcalc.hpp"

using skillcalc::Symbols;

TEST_CASE("a symbol names one string, through the table's growth", "[symbols]") {
  Symbols s;
  CHECK(s.find("technician") == -1);
  std::vector<int> ids;
  for (int i = 0; i < 500; ++i) ids.push_back(s.add("id" + std::to_string(i)));
  for (int i = 0; i < 500; ++i) {
    CHECK(s.find("id" + std::to_string(i)) == ids[static_cast<size_t>(i)]);
    CHECK(s.add("id" + std::to_string(i)) == ids[static_cast<size_t>(i)]);
  }
  CHECK(s.size() == 500);
  CHECK(s.find("id500") == -1);
  CHECK(s.find("") == -1);
  CHECK(s.add("") == 500);
}

TEST_CASE("values compare by symbol where both have one, else by their text", "[symbols]") {
  using skillcalc::Value;
  Value a{Value::Kind::Text, false, 0, "technician"}, b = a;
  a.sym = 7, b.sym = 7;
  CHECK(a == b);
  b.sym = -1;  // a value without a symbol still matches by its text
  CHECK(a == b);
  b.s = "senior_technician";
  CHECK(!(a == b));
}

TEST_CASE("every condition and event type of the built-in rules carries its symbols after load", "[symbols]") {
  auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  REQUIRE(e);
  const skillcalc::Model& m = e->model();
  size_t conditions = 0;
  for (const auto& x : m.measures) {
    if (!x.event.empty()) CHECK(m.vocab.symbols.find(x.event) == x.event_id);
    for (const auto& c : x.when) {
      ++conditions;
      INFO(x.id << " " << c.path.field);
      CHECK(c.path.id >= 0);
      CHECK(c.path.id == m.vocab.symbols.find(c.path.field));
      for (const auto& v : c.test.values)
        if (v.kind == skillcalc::Value::Kind::Text) CHECK(v.sym == m.vocab.symbols.find(v.s));
    }
  }
  CHECK(conditions > 100);
}
