#include <catch2/catch.hpp>

#include "support.hpp"

using nlohmann::json;

namespace {
const skillcalc::Engine& sample() {
  static std::string report;
  static auto e = test::engine_with(test::sample_rules(), &report);
  INFO(report);
  REQUIRE(e);
  return *e;
}
json run(const std::string& kind, const std::string& events) {
  return test::eval(sample(), json::parse(R"({"city":"weihai","as_of":"2025-06-01","applicant":{"kind":")" + kind +
                                          R"("},"events":[)" + events + "]}"));
}
json item(const json& r, const std::string& id) {
  for (auto& i : r["items"])
    if (i["clause_id"] == id) return i;
  return json();
}
}  // namespace

TEST_CASE("one contest at two tiers pays only the higher (就高不重复)", "[evaluate][stacking]") {
  json r = run("person",
               R"({"id":"a","type":"competition","date":"2025-03-01","tier":"city_contest","rank":1,"contest":"cnc"},
                            {"id":"b","type":"competition","date":"2025-06-01","tier":"provincial_class1","rank":2,"contest":"cnc"})");
  CHECK(item(r, "T1-1-prov")["status"] == "granted");
  CHECK(item(r, "T1-1-city")["status"] == "excluded");
  CHECK(item(r, "T1-1-city")["excluded_by"]["clause_id"] == "T1-1-prov");
  CHECK(item(r, "T1-1-city")["total"]["max_yuan"] == 3000);  // the losing item keeps its own amount
  // 就高: the winner is "up to 20000"; should it bring less than the city prize's certain 3000, that is the highest.
  CHECK(item(r, "T1-1-prov")["total"] == json({{"min_yuan", 3000}, {"max_yuan", 20000}}));
  CHECK(r["totals"] == json({{"min_yuan", 3000}, {"max_yuan", 20000}}));
  std::string zh = item(r, "T1-1-prov")["explain"]["zh"];
  CHECK(zh.find("所以合计至少计3000元") != std::string::npos);
}

TEST_CASE("按最高成绩 pays the best result at its own amount, with no lower result as its floor",
          "[evaluate][stacking]") {
  json rules = test::sample_rules();
  rules["stacking"][0]["rule"] = "highest_result";
  std::string report;
  auto e = test::engine_with(rules, &report);
  INFO(report);
  REQUIRE(e);
  json r = test::eval(*e, json::parse(R"({"city":"weihai","as_of":"2025-06-01","applicant":{"kind":"person"},"events":[
    {"id":"a","type":"competition","date":"2025-03-01","tier":"city_contest","rank":1,"contest":"cnc"},
    {"id":"b","type":"competition","date":"2025-06-01","tier":"provincial_class1","rank":2,"contest":"cnc"}]})"));
  CHECK(item(r, "T1-1-city")["status"] == "excluded");
  CHECK(item(r, "T1-1-prov")["total"] == json({{"min_yuan", 0}, {"max_yuan", 20000}}));
  CHECK(r["totals"] == json({{"min_yuan", 0}, {"max_yuan", 20000}}));
}

TEST_CASE("a stacking rule other than highest or highest_result is refused", "[evaluate][stacking]") {
  json rules = test::sample_rules();
  rules["stacking"][0]["rule"] = "sum";
  std::string report;
  CHECK_FALSE(test::engine_with(rules, &report));
  CHECK(report.find("bad_rule") != std::string::npos);
}

TEST_CASE("two different contests are two achievements and both pay", "[evaluate][stacking]") {
  json r = run("person",
               R"({"id":"a","type":"competition","date":"2025-03-01","tier":"city_contest","rank":1,"contest":"cnc"},
                            {"id":"b","type":"competition","date":"2025-06-01","tier":"provincial_class1","rank":2,"contest":"welding"})");
  CHECK(item(r, "T1-1-city")["status"] == "granted");
  CHECK(r["totals"] == json({{"min_yuan", 3000}, {"max_yuan", 23000}}));
}

