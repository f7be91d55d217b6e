// The batch settlement of city-wide pools (core/budget*.cpp), with figures worked out by hand from the policy texts:
// 威政办发〔2025〕3号 8.: "企业当年自主评价的高级技师、技师、高级工，按每人分别给予所在企业 2000 元、1000 元、500
// 元一次性奖励， 奖励资金由市县两级财政按 1:1 比例承担，市级财政每年安排不超过 200
// 万元。如当年度全市企业申报奖励总额不超过 400 万元，则按照实际 发放，否则将按比例计算各企业奖励金额。"
// 烟政办字〔2024〕8号 (七):
// "对重点产业链中有效开展自主评价的企业，按照评价等级和人数给予最高5万元经费支持，每年不超过100万元。"
#include "budget.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "budget_parts.hpp"
#include "money.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {

const skillcalc::Engine& builtin() {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  REQUIRE(e);
  return *e;
}

// A Weihai enterprise's claim for clause 8: its self-evaluated people of 2025, by level.
std::string weihai(const std::string& id, long long senior_technicians, long long technicians,
                   long long senior_workers) {
  json events = json::array();
  auto add = [&](const char* level, long long n) {
    if (n)
      events.push_back({{"type", "skill_level"},
                        {"date", "2025-06-01"},
                        {"level", level},
                        {"route", "enterprise_self_evaluation"},
                        {"count", n}});
  };
  add("senior_technician", senior_technicians);
  add("technician", technicians);
  add("senior_worker", senior_workers);
  json s = {{"city", "weihai"}, {"as_of", "2025-12-31"}, {"applicant", {{"kind", "enterprise"}}}, {"events", events}};
  return json({{"id", id}, {"situation", s}}).dump();
}

// A Yantai key-chain enterprise's situation: `count` technicians self-evaluated on 2025-05-01, trained by
// `trained_by` (empty: left blank).
json yantai_self_evaluated(const char* as_of, long long count, const std::string& trained_by) {
  json e = {{"id", "s1"},
            {"type", "skill_level"},
            {"date", "2025-05-01"},
            {"level", "technician"},
            {"route", "enterprise_self_evaluation"},
            {"count", count}};
  if (!trained_by.empty()) e["trained_by"] = trained_by;
  return {{"city", "yantai"},
          {"as_of", as_of},
          {"applicant", {{"kind", "enterprise"}, {"key_industry_chain", true}}},
          {"events", json::array({e})}};
}

// A Yantai key-chain enterprise's claim under (七); `claimed` < 0: no assessed amount (the maximum is taken).
std::string yantai(const std::string& id, long long claimed = -1) {
  json s = {{"city", "yantai"},
            {"as_of", "2025-12-31"},
            {"applicant", {{"kind", "enterprise"}, {"key_industry_chain", true}}},
            {"events",
             {{{"type", "skill_level"},
               {"date", "2025-06-01"},
               {"level", "technician"},
               {"route", "enterprise_self_evaluation"},
               {"count", 10}}}}};
  json c = {{"id", id}, {"situation", s}};
  if (claimed >= 0) c["claimed_yuan"] = {{"YT24-07-self-eval-support", claimed}};
  return c.dump();
}

json settle(const std::vector<std::string>& claims) {
  json r = json::parse(builtin().budget(claims, "2026-01-15"));
  INFO(r.dump(1));
  REQUIRE(r["ok"] == true);
  return r;
}

json pool(const json& r, const std::string& id) {
  for (auto& p : r["pools"])
    if (p["pool_id"] == id) return p;
  FAIL("no pool " << id);
  return json();
}

json applicant(const json& p, const std::string& id) {
  for (auto& a : p["applicants"])
    if (a["applicant"] == id) return a;
  FAIL("no applicant " << id);
  return json();
}

long long paid(const json& a, const std::string& who) {
  for (auto& x : a["payers"])
    if (x["who"] == who) return x["yuan"].get<long long>();
  return -1;
}

}  // namespace

