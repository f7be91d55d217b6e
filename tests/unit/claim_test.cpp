// The claim part of a result (core/claim.cpp, rules/*/claim.json): handling units as the texts name them, payment
// and cadence where the texts state them, what to bring from the measure's own conditions, where to ask.
#include "claim.hpp"

#include <catch2/catch.hpp>

#include "model.hpp"
#include "money.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {

const skillcalc::Engine& builtin() {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  REQUIRE(e);
  return *e;
}

json eval(const json& s) {
  return json::parse(builtin().evaluate(s.dump(), "2025-08-01"));
}

// One event of one applicant, as of a day.
json eval_one(const char* city, const char* as_of, const char* kind, const json& event) {
  return eval({{"city", city}, {"as_of", as_of}, {"applicant", {{"kind", kind}}}, {"events", {event}}});
}
const json& item(const json& r, const std::string& id) {
  for (auto& it : r["items"])
    if (it["clause_id"] == id) return it;
  FAIL("no item " + id + " in " + r.dump());
  static json none;
  return none;
}

}  // namespace

TEST_CASE("every built-in measure has a handling unit whose words are found in its quote, and the quote in the text",
          "[claim]") {
  const skillcalc::Model& m = builtin().model();
  for (auto& x : m.measures) {
    INFO(x.id);
    REQUIRE(x.claim.handled_by.set());
    CHECK(skillcalc::squeeze(x.claim.handled_by.quote).find(skillcalc::squeeze(x.claim.handled_by.text.zh)) !=
          std::string::npos);
  }
  json report = json::parse(builtin().check(skillcalc::embedded_sources()));
  CHECK(report["problems"] == json::array());
}

TEST_CASE("Weihai worker: the contest award is handled by the 责任单位 of clause 9, the contest result is to bring",
          "[claim]") {
  json r = eval({{"city", "weihai"},
                 {"applicant", {{"kind", "person"}, {"age", 31}, {"employer", "enterprise"}}},
                 {"events",
                  {{{"id", "e2"},
                    {"type", "competition"},
                    {"date", "2025-07-01"},
                    {"tier", "national_class1"},
                    {"rank", 2},
                    {"contest", "cnc-2025"}}}}});
  const json& c = item(r, "WH25-09-national-cat1")["claim"];
  // 威政办发〔2025〕3号 9.: "(责任单位:市人力资源社会保障局等部门、单位,各区市政府、开发区管委)"
  CHECK(c["handled_by"]["zh"] == "市人力资源社会保障局等部门、单位,各区市政府、开发区管委");
  CHECK(c["handled_by"]["role"]["id"] == "responsible_unit");
  CHECK(c["paid"].is_null());  // WH25 says nothing of when it is paid
  REQUIRE(c["bring"].size() == 1);
  std::string b = c["bring"][0]["zh"];
  CHECK(b.find("国家级一类职业技能大赛") != std::string::npos);
  CHECK(b.find("名次：2") != std::string::npos);
  CHECK(std::string(c["ask"]["zh"]).find("12333") != std::string::npos);
}

TEST_CASE("Yantai: money of a year is paid the next year (十六); the unemployment-insurance subsidy is not said to be",
          "[claim]") {
  json r = eval({{"city", "yantai"},
                 {"applicant", {{"kind", "enterprise"}}},
                 {"events",
                  {{{"id", "e1"},
                    {"type", "skill_level"},
                    {"date", "2025-03-01"},
                    {"level", "technician"},
                    {"route", "enterprise_training"}},
                   {{"id", "e2"},
                    {"type", "skill_level"},
                    {"date", "2025-03-01"},
                    {"level", "senior_worker"},
                    {"route", "enterprise_training"},
                    {"count", 3}}}}});
  const json& t = item(r, "YT24-11-technician-upgrade-subsidy")["claim"];
  CHECK(t["paid"]["zh"] == "当年评选、确认或核准的资金项目于次年拨付");
  CHECK(t["paid"]["years_later"] == 1);  // 于次年拨付: the calendar year after approval
  // (十一) "（牵头单位：市委组织部、市人力资源社会保障局，配合单位：…）"
  CHECK(t["handled_by"]["zh"] == "市委组织部、市人力资源社会保障局");
  CHECK(t["handled_by"]["role"]["id"] == "lead_unit");
  const json& u = item(r, "YT24-11-ui-upgrade-subsidy-workers")["claim"];
  CHECK(u["paid"].is_null());
  std::string b = u["bring"][0]["zh"];
  CHECK(b.find("人数：3") != std::string::npos);
}