TEST_CASE("a per-enterprise yearly cap cuts the item that crosses it", "[evaluate][caps]") {
  json under = run("enterprise", R"({"type":"skill_level","date":"2025-03-01","level":"technician","count":10})");
  CHECK(item(under, "T1-2-heads")["status"] == "granted");  // 10 x 1000 = 10000: exactly the cap
  CHECK(under["totals"]["max_yuan"] == 10000);
  json over = run("enterprise", R"({"type":"skill_level","date":"2025-03-01","level":"technician","count":11})");
  CHECK(item(over, "T1-2-heads")["status"] == "capped");
  CHECK(item(over, "T1-2-heads")["total"]["max_yuan"] == 10000);
  CHECK(item(over, "T1-2-heads")["capped_by"]["before"]["max_yuan"] == 11000);
  json two = run("enterprise", R"({"id":"a","type":"skill_level","date":"2025-03-01","level":"technician","count":6},
                                 {"id":"b","type":"skill_level","date":"2025-05-01","level":"technician","count":6})");
  CHECK(item(two, "T1-2-heads")["total"]["max_yuan"] == 6000);
  CHECK(two["items"][1]["status"] == "capped");
  CHECK(two["items"][1]["total"]["max_yuan"] == 4000);
  CHECK(two["totals"]["max_yuan"] == 10000);
}

TEST_CASE("a percentage of salary is exact and capped per person", "[evaluate][percent]") {
  json r = run("enterprise", R"({"type":"hire","date":"2025-03-01","full_time":true,"annual_salary_yuan":300000})");
  CHECK(item(r, "T1-3-salary")["total"]["max_yuan"] == 90000);
  json odd = run("enterprise", R"({"type":"hire","date":"2025-03-01","full_time":true,"annual_salary_yuan":100001})");
  CHECK(item(odd, "T1-3-salary")["total"]["max_yuan"] == 30000);  // 30000.3 rounds down to the yuan
  json big = run("enterprise", R"({"type":"hire","date":"2025-03-01","full_time":true,"annual_salary_yuan":400000})");
  CHECK(item(big, "T1-3-salary")["status"] == "capped");
  CHECK(item(big, "T1-3-salary")["total"]["max_yuan"] == 100000);
  json no_salary = run("enterprise", R"({"type":"hire","date":"2025-03-01","full_time":true})");
  CHECK(item(no_salary, "T1-3-salary").is_null());
}

TEST_CASE("an age limit written 以下 includes the age itself", "[evaluate][thresholds]") {
  json at =
      run("enterprise", R"({"type":"hire","date":"2025-03-01","graduate_class":"technician","age":35,"years":3})");
  CHECK(item(at, "T1-4-grad")["total"]["max_yuan"] == 36000);
  json over =
      run("enterprise", R"({"type":"hire","date":"2025-03-01","graduate_class":"technician","age":36,"years":3})");
  CHECK(item(over, "T1-4-grad").is_null());
  bool suggested = false;
  for (auto& s : over["suggestions"]) suggested = suggested || s["clause_id"] == "T1-4-grad";
  CHECK(suggested);
}

TEST_CASE("a term of at most N years pays the years given, or runs from one to N", "[evaluate][schedule]") {
  json two = run("enterprise",
                 R"({"type":"hire","date":"2025-03-01","graduate_class":"technician","age":30,"years":2,"count":2})");
  CHECK(item(two, "T1-4-grad")["total"] == json({{"min_yuan", 48000}, {"max_yuan", 48000}}));
  json five =
      run("enterprise", R"({"type":"hire","date":"2025-03-01","graduate_class":"technician","age":30,"years":5})");
  CHECK(item(five, "T1-4-grad")["total"]["max_yuan"] == 36000);
  json open = run("enterprise", R"({"type":"hire","date":"2025-03-01","graduate_class":"technician","age":30})");
  CHECK(item(open, "T1-4-grad")["total"] == json({{"min_yuan", 12000}, {"max_yuan", 36000}}));
}