TEST_CASE("largest remainder: the parts add up to the amount, leftovers to the largest remainders, ties in order",
          "[budget]") {
  CHECK(skillcalc::apportion(10, {1, 1, 1}) == std::vector<long long>{4, 3, 3});
  CHECK(skillcalc::apportion(100, {1, 2, 3, 4}) == std::vector<long long>{10, 20, 30, 40});
  // 7 × 1/6 = 1.1667, 7 × 2/6 = 2.333, 7 × 3/6 = 3.5: floors 1 + 2 + 3 = 6, the one yuan left goes to 3.5.
  CHECK(skillcalc::apportion(7, {1, 2, 3}) == std::vector<long long>{1, 2, 4});
  CHECK(skillcalc::apportion(5, {0, 0}) == std::vector<long long>{0, 0});
  CHECK(skillcalc::apportion(5, {0, 3}) == std::vector<long long>{0, 5});
  // Products beyond 64 bits: 100 billion × 100 billion.
  auto big = skillcalc::apportion(100000000000LL, {100000000000LL, 100000000000LL, 100000000000LL});
  CHECK(big == std::vector<long long>{33333333334LL, 33333333333LL, 33333333333LL});
  // A 1:1 split of odd rows: columns exact, each row exact.
  auto s = skillcalc::split_payers({1333334, 1333333, 1333333}, {{1, 2}, {1, 2}});
  CHECK(s == std::vector<std::vector<long long>>{{666667, 666667}, {666667, 666666}, {666666, 666667}});
}

TEST_CASE("Weihai 8.: a total of exactly 4,000,000 is paid in full (不超过 includes it)", "[budget][weihai]") {
  // A: 2000 technicians × 1000 = 2,000,000; B: 1000 senior technicians × 2000 = 2,000,000. Total 4,000,000.
  json r = settle({weihai("A", 0, 2000, 0), weihai("B", 1000, 0, 0)});
  json p = pool(r, "WH25-08-self-eval-budget");
  CHECK(p["year"] == 2025);
  CHECK(p["claimed_yuan"] == 4000000);
  CHECK(p["allocated_yuan"] == 4000000);
  CHECK(p["paid_in_full"] == true);
  CHECK(p["ratio"].is_null());
  CHECK(applicant(p, "A")["allocated_yuan"] == 2000000);
  CHECK(applicant(p, "B")["allocated_yuan"] == 2000000);
  CHECK(paid(applicant(p, "A"), "city_finance") == 1000000);
  CHECK(paid(applicant(p, "A"), "county_finance") == 1000000);
  // The city's part is its whole yearly budget of 2,000,000, and no more.
  CHECK(p["payers"][0] == json({{"who", "city_finance"},
                                {"share", "1/2"},
                                {"yuan", 2000000},
                                {"max_yuan", 2000000},
                                {"within_limit", true}}));
  CHECK(p["payers"][1]["yuan"] == 2000000);
}

TEST_CASE("Weihai 8.: a claim above the whole 4,000,000 is settled as made, though one answer alone caps it there",
          "[budget][weihai]") {
  // A: 2500 senior technicians × 2000 = 5,000,000 (its own answer says at most 4,000,000); B: 500 × 2000 = 1,000,000.
  // Claimed 6,000,000, ratio 2/3: A 3,333,333 + 1/3, B 666,666 + 2/3; the one yuan left goes to B's larger remainder.
  json r = settle({weihai("A", 2500, 0, 0), weihai("B", 500, 0, 0)});
  json p = pool(r, "WH25-08-self-eval-budget");
  CHECK(p["claimed_yuan"] == 6000000);
  CHECK(applicant(p, "A")["claimed_yuan"] == 5000000);
  CHECK(applicant(p, "A")["allocated_yuan"] == 3333333);
  CHECK(applicant(p, "B")["allocated_yuan"] == 666667);
  CHECK(p["allocated_yuan"] == 4000000);
}

TEST_CASE("Weihai 8.: one senior worker more (4,000,500) and every enterprise is paid pro rata", "[budget][weihai]") {
  // Ratio 4,000,000 / 4,000,500 = 8000/8001. A and B: 2,000,000 × 8000/8001 = 1,999,750 + 250/8001 each;
  // C: 500 × 8000/8001 = 499 + 7501/8001. Floors add to 3,999,999; the one yuan left goes to C's larger remainder.
  json r = settle({weihai("A", 0, 2000, 0), weihai("B", 1000, 0, 0), weihai("C", 0, 0, 1)});
  json p = pool(r, "WH25-08-self-eval-budget");
  CHECK(p["claimed_yuan"] == 4000500);
  CHECK(p["paid_in_full"] == false);
  CHECK(p["ratio"] == json({{"num", 8000}, {"den", 8001}, {"percent", "99.9875%"}}));
  CHECK(applicant(p, "A")["allocated_yuan"] == 1999750);
  CHECK(applicant(p, "B")["allocated_yuan"] == 1999750);
  CHECK(applicant(p, "C")["allocated_yuan"] == 500);
  CHECK(p["allocated_yuan"] == 4000000);
  CHECK(paid(applicant(p, "A"), "city_finance") == 999875);
  CHECK(paid(applicant(p, "C"), "county_finance") == 250);
  CHECK(p["payers"][0]["yuan"] == 2000000);
  CHECK(p["payers"][1]["yuan"] == 2000000);
  CHECK(r["totals"]["allocated_yuan"] == 4000000);
}

