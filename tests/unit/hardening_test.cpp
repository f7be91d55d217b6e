// Hardening: regressions of what fuzzing (tests/fuzz, tools/fuzz.sh) found, hostile vocabularies, the input limits
// and the worst case they allow, and results that do not depend on the order of events, keys or rule files.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <random>

#include "money.hpp"
#include "situation.hpp"
#include "support.hpp"

using nlohmann::json;
using nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

const skillcalc::Engine& builtin() {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  REQUIRE(e);
  return *e;
}

json error_of(const skillcalc::Engine& e, const std::string& text) {
  json r = json::parse(e.evaluate(text, "2026-01-15"));
  REQUIRE(r["ok"] == false);
  return r["error"];
}

std::string competition_rank(const std::string& rank) {
  return R"({"city":"weihai","applicant":{"kind":"person"},"events":[{"type":"competition","date":"2025-07-01","tier":"national_class1","rank":)" +
         rank + "}]}";
}

std::vector<std::string> codes(const std::string& report) {
  std::vector<std::string> out;
  json r = json::parse(report);
  for (auto& p : r["problems"]) out.push_back(p["code"].get<std::string>());
  return out;
}
bool has(const std::vector<std::string>& v, const std::string& c) {
  return std::find(v.begin(), v.end(), c) != v.end();
}

// The situations of every golden case, in a fixed order.
std::vector<json> golden_situations() {
  std::vector<json> out;
  for (auto& [file, c] : test::golden_cases())
    if (c.contains("situation")) out.push_back(c["situation"]);
  return out;
}

// The largest evaluation the limits allow that we could construct: 200 events (the most a situation may hold), each
// the single event that meets the most measures of any city (5: in Jining, a person's 高级技师 or 技师 certificate —
// found by evaluating 36,000 random events of every type, city and applicant kind), spread over the document's five
// years, with 64-byte ids (the longest allowed), padded with white space to the 256 KiB size limit.
std::string worst_case() {
  json s = {
      {"city", "jining"},
      {"as_of", "2029-12-31"},
      {"applicant", {{"kind", "person"}, {"employer", "enterprise"}, {"social_insurance_months", 35}, {"age", 40}}},
      {"events", json::array()}};
  for (int i = 0; i < static_cast<int>(skillcalc::kMaxEvents); ++i) {
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2025 + i % 5, 1 + i % 12, 1 + i % 28);
    std::string id = "event-" + std::to_string(1000 + i);
    s["events"].push_back({{"id", id + std::string(64 - id.size(), 'x')},
                           {"type", "skill_level"},
                           {"date", date},
                           {"level", i % 2 ? "senior_technician" : "principal_technician"},
                           {"route", "social_evaluation"}});
  }
  std::string text = s.dump();
  return text.substr(0, text.size() - 1) + std::string(skillcalc::kMaxSituationBytes - text.size(), ' ') + "}";
}

}  // namespace

// ---- Regressions of fuzzing findings -------------------------------------------------------------------------------

TEST_CASE("a float too large for 64 bits is out of range, never cast (fuzz: float-cast-overflow)",
          "[hardening][situation]") {
  for (const char* big : {"1e300", "-1e300", "9.3e18", "1e19", "18446744073709551615", "9000000000000000001"}) {
    INFO(big);
    json e = error_of(builtin(), competition_rank(big));
    CHECK(e["code"] == "out_of_range");
    CHECK(e["path"] == "/events/0/rank");
  }
  CHECK(error_of(builtin(), competition_rank("2.5"))["code"] == "wrong_type");
  CHECK(json::parse(builtin().evaluate(competition_rank("2.0"), "2026-01-15"))["ok"] == true);
  CHECK(json::parse(builtin().evaluate(competition_rank("1e0"), "2026-01-15"))["ok"] == true);
}

