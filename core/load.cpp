#include "load.hpp"

#include "day.hpp"
#include "money.hpp"

namespace skillcalc {

namespace {
const char* kKinds[] = {"money_one_time", "money_periodic", "money_per_head", "money_percent",
                        "money_upper_bound", "tax_credit", "non_monetary"};
bool known_kind(const std::string& k) {
  for (auto* x : kKinds)
    if (k == x) return true;
  return false;
}
// "1/2" -> {1,2}; {0,0} when not a fraction in (0,1].
std::pair<long long, long long> fraction(const std::string& s) {
  auto slash = s.find('/');
  auto whole = [](const std::string& t, long long& v) {
    if (t.empty() || t.size() > 6) return false;
    v = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    return true;
  };
  long long a = 0, b = 1;
  if (slash == std::string::npos ? !whole(s, a) : !(whole(s.substr(0, slash), a) && whole(s.substr(slash + 1), b)))
    return {0, 0};
  if (a <= 0 || b <= 0 || a > b) return {0, 0};
  return {a, b};
}
}  // namespace

bool Measure::monetary() const {
  if (options.empty()) return amount.kind != Amount::Kind::None;
  for (auto& o : options)
    if (o.amount.kind != Amount::Kind::None) return true;
  return false;
}

std::string Reader::str(const json& o, const std::string& path, const char* key, bool required) {
  auto it = o.is_object() ? o.find(key) : o.end();
  if (!o.is_object() || it == o.end() || it->is_null()) {
    if (required) bad(path + "/" + key, "missing_field", std::string("缺少字段 ") + key, std::string("missing field ") + key);
    return "";
  }
  if (!it->is_string()) {
    bad(path + "/" + key, "not_string", "必须是字符串", "must be a string");
    return "";
  }
  return it->get<std::string>();
}

long long Reader::integer(const json& o, const std::string& path, const char* key) {
  auto it = o.is_object() ? o.find(key) : o.end();
  if (!o.is_object() || it == o.end() || !it->is_number_integer()) {
    bad(path + "/" + key, "not_integer", "必须是整数", "must be a whole number");
    return 0;
  }
  return it->get<long long>();
}

long long Reader::integer(const json& o, const std::string& path, const char* key, long long fallback) {
  if (!o.is_object() || !o.contains(key)) return fallback;
  return integer(o, path, key);
}

Text Reader::text(const json& o, const std::string& path, bool required) {
  Text t;
  if (!o.is_object()) {
    if (required) bad(path, "not_object", "必须是含 zh 和 en 的对象", "must be an object with zh and en");
    return t;
  }
  t.zh = str(o, path, "zh", required);
  t.en = str(o, path, "en", required);
  return t;
}

std::vector<std::string> Reader::strings(const json& a, const std::string& path) {
  std::vector<std::string> out;
  if (!a.is_array()) {
    bad(path, "not_array", "必须是字符串数组", "must be an array of strings");
    return out;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].is_string()) out.push_back(a[i].get<std::string>());
    else bad(path + "/" + std::to_string(i), "not_string", "必须是字符串", "must be a string");
  }
  return out;
}

unsigned Reader::kinds(const json& a, const std::string& path, const Vocabulary& v) {
  unsigned bits = 0;
  for (auto& k : strings(a, path)) {
    int i = v.kind_index(k);
    if (i < 0) bad(path, "unknown_id", "未知申请人类型“" + k + "”", "unknown applicant kind '" + k + "'");
    else bits |= 1u << i;
  }
  return bits;
}