TEST_CASE("Weihai 8.: the remainder yuan, and the odd yuan of a 1:1 split, are accounted for", "[budget][weihai]") {
  // Three enterprises of 1500 technicians each: 4,500,000 claimed. Each exact share is 1,333,333⅓: floors add to
  // 3,999,999 and the remainders tie, so the yuan left goes to the first claim given (A).
  // Then 1:1: A 1,333,334 splits 666,667 + 666,667; B and C (1,333,333) each have half a yuan over. The city's column
  // must be 2,000,000: its floors add to 1,999,999, the yuan goes to B (tie, earlier); the county takes the rest.
  json r = settle({weihai("A", 0, 1500, 0), weihai("B", 0, 1500, 0), weihai("C", 0, 1500, 0)});
  json p = pool(r, "WH25-08-self-eval-budget");
  CHECK(applicant(p, "A")["allocated_yuan"] == 1333334);
  CHECK(applicant(p, "B")["allocated_yuan"] == 1333333);
  CHECK(applicant(p, "C")["allocated_yuan"] == 1333333);
  CHECK(paid(applicant(p, "A"), "city_finance") == 666667);
  CHECK(paid(applicant(p, "A"), "county_finance") == 666667);
  CHECK(paid(applicant(p, "B"), "city_finance") == 666667);
  CHECK(paid(applicant(p, "B"), "county_finance") == 666666);
  CHECK(paid(applicant(p, "C"), "city_finance") == 666666);
  CHECK(paid(applicant(p, "C"), "county_finance") == 666667);
  CHECK(p["payers"][0]["yuan"] == 2000000);
  CHECK(p["payers"][1]["yuan"] == 2000000);
}

TEST_CASE("Weihai 8.: years are settled apart, and claims of one enterprise are added up", "[budget][weihai]") {
  auto late = [](std::string claim, const char* date) {  // asked at the end of 2026; the event on `date`
    json c = json::parse(claim);
    c["situation"]["as_of"] = "2026-12-31";
    c["situation"]["events"][0]["date"] = date;
    return c.dump();
  };
  json r = json::parse(
      builtin().budget({late(weihai("A", 0, 3000, 0), "2025-06-01"), late(weihai("B", 0, 2000, 0), "2025-07-01"),
                        late(weihai("A", 0, 3000, 0), "2026-03-01")},
                       "2026-12-31"));
  INFO(r.dump(1));
  REQUIRE(r["pools"].size() == 2);
  CHECK(r["pools"][0]["year"] == 2025);
  CHECK(r["pools"][0]["claimed_yuan"] == 5000000);
  CHECK(r["pools"][0]["allocated_yuan"] == 4000000);  // A 2,400,000, B 1,600,000
  CHECK(applicant(r["pools"][0], "A")["allocated_yuan"] == 2400000);
  CHECK(applicant(r["pools"][0], "B")["allocated_yuan"] == 1600000);
  CHECK(r["pools"][1]["year"] == 2026);
  CHECK(r["pools"][1]["paid_in_full"] == true);
  // A's two claims (2025 and 2026) are one applicant: its inputs are both.
  CHECK(applicant(r["pools"][1], "A")["inputs"] == json::array({1, 3}));
}

