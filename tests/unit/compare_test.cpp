// compare: one situation under each city's documents; every city's result is evaluate's, byte for byte.
#include <catch2/catch.hpp>
#include <set>

#include "support.hpp"

using nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {
const skillcalc::Engine& builtin() {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  return *e;
}
const char* kToday = "2026-01-15";

// Whether an event is one city's own, as the vocabulary says (city_bound values, a city's titles, city-bound event
// types): the city it belongs to ("" for none), `home` for the values of whichever city the situation is in.
std::string owner(const ojson& e, const std::string& home) {
  static const std::set<std::string> home_values = {"city_contest",
                                                    "city_class1",
                                                    "city_class2",
                                                    "city_master_studio",
                                                    "city_master_station",
                                                    "city_skill_foundation_base",
                                                    "city"};
  static const std::set<std::string> home_types = {"graduate_retention", "talent_pool_service"};
  if (home_types.count(e.value("type", ""))) return home;
  for (auto& [k, v] : e.items()) {
    if (!v.is_string()) continue;
    std::string s = v.get<std::string>();
    if (home_values.count(s)) return home;
    for (const char* c : {"weihai", "yantai", "jining", "rizhao"})
      if (s.rfind(std::string(c) + "_", 0) == 0) return c;  // weihai_chief_technician …
  }
  return "";
}

// The situation text with `city` set, as a caller would write it for a single-city evaluation: in another city than
// the home one, "home_city" names the home (its city-bound facts are asked), and an event of one city's own is left
// out of the others, the other events keeping the ids evaluate gives them.
std::string with_city(const std::string& situation, const std::string& city) {
  ojson s = ojson::parse(situation);
  std::string home = s.value("home_city", s.value("city", ""));
  s["city"] = city;
  if (home == city) return s.dump();
  s["home_city"] = home;
  if (!s.contains("events")) return s.dump();
  ojson kept = ojson::array();
  bool dropped = false;
  for (size_t i = 0; i < s["events"].size(); ++i) {
    ojson e = s["events"][i];
    std::string o = owner(e, home);
    if (!o.empty() && o != city) {
      dropped = true;
      continue;
    }
    if (!e.contains("id")) e["id"] = "e" + std::to_string(i + 1);
    kept.push_back(e);
  }
  if (dropped) s["events"] = kept;
  return s.dump();
}

// The raw text of cities[i].result inside the comparison, cut out of the text (not re-serialized).
std::string raw_result(const std::string& out, const std::string& city) {
  std::string key = "{\"city\":\"" + city + "\",\"result\":";
  size_t at = out.find(key);
  REQUIRE(at != std::string::npos);
  at += key.size();
  int depth = 0;
  bool in_string = false;
  for (size_t i = at; i < out.size(); ++i) {
    char c = out[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return out.substr(at, i + 1 - at);
    }
  }
  FAIL("unterminated result for " << city);
  return "";
}

const char* kContestAndTechnician = R"({"city":"weihai","as_of":"2025-12-01",
  "applicant":{"kind":"person","age":30,"employer":"enterprise"},
  "events":[{"id":"c","type":"competition","date":"2025-09-10","tier":"national_class1","rank":2,"contest":"cnc-2025"},
            {"id":"t","type":"skill_level","date":"2025-10-01","level":"technician","route":"social_evaluation"}]})";
}  // namespace

TEST_CASE("each city's result is evaluate's for that city, byte for byte, in every golden case", "[compare]") {
  const auto& e = builtin();
  int compared = 0;
  for (auto& [file, c] : test::golden_cases()) {
    if (!c.contains("situation") || !c["situation"].is_object()) continue;
    std::string s = ojson(c["situation"]).dump();
    std::string out = e.compare(s, "", kToday);
    json parsed = json::parse(out);
    if (!parsed["ok"].get<bool>()) continue;  // a situation wrong everywhere: checked below
    INFO(file << ": " << c.value("name", ""));
    REQUIRE(parsed["cities"].size() == 4);
    for (auto& entry : parsed["cities"]) {
      std::string city = entry["city"];
      CHECK(raw_result(out, city) == e.evaluate(with_city(s, city), kToday));
    }
    ++compared;
  }
  CHECK(compared > 20);
}