TEST_CASE("an event outside the document's period gets nothing, and says so", "[evaluate][dates]") {
  json before = run("person", R"({"type":"competition","date":"2024-12-31","tier":"city_contest","rank":1})");
  CHECK(item(before, "T1-1-city")["status"] == "outside_period");
  CHECK(before["totals"]["max_yuan"] == 0);
  json first = run("person", R"({"type":"competition","date":"2025-01-01","tier":"city_contest","rank":1})");
  CHECK(item(first, "T1-1-city")["status"] == "granted");
  json last = run("person", R"({"type":"competition","date":"2025-12-31","tier":"city_contest","rank":1})");
  CHECK(item(last, "T1-1-city")["status"] == "granted");
  json after = run("person", R"({"type":"competition","date":"2026-01-01","tier":"city_contest","rank":1})");
  CHECK(item(after, "T1-1-city")["status"] == "outside_period");
}

TEST_CASE("a measure for enterprises says nothing to a person", "[evaluate]") {
  json r = run("person", R"({"type":"skill_level","date":"2025-03-01","level":"technician","count":3})");
  CHECK(r["items"].empty());
}

TEST_CASE("the same situation gives byte-identical output, whatever the order of its events",
          "[evaluate][determinism]") {
  std::string a =
      R"({"id":"a","type":"competition","date":"2025-03-01","tier":"city_contest","rank":1,"contest":"cnc"})";
  std::string b =
      R"({"id":"b","type":"competition","date":"2025-06-01","tier":"provincial_class1","rank":2,"contest":"cnc"})";
  std::string s1 = R"({"city":"weihai","applicant":{"kind":"person"},"events":[)" + a + "," + b + "]}";
  std::string s2 = R"({"city":"weihai","applicant":{"kind":"person"},"events":[)" + b + "," + a + "]}";
  CHECK(sample().evaluate(s1, "2026-01-15") == sample().evaluate(s1, "2026-01-15"));
  CHECK(sample().evaluate(s1, "2026-01-15") == sample().evaluate(s2, "2026-01-15"));
}

TEST_CASE("the order of rule files does not change results", "[evaluate][determinism]") {
  auto files = skillcalc::embedded_rules();
  std::vector<skillcalc::SourceFile> reversed(files.rbegin(), files.rend());
  auto e1 = skillcalc::Engine::load(files, nullptr), e2 = skillcalc::Engine::load(reversed, nullptr);
  REQUIRE(e1);
  REQUIRE(e2);
  std::string s =
      R"({"city":"weihai","applicant":{"kind":"person"},"events":[{"type":"title","date":"2025-06-01","title":"china_skills_award"}]})";
  CHECK(e1->evaluate(s, "2026-01-15") == e2->evaluate(s, "2026-01-15"));
}

TEST_CASE("the catalog asks what the city's rules read, and only that", "[catalog]") {
  json c = json::parse(sample().catalog("weihai"));
  REQUIRE(c["ok"] == true);
  std::set<std::string> types;
  for (auto& e : c["event_types"]) types.insert(e["id"].get<std::string>());
  CHECK(types == std::set<std::string>{"competition", "hire", "skill_level"});
  for (auto& e : c["event_types"])
    if (e["id"] == "competition")
      for (auto& f : e["fields"])
        if (f["id"] == "tier") CHECK(f["options"].size() == 2);  // city_contest and provincial_class1
  CHECK(json::parse(sample().catalog("nowhere"))["ok"] == false);
}

TEST_CASE("an item outside its document's period asks nothing: no answer could change it", "[evaluate][missing]") {
  // A Weihai apprenticeship of 2025-03-01 with its level and scheme blank: the 2021 measure asks the scheme, the 2025
  // one (in force from 2025-05-01) is outside its period and asks nothing, so compare lists no question for it.
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  REQUIRE(e);
  json r = json::parse(e->evaluate(R"({"city":"weihai","as_of":"2025-12-01","applicant":{"kind":"enterprise"},
    "events":[{"id":"a1","type":"apprenticeship","date":"2025-03-01","count":5,"years":2}]})",
                                   "2026-01-15"));
  int outside = 0;
  for (auto& it : r["items"]) {
    if (it["status"] == "outside_period") {
      ++outside;
      CHECK_FALSE(it.contains("missing"));
      CHECK_FALSE(it.contains("certain"));
    }
    if (it["clause_id"] == "WH21-05-apprenticeship") CHECK(it["missing"].size() == 1);
  }
  CHECK(outside == 1);
}

