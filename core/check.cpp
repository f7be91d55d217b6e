// The quote check of `skillcalc check` (check.hpp).
#include "check.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "cases.hpp"
#include "claim.hpp"
#include "json_text.hpp"
#include "lint.hpp"
#include "load.hpp"
#include "money.hpp"
#include "render.hpp"
#include "skillcalc.hpp"

namespace skillcalc {

namespace {

// The length of the UTF-8 character that starts with byte c.
size_t char_length(unsigned char c) {
  return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

// For a quote that is not in the text: the last characters of its longest beginning that is (up to 12), and the
// characters that follow it in the quote (up to 12), so that an author sees where the copy went wrong.
std::pair<std::string, std::string> where_quote_differs(const std::string& text, const std::string& quote) {
  std::vector<size_t> ends;  // character boundaries of the quote
  for (size_t i = 0; i < quote.size(); i += char_length(static_cast<unsigned char>(quote[i]))) ends.push_back(i);
  ends.push_back(quote.size());
  size_t lo = 0, hi = ends.size() - 1;  // ends[lo] is found; ends[hi]: the whole quote, not found
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    (text.find(quote.substr(0, ends[mid])) != std::string::npos ? lo : hi) = mid;
  }
  if (lo < 4) return {"", ""};  // a few characters in common say nothing
  size_t from = lo > 12 ? lo - 12 : 0, to = std::min(ends.size() - 1, lo + 12);
  return {quote.substr(ends[from], ends[lo] - ends[from]), quote.substr(ends[lo], ends[to] - ends[lo])};
}

}  // namespace

size_t check_quotes(const Model& m, const std::vector<SourceFile>& sources, Problems& p) {
  size_t quotes = 0;
  const auto own_stacking = own_index(m.stackings), own_cap = own_index(m.caps), own_pool = own_index(m.pools);
  for (auto& d : m.documents) {
    const SourceFile* src = nullptr;
    for (auto& s : sources)
      if (s.name == d.folder + "/source.txt") src = &s;
    std::string file = d.folder + "/rules.json";
    if (!src) {
      p.add(file, "/document", "missing_source", "缺少政策原文 " + d.folder + "/source.txt",
            "the policy text " + d.folder + "/source.txt is missing");
      continue;
    }
    std::string text = squeeze(src->text);
    auto find = [&](const std::string& q, const std::string& path, const std::string& id) {
      ++quotes;
      std::string sq = squeeze(q);
      if (text.find(sq) != std::string::npos) return;
      auto [same, next] = where_quote_differs(text, sq);
      p.add(file, path, "quote_not_in_source",
            id + " 的引用不见于政策原文" +
                (same.empty() ? "（开头就不同）" : "：原文中找得到“…" + same + "”，其后的“" + next + "”不同"),
            "the quote of " + id + " is not in the policy text" +
                (same.empty() ? " (it differs from its first characters)"
                              : ": the text has '…" + same + "' but not what follows, '" + next + "'"));
    };
    if (!d.period_quote.empty()) find(d.period_quote, "/document/period_quote", d.id);
    const int di = static_cast<int>(&d - &m.documents[0]);
    for (size_t k = 0; k < d.measures.size(); ++k) {
      const Measure& x = m.measures[d.measures[k]];
      for (size_t f = 0; f < x.fragments.size(); ++f)
        find(x.fragments[f],
             "/measures/" + std::to_string(k) + "/quote" + (x.fragments.size() > 1 ? "/" + std::to_string(f) : ""),
             x.id);
    }
    for (size_t i = 0; i < m.stackings.size(); ++i)
      if (m.stackings[i].doc == di)
        find(m.stackings[i].quote, pointer_in_file("stacking", own_stacking, i) + "/quote", m.stackings[i].id);
    for (size_t i = 0; i < m.caps.size(); ++i)
      if (m.caps[i].doc == di) find(m.caps[i].quote, pointer_in_file("caps", own_cap, i) + "/quote", m.caps[i].id);
    for (size_t i = 0; i < m.pools.size(); ++i)
      if (m.pools[i].doc == di) find(m.pools[i].quote, pointer_in_file("pools", own_pool, i) + "/quote", m.pools[i].id);
    check_claim_quotes(m, di, text, p);
  }
  return quotes;
}

}  // namespace skillcalc