TEST_CASE("the cities come in the rule set's order unless named; named ones in the order given", "[compare]") {
  json all = json::parse(builtin().compare(kContestAndTechnician, "", kToday));
  std::vector<std::string> cities;
  for (auto& c : all["cities"]) cities.push_back(c["city"]);
  CHECK(cities == std::vector<std::string>{"jining", "rizhao", "weihai", "yantai"});
  json two = json::parse(builtin().compare(kContestAndTechnician, R"(["yantai","weihai"])", kToday));
  REQUIRE(two["cities"].size() == 2);
  CHECK(two["cities"][0]["city"] == "yantai");
  CHECK(two["cities"][1]["city"] == "weihai");
  CHECK(two["cities"][1]["result"]["city"] == "weihai");
}

TEST_CASE("compare refuses bad city lists with the path of the bad entry", "[compare]") {
  auto err = [](const std::string& cities) {
    return json::parse(builtin().compare(kContestAndTechnician, cities, kToday));
  };
  json r = err(R"(["weihai","mars"])");
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "unknown_city");
  CHECK(r["error"]["path"] == "/cities/1");
  CHECK(err(R"(["weihai","weihai"])")["error"]["path"] == "/cities/1");
  CHECK(err(R"(["weihai",3])")["error"]["path"] == "/cities/1");
  CHECK(err("[]")["error"]["path"] == "/cities");
  CHECK(err(R"({"city":"weihai"})")["error"]["path"] == "/cities");
  CHECK(err("[\"weihai\"")["error"]["code"] == "invalid_json");
  CHECK_FALSE(err("[\"weihai\"")["error"]["zh"].get<std::string>().empty());
}

TEST_CASE("a situation wrong in every city gets evaluate's own error, once", "[compare]") {
  const auto& e = builtin();
  std::string bad = R"({"city":"weihai","applicant":{"kind":"person"},"events":[{"id":"c","type":"competition",
    "tier":"national_class1","rank":"second"}]})";
  std::string out = e.compare(bad, "", kToday);
  CHECK(out == e.evaluate(bad, kToday));
  CHECK(json::parse(out)["error"]["path"] == "/events/0/rank");
  CHECK(json::parse(e.compare("[1,2]", "", kToday))["error"]["path"] == "");
  CHECK(json::parse(e.compare("{\"city\":", "", kToday))["error"]["code"] == "invalid_json");
  CHECK(json::parse(e.compare(std::string(300 * 1024, ' '), "", kToday))["error"]["code"] == "too_large");
}

namespace {
json totals_of(const json& comparison, const std::string& city) {
  for (auto& c : comparison["cities"])
    if (c["city"] == city) return c["result"]["totals"];
  return json();
}
json span(long long lo, long long hi) {
  return {{"min_yuan", lo}, {"max_yuan", hi}};
}
}  // namespace

// By hand from the texts, for a 技师 certificate through 金蓝领 training, an enterprise employee, 2025-10-01:
// WH25 2. "技师3000元/人"; RZ19 9. 通过"金蓝领"项目培训…取得技师…的企业职工 2500 元; JN24 (二) 新取得技师…的企业职工
// 每人2000元; YT24 pays only 企业自主培育 technicians ((十一) 2500元), not this route: nothing.
TEST_CASE("a technician certificate in four cities: the totals the texts give", "[compare]") {
  std::string s =
      R"({"city":"weihai","as_of":"2025-12-01","applicant":{"kind":"person","age":30,"employer":"enterprise"},
    "events":[{"id":"t","type":"skill_level","date":"2025-10-01","level":"technician","route":"jinlanling_training"}]})";
  json r = json::parse(builtin().compare(s, "", kToday));
  REQUIRE(r["ok"] == true);
  CHECK(totals_of(r, "weihai") == span(3000, 3000));
  CHECK(totals_of(r, "rizhao") == span(2500, 2500));
  CHECK(totals_of(r, "jining") == span(2000, 2000));
  CHECK(totals_of(r, "yantai") == span(0, 0));
  CHECK(r["only_in"] == json{{"t", {"jining", "rizhao", "weihai"}}});
}

