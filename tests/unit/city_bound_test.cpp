// Facts about a city itself (vocabulary "city_bound") are asked again in another city, never carried as entered:
// the item that reads one runs from 0 to its amount, certain: false, and `missing` names the fact. Every figure is
// worked out by hand from the texts (rules/*/source.txt); the same facts evaluated in their own city are the control.
#include <catch2/catch.hpp>

#include "support.hpp"

using nlohmann::json;

namespace {
const skillcalc::Engine& builtin() {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  return *e;
}
const char* kToday = "2026-01-15";

json eval(const std::string& s) {
  return json::parse(builtin().evaluate(s, kToday));
}

json city_result(const json& comparison, const std::string& city) {
  for (auto& c : comparison["cities"])
    if (c["city"] == city) return c["result"];
  FAIL("no result for " << city);
  return json();
}

// The items of one measure in a result.
std::vector<json> items_of(const json& result, const std::string& id) {
  std::vector<json> out;
  for (auto& it : result["items"])
    if (it["clause_id"] == id) out.push_back(it);
  return out;
}

std::vector<std::string> missing_fields(const json& item) {
  std::vector<std::string> out;
  if (item.contains("missing"))
    for (auto& m : item["missing"]) out.push_back(m["field"]);
  return out;
}

json span(long long lo, long long hi) {
  return {{"min_yuan", lo}, {"max_yuan", hi}};
}

// An enterprise hires, full time, a 齐鲁首席技师 at 200,000 a year; `outside` is whether it came from outside the city.
std::string import_hire(const std::string& city, const std::string& home, const char* outside) {
  std::string s = R"({"city":")" + city + R"(",)" + (home.empty() ? "" : R"("home_city":")" + home + R"(",)") +
                  R"("as_of":"2025-12-01","applicant":{"kind":"enterprise"},"events":[{"id":"h","type":"hire",
    "date":"2025-09-01","talent":"qilu_chief_technician","full_time":true,"annual_salary_yuan":200000)";
  if (outside) s += std::string(R"(,"from_outside_city":)") + outside;
  return s + "}]}";
}
}  // namespace

// RZ19 8. 企业从市外全职引进齐鲁首席技师…按照其年薪的30%给予用人单位每人最高10万元奖励: 200,000 × 30% = 60,000.
// "From outside the city" said for Weihai says nothing of Rizhao: asked there, whether the Weihai answer was yes or no.
TEST_CASE("市外引进 said for the home city is asked in another city, whichever way it was answered", "[city_bound]") {
  json own_yes = eval(import_hire("rizhao", "", "true"));
  REQUIRE(items_of(own_yes, "RZ19-08-import-reward").size() == 1);
  CHECK(items_of(own_yes, "RZ19-08-import-reward")[0]["total"] == span(60000, 60000));
  CHECK_FALSE(items_of(own_yes, "RZ19-08-import-reward")[0].contains("certain"));
  CHECK(items_of(eval(import_hire("rizhao", "", "false")), "RZ19-08-import-reward").empty());

  for (const char* answer : {"true", "false"}) {
    INFO("from_outside_city: " << answer << " (of Weihai)");
    json r = json::parse(builtin().compare(import_hire("weihai", "", answer), R"(["weihai","rizhao"])", kToday));
    REQUIRE(r["ok"] == true);
    auto items = items_of(city_result(r, "rizhao"), "RZ19-08-import-reward");
    REQUIRE(items.size() == 1);
    CHECK(items[0]["total"] == span(0, 60000));
    CHECK(items[0]["certain"] == false);
    CHECK(missing_fields(items[0]) == std::vector<std::string>{"event.from_outside_city"});
    CHECK(city_result(r, "rizhao")["totals"] == span(0, 60000));
    bool listed = false;
    for (auto& m : r["missing"]["rizhao"]) listed = listed || m["field"] == "event.from_outside_city";
    CHECK(listed);
    // the same as a single-city evaluation that names the home city
    CHECK(city_result(r, "rizhao") == eval(import_hire("rizhao", "weihai", answer)));
  }
}

