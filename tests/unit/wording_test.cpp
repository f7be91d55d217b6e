// What a worker reads: explanations, suggestions, notes, document lines and errors, over every golden case and
// acceptance example, checked for the defects a reader would stumble on, and the wording fixes one by one.
#include <catch2/catch.hpp>
#include <regex>

#include "numbers.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {

// Every text of a result a person reads, in both languages, with where it comes from.
std::vector<std::pair<std::string, std::string>> texts(const json& r) {
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&](const char* where, const json& t) {
    for (const char* l : {"zh", "en"})
      if (t.is_object() && t.contains(l)) out.push_back({std::string(where) + "." + l, t[l].get<std::string>()});
  };
  for (auto& i : r.value("items", json::array())) add("explain", i["explain"]);
  for (auto& s : r.value("suggestions", json::array())) add("needs", s["needs"]);
  for (auto& n : r.value("notes", json::array())) add("note", n);
  for (auto& d : r.value("documents", json::array())) add("document", d["says"]);
  if (r.contains("error")) add("error", r["error"]);
  return out;
}

json first_item(const json& r, const std::string& id) {
  for (auto& i : r["items"])
    if (i["clause_id"] == id) return i;
  FAIL("no item " << id);
  return json();
}

}  // namespace

TEST_CASE("no text of any golden case shows an id, an empty amount, a double space, wrong grammar or 乱码",
          "[wording]") {
  const std::regex id(R"(\b(WH|YT|JN|RZ)\d\d-[A-Za-z0-9-]+)"),
      empty_amount(R"(可获(一次性)?(。|，)|receive +(once)?\.)"), organisation(R"(organisation (were|are|have) )"),
      garbage("乱码|OCR|garbage|garbled");
  size_t read = 0;
  for (auto& [file, c] : test::golden_cases()) {
    json r = test::builtin_eval(c["situation"]);
    for (auto& [where, t] : texts(r)) {
      INFO(file << ": " << c["name"].get<std::string>() << " — " << where << ": " << t);
      CHECK_FALSE(std::regex_search(t, id));
      CHECK_FALSE(std::regex_search(t, empty_amount));
      CHECK(t.find("  ") == std::string::npos);
      CHECK_FALSE(std::regex_search(t, organisation));
      CHECK_FALSE(std::regex_search(t, garbage));
      ++read;
    }
  }
  CHECK(read > 1000);
}

TEST_CASE("a non-monetary item outside its period names its benefit, never an empty amount", "[wording]") {
  // 威政办发〔2025〕3号 9. (a skill-level certificate for winners) from 2025-05-01; the contest result is of
  // 2025-04-20.
  json r = test::builtin_eval(json::parse(R"({"city": "weihai", "as_of": "2025-06-01",
    "applicant": {"kind": "person"}, "events": [{"id": "e1", "type": "competition", "date": "2025-04-20",
    "tier": "national_class1", "rank": 1, "contest": "cnc"}]})"));
  json it = first_item(r, "WH25-09-winner-certificate");
  CHECK(it["status"] == "outside_period");
  std::string zh = it["explain"]["zh"], en = it["explain"]["en"];
  CHECK(zh.find("您可享受：") != std::string::npos);
  CHECK(zh.find("一次性。") == std::string::npos);
  CHECK(en.find("receive") == std::string::npos);
}

TEST_CASE("an organisation's explanation is in the singular", "[wording]") {
  // 烟政办字〔2024〕8号 (十一) for an enterprise: "your organisation was newly promoted", not "were".
  json r = test::builtin_eval(json::parse(R"({"city": "weihai", "as_of": "2025-06-01",
    "applicant": {"kind": "enterprise"}})"));
  for (auto& i : r["items"]) {
    std::string en = i["explain"]["en"];
    INFO(en);
    CHECK(en.find("organisation are ") == std::string::npos);
    if (i["clause_id"] == "WH25-07-direct-certification")
      CHECK(en.rfind("As your organisation is an enterprise", 0) == 0);
  }
}

TEST_CASE("an enterprise is not itself promoted: its workers are (烟政办字〔2024〕8号 (十一))", "[wording]") {
  json r =
      test::builtin_eval(json::parse(R"({"city": "yantai", "as_of": "2025-09-01", "applicant": {"kind": "enterprise"},
    "events": [{"id": "e1", "type": "skill_level", "date": "2025-03-10", "level": "senior_worker",
    "route": "enterprise_training", "count": 5}]})"));
  json it = first_item(r, "YT24-11-ui-upgrade-subsidy-workers");
  CHECK(it["explain"]["zh"].get<std::string>().rfind("贵单位于2025年3月10日有职工经企业自主培育新晋升", 0) == 0);
  CHECK(it["explain"]["en"].get<std::string>().rfind("On 10 March 2025 your organisation had workers newly promoted",
                                                     0) == 0);
}

TEST_CASE("Chinese errors name fields by their Chinese labels, never by their ids", "[wording]") {
  json r = test::builtin_eval(json::parse(R"({"city": "weihai", "applicant": {"kind": "person"},
    "events": [{"type": "competition", "date": "2025-06-01", "tier": "national_class1", "rank": 0}]})"));
  REQUIRE(r["ok"] == false);
  CHECK(r["error"]["path"] == "/events/0/rank");
  std::string zh = r["error"]["zh"];
  CHECK(zh.find("rank") == std::string::npos);
  CHECK(zh.find("名次") != std::string::npos);
  json k = test::builtin_eval(json::parse(R"({"city": "weihai", "applicant": {"kind": "robot"}})"));
  REQUIRE(k["ok"] == false);
  std::string kz = k["error"]["zh"];
  CHECK(kz.find("person") == std::string::npos);
  CHECK(kz.find("个人") != std::string::npos);
  CHECK(kz.find("企业") != std::string::npos);
}

