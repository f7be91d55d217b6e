// Helpers for the tests: files of the source tree, engines over a test rule file, results as JSON.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "skillcalc.hpp"

namespace test {

// Every golden case: rules/*/cases.json, tests/cases/*.json and ../shared/examples/*.json (when present), as
// (file, case), in a fixed order.
inline std::vector<std::pair<std::string, nlohmann::json>> golden_cases() {
  namespace fs = std::filesystem;
  fs::path root(SKILLCALC_SOURCE_DIR);
  std::vector<fs::path> files;
  for (auto& d : fs::directory_iterator(root / "rules"))
    if (fs::exists(d.path() / "cases.json")) files.push_back(d.path() / "cases.json");
  for (auto dir : {root / "tests" / "cases", root / ".." / "shared" / "examples"})
    if (fs::exists(dir))
      for (auto& f : fs::directory_iterator(dir))
        if (f.path().extension() == ".json") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  // Where the project reads a shared example's text differently, tests/example-readings.json gives the expectation
  // that holds instead, with the reason (README: where the calculator differs from an example).
  std::map<std::string, nlohmann::json> readings;
  {
    std::ifstream in(root / "tests" / "example-readings.json");
    for (auto& r : nlohmann::json::parse(in)) readings[r["example"].get<std::string>()] = r["expect"];
  }
  std::vector<std::pair<std::string, nlohmann::json>> out;
  for (auto& f : files) {
    std::ifstream in(f);
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_object()) j = nlohmann::json::array({j});
    if (j.is_array())
      for (auto& c : j)
        if (c.is_object()) {
          if (auto r = readings.find(c.value("name", "")); r != readings.end()) c["expect"] = r->second;
          out.push_back({f.string(), c});
        }
  }
  return out;
}

inline std::string read(const std::string& rel) {
  std::ifstream f(std::string(SKILLCALC_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// An engine over the real vocabulary and one test document (folder "t").
inline std::unique_ptr<skillcalc::Engine> engine_with(const nlohmann::json& rules, std::string* report = nullptr) {
  std::string r;
  auto e =
      skillcalc::Engine::load({{"vocabulary.json", read("rules/vocabulary.json")}, {"t/rules.json", rules.dump()}}, &r);
  if (report) *report = r;
  return e;
}

inline nlohmann::json eval(const skillcalc::Engine& e, const nlohmann::json& situation,
                           const char* today = "2026-01-15") {
  return nlohmann::json::parse(e.evaluate(situation.dump(), today));
}

inline nlohmann::json builtin_eval(const nlohmann::json& situation) {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  return eval(*e, situation);
}

// A test document in Weihai with two measures, a stacking rule and a cap, written as a city's staff would.
inline nlohmann::json sample_rules() {
  return nlohmann::json::parse(R"({
  "document": {"id": "T1", "city": "weihai", "number": "测试〔2025〕1号", "title": "测试", "issuer": "测试",
    "dated": "2025-01-01", "period": {"from": "2025-01-01", "to": "2025-12-31"},
    "clause_label": {"zh": "第{c}条", "en": "clause {c}"}},
  "measures": [
    {"id": "T1-1-city", "clause": "1", "kind": "money_one_time", "quote": "市赛第一名奖励3000元",
     "applicants": ["person"], "recipient": "person", "event": "competition", "when": {"event.tier": "city_contest", "event.rank": 1},
     "amount": {"kind": "fixed", "yuan": 3000}, "schedule": {"kind": "once"}, "payers": [{"who": "city_finance", "share": "1"}],
     "what": {"zh": "获得市赛第一名", "en": "won the city contest"}, "needs": {"zh": "市赛第一名", "en": "first place in the city contest"}},
    {"id": "T1-1-prov", "clause": "1", "kind": "money_one_time", "quote": "省赛前三名最高奖励2万元",
     "applicants": ["person"], "recipient": "person", "event": "competition", "when": {"event.tier": "provincial_class1", "event.rank": {"max": 3}},
     "amount": {"kind": "up_to", "max_yuan": 20000}, "schedule": {"kind": "once"}, "payers": [{"who": "city_finance", "share": "1"}],
     "what": {"zh": "获得省赛前三名", "en": "placed top three in a provincial contest"}, "needs": {"zh": "省赛前三名", "en": "a provincial top-three place"}},
    {"id": "T1-2-heads", "clause": "2", "kind": "money_per_head", "quote": "每人1000元，每家企业每年不超过1万元",
     "applicants": ["enterprise"], "recipient": "enterprise", "event": "skill_level", "when": {"event.level": "technician"},
     "amount": {"kind": "fixed", "yuan": 1000}, "per_head": true, "schedule": {"kind": "once"},
     "payers": [{"who": "city_finance", "share": "1/2"}, {"who": "county_finance", "share": "1/2"}],
     "what": {"zh": "培养了技师", "en": "trained technicians"}, "needs": {"zh": "培养技师", "en": "technicians trained"}},
    {"id": "T1-3-salary", "clause": "3", "kind": "money_percent", "quote": "按年薪的30%给予奖励，每人最高10万元",
     "applicants": ["enterprise"], "recipient": "enterprise", "event": "hire", "when": {"event.full_time": true},
     "amount": {"kind": "percent", "percent": 30, "of": "event.annual_salary_yuan", "max_yuan": 100000}, "schedule": {"kind": "once"},
     "payers": [{"who": "city_finance", "share": "1"}],
     "what": {"zh": "全职引进人才", "en": "hired talent full time"}, "needs": {"zh": "全职引进", "en": "a full-time hire"}},
    {"id": "T1-4-grad", "clause": "4", "kind": "money_periodic", "quote": "35周岁以下的，每人每年1.2万元，最长3年",
     "applicants": ["enterprise"], "recipient": "enterprise", "event": "hire", "when": {"event.age": {"max": 35}, "event.graduate_class": "technician"},
     "amount": {"kind": "fixed", "yuan": 12000}, "per_head": true, "schedule": {"kind": "yearly", "count_from": "event.years", "max_count": 3},
     "payers": [{"who": "county_finance", "share": "1"}],
     "what": {"zh": "引进技师班毕业生", "en": "hired technician-class graduates"}, "needs": {"zh": "35周岁以下技师班毕业生", "en": "technician-class graduates aged 35 or under"}}
  ],
  "stacking": [{"id": "T1-stack", "clause": "9", "quote": "就高不重复", "rule": "highest", "measures": ["T1-1-*"], "key": "achievement"}],
  "caps": [{"id": "T1-2-cap", "clause": "2", "quote": "每家企业每年不超过1万元", "measures": ["T1-2-heads"], "max_yuan": 10000, "per": "applicant_year"}]
})");
}

}  // namespace test