// JN24 (九) 对全职引进或培养获得世界技能大赛金、银、铜奖的…个人,由市财政分别给予100万元…: gold, trained by a unit of
// the city. Trained in Weihai is not trained in Jining: 0 … 1,000,000 there, asked.
TEST_CASE("由本市单位培养 said for the home city is asked in Jining", "[city_bound]") {
  std::string s = R"({"city":"weihai","as_of":"2025-12-01","applicant":{"kind":"person","employer":"enterprise"},
    "events":[{"id":"w","type":"competition","date":"2025-09-20","tier":"world_skills","medal":"gold",
               "trained_in_city":true}]})";
  json own = eval(R"({"city":"jining","as_of":"2025-12-01","applicant":{"kind":"person","employer":"enterprise"},
    "events":[{"id":"w","type":"competition","date":"2025-09-20","tier":"world_skills","medal":"gold",
               "trained_in_city":true}]})");
  REQUIRE(items_of(own, "JN24-09-worldskills-talent").size() == 1);
  CHECK(items_of(own, "JN24-09-worldskills-talent")[0]["total"] == span(1000000, 1000000));
  json r = json::parse(builtin().compare(s, R"(["weihai","jining"])", kToday));
  auto items = items_of(city_result(r, "jining"), "JN24-09-worldskills-talent");
  REQUIRE(items.size() == 1);
  CHECK(items[0]["total"] == span(0, 1000000));
  CHECK(items[0]["certain"] == false);
  CHECK(missing_fields(items[0]) == std::vector<std::string>{"event.trained_in_city"});
  CHECK(items[0]["explain"]["zh"].get<std::string>().find("须按济宁本地的情况确认（所填的是威海的情况") !=
        std::string::npos);
}

// YT24 (七) 对重点产业链中有效开展自主评价的企业…给予最高5万元经费支持: 0 … 50,000. Being in a Weihai key chain (or
// not) says nothing of Yantai's 16 chains: asked.
TEST_CASE("重点产业链 said for the home city is asked in Yantai, never taken as no", "[city_bound]") {
  auto situation = [](const std::string& city, const char* chain) {
    return R"({"city":")" + city + R"(","as_of":"2025-12-01","applicant":{"kind":"enterprise","key_industry_chain":)" +
           chain + R"(},"events":[{"id":"s","type":"skill_level","date":"2025-10-01","level":"senior_worker",
      "route":"enterprise_self_evaluation","count":10}]})";
  };
  CHECK(items_of(eval(situation("yantai", "false")), "YT24-07-self-eval-support").empty());
  json r = json::parse(builtin().compare(situation("weihai", "false"), R"(["yantai"])", kToday));
  auto items = items_of(city_result(r, "yantai"), "YT24-07-self-eval-support");
  REQUIRE(items.size() == 1);
  CHECK(items[0]["total"] == span(0, 50000));
  CHECK(missing_fields(items[0]) == std::vector<std::string>{"applicant.key_industry_chain"});
}

// RZ19 3. 对每年累计向我市企业输送100名以上中级及以上技工的院校，按每人500元: 150 × 500 = 75,000 in Rizhao itself;
// graduates placed with Weihai enterprises are not placed with Rizhao's: 0 … 75,000 there, the count asked.
TEST_CASE("graduates supplied to the home city's enterprises are asked in Rizhao", "[city_bound]") {
  auto situation = [](const std::string& city) {
    return R"({"city":")" + city + R"(","as_of":"2025-12-01","applicant":{"kind":"school"},
      "events":[{"id":"g","type":"graduates_supplied","date":"2025-07-01","count":150,"min_level":"intermediate_worker"}]})";
  };
  json own = eval(situation("rizhao"));
  REQUIRE(items_of(own, "RZ19-03-school-supply-reward").size() == 1);
  CHECK(items_of(own, "RZ19-03-school-supply-reward")[0]["total"] == span(75000, 75000));
  json r = json::parse(builtin().compare(situation("weihai"), R"(["rizhao"])", kToday));
  auto items = items_of(city_result(r, "rizhao"), "RZ19-03-school-supply-reward");
  REQUIRE(items.size() == 1);
  CHECK(items[0]["total"] == span(0, 75000));
  CHECK(missing_fields(items[0]) == std::vector<std::string>{"event.count"});
}