TEST_CASE("a quote with a 17-digit figure in 万 is read without overflow (fuzz: signed overflow in figures_in)",
          "[hardening][load]") {
  auto f = skillcalc::figures_in("每人给予 999999999999.9999万元");
  CHECK(f.yuan.count(9999999999999999LL));
  CHECK(skillcalc::figures_in("最高9999999999999万元").yuan.count(99999999999990000LL));
  json r = test::sample_rules();
  r["measures"][0]["quote"] = "市赛第一名奖励3000元999999999999.9999万元";
  std::string report;
  CHECK(test::engine_with(r, &report));  // 3000 is still stated; the huge figure is read, not overflowed
}

// ---- Hostile vocabularies that a rule file can bring ---------------------------------------------------------------

TEST_CASE("more applicant kinds than a measure's bitmask holds are refused, not shifted past 32 bits",
          "[hardening][load]") {
  json r = test::sample_rules();
  for (int i = 0; i < 31; ++i)
    r["vocabulary"]["applicant_kinds"]["k" + std::to_string(i)] = {{"zh", "类"}, {"en", "kind"}};
  r["measures"][0]["applicants"] = {"person", "k30"};  // the 36th kind (5 real ones, then k0 … k30)
  std::string report;
  CHECK_FALSE(test::engine_with(r, &report));
  CHECK(has(codes(report), "too_many_kinds"));
}

TEST_CASE("an integer field up to the largest long long takes values beyond it as out of range",
          "[hardening][situation]") {
  json r = test::sample_rules();
  r["vocabulary"]["fields"]["huge"] = {
      {"type", "int"}, {"min", 0}, {"max", 9223372036854775807LL}, {"zh", "大数"}, {"en", "Huge"}};
  r["vocabulary"]["event_types"]["competition"]["fields"]["huge"] = "huge";
  std::string report;
  auto e = test::engine_with(r, &report);
  INFO(report);
  REQUIRE(e);
  auto with = [](const std::string& v) {
    return R"({"city":"weihai","applicant":{"kind":"person"},"events":[{"type":"competition","tier":"city_contest","rank":1,"huge":)" +
           v + "}]}";
  };
  CHECK(error_of(*e, with("18446744073709551615"))["code"] == "out_of_range");
  CHECK(error_of(*e, with("1e300"))["code"] == "out_of_range");
  CHECK(json::parse(e->evaluate(with("9000000000000000000"), "2026-01-15"))["ok"] == true);
}

TEST_CASE(
    "a rule whose largest item overflows 64 bits is refused at load, not evaluated (was: signed overflow in make_item)",
    "[hardening][load]") {
  json r = test::sample_rules();
  // 100% of an annual salary (up to 1000亿元), per head (up to 1,000,000 people), for 600 months.
  r["measures"][3]["quote"] = "按年薪的100%每月给予奖励";
  r["measures"][3]["amount"] = {{"kind", "percent"}, {"percent", 100}, {"of", "event.annual_salary_yuan"}};
  r["measures"][3]["per_head"] = true;
  r["measures"][3]["schedule"] = {{"kind", "monthly"}, {"count", 600}};
  std::string report;
  CHECK_FALSE(test::engine_with(r, &report));
  CHECK(has(codes(report), "amount_overflow"));
  r["measures"][3]["schedule"] = {{"kind", "once"}};  // 1e11 x 1e6 = 1e17 fits: accepted, and refused per situation
  auto e = test::engine_with(r, &report);
  INFO(report);
  REQUIRE(e);
  json out = test::eval(
      *e,
      json::parse(
          R"({"city":"weihai","applicant":{"kind":"enterprise"},"events":[{"type":"hire","date":"2025-06-01","full_time":true,"count":1000000,"annual_salary_yuan":100000000000}]})"));
  CHECK(out["error"]["code"] == "out_of_range");
}

