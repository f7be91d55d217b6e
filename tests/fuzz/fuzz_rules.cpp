// libFuzzer target (b): arbitrary bytes as one rule file, checked the way `skillcalc check` does.
//  - A rule file whose document id is one of the built-in documents takes that document's place beside the real rule
//    files of the same city and the real policy texts: mutations of a real rule file, with cross-document links
//    (supersedes, one city's periods) in play.
//  - Anything else is loaded alone as fuzz/rules.json beside the real vocabulary.json, with every policy text as its
//    source.txt.
// When the rules load, a few situations are evaluated against them and the catalog, documents and summary are
// rendered: rules that pass the checks must not crash the engine either. A JSON-aware custom mutator (half of the
// mutations) keeps most mutants valid JSON so that they reach the checks behind the parser.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "skillcalc.hpp"

using nlohmann::json;
using skillcalc::SourceFile;

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace {

struct Real {
  SourceFile vocabulary;
  std::vector<SourceFile> rules, sources;
  std::vector<std::string> doc_ids, cities;  // the document id and city of each rule file
  std::string all_sources;
};

const Real& real() {
  static Real r = [] {
    Real x;
    for (auto& f : skillcalc::embedded_rules()) {
      if (f.name == "vocabulary.json") {
        x.vocabulary = f;
        continue;
      }
      // Rule files name their document; claim files (how to claim) have none and are not fuzzed in their place.
      json j = json::parse(f.text, nullptr, false);
      const bool doc = j.is_object() && j.contains("document") && j["document"].is_object();
      x.doc_ids.push_back(doc ? j["document"].value("id", "") : "");
      x.cities.push_back(doc ? j["document"].value("city", "") : "");
      x.rules.push_back(f);
    }
    x.sources = skillcalc::embedded_sources();
    for (auto& s : x.sources) x.all_sources += s.text + "\n";
    return x;
  }();
  return r;
}

[[noreturn]] void broken(const char* what, const std::string& out) {
  std::fprintf(stderr, "property broken: %s\noutput: %.2000s\n", what, out.c_str());
  std::abort();
}

json checked(const std::string& out, bool report) {
  json j = json::parse(out, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("ok") || !j["ok"].is_boolean())
    broken("output is not JSON with ok", out);
  if (out.find("\"internal_error\"") != std::string::npos)
    broken("internal_error (an exception reached the boundary)", out);
  if (report && j["ok"] == false) {
    if (!j["problems"].is_array() || j["problems"].empty()) broken("a failed check without problems", out);
    for (auto& p : j["problems"])
      if (!p["file"].is_string() || !p["path"].is_string() || !p["code"].is_string() || !p["en"].is_string())
        broken("a problem without file, path, code and reason", out);
  }
  return j;
}

// Situations that reach most measure kinds: CITY is replaced by the document's city.
const char* kSituations[] = {
    R"({"city":"CITY","as_of":"2025-09-01","applicant":{"kind":"person","employer":"enterprise","age":30,"social_insurance_months":24},"events":[{"id":"a","type":"competition","date":"2025-07-01","tier":"national_class1","rank":1,"contest":"cnc"},{"id":"b","type":"competition","date":"2025-03-01","tier":"provincial_class1","rank":2,"contest":"cnc"},{"id":"c","type":"skill_level","date":"2025-06-01","level":"technician","route":"jinlanling_training"},{"id":"d","type":"title","date":"2025-06-01","title":"china_skills_award"},{"id":"e","type":"training_squad","squad":"national","contest":"cnc"}]})",
    R"({"city":"CITY","as_of":"2026-01-15","applicant":{"kind":"enterprise","state_owned":false,"climbing_enterprise":true,"key_industry_chain":true,"located_in_city":true},"events":[{"type":"skill_level","date":"2025-03-01","level":"senior_technician","route":"enterprise_self_evaluation","count":1000000},{"type":"hire","date":"2025-05-01","talent":"technician","graduate_class":"technician","count":1000000,"age":30,"annual_salary_yuan":100000000000,"full_time":true,"from_outside_city":true,"years":50},{"type":"apprenticeship","date":"2025-06-01","level":"technician","count":1000,"years":3,"scheme":"new_enterprise_apprenticeship"},{"type":"platform","date":"2025-06-01","platform":"national_master_studio","level":"national","count":3},{"type":"order_training","date":"2025-07-01","hires":100,"contract_years":5},{"type":"investment","date":"2025-08-01","amount_yuan":100000000000}]})",
    R"({"city":"CITY","as_of":"2024-06-01","applicant":{"kind":"school","public":true,"located_in_city":true},"events":[{"type":"graduates_supplied","date":"2024-05-01","count":300,"min_level":"senior_worker"},{"type":"contest_hosted","date":"2024-05-02","tier":"national_class2","count":2},{"type":"school_contest_prize","date":"2024-05-03","prize":"first","tier":"national_vocational_college_contest"},{"type":"platform","date":"2024-05-04","platform":"quality_school","level":"provincial"}]})",
    R"({"city":"CITY","applicant":{"kind":"training_base","public":false},"events":[{"type":"platform","date":"2020-01-01","platform":"national_high_skill_training_base","level":"national"}]})",
    R"({"city":"CITY","applicant":{"kind":"other_unit"},"events":[{"type":"contest_hosted","date":"2025-01-01","tier":"city_contest","count":1}]})",
    R"({"city":"CITY","applicant":{"kind":"person"}})",
};

void exercise(const skillcalc::Engine& e, const std::string& city) {
  for (const char* s : kSituations) {
    std::string text = s;
    text.replace(text.find("CITY"), 4, city);
    std::string out = e.evaluate(text, "2026-01-15");
    json r = checked(out, false);
    if (r["ok"] == true && r["totals"]["min_yuan"].get<long long>() > r["totals"]["max_yuan"].get<long long>())
      broken("totals min above max", out);
  }
  checked(e.catalog(city), false);
  checked(e.documents(), false);
  checked(e.rules_summary(), false);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  real();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Real& R = real();
  std::string text(reinterpret_cast<const char*>(data), size);
  json j = json::parse(text, nullptr, false);
  std::string id, city;
  if (j.is_object() && j.contains("document") && j["document"].is_object()) {
    if (j["document"].contains("id") && j["document"]["id"].is_string()) id = j["document"]["id"].get<std::string>();
    if (j["document"].contains("city") && j["document"]["city"].is_string())
      city = j["document"]["city"].get<std::string>();
  }
  std::vector<SourceFile> files{R.vocabulary}, sources;
  std::string real_city;
  for (size_t i = 0; i < R.rules.size(); ++i)
    if (!id.empty() && R.doc_ids[i] == id) real_city = R.cities[i], files.push_back({R.rules[i].name, text});
  if (!real_city.empty()) {
    for (size_t i = 0; i < R.rules.size(); ++i)
      if (R.doc_ids[i] != id && R.cities[i] == real_city) files.push_back(R.rules[i]);
    sources = R.sources;
  } else {
    files.push_back({"fuzz/rules.json", text});
    sources.push_back({"fuzz/source.txt", R.all_sources});
  }
  // What check_rules(files, sources) does, without loading twice.
  std::string report;
  auto e = skillcalc::Engine::load(files, &report);
  if (!e) {
    json r = checked(report, true);
    if (r["ok"] != false) broken("load failed but reported ok", report);
    return 0;
  }
  checked(e->check(sources), true);
  if (!city.empty()) exercise(*e, city);
  return 0;
}

// ---- A JSON-aware mutator: one structural change to a parsed rule file. -------------------------------------------

namespace {

const char* kTokens[] = {"id",
                         "clause",
                         "kind",
                         "quote",
                         "applicants",
                         "recipient",
                         "event",
                         "when",
                         "amount",
                         "options",
                         "per_head",
                         "schedule",
                         "payers",
                         "what",
                         "needs",
                         "notes",
                         "ambiguous",
                         "supersedes",
                         "benefit",
                         "stacking",
                         "medal_titles",
                         "upgrade",
                         "yearly_review",
                         "caps",
                         "target_only",
                         "vocabulary",
                         "measures",
                         "document",
                         "period",
                         "from",
                         "to",
                         "dated",
                         "city",
                         "in",
                         "not_in",
                         "min",
                         "max",
                         "present",
                         "fixed",
                         "range",
                         "up_to",
                         "floor",
                         "percent",
                         "unstated",
                         "none",
                         "once",
                         "monthly",
                         "yearly",
                         "count",
                         "count_from",
                         "max_count",
                         "yuan",
                         "min_yuan",
                         "max_yuan",
                         "of",
                         "label",
                         "zh",
                         "en",
                         "who",
                         "share",
                         "1",
                         "1/2",
                         "1/3",
                         "2/3",
                         "0/1",
                         "*",
                         "highest",
                         "achievement",
                         "applicant",
                         "applicant_year",
                         "event.rank",
                         "event.tier",
                         "event.count",
                         "event.years",
                         "event.annual_salary_yuan",
                         "event.level",
                         "applicant.age",
                         "applicant.employer",
                         "event.hires",
                         "person",
                         "enterprise",
                         "school",
                         "training_base",
                         "other_unit",
                         "competition",
                         "skill_level",
                         "hire",
                         "title",
                         "platform",
                         "weihai",
                         "yantai",
                         "jining",
                         "rizhao",
                         "city_finance",
                         "not_stated",
                         "national_class1",
                         "technician",
                         "2025-01-01",
                         "2019-02-29",
                         "2200-12-31",
                         "1900-01-01",
                         "9999-12-31",
                         "WH25",
                         "WH21",
                         "YT24",
                         "JN24",
                         "RZ19",
                         "WH21-01",
                         "5万元",
                         "999999999999.9999万元",
                         "一万五千元",
                         "30%",
                         "3—5万元",
                         "",
                         "money_one_time",
                         "money_periodic",
                         "non_monetary",
                         "{c}",
                         "cities",
                         "applicant_kinds",
                         "fields",
                         "event_types",
                         "values",
                         "add_values",
                         "values_from",
                         "type",
                         "int",
                         "enum",
                         "def"};

json interesting(std::mt19937& rng, const json& like) {
  static const long long ints[] = {0,
                                   -1,
                                   1,
                                   2,
                                   3,
                                   31,
                                   32,
                                   33,
                                   100,
                                   101,
                                   600,
                                   601,
                                   10000,
                                   1000000,
                                   1000000000,
                                   1000000001,
                                   2147483647,
                                   4294967296LL,
                                   9223372036854775807LL,
                                   -9223372036854775807LL - 1};
  switch (rng() % 9) {
    case 0:
      return ints[rng() % (sizeof ints / sizeof *ints)];
    case 1:
      return 18446744073709551615ULL;
    case 2:
      return 1e300;
    case 3:
      return nullptr;
    case 4:
      return rng() % 2 == 0;
    case 5:
      return json::array({like});
    case 6:
      return json::object({{kTokens[rng() % (sizeof kTokens / sizeof *kTokens)], like}});
    default:
      return kTokens[rng() % (sizeof kTokens / sizeof *kTokens)];
  }
}

void collect(json& j, std::vector<json*>& out, int depth) {
  out.push_back(&j);
  if (depth > 24 || !j.is_structured()) return;
  for (auto& x : j) collect(x, out, depth + 1);
}

bool mutate(json& root, std::mt19937& rng) {
  std::vector<json*> nodes;
  collect(root, nodes, 0);
  json& n = *nodes[rng() % nodes.size()];
  switch (rng() % 6) {
    case 0:  // replace by an interesting value
      n = interesting(rng, n.is_structured() ? json() : n);
      return true;
    case 1:  // delete a member or element
      if (n.is_object() && !n.empty()) {
        auto it = n.begin();
        std::advance(it, rng() % n.size());
        n.erase(it);
        return true;
      }
      if (n.is_array() && !n.empty()) {
        n.erase(n.begin() + static_cast<long>(rng() % n.size()));
        return true;
      }
      return false;
    case 2:  // duplicate an element of an array (same ids twice, more items)
      if (n.is_array() && !n.empty() && n.size() < 200) {
        n.push_back(json(n[rng() % n.size()]));
        return true;
      }
      return false;
    case 3:  // put a copy of another node here
      if (nodes.size() > 1) {
        json copy = *nodes[rng() % nodes.size()];
        n = std::move(copy);
        return true;
      }
      return false;
    case 4:  // add a member with a known key
      if (n.is_object()) {
        n[kTokens[rng() % (sizeof kTokens / sizeof *kTokens)]] = interesting(rng, json());
        return true;
      }
      return false;
    default:  // edit a string or a number in place
      if (n.is_string()) {
        std::string s = n.get<std::string>();
        std::string t = kTokens[rng() % (sizeof kTokens / sizeof *kTokens)];
        s = rng() % 2 ? s + t : t + s;
        n = s;
        return true;
      }
      if (n.is_number_integer()) {  // one step up or down, never past the ends of long long
        long long v = n.get<long long>();
        n = rng() % 2 ? (v == std::numeric_limits<long long>::max() ? v : v + 1)
                      : (v == std::numeric_limits<long long>::min() ? v : v - 1);
        return true;
      }
      return false;
  }
}

int nesting(const uint8_t* d, size_t n) {
  int depth = 0, worst = 0;
  for (size_t i = 0; i < n; ++i)
    if (d[i] == '[' || d[i] == '{')
      worst = std::max(worst, ++depth);
    else if (d[i] == ']' || d[i] == '}')
      --depth;
  return worst;
}

}  // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned int seed) {
  std::mt19937 rng(seed);
  if (rng() % 2 == 0 || nesting(data, size) > 40) return LLVMFuzzerMutate(data, size, max_size);
  json j = json::parse(data, data + size, nullptr, false);
  if (j.is_discarded() || !j.is_structured()) return LLVMFuzzerMutate(data, size, max_size);
  int rounds = 1 + static_cast<int>(rng() % 3);
  bool changed = false;
  for (int i = 0; i < rounds; ++i) changed = mutate(j, rng) || changed;
  if (!changed) return LLVMFuzzerMutate(data, size, max_size);
  std::string out = j.dump(-1, ' ', false, json::error_handler_t::replace);
  if (out.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
  std::copy(out.begin(), out.end(), data);
  return out.size();
}