// YT24 (十一) 对首次新引进到我市企业工作…的人员，在烟缴纳社保满1年后…享受同等生活补贴 (no figure in the text). Weihai's
// social-insurance months and "from outside" are both asked in Yantai; the amount stays unstated, never invented.
TEST_CASE("本市社保月数 and 市外引进 of a person are both asked in Yantai", "[city_bound]") {
  std::string s = R"({"city":"weihai","as_of":"2025-12-01",
    "applicant":{"kind":"person","employer":"enterprise","social_insurance_months":14},
    "events":[{"id":"h","type":"hire","date":"2024-09-01","talent":"senior_technician","from_outside_city":true}]})";
  json r = json::parse(builtin().compare(s, R"(["yantai"])", kToday));
  auto items = items_of(city_result(r, "yantai"), "YT24-11-imported-living-subsidy");
  REQUIRE(items.size() == 1);
  CHECK(items[0]["total"].is_null());
  CHECK(items[0]["certain"] == false);
  auto fields = missing_fields(items[0]);
  std::sort(fields.begin(), fields.end());
  CHECK(fields == std::vector<std::string>{"applicant.social_insurance_months", "event.from_outside_city"});
  // in Yantai itself the same facts are taken as entered: the item is there and certain
  json own = eval(R"({"city":"yantai","as_of":"2025-12-01",
    "applicant":{"kind":"person","employer":"enterprise","social_insurance_months":14},
    "events":[{"id":"h","type":"hire","date":"2024-09-01","talent":"senior_technician","from_outside_city":true}]})");
  REQUIRE(items_of(own, "YT24-11-imported-living-subsidy").size() == 1);
  CHECK_FALSE(items_of(own, "YT24-11-imported-living-subsidy")[0].contains("certain"));
}

// WH25 11. 威海市首席技师 is Weihai's own title: Yantai's documents do not pay it, and the comparison says so.
TEST_CASE("a city's own title is carried to that city only", "[city_bound]") {
  std::string s = R"({"city":"weihai","as_of":"2025-12-01","applicant":{"kind":"person","employer":"enterprise"},
    "events":[{"id":"t","type":"title","date":"2025-06-01","title":"weihai_chief_technician"}]})";
  json r = json::parse(builtin().compare(s, R"(["weihai","yantai"])", kToday));
  REQUIRE(r["not_carried"]["yantai"].size() == 1);
  CHECK(r["not_carried"]["yantai"][0]["event_id"] == "t");
  CHECK(r["not_carried"]["yantai"][0]["zh"].get<std::string>().find("威海本市的称号（威海市首席技师）") !=
        std::string::npos);
  CHECK_FALSE(r["not_carried"].contains("weihai"));
  // a Weihai title held by someone whose home city is Jining is still counted in Weihai
  std::string jn = R"({"city":"jining","as_of":"2025-12-01","applicant":{"kind":"person","employer":"enterprise"},
    "events":[{"id":"t","type":"title","date":"2025-06-01","title":"weihai_chief_technician"}]})";
  json back = json::parse(builtin().compare(jn, R"(["jining","weihai"])", kToday));
  CHECK_FALSE(back["not_carried"].contains("weihai"));
  CHECK_FALSE(back["not_carried"].contains("jining"));
}

TEST_CASE("home_city must be a known city", "[city_bound]") {
  json r = eval(R"({"city":"weihai","home_city":"mars","applicant":{"kind":"person"}})");
  CHECK(r["ok"] == false);
  CHECK(r["error"]["path"] == "/home_city");
  CHECK(eval(R"({"city":"weihai","home_city":"weihai","applicant":{"kind":"person"}})")["ok"] == true);
}
