// The Engine: loading, and the JSON-in JSON-out entry points. Nothing escapes as an exception.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "check.hpp"
#include "claim.hpp"
#include "day.hpp"
#include "documents.hpp"
#include "evaluate.hpp"
#include "intern.hpp"
#include "json_text.hpp"
#include "lint.hpp"
#include "load.hpp"
#include "money.hpp"
#include "render.hpp"
#include "skillcalc.hpp"
#include "strict_json.hpp"

namespace skillcalc {

using ojson = nlohmann::ordered_json;

std::string Problems::json_report(const char* what) const {
  ojson r;
  r["ok"] = list.empty();
  r["checked"] = what;
  ojson ps = ojson::array();
  for (auto& p : list) {
    ojson o = {{"file", p.file}, {"path", p.path}};
    if (p.line) o["line"] = p.line;
    if (p.column) o["column"] = p.column;
    o["code"] = p.code, o["zh"] = p.zh, o["en"] = p.en;
    ps.push_back(std::move(o));
  }
  r["problems"] = ps;
  return r.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

namespace {

std::string fnv_hex(const std::vector<SourceFile>& files) {
  unsigned long long h = 1469598103934665603ULL;
  for (auto& f : files)
    for (const std::string* s : {&f.name, &f.text}) {
      for (unsigned char c : *s) h = (h ^ c) * 1099511628211ULL;
      h = (h ^ 0xff) * 1099511628211ULL;
    }
  char b[17];
  snprintf(b, sizeof b, "%016llx", h);
  return std::string(b, 12);
}

// The ids under "cities" in the order the file writes them (the parsed object keeps them sorted): the order a page
// offers the cities in.
// A pass over the text that builds nothing: the keys two levels down under the top object's "cities" object.
struct TopKeys : JsonSaxTypes {
  const char* member;  // the top-level object whose keys are listed ("cities", "event_types")
  std::vector<std::string>& out;
  int depth = 0;
  bool in_cities = false;  // reading the members of `member`
  bool next_is_cities = false;

  bool value() { return next_is_cities = false, true; }
  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(number_integer_t) { return value(); }
  bool number_unsigned(number_unsigned_t) { return value(); }
  bool number_float(number_float_t, const string_t&) { return value(); }
  bool string(string_t&) { return value(); }
  bool binary(binary_t&) { return value(); }
  bool start_object(std::size_t) {
    if (depth == 1) in_cities = next_is_cities;
    next_is_cities = false;
    return ++depth, true;
  }
  bool key(string_t& k) {
    if (depth == 1) next_is_cities = k == member;
    if (depth == 2 && in_cities) out.push_back(k);
    return true;
  }
  bool end_object() {
    if (--depth == 1) in_cities = false;
    return true;
  }
  bool start_array(std::size_t) { return next_is_cities = false, ++depth, true; }
  bool end_array() { return --depth, true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }
};

std::vector<std::string> keys_in_order(const std::string& text, const char* member) {
  std::vector<std::string> out;
  TopKeys keys{{}, member, out};
  json::sax_parse(text.begin(), text.end(), &keys, nlohmann::detail::input_format_t::json, true);
  return out;
}

bool is_rule_file(const std::string& name) {
  return name.size() > 11 && name.compare(name.size() - 11, 11, "/rules.json") == 0;
}

bool is_claim_file(const std::string& name) {
  return name == "claim.json" || (name.size() > 11 && name.compare(name.size() - 11, 11, "/claim.json") == 0);
}

std::unique_ptr<Model> build(const std::vector<SourceFile>& input, Problems& problems) {
  auto m = std::make_unique<Model>();
  std::vector<SourceFile> files = input;
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  m->version = fnv_hex(files);
  std::vector<std::pair<std::string, json>> parsed, claims;
  bool have_vocab = false;
  for (auto& f : files) {
    if (f.name != "vocabulary.json" && !is_rule_file(f.name) && !is_claim_file(f.name)) continue;
    json j;
    JsonFault fault;
    if (!parse_strict(f.text, j, fault)) {
      TextPosition at;  // a syntax error is named by line and column; the other faults by their path
      if (fault.code == "invalid_json" && !parse_json_at(f.text, j, at))
        add_invalid_json(problems, f.name, at);
      else
        problems.add(f.name, fault.path, fault.code, fault.zh, fault.en);
      continue;
    }
    if (f.name == "vocabulary.json") {
      Reader(problems, f.name).vocabulary(j, m->vocab, true);
      m->vocab.city_order = keys_in_order(f.text, "cities");
      m->vocab.event_type_order = keys_in_order(f.text, "event_types");
      have_vocab = true;
    } else if (is_claim_file(f.name)) {
      claims.push_back({f.name, std::move(j)});
    } else {
      parsed.push_back({f.name, std::move(j)});
    }
  }
  if (!have_vocab)
    problems.add("vocabulary.json", "", "missing_file", "缺少 vocabulary.json", "vocabulary.json is missing");
  for (auto& [name, j] : parsed)
    if (j.is_object() && j.contains("vocabulary")) {
      Reader r(problems, name);
      r.vocabulary(j["vocabulary"], m->vocab, false);
      for (auto& [city, _] : m->vocab.cities)
        if (std::find(m->vocab.city_order.begin(), m->vocab.city_order.end(), city) == m->vocab.city_order.end())
          m->vocab.city_order.push_back(city);
    }
  Reader(problems, "vocabulary.json").check_vocabulary(m->vocab);
  if (std::none_of(files.begin(), files.end(), [](const SourceFile& f) { return is_rule_file(f.name); }))
    problems.add("", "", "no_rules", "没有任何规则文件（*/rules.json）", "no rule files (*/rules.json)");
  for (auto& [name, j] : parsed) {
    Reader(problems, name).rules(j, *m, name.substr(0, name.size() - 11));
    lint_rule_file(j, name, problems);
  }
  read_claims(*m, claims, problems);
  link_and_verify(*m, problems);
  if (problems.empty()) intern_model(*m), prerender(*m);
  return m;
}

}  // namespace

Engine::Engine(std::unique_ptr<Model> m) : model_(std::move(m)) {}
Engine::~Engine() = default;

const std::string& Engine::rules_version() const {
  return model_->version;
}

std::unique_ptr<Engine> Engine::load(const std::vector<SourceFile>& files, std::string* report) {
  try {
    Problems problems;
    auto m = build(files, problems);
    if (!problems.empty()) {
      locate_problems(problems, files);
      if (report) *report = problems.json_report("rules");
      return nullptr;
    }
    return std::unique_ptr<Engine>(new Engine(std::move(m)));
  } catch (const std::exception& e) {
    if (report)
      *report = render_error("internal_error", "", std::string("内部错误：") + e.what(),
                             std::string("internal error: ") + e.what());
    return nullptr;
  }
}

// The result is written into a buffer kept from call to call, then copied out at its size: one allocation, where
// writing into a fresh string would grow it several times.
std::string Engine::evaluate(std::string_view situation, std::string_view today) const {
  thread_local std::string buffer;
  evaluate_into(buffer, situation, today, false);
  return buffer;
}

std::string Engine::evaluate_compact(std::string_view situation, std::string_view today) const {
  thread_local std::string buffer;
  evaluate_into(buffer, situation, today, true);
  return buffer;
}

void Engine::evaluate_into(std::string& out, std::string_view situation, std::string_view today, bool compact) const {
  out.resize(evaluate_at(out, 0, situation, today, compact));
}

void Engine::evaluate_tape(std::string& out, std::string_view situation, std::string_view today, bool compact,
                           Tape& tape) const {
  tape.ops.clear();
  tape.too_long = false;
  out.resize(evaluate_at(out, 0, situation, today, compact, &tape));
  if (tape.too_long) tape.ops.clear(), evaluate_into(out, situation, today, compact);
}

namespace {

// An error answer written at `at`: its end.
size_t error_at(std::string& out, size_t at, const std::string& error) {
  if (out.size() < at + error.size()) out.resize(at + error.size());
  out.replace(at, error.size(), error);
  return at + error.size();
}

}  // namespace

size_t Engine::evaluate_at(std::string& out, size_t at, std::string_view situation, std::string_view today,
                           bool compact, Tape* tape) const {
  try {
    Situation s;
    InputError err;
    Day t = parse_day(today);
    if (!t) return error_at(out, at, render_error("invalid_input", "", "今天的日期无效", "today's date is not valid"));
    if (!parse_situation(situation, t, *model_, s, err))
      return error_at(out, at, render_error(err.code, err.path, err.zh, err.en));
    Evaluation ev;
    if (!skillcalc::evaluate(*model_, s, ev, err))
      return error_at(out, at, render_error(err.code, err.path, err.zh, err.en));
    return render_result_at(out, at, *model_, s, ev, compact, tape);
  } catch (const std::exception& e) {
    if (tape) tape->ops.clear();  // the text of the error, not the ops written before it
    return error_at(out, at,
                    render_error("internal_error", "", std::string("内部错误：") + e.what(),
                                 std::string("internal error: ") + e.what()));
  }
}

std::string Engine::documents(std::string_view today) const {
  const Model& m = *model_;
  Day day = today.empty() ? 0 : parse_day(today);
  ojson docs = ojson::array();
  for (auto& d : m.documents) {
    int money = 0, non_money = 0, unstated = 0;
    for (int mi : d.measures) {
      const Measure& x = m.measures[mi];
      ++(x.unstated() ? unstated : x.monetary() ? money : non_money);  // as `rules` counts them
    }
    ojson j;
    j["id"] = d.id;
    j["city"] = d.city;
    j["number"] = d.number;
    j["title"] = d.title;
    j["issuer"] = d.issuer;
    j["dated"] = day_iso(d.dated);
    j["period"] = {{"from", day_iso(d.from)}, {"to", d.to == kNoEnd ? ojson() : ojson(day_iso(d.to))}};
    std::string superseded_in_part;
    for (int mi : d.measures)
      for (int by : m.measures[mi].superseded_by) superseded_in_part = m.documents[m.measures[by].doc].number;
    Text says;
    j["status"] = document_status(d, day ? day : d.from, says);  // as a result's "documents" says it
    j["says"] = {{"zh", says.zh}, {"en", says.en}};
    if (!superseded_in_part.empty()) j["superseded_in_part_by"] = superseded_in_part;
    j["measures"] = {{"monetary", money},
                     {"non_monetary", non_money},
                     {"unstated", unstated},
                     {"target_only", d.target_only.size()}};
    docs.push_back(j);
  }
  // Every city of the vocabulary, in its order, with how many documents it has: pages list cities in this order.
  ojson cities = ojson::array();
  for (auto& id : m.vocab.city_order) {
    auto c = m.vocab.cities.find(id);
    if (c == m.vocab.cities.end()) continue;
    cities.push_back(
        {{"id", id}, {"zh", c->second.zh}, {"en", c->second.en}, {"documents", m.docs_of_city(id).size()}});
  }
  ojson r = {{"ok", true}, {"rules_version", m.version}, {"cities", cities}, {"documents", docs}};
  return r.dump();
}

std::string Engine::rules_summary() const {
  const Model& m = *model_;
  ojson docs = ojson::array();
  size_t all = 0;
  for (auto& d : m.documents) {
    ojson enc = ojson::array(), nonm = ojson::array(), unst = ojson::array(), targ = ojson::array();
    for (int mi : d.measures) {
      const Measure& x = m.measures[mi];
      (x.unstated() ? unst : x.monetary() ? enc : nonm).push_back(x.id);
    }
    for (auto& t : d.target_only) targ.push_back(t.first);
    all += d.measures.size() + d.target_only.size();
    ojson j;
    j["id"] = d.id;
    j["number"] = d.number;
    j["city"] = d.city;
    j["counts"] = {{"monetary", enc.size()},
                   {"non_monetary", nonm.size()},
                   {"unstated", unst.size()},
                   {"target_only", targ.size()}};
    j["monetary"] = enc;
    j["non_monetary"] = nonm;
    j["unstated"] = unst;
    j["target_only"] = targ;
    docs.push_back(j);
  }
  ojson r = {{"ok", true}, {"rules_version", m.version}, {"ids", all}, {"documents", docs}};
  return r.dump(2);
}

std::string Engine::check(const std::vector<SourceFile>& sources) const {
  try {
    Problems p;
    check_quotes(*model_, sources, p);
    return p.json_report("rules and sources");
  } catch (const std::exception& e) {
    return render_error("internal_error", "", std::string("内部错误：") + e.what(),
                        std::string("internal error: ") + e.what());
  }
}

std::string check_rules(const std::vector<SourceFile>& files, const std::vector<SourceFile>& sources) {
  std::string report;
  auto engine = Engine::load(files, &report);
  if (!engine) return report;
  return engine->check(sources);
}

}  // namespace skillcalc
