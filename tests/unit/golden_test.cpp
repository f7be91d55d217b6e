// Every golden case beside the rules, the project's own cases and (where they are beside the clone) the shared
// acceptance examples, through the core; the expectation is held by the same function `skillcalc check` uses.
#include <catch2/catch.hpp>
#include <filesystem>

#include "cases.hpp"
#include "support.hpp"

using nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("every golden case and acceptance example holds", "[golden]") {
  auto cases = test::golden_cases();
  REQUIRE(cases.size() >= 10);
  size_t held = 0;
  size_t pending = 0;
  for (auto& [file, c] : cases) {
    json r = test::builtin_eval(c["situation"]);
    if (r["ok"] == false && r["error"]["code"] == "unknown_city") {  // that city's rules are not encoded yet
      ++pending;
      continue;
    }
    auto bad = skillcalc::case_differences(c["expect"], r);
    INFO(file << ": " << c["name"].get<std::string>());
    for (auto& b : bad) FAIL_CHECK(b);
    if (bad.empty()) ++held;
  }
  WARN(held << " of " << cases.size() << " golden cases hold, " << pending << " pending (city not encoded yet)");
}

TEST_CASE("golden cases are named by sentences and say what they expect", "[golden]") {
  for (auto& [file, c] : test::golden_cases()) {
    INFO(file);
    REQUIRE(c.contains("name"));
    CHECK(c["name"].get<std::string>().find(' ') != std::string::npos);
    CHECK(c.contains("situation"));
    CHECK_FALSE(c["expect"].empty());
  }
}