TEST_CASE("Yantai (七): 25 enterprises at the 50,000 maximum share the 1,000,000 a year, marked as a reading",
          "[budget][yantai]") {
  std::vector<std::string> claims;
  for (int i = 0; i < 25; ++i) claims.push_back(yantai("Y" + std::to_string(i)));
  json p = pool(settle(claims), "YT24-07-self-eval-budget");
  CHECK(p["rule"] == "cap_total");
  CHECK(p["claimed_yuan"] == 1250000);
  CHECK(p["allocated_yuan"] == 1000000);
  CHECK(p["ambiguous"] == true);  // the text gives the total, not how to share it
  CHECK(p["provisional"] == true);  // maxima counted: not amounts to pay as they stand
  for (auto& a : p["applicants"]) {
    CHECK(a["claimed_basis"] == "upper_bound");
    CHECK(a["provisional"] == true);
    CHECK(a["allocated_yuan"] == 40000);  // 50,000 × 1,000,000 / 1,250,000
    CHECK(paid(a, "not_stated") == 40000);
  }
}

TEST_CASE("Yantai (七): an assessed amount, and the remainder yuan by largest remainder", "[budget][yantai]") {
  // E0 assessed at 30,000, E1..E21 at the 50,000 maximum: 1,080,000. 30,000 × 1,000,000 / 1,080,000 = 27,777.78
  // (remainder 840,000); 50,000 × 1,000,000 / 1,080,000 = 46,296.30 (remainder 320,000). Floors: 27,777 + 21 × 46,296
  // = 999,993; the 7 yuan left: E0 first (largest remainder), then E1..E6 (ties, in order).
  std::vector<std::string> claims = {yantai("E0", 30000)};
  for (int i = 1; i <= 21; ++i) claims.push_back(yantai("E" + std::to_string(i)));
  json p = pool(settle(claims), "YT24-07-self-eval-budget");
  CHECK(p["claimed_yuan"] == 1080000);
  CHECK(applicant(p, "E0")["claimed_basis"] == "given");
  CHECK(applicant(p, "E0")["allocated_yuan"] == 27778);
  for (int i = 1; i <= 6; ++i) CHECK(applicant(p, "E" + std::to_string(i))["allocated_yuan"] == 46297);
  for (int i = 7; i <= 21; ++i) CHECK(applicant(p, "E" + std::to_string(i))["allocated_yuan"] == 46296);
  CHECK(p["allocated_yuan"] == 1000000);
}

TEST_CASE("Yantai (七): an assessed claim's share in a pool that maxima cut is provisional too, and so says the summary",
          "[budget][yantai]") {
  // E0 assessed at 30,000 beside 21 maxima of 50,000 (1,080,000 > 1,000,000): should the maxima be assessed lower,
  // E0's 27,778 rises: not an amount to pay before settling again.
  std::vector<std::string> claims = {yantai("E0", 30000)};
  for (int i = 1; i <= 21; ++i) claims.push_back(yantai("E" + std::to_string(i)));
  json r = settle(claims);
  json e0 = applicant(pool(r, "YT24-07-self-eval-budget"), "E0");
  CHECK(e0["provisional"] == true);
  CHECK(e0["provisional_share"] == true);
  CHECK(applicant(pool(r, "YT24-07-self-eval-budget"), "E1").contains("provisional_share") == false);
  for (auto& a : r["applicants"]) CHECK(a["provisional"] == true);
  CHECK(r["summary"]["provisional"] == true);
}

TEST_CASE("Yantai (七): assessed claims within the total are not provisional", "[budget][yantai]") {
  json r = settle({yantai("A", 50000), yantai("B", 20000)});
  CHECK(applicant(pool(r, "YT24-07-self-eval-budget"), "A").contains("provisional") == false);
  CHECK(r["summary"]["provisional"] == false);
}

TEST_CASE("Yantai (七): a total within 1,000,000 is paid as claimed, an assessed amount above 50,000 is refused",
          "[budget][yantai]") {
  json r = settle({yantai("A", 50000), yantai("B", 20000), yantai("C", 60000)});
  json p = pool(r, "YT24-07-self-eval-budget");
  CHECK(p["paid_in_full"] == true);
  CHECK(p["allocated_yuan"] == 70000);
  REQUIRE(r["errors"].size() == 1);
  CHECK(r["errors"][0]["input"] == 3);
  CHECK(r["errors"][0]["error"]["code"] == "out_of_range");
  CHECK(r["errors"][0]["error"]["path"] == "/claimed_yuan/YT24-07-self-eval-support");
  CHECK(r["summary"]["claims_skipped"] == 1);
}