Path Reader::path_of(const json& j, const std::string& where, const Model& m, const std::string& event) {
  Path p;
  if (!j.is_string()) {
    bad(where, "not_string", "路径必须是字符串", "a path must be a string");
    return p;
  }
  std::string s = j.get<std::string>();
  auto check_field = [&](const std::string& def) {
    if (!m.vocab.fields.count(def)) bad(where, "unknown_field", "未知字段“" + s + "”", "unknown field '" + s + "'");
  };
  if (s.rfind("event.", 0) == 0) {
    p.scope = Path::Scope::Event;
    p.field = s.substr(6);
    auto et = m.vocab.event_types.find(event);
    std::string def;
    if (et != m.vocab.event_types.end())
      for (auto& f : et->second.fields)
        if (f.first == p.field) def = f.second;
    if (def.empty()) bad(where, "unknown_field", "事件类型“" + event + "”没有字段“" + p.field + "”",
                         "event type '" + event + "' has no field '" + p.field + "'");
    else check_field(def);
  } else if (s.rfind("applicant.", 0) == 0) {
    p.scope = Path::Scope::Applicant;
    p.field = s.substr(10);
    auto af = m.vocab.applicant_fields.find(p.field);
    if (af == m.vocab.applicant_fields.end()) bad(where, "unknown_field", "申请人没有字段“" + p.field + "”", "the applicant has no field '" + p.field + "'");
    else check_field(af->second.def);
  } else {
    bad(where, "bad_path", "路径必须以 event. 或 applicant. 开头", "a path must start with event. or applicant.");
  }
  return p;
}

namespace {
const FieldDef* def_of(const Model& m, const Path& p, const std::string& event) {
  std::string def;
  if (p.scope == Path::Scope::Applicant) {
    auto af = m.vocab.applicant_fields.find(p.field);
    if (af != m.vocab.applicant_fields.end()) def = af->second.def;
  } else if (auto et = m.vocab.event_types.find(event); et != m.vocab.event_types.end()) {
    for (auto& f : et->second.fields)
      if (f.first == p.field) def = f.second;
  }
  auto it = m.vocab.fields.find(def);
  return it == m.vocab.fields.end() ? nullptr : &it->second;
}
}  // namespace

std::vector<Condition> Reader::conditions(const json& j, const std::string& where, const Model& m, const std::string& event) {
  std::vector<Condition> out;
  if (j.is_null()) return out;
  if (!j.is_object()) {
    bad(where, "not_object", "条件必须是对象", "conditions must be an object");
    return out;
  }
  for (auto& member : j.items()) {
    // Not a structured binding: clang before 16 cannot capture one in the lambda below.
    const std::string key = member.key();
    const json& test = member.value();
    std::string p = where + "/" + key;
    Condition c;
    c.path = path_of(json(key), p, m, event);
    const FieldDef* def = def_of(m, c.path, event);
    auto value = [&](const json& v, const std::string& vp) {
      Value out;
      if (v.is_boolean()) out.kind = Value::Kind::Bool, out.b = v.get<bool>();
      else if (v.is_number_integer()) out.kind = Value::Kind::Int, out.i = v.get<long long>();
      else if (v.is_string()) out.kind = Value::Kind::Text, out.s = v.get<std::string>();
      else bad(vp, "bad_value", "取值必须是字符串、整数或布尔值", "a value must be a string, a whole number or a boolean");
      if (def) {
        bool ok = def->type == FieldDef::Type::Int ? out.kind == Value::Kind::Int
                : def->type == FieldDef::Type::Bool ? out.kind == Value::Kind::Bool
                : out.kind == Value::Kind::Text;
        if (!ok) bad(vp, "bad_value", "取值类型与字段不符", "the value's type does not fit the field");
        if (ok && def->type == FieldDef::Type::Enum &&
            std::find(def->values.begin(), def->values.end(), out.s) == def->values.end())
          bad(vp, "unknown_id", "字段“" + key + "”没有取值“" + out.s + "”", "field '" + key + "' has no value '" + out.s + "'");
      }
      return out;
    };
    if (!test.is_object()) {
      c.test.kind = Test::Kind::Eq;
      c.test.values.push_back(value(test, p));
    } else if (test.contains("in") || test.contains("not_in")) {
      c.test.kind = test.contains("in") ? Test::Kind::In : Test::Kind::NotIn;
      const json& arr = test.contains("in") ? test["in"] : test["not_in"];
      if (!arr.is_array() || arr.empty()) bad(p, "not_array", "in/not_in 必须是非空数组", "in/not_in must be a non-empty array");
      else
        for (size_t i = 0; i < arr.size(); ++i) c.test.values.push_back(value(arr[i], p + "/" + std::to_string(i)));
    } else if (test.contains("present")) {
      c.test.kind = Test::Kind::Present;
      if (!test["present"].is_boolean()) bad(p + "/present", "not_boolean", "必须是布尔值", "must be a boolean");
      else c.test.present = test["present"].get<bool>();
    } else if (test.contains("min") || test.contains("max")) {
      c.test.kind = Test::Kind::Range;
      c.test.has_min = test.contains("min");
      c.test.has_max = test.contains("max");
      if (c.test.has_min) c.test.min = integer(test, p, "min");
      if (c.test.has_max) c.test.max = integer(test, p, "max");
      if (def && def->type != FieldDef::Type::Int) bad(p, "bad_value", "min/max 只用于整数字段", "min/max apply to whole-number fields only");
      if (c.test.has_min && c.test.has_max && c.test.min > c.test.max)
        bad(p, "empty_range", "min 大于 max，条件永远不成立", "min is above max: the condition can never hold");
    } else {
      bad(p, "bad_test", "未知的条件写法", "unknown kind of test");
    }
    if (test.is_object())
      for (auto& [k, _] : test.items())
      if (k != "in" && k != "not_in" && k != "present" && k != "min" && k != "max")
        bad(p + "/" + k, "unknown_key", "未知的条件键“" + k + "”", "unknown test key '" + k + "'");
    out.push_back(std::move(c));
  }
  return out;
}