TEST_CASE("heads and bases read from a field that can be negative, or is not a number, are refused",
          "[hardening][load]") {
  json r = test::sample_rules();
  r["vocabulary"]["fields"]["delta"] = {{"type", "int"}, {"min", -5}, {"max", 5}, {"zh", "变化"}, {"en", "Change"}};
  r["vocabulary"]["event_types"]["skill_level"]["fields"]["delta"] = "delta";
  r["measures"][2]["per_head"] = "event.delta";
  std::string report;
  CHECK_FALSE(test::engine_with(r, &report));
  CHECK(has(codes(report), "bad_path"));
  r["measures"][2]["per_head"] = "event.level";  // an enumerated field
  CHECK_FALSE(test::engine_with(r, &report));
  CHECK(has(codes(report), "bad_path"));
}

// ---- Checks of hostile rule files added with the fuzzing (tests/broken-rules has one folder per fault) ------------

TEST_CASE("structural faults of rule files are refused with their code and JSON pointer", "[hardening][load]") {
  auto problems = [](const std::function<void(json&)>& change) {
    json r = test::sample_rules();
    change(r);
    std::string report;
    auto e = test::engine_with(r, &report);
    return e ? json::array() : json::parse(report)["problems"];
  };
  auto at = [](const json& ps, const std::string& code, const std::string& path) {
    for (auto& p : ps)
      if (p["code"] == code && p["path"] == path && p["file"] == "t/rules.json") return true;
    return false;
  };
  CHECK(at(problems([](json& r) { r["measures"][0]["supersedes"] = {"T1-1-city"}; }), "cycle",
           "/measures/0/supersedes/0"));
  CHECK(at(problems([](json& r) {
             r["measures"][0]["supersedes"] = {"T1-1-prov"};
             r["measures"][1]["supersedes"] = {"T1-1-city"};
           }),
           "cycle", "/measures/1/supersedes/0"));
  CHECK(at(problems([](json& r) {
             r["stacking"].push_back({{"id", "T1-other"},
                                      {"clause", "9"},
                                      {"quote", "就高不重复"},
                                      {"rule", "highest"},
                                      {"measures", {"T1-1-prov"}}});
           }),
           "stacking_overlap", "/stacking/1/measures"));
  CHECK(at(problems([](json& r) {
             r["stacking"].push_back(r["stacking"][0]);
             r["stacking"][1]["measures"] = {"T1-3-salary"};
           }),
           "duplicate_id", "/stacking/1/id"));
  CHECK(at(problems([](json& r) { r["caps"][0]["measures"] = json::array(); }), "missing_field", "/caps/0/measures"));
  CHECK(at(problems([](json& r) {
             r["caps"][0]["measures"] = {"T1-1-city"};
             r["caps"][0]["max_yuan"] = 1000;
             r["caps"][0]["quote"] = "每人1000元";
           }),
           "contradictory_cap", "/caps/0/max_yuan"));
  CHECK(problems([](json& r) {
          r["caps"][0]["measures"] = {"T1-1-prov"};
          r["caps"][0]["max_yuan"] = 1000;
          r["caps"][0]["quote"] = "每人1000元";
        }).empty());  // up to 2万元 may pay less than the cap: no contradiction
}

TEST_CASE("one document encoded twice with overlapping periods is refused", "[hardening][load]") {
  json a = test::sample_rules(), b = test::sample_rules();
  b["document"]["id"] = "T2";
  for (auto& m : b["measures"]) m["id"] = "T2" + m["id"].get<std::string>().substr(2);
  b["stacking"][0]["measures"] = {"T2-1-*"};
  b["caps"][0]["measures"] = {"T2-2-heads"};
  auto load = [&](const json& second) {
    std::string report;
    auto e = skillcalc::Engine::load({{"vocabulary.json", test::read("rules/vocabulary.json")},
                                      {"a/rules.json", a.dump()},
                                      {"b/rules.json", second.dump()}},
                                     &report);
    return e ? std::vector<std::string>{} : codes(report);
  };
  CHECK(has(load(b), "overlapping_period"));  // same number 测试〔2025〕1号, same city, both in 2025
  b["document"]["period"] = {{"from", "2026-01-01"}, {"to", nullptr}};
  CHECK(load(b).empty());  // the same number again, but periods that do not meet: a re-issue, not a duplicate
  b["document"]["number"] = "测试〔2025〕2号";
  b["document"]["period"] = a["document"]["period"];
  CHECK(load(b).empty());  // another document of the city in force at the same time is normal
}