TEST_CASE("Rizhao chief technician: selected once a year (4.), handled by the document's 联系单位", "[claim]") {
  json r = eval(
      {{"city", "rizhao"},
       {"applicant", {{"kind", "person"}}},
       {"events", {{{"id", "t"}, {"type", "title"}, {"date", "2025-01-10"}, {"title", "rizhao_chief_technician"}}}}});
  const json& c = item(r, "RZ19-04-chief-technician")["claim"];
  CHECK(c["cadence"]["quote"] == "日照市首席技师每年选拔一次，每次人数不超过 20 名");
  CHECK(c["handled_by"]["zh"] == "市人力资源社会保障局职业能力建设科");
  CHECK(c["handled_by"]["role"]["id"] == "contact_unit");
}

TEST_CASE(
    "a body the text names as paying or approving handles the claim: Jining's 工匠学院 grant is the 市总工会's, "
    "Yantai's later retirement is approved where the person is insured",
    "[claim]") {
  json college = item(eval_one("jining", "2026-06-01", "enterprise",
                               {{"id", "e2"},
                                {"type", "platform"},
                                {"date", "2025-08-15"},
                                {"platform", "craftsman_college"},
                                {"level", "city"}}),
                      "JN24-06-craftsman-college")["claim"];
  CHECK(college["handled_by"]["zh"] == "市总工会");
  CHECK(college["handled_by"]["role"]["id"] == "payer_named");
  json r = eval({{"city", "yantai"},
                 {"as_of", "2026-06-01"},
                 {"applicant", {{"kind", "person"}, {"employer", "enterprise"}, {"employer_state_owned", true}}},
                 {"events",
                  {{{"id", "e1"},
                    {"type", "skill_level"},
                    {"date", "2023-07-15"},
                    {"level", "senior_technician"},
                    {"route", "social_evaluation"}}}}});
  const json& c = item(r, "YT24-10-delayed-retirement")["claim"];
  CHECK(c["handled_by"]["zh"] == "参保地人力资源社会保障部门");
  CHECK(c["handled_by"]["role"]["id"] == "approver_named");
  CHECK(c["bring"].dump().find("协商一致") != std::string::npos);
  // The education surcharge credit is the tax bureau's: YT24 (一)'s 配合单位, one of JN24 (四)'s 负责 departments.
  for (const char* city : {"yantai", "jining"}) {
    INFO(city);
    json credit =
        eval({{"city", city},
              {"as_of", "2026-06-01"},
              {"applicant", {{"kind", "enterprise"}, {"integration_pilot", true}}},
              {"events", {{{"id", "e1"}, {"type", "investment"}, {"date", "2025-07-15"}, {"amount_yuan", 1000000}}}}});
    bool found = false;
    for (auto& i : credit["items"])
      if (i["clause_id"].get<std::string>().find("edu-surcharge-credit") != std::string::npos) {
        found = true;
        CHECK(i["claim"]["handled_by"]["zh"] == "市税务局");
      }
    CHECK(found);
  }
}

TEST_CASE("Jining's yearly selections say so: a city master studio (六) and a 济宁市技术能手 (十三)", "[claim]") {
  // One event of a Jining applicant: the cadence of the measure it gives.
  auto cadence = [](const char* kind, const json& event, const char* id) {
    return item(eval_one("jining", "2026-06-01", kind, event), id)["claim"]["cadence"]["zh"];
  };
  CHECK(cadence("enterprise", {{"type", "platform"}, {"date", "2025-06-01"}, {"platform", "city_master_studio"}},
                "JN24-06-city-master-studio") == "每年遴选建设10家左右");
  CHECK(cadence("person", {{"type", "title"}, {"date", "2025-06-01"}, {"title", "jining_technical_expert"}},
                "JN24-13-jining-technical-expert") == "每年认定200名以上");
}

TEST_CASE("what to bring counts what the event counts: contest projects hosted, not people", "[claim]") {
  json r = eval_one(
      "yantai", "2025-12-01", "other_unit",
      {{"id", "e1"}, {"type", "contest_hosted"}, {"date", "2025-06-01"}, {"tier", "city_contest"}, {"count", 2}});
  const json& b = item(r, "YT24-08-host-city")["claim"]["bring"][0];
  CHECK(b["zh"].get<std::string>().find("承办项目数：2") != std::string::npos);
  CHECK(b["zh"].get<std::string>().find("人数") == std::string::npos);
  CHECK(b["en"].get<std::string>().find("number of contest projects: 2") != std::string::npos);
}

TEST_CASE("Jining (四): the graduates' 全日制专科或高级工及以上 is to be proved, the year's hires named once",
          "[claim]") {
  json r = eval_one("jining", "2025-12-31", "enterprise",
                    {{"id", "o1"},
                     {"type", "order_training"},
                     {"date", "2025-06-01"},
                     {"hires", 120},
                     {"contract_years", 3},
                     {"key_partnership", true}});
  std::string b = item(r, "JN24-04-order-training-hire")["claim"]["bring"][0]["zh"];
  CHECK(b.find("全日制专科或高级工及以上") != std::string::npos);
  size_t first = b.find("当年全职聘用人数");
  REQUIRE(first != std::string::npos);
  CHECK(b.find("当年全职聘用人数", first + 1) == std::string::npos);
}