Amount Reader::amount(const json& j, const std::string& where, const Model& m, const std::string& event) {
  Amount a;
  if (!j.is_object()) {
    bad(where, "not_object", "金额必须是对象", "an amount must be an object");
    return a;
  }
  std::string k = str(j, where, "kind");
  auto positive = [&](const char* key) {
    long long v = integer(j, where, key);
    if (v <= 0 || v > 1000000000LL) bad(where + "/" + key, "bad_amount", "金额必须是 1 至 10 亿之间的整数元", "an amount must be whole yuan between 1 and 1,000,000,000");
    return v;
  };
  if (k == "fixed") a.kind = Amount::Kind::Fixed, a.yuan = positive("yuan");
  else if (k == "range") {
    a.kind = Amount::Kind::Range, a.min_yuan = positive("min_yuan"), a.max_yuan = positive("max_yuan");
    if (a.min_yuan > a.max_yuan) bad(where, "bad_amount", "范围下限大于上限", "the range's minimum is above its maximum");
  } else if (k == "up_to") a.kind = Amount::Kind::UpTo, a.max_yuan = positive("max_yuan");
  else if (k == "floor") a.kind = Amount::Kind::Floor, a.min_yuan = positive("min_yuan");
  else if (k == "percent") {
    a.kind = Amount::Kind::Percent;
    a.percent = integer(j, where, "percent");
    if (a.percent <= 0 || a.percent > 100) bad(where + "/percent", "bad_amount", "百分比必须在 1 至 100 之间", "a percentage must be between 1 and 100");
    a.of = path_of(key(j, "of"), where + "/of", m, event);
    if (auto* d = def_of(m, a.of, event); d && d->type != FieldDef::Type::Int)
      bad(where + "/of", "bad_path", "百分比的基数必须是整数字段", "a percentage must apply to a whole-number field");
    if (j.contains("max_yuan")) a.has_cap = true, a.max_yuan = positive("max_yuan");
  } else if (k == "unstated") a.kind = Amount::Kind::Unstated;
  else if (k == "none") a.kind = Amount::Kind::None;
  else if (!k.empty()) bad(where + "/kind", "bad_kind", "未知金额类型“" + k + "”", "unknown amount kind '" + k + "'");
  return a;
}

