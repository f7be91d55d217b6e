// What the built-in rules suggest: never a measure that a fact the applicant stated rules out.
#include <algorithm>
#include <catch2/catch.hpp>

#include "support.hpp"

using nlohmann::json;

namespace {
std::vector<std::string> suggested(const std::string& situation) {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  json r = json::parse(e->evaluate(situation, "2026-06-01"));
  REQUIRE(r["ok"] == true);
  std::vector<std::string> ids;
  for (auto& s : r["suggestions"]) ids.push_back(s["clause_id"]);
  return ids;
}
bool has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}
}  // namespace

TEST_CASE("a subsidy for enterprise workers is not suggested to a worker who said they work at a school",
          "[suggestions]") {
  // 济宁 (二) 对新取得技师…的企业职工: every option of the measure wants an enterprise employer (or none stated).
  auto at = [](const std::string& employer) {
    return suggested(R"({"city":"jining","as_of":"2026-06-01","applicant":{"kind":"person","employer":")" + employer +
                     R"("},"events":[{"id":"e1","type":"skill_level","date":"2025-03-03","level":"senior_worker"}]})");
  };
  CHECK_FALSE(has(at("school"), "JN24-02-technician-subsidy"));
  CHECK(has(at("enterprise"), "JN24-02-technician-subsidy"));
  // 日照 9.: the same for a worker at a public institution.
  CHECK_FALSE(has(suggested(R"({"city":"rizhao","as_of":"2025-06-01","applicant":{"kind":"person",
      "employer":"public_institution"},"events":[{"id":"e1","type":"skill_level","date":"2021-01-01",
      "level":"senior_worker"}]})"),
                  "RZ19-09-upgrade-reward"));
}

TEST_CASE("a graduate subsidy for 攀登企业 is not suggested to an enterprise that said it is not one",
          "[suggestions]") {
  auto with = [](const char* climbing) {
    return suggested(std::string(R"({"city":"jining","as_of":"2026-06-01","applicant":{"kind":"enterprise")") +
                     climbing + R"(},"events":[{"id":"e1","type":"hire","date":"2025-07-01",
      "graduate_class":"technician","age":40,"full_time":true}]})");
  };
  CHECK_FALSE(has(with(R"(,"climbing_enterprise":false)"), "JN24-09-hire-senior-worker-grad"));
  CHECK(has(with(""), "JN24-09-hire-senior-worker-grad"));
}

TEST_CASE("a suggestion of the same achievement as money already due is worth only the difference (就高)",
          "[suggestions]") {
  // 济宁 (九) 中华技能大奖 50万元 to a Jining-trained 全国技术能手 (20万元): 从优、就高、不重复, so it adds 30万元.
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  json r = json::parse(e->evaluate(R"({"city":"jining","as_of":"2025-12-01","applicant":{"kind":"person"},
    "events":[{"id":"e3","type":"title","date":"2025-06-01","title":"national_technical_expert","trained_in_city":true}]})",
                                   "2026-01-15"));
  const json* china = nullptr;
  for (auto& s : r["suggestions"])
    if (s["clause_id"] == "JN24-09-china-skills-award") china = &s;
  REQUIRE(china);
  CHECK((*china)["worth"]["min_yuan"] == 300000);
  CHECK((*china)["worth"]["max_yuan"] == 300000);
  CHECK((*china)["needs"]["zh"].get<std::string>().find("20万元") != std::string::npos);
}

TEST_CASE("a measure of the same achievement that could add nothing to money already due is not suggested",
          "[suggestions]") {
  // 济宁 (九): a Jining-trained 中华技能大奖 (50万元) holder is not offered 全国技术能手 (20万元), worth 0 beside it.
  std::vector<std::string> ids = suggested(R"({"city":"jining","as_of":"2025-12-01","applicant":{"kind":"person"},
    "events":[{"id":"e1","type":"title","date":"2025-10-01","title":"china_skills_award","trained_in_city":true}]})");
  CHECK(std::find(ids.begin(), ids.end(), "JN24-09-national-technical-expert") == ids.end());
}

TEST_CASE("a subsidy for 新晋升 to levels below the one a person holds is not suggested; the next step up is",
          "[suggestions]") {
  // 烟台 (十一) 对企业自主培育新晋升的初级工、中级工、高级工，每人分别给予1000元、1500元、2000元: a new 技师 cannot be
  // newly promoted to 高级工, so that measure is no suggestion for them; for a 中级工 (below 技师) the 技师 subsidy
  // still is.
  auto yantai = [](const std::string& level) {
    return suggested(R"({"city":"yantai","as_of":"2026-06-01","applicant":{"kind":"person","employer":"enterprise"},
        "events":[{"id":"e1","type":"skill_level","date":"2026-05-10","level":")" +
                     level + R"("}]})");
  };
  CHECK_FALSE(has(yantai("technician"), "YT24-11-ui-upgrade-subsidy"));
  auto jining = [](const std::string& level) {
    return suggested(R"({"city":"jining","as_of":"2026-06-01","applicant":{"kind":"person","employer":"enterprise"},
        "events":[{"id":"e1","type":"skill_level","date":"2026-05-10","level":")" +
                     level + R"("}]})");
  };
  // 济宁 (二) 新取得技师、高级技师、特级技师: the next step for a 高级工, nothing new for a 特级技师.
  CHECK(has(jining("senior_worker"), "JN24-02-technician-subsidy"));
  CHECK_FALSE(has(jining("principal_technician"), "JN24-02-technician-subsidy"));
  // A level a person was hired as counts the same way.
  CHECK_FALSE(has(suggested(R"({"city":"yantai","as_of":"2026-06-01","applicant":{"kind":"person",
      "employer":"enterprise"},"events":[{"id":"e1","type":"hire","date":"2025-05-01","talent":"technician",
      "from_outside_city":true}]})"),
                  "YT24-11-ui-upgrade-subsidy"));
}

TEST_CASE("money another party would receive is never offered to the applicant as something to claim",
          "[suggestions]") {
  // 济宁 (九) 给予引才或培养单位奖励 and 威海 2021 18. 给予选送单位…补助 are the unit's money: shown beside a person's
  // own result when it is there, but not suggested to a person with a provincial result as "could still claim".
  CHECK_FALSE(has(suggested(R"({"city":"jining","as_of":"2026-06-01","applicant":{"kind":"person",
      "employer":"enterprise"},"events":[{"id":"e1","type":"competition","date":"2025-09-15",
      "tier":"provincial_class1","rank":1}]})"),
                  "JN24-09-worldskills-unit-of-medallist"));
  auto weihai = suggested(R"({"city":"weihai","as_of":"2026-06-01","applicant":{"kind":"person",
      "employer":"enterprise"},"events":[{"id":"e1","type":"competition","date":"2025-09-15",
      "tier":"provincial_class1","rank":1}]})");
  CHECK_FALSE(has(weihai, "WH21-18-sending-unit"));
  CHECK(has(weihai, "WH25-09-national-cat1"));
}
