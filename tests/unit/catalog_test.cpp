// The questions the built-in catalog asks: what the new conditions need, and nothing they cannot use.
#include <catch2/catch.hpp>

#include "support.hpp"

using nlohmann::json;

namespace {
const skillcalc::Engine& builtin() {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  return *e;
}
// The field `field` of event type `type` in a city's catalog, or null.
json field(const std::string& city, const std::string& type, const std::string& name) {
  json c = json::parse(builtin().catalog(city));
  for (auto& e : c["event_types"])
    if (e["id"] == type)
      for (auto& f : e["fields"])
        if (f["id"] == name) return f;
  return json();
}
bool asks(const json& f, const std::string& kind) {
  if (f.is_null()) return false;
  for (auto& k : f["kinds"])
    if (k == kind) return true;
  return false;
}
}  // namespace

TEST_CASE("a person is never asked how many people", "[catalog]") {
  for (const char* city : {"weihai", "yantai", "jining", "rizhao"}) {
    INFO(city);
    CHECK_FALSE(asks(field(city, "skill_level", "count"), "person"));
    CHECK_FALSE(asks(field(city, "hire", "count"), "person"));
  }
  CHECK(asks(field("weihai", "skill_level", "count"), "enterprise"));
}

TEST_CASE("team is offered where a text pays teams, and only there", "[catalog]") {
  CHECK(asks(field("yantai", "competition", "team"), "person"));  // 选手（团队）
  CHECK(asks(field("jining", "competition", "team"), "person"));  // 团队或个人
  CHECK(field("weihai", "competition", "team").is_null());
  CHECK(field("rizhao", "competition", "team").is_null());
}

TEST_CASE("who trained a worker is asked beside the route, each choice explained in one sentence", "[catalog]") {
  json by = field("yantai", "skill_level", "trained_by");
  REQUIRE(asks(by, "enterprise"));
  REQUIRE(asks(by, "person"));
  for (auto& o : by["options"]) CHECK(o["hint"]["zh"].get<std::string>().size() > 0);
  json route = field("weihai", "skill_level", "route");  // a named copy: a temporary would die before the loop ends
  for (auto& o : route["options"]) CHECK(o.contains("hint"));
}

TEST_CASE("Yantai's apprenticeship asks for the years; Jining's hire can name the talent", "[catalog]") {
  CHECK(asks(field("yantai", "apprenticeship", "years"), "enterprise"));
  json talent = field("jining", "hire", "talent");
  REQUIRE(asks(talent, "person"));
  std::set<std::string> ids;
  for (auto& o : talent["options"]) ids.insert(o["id"].get<std::string>());
  CHECK(ids.count("national_technical_expert"));
  CHECK(ids.count("world_skills_gold"));
  CHECK(asks(field("jining", "order_training", "contract_years"), "enterprise"));
  CHECK(asks(field("jining", "title", "trained_in_city"), "person"));
}

TEST_CASE("each city offers a new skill level first, then the event types in vocabulary.json's order", "[catalog]") {
  for (const char* city : {"weihai", "yantai", "jining", "rizhao"}) {
    json c = json::parse(builtin().catalog(city));
    REQUIRE(c["event_types"].size() > 2);
    CHECK(c["event_types"][0]["id"] == "skill_level");
    std::vector<std::string> ids;
    for (auto& e : c["event_types"]) ids.push_back(e["id"]);
    // vocabulary.json lists competition before title and title before hire
    auto at = [&](const char* id) { return std::find(ids.begin(), ids.end(), id) - ids.begin(); };
    CHECK(at("competition") < at("title"));
    CHECK(at("title") < at("hire"));
  }
}

TEST_CASE("a city's form offers its own city titles and the national and provincial ones, not another city's", "[catalog]") {
  auto ids_of = [](const json& f) {
    std::set<std::string> ids;
    for (auto& o : f["options"]) ids.insert(o["id"].get<std::string>());
    return ids;
  };
  std::set<std::string> weihai = ids_of(field("weihai", "title", "title"));
  CHECK(weihai.count("weihai_craftsman"));
  CHECK(weihai.count("national_technical_expert"));
  CHECK(weihai.count("model_worker"));
  CHECK_FALSE(weihai.count("yantai_skill_master"));
  CHECK_FALSE(weihai.count("jining_craftsman"));
  CHECK_FALSE(weihai.count("rizhao_technical_expert"));
  std::set<std::string> yantai = ids_of(field("yantai", "title", "title"));
  CHECK(yantai.count("yantai_skill_master"));
  CHECK_FALSE(yantai.count("weihai_craftsman"));
  std::set<std::string> talent = ids_of(field("jining", "hire", "talent"));
  CHECK(talent.count("jining_craftsman") + talent.count("national_technical_expert") > 0);
  CHECK_FALSE(talent.count("weihai_craftsman"));
}