TEST_CASE("a yearly total is proved as the year's sum, not the last batch's own figure", "[claim]") {
  // 日人社字〔2019〕46号 3.: 对每年累计向我市企业输送100名以上中级及以上技工的院校，按每人500元的标准给予院校奖励.
  json r = eval(
      {{"city", "rizhao"},
       {"as_of", "2022-12-31"},
       {"applicant", {{"kind", "school"}}},
       {"events",
        {{{"type", "graduates_supplied"}, {"date", "2021-03-01"}, {"count", 60}, {"min_level", "intermediate_worker"}},
         {{"type", "graduates_supplied"}, {"date", "2021-09-01"}, {"count", 50}, {"min_level", "senior_worker"}}}}});
  const json& it = item(r, "RZ19-03-school-supply-reward");
  CHECK(it["total"]["max_yuan"] == 55000);  // 110 x 500
  REQUIRE(it["claim"]["bring"].size() == 1);
  std::string b = it["claim"]["bring"][0]["zh"];
  CHECK(b.find("：110（须≥100）") != std::string::npos);
  CHECK(b.find("：50（须≥100）") == std::string::npos);
}

TEST_CASE("an applicant fact a measure reads is to be proved, with the bound it must meet", "[claim]") {
  json r = eval({{"city", "yantai"},
                 {"applicant", {{"kind", "person"}, {"employer", "enterprise"}, {"social_insurance_months", 14}}},
                 {"events",
                  {{{"id", "h"},
                    {"type", "hire"},
                    {"date", "2025-02-01"},
                    {"talent", "technician"},
                    {"from_outside_city", true}}}}});
  bool found = false;
  for (auto& it : r["items"])
    if (it["clause_id"] == "YT24-11-imported-living-subsidy")
      for (auto& b : it["claim"]["bring"])
        found = found || std::string(b["zh"]).find("14（须≥12）") != std::string::npos;
  CHECK(found);
}

TEST_CASE("a payment year later than 10 years, or not a whole number, is refused with its path", "[claim]") {
  for (const char* bad : {"11", "-1", "\"1\"", "1.5"}) {
    auto files = skillcalc::embedded_rules();
    bool changed = false;
    for (auto& f : files) {
      if (f.name != "yantai-2024/claim.json") continue;
      auto at = f.text.find("\"years_later\": 1");
      REQUIRE(at != std::string::npos);
      f.text.replace(at, 16, std::string("\"years_later\": ") + bad);
      changed = true;
    }
    REQUIRE(changed);
    std::string report;
    INFO(bad);
    CHECK_FALSE(skillcalc::Engine::load(files, &report));
    CHECK(report.find("/paid/years_later") != std::string::npos);
  }
}

TEST_CASE("a fact left blank is still among what to bring: the employer of a Rizhao technician", "[claim]") {
  json r =
      eval({{"city", "rizhao"},
            {"applicant", {{"kind", "person"}}},
            {"events", {{{"id", "t"}, {"type", "skill_level"}, {"date", "2024-06-01"}, {"level", "technician"}}}}});
  const json& it = item(r, "RZ19-09-upgrade-reward");
  CHECK(it["certain"] == false);
  bool named = false;
  for (auto& b : it["claim"]["bring"])
    named = named || b["zh"].get<std::string>().rfind("工作单位类型的证明：尚未填写", 0) == 0;
  CHECK(named);
}

TEST_CASE(
    "Weihai 2021: a measure is handled by the departments its clause names, a city Class-I prize by its organiser",
    "[claim]") {
  json r = eval({{"city", "weihai"},
                 {"applicant", {{"kind", "person"}}},
                 {"events",
                  {{{"id", "c"}, {"type", "competition"}, {"date", "2024-06-01"}, {"tier", "city_class1"}, {"rank", 1}},
                   {{"id", "t"}, {"type", "title"}, {"date", "2024-01-01"}, {"title", "weihai_chief_technician"}}}}});
  const json& city = item(r, "WH21-18-city-cat1")["claim"]["handled_by"];
  CHECK(city["zh"] == "主办单位");
  CHECK(city["role"]["id"] == "payer_named");
  const json& chief = item(r, "WH21-13-chief-technician")["claim"]["handled_by"];
  CHECK(chief["zh"] == "市委组织部、市人力资源社会保障局、市财政局");
  CHECK(chief["role"]["id"] == "departments_named");
}