TEST_CASE("a number field takes digits typed as text, full-width ones too, and refuses anything else", "[wording]") {
  long long v = 0;
  CHECK((skillcalc::whole_number("２０", v) && v == 20));
  CHECK((skillcalc::whole_number(" 1,000 ", v) && v == 1000));
  CHECK((skillcalc::whole_number("１，０００", v) && v == 1000));
  CHECK((skillcalc::whole_number("12.0", v) && v == 12));
  CHECK((skillcalc::whole_number("－３", v) && v == -3));
  CHECK_FALSE(skillcalc::whole_number("1,2", v));
  CHECK_FALSE(skillcalc::whole_number("12.5", v));
  CHECK_FALSE(skillcalc::whole_number("二十", v));
  CHECK_FALSE(skillcalc::whole_number("", v));
  // A national Class-I 2nd place given as "２" is the 2nd place: 30,000 under 威政办发〔2025〕3号 9.
  json r = test::builtin_eval(json::parse(R"({"city": "weihai", "as_of": "2025-09-01", "applicant": {"kind": "person"},
    "events": [{"type": "competition", "date": "2025-07-01", "tier": "national_class1", "rank": "２"}]})"));
  REQUIRE(r["ok"] == true);
  CHECK(first_item(r, "WH25-09-national-cat1")["total"]["max_yuan"] == 30000);
  json bad = test::builtin_eval(json::parse(R"({"city": "weihai", "applicant": {"kind": "person"},
    "events": [{"type": "competition", "tier": "national_class1", "rank": "第二"}]})"));
  CHECK(bad["error"]["path"] == "/events/0/rank");
}

TEST_CASE("a China Skills Award of 2025-04-30 is told the 2025 measures' date cut-off, not that it still needs one",
          "[wording]") {
  json r = test::builtin_eval(json::parse(R"({"city": "weihai", "as_of": "2025-06-01", "applicant": {"kind": "person"},
    "events": [{"id": "e1", "type": "title", "date": "2025-04-30", "title": "china_skills_award"}]})"));
  bool seen = false;
  for (auto& s : r["suggestions"]) {
    if (s["clause_id"] != "WH25-10-china-skills-award") continue;
    seen = true;
    std::string zh = s["needs"]["zh"];
    CHECK(zh.find("2025年5月1日") != std::string::npos);
    CHECK(zh.find("2025年4月30日") != std::string::npos);
    CHECK(s["date_cutoff"]["from"] == "2025-05-01");
    CHECK(s["date_cutoff"]["event_ids"] == json::array({"e1"}));
  }
  CHECK(seen);
}

TEST_CASE("a plan is said to be one in every item it triggers and kept out of the totals", "[wording]") {
  json r = test::builtin_eval(json::parse(R"({"city": "weihai", "as_of": "2025-06-01", "applicant": {"kind": "person"},
    "events": [{"id": "e1", "type": "competition", "date": "2025-07-01", "tier": "national_class1", "rank": 2}]})"));
  REQUIRE(r["ok"] == true);
  for (auto& i : r["items"]) {
    INFO(i.dump());
    CHECK(i["planned"] == true);
    CHECK(i["explain"]["zh"].get<std::string>().find("这是计划") != std::string::npos);
    CHECK(i["explain"]["en"].get<std::string>().find("This is a plan") != std::string::npos);
  }
  CHECK(r["totals"] == json({{"min_yuan", 0}, {"max_yuan", 0}}));
  CHECK(r["planned_totals"] == json({{"min_yuan", 30000}, {"max_yuan", 30000}}));
}

TEST_CASE("an item waiting on a fact left blank says its event as a condition and not as done", "[wording]") {
  // 威政办发〔2025〕3号 2.: 经“金蓝领”培训考核合格并取得…; the route is left blank, so the training is not known.
  json blank = test::builtin_eval(json::parse(
      R"({"city":"weihai","applicant":{"kind":"person","employer":"enterprise"},"events":[{"type":"skill_level",
          "date":"2025-07-15","level":"senior_technician"}]})"));
  json it = first_item(blank, "WH25-02-jinlanling");
  CHECK(it["certain"] == false);
  CHECK(it["explain"]["zh"].get<std::string>().rfind("若您于2025年7月15日经“金蓝领”培训考核合格", 0) == 0);
  CHECK(it["explain"]["zh"].get<std::string>().find("），则按威政办发〔2025〕3号第2条") != std::string::npos);
  CHECK(it["explain"]["en"].get<std::string>().rfind("If on 15 July 2025 you passed", 0) == 0);
  json given = test::builtin_eval(json::parse(
      R"({"city":"weihai","applicant":{"kind":"person","employer":"enterprise"},"events":[{"type":"skill_level",
          "date":"2025-07-15","level":"senior_technician","route":"jinlanling_training"}]})"));
  CHECK(first_item(given, "WH25-02-jinlanling")["explain"]["zh"].get<std::string>().rfind("您于2025年7月15日", 0) == 0);
  // Over every golden case: an event's item opens with 若 exactly when it lists what is missing.
  for (auto& [file, c] : test::golden_cases()) {
    json r = test::builtin_eval(c["situation"]);
    for (auto& i : r.value("items", json::array())) {
      if (i["event_ids"].empty() || !i.contains("missing") || i["missing"].empty()) continue;
      INFO(file << ": " << c["name"].get<std::string>() << " — " << i["explain"]["zh"].get<std::string>());
      CHECK(i["explain"]["zh"].get<std::string>().rfind("若", 0) == 0);
    }
  }
}
