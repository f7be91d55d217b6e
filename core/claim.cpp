#include "claim.hpp"

#include <map>

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
  if (j.contains("quote") && j["quote"].is_array()) {  // fragments of the text, shown joined as a measure's are
    out.fragments = r.strings(j["quote"], path + "/quote");
    for (auto& f : out.fragments) out.quote += (out.quote.empty() ? "" : " … ") + f;
  } else {
    out.quote = r.str(j, path, "quote");
  }
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
  bool has_unit = false, has_paid = false, has_cadence = false, has_bring = false;
  Quoted unit, paid, cadence;
  std::vector<Quoted> bring;
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
              (top ? k == "clauses" || k == "measures" : k == "cadence" || k == "bring");
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
  if (j.contains("bring")) {
    l.has_bring = true;
    if (!j["bring"].is_array())
      r.bad(path + "/bring", "not_array", "bring 必须是数组", "bring must be an array");
    else
      for (size_t i = 0; i < j["bring"].size(); ++i) {
        Quoted q;
        if (read_quoted(r, j["bring"][i], path + "/bring/" + std::to_string(i), file, false, m, q, nullptr))
          l.bring.push_back(q);
      }
  }
  for (const Quoted* q : {&l.unit, &l.paid, &l.cadence})
    if (q->set()) d.claim_quotes.push_back(*q);
  for (const Quoted& q : l.bring) d.claim_quotes.push_back(q);
  return l;
}

void apply(const Level& l, Measure& x) {
  if (l.has_unit) x.claim.handled_by = l.unit, x.claim.role = l.role;
  if (l.has_paid) x.claim.paid = x.monetary() ? l.paid : Quoted{};
  if (l.has_cadence) x.claim.cadence = l.cadence;
  if (l.has_bring) x.claim.bring = l.bring;
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

void check_claim_quotes(const Model& m, int doc, const std::string& source_squeezed, Problems& p) {
  for (auto& q : m.documents[doc].claim_quotes) {
    std::vector<std::string> parts = q.fragments.empty() ? std::vector<std::string>{q.quote} : q.fragments;
    for (size_t f = 0; f < parts.size(); ++f)
      if (source_squeezed.find(squeeze(parts[f])) == std::string::npos)
        p.add(q.file, q.path + (q.fragments.empty() ? "" : "/" + std::to_string(f)), "quote_not_in_source",
              "办理信息的引用不见于政策原文：" + parts[f],
              "a quote of the claim file is not in the policy text: " + parts[f]);
  }
}

}  // namespace skillcalc
