// The compact result (README "Compact results"): over every golden case, each field it keeps equals the full
// result's field, in the full result's order; it keeps every id, status, amount, total, payer, recipient, event id
// and flag; it leaves out explanations, sources, claim parts, documents, suggestions and notes; errors are the full
// result's byte for byte; and the golden expectations on money hold on the compact result alone.
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

const std::set<std::string> kTop = {"ok",    "city",   "as_of",        "rules_version",
                                    "items", "totals", "other_totals", "planned_totals"};
const std::set<std::string> kItem = {"clause_id", "status",    "event_ids", "recipient", "for_applicant",
                                     "team",      "certain",   "amount",    "total",     "payers",
                                     "pool",      "ambiguous", "planned"};

// The keys of `part` are a subsequence of the keys of `whole`, each with an equal value; `keep` are the keys a
// compact object may have, and every one of them that `whole` has, `part` has too.
void same_fields(const ojson& part, const ojson& whole, const std::set<std::string>& keep, const std::string& what) {
  auto at = whole.begin();
  for (auto& [k, v] : part.items()) {
    INFO(what << ": " << k);
    CHECK(keep.count(k) == 1);
    while (at != whole.end() && at.key() != k) ++at;
    REQUIRE(at != whole.end());  // present in the full result, and in the same order
    if (k != "items") CHECK(v == at.value());
  }
  for (auto& k : keep) {
    INFO(what << ": " << k << " is in the full result but not in the compact one");
    CHECK((!whole.contains(k) || part.contains(k)));
  }
}

}  // namespace

TEST_CASE("every field of a compact result is the full result's, over every golden case", "[compact]") {
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
    same_fields(compact, full, kTop, "result");
    REQUIRE(compact["items"].size() == full["items"].size());
    for (size_t i = 0; i < full["items"].size(); ++i, ++items)
      same_fields(compact["items"][i], full["items"][i], kItem, "item " + std::to_string(i));
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

TEST_CASE("a compact item names its clause, events, amount and payers, and nothing to read", "[compact]") {
  // WH25 第2条 (金蓝领): a senior technician certified through 金蓝领 training in Weihai gets 5000 yuan once.
  auto r = nlohmann::json::parse(builtin().evaluate_compact(
      R"({"city":"weihai","applicant":{"kind":"person","employer":"enterprise"},"events":[{"id":"e1","type":"skill_level","date":"2025-07-15","level":"senior_technician","route":"jinlanling_training"}]})",
      kToday));
  REQUIRE(r["ok"] == true);
  CHECK(r["totals"] == nlohmann::json{{"min_yuan", 5000}, {"max_yuan", 5000}});
  bool found = false;
  for (auto& it : r["items"]) {
    CHECK_FALSE(it.contains("explain"));
    CHECK_FALSE(it.contains("source"));
    CHECK_FALSE(it.contains("claim"));
    if (it["clause_id"] != "WH25-02-jinlanling") continue;
    found = true;
    CHECK(it["status"] == "granted");
    CHECK(it["event_ids"] == nlohmann::json{"e1"});
    CHECK(it["total"] == nlohmann::json{{"min_yuan", 5000}, {"max_yuan", 5000}});
    CHECK(it["amount"]["yuan"] == 5000);
    CHECK(it["payers"].is_array());
  }
  CHECK(found);
  for (const char* k : {"documents", "suggestions", "notes"}) CHECK_FALSE(r.contains(k));
}