TEST_CASE("Weihai 8.: a self-evaluation dated after its claim's as_of is a plan, not counted, not a cut to others",
          "[budget][weihai]") {
  // 丙's 1,500 senior technicians are evaluated in October, 丙 asks in June: counted, the year's claims would be
  // 6,000,000 and 丁's 3,000,000 cut to 2,000,000 (000: 如当年度全市企业申报奖励总额不超过400万元，则按照实际发放).
  json planned = json::parse(weihai("丙", 1500, 0, 0));
  planned["situation"]["as_of"] = "2025-05-31";
  json r = settle({planned.dump(), weihai("丁", 1500, 0, 0)});
  json p = pool(r, "WH25-08-self-eval-budget");
  CHECK(p["paid_in_full"] == true);
  CHECK(p["claimed_yuan"] == 3000000);
  CHECK(applicant(p, "丁")["allocated_yuan"] == 3000000);
  REQUIRE(p["not_counted"].size() == 1);
  CHECK(p["not_counted"][0]["applicant"] == "丙");
  CHECK(r["errors"].empty());
}

TEST_CASE("Weihai 8.: a plan for next year leaves this year's claim of the same applicant in this year's pool",
          "[budget][weihai]") {
  // 乙 claims 1,000 senior technicians in July 2025 and plans 10 more for February 2026: 2025's claims are
  // 2,000,000 + 2,000,000 + 500 = 4,000,500, above 4,000,000, so each is cut by 8000/8001 (README's example).
  json b = json::parse(weihai("乙", 1000, 0, 0));
  b["situation"]["events"].push_back({{"type", "skill_level"},
                                      {"date", "2026-02-01"},
                                      {"level", "senior_technician"},
                                      {"route", "enterprise_self_evaluation"},
                                      {"count", 10}});
  json r = settle({weihai("甲", 0, 2000, 0), b.dump(), weihai("丙", 0, 0, 1)});
  json p = pool(r, "WH25-08-self-eval-budget");
  CHECK(p["year"] == 2025);
  CHECK(p["claimed_yuan"] == 4000500);
  CHECK(applicant(p, "甲")["allocated_yuan"] == 1999750);
  CHECK(applicant(p, "乙")["allocated_yuan"] == 1999750);
  CHECK(applicant(p, "丙")["allocated_yuan"] == 500);
  CHECK(r["errors"].empty());
}

TEST_CASE("Yantai (七): an assessed amount below the 就高 floor is refused with the reason, not only the range",
          "[budget][yantai]") {
  // 10 self-evaluated technicians trained by the enterprise in May: (十一) brings 25,000 (2,500 each), so under 就高
  // (七) brings at least 25,000; an assessment of 10,000 means (十一) pays, not the pool.
  json s = yantai_self_evaluated("2025-12-31", 10, "own_enterprise");
  json c = {{"id", "A"}, {"situation", s}, {"claimed_yuan", {{"YT24-07-self-eval-support", 10000}}}};
  json r = json::parse(builtin().budget({c.dump()}, "2026-01-15"));
  REQUIRE(r["errors"].size() == 1);
  CHECK(r["errors"][0]["error"]["code"] == "out_of_range");
  std::string zh = r["errors"][0]["error"]["zh"];
  CHECK(zh.find("25000 至 50000") != std::string::npos);
  CHECK(zh.find("就高") != std::string::npos);
}

TEST_CASE(
    "caps in a settlement are over the events that happened: plans cut by 每家企业每年不超过10万元 are not listed",
    "[budget][caps]") {
  // 30 technicians trained and certified by the enterprise in May (75,000 under 烟台 (十一)); 40 more planned for
  // September would take the year past 100,000, but they are plans, not claims of the year.
  auto level = [](const char* date, long long n) {
    return json{{"type", "skill_level"},        {"date", date}, {"level", "technician"},
                {"route", "social_evaluation"}, {"count", n},   {"trained_by", "own_enterprise"}};
  };
  json s = {{"city", "yantai"},
            {"as_of", "2025-06-30"},
            {"applicant", {{"kind", "enterprise"}}},
            {"events", {level("2025-05-01", 30), level("2025-09-01", 40)}}};
  json r = json::parse(builtin().budget({json({{"id", "丁"}, {"situation", s}}).dump()}, "2026-01-15"));
  CHECK(r["caps"].empty());
  CHECK(r["errors"].empty());
}