// ---- Independence of order
// --------------------------------------------------------------------------------------------

TEST_CASE("every golden case gives the same bytes whatever the order of its events and of their keys",
          "[hardening][determinism]") {
  std::mt19937 rng(20251124);
  auto situations = golden_situations();
  REQUIRE(situations.size() >= 100);
  size_t permuted = 0;
  for (auto& s : situations) {
    if (!s.is_object() || !s.contains("events") || !s["events"].is_array()) continue;
    // Events without an id are named by their position (e1, e2 …): name them first, so that moving them is all
    // that changes.
    ordered_json named = ordered_json::parse(s.dump());
    for (size_t i = 0; i < named["events"].size(); ++i)
      if (named["events"][i].is_object() && !named["events"][i].contains("id"))
        named["events"][i]["id"] = "e" + std::to_string(i + 1);
    std::string base = builtin().evaluate(named.dump(), "2026-01-15");
    bool ok = json::parse(base)["ok"] == true;
    for (int round = 0; round < 4; ++round) {
      ordered_json p = named;
      std::vector<ordered_json> evs(p["events"].begin(), p["events"].end());
      std::shuffle(evs.begin(), evs.end(), rng);
      for (auto& e : evs)
        if (e.is_object()) {  // the keys of each event in another order too
          std::vector<std::pair<std::string, ordered_json>> kv;
          for (auto& item : e.items()) kv.emplace_back(item.key(), item.value());
          std::shuffle(kv.begin(), kv.end(), rng);
          ordered_json shuffled = ordered_json::object();
          for (auto& [k, v] : kv) shuffled[k] = v;
          e = shuffled;
        }
      p["events"] = evs;
      std::string out = builtin().evaluate(p.dump(), "2026-01-15");
      INFO(named.dump() << "\npermuted: " << p.dump());
      if (ok)
        CHECK(out == base);
      else
        CHECK(json::parse(out)["ok"] == false);
      ++permuted;
    }
  }
  CHECK(permuted > 300);
}

TEST_CASE("every golden case gives the same bytes whatever the order of the rule files", "[hardening][determinism]") {
  std::mt19937 rng(20251124);
  auto files = skillcalc::embedded_rules();
  auto situations = golden_situations();
  std::vector<std::string> base;
  for (auto& s : situations) base.push_back(builtin().evaluate(s.dump(), "2026-01-15"));
  for (int round = 0; round < 3; ++round) {
    std::shuffle(files.begin(), files.end(), rng);
    std::string report;
    auto e = skillcalc::Engine::load(files, &report);
    INFO(report);
    REQUIRE(e);
    CHECK(e->rules_version() == builtin().rules_version());
    CHECK(e->documents() == builtin().documents());
    for (size_t i = 0; i < situations.size(); ++i) {
      INFO(situations[i].dump());
      CHECK(e->evaluate(situations[i].dump(), "2026-01-15") == base[i]);
    }
  }
}

// ---- Limits
// ------------------------------------------------------------------------------------------------------------