// National Class-I contest, 2nd place, 2025-09-10: WH25 9. 前五名…分别给予5万元、3万元… → 30000 (WH21 18. superseded
// for that date); YT24 (八) 国家级最高5万元 → 0 to 50000; JN24 and RZ19 pay no money for the placing itself.
TEST_CASE("a national Class-I second place in four cities: the totals the texts give", "[compare]") {
  std::string s =
      R"({"city":"yantai","as_of":"2025-12-01","applicant":{"kind":"person","age":30,"employer":"enterprise"},
    "events":[{"type":"competition","date":"2025-09-10","tier":"national_class1","rank":2,"contest":"cnc-2025"}]})";
  json r = json::parse(builtin().compare(s, "", kToday));
  REQUIRE(r["ok"] == true);
  CHECK(totals_of(r, "weihai") == span(30000, 30000));
  CHECK(totals_of(r, "yantai") == span(0, 50000));
  CHECK(totals_of(r, "jining") == span(0, 0));
  CHECK(totals_of(r, "rizhao") == span(0, 0));
  CHECK(r["only_in"] == json{{"e1", {"weihai", "yantai"}}});  // an event without id is e1, as evaluate names it
}

// JN24 (四) pays order-trained hires of key enterprises or projects training with a city college, on contracts of 3
// years or more: the contract term and the partnership left blank are asked in Jining only.
TEST_CASE("the facts a city's measures test and the situation lacks are listed for that city only", "[compare]") {
  std::string s = R"({"city":"jining","as_of":"2026-07-01","applicant":{"kind":"enterprise"},
    "events":[{"id":"o","type":"order_training","date":"2026-07-01","hires":60}]})";
  json r = json::parse(builtin().compare(s, R"(["jining","weihai"])", kToday));
  REQUIRE(r["ok"] == true);
  REQUIRE(r["missing"]["jining"].size() == 2);
  std::set<std::string> fields;
  for (auto& f : r["missing"]["jining"]) {
    CHECK(f["event_id"] == "o");
    fields.insert(f["field"].get<std::string>());
  }
  CHECK(fields == std::set<std::string>{"event.contract_years", "event.key_partnership"});
  CHECK(r["missing"]["weihai"] == json::array());
  CHECK(r["only_in"] == json{{"o", {"jining"}}});
}

// WH25 9. rewards 技能兴威 (威海市职业技能大赛) placings; that contest exists in Weihai only: under the other cities'
// documents it is not their own city contest (YT24 (八) 市级最高1万元 would otherwise pay for it).
TEST_CASE("a contest of the home city's own is not carried to another city", "[compare]") {
  std::string s =
      R"({"city":"weihai","as_of":"2025-12-01","applicant":{"kind":"person","age":30,"employer":"enterprise"},
    "events":[{"id":"w","type":"competition","date":"2025-09-10","tier":"city_contest","rank":1},
              {"type":"skill_level","date":"2025-10-01","level":"technician","route":"jinlanling_training"}]})";
  std::string out = builtin().compare(s, R"(["weihai","yantai"])", kToday);
  json r = json::parse(out);
  REQUIRE(r["ok"] == true);
  CHECK(r["only_in"]["w"] == json{"weihai"});
  CHECK(r["not_carried"]["yantai"][0]["event_id"] == "w");
  CHECK_FALSE(r["not_carried"].contains("weihai"));
  for (auto& c : r["cities"])
    for (auto& item : c["result"]["items"])
      if (c["city"] == "yantai")
        CHECK(std::find(item["event_ids"].begin(), item["event_ids"].end(), "w") == item["event_ids"].end());
  // the event without id is e2 in both cities, as evaluate names it
  CHECK(raw_result(out, "yantai") == builtin().evaluate(with_city(s, "yantai"), kToday));
  CHECK(json::parse(raw_result(out, "weihai"))["items"].dump().find("\"e2\"") != std::string::npos);
}

TEST_CASE("a fact to ask names the item that waits on it, not one a newer document governs", "[compare]") {
  // 威海: a 2025-05 高级技师 with its route blank: WH25-02 (金蓝领, 2025 text) asks the route; WH21-04 is superseded.
  // (The employer is said not to be state-owned, or the 国有企业 pay parity would ask that too.)
  json r = json::parse(builtin().compare(R"({"city":"weihai","as_of":"2026-06-01","applicant":{"kind":"person",
    "employer":"enterprise","employer_state_owned":false},"events":[{"id":"l","type":"skill_level",
    "date":"2025-06-01","level":"senior_technician"}]})",
                                         R"(["weihai"])", kToday));
  REQUIRE(r["missing"]["weihai"].size() == 1);
  CHECK(r["missing"]["weihai"][0]["clause_id"] == "WH25-02-jinlanling");
  CHECK(r["missing"]["weihai"][0]["field"] == "event.route");
}
