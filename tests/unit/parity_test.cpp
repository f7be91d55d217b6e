// The streaming situation reader equals the former DOM reader (tests/parity/situation_dom.cpp) on every situation
// the repository holds (golden cases, shared examples, fixtures, batch files) and on thousands of their mutations:
// the same Situation, or the same error code, JSON pointer and zh/en message, byte for byte.
#include "../parity/parity.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support.hpp"

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

const skillcalc::Model& model() {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  return e->model();
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every object under `j` that looks like a situation (it has a city or an applicant), compact and indented.
void situations_in(const ordered_json& j, std::vector<std::string>& out) {
  if (j.is_object() && (j.contains("city") || j.contains("applicant"))) {
    out.push_back(j.dump());
    out.push_back(j.dump(2));
  }
  if (j.is_structured())
    for (auto& v : j) situations_in(v, out);
}

// The situations of every JSON and JSON Lines file of rules/, tests/ and the shared examples, and the files' own
// texts and lines as they are.
std::vector<std::string> corpus() {
  std::vector<std::string> out;
  std::string root = SKILLCALC_SOURCE_DIR;
  for (const char* dir : {"/rules", "/tests", "/../shared/examples"}) {
    if (!fs::exists(root + dir)) continue;
    for (auto& f : fs::recursive_directory_iterator(root + dir)) {
      std::string ext = f.path().extension().string();
      std::string p = f.path().string();
      if (!f.is_regular_file() || (ext != ".json" && ext != ".jsonl") || p.find("node_modules") != std::string::npos)
        continue;
      std::string text = read(f.path());
      if (text.size() < 300000) out.push_back(text);
      std::istringstream lines(text);
      for (std::string l; std::getline(lines, l);) {
        if (ext == ".jsonl") out.push_back(l);
        auto j = ordered_json::parse(l, nullptr, false);
        if (!j.is_discarded()) situations_in(j, out);
      }
      auto j = ordered_json::parse(text, nullptr, false);
      if (!j.is_discarded()) situations_in(j, out);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the streaming reader equals the DOM reader on every situation of the repository", "[parity]") {
  auto texts = corpus();
  REQUIRE(texts.size() > 200);
  size_t ok = 0;
  for (auto& t : texts) {
    std::string now = skillcalc::parity::streaming(model(), t), was = skillcalc::parity::former(model(), t);
    INFO(t.substr(0, 400));
    REQUIRE(now == was);
    ok += now.rfind("error", 0) != 0;
  }
  CHECK(ok > 100);  // most of them are situations the rules accept, not only errors
}

TEST_CASE("the streaming reader equals the DOM reader on mutated situations", "[parity]") {
  auto texts = corpus();
  std::vector<std::string> seeds;
  for (auto& t : texts)
    if (t.size() < 4000 && skillcalc::parity::former(model(), t).rfind("error", 0) != 0) seeds.push_back(t);
  REQUIRE(seeds.size() > 50);
  size_t n = 0, accepted = 0;
  std::map<std::string, size_t> codes;
  for (size_t i = 0; i < seeds.size(); ++i)
    for (auto& t : skillcalc::parity::mutations(seeds[i], i + 1, 60)) {
      std::string now = skillcalc::parity::streaming(model(), t), was = skillcalc::parity::former(model(), t);
      INFO(t);
      REQUIRE(now == was);
      ++n;
      if (was.rfind("error", 0) != 0)
        ++accepted;
      else
        ++codes[was.substr(6, was.find(' ', 6) - 6)];
    }
  std::string tally;
  for (auto& [code, k] : codes) tally += " " + code + " " + std::to_string(k);
  WARN(n << " mutations of " << seeds.size() << " situations: " << accepted << " accepted, refused:" << tally);
  CHECK(n > 5000);
  CHECK(accepted > 100);
  for (const char* code : {"invalid_json", "duplicate_key", "too_deep", "wrong_type", "unknown_field", "unknown_id",
                           "out_of_range", "invalid_date"}) {
    INFO(code);
    CHECK(codes[code] > 0);  // the mutations reach every kind of fault
  }
}

TEST_CASE("the streaming reader equals the DOM reader on hand-written edge cases", "[parity]") {
  const std::string ev = R"({"city":"weihai","applicant":{"kind":"person"},"events":[)";
  const std::vector<std::string> cases = {
      "",
      " ",
      "\xef\xbb\xbf{}",
      "\xef\xbb{}",
      "{}",
      "[]",
      "null",
      "1",
      "\"x\"",
      "{\"city\":\"weihai\"}x",
      "{\"city\":\"weihai\",\"city\":\"weihai\"}",
      "{\"a\":{\"b\":1,\"b\":2}}",
      "{\"a\":[{\"b\":1,\"b\":2}]}",
      std::string("{\"city\":\"wei\0hai\"}", 19),
      "{\"\\u0063ity\":\"weihai\",\"applicant\":{\"kind\":\"person\"}}",
      ev + R"({"type":"competition","tier":"national_class1","rank":1e400}]})",
      ev + R"({"type":"competition","tier":"national_class1","rank":18446744073709551616}]})",
      ev + R"({"type":"competition","tier":"national_class1","rank":-9223372036854775809}]})",
      ev + R"({"type":"competition","tier":"national_class1","rank":"２"}]})",
      ev + R"({"type":"competition","tier":"national_class1","rank":2.0}]})",
      ev + R"({"type":"competition","tier":"national_class1","rank":-0}]})",
      ev + R"({"type":"competition","tier":"national_class1","contest":"\ud83d\ude00"}]})",
      ev + R"({"type":"competition","tier":"national_class1","contest":"\ud83d"}]})",
      ev + R"({"type":"competition","tier":"national_class1","contest":"\udc00"}]})",
      ev + "{\"type\":\"competition\",\"tier\":\"national_class1\",\"contest\":\"\xed\xa0\x80\"}]}",
      ev + "{\"type\":\"competition\",\"tier\":\"national_class1\",\"contest\":\"\xf4\x90\x80\x80\"}]}",
      ev + "{\"type\":\"competition\",\"tier\":\"national_class1\",\"contest\":\"\xe0\x9f\xbf\"}]}",
      ev + "{\"type\":\"competition\",\"tier\":\"national_class1\",\"contest\":\"a\tb\"}]}",
      ev + R"({"type":"competition","tier":"national_class1","contest":"a/b~c","a/b~c":1}]})",
      ev + R"({"type":"title","title":"weihai_craftsman","id":""}]})",
      ev + R"({"type":"title","title":"weihai_craftsman","date":null}]})",
      ev + R"({"type":"title","title":"weihai_craftsman","x":[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]}]})",
      ev + R"({"type":"title","title":"weihai_craftsman","x":[[[[[[[[[[[[[1]]]]]]]]]]]]]}]})",
      ev + R"({"type":"skill_level","level":"technician","route":"enterprise_training"}]})",
      R"({"city":"weihai","applicant":{"kind":"person","employer":null,"zz":1,"aa":{}}})",
      R"({"zz":1,"city":"nowhere","aa":[1,{"b":2}]})",
      R"({"city":"weihai","applicant":[],"events":{}})",
      R"({"events":[1,[2],{"type":"x"}],"city":"weihai","applicant":{"kind":"person"}})",
  };
  for (auto& t : cases) {
    INFO(t);
    CHECK(skillcalc::parity::streaming(model(), t) == skillcalc::parity::former(model(), t));
  }
}
