// The compact result (README "Compact results", DESIGN.md): over every golden case, the full result without its
// explanations, claims, source quotes, suggestions and notes, every other field equal and in the same order; errors
// are the full result's byte for byte; and the golden expectations on money hold on the compact result alone.
#include <catch2/catch.hpp>
#include <set>

#include "cases.hpp"
#include "support.hpp"

using ojson = nlohmann::ordered_json;

namespace {

const char* kToday = "2026-01-15";

const skillcalc::Engine& builtin() {
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  return *e;
}

// The full result less what DESIGN.md leaves out of the compact form: explanations, claims, the source's quote,
// suggestions and notes.
ojson without_words(ojson full) {
  full.erase("suggestions");
  full.erase("notes");
  for (auto& it : full["items"]) {
    it.erase("explain");
    it.erase("claim");
    it.erase("recipient_words");
    if (it.contains("source")) it["source"].erase("quote");
  }
  return full;
}

}  // namespace

TEST_CASE("a compact result is the full result without its words, over every golden case", "[compact]") {
  auto cases = test::golden_cases();
  REQUIRE(cases.size() >= 10);
  size_t items = 0;
  for (auto& [file, c] : cases) {
    INFO(file << ": " << c["name"].get<std::string>());
    std::string text = c["situation"].dump();
    std::string full_text = builtin().evaluate(text, kToday), compact_text = builtin().evaluate_compact(text, kToday);
    ojson full = ojson::parse(full_text), compact = ojson::parse(compact_text);
    if (full["ok"] == false) {
      CHECK(compact_text == full_text);
      continue;
    }
    CHECK(compact_text.size() < full_text.size());
    CHECK(compact == without_words(full));  // every other field kept, byte for byte, in the full result's order
    items += full["items"].size();
  }
  CHECK(items > 100);
}

TEST_CASE("the golden expectations on money hold on the compact result alone", "[compact]") {
  for (auto& [file, c] : test::golden_cases()) {
    nlohmann::json money;
    for (const char* k :
         {"granted", "not_granted", "totals", "other_totals", "planned_totals", "planned", "error_path"})
      if (c["expect"].contains(k)) money[k] = c["expect"][k];
    if (money.empty()) continue;
    auto compact = nlohmann::json::parse(builtin().evaluate_compact(c["situation"].dump(), kToday));
    INFO(file << ": " << c["name"].get<std::string>());
    for (auto& b : skillcalc::case_differences(money, compact)) FAIL_CHECK(b);
  }
}

TEST_CASE("a compact item names its clause, events, amount, schedule and payers, and nothing to read", "[compact]") {
  // WH25 第2条 (金蓝领): a senior technician certified through 金蓝领 training in Weihai gets 5000 yuan once.
  auto r = nlohmann::json::parse(builtin().evaluate_compact(
      R"({"city":"weihai","applicant":{"kind":"person","employer":"enterprise"},"events":[{"id":"e1","type":"skill_level","date":"2025-07-15","level":"senior_technician","route":"jinlanling_training"}]})",
      kToday));
  REQUIRE(r["ok"] == true);
  CHECK(r["totals"] == nlohmann::json{{"min_yuan", 5000}, {"max_yuan", 5000}});
  bool found = false;
  for (auto& it : r["items"]) {
    CHECK_FALSE(it.contains("explain"));
    CHECK_FALSE(it["source"].contains("quote"));
    CHECK_FALSE(it.contains("claim"));
    if (it["clause_id"] != "WH25-02-jinlanling") continue;
    found = true;
    CHECK(it["status"] == "granted");
    CHECK(it["event_ids"] == nlohmann::json{"e1"});
    CHECK(it["total"] == nlohmann::json{{"min_yuan", 5000}, {"max_yuan", 5000}});
    CHECK(it["amount"]["yuan"] == 5000);
    CHECK(it["payers"].is_array());
    CHECK(it["schedule"] == nlohmann::json{{"kind", "once"}});  // 一次性: a batch reader tells once from monthly
    CHECK(it["source"]["clause"] == "2");
  }
  CHECK(found);
  for (const char* k : {"suggestions", "notes"}) CHECK_FALSE(r.contains(k));
  CHECK(r["documents"].is_array());
}