TEST_CASE("a right without money that several events give is one item naming them all in date order", "[evaluate]") {
  // 济宁 (一): 高技能人才配置状况 is a factor in tenders, for an enterprise with a 技师 (May) and a 特级技师 (March).
  json r = test::builtin_eval(json::parse(
      R"({"city":"jining","applicant":{"kind":"enterprise"},"events":[
          {"id":"t","type":"skill_level","date":"2025-05-01","level":"technician","count":5},
          {"id":"p","type":"skill_level","date":"2025-03-01","level":"principal_technician","count":2}]})"));
  std::vector<json> tender, subsidy;
  for (auto& i : r["items"]) {
    if (i["clause_id"] == "JN24-01-tender-factor") tender.push_back(i);
    if (i["clause_id"] == "JN24-02-technician-subsidy-workers") subsidy.push_back(i);
  }
  REQUIRE(tender.size() == 1);
  CHECK(tender[0]["event_ids"] == json::array({"p", "t"}));
  CHECK(tender[0]["explain"]["zh"].get<std::string>().find("2025年3月1日") != std::string::npos);
  CHECK(subsidy.size() == 2);  // money stays one item an event
}

TEST_CASE("an intake whose hire count is blank asks the count once in what to bring", "[evaluate][claim]") {
  // 济宁 (四) 订单式培养: the count decides the tier, so it is asked; the bring line names it once.
  json r = test::builtin_eval(json::parse(
      R"({"city":"jining","applicant":{"kind":"enterprise"},"events":[
          {"id":"e1","type":"order_training","date":"2025-09-01","contract_years":3,"key_partnership":true}]})"));
  bool found = false;
  for (auto& i : r["items"]) {
    if (i["clause_id"] != "JN24-04-order-training-hire") continue;
    found = true;
    std::string bring = i["claim"]["bring"].dump();
    size_t n = 0;
    for (size_t at = bring.find("当年全职聘用人数"); at != std::string::npos;
         at = bring.find("当年全职聘用人数", at + 1))
      ++n;
    CHECK(n == 1);
  }
  CHECK(found);
}

// The one item of a situation's result whose clause id begins with `prefix` (a failure when there are more or none).
static json one_item(const char* situation, const std::string& prefix) {
  json r = test::builtin_eval(json::parse(situation));
  std::vector<json> out;
  for (auto& i : r["items"])
    if (i["clause_id"].get<std::string>().rfind(prefix, 0) == 0) out.push_back(i);
  REQUIRE(out.size() == 1);
  return out[0];
}

TEST_CASE("a right that asks the same blank fact of the applicant for two events is one item", "[evaluate]") {
  // 烟台 (十) 国有企业…高技能人才与专业技术人才同等待遇: a 技师 and later a 高级技师 at an enterprise whose ownership
  // is blank: one wage-parity right naming both events, asking the ownership once.
  json parity = one_item(
      R"({"city":"yantai","as_of":"2026-12-01","applicant":{"kind":"person","employer":"enterprise"},"events":[
          {"id":"e2","type":"skill_level","date":"2025-06-01","level":"senior_technician"},
          {"id":"e1","type":"skill_level","date":"2024-06-01","level":"technician"}]})",
      "YT24-10-soe-wage-parity");
  CHECK(parity["event_ids"] == json::array({"e1", "e2"}));
  CHECK(parity["certain"] == false);
  CHECK(parity["missing"].size() == 1);
}

TEST_CASE("a certificate and a leader title that show one right are one item naming both", "[evaluate]") {
  // 烟台 (十四) 支持高技能人才申办人才卡: a 高级工 certificate, and a 全国技术能手 title (a 省级以上高技能领军人才):
  // one right, whichever measure shows it (same_right_as), on the earlier event and naming the later.
  json cards = one_item(R"({"city":"yantai","as_of":"2026-12-01","applicant":{"kind":"person"},"events":[
          {"id":"t","type":"title","date":"2025-06-01","title":"national_technical_expert"},
          {"id":"c","type":"skill_level","date":"2025-03-01","level":"senior_worker"}]})",
                        "YT24-14-talent-cards");
  CHECK(cards["clause_id"] == "YT24-14-talent-cards");
  CHECK(cards["event_ids"] == json::array({"c", "t"}));
}