TEST_CASE(
    "Yantai (七): a claim left out of the pool by 就高 for an item resting on a blank fact is an error, not silence",
    "[budget][yantai]") {
  // 50 self-evaluated technicians, who trained them left blank: (十一) (企业自主培育) may pay 2,500 each instead of
  // (七)'s 最高5万元, so whether (七) is a claim on the pool turns on trained_by.
  json s = yantai_self_evaluated("2025-08-01", 50, "");
  json r = json::parse(builtin().budget({json({{"id", "C"}, {"situation", s}}).dump(), yantai("D")}, "2026-01-15"));
  REQUIRE(r["errors"].size() == 1);
  CHECK(r["errors"][0]["applicant"] == "C");
  CHECK(r["errors"][0]["error"]["code"] == "missing_fact");
  CHECK(r["errors"][0]["error"]["path"] == "/situation/events/0/trained_by");
  CHECK(r["summary"]["complete"] == false);
}

TEST_CASE("quotas: more claimants than 每年遴选不超过80名 are reported, no one is chosen", "[budget][quota]") {
  auto master = [](int i) {
    json s = {{"city", "yantai"},
              {"as_of", "2025-12-31"},
              {"applicant", {{"kind", "person"}}},
              {"events", {{{"type", "title"}, {"date", "2025-04-01"}, {"title", "yantai_skill_master"}}}}};
    return json({{"id", "P" + std::to_string(i)}, {"situation", s}}).dump();
  };
  std::vector<std::string> claims;
  for (int i = 0; i < 80; ++i) claims.push_back(master(i));
  json p = pool(settle(claims), "YT24-13-skill-master-quota");
  CHECK(p["people"] == 80);
  CHECK(p["exceeded"] == false);
  claims.push_back(master(80));
  p = pool(settle(claims), "YT24-13-skill-master-quota");
  CHECK(p["people"] == 81);
  CHECK(p["max_people"] == 80);
  CHECK(p["exceeded"] == true);
  CHECK(p["applicants"].size() == 81);  // everyone listed, as claimed
  CHECK(p["applicants"][80]["claimed_yuan"] == 48000);
}

TEST_CASE("Jining (三): a school's claims are evaluated together, so its 1,000,000 a year cap spans them",
          "[budget][jining]") {
  auto school = [](const std::string& level, const std::string& date) {
    json s = {{"city", "jining"},
              {"as_of", "2025-12-31"},
              {"applicant", {{"kind", "school"}}},
              {"events", {{{"type", "platform"}, {"date", date}, {"platform", "quality_program"}, {"level", level}}}}};
    return json({{"id", "济宁某技师学院"}, {"situation", s}}).dump();
  };
  json r =
      settle({school("national", "2025-03-01"), school("national", "2025-04-01"), school("provincial", "2025-05-01")});
  REQUIRE(r["caps"].size() == 1);
  CHECK(r["caps"][0]["cap_id"] == "JN24-03-school-year-cap");
  CHECK(r["caps"][0]["before"]["max_yuan"] == 1200000);
  CHECK(r["caps"][0]["after"]["max_yuan"] == 1000000);
  CHECK(r["summary"]["applicants"] == 1);
}

TEST_CASE("bad claims are reported with their number and path, never dropped silently", "[budget][errors]") {
  json bad_rank = json::parse(weihai("Z", 0, 1, 0));
  bad_rank["situation"]["events"][0]["count"] = 0;
  json r = settle({weihai("A", 0, 10, 0), "{not json", bad_rank.dump(), R"({"id":"Q","situation":{},"extra":1})"});
  CHECK(r["summary"]["claims"] == 4);
  CHECK(r["summary"]["errors"] == 3);
  CHECK(r["summary"]["claims_skipped"] == 3);
  std::vector<std::string> codes;
  for (auto& e : r["errors"]) codes.push_back(e["error"]["code"]);
  CHECK(codes == std::vector<std::string>{"invalid_json", "out_of_range", "unknown_field"});  // in input order
  CHECK(r["errors"][1]["input"] == 3);
  CHECK(r["errors"][1]["error"]["path"] == "/situation/events/0/count");
  CHECK(pool(r, "WH25-08-self-eval-budget")["claimed_yuan"] == 10000);
}