TEST_CASE("what to bring asks no more than the text: Jining's apprenticeship is proved as training, not as passed",
          "[claim]") {
  // 003 (二): 推行…企业新型学徒制,…给予企业职业培训补贴 — no 考核合格, where Yantai (二) and Weihai 2025 2. ask it.
  json event = {{"id", "a1"},
                {"type", "apprenticeship"},
                {"date", "2025-06-01"},
                {"count", 10},
                {"scheme", "new_enterprise_apprenticeship"}};
  std::string jn =
      item(eval_one("jining", "2025-12-01", "enterprise", event), "JN24-02-apprenticeship")["claim"]["bring"][0]["zh"];
  CHECK(jn.find("合格") == std::string::npos);
  CHECK(jn.rfind("企业新型学徒制培训的证明", 0) == 0);
  json yt = eval_one("yantai", "2025-12-01", "enterprise", event);
  std::string y = item(yt, "YT24-02-apprenticeship")["claim"]["bring"][0]["zh"];
  CHECK(y.find("学徒培训合格的证明") != std::string::npos);
}

TEST_CASE("a fact the reading takes as met is still to be proved: a full-time graduate hire's social insurance",
          "[claim]") {
  // 济人社发〔2024〕9号 (九) 企业新全职引进…技师班毕业生…并缴纳社会保险的: certain money, the payment's proof asked.
  json r = eval_one("jining", "2025-12-01", "enterprise",
                    {{"id", "h1"},
                     {"type", "hire"},
                     {"date", "2025-05-10"},
                     {"graduate_class", "technician"},
                     {"age", 24},
                     {"full_time", true}});
  const json& it = item(r, "JN24-09-hire-technician-grad");
  CHECK(it["total"]["min_yuan"] == 36000);
  std::string bring = it["claim"]["bring"][0]["zh"].get<std::string>();
  CHECK(bring.find("已缴纳社会保险：未填写，按符合计算，须提供证明") != std::string::npos);
  CHECK(it["claim"]["bring"][0]["en"].get<std::string>().find("counted as met: proof needed") != std::string::npos);
}

TEST_CASE("Weihai 2021's yearly cycles say so: a studio's annual review (8.) and the 技能兴威 contest held every year (17.)",
          "[claim]") {
  json studio = eval_one("weihai", "2024-12-01", "person",
                         {{"id", "e1"}, {"type", "platform"}, {"date", "2024-06-01"}, {"platform", "city_master_studio"},
                          {"excellent_review", true}});
  CHECK(item(studio, "WH21-08-studio-leader-excellent")["claim"]["cadence"]["quote"] == "对年度考核优秀的工作室");
  json contest = eval_one("weihai", "2024-12-01", "person",
                          {{"id", "e1"}, {"type", "competition"}, {"date", "2024-09-10"}, {"tier", "city_contest"},
                           {"rank", 1}, {"city_class1", true}});
  CHECK(item(contest, "WH21-18-city-cat1-weihai-contest")["claim"]["cadence"]["quote"] ==
        "每年举办一届“技能兴威”职业技能竞赛活动");
}

TEST_CASE("a studio's leader reads the same yearly selection as its host unit (烟台 (四), 济宁 (六))", "[claim]") {
  json yt = eval_one("yantai", "2026-06-01", "person",
                     {{"id", "e1"}, {"type", "platform"}, {"date", "2025-06-01"}, {"platform", "city_master_station"}});
  CHECK(item(yt, "YT24-04-host-grant-of-city-master-station")["claim"]["cadence"]["quote"] == "每年新设站 3 处左右");
  json jn = eval_one("jining", "2026-06-01", "person",
                     {{"id", "e1"}, {"type", "platform"}, {"date", "2025-06-01"}, {"platform", "city_master_studio"}});
  CHECK(item(jn, "JN24-06-host-grant-of-city-master-studio")["claim"]["cadence"]["zh"] == "每年遴选建设10家左右");
}

TEST_CASE("烟台 (七)'s support is by level and number (按照评价等级和人数): what to bring says so", "[claim]") {
  json r = eval(
      {{"city", "yantai"},
       {"as_of", "2026-12-01"},
       {"applicant", {{"kind", "enterprise"}, {"key_industry_chain", true}}},
       {"events",
        {{{"id", "e1"}, {"type", "skill_level"}, {"date", "2025-06-01"}, {"level", "technician"}, {"count", 10},
          {"route", "enterprise_self_evaluation"}, {"trained_by", "training_school"}}}}});
  bool said = false;
  for (auto& b : item(r, "YT24-07-self-eval-support")["claim"]["bring"])
    said = said || b["zh"].get<std::string>().find("等级和人数") != std::string::npos;
  CHECK(said);
}