TEST_CASE("a title entered with its own level names its event once where both show one right", "[evaluate]") {
  // 烟台 (十四) and 威海 2025 5.: a 全国技术能手 (a leader title) with the person's own 技师 level shows the right by
  // the title and by the level, one item; it named the event twice (["e1","e1"]).
  for (const char* city : {"yantai", "weihai"}) {
    INFO(city);
    json r =
        test::builtin_eval(json::parse(std::string(R"({"city":")") + city +
                                       R"(","as_of":"2026-06-01","applicant":{"kind":"person","employer":"enterprise"},
          "events":[{"id":"e1","type":"title","date":"2025-07-15","title":"national_technical_expert","level":"technician"}]})"));
    for (auto& i : r["items"]) {
      INFO(i["clause_id"].get<std::string>());
      CHECK(i["event_ids"].size() <= 1);
    }
  }
}

TEST_CASE("what to bring names a condition of the text that no field states", "[evaluate][claim]") {
  // 烟台 (十一) 符合条件的“急需紧缺”工种人员: the occupation's place in the catalogue is proved, though not asked.
  json r = test::builtin_eval(json::parse(
      R"({"city":"yantai","as_of":"2026-12-01","applicant":{"kind":"person","employer":"enterprise","social_insurance_months":12},
          "events":[{"id":"e1","type":"hire","date":"2025-01-10","talent":"technician","from_outside_city":true}]})"));
  bool found = false;
  for (auto& i : r["items"]) {
    if (i["clause_id"] != "YT24-11-imported-living-subsidy") continue;
    found = true;
    CHECK(i["claim"]["bring"].dump().find("急需紧缺") != std::string::npos);
  }
  CHECK(found);
}

TEST_CASE("a suggestion whose figures are the text's minimums says so", "[evaluate][suggestions]") {
  // 威人社字〔2021〕16号 18: 市级一类…前3名…由主办单位分别给予不低于2000元、1500元和1000元奖励: 1000 to 2000 are
  // floors.
  json r = test::builtin_eval(json::parse(
      R"({"city":"weihai","as_of":"2026-12-01","applicant":{"kind":"person","employer":"enterprise"},
          "events":[{"id":"e2","type":"competition","date":"2026-06-20","tier":"city_contest","rank":1}]})"));
  bool found = false;
  for (auto& s : r["suggestions"]) {
    if (s["clause_id"] == "WH21-18-city-cat1") {
      found = true;
      CHECK(s["worth"]["min_yuan"] == 1000);
      CHECK(s["worth"]["max_yuan"] == 2000);
      CHECK(s["worth"]["at_least"] == true);
    }
    if (s["clause_id"] == "WH21-18-top-contest-selection") CHECK_FALSE(s["worth"].contains("at_least"));
  }
  CHECK(found);
}

TEST_CASE("under 就高, of two items with equal money the certain one is kept, not one waiting on a blank fact",
          "[evaluate][stacking]") {
  // 烟台 (十一) 首次新引进: a hire that does not say whether it came from outside the city, and a later one that did.
  // The amount is not stated, so money cannot choose; the later hire, which certainly qualifies, is the one paid.
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  REQUIRE(e);
  json r = test::eval(*e, json::parse(R"({"city":"yantai","as_of":"2026-12-01",
      "applicant":{"kind":"person","employer":"enterprise","social_insurance_months":30},"events":[
      {"id":"e1","type":"hire","date":"2024-06-01","talent":"technician"},
      {"id":"e2","type":"hire","date":"2025-06-01","talent":"technician","from_outside_city":true}]})"));
  int granted = 0;
  for (auto& i : r["items"])
    if (i["clause_id"] == "YT24-11-imported-living-subsidy" && i["status"] == "granted") {
      ++granted;
      CHECK(i["event_ids"] == json::array({"e2"}));
      CHECK_FALSE(i.contains("certain"));
    }
  CHECK(granted == 1);
}