TEST_CASE("claims of one enterprise numbered on their own (e1 in each) join; the same event sent twice is refused",
          "[budget][errors]") {
  // 威海 8.: 技师 1000 元, 高级技师 2000 元 a head: 10 技师 in one claim and 5 高级技师 in another are 20,000.
  auto claim = [](const char* level, int count) {
    json s = {{"city", "weihai"},
              {"as_of", "2025-12-31"},
              {"applicant", {{"kind", "enterprise"}}},
              {"events",
               {{{"id", "e1"},
                 {"type", "skill_level"},
                 {"date", "2025-06-01"},
                 {"level", level},
                 {"route", "enterprise_self_evaluation"},
                 {"count", count}}}}};
    return json({{"id", "甲公司"}, {"situation", s}}).dump();
  };
  json r = settle({claim("technician", 10), claim("senior_technician", 5)});
  INFO(r.dump(1));
  CHECK(r["summary"]["errors"] == 0);
  CHECK(pool(r, "WH25-08-self-eval-budget")["claimed_yuan"] == 20000);
  CHECK(applicant(pool(r, "WH25-08-self-eval-budget"), "甲公司")["inputs"] == json::array({1, 2}));
  json twice = settle({claim("technician", 10), claim("senior_technician", 5), claim("senior_technician", 5)});
  INFO(twice.dump(1));
  CHECK(pool(twice, "WH25-08-self-eval-budget")["claimed_yuan"] == 20000);
  REQUIRE(twice["errors"].size() == 1);
  CHECK(twice["errors"][0]["input"] == 3);
  CHECK(twice["errors"][0]["error"]["code"] == "duplicate_id");
  // The same claim twice with events that name no id: refused all the same, not paid twice.
  json same = settle({weihai("乙公司", 0, 10, 0), weihai("乙公司", 0, 10, 0)});
  INFO(same.dump(1));
  CHECK(pool(same, "WH25-08-self-eval-budget")["claimed_yuan"] == 10000);
  REQUIRE(same["errors"].size() == 1);
  CHECK(same["errors"][0]["error"]["code"] == "duplicate_id");
}

TEST_CASE("claims of one applicant whose event ids are not strings are refused with their path, never an exception",
          "[budget][errors]") {
  auto claim = [](int id, const char* date) {
    json s = {{"city", "weihai"},
              {"as_of", "2026-12-01"},
              {"applicant", {{"kind", "enterprise"}}},
              {"events",
               {{{"id", id},
                 {"type", "skill_level"},
                 {"date", date},
                 {"level", "technician"},
                 {"route", "enterprise_self_evaluation"},
                 {"count", 10}}}}};
    return json({{"id", "甲"}, {"situation", s}}).dump();
  };
  json r = settle({claim(5, "2025-06-01"), claim(7, "2025-07-01")});
  INFO(r.dump(1));
  REQUIRE(r["errors"].size() >= 1);
  CHECK(r["errors"][0]["error"]["path"] == "/situation/events/0/id");
  CHECK(r["summary"]["complete"] == false);
}

TEST_CASE("the same input gives the same bytes", "[budget]") {
  std::vector<std::string> claims = {weihai("A", 3, 200, 1000), weihai("B", 1, 2, 3), yantai("C")};
  CHECK(builtin().budget(claims, "2026-01-15") == builtin().budget(claims, "2026-01-15"));
}

TEST_CASE("pools: figures checked against their quotes, quotes against the policy texts", "[budget][load]") {
  const auto& m = builtin().model();
  REQUIRE(m.pools.size() >= 2);
  for (auto& p : m.pools) {
    const auto& d = m.documents[p.doc];
    std::string source = skillcalc::squeeze(test::read("rules/" + d.folder + "/source.txt"));
    INFO(p.id);
    CHECK(source.find(skillcalc::squeeze(p.quote)) != std::string::npos);
  }
  json rules = test::sample_rules();
  rules["pools"] = json::array({{{"id", "T1-pool"},
                                 {"clause", "2"},
                                 {"quote", "每人1000元，每家企业每年不超过1万元"},
                                 {"measures", {"T1-2-heads"}},
                                 {"per", "city_year"},
                                 {"rule", "pro_rata_above"},
                                 {"budget_yuan", 20000}}});
  std::string report;
  CHECK_FALSE(test::engine_with(rules, &report));
  CHECK(report.find("amount_not_in_quote") != std::string::npos);
  rules["pools"][0]["budget_yuan"] = 10000;
  rules["pools"][0]["payer_limits"] = json::array({{{"who", "city_finance"}, {"max_yuan", 1000}}});
  CHECK_FALSE(test::engine_with(rules, &report));
  CHECK(report.find("contradictory_cap") != std::string::npos);  // half of 10,000 is above 1,000
  rules["pools"][0].erase("payer_limits");
  REQUIRE(test::engine_with(rules, &report));
}

