#include "claim.hpp"

#include <map>
#include <set>

#include "city_bound.hpp"
#include "load.hpp"
#include "money.hpp"

namespace skillcalc {

namespace {

constexpr const char* kClaimFile = "claim.json";

bool is_doc_claim_file(const std::string& name) {
  const std::string tail = std::string("/") + kClaimFile;
  return name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
}

// The shared words: where to ask, and role names.
void read_words(Reader& r, const json& j, Model& m) {
  if (!j.is_object()) return r.bad("", "not_object", "claim.json 必须是对象", "claim.json must be an object");
  for (auto& [k, _] : j.items())
    if (k != "ask" && k != "ask_no_unit" && k != "roles" && k != "comment")
      r.bad("/" + k, "unknown_key", "未知字段“" + k + "”", "unknown key '" + k + "'");
  ClaimWords& w = m.claim_words;
  w.ask = r.text(key(j, "ask"), "/ask");
  w.ask_no_unit = r.text(key(j, "ask_no_unit"), "/ask_no_unit");
  if (w.ask.zh.find("{unit}") == std::string::npos || w.ask.en.find("{unit}") == std::string::npos)
    r.bad("/ask", "missing_field", "ask 必须含 {unit}（办理单位）", "ask must hold {unit} (the handling unit)");
  const json& roles = key(j, "roles");
  if (!roles.is_object())
    r.bad("/roles", "not_object", "roles 必须是对象", "roles must be an object");
  else
    for (auto& [id, t] : roles.items()) w.roles[id] = r.text(t, "/roles/" + id);
}

// One sentence with its quote. `unit`: the words must be the text's own (found in the quote), with a role.
bool read_quoted(Reader& r, const json& j, const std::string& path, const std::string& file, bool unit, const Model& m,
                 Quoted& out, std::string* role, bool timed = false) {
  if (!j.is_object()) {
    r.bad(path, "not_object", "必须是含 zh、en 和 quote 的对象", "must be an object with zh, en and quote");
    return false;
  }
  for (auto& [k, _] : j.items())
    if (k != "zh" && k != "en" && k != "quote" && !(unit && k == "role") && !(timed && k == "years_later"))
      r.bad(path + "/" + k, "unknown_key", "未知字段“" + k + "”", "unknown key '" + k + "'");
  out.text = r.text(j, path);
  out.quote = r.str(j, path, "quote");
  out.file = file;
  out.path = path + "/quote";
  if (timed && j.contains("years_later")) {
    long long n = r.integer(j, path, "years_later");
    if (n < 0 || n > 10)
      r.bad(path + "/years_later", "out_of_range", "years_later 须为 0 到 10 的整数（次年：1）",
            "years_later must be a whole number from 0 to 10 (the following year: 1)");
    else
      out.years_later = static_cast<int>(n);
  }
  if (!out.quote.empty() && squeeze(out.quote).empty())
    r.bad(path + "/quote", "missing_quote", "原文引用为空", "the quote is empty");
  if (unit) {
    *role = r.str(j, path, "role");
    if (!role->empty() && !m.claim_words.roles.count(*role))
      r.bad(path + "/role", "unknown_id", "未知角色“" + *role + "”（见 rules/claim.json roles）",
            "unknown role '" + *role + "' (see rules/claim.json roles)");
    if (!out.text.zh.empty() && squeeze(out.quote).find(squeeze(out.text.zh)) == std::string::npos)
      r.bad(path + "/zh", "unit_not_in_quote", "办理单位“" + out.text.zh + "”须照录其引用中的原文",
            "the handling unit '" + out.text.zh + "' must be written as in its quote");
  }
  return !out.quote.empty();
}

// The claim parts of one level (document, a clause, a measure): each present key overrides the level above.
struct Level {
  bool has_unit = false, has_paid = false, has_cadence = false;
  Quoted unit, paid, cadence;
  std::string role;
};

Level read_level(Reader& r, const json& j, const std::string& path, const std::string& file, const Model& m,
                 Document& d, bool top) {
  Level l;
  if (!j.is_object()) {
    r.bad(path, "not_object", "必须是对象", "must be an object");
    return l;
  }
  for (auto& [k, _] : j.items()) {
    bool ok = k == "handled_by" || k == "paid" || k == "comment" ||
              (top ? k == "clauses" || k == "measures" : k == "cadence");
    if (!ok) r.bad(path + "/" + k, "unknown_key", "未知字段“" + k + "”", "unknown key '" + k + "'");
  }
  if (j.contains("handled_by"))
    l.has_unit = read_quoted(r, j["handled_by"], path + "/handled_by", file, true, m, l.unit, &l.role);
  if (j.contains("paid")) {
    l.has_paid = true;  // null: the text says nothing of payment here, whatever the level above says
    if (!j["paid"].is_null()) read_quoted(r, j["paid"], path + "/paid", file, false, m, l.paid, nullptr, true);
  }
  if (j.contains("cadence")) {
    l.has_cadence = true;
    if (!j["cadence"].is_null()) read_quoted(r, j["cadence"], path + "/cadence", file, false, m, l.cadence, nullptr);
  }
  for (const Quoted* q : {&l.unit, &l.paid, &l.cadence})
    if (q->set()) d.claim_quotes.push_back(*q);
  return l;
}

void apply(const Level& l, Measure& x) {
  if (l.has_unit) x.claim.handled_by = l.unit, x.claim.role = l.role;
  if (l.has_paid) x.claim.paid = x.monetary() ? l.paid : Quoted{};
  if (l.has_cadence) x.claim.cadence = l.cadence;
}

void read_document_claim(Reader& r, const json& j, const std::string& file, Model& m, int di) {
  Document& d = m.documents[di];
  Level top = read_level(r, j, "", file, m, d, true);
  std::map<std::string, Level> clauses, measures;
  const json& cs = key(j, "clauses");
  if (!cs.is_null() && !cs.is_object())
    r.bad("/clauses", "not_object", "clauses 必须是对象", "clauses must be an object");
  if (cs.is_object())
    for (auto& [c, v] : cs.items()) {
      bool found = false;
      for (int mi : d.measures) found = found || m.measures[mi].clause == c;
      if (!found)
        r.bad("/clauses/" + c, "unknown_reference", "本文件没有第“" + c + "”条的措施",
              "no measure of this document has clause '" + c + "'");
      clauses[c] = read_level(r, v, "/clauses/" + c, file, m, d, false);
    }
  const json& ms = key(j, "measures");
  if (!ms.is_null() && !ms.is_object())
    r.bad("/measures", "not_object", "measures 必须是对象", "measures must be an object");
  if (ms.is_object())
    for (auto& [id, v] : ms.items()) {
      bool found = false;
      for (int mi : d.measures) found = found || m.measures[mi].id == id;
      if (!found)
        r.bad("/measures/" + id, "unknown_reference", "本文件没有措施“" + id + "”",
              "no measure '" + id + "' in this document");
      measures[id] = read_level(r, v, "/measures/" + id, file, m, d, false);
    }
  for (int mi : d.measures) {
    Measure& x = m.measures[mi];
    apply(top, x);
    if (auto c = clauses.find(x.clause); c != clauses.end()) apply(c->second, x);
    if (auto k = measures.find(x.id); k != measures.end()) apply(k->second, x);
    if (!x.claim.handled_by.set())
      r.bad("/handled_by", "missing_field", "措施“" + x.id + "”没有办理单位（文件、条款或措施一级的 handled_by）",
            "measure '" + x.id + "' has no handling unit (handled_by of the document, its clause or itself)");
  }
}

void quoted_json(JsonWriter& w, const Quoted& q) {
  w.begin_object().field("zh", q.text.zh).field("en", q.text.en).field("quote", q.quote);
  if (q.years_later >= 0) w.field("years_later", static_cast<long long>(q.years_later));
  w.end_object();
}

std::string replace_unit(std::string t, const std::string& unit) {
  auto at = t.find("{unit}");
  return at == std::string::npos ? t : t.replace(at, 6, unit);
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z')) s[0] += 'a' - 'A';
  return s;
}

struct Words {
  std::string zh, en;
};

// The situation's value of a fact; none for a city-bound fact asked again here (it describes another city).
const Value* value_of(const Path& p, const Event& e, const Situation& s) {
  if (asked(p, e, s)) return nullptr;
  return p.scope == Path::Scope::Event ? e.fields.get(p.field) : s.applicant.get(p.field);
}

// The question's words for a field: the event type's own label, else its definition's; the applicant field's label.
Text field_label(const Model& m, const Path& p, const std::string& event) {
  if (p.scope == Path::Scope::Applicant) {
    auto af = m.vocab.applicant_fields.find(p.field);
    return af == m.vocab.applicant_fields.end() ? Text{p.field, p.field} : af->second.label;
  }
  auto et = m.vocab.event_types.find(event);
  if (et == m.vocab.event_types.end()) return {p.field, p.field};
  if (auto l = et->second.labels.find(p.field); l != et->second.labels.end()) return l->second;
  for (auto& f : et->second.fields)
    if (f.first == p.field)
      if (auto d = m.vocab.fields.find(f.second); d != m.vocab.fields.end()) return d->second.label;
  return {p.field, p.field};
}

// "职业技能等级：技师" / "skill level: Technician", with the bound a number must meet.
bool condition_words(const Model& m, const Condition& c, const Event& e, const Situation& s, const std::string& event,
                     Words& out) {
  const Test& t = c.test;
  if (t.kind == Test::Kind::Present && !t.present) return false;  // an absence is nothing to bring
  if (t.kind == Test::Kind::Eq && t.values[0].kind == Value::Kind::Bool && !t.values[0].b) return false;
  const Value* v = value_of(c.path, e, s);
  if (!v) return false;
  Text label = field_label(m, c.path, event);
  Words val;
  switch (v->kind) {
    case Value::Kind::Int:
      val = {std::to_string(v->i), std::to_string(v->i)};
      break;
    case Value::Kind::Bool:
      val = {v->b ? "是" : "否", v->b ? "yes" : "no"};
      break;
    case Value::Kind::Text:
      if (const Text* l = m.vocab.label(v->s))
        val = {l->zh, l->en};
      else
        val = {v->s, v->s};
      break;
    default:
      return false;
  }
  out.zh = label.zh + "：" + val.zh;
  out.en = lower_first(label.en) + ": " + val.en;
  if (t.kind == Test::Kind::Range) {
    if (t.has_min && t.has_max)
      out.zh += "（须在" + std::to_string(t.min) + "至" + std::to_string(t.max) + "之间）",
          out.en += " (needs " + std::to_string(t.min) + " to " + std::to_string(t.max) + ")";
    else if (t.has_min)
      out.zh += "（须≥" + std::to_string(t.min) + "）", out.en += " (needs at least " + std::to_string(t.min) + ")";
    else
      out.zh += "（须≤" + std::to_string(t.max) + "）", out.en += " (needs at most " + std::to_string(t.max) + ")";
  }
  return true;
}

// What to have ready: a proof of the event, naming the facts the measure's conditions (and its option's) read, and a
// proof of each applicant fact they read. Derived from the rules and the vocabulary alone.
std::vector<Words> bring(const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  const Measure& x = m.measures[it.measure];
  const Event& e = event_of(ev, s, it);
  std::vector<const Condition*> conds;
  for (auto& c : x.when) conds.push_back(&c);
  if (it.option >= 0)
    for (auto& c : x.options[it.option].when) conds.push_back(&c);
  Condition of;  // the figure a percentage applies to is a fact to prove, too
  if (it.amount && it.amount->kind == Amount::Kind::Percent) {
    of.path = it.amount->of;
    of.test.kind = Test::Kind::Present;
    conds.push_back(&of);
  }
  std::vector<Words> out;
  Words event_facts;
  std::set<std::string> seen;
  for (const Condition* c : conds) {
    Words w;
    if (!seen.insert(c->path.text()).second || !condition_words(m, *c, e, s, x.event, w)) continue;
    if (c->path.scope == Path::Scope::Event) {
      event_facts.zh += (event_facts.zh.empty() ? "" : "；") + w.zh;
      event_facts.en += (event_facts.en.empty() ? "" : "; ") + w.en;
    } else {
      size_t colon = w.zh.find("：");  // "本市社保缴纳月数：14（须≥12）" -> "本市社保缴纳月数的证明：14（须≥12）"
      out.push_back({w.zh.substr(0, colon) + "的证明" + w.zh.substr(colon), "proof of " + w.en});
    }
  }
  if (x.per_head != Measure::PerHead::No && it.heads > 1) {
    event_facts.zh += (event_facts.zh.empty() ? "" : "；") + std::string("人数：") + std::to_string(it.heads);
    event_facts.en += (event_facts.en.empty() ? "" : "; ") + std::string("people: ") + std::to_string(it.heads);
  }
  if (it.event >= 0) {
    auto et = m.vocab.event_types.find(x.event);
    Text label = et == m.vocab.event_types.end() ? Text{x.event, x.event} : et->second.label;
    Words line{label.zh + "的证明", "proof of: " + lower_first(label.en)};
    if (!event_facts.zh.empty()) line.zh += "（" + event_facts.zh + "）", line.en += " (" + event_facts.en + ")";
    out.insert(out.begin(), line);
  }
  return out;
}

}  // namespace

void read_claims(Model& m, const std::vector<std::pair<std::string, json>>& files, Problems& p) {
  for (auto& [name, j] : files)
    if (name == kClaimFile) {
      Reader r(p, name);
      read_words(r, j, m);
    }
  for (auto& [name, j] : files) {
    if (!is_doc_claim_file(name)) continue;
    Reader r(p, name);
    std::string folder = name.substr(0, name.size() - std::string(kClaimFile).size() - 1);
    int di = -1;
    for (size_t i = 0; i < m.documents.size(); ++i)
      if (m.documents[i].folder == folder) di = static_cast<int>(i);
    if (di < 0) {
      r.bad("", "unknown_reference", "文件夹“" + folder + "”没有 rules.json",
            "folder '" + folder + "' has no rules.json");
      continue;
    }
    read_document_claim(r, j, name, m, di);
  }
}

void prerender_claim(Model& m) {
  for (Measure& x : m.measures) {
    const MeasureClaim& c = x.claim;
    JsonWriter w;
    if (c.handled_by.set()) {
      auto role = m.claim_words.roles.find(c.role);
      Text r = role == m.claim_words.roles.end() ? Text{c.role, c.role} : role->second;
      w.begin_object()
          .field("zh", c.handled_by.text.zh)
          .field("en", c.handled_by.text.en)
          .field("quote", c.handled_by.quote)
          .key("role")
          .begin_object()
          .field("id", c.role)
          .field("zh", r.zh)
          .field("en", r.en)
          .end_object()
          .end_object();
    } else {
      w.null();
    }
    x.json_handled_by = std::move(w.out);
    for (auto [q, out] : {std::pair{&c.paid, &x.json_paid}, std::pair{&c.cadence, &x.json_cadence}}) {
      JsonWriter v;
      if (q->set())
        quoted_json(v, *q);
      else
        v.null();
      *out = std::move(v.out);
    }
    const ClaimWords& cw = m.claim_words;
    JsonWriter a;
    if (c.handled_by.set())
      a.begin_object()
          .field("zh", replace_unit(cw.ask.zh, c.handled_by.text.zh))
          .field("en", replace_unit(cw.ask.en, c.handled_by.text.en))
          .end_object();
    else if (!cw.ask_no_unit.zh.empty())
      a.begin_object().field("zh", cw.ask_no_unit.zh).field("en", cw.ask_no_unit.en).end_object();
    else
      a.null();
    x.json_ask = std::move(a.out);
  }
}

void claim_json(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  const Measure& x = m.measures[it.measure];
  w.key("claim").begin_object();
  w.key("handled_by").raw(x.json_handled_by);
  w.key("paid").raw(x.json_paid);
  w.key("cadence").raw(x.json_cadence);
  w.key("bring").begin_array();
  for (auto& b : bring(m, s, ev, it)) w.begin_object().field("zh", b.zh).field("en", b.en).end_object();
  w.end_array();
  w.key("ask").raw(x.json_ask);
  w.end_object();
}

void check_claim_quotes(const Model& m, int doc, const std::string& source_squeezed, Problems& p) {
  for (auto& q : m.documents[doc].claim_quotes)
    if (source_squeezed.find(squeeze(q.quote)) == std::string::npos)
      p.add(q.file, q.path, "quote_not_in_source", "办理信息的引用不见于政策原文：" + q.quote,
            "a quote of the claim file is not in the policy text: " + q.quote);
}

}  // namespace skillcalc