TEST_CASE("the limits hold at their edges", "[hardening][limits]") {
  const std::string head = R"({"city":"weihai","applicant":{"kind":"person"},"events":[)";
  auto events = [&](size_t n) {
    std::string s = head;
    for (size_t i = 0; i < n; ++i)
      s += std::string(i ? "," : "") + R"({"type":"title","date":"2025-06-01","title":"weihai_craftsman"})";
    return s + "]}";
  };
  CHECK(json::parse(builtin().evaluate(events(skillcalc::kMaxEvents), "2026-01-15"))["ok"] == true);
  json over = error_of(builtin(), events(skillcalc::kMaxEvents + 1));
  CHECK(over["code"] == "too_large");
  CHECK(over["path"] == "/events");

  std::string small = R"({"city":"weihai","applicant":{"kind":"person"}})";
  std::string exact =
      small.substr(0, small.size() - 1) + std::string(skillcalc::kMaxSituationBytes - small.size(), ' ') + "}";
  REQUIRE(exact.size() == skillcalc::kMaxSituationBytes);
  CHECK(json::parse(builtin().evaluate(exact, "2026-01-15"))["ok"] == true);
  CHECK(error_of(builtin(), exact + " ")["code"] == "too_large");

  // Depth: the situation itself is 3 deep ({ events [ { ); an unknown field nested to 16 is read (and refused as
  // unknown), to 17 is refused before parsing.
  auto nested = [&](int depth) {
    std::string s = R"({"city":"weihai","applicant":{"kind":"person"},"x":)";
    for (int i = 1; i < depth; ++i) s += "[";
    for (int i = 1; i < depth; ++i) s += "]";
    return s + "}";
  };
  CHECK(error_of(builtin(), nested(skillcalc::kMaxDepth))["code"] == "unknown_field");
  CHECK(error_of(builtin(), nested(skillcalc::kMaxDepth + 1))["code"] == "too_deep");
  // Brackets inside strings do not count.
  CHECK(
      error_of(builtin(), R"({"city":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[","applicant":{"kind":"person"}})")["code"] ==
      "unknown_city");
}

TEST_CASE("the worst case the limits allow is evaluated in bounded time", "[hardening][limits]") {
  std::string s = worst_case();
  REQUIRE(s.size() <= skillcalc::kMaxSituationBytes);
  auto t0 = std::chrono::steady_clock::now();
  std::string out = builtin().evaluate(s, "2026-01-15");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  json r = json::parse(out);
  REQUIRE(r["ok"] == true);
  size_t answered = 0;  // events named by items: 200 events x 5 measures (one right of many events is one item)
  for (auto& i : r["items"]) answered += i["event_ids"].size();
  CHECK(answered >= 1000);
  INFO("worst case: " << r["items"].size() << " items, " << out.size() << " bytes out, " << seconds << " s");
  CHECK(seconds < 5.0);  // the fuzzers' hang limit; about a hundred times what it takes (see tools/fuzz.sh)
}

// ---- strict JSON (issue 11, item 6) ------------------------------------------------------------------------------

TEST_CASE("a key given twice is refused with its pointer, not settled by the last one", "[hardening]") {
  json e = error_of(builtin(), competition_rank("2,\"rank\":1"));
  CHECK(e["code"] == "duplicate_key");
  CHECK(e["path"] == "/events/0/rank");
}

TEST_CASE("a NUL byte and garbage after a valid situation are refused", "[hardening]") {
  std::string text = competition_rank("1");
  text += std::string("\0garbage", 8);
  CHECK(error_of(builtin(), text)["code"] == "invalid_json");
}

TEST_CASE("a key with / or ~ is escaped in the error's JSON pointer (RFC 6901)", "[hardening]") {
  CHECK(error_of(builtin(), R"({"city":"weihai","applicant":{"kind":"person"},"events":[],"a/b~c":1})")["path"] ==
        "/a~1b~0c");
}

TEST_CASE("a rule file with a key twice or bytes after its document fails the check", "[hardening]") {
  auto files = skillcalc::embedded_rules();
  for (auto& f : files)
    if (f.name == "weihai-2025/rules.json") f.text += std::string("\0x", 2);
  std::string report;
  CHECK(!skillcalc::Engine::load(files, &report));
  CHECK(report.find("invalid_json") != std::string::npos);
  files = skillcalc::embedded_rules();
  for (auto& f : files)
    if (f.name == "weihai-2025/rules.json") f.text.insert(f.text.find('{') + 1, "\"measures\":[],");
  CHECK(!skillcalc::Engine::load(files, &report));
  CHECK(report.find("duplicate_key") != std::string::npos);
}
