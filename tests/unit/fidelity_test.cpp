// The rules are true to the policy texts: figures in their quotes, quotes in their sources, every checklist id
// accounted for, and the sources identical to the published seeds.
#include <catch2/catch.hpp>
#include <filesystem>

#include "model.hpp"
#include "support.hpp"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {
std::vector<skillcalc::SourceFile> with_change(const std::string& doc, const std::function<void(json&)>& change) {
  auto files = skillcalc::embedded_rules();
  for (auto& f : files)
    if (f.name == doc + "/rules.json") {
      json j = json::parse(f.text);
      change(j);
      f.text = j.dump();
    }
  return files;
}
}  // namespace

TEST_CASE("the built-in rules pass the fidelity check against their policy texts", "[fidelity]") {
  json r = json::parse(skillcalc::check_rules(skillcalc::embedded_rules(), skillcalc::embedded_sources()));
  INFO(r.dump(1));
  CHECK(r["ok"] == true);
}

TEST_CASE("a planted wrong amount fails the check", "[fidelity]") {
  auto files = with_change("weihai-2025", [](json& j) {
    for (auto& m : j["measures"])
      if (m["id"] == "WH25-09-national-cat1") m["options"][0]["amount"]["yuan"] = 60000;  // the text says 5 万元
  });
  json r = json::parse(skillcalc::check_rules(files, skillcalc::embedded_sources()));
  CHECK(r["ok"] == false);
  CHECK(r.dump().find("amount_not_in_quote") != std::string::npos);
  CHECK(r.dump().find("WH25-09-national-cat1") != std::string::npos);
}

TEST_CASE("a quote that is not in the policy text fails the check", "[fidelity]") {
  auto files = with_change("weihai-2025", [](json& j) {
    for (auto& m : j["measures"])
      if (m["id"] == "WH25-10-weihai-craftsman") m["quote"] = "威海工匠一次性奖励 2 万元";
    for (auto& m : j["measures"])
      if (m["id"] == "WH25-10-weihai-craftsman") m["amount"]["yuan"] = 20000;
  });
  json r = json::parse(skillcalc::check_rules(files, skillcalc::embedded_sources()));
  CHECK(r["ok"] == false);
  CHECK(r.dump().find("quote_not_in_source") != std::string::npos);
}

TEST_CASE("every measure carries its document, clause, quote and period", "[fidelity]") {
  auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  REQUIRE(e);
  for (auto& m : e->model().measures) {
    INFO(m.id);
    CHECK_FALSE(m.clause.empty());
    CHECK_FALSE(m.quote.empty());
    CHECK_FALSE(m.what.zh.empty());
    CHECK_FALSE(m.needs.en.empty());
  }
  for (auto& d : e->model().documents) {
    INFO(d.id);
    CHECK(d.from > 0);
    CHECK_FALSE(d.number.empty());
  }
}

TEST_CASE("every checklist id of an encoded document is accounted for", "[fidelity]") {
  fs::path checklist = fs::path(SKILLCALC_SOURCE_DIR) / ".." / "shared" / "clauses" / "checklist.json";
  if (!fs::exists(checklist)) return;  // the checklist lives beside the repository, not in it
  std::ifstream f(checklist);
  json list = json::parse(f);
  auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  REQUIRE(e);
  std::set<std::string> docs, ids, targets;
  for (auto& d : e->model().documents) {
    docs.insert(d.id);
    for (auto& t : d.target_only) targets.insert(t.first);
  }
  for (auto& m : e->model().measures) ids.insert(m.id);
  for (auto& entry : list) {
    std::string id = entry["id"], doc = entry["doc"];
    if (!docs.count(doc)) continue;
    INFO(id);
    if (entry["kind"] == "target_only") {
      CHECK(targets.count(id));
      continue;
    }
    bool found = ids.count(id) > 0;
    for (auto& m : ids) found = found || m.rfind(id + "-", 0) == 0;  // split measures carry a suffix
    CHECK(found);
  }
}

TEST_CASE("each policy text beside the rules is the published seed, byte for byte", "[fidelity]") {
  fs::path seeds = fs::path(SKILLCALC_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!fs::exists(seeds)) return;
  std::map<std::string, std::string> seed_of = {{"weihai-2025", "000_"},
                                                {"yantai-2024", "001_"},
                                                {"weihai-2021", "002_"},
                                                {"jining-2024", "003_"},
                                                {"rizhao-2019", "004_"}};
  for (auto& src : skillcalc::embedded_sources()) {
    std::string folder = src.name.substr(0, src.name.find('/'));
    INFO(src.name);
    if (!seed_of.count(folder)) continue;  // a document added after the five published seeds
    for (auto& s : fs::directory_iterator(seeds))
      if (s.path().filename().string().rfind(seed_of[folder], 0) == 0) {
        std::ifstream f(s.path(), std::ios::binary);
        std::ostringstream ss;
        ss << f.rdbuf();
        CHECK(ss.str() == src.text);
      }
  }
}
