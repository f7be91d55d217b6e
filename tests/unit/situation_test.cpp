#include <catch2/catch.hpp>

#include "support.hpp"

using nlohmann::json;

namespace {
json error_of(const std::string& text) {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  json r = json::parse(e->evaluate(text, "2026-01-15"));
  REQUIRE(r["ok"] == false);
  CHECK_FALSE(r["error"]["zh"].get<std::string>().empty());
  CHECK_FALSE(r["error"]["en"].get<std::string>().empty());
  return r["error"];
}
std::string path_of(const std::string& text) {
  return error_of(text)["path"].get<std::string>();
}
std::string with_event(const std::string& ev) {
  return R"({"city":"weihai","applicant":{"kind":"person"},"events":[)" + ev + "]}";
}
}  // namespace

TEST_CASE("malformed JSON is refused, with the byte where it breaks", "[situation]") {
  auto e = error_of("{\"city\": \"weihai\",");
  CHECK(e["code"] == "invalid_json");
  CHECK(error_of("")["code"] == "empty_input");  // nothing to read is said so, not bad JSON at byte 1
  CHECK(error_of("\xEF\xBB\xBF\r\n  \n")["code"] == "empty_input");
  CHECK(error_of("\xEF\xBB\xBF{")["code"] == "invalid_json");
  CHECK(error_of("[]")["code"] == "invalid_input");
  CHECK(error_of("\"weihai\"")["code"] == "invalid_input");
}

TEST_CASE("deep nesting and huge input are refused before parsing", "[situation]") {
  std::string deep(100000, '[');
  CHECK(error_of(deep)["code"] == "too_deep");
  std::string big = "{\"city\":\"" + std::string(300 * 1024, 'x') + "\"}";
  CHECK(error_of(big)["code"] == "too_large");
}

TEST_CASE("each wrong field is named by its JSON pointer", "[situation]") {
  CHECK(path_of(R"({"applicant":{"kind":"person"}})") == "/city");
  CHECK(path_of(R"({"city":"beijing","applicant":{"kind":"person"}})") == "/city");
  CHECK(path_of(R"({"city":7,"applicant":{"kind":"person"}})") == "/city");
  CHECK(path_of(R"({"city":"weihai"})") == "/applicant");
  CHECK(path_of(R"({"city":"weihai","applicant":{"kind":"robot"}})") == "/applicant/kind");
  CHECK(path_of(R"({"city":"weihai","applicant":{"kind":"person","age":-3}})") == "/applicant/age");
  CHECK(path_of(R"({"city":"weihai","applicant":{"kind":"person","age":"thirty"}})") == "/applicant/age");
  CHECK(path_of(R"({"city":"weihai","applicant":{"kind":"person","shoe_size":42}})") == "/applicant/shoe_size");
  CHECK(path_of(R"({"city":"weihai","as_of":"2025-02-30","applicant":{"kind":"person"}})") == "/as_of");
  CHECK(path_of(R"({"city":"weihai","applicant":{"kind":"person"},"colour":"red"})") == "/colour");
  CHECK(path_of(R"({"city":"weihai","applicant":{"kind":"person"},"events":{}})") == "/events");
  CHECK(path_of(with_event(R"({"type":"skill_level"})")) == "/events/0/level");
  CHECK(path_of(with_event(R"({"type":"skill_level","level":"grandmaster"})")) == "/events/0/level");
  CHECK(path_of(with_event(R"({"type":"skill_level","level":"technician","date":"2025-13-01"})")) == "/events/0/date");
  CHECK(path_of(with_event(R"({"type":"teleport"})")) == "/events/0/type");
  CHECK(path_of(with_event(R"({"level":"technician"})")) == "/events/0/type");
  CHECK(path_of(with_event(R"({"type":"competition","tier":"national_class1","rank":0})")) == "/events/0/rank");
  CHECK(path_of(with_event(R"({"type":"competition","tier":"national_class1","rank":2.5})")) == "/events/0/rank");
  CHECK(path_of(with_event(R"({"type":"skill_level","level":"technician","count":-1})")) == "/events/0/count");
  CHECK(path_of(with_event(R"({"type":"skill_level","level":"technician","count":99999999999})")) == "/events/0/count");
  CHECK(path_of(with_event(R"({"type":"skill_level","level":"technician","colour":"red"})")) == "/events/0/colour");
  CHECK(path_of(with_event(
            R"({"type":"title","title":"weihai_craftsman"},{"type":"title","title":"weihai_craftsman","id":"e1"})")) ==
        "/events/1/id");
  CHECK(path_of(with_event(R"(7)")) == "/events/0");
}