TEST_CASE("two claims of one applicant that differ in its facts are refused naming the fact and both values",
          "[budget]") {
  json a = json::parse(weihai("abc公司", 0, 2, 0)), b = json::parse(weihai("abc公司", 0, 3, 0));
  b["situation"]["applicant"]["kind"] = "school";
  json r = json::parse(builtin().budget({a.dump(), b.dump()}, "2026-01-15"));
  REQUIRE(r["errors"].size() == 1);
  const json& e = r["errors"][0]["error"];
  CHECK(e["code"] == "conflicting_claims");
  CHECK(e["path"] == "/situation/applicant/kind");
  CHECK(e["zh"].get<std::string>().find("先前为 \"enterprise\"，本条为 \"school\"") != std::string::npos);
}

namespace {

// The pool settled as the README states it, the slow way: shared pro rata, the slot furthest below its floor (by
// floor ÷ claimed, the first where equal) leaves, and all is shared again, until none is below.
std::vector<char> settle_by_definition(long long budget, const std::vector<skillcalc::budget::Slot>& slots) {
  std::vector<char> left(slots.size(), 0);
  while (true) {
    std::vector<long long> claimed(slots.size(), 0);
    long long total = 0;
    for (size_t i = 0; i < slots.size(); ++i) claimed[i] = left[i] ? 0 : slots[i].claimed, total += claimed[i];
    std::vector<long long> alloc = total <= budget ? claimed : skillcalc::apportion(budget, claimed);
    int worst = -1;
    for (size_t i = 0; i < slots.size(); ++i) {
      if (left[i] || slots[i].floor <= 0 || alloc[i] >= slots[i].floor) continue;
      if (worst < 0 || slots[i].floor * slots[worst].claimed > slots[worst].floor * slots[i].claimed)
        worst = static_cast<int>(i);
    }
    if (worst < 0) return left;
    left[static_cast<size_t>(worst)] = 1;
  }
}

}  // namespace

TEST_CASE("a pool's year leaves out the same claims below their 就高 floor as sharing again after each one would",
          "[budget][settle]") {
  // Random pools, many of them close to the rounding edge (floors a yuan either side of the pro rata part), against
  // the definition; the settlement skips re-sharing while the next claim to leave is below its floor in any case.
  skillcalc::Model m;
  m.pools.resize(1);
  m.pools[0].measures = {0};
  m.measures.resize(1);
  m.measures[0].payers = {{"市财政", "1/1"}};
  std::mt19937_64 rng(20261203);
  for (int round = 0; round < 400; ++round) {
    skillcalc::budget::Group g;
    g.pool = 0;
    size_t n = 1 + rng() % 60;
    long long budget = 1 + static_cast<long long>(rng() % 200000);
    m.pools[0].budget_yuan = budget;
    for (size_t i = 0; i < n; ++i) {
      skillcalc::budget::Slot sl;
      sl.applicant = static_cast<int>(i);
      sl.claimed = static_cast<long long>(rng() % 50001);
      long long near = budget * sl.claimed / (static_cast<long long>(n) * 25000 + 1);
      switch (rng() % 4) {
        case 0:
          sl.floor = 0;
          break;
        case 1:
          sl.floor = static_cast<long long>(rng() % 30000);
          break;
        default:
          sl.floor = std::max<long long>(0, near + static_cast<long long>(rng() % 5) - 2);
      }
      g.slots.push_back(sl);
    }
    auto s = skillcalc::budget::settle_pool(m, g);
    INFO("round " << round << ", " << n << " claims, budget " << budget);
    REQUIRE(s.left == settle_by_definition(budget, g.slots));
    long long paid = 0;
    for (size_t i = 0; i < n; ++i) {
      if (s.left[i]) CHECK(s.alloc[i] == 0);
      paid += s.alloc[i];
    }
    CHECK(paid <= budget);
  }
}