void Reader::measure(const json& j, const std::string& where, Model& m, int doc) {
  if (!j.is_object()) return bad(where, "not_object", "措施必须是对象", "a measure must be an object");
  static const std::set<std::string> keys = {"id", "clause", "kind", "quote", "applicants", "recipient", "event", "when",
                                             "amount", "options", "per_head", "schedule", "payers", "what", "needs",
                                             "notes", "ambiguous", "supersedes", "benefit", "comment"};
  for (auto& [k, _] : j.items())
    if (!keys.count(k)) bad(where + "/" + k, "unknown_key", "未知的措施字段“" + k + "”", "unknown measure field '" + k + "'");
  Measure x;
  x.doc = doc;
  x.id = str(j, where, "id");
  x.clause = str(j, where, "clause");
  x.kind = str(j, where, "kind");
  if (!x.kind.empty() && !known_kind(x.kind)) bad(where + "/kind", "bad_kind", "未知措施类型“" + x.kind + "”", "unknown measure kind '" + x.kind + "'");
  const json& q = key(j, "quote");
  if (q.is_string()) x.fragments.push_back(q.get<std::string>());
  else if (q.is_array()) x.fragments = strings(q, where + "/quote");
  else bad(where + "/quote", "missing_quote", "缺少原文引用", "the verbatim quote is missing");
  for (auto& f : x.fragments) {
    if (squeeze(f).empty()) bad(where + "/quote", "missing_quote", "原文引用为空", "the quote is empty");
    std::string one;
    for (char c : f)
      if (c != '\n' && c != '\r') one += c;
    x.quote += (x.quote.empty() ? "" : " … ") + one;
  }
  x.applicants = kinds(key(j, "applicants"), where + "/applicants", m.vocab);
  if (!x.applicants) bad(where + "/applicants", "missing_field", "至少要有一类申请人", "at least one applicant kind is needed");
  x.recipient = str(j, where, "recipient");
  if (!x.recipient.empty() && m.vocab.kind_index(x.recipient) < 0)
    bad(where + "/recipient", "unknown_id", "未知领取人类型“" + x.recipient + "”", "unknown recipient kind '" + x.recipient + "'");
  x.event = str(j, where, "event", false);  // none: a standing entitlement of the applicant kind
  if (!x.event.empty() && !m.vocab.event_types.count(x.event))
    bad(where + "/event", "unknown_id", "未知事件类型“" + x.event + "”", "unknown event type '" + x.event + "'");
  x.when = conditions(key(j, "when"), where + "/when", m, x.event);
  if (j.contains("options")) {
    const json& os = j["options"];
    if (!os.is_array() || os.empty()) bad(where + "/options", "not_array", "options 必须是非空数组", "options must be a non-empty array");
    else
      for (size_t i = 0; i < os.size(); ++i) {
        std::string p = where + "/options/" + std::to_string(i);
        Option o;
        o.when = conditions(key(os[i], "when"), p + "/when", m, x.event);
        o.amount = amount(key(os[i], "amount"), p + "/amount", m, x.event);
        o.label = text(key(os[i], "label"), p + "/label");
        x.options.push_back(std::move(o));
      }
    if (j.contains("amount")) bad(where + "/amount", "ambiguous_amount", "amount 与 options 只能有一个", "give amount or options, not both");
  } else {
    x.amount = amount(key(j, "amount"), where + "/amount", m, x.event);
  }
  if (j.contains("per_head")) {
    const json& ph = j["per_head"];
    if (ph.is_boolean()) x.per_head = ph.get<bool>() ? Measure::PerHead::Count : Measure::PerHead::No;
    else x.per_head = Measure::PerHead::Path, x.per_head_path = path_of(ph, where + "/per_head", m, x.event);
    if (x.per_head == Measure::PerHead::Count) {
      bool has = false;
      if (auto et = m.vocab.event_types.find(x.event); et != m.vocab.event_types.end())
        for (auto& f : et->second.fields) has = has || f.first == "count";
      if (!has) bad(where + "/per_head", "unknown_field", "该事件类型没有 count 字段", "this event type has no count field");
    }
  }
  const json& s = key(j, "schedule");
  std::string sk = str(s, where + "/schedule", "kind");
  if (sk == "once") x.schedule.kind = Schedule::Kind::Once;
  else if (sk == "monthly" || sk == "yearly") {
    x.schedule.kind = sk == "monthly" ? Schedule::Kind::Monthly : Schedule::Kind::Yearly;
    if (s.contains("count_from")) {
      x.schedule.has_count_from = true;
      x.schedule.count_from = path_of(s["count_from"], where + "/schedule/count_from", m, x.event);
      x.schedule.max_count = integer(s, where + "/schedule", "max_count");
      if (x.schedule.max_count < 1 || x.schedule.max_count > 600) bad(where + "/schedule/max_count", "bad_count", "期数必须在 1 至 600 之间", "a term must be 1 to 600 periods");
      x.schedule.count = x.schedule.max_count;
    } else if (!s.contains("count") || s["count"].is_null()) {
      x.schedule.count_known = false;
    } else {
      x.schedule.count = integer(s, where + "/schedule", "count");
      if (x.schedule.count < 1 || x.schedule.count > 600) bad(where + "/schedule/count", "bad_count", "期数必须在 1 至 600 之间", "a term must be 1 to 600 periods");
    }
  } else if (!sk.empty()) bad(where + "/schedule/kind", "bad_kind", "schedule 必须是 once、monthly 或 yearly", "schedule must be once, monthly or yearly");
  const json& ps = key(j, "payers");
  if (!ps.is_array()) bad(where + "/payers", "not_array", "payers 必须是数组", "payers must be an array");
  else {
    long long num = 0, den = 1;  // the sum of shares as a fraction
    for (size_t i = 0; i < ps.size(); ++i) {
      std::string p = where + "/payers/" + std::to_string(i);
      Payer py{str(ps[i], p, "who"), str(ps[i], p, "share")};
      if (!py.who.empty() && !m.vocab.payers.count(py.who)) bad(p + "/who", "unknown_id", "未知付款方“" + py.who + "”", "unknown payer '" + py.who + "'");
      auto [a, b] = fraction(py.share);
      if (!b) bad(p + "/share", "bad_share", "份额必须是 (0,1] 之间的分数，如 1/2", "a share must be a fraction in (0,1], e.g. 1/2");
      else num = num * b + a * den, den *= b;
      x.payers.push_back(py);
    }
    if (!ps.empty() && num != den) bad(where + "/payers", "bad_share", "各付款方份额之和必须为 1", "the payers' shares must add up to 1");
  }
  x.what = text(key(j, "what"), where + "/what");
  x.needs = text(key(j, "needs"), where + "/needs");
  if (j.contains("benefit")) x.benefit = text(j["benefit"], where + "/benefit");
  if (j.contains("notes")) {
    if (!j["notes"].is_array()) bad(where + "/notes", "not_array", "notes 必须是数组", "notes must be an array");
    else
      for (size_t i = 0; i < j["notes"].size(); ++i) x.notes.push_back(text(j["notes"][i], where + "/notes/" + std::to_string(i)));
  }
  if (j.contains("ambiguous")) {
    if (!j["ambiguous"].is_boolean()) bad(where + "/ambiguous", "not_boolean", "必须是布尔值", "must be a boolean");
    else x.ambiguous = j["ambiguous"].get<bool>();
    if (x.ambiguous && x.notes.empty()) bad(where + "/notes", "missing_note", "有歧义的措施必须用 notes 说明所取的理解", "an ambiguous measure needs a note explaining the reading taken");
  }
  if (j.contains("supersedes")) x.supersedes = strings(j["supersedes"], where + "/supersedes");
  bool money = x.monetary();
  if (!money && x.benefit.zh.empty()) bad(where + "/benefit", "missing_field", "非货币措施必须写明 benefit", "a measure without money needs a benefit");
  if (money && x.payers.empty()) bad(where + "/payers", "missing_field", "涉及资金的措施必须写明付款方（原文未写明时用 not_stated）", "a measure with money needs payers (not_stated where the text names none)");
  m.documents[doc].measures.push_back(static_cast<int>(m.measures.size()));
  m.measures.push_back(std::move(x));
}