namespace skillcalc {

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

struct CaseRun {
  size_t cases = 0, failed = 0;
  std::set<std::string> named;  // the clause ids and prefixes the cases name
};

// Is `id` a measure id, or the beginning of one?
bool names_a_measure(const Model& m, const std::string& id) {
  for (auto& x : m.measures)
    if (x.id.rfind(id, 0) == 0) return true;
  return false;
}

// A case is an object with a name, a situation and a non-empty expectation whose clause ids exist.
bool case_is_well_formed(const Model& m, const json& c, const std::string& file, const std::string& at, Problems& p) {
  if (!c.is_object() || !c.contains("name") || !c["name"].is_string() || !c.contains("situation") ||
      !c.contains("expect") || !c["expect"].is_object() || c["expect"].empty()) {
    p.add(file, at, "bad_case", "案例须为 {\"name\": 一句话, \"situation\": {…}, \"expect\": {…}}，expect 不能为空",
          "a case is {\"name\": a sentence, \"situation\": {…}, \"expect\": {…}} with a non-empty expect");
    return false;
  }
  bool ok = true;
  for (auto& [k, _] : c["expect"].items())
    if (!is_expect_key(k)) {
      p.add(file, at + "/expect/" + k, "bad_case", "未知的预期“" + k + "”（可用的预期见 FORMAT.md 的 cases.json 一节）",
            "unknown expectation '" + k + "' (the known ones are in FORMAT.md, cases.json)");
      ok = false;
    }
  for (auto& id : expected_ids(c["expect"]))
    if (!names_a_measure(m, id)) {
      p.add(file, at + "/expect", "bad_case",
            "案例“" + c["name"].get<std::string>() + "”提到的条款标识“" + id + "”不是任何措施的标识或其开头",
            "case '" + c["name"].get<std::string>() + "' names clause id '" + id + "', which begins no measure's id");
      ok = false;
    }
  return ok;
}

void run_case_file(const Engine& e, const SourceFile& f, std::string_view today, Problems& p, CaseRun& run) {
  json cases;
  TextPosition at;
  if (!parse_json_at(f.text, cases, at)) return add_invalid_json(p, f.name, at);
  if (!cases.is_array())
    return p.add(f.name, "", "not_array", "cases.json 必须是数组 [ … ]", "cases.json must be an array [ … ]");
  for (size_t k = 0; k < cases.size(); ++k) {
    const json& c = cases[k];
    std::string ptr = "/" + std::to_string(k);
    ++run.cases;
    if (!case_is_well_formed(e.model(), c, f.name, ptr, p)) {
      ++run.failed;
      continue;
    }
    for (auto& id : expected_ids(c["expect"])) run.named.insert(id);
    json r = json::parse(e.evaluate(c["situation"].dump(), today), nullptr, false);
    std::vector<std::string> bad = case_differences(c["expect"], r);
    if (bad.empty()) continue;
    ++run.failed;
    std::string why;
    for (auto& b : bad) why += (why.empty() ? "" : "; ") + b;
    std::string name = c["name"].get<std::string>();
    p.add(f.name, ptr, "case_fails", "案例不成立：“" + name + "”：" + why,
          "case does not hold: '" + name + "': " + why);
  }
}

// A monetary measure that no case names (by its id or a beginning of it) is unchecked: a warning, not a failure.
void unnamed_measures(const Model& m, const CaseRun& run, Problems& w) {
  for (auto& d : m.documents)
    for (size_t k = 0; k < d.measures.size(); ++k) {
      const Measure& x = m.measures[d.measures[k]];
      if (!x.monetary()) continue;
      bool named = false;
      for (auto& id : run.named) named = named || x.id.rfind(id, 0) == 0;
      if (!named)
        w.add(d.folder + "/rules.json", "/measures/" + std::to_string(k), "measure_without_case",
              "没有案例检验措施“" + x.id + "”", "no case checks measure '" + x.id + "'");
    }
}

std::string counted(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string check_folder(const std::vector<SourceFile>& files, const std::vector<SourceFile>& sources,
                         const std::vector<SourceFile>& cases, std::string_view today) {
  try {
    std::string report;
    auto engine = Engine::load(files, &report);
    if (!engine) {
      ojson r = ojson::parse(report, nullptr, false);
      if (!r.is_object() || !r.contains("problems")) return report;
      size_t n = r["problems"].size();
      r["summary"] = {{"zh", "规则无法加载：" + std::to_string(n) + " 个问题"},
                      {"en", "the rules do not load: " + counted(n, "problem", "problems")}};
      return r.dump(-1, ' ', false, ojson::error_handler_t::replace);
    }
    const Model& m = engine->model();
    Problems p, w;
    size_t quotes = check_quotes(m, sources, p);
    CaseRun run;
    for (auto& f : cases) run_case_file(*engine, f, today, p, run);
    lint_documents(m, w);
    unnamed_measures(m, run, w);
    std::vector<SourceFile> texts = files;
    texts.insert(texts.end(), cases.begin(), cases.end());
    locate_problems(p, texts);
    locate_problems(w, texts);
    ojson r = ojson::parse(p.json_report("rules, sources and cases"));
    r["counts"] = {{"documents", m.documents.size()},
                   {"measures", m.measures.size()},
                   {"quotes", quotes},
                   {"cases", run.cases},
                   {"cases_failing", run.failed}};
    std::string what_zh = std::to_string(m.documents.size()) + " 份文件、" + std::to_string(m.measures.size()) +
                          " 项措施、" + std::to_string(quotes) + " 处引文、" + std::to_string(run.cases) + " 个案例";
    std::string what_en = counted(m.documents.size(), "document", "documents") + ", " +
                          counted(m.measures.size(), "measure", "measures") + ", " +
                          counted(quotes, "quote", "quotes") + ", " + counted(run.cases, "case", "cases");
    size_t n = p.list.size();
    r["summary"] = {{"zh", what_zh + (n ? "：" + std::to_string(n) + " 个问题" : "：全部成立")},
                    {"en", what_en + (n ? ": " + counted(n, "problem", "problems") : ": all hold")}};
    ojson ws = ojson::parse(w.json_report(""))["problems"];
    r["warnings"] = ws;
    return r.dump(-1, ' ', false, ojson::error_handler_t::replace);
  } catch (const std::exception& e) {
    return render_error("internal_error", "", std::string("内部错误：") + e.what(),
                        std::string("internal error: ") + e.what());
  }
}

}  // namespace skillcalc
