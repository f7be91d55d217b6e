// The authoring loop's pieces: a case held against a result, positions in JSON texts, the folder check.
#include <catch2/catch.hpp>

#include "cases.hpp"
#include "json_text.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {
json result_with(const json& items, long long lo, long long hi) {
  return {{"ok", true}, {"items", items}, {"totals", {{"min_yuan", lo}, {"max_yuan", hi}}}};
}
json item(const char* id, const char* status, long long lo, long long hi, const char* schedule = "once",
          long long yuan = 0) {
  return {{"clause_id", id},
          {"status", status},
          {"total", {{"min_yuan", lo}, {"max_yuan", hi}}},
          {"schedule", {{"kind", schedule}}},
          {"amount", {{"kind", "fixed"}, {"yuan", yuan}}}};
}
bool says(const std::vector<std::string>& bad, const std::string& words) {
  for (auto& b : bad)
    if (b.find(words) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("a case holds when every expectation does", "[cases]") {
  json r = result_with({item("X1-01-a", "granted", 3000, 3000), item("X1-01-b", "excluded", 1000, 1000),
                        item("X1-02-m", "granted", 48000, 48000, "monthly", 1000)},
                       51000, 51000);
  json expect = {{"granted", {{"X1-01", {3000, 3000}}, {"X1-02-m", {48000, 48000}}}},
                 {"not_granted", {"X1-01-b"}},
                 {"present", {{"X1-01-b", "excluded"}}},
                 {"monthly", {{"X1-02-m", 1000}}},
                 {"totals", {51000, 51000}}};
  CHECK(skillcalc::case_differences(expect, r).empty());
}

TEST_CASE("each expectation that does not hold is named with what differs", "[cases]") {
  json r = result_with({item("X1-01-a", "granted", 3000, 3000), item("X1-01-b", "excluded", 1000, 1000)}, 3000, 3000);
  auto bad = skillcalc::case_differences({{"granted", {{"X1-01-a", {5000, 5000}}}}}, r);
  CHECK(says(bad, "X1-01-a: granted [3000, 3000], expected [5000, 5000]"));
  bad = skillcalc::case_differences({{"granted", {{"X1-01-b", {1000, 1000}}}}}, r);
  CHECK(says(bad, "nothing of it is granted (its items: excluded)"));
  bad = skillcalc::case_differences({{"not_granted", {"X1-01"}}}, r);
  CHECK(says(bad, "expected not granted, but X1-01-a is granted"));
  bad = skillcalc::case_differences({{"present", {{"X1-01-a", "capped"}}}}, r);
  CHECK(says(bad, "expected an item with status capped"));
  bad = skillcalc::case_differences({{"monthly", {{"X1-01-a", 3000}}}}, r);
  CHECK(says(bad, "expected granted at 3000 a month"));
  bad = skillcalc::case_differences({{"totals", {0, 0}}}, r);
  CHECK(says(bad, "totals [3000, 3000], expected [0, 0]"));
  bad = skillcalc::case_differences({{"error_path", "/events/0/rank"}}, r);
  CHECK(says(bad, "but the result is ok"));
  bad = skillcalc::case_differences({{"grantd", {{"X1-01-a", {3000, 3000}}}}}, r);
  CHECK(says(bad, "unknown expectation 'grantd'"));
  bad = skillcalc::case_differences({{"granted", {{"X1-01-a", 3000}}}}, r);
  CHECK(says(bad, "must be [min_yuan, max_yuan]"));
  bad = skillcalc::case_differences({{"absent", {"X1-01-b"}}}, r);
  CHECK(says(bad, "X1-01-b: expected absent, but has an item with status excluded"));
  bad = skillcalc::case_differences({{"ambiguous", {"X1-01"}}}, r);
  CHECK(says(bad, "X1-01: no item of it is marked ambiguous"));
  bad = skillcalc::case_differences({{"suggested", {"X1-09"}}}, r);
  CHECK(says(bad, "X1-09: not among the suggestions"));
  bad = skillcalc::case_differences({{"schedule", {{"X1-01-a", {{"kind", "term"}}}}}}, r);
  CHECK(says(bad, "X1-01-a: no item with schedule"));
}

TEST_CASE("an error result meets error_path, and fails every other expectation", "[cases]") {
  json err = {{"ok", false}, {"error", {{"code", "out_of_range"}, {"path", "/events/0/rank"}, {"en", "too small"}}}};
  CHECK(skillcalc::case_differences({{"error_path", "/events/0/rank"}}, err).empty());
  CHECK(says(skillcalc::case_differences({{"error_path", "/city"}}, err), "expected at \"/city\""));
  CHECK(says(skillcalc::case_differences({{"totals", {0, 0}}}, err), "unexpected error at \"/events/0/rank\""));
}

TEST_CASE("a syntax error is placed by line and column, in characters", "[json_text]") {
  json j;
  skillcalc::TextPosition at;
  CHECK(skillcalc::parse_json_at("{\"a\": 1}", j, at));
  CHECK_FALSE(skillcalc::parse_json_at("{\n  \"名称\": \"一\",\n  \"b\": 2,\n}", j, at));
  CHECK(at.line == 4);
  CHECK(at.column == 1);
  CHECK_FALSE(skillcalc::parse_json_at("{\n  \"名称\": \"一\"\n  \"b\": 2}", j, at));  // the comma left out
  CHECK(at.line == 3);
  CHECK(at.column == 5);  // the end of the token "b" that came where a comma was due
}

TEST_CASE("a JSON pointer is found by line", "[json_text]") {
  std::string text =
      "{\n  \"document\": {\"id\": \"X1\"},\n  \"measures\": [\n    {\"id\": \"a\"},\n    {\n      \"id\": \"b\",\n    "
      "  \"quote\": \"q\"\n    }\n  ]\n}\n";
  CHECK(skillcalc::line_of_pointer(text, "") == 1);
  CHECK(skillcalc::line_of_pointer(text, "/document/id") == 2);
  CHECK(skillcalc::line_of_pointer(text, "/measures/0") == 4);
  CHECK(skillcalc::line_of_pointer(text, "/measures/1") == 5);
  CHECK(skillcalc::line_of_pointer(text, "/measures/1/quote") == 7);
  CHECK(skillcalc::line_of_pointer(text, "/measures/1/schedule") == 5);  // not there: its measure
  CHECK(skillcalc::line_of_pointer("[1, [2, \"x,]\"], {\"k\": [3,\n 4]}]", "/2/k/1") == 2);
}

TEST_CASE("the folder check runs the cases and says what it checked", "[check]") {
  json rules = test::sample_rules();
  std::string source =
      "市赛第一名奖励3000元。省赛前三名最高奖励2万元。每人1000元，每家企业每年不超过1万元。"
      "按年薪的30%给予奖励，每人最高10万元。35周岁以下的，每人每年1.2万元，最长3年。就高不重复。";
  json good = json::array(
      {{{"name", "first place in the city contest pays 3000"},
        {"situation",
         {{"city", "weihai"},
          {"as_of", "2025-09-01"},
          {"applicant", {{"kind", "person"}}},
          {"events", {{{"type", "competition"}, {"date", "2025-06-01"}, {"tier", "city_contest"}, {"rank", 1}}}}}},
        {"expect", {{"granted", {{"T1-1-city", {3000, 3000}}}}}}}});
  std::vector<skillcalc::SourceFile> files = {{"vocabulary.json", test::read("rules/vocabulary.json")},
                                              {"t/rules.json", rules.dump(2)}};
  json r = json::parse(
      skillcalc::check_folder(files, {{"t/source.txt", source}}, {{"t/cases.json", good.dump(2)}}, "2026-01-15"));
  INFO(r.dump(1));
  CHECK(r["ok"] == true);
  CHECK(r["counts"]["documents"] == 1);
  CHECK(r["counts"]["cases"] == 1);
  CHECK(r["summary"]["en"] == "1 document, 5 measures, 7 quotes, 1 case: all hold");
  json bad = good;
  bad[0]["expect"]["granted"]["T1-1-city"] = {5000, 5000};
  r = json::parse(
      skillcalc::check_folder(files, {{"t/source.txt", source}}, {{"t/cases.json", bad.dump(2)}}, "2026-01-15"));
  REQUIRE(r["problems"].size() == 1);
  CHECK(r["ok"] == false);
  CHECK(r["problems"][0]["code"] == "case_fails");
  CHECK(r["problems"][0]["path"] == "/0");
  CHECK(r["problems"][0]["line"] == 2);
  CHECK(r["problems"][0]["en"].get<std::string>().find("first place in the city contest pays 3000") !=
        std::string::npos);
  CHECK(r["problems"][0]["en"].get<std::string>().find("granted [3000, 3000], expected [5000, 5000]") !=
        std::string::npos);
}
