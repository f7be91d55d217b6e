#include <catch2/catch.hpp>

#include "support.hpp"

using nlohmann::json;

namespace {
// Loads the sample rules with one change and returns the problem codes.
std::vector<std::string> problems_after(const std::function<void(json&)>& change) {
  json r = test::sample_rules();
  change(r);
  std::string report;
  auto e = test::engine_with(r, &report);
  std::vector<std::string> codes;
  if (e) return codes;
  json parsed = json::parse(report);
  for (auto& p : parsed["problems"]) {
    CHECK_FALSE(p["path"].is_null());
    CHECK(p["file"] == "t/rules.json");
    codes.push_back(p["code"].get<std::string>());
  }
  return codes;
}
bool has(const std::vector<std::string>& v, const std::string& c) {
  return std::find(v.begin(), v.end(), c) != v.end();
}
}  // namespace

TEST_CASE("the sample rule file loads cleanly", "[load]") {
  CHECK(problems_after([](json&) {}).empty());
}

TEST_CASE("a rule file with a fault is refused with its file, path and reason", "[load]") {
  CHECK(has(problems_after([](json& r) { r["measures"][0]["amount"]["yuan"] = 30000; }), "amount_not_in_quote"));
  CHECK(has(problems_after([](json& r) { r["measures"][0].erase("quote"); }), "missing_quote"));
  CHECK(has(problems_after([](json& r) { r["measures"][0]["event"] = "teleport"; }), "unknown_id"));
  CHECK(has(problems_after([](json& r) { r["measures"][0]["when"]["event.tier"] = "galactic"; }), "unknown_id"));
  CHECK(has(problems_after([](json& r) { r["measures"][0]["when"]["event.colour"] = "red"; }), "unknown_field"));
  CHECK(has(problems_after([](json& r) { r["measures"][1]["id"] = "T1-1-city"; }), "duplicate_id"));
  CHECK(has(problems_after([](json& r) { r["measures"][2]["payers"][0]["share"] = "2/3"; }), "bad_share"));
  CHECK(has(problems_after([](json& r) { r["measures"][0]["payers"][0]["who"] = "santa"; }), "unknown_id"));
  CHECK(has(problems_after([](json& r) { r["document"]["period"]["to"] = "2024-01-01"; }), "bad_period"));
  CHECK(has(problems_after([](json& r) { r["document"]["dated"] = "2025-02-30"; }), "bad_date"));
  CHECK(
      has(problems_after([](json& r) { r["stacking"][0]["measures"] = json::array({"T9-*"}); }), "unknown_reference"));
  CHECK(has(problems_after([](json& r) { r["caps"][0]["measures"] = json::array({"nope"}); }), "unknown_reference"));
  CHECK(has(problems_after([](json& r) {
              r["caps"].push_back(r["caps"][0]);
              r["caps"][1]["id"] = "x";
              r["caps"][1]["max_yuan"] = 20000;
              r["caps"][1]["quote"] = "2万元";
            }),
            "contradictory_cap"));
  CHECK(has(problems_after([](json& r) { r["caps"][0]["max_yuan"] = 20000; }), "amount_not_in_quote"));
  CHECK(has(problems_after([](json& r) { r["measures"][0]["ambiguous"] = true; }), "missing_note"));
  CHECK(has(problems_after([](json& r) { r["measures"][0]["surprise"] = 1; }), "unknown_key"));
  // A second event type is for a right without money, and must be another known type.
  CHECK(has(problems_after([](json& r) { r["measures"][0]["also_event"] = "title"; }), "bad_amount"));
  CHECK(has(problems_after([](json& r) { r["measures"][0]["also_event"] = "teleport"; }), "unknown_id"));
  CHECK(has(problems_after([](json& r) { r["measures"][3]["amount"]["percent"] = 40; }), "amount_not_in_quote"));
  CHECK(has(problems_after([](json& r) {
              r["measures"][0]["when"]["event.rank"] = json{{"min", 5}, {"max", 1}};
            }),
            "empty_range"));
}

TEST_CASE("rule JSON that is not JSON, or no rules at all, is refused", "[load]") {
  std::string report;
  auto e = skillcalc::Engine::load(
      {{"vocabulary.json", test::read("rules/vocabulary.json")}, {"t/rules.json", "{nope"}}, &report);
  CHECK_FALSE(e);
  CHECK(report.find("invalid_json") != std::string::npos);
  e = skillcalc::Engine::load({{"vocabulary.json", test::read("rules/vocabulary.json")}}, &report);
  CHECK_FALSE(e);
  CHECK(report.find("no_rules") != std::string::npos);
}

TEST_CASE("the built-in rules load", "[load]") {
  std::string report;
  auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), &report);
  INFO(report);
  CHECK(e);
}