std::vector<int> Reader::measure_refs(const json& j, const std::string& where, const Model& m, int doc, bool monetary_only) {
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
    if (out.size() == before) bad(where, "unknown_reference", "本文件没有措施“" + ref + "”", "no measure '" + ref + "' in this document");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void Reader::rules(const json& j, Model& m, const std::string& folder) {
  if (!j.is_object()) return bad("", "not_object", "规则文件必须是对象", "a rule file must be an object");
  for (auto& [k, _] : j.items())
    if (k != "document" && k != "measures" && k != "stacking" && k != "caps" && k != "target_only" && k != "vocabulary")
      bad("/" + k, "unknown_key", "未知的顶层字段“" + k + "”", "unknown top-level key '" + k + "'");
  const json& d = key(j, "document");
  Document doc;
  doc.folder = folder;
  doc.id = str(d, "/document", "id");
  doc.city = str(d, "/document", "city");
  if (!doc.city.empty() && !m.vocab.cities.count(doc.city))
    bad("/document/city", "unknown_id", "未知城市“" + doc.city + "”（请在 vocabulary 中添加）", "unknown city '" + doc.city + "' (add it to the vocabulary)");
  doc.number = str(d, "/document", "number");
  doc.title = str(d, "/document", "title");
  doc.issuer = str(d, "/document", "issuer");
  doc.period_quote = str(d, "/document", "period_quote", false);
  doc.dated = parse_day(str(d, "/document", "dated"));
  if (!doc.dated) bad("/document/dated", "bad_date", "日期必须是有效的 YYYY-MM-DD", "a date must be a real YYYY-MM-DD day");
  const json& per = key(d, "period");
  doc.from = parse_day(str(per, "/document/period", "from"));
  if (!doc.from) bad("/document/period/from", "bad_date", "日期必须是有效的 YYYY-MM-DD", "a date must be a real YYYY-MM-DD day");
  std::string to = str(per, "/document/period", "to", false);
  if (!to.empty()) {
    doc.to = parse_day(to);
    if (!doc.to) bad("/document/period/to", "bad_date", "日期必须是有效的 YYYY-MM-DD", "a date must be a real YYYY-MM-DD day");
    else if (doc.to < doc.from) bad("/document/period", "bad_period", "施行期结束早于开始", "the period ends before it begins");
  }
  doc.clause_label = text(key(d, "clause_label"), "/document/clause_label");
  if (auto n = d.find("notes"); n != d.end() && n->is_array())
    for (size_t i = 0; i < n->size(); ++i) doc.notes.push_back(text((*n)[i], "/document/notes/" + std::to_string(i)));
  for (auto& other : m.documents)
    if (other.id == doc.id) bad("/document/id", "duplicate_id", "文件标识“" + doc.id + "”重复", "document id '" + doc.id + "' is used twice");
  int di = static_cast<int>(m.documents.size());
  m.documents.push_back(doc);
  const json& ms = key(j, "measures");
  if (!ms.is_array()) bad("/measures", "not_array", "measures 必须是数组", "measures must be an array");
  else
    for (size_t i = 0; i < ms.size(); ++i) measure(ms[i], "/measures/" + std::to_string(i), m, di);
  if (auto t = j.find("target_only"); t != j.end()) {
    if (!t->is_array()) bad("/target_only", "not_array", "target_only 必须是数组", "target_only must be an array");
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
      if (st.rule != "highest") bad(p + "/rule", "bad_rule", "目前只支持 highest（就高不重复）", "only 'highest' is supported");
      std::string key_name = str(x, p, "key", false);
      if (!key_name.empty() && key_name != "achievement") bad(p + "/key", "bad_key", "key 只能是 achievement", "key must be 'achievement'");
      st.measures = measure_refs(key(x, "measures"), p + "/measures", m, di, true);
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
      if (per == "applicant") cap.per = Cap::Per::Applicant;
      else if (per != "applicant_year") bad(p + "/per", "bad_kind", "per 必须是 applicant_year 或 applicant", "per must be applicant_year or applicant");
      cap.measures = measure_refs(key(x, "measures"), p + "/measures", m, di, true);
      for (auto& other : m.caps)
        if (other.doc == di && other.measures == cap.measures && other.per == cap.per && other.max_yuan != cap.max_yuan)
          bad(p, "contradictory_cap", "同一组措施有两个不同的上限（" + other.id + "）", "the same measures have two different caps (" + other.id + ")");
      m.caps.push_back(cap);
    }
}

void link_and_verify(Model& m, Problems& p) {
  std::map<std::string, int> index;
  for (size_t i = 0; i < m.measures.size(); ++i) {
    const Measure& x = m.measures[i];
    const std::string file = m.documents[x.doc].folder + "/rules.json";
    auto [it, fresh] = index.emplace(x.id, static_cast<int>(i));
    if (!fresh && !x.id.empty()) p.add(file, "/measures", "duplicate_id", "措施标识“" + x.id + "”重复", "measure id '" + x.id + "' is used twice");
    for (auto& t : m.documents[x.doc].target_only)
      if (t.first == x.id) p.add(file, "/target_only", "duplicate_id", "“" + x.id + "”既是措施又是目标条款", "'" + x.id + "' is both a measure and target-only");
  }
  for (size_t i = 0; i < m.measures.size(); ++i) {
    Measure& newer = m.measures[i];
    const Document& nd = m.documents[newer.doc];
    for (auto& id : newer.supersedes) {
      auto it = index.find(id);
      if (it == index.end()) {
        // A measure of a document that is not loaded (a subset of the rules) is no error; a missing id of a loaded
        // document is.
        std::string doc_id = id.substr(0, id.find('-'));
        bool loaded = false;
        for (auto& d : m.documents) loaded = loaded || d.id == doc_id;
        if (!loaded) continue;
        p.add(nd.folder + "/rules.json", "/measures", "unknown_reference", "被取代的措施“" + id + "”不存在", "superseded measure '" + id + "' does not exist");
        continue;
      }
      Measure& older = m.measures[it->second];
      const Document& od = m.documents[older.doc];
      if (od.city != nd.city || od.from >= nd.from || older.doc == newer.doc)
        p.add(nd.folder + "/rules.json", "/measures", "bad_supersession", "只能取代同一城市较早文件的措施：" + id, "only a measure of an older document of the same city can be superseded: " + id);
      else older.superseded_by.push_back(static_cast<int>(i));
    }
  }
  // Every yuan figure and percentage of a measure must be stated in its own quote.
  for (size_t i = 0; i < m.measures.size(); ++i) {
    const Measure& x = m.measures[i];
    const std::string file = m.documents[x.doc].folder + "/rules.json";
    std::string all;
    for (auto& f : x.fragments) all += f + "\n";
    Figures fig = figures_in(all);
    auto need = [&](long long y, const std::string& what) {
      if (!fig.yuan.count(y))
        p.add(file, "/measures/" + x.id, "amount_not_in_quote", what + " " + std::to_string(y) + " 元不见于“" + x.id + "”的原文引用",
              "the figure " + std::to_string(y) + " yuan is not stated in the quote of " + x.id);
    };
    auto verify = [&](const Amount& a) {
      switch (a.kind) {
        case Amount::Kind::Fixed: need(a.yuan, "金额"); break;
        case Amount::Kind::Range: need(a.min_yuan, "金额下限"); need(a.max_yuan, "金额上限"); break;
        case Amount::Kind::UpTo: need(a.max_yuan, "最高金额"); break;
        case Amount::Kind::Floor: need(a.min_yuan, "最低金额"); break;
        case Amount::Kind::Percent:
          if (!fig.percent.count(a.percent))
            p.add(file, "/measures/" + x.id, "amount_not_in_quote", "比例 " + std::to_string(a.percent) + "% 不见于原文引用",
                  "the percentage " + std::to_string(a.percent) + "% is not stated in the quote of " + x.id);
          if (a.has_cap) need(a.max_yuan, "上限");
          break;
        default: break;
      }
    };
    verify(x.amount);
    for (auto& o : x.options) verify(o.amount);
  }
  for (auto& c : m.caps)
    if (!figures_in(c.quote).yuan.count(c.max_yuan))
      p.add(m.documents[c.doc].folder + "/rules.json", "/caps/" + c.id, "amount_not_in_quote",
            "上限 " + std::to_string(c.max_yuan) + " 元不见于其原文引用", "the cap of " + std::to_string(c.max_yuan) + " yuan is not stated in its quote");
}

std::vector<int> Model::docs_of_city(const std::string& city) const {
  std::vector<int> out;
  for (size_t i = 0; i < documents.size(); ++i)
    if (documents[i].city == city) out.push_back(static_cast<int>(i));
  return out;
}

}  // namespace skillcalc
