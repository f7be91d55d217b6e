// Reading rule files, step 2: one rules.json into the model (its document, measures, stacking rules, caps and pools),
// every problem named by its JSON pointer. Links between files come after every file is read (link.cpp).
#include "day.hpp"
#include "load.hpp"
#include "money.hpp"
#include "strict_json.hpp"

namespace skillcalc {

namespace {
const char* kKinds[] = {"money_one_time",    "money_periodic", "money_per_head", "money_percent",
                        "money_upper_bound", "tax_credit",     "non_monetary"};
bool known_kind(const std::string& k) {
  for (auto* x : kKinds)
    if (k == x) return true;
  return false;
}
}  // namespace

void Reader::measure(const json& j, const std::string& where, Model& m, int doc) {
  if (!j.is_object()) return bad(where, "not_object", "措施必须是对象", "a measure must be an object");
  static const std::set<std::string> keys = {
      "id",           "clause",          "kind",        "quote",      "applicants", "recipient",
      "event",        "also_event",      "when",        "amount",     "options",    "per_head",
      "schedule",     "payers",          "what",        "needs",      "notes",      "ambiguous",
      "supersedes",   "benefit",         "comment",     "unit",       "held",       "teams",
      "per_year",     "what_unit",       "achievement", "proof",      "new_level",  "first_only",
      "review_later", "recipient_words", "credit",      "reselected", "upgrade",    "yearly_review",
      "same_right_as"};
  for (auto& [k, _] : j.items())
    if (!keys.count(k))
      bad(where + "/" + pointer_token(k), "unknown_key", "未知的措施字段“" + k + "”",
          "unknown measure field '" + k + "'");
  Measure x;
  x.doc = doc;
  x.id = str(j, where, "id");
  x.clause = str(j, where, "clause");
  x.kind = str(j, where, "kind");
  if (!x.kind.empty() && !known_kind(x.kind))
    bad(where + "/kind", "bad_kind", "未知措施类型“" + x.kind + "”", "unknown measure kind '" + x.kind + "'");
  const json& q = key(j, "quote");
  if (q.is_string())
    x.fragments.push_back(q.get<std::string>());
  else if (q.is_array())
    x.fragments = strings(q, where + "/quote");
  else
    bad(where + "/quote", "missing_quote", "缺少原文引用", "the verbatim quote is missing");
  for (auto& f : x.fragments) {
    if (squeeze(f).empty()) bad(where + "/quote", "missing_quote", "原文引用为空", "the quote is empty");
    std::string one;
    for (char c : f)
      if (c != '\n' && c != '\r') one += c;
    x.quote += (x.quote.empty() ? "" : " … ") + one;
  }
  x.applicants = kinds(key(j, "applicants"), where + "/applicants", m.vocab);
  if (!x.applicants)
    bad(where + "/applicants", "missing_field", "至少要有一类申请人", "at least one applicant kind is needed");
  x.recipient = str(j, where, "recipient");
  x.achievement = str(j, where, "achievement", false);
  if (!x.recipient.empty() && x.recipient != "applicant" && x.recipient != "unit" &&
      m.vocab.kind_index(x.recipient) < 0)
    bad(where + "/recipient", "unknown_id", "未知领取人类型“" + x.recipient + "”",
        "unknown recipient kind '" + x.recipient + "'");
  x.event = str(j, where, "event", false);  // none: a standing entitlement of the applicant kind
  if (!x.event.empty() && !m.vocab.event_types.count(x.event))
    bad(where + "/event", "unknown_id", "未知事件类型“" + x.event + "”", "unknown event type '" + x.event + "'");
  x.when = conditions(key(j, "when"), where + "/when", m, x.event);
  money(j, where, m, x);
  if (j.contains("also_event")) also_event(j, where, m, x);
  if (j.contains("same_right_as")) {
    x.same_right_as = str(j, where, "same_right_as");
    if (x.monetary())
      bad(where + "/same_right_as", "bad_amount", "same_right_as 只用于非货币措施",
          "same_right_as is for a measure without money");
  }
  x.schedule = schedule(key(j, "schedule"), where, m, x.event);
  x.payers = payers(key(j, "payers"), where, m);
  words(j, where, m, x);
  bool pays = x.monetary();
  if (!pays && x.benefit.zh.empty())
    bad(where + "/benefit", "missing_field", "非货币措施必须写明 benefit", "a measure without money needs a benefit");
  if (pays && x.payers.empty())
    bad(where + "/payers", "missing_field", "涉及资金的措施必须写明付款方（原文未写明时用 not_stated）",
        "a measure with money needs payers (not_stated where the text names none)");
  m.documents[doc].measures.push_back(static_cast<int>(m.measures.size()));
  m.measures.push_back(std::move(x));
}

// A right a second type of event may show too ("also_event": "title": a title entered with the person's own skill level
// shows the level as a skill-level event does): a right without money, whose conditions are fields of both types.
void Reader::also_event(const json& j, const std::string& where, const Model& m, Measure& x) {
  x.also_event = str(j, where, "also_event");
  if (x.also_event.empty()) return;
  if (!m.vocab.event_types.count(x.also_event) || x.also_event == x.event || x.event.empty())
    return bad(where + "/also_event", "unknown_id", "also_event 必须是另一种已知事件类型“" + x.also_event + "”",
               "also_event must be another known event type: '" + x.also_event + "'");
  if (x.monetary())
    return bad(where + "/also_event", "bad_amount", "also_event 只用于非货币措施",
               "also_event is for a measure without money");
  conditions(key(j, "when"), where + "/when", m, x.also_event);  // the same fields, asked of the second type
  if (j.contains("options") && j["options"].is_array())
    for (size_t i = 0; i < j["options"].size(); ++i)
      if (j["options"][i].is_object()) {
        const std::string p = where + "/options/" + std::to_string(i);
        conditions(key(j["options"][i], "when"), p + "/when", m, x.also_event);
        paths(key(j["options"][i], "asks"), p + "/asks", m, x.also_event);
      }
}

// An option's list of facts (asks, assumes): absent, or a non-empty array of paths.
std::vector<Path> Reader::paths(const json& j, const std::string& where, const Model& m, const std::string& event) {
  std::vector<Path> out;
  if (j.is_null()) return out;
  if (!j.is_array() || j.empty()) {
    bad(where, "not_array", where.substr(where.rfind('/') + 1) + " 必须是非空数组",
        where.substr(where.rfind('/') + 1) + " must be a non-empty array");
    return out;
  }
  for (size_t a = 0; a < j.size(); ++a) out.push_back(path_of(j[a], where + "/" + std::to_string(a), m, event));
  return out;
}

// The money of a measure: its amount or options (with their conditions, labels and blank facts), per_head and unit.
void Reader::money(const json& j, const std::string& where, const Model& m, Measure& x) {
  if (j.contains("options")) {
    const json& os = j["options"];
    if (!os.is_array() || os.empty())
      bad(where + "/options", "not_array", "options 必须是非空数组", "options must be a non-empty array");
    else
      for (size_t i = 0; i < os.size(); ++i) {
        std::string p = where + "/options/" + std::to_string(i);
        Option o;
        o.when = conditions(key(os[i], "when"), p + "/when", m, x.event);
        o.amount = amount(key(os[i], "amount"), p + "/amount", m, x.event);
        o.label = text(key(os[i], "label"), p + "/label");
        o.asks = paths(key(os[i], "asks"), p + "/asks", m, x.event);
        o.assumes = paths(key(os[i], "assumes"), p + "/assumes", m, x.event);
        x.options.push_back(std::move(o));
      }
    if (j.contains("amount"))
      bad(where + "/amount", "ambiguous_amount", "amount 与 options 只能有一个", "give amount or options, not both");
  } else {
    x.amount = amount(key(j, "amount"), where + "/amount", m, x.event);
  }
  if (j.contains("per_head")) {
    const json& ph = j["per_head"];
    if (ph.is_boolean())
      x.per_head = ph.get<bool>() ? Measure::PerHead::Count : Measure::PerHead::No;
    else
      x.per_head = Measure::PerHead::Path, x.per_head_path = path_of(ph, where + "/per_head", m, x.event);
    if (x.per_head == Measure::PerHead::Count) {
      bool has = false;
      if (auto et = m.vocab.event_types.find(x.event); et != m.vocab.event_types.end())
        for (auto& f : et->second.fields) has = has || f.first == "count";
      if (!has)
        bad(where + "/per_head", "unknown_field", "该事件类型没有 count 字段", "this event type has no count field");
    }
  }
  if (j.contains("unit")) {
    const json& u = j["unit"];
    Text t = text(u, where + "/unit");
    std::string many = u.is_object() ? str(u, where + "/unit", "en_many", false) : "";
    x.unit = {t.zh, t.en, many.empty() ? t.en : many};
    if (x.per_head == Measure::PerHead::No)
      bad(where + "/unit", "bad_unit", "unit 只用于按人头（per_head）计算的措施",
          "unit is only for a per_head measure");
  }
}

// When a measure pays: once, for a term, or monthly or yearly for a stated or asked number of periods.
Schedule Reader::schedule(const json& s, const std::string& where, const Model& m, const std::string& event) {
  Schedule sc;
  std::string sk = str(s, where + "/schedule", "kind");
  if (sk == "once")
    sc.kind = Schedule::Kind::Once;
  else if (sk == "term") {
    sc.kind = Schedule::Kind::Term;
    sc.count = integer(s, where + "/schedule", "count");
    if (sc.count < 1 || sc.count > 50)
      bad(where + "/schedule/count", "bad_count", "期限必须在 1 至 50 年之间", "a term must be 1 to 50 years");
  } else if (sk == "monthly" || sk == "yearly") {
    sc.kind = sk == "monthly" ? Schedule::Kind::Monthly : Schedule::Kind::Yearly;
    if (s.contains("count_from")) {
      sc.has_count_from = true;
      sc.count_from = path_of(s["count_from"], where + "/schedule/count_from", m, event);
      if (s.contains("max_count")) {
        sc.max_count = integer(s, where + "/schedule", "max_count");
        if (sc.max_count < 1 || sc.max_count > 600)
          bad(where + "/schedule/max_count", "bad_count", "期数必须在 1 至 600 之间",
              "a term must be 1 to 600 periods");
        sc.count = sc.max_count;
      } else {
        sc.count_known = false;  // the text states no term: the user's own figure, or no total
      }
    } else if (!s.contains("count") || s["count"].is_null()) {
      sc.count_known = false;
    } else {
      sc.count = integer(s, where + "/schedule", "count");
      if (sc.count < 1 || sc.count > 600)
        bad(where + "/schedule/count", "bad_count", "期数必须在 1 至 600 之间", "a term must be 1 to 600 periods");
    }
  } else if (!sk.empty())
    bad(where + "/schedule/kind", "bad_kind", "schedule 必须是 once、monthly、yearly 或 term",
        "schedule must be once, monthly, yearly or term");
  return sc;
}

// Who pays a measure and their shares, which add up to 1.
std::vector<Payer> Reader::payers(const json& ps, const std::string& where, const Model& m) {
  std::vector<Payer> out;
  if (!ps.is_array())
    bad(where + "/payers", "not_array", "payers 必须是数组", "payers must be an array");
  else {
    long long num = 0, den = 1;  // the sum of shares as a fraction
    for (size_t i = 0; i < ps.size(); ++i) {
      std::string p = where + "/payers/" + std::to_string(i);
      Payer py{str(ps[i], p, "who"), str(ps[i], p, "share")};
      if (!py.who.empty() && !m.vocab.payers.count(py.who))
        bad(p + "/who", "unknown_id", "未知付款方“" + py.who + "”", "unknown payer '" + py.who + "'");
      auto [a, b] = parse_share(py.share);
      if (!b)
        bad(p + "/share", "bad_share", "份额必须是 (0,1] 之间的分数，如 1/2",
            "a share must be a fraction in (0,1], e.g. 1/2");
      else
        num = num * b + a * den, den *= b;
      out.push_back(py);
    }
    if (!ps.empty() && num != den)
      bad(where + "/payers", "bad_share", "各付款方份额之和必须为 1", "the payers' shares must add up to 1");
  }
  return out;
}

// The words of a measure (what, needs, benefit, notes) and its flags (ambiguous, supersedes, held, teams, per_year).
void Reader::words(const json& j, const std::string& where, const Model& m, Measure& x) {
  x.what = text(key(j, "what"), where + "/what");
  if (j.contains("what_unit")) x.what_unit = text(key(j, "what_unit"), where + "/what_unit");
  if (j.contains("credit")) {
    x.credit = amount(j["credit"], where + "/credit", m, x.event);
    if (x.credit.kind != Amount::Kind::Percent)
      bad(where + "/credit", "bad_amount", "credit 必须是百分比（kind: percent）", "credit must be a percent amount");
  }
  if (j.contains("recipient_words")) x.recipient_words = text(key(j, "recipient_words"), where + "/recipient_words");
  if (j.contains("proof")) x.proof = text(key(j, "proof"), where + "/proof");
  x.needs = text(key(j, "needs"), where + "/needs");
  if (j.contains("benefit")) x.benefit = text(j["benefit"], where + "/benefit");
  if (j.contains("notes")) {
    if (!j["notes"].is_array())
      bad(where + "/notes", "not_array", "notes 必须是数组", "notes must be an array");
    else
      for (size_t i = 0; i < j["notes"].size(); ++i)
        x.notes.push_back(text(j["notes"][i], where + "/notes/" + std::to_string(i)));
  }
  if (j.contains("ambiguous")) {
    if (!j["ambiguous"].is_boolean())
      bad(where + "/ambiguous", "not_boolean", "必须是布尔值", "must be a boolean");
    else
      x.ambiguous = j["ambiguous"].get<bool>();
    if (x.ambiguous && x.notes.empty())
      bad(where + "/notes", "missing_note", "有歧义的措施必须用 notes 说明所取的理解",
          "an ambiguous measure needs a note explaining the reading taken");
  }
  if (j.contains("supersedes")) x.supersedes = strings(j["supersedes"], where + "/supersedes");
  for (const char* flag :
       {"held", "teams", "new_level", "first_only", "review_later", "reselected", "upgrade", "yearly_review"})
    if (j.contains(flag)) {
      const std::string f = flag;
      bool& to = f == "held"           ? x.held
                 : f == "teams"        ? x.teams
                 : f == "new_level"    ? x.new_level
                 : f == "first_only"   ? x.first_only
                 : f == "review_later" ? x.review_later
                 : f == "reselected"   ? x.reselected
                 : f == "upgrade"      ? x.upgrade
                                       : x.yearly_review;
      if (!j[flag].is_boolean())
        bad(where + "/" + flag, "not_boolean", "必须是布尔值", "must be a boolean");
      else
        to = j[flag].get<bool>();
    }
  if (j.contains("per_year")) {
    x.has_per_year = true;
    x.per_year = path_of(j["per_year"], where + "/per_year", m, x.event);
    bool tested = false;
    for (auto& c : x.when) tested = tested || c.path.text() == x.per_year.text();
    if (!tested || x.event.empty())
      bad(where + "/per_year", "bad_path", "per_year 必须是 when 中检验的事件字段",
          "per_year must be an event field that `when` tests");
  }
}

// A stacking rule's "medal_titles": values of the vocabulary's "title" field.
std::vector<std::string> Reader::medal_titles(const json& j, const std::string& where, const Model& m) {
  std::vector<std::string> out = strings(j, where);
  auto def = m.vocab.fields.find("title");
  for (auto& v : out)
    if (def == m.vocab.fields.end() ||
        std::find(def->second.values.begin(), def->second.values.end(), v) == def->second.values.end())
      bad(where, "unknown_id", "字段“title”没有取值“" + v + "”", "field 'title' has no value '" + v + "'");
  return out;
}

// A stacking rule's "result_levels": [{"tier": ["world_skills"]}, {"tier": [...], "squad": ["national"]}, ...], the
// levels from the highest, each naming enum values of the vocabulary's fields.
std::vector<std::vector<std::pair<std::string, std::string>>> Reader::result_levels(const json& j,
                                                                                    const std::string& where,
                                                                                    const Model& m) {
  std::vector<std::vector<std::pair<std::string, std::string>>> levels;
  if (!j.is_array()) {
    bad(where, "not_array", "result_levels 必须是数组", "result_levels must be an array");
    return levels;
  }
  for (size_t l = 0; l < j.size(); ++l) {
    std::string p = where + "/" + std::to_string(l);
    if (!j[l].is_object()) {
      bad(p, "not_object", "每一级必须是对象（字段 → 取值数组）", "each level must be an object (field -> values)");
      continue;
    }
    auto& level = levels.emplace_back();
    for (auto& [field, values] : j[l].items()) {
      auto def = m.vocab.fields.find(field);
      if (def == m.vocab.fields.end() || def->second.type != FieldDef::Type::Enum) {
        bad(p + "/" + field, "unknown_id", "未知的枚举字段“" + field + "”", "unknown enum field '" + field + "'");
        continue;
      }
      for (auto& v : strings(values, p + "/" + field)) {
        auto& known = def->second.values;
        if (std::find(known.begin(), known.end(), v) == known.end())
          bad(p + "/" + field, "unknown_id", "字段“" + field + "”没有取值“" + v + "”",
              "field '" + field + "' has no value '" + v + "'");
        level.emplace_back(field, v);
      }
    }
  }
  return levels;
}

std::vector<int> Reader::measure_refs(const json& j, const std::string& where, const Model& m, int doc,
                                      bool monetary_only) {
  std::vector<int> out;
  if (j.is_string() && j.get<std::string>() == "*") {
    for (int i : m.documents[doc].measures)
      if (!monetary_only || m.measures[i].monetary()) out.push_back(i);
    return out;
  }
  for (auto& ref : strings(j, where)) {
    bool prefix = !ref.empty() && ref.back() == '*';
    std::string stem = prefix ? ref.substr(0, ref.size() - 1) : ref;
    size_t before = out.size();
    for (int i : m.documents[doc].measures)
      if (prefix ? m.measures[i].id.rfind(stem, 0) == 0 : m.measures[i].id == stem) out.push_back(i);
    if (out.size() == before)
      bad(where, "unknown_reference", "本文件没有措施“" + ref + "”", "no measure '" + ref + "' in this document");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {
// A city-wide budget or quota of a year (FORMAT.md, "Pools"); settled by budget.cpp.
void read_pool(Reader& r, const json& x, const std::string& p, Model& m, int di) {
  auto bad = [&r](const std::string& path, const std::string& code, const std::string& zh, const std::string& en) {
    r.bad(path, code, zh, en);
  };
  auto str = [&r](const json& o, const std::string& path, const char* k) { return r.str(o, path, k); };
  auto integer = [&r](const json& o, const std::string& path, const char* k) { return r.integer(o, path, k); };
  if (!x.is_object()) return bad(p, "not_object", "资金池必须是对象", "a pool must be an object");
  static const std::set<std::string> keys = {"id",          "clause",     "quote",        "measures", "per",    "rule",
                                             "budget_yuan", "max_people", "payer_limits", "notes",    "comment"};
  for (auto& [k, _] : x.items())
    if (!keys.count(k))
      bad(p + "/" + pointer_token(k), "unknown_key", "未知的资金池字段“" + k + "”", "unknown pool field '" + k + "'");
  Pool pool;
  pool.doc = di;
  pool.id = str(x, p, "id");
  pool.clause = str(x, p, "clause");
  pool.quote = str(x, p, "quote");
  std::string per = str(x, p, "per");
  if (!per.empty() && per != "city_year")
    bad(p + "/per", "bad_kind", "per 目前只能是 city_year", "per must be city_year");
  std::string rule = str(x, p, "rule");
  if (rule == "pro_rata_above")
    pool.rule = Pool::Rule::ProRataAbove;
  else if (rule == "cap_total")
    pool.rule = Pool::Rule::CapTotal;
  else if (rule == "quota")
    pool.rule = Pool::Rule::Quota;
  else if (!rule.empty())
    bad(p + "/rule", "bad_rule", "rule 必须是 pro_rata_above、cap_total 或 quota",
        "rule must be pro_rata_above, cap_total or quota");
  if (pool.rule == Pool::Rule::Quota) {
    pool.max_people = integer(x, p, "max_people");
    if (pool.max_people <= 0 || pool.max_people > 1000000)
      bad(p + "/max_people", "bad_count", "名额必须在 1 至 1000000 之间", "a quota must be 1 to 1,000,000 people");
    if (x.contains("budget_yuan"))
      bad(p + "/budget_yuan", "unknown_key", "名额（quota）不带 budget_yuan", "a quota has no budget_yuan");
  } else {
    pool.budget_yuan = integer(x, p, "budget_yuan");
    if (pool.budget_yuan <= 0 || pool.budget_yuan > 100000000000LL)
      bad(p + "/budget_yuan", "bad_amount", "预算必须是 1 至 1000 亿之间的整数元",
          "a budget must be whole yuan between 1 and 100,000,000,000");
    if (x.contains("max_people"))
      bad(p + "/max_people", "unknown_key", "资金池不带 max_people", "a money pool has no max_people");
  }
  if (auto l = x.find("payer_limits"); l != x.end()) {
    if (!l->is_array())
      bad(p + "/payer_limits", "not_array", "payer_limits 必须是数组", "payer_limits must be an array");
    else
      for (size_t i = 0; i < l->size(); ++i) {
        std::string lp = p + "/payer_limits/" + std::to_string(i);
        std::string who = str((*l)[i], lp, "who");
        long long max = integer((*l)[i], lp, "max_yuan");
        if (!who.empty() && !m.vocab.payers.count(who))
          bad(lp + "/who", "unknown_id", "未知付款方“" + who + "”", "unknown payer '" + who + "'");
        if (max <= 0) bad(lp + "/max_yuan", "bad_amount", "上限必须为正", "a limit must be positive");
        pool.payer_limits.push_back({who, max});
      }
  }
  if (auto n = x.find("notes"); n != x.end()) {
    if (!n->is_array())
      bad(p + "/notes", "not_array", "notes 必须是数组", "notes must be an array");
    else
      for (size_t i = 0; i < n->size(); ++i) pool.notes.push_back(r.text((*n)[i], p + "/notes/" + std::to_string(i)));
  }
  // Measure ids of this document, or id prefixes ending in *.
  for (auto& ref : r.strings(key(x, "measures"), p + "/measures")) {
    bool prefix = !ref.empty() && ref.back() == '*';
    std::string stem = prefix ? ref.substr(0, ref.size() - 1) : ref;
    size_t before = pool.measures.size();
    for (int i : m.documents[di].measures)
      if ((prefix ? m.measures[i].id.rfind(stem, 0) == 0 : m.measures[i].id == stem) && m.measures[i].monetary())
        pool.measures.push_back(i);
    if (pool.measures.size() == before)
      bad(p + "/measures", "unknown_reference", "本文件没有涉及资金的措施“" + ref + "”",
          "no measure with money '" + ref + "' in this document");
  }
  std::sort(pool.measures.begin(), pool.measures.end());
  pool.measures.erase(std::unique(pool.measures.begin(), pool.measures.end()), pool.measures.end());
  if (pool.measures.empty())
    bad(p + "/measures", "missing_field", "资金池至少要有一项涉及资金的措施",
        "a pool needs at least one measure with money");
  for (size_t a = 1; a < pool.measures.size(); ++a) {
    auto& x0 = m.measures[pool.measures[0]].payers;
    auto& xa = m.measures[pool.measures[a]].payers;
    bool same = x0.size() == xa.size();
    for (size_t k = 0; same && k < x0.size(); ++k) same = x0[k].who == xa[k].who && x0[k].share == xa[k].share;
    if (!same)
      bad(p + "/measures", "bad_share", "同一资金池的措施必须有相同的付款方和份额",
          "the measures of one pool must have the same payers and shares");
  }
  for (auto& [who, max] : pool.payer_limits) {
    if (pool.measures.empty() || who.empty()) continue;
    const Payer* py = nullptr;
    for (auto& q : m.measures[pool.measures[0]].payers)
      if (q.who == who) py = &q;
    if (!py) {
      bad(p + "/payer_limits", "unknown_reference", "付款方“" + who + "”不是该资金池措施的付款方",
          "'" + who + "' is not a payer of the pool's measures");
      continue;
    }
    auto [num, den] = parse_share(py->share);
    // The payer's part of a full budget must fit its own limit, or the two figures contradict each other.
    if (den && pool.rule != Pool::Rule::Quota &&
        static_cast<__int128>(pool.budget_yuan) * num > static_cast<__int128>(max) * den)
      bad(p + "/payer_limits", "contradictory_cap", "按份额，付款方“" + who + "”的负担超过其上限",
          "by its share, " + who + "'s part of the budget exceeds its limit");
  }
  for (auto& other : m.pools)
    if (other.id == pool.id && !pool.id.empty())
      bad(p + "/id", "duplicate_id", "资金池标识“" + pool.id + "”重复", "pool id '" + pool.id + "' is used twice");
  m.pools.push_back(std::move(pool));
}
}  // namespace

void Reader::rules(const json& j, Model& m, const std::string& folder) {
  if (!j.is_object()) return bad("", "not_object", "规则文件必须是对象", "a rule file must be an object");
  for (auto& [k, _] : j.items())
    if (k != "document" && k != "measures" && k != "stacking" && k != "caps" && k != "target_only" &&
        k != "vocabulary" && k != "pools")
      bad("/" + pointer_token(k), "unknown_key", "未知的顶层字段“" + k + "”", "unknown top-level key '" + k + "'");
  const json& d = key(j, "document");
  Document doc;
  doc.folder = folder;
  doc.id = str(d, "/document", "id");
  doc.city = str(d, "/document", "city");
  if (!doc.city.empty() && !m.vocab.cities.count(doc.city))
    bad("/document/city", "unknown_id",
        "未知城市“" + doc.city + "”：请在本文件顶层加 \"vocabulary\": {\"cities\": {\"" + doc.city +
            "\": {\"zh\": \"…\", \"en\": \"…\"}}}（或加到 vocabulary.json 的 \"cities\" 中）",
        "unknown city '" + doc.city + "': add \"vocabulary\": {\"cities\": {\"" + doc.city +
            "\": {\"zh\": \"…\", \"en\": \"…\"}}} at the top of this file (or to \"cities\" in vocabulary.json)");
  doc.number = str(d, "/document", "number");
  doc.title = str(d, "/document", "title");
  doc.issuer = str(d, "/document", "issuer");
  doc.period_quote = str(d, "/document", "period_quote", false);
  doc.dated = parse_day(str(d, "/document", "dated"));
  if (!doc.dated)
    bad("/document/dated", "bad_date", "日期必须是有效的 YYYY-MM-DD", "a date must be a real YYYY-MM-DD day");
  const json& per = key(d, "period");
  doc.from = parse_day(str(per, "/document/period", "from"));
  if (!doc.from)
    bad("/document/period/from", "bad_date", "日期必须是有效的 YYYY-MM-DD", "a date must be a real YYYY-MM-DD day");
  std::string to = str(per, "/document/period", "to", false);
  if (!to.empty()) {
    doc.to = parse_day(to);
    if (!doc.to)
      bad("/document/period/to", "bad_date", "日期必须是有效的 YYYY-MM-DD", "a date must be a real YYYY-MM-DD day");
    else if (doc.to < doc.from)
      bad("/document/period", "bad_period", "施行期结束早于开始", "the period ends before it begins");
  }
  doc.start_stated = doc.from != doc.dated || doc.period_quote.find("施行") != std::string::npos;
  doc.clause_label = text(key(d, "clause_label"), "/document/clause_label");
  if (d.contains("currency")) doc.currency = text(key(d, "currency"), "/document/currency");
  if (auto n = d.find("notes"); n != d.end() && n->is_array())
    for (size_t i = 0; i < n->size(); ++i) doc.notes.push_back(text((*n)[i], "/document/notes/" + std::to_string(i)));
  for (auto& other : m.documents)
    if (other.id == doc.id)
      bad("/document/id", "duplicate_id", "文件标识“" + doc.id + "”重复", "document id '" + doc.id + "' is used twice");
  int di = static_cast<int>(m.documents.size());
  m.documents.push_back(doc);
  const json& ms = key(j, "measures");
  if (!ms.is_array())
    bad("/measures", "not_array", "measures 必须是数组", "measures must be an array");
  else
    for (size_t i = 0; i < ms.size(); ++i) measure(ms[i], "/measures/" + std::to_string(i), m, di);
  if (auto t = j.find("target_only"); t != j.end()) {
    if (!t->is_array())
      bad("/target_only", "not_array", "target_only 必须是数组", "target_only must be an array");
    else
      for (size_t i = 0; i < t->size(); ++i) {
        std::string p = "/target_only/" + std::to_string(i);
        m.documents[di].target_only.push_back({str((*t)[i], p, "id"), str((*t)[i], p, "clause", false)});
      }
  }
  if (auto s = j.find("stacking"); s != j.end() && s->is_array())
    for (size_t i = 0; i < s->size(); ++i) {
      std::string p = "/stacking/" + std::to_string(i);
      const json& x = (*s)[i];
      Stacking st;
      st.doc = di;
      st.id = str(x, p, "id");
      st.clause = str(x, p, "clause");
      st.quote = str(x, p, "quote");
      st.rule = str(x, p, "rule");
      if (st.rule != "highest" && st.rule != "highest_result")
        bad(p + "/rule", "bad_rule", "目前只支持 highest（就高不重复）和 highest_result（按最高成绩奖励）",
            "only 'highest' and 'highest_result' are supported");
      st.lower_is_floor = st.rule == "highest";
      std::string key_name = str(x, p, "key", false);
      if (!key_name.empty() && key_name != "achievement")
        bad(p + "/key", "bad_key", "key 只能是 achievement", "key must be 'achievement'");
      st.measures = measure_refs(key(x, "measures"), p + "/measures", m, di, true);
      if (x.contains("also")) st.also = strings(key(x, "also"), p + "/also");
      if (x.contains("result_levels")) st.levels = result_levels(key(x, "result_levels"), p + "/result_levels", m);
      if (x.contains("medal_titles")) st.medal_titles = medal_titles(key(x, "medal_titles"), p + "/medal_titles", m);
      if (x.contains("applicants")) st.applicants = kinds(key(x, "applicants"), p + "/applicants", m.vocab);
      if (auto n = x.find("notes"); n != x.end()) {
        if (!n->is_array())
          bad(p + "/notes", "not_array", "notes 必须是数组", "notes must be an array");
        else
          for (size_t k = 0; k < n->size(); ++k) st.notes.push_back(text((*n)[k], p + "/notes/" + std::to_string(k)));
      }
      m.stackings.push_back(st);
    }
  if (auto c = j.find("caps"); c != j.end() && c->is_array())
    for (size_t i = 0; i < c->size(); ++i) {
      std::string p = "/caps/" + std::to_string(i);
      const json& x = (*c)[i];
      Cap cap;
      cap.doc = di;
      cap.id = str(x, p, "id");
      cap.clause = str(x, p, "clause");
      cap.quote = str(x, p, "quote");
      cap.max_yuan = integer(x, p, "max_yuan");
      if (cap.max_yuan <= 0) bad(p + "/max_yuan", "bad_amount", "上限必须为正", "a cap must be positive");
      std::string per = str(x, p, "per");
      if (per == "applicant")
        cap.per = Cap::Per::Applicant;
      else if (per != "applicant_year")
        bad(p + "/per", "bad_kind", "per 必须是 applicant_year 或 applicant",
            "per must be applicant_year or applicant");
      cap.measures = measure_refs(key(x, "measures"), p + "/measures", m, di, true);
      for (auto& other : m.caps)
        if (other.doc == di && other.measures == cap.measures && other.per == cap.per && other.max_yuan != cap.max_yuan)
          bad(p, "contradictory_cap", "同一组措施有两个不同的上限（" + other.id + "）",
              "the same measures have two different caps (" + other.id + ")");
      m.caps.push_back(cap);
    }
  if (auto ps = j.find("pools"); ps != j.end()) {
    if (!ps->is_array())
      bad("/pools", "not_array", "pools 必须是数组", "pools must be an array");
    else
      for (size_t i = 0; i < ps->size(); ++i) read_pool(*this, (*ps)[i], "/pools/" + std::to_string(i), m, di);
  }
}

}  // namespace skillcalc