TEST_CASE("too many events are refused", "[situation]") {
  std::string evs;
  for (int i = 0; i < 201; ++i) evs += std::string(i ? "," : "") + R"({"type":"title","title":"weihai_craftsman"})";
  CHECK(path_of(with_event(evs)) == "/events");
}

TEST_CASE("a contest result without a rank is no error: measures that need a rank ask for it", "[situation]") {
  json r = test::builtin_eval(json::parse(R"({"city":"weihai","applicant":{"kind":"person"},
    "events":[{"type":"competition","date":"2025-07-01","tier":"national_class1","contest":"cnc"}]})"));
  REQUIRE(r["ok"] == true);
  // 5000 (5th) to 50000 (1st), or nothing: not certain money, and the rank is named as missing.
  CHECK(r["totals"] == json({{"min_yuan", 0}, {"max_yuan", 50000}}));
  bool asks = false;
  for (auto& i : r["items"])
    if (i["clause_id"] == "WH25-09-national-cat1")
      asks = i["certain"] == false && i["missing"][0]["field"] == "event.rank";
  CHECK(asks);
}

TEST_CASE("an event without a date happens on as_of", "[situation]") {
  json r = test::builtin_eval(json::parse(R"({"city":"weihai","as_of":"2025-06-01","applicant":{"kind":"person"},
    "events":[{"id":"a","type":"title","title":"weihai_craftsman"}]})"));
  REQUIRE(r["ok"] == true);
  CHECK(r["as_of"] == "2025-06-01");
  CHECK(r["totals"]["min_yuan"] == 10000);
  json before = test::builtin_eval(json::parse(R"({"city":"weihai","as_of":"2025-04-30","applicant":{"kind":"person"},
    "events":[{"id":"a","type":"title","title":"weihai_craftsman"}]})"));
  CHECK(before["totals"]["min_yuan"] == 0);  // before WH25 took effect, and WH21 has no craftsman reward
}

TEST_CASE("text with quotes, backslashes and control characters comes back intact", "[situation][json]") {
  std::string id = "a\"b\\c\n\t\x01 一二三四五六七八九十 \"end";
  json s = {{"city", "weihai"},
            {"applicant", {{"kind", "person"}}},
            {"events", {{{"id", id}, {"type", "title"}, {"date", "2025-06-01"}, {"title", "weihai_craftsman"}}}}};
  json r = test::builtin_eval(s);
  REQUIRE(r["ok"] == true);
  CHECK(r["items"][0]["event_ids"][0] == id);
}

TEST_CASE("a null date or as_of is a blank one, as a null field is: the same answer as leaving it out", "[situation]") {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  const std::string left_out =
      R"({"city":"weihai","applicant":{"kind":"person"},"events":[{"id":"e1","type":"competition","tier":"national_class1","rank":1}]})";
  const std::string nulls =
      R"({"city":"weihai","as_of":null,"applicant":{"kind":"person"},"events":[{"id":"e1","type":"competition","date":null,"tier":"national_class1","rank":1}]})";
  std::string a = e->evaluate(left_out, "2026-01-15"), b = e->evaluate(nulls, "2026-01-15");
  CHECK(json::parse(b)["ok"] == true);
  CHECK(a == b);
  // A date that is not null and not a day is still refused at its path.
  CHECK(path_of(with_event(R"({"id":"e1","type":"competition","date":"","tier":"national_class1"})")) ==
        "/events/0/date");
}
