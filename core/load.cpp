#include "load.hpp"

#include <limits>

#include "day.hpp"
#include "money.hpp"
#include "strict_json.hpp"

namespace skillcalc {

namespace {
constexpr int kMaxKinds = 32;  // applicant kinds are bits of an unsigned
const char* kKinds[] = {"money_one_time",    "money_periodic", "money_per_head", "money_percent",
                        "money_upper_bound", "tax_credit",     "non_monetary"};
bool known_kind(const std::string& k) {
  for (auto* x : kKinds)
    if (k == x) return true;
  return false;
}
}  // namespace

// "1/2" -> {1,2}; {0,0} when not a fraction in (0,1].
std::pair<long long, long long> parse_share(const std::string& s) {
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

bool Measure::unstated() const {
  if (amount.kind == Amount::Kind::Unstated) return true;
  for (auto& o : options)
    if (o.amount.kind == Amount::Kind::Unstated) return true;
  return false;
}

bool Measure::monetary() const {
  if (options.empty()) return amount.kind != Amount::Kind::None;
  for (auto& o : options)
    if (o.amount.kind != Amount::Kind::None) return true;
  return false;
}

std::string Reader::str(const json& o, const std::string& path, const char* key, bool required) {
  auto it = o.is_object() ? o.find(key) : o.end();
  if (!o.is_object() || it == o.end() || it->is_null()) {
    if (required)
      bad(path + "/" + key, "missing_field", std::string("缺少字段 ") + key, std::string("missing field ") + key);
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
    if (a[i].is_string())
      out.push_back(a[i].get<std::string>());
    else
      bad(path + "/" + std::to_string(i), "not_string", "必须是字符串", "must be a string");
  }
  return out;
}

unsigned Reader::kinds(const json& a, const std::string& path, const Vocabulary& v) {
  unsigned bits = 0;
  for (auto& k : strings(a, path)) {
    int i = v.kind_index(k);
    if (i < 0)
      bad(path, "unknown_id", "未知申请人类型“" + k + "”", "unknown applicant kind '" + k + "'");
    else if (i >= kMaxKinds)
      bad(path, "too_many_kinds", "申请人类型最多 32 种", "at most 32 applicant kinds");
    else
      bits |= 1u << i;
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
    if (def.empty())
      bad(where, "unknown_field", "事件类型“" + event + "”没有字段“" + p.field + "”",
          "event type '" + event + "' has no field '" + p.field + "'");
    else
      check_field(def);
  } else if (s.rfind("applicant.", 0) == 0) {
    p.scope = Path::Scope::Applicant;
    p.field = s.substr(10);
    auto af = m.vocab.applicant_fields.find(p.field);
    if (af == m.vocab.applicant_fields.end())
      bad(where, "unknown_field", "申请人没有字段“" + p.field + "”", "the applicant has no field '" + p.field + "'");
    else
      check_field(af->second.def);
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

std::vector<Condition> Reader::conditions(const json& j, const std::string& where, const Model& m,
                                          const std::string& event) {
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
      if (v.is_boolean())
        out.kind = Value::Kind::Bool, out.b = v.get<bool>();
      else if (v.is_number_integer())
        out.kind = Value::Kind::Int, out.i = v.get<long long>();
      else if (v.is_string())
        out.kind = Value::Kind::Text, out.s = v.get<std::string>();
      else
        bad(vp, "bad_value", "取值必须是字符串、整数或布尔值", "a value must be a string, a whole number or a boolean");
      if (def) {
        bool ok = def->type == FieldDef::Type::Int    ? out.kind == Value::Kind::Int
                  : def->type == FieldDef::Type::Bool ? out.kind == Value::Kind::Bool
                                                      : out.kind == Value::Kind::Text;
        if (!ok) bad(vp, "bad_value", "取值类型与字段不符", "the value's type does not fit the field");
        if (ok && def->type == FieldDef::Type::Enum &&
            std::find(def->values.begin(), def->values.end(), out.s) == def->values.end())
          bad(vp, "unknown_id", "字段“" + key + "”没有取值“" + out.s + "”",
              "field '" + key + "' has no value '" + out.s + "'");
      }
      return out;
    };
    if (!test.is_object()) {
      c.test.kind = Test::Kind::Eq;
      c.test.values.push_back(value(test, p));
    } else if (test.contains("in") || test.contains("not_in")) {
      c.test.kind = test.contains("in") ? Test::Kind::In : Test::Kind::NotIn;
      const json& arr = test.contains("in") ? test["in"] : test["not_in"];
      if (!arr.is_array() || arr.empty())
        bad(p, "not_array", "in/not_in 必须是非空数组", "in/not_in must be a non-empty array");
      else
        for (size_t i = 0; i < arr.size(); ++i) c.test.values.push_back(value(arr[i], p + "/" + std::to_string(i)));
    } else if (test.contains("present")) {
      c.test.kind = Test::Kind::Present;
      if (!test["present"].is_boolean())
        bad(p + "/present", "not_boolean", "必须是布尔值", "must be a boolean");
      else
        c.test.present = test["present"].get<bool>();
    } else if (test.contains("min") || test.contains("max")) {
      c.test.kind = Test::Kind::Range;
      c.test.has_min = test.contains("min");
      c.test.has_max = test.contains("max");
      if (c.test.has_min) c.test.min = integer(test, p, "min");
      if (c.test.has_max) c.test.max = integer(test, p, "max");
      if (def && def->type != FieldDef::Type::Int)
        bad(p, "bad_value", "min/max 只用于整数字段", "min/max apply to whole-number fields only");
      if (c.test.has_min && c.test.has_max && c.test.min > c.test.max)
        bad(p, "empty_range", "min 大于 max，条件永远不成立", "min is above max: the condition can never hold");
    } else {
      bad(p, "bad_test", "未知的条件写法", "unknown kind of test");
    }
    if (test.is_object())
      for (auto& [k, _] : test.items())
        if (k != "in" && k != "not_in" && k != "present" && k != "min" && k != "max")
          bad(p + "/" + pointer_token(k), "unknown_key", "未知的条件键“" + k + "”", "unknown test key '" + k + "'");
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
    if (v <= 0 || v > 1000000000LL)
      bad(where + "/" + key, "bad_amount", "金额必须是 1 至 10 亿之间的整数元",
          "an amount must be whole yuan between 1 and 1,000,000,000");
    return v;
  };
  if (k == "fixed")
    a.kind = Amount::Kind::Fixed, a.yuan = positive("yuan");
  else if (k == "range") {
    a.kind = Amount::Kind::Range, a.min_yuan = positive("min_yuan"), a.max_yuan = positive("max_yuan");
    if (a.min_yuan > a.max_yuan)
      bad(where, "bad_amount", "范围下限大于上限", "the range's minimum is above its maximum");
  } else if (k == "up_to")
    a.kind = Amount::Kind::UpTo, a.max_yuan = positive("max_yuan");
  else if (k == "floor")
    a.kind = Amount::Kind::Floor, a.min_yuan = positive("min_yuan");
  else if (k == "percent") {
    a.kind = Amount::Kind::Percent;
    a.percent = integer(j, where, "percent");
    if (a.percent <= 0 || a.percent > 100)
      bad(where + "/percent", "bad_amount", "百分比必须在 1 至 100 之间", "a percentage must be between 1 and 100");
    a.of = path_of(key(j, "of"), where + "/of", m, event);
    if (auto* d = def_of(m, a.of, event); d && d->type != FieldDef::Type::Int)
      bad(where + "/of", "bad_path", "百分比的基数必须是整数字段", "a percentage must apply to a whole-number field");
    if (j.contains("max_yuan")) a.has_cap = true, a.max_yuan = positive("max_yuan");
  } else if (k == "unstated")
    a.kind = Amount::Kind::Unstated;
  else if (k == "none")
    a.kind = Amount::Kind::None;
  else if (!k.empty())
    bad(where + "/kind", "bad_kind", "未知金额类型“" + k + "”", "unknown amount kind '" + k + "'");
  return a;
}

void Reader::measure(const json& j, const std::string& where, Model& m, int doc) {
  if (!j.is_object()) return bad(where, "not_object", "措施必须是对象", "a measure must be an object");
  static const std::set<std::string> keys = {
      "id",      "clause",   "kind",     "quote",  "applicants", "recipient", "event",    "when",      "amount",
      "options", "per_head", "schedule", "payers", "what",       "needs",     "notes",    "ambiguous", "supersedes",
      "benefit", "comment",  "unit",     "held",   "teams",      "per_year",  "what_unit"};
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
  if (!x.recipient.empty() && x.recipient != "applicant" && m.vocab.kind_index(x.recipient) < 0)
    bad(where + "/recipient", "unknown_id", "未知领取人类型“" + x.recipient + "”",
        "unknown recipient kind '" + x.recipient + "'");
  x.event = str(j, where, "event", false);  // none: a standing entitlement of the applicant kind
  if (!x.event.empty() && !m.vocab.event_types.count(x.event))
    bad(where + "/event", "unknown_id", "未知事件类型“" + x.event + "”", "unknown event type '" + x.event + "'");
  x.when = conditions(key(j, "when"), where + "/when", m, x.event);
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
        if (const json& asks = key(os[i], "asks"); !asks.is_null()) {
          if (!asks.is_array() || asks.empty())
            bad(p + "/asks", "not_array", "asks 必须是非空数组", "asks must be a non-empty array");
          else
            for (size_t a = 0; a < asks.size(); ++a)
              o.asks.push_back(path_of(asks[a], p + "/asks/" + std::to_string(a), m, x.event));
        }
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
  const json& s = key(j, "schedule");
  std::string sk = str(s, where + "/schedule", "kind");
  if (sk == "once")
    x.schedule.kind = Schedule::Kind::Once;
  else if (sk == "term") {
    x.schedule.kind = Schedule::Kind::Term;
    x.schedule.count = integer(s, where + "/schedule", "count");
    if (x.schedule.count < 1 || x.schedule.count > 50)
      bad(where + "/schedule/count", "bad_count", "期限必须在 1 至 50 年之间", "a term must be 1 to 50 years");
  } else if (sk == "monthly" || sk == "yearly") {
    x.schedule.kind = sk == "monthly" ? Schedule::Kind::Monthly : Schedule::Kind::Yearly;
    if (s.contains("count_from")) {
      x.schedule.has_count_from = true;
      x.schedule.count_from = path_of(s["count_from"], where + "/schedule/count_from", m, x.event);
      if (s.contains("max_count")) {
        x.schedule.max_count = integer(s, where + "/schedule", "max_count");
        if (x.schedule.max_count < 1 || x.schedule.max_count > 600)
          bad(where + "/schedule/max_count", "bad_count", "期数必须在 1 至 600 之间",
              "a term must be 1 to 600 periods");
        x.schedule.count = x.schedule.max_count;
      } else {
        x.schedule.count_known = false;  // the text states no term: the user's own figure, or no total
      }
    } else if (!s.contains("count") || s["count"].is_null()) {
      x.schedule.count_known = false;
    } else {
      x.schedule.count = integer(s, where + "/schedule", "count");
      if (x.schedule.count < 1 || x.schedule.count > 600)
        bad(where + "/schedule/count", "bad_count", "期数必须在 1 至 600 之间", "a term must be 1 to 600 periods");
    }
  } else if (!sk.empty())
    bad(where + "/schedule/kind", "bad_kind", "schedule 必须是 once、monthly、yearly 或 term",
        "schedule must be once, monthly, yearly or term");
  const json& ps = key(j, "payers");
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
      x.payers.push_back(py);
    }
    if (!ps.empty() && num != den)
      bad(where + "/payers", "bad_share", "各付款方份额之和必须为 1", "the payers' shares must add up to 1");
  }
  x.what = text(key(j, "what"), where + "/what");
  if (j.contains("what_unit")) x.what_unit = text(key(j, "what_unit"), where + "/what_unit");
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
  for (const char* flag : {"held", "teams"})
    if (j.contains(flag)) {
      if (!j[flag].is_boolean())
        bad(where + "/" + flag, "not_boolean", "必须是布尔值", "must be a boolean");
      else
        (std::string(flag) == "held" ? x.held : x.teams) = j[flag].get<bool>();
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
  bool money = x.monetary();
  if (!money && x.benefit.zh.empty())
    bad(where + "/benefit", "missing_field", "非货币措施必须写明 benefit", "a measure without money needs a benefit");
  if (money && x.payers.empty())
    bad(where + "/payers", "missing_field", "涉及资金的措施必须写明付款方（原文未写明时用 not_stated）",
        "a measure with money needs payers (not_stated where the text names none)");
  m.documents[doc].measures.push_back(static_cast<int>(m.measures.size()));
  m.measures.push_back(std::move(x));
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
      if (st.rule != "highest")
        bad(p + "/rule", "bad_rule", "目前只支持 highest（就高不重复）", "only 'highest' is supported");
      std::string key_name = str(x, p, "key", false);
      if (!key_name.empty() && key_name != "achievement")
        bad(p + "/key", "bad_key", "key 只能是 achievement", "key must be 'achievement'");
      st.measures = measure_refs(key(x, "measures"), p + "/measures", m, di, true);
      if (x.contains("also")) st.also = strings(key(x, "also"), p + "/also");
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

namespace {
// The JSON pointer of a measure, stacking rule or cap in its own rule file: its index among its document's own.
std::string measure_path(const Model& m, int mi) {
  const auto& own = m.documents[m.measures[mi].doc].measures;
  return "/measures/" + std::to_string(std::find(own.begin(), own.end(), mi) - own.begin());
}
// The least one item of the measure pays per head and period, whatever the situation: 0 when some option (or the
// amount) can pay nothing or an open amount (up_to, percent, unstated).
long long least_item(const Measure& x) {
  auto least = [](const Amount& a) -> long long {
    switch (a.kind) {
      case Amount::Kind::Fixed:
        return a.yuan;
      case Amount::Kind::Range:
        return a.min_yuan;
      case Amount::Kind::Floor:
        return a.min_yuan;
      default:
        return 0;
    }
  };
  if (x.options.empty()) return least(x.amount);
  long long out = -1;
  for (auto& o : x.options) out = out < 0 ? least(o.amount) : std::min(out, least(o.amount));
  return out < 0 ? 0 : out;
}

// Checks across measures, documents, stacking rules and caps (see rules/FORMAT.md and tests/broken-rules/):
//  - too_many_kinds: more applicant kinds than the bitmask of a measure holds;
//  - overlapping_period: one document (the same id, or the same number in the same city) encoded in two rule files
//    whose periods share a day, so that every event of those days would be paid twice;
//  - cycle: measures that supersede each other, directly or through others (supersedes must run from newer to older);
//  - stacking_overlap: a measure in two stacking rules of its document (就高不重复 groups that share a measure chain
//    into each other: which item is paid would depend on the order the rules are applied);
//  - duplicate_id: two stacking rules or caps of one document with the same id;
//  - missing_field: a stacking rule or cap that names no measure with money; missing_quote: one with an empty quote
//    (an empty quote is found in any text, so the fidelity check would pass it);
//  - bad_path: a field read as a number (per_head, percent of, count_from) that is not a whole number or can be
//    negative; amount_overflow: a measure whose largest item cannot be computed in 64 bits;
//  - contradictory_cap: a cap below what one item of a measure it limits always pays (the stated amount could never
//    be paid), besides two caps of the same measures and span with different amounts (read with the caps).
void verify_links(const Model& m, Problems& p) {
  auto file_of = [&](int doc) { return m.documents[doc].folder + "/rules.json"; };
  if (m.vocab.applicant_kinds.size() > static_cast<size_t>(kMaxKinds))
    p.add("vocabulary.json", "/applicant_kinds", "too_many_kinds", "申请人类型最多 32 种",
          "at most 32 applicant kinds");
  for (size_t b = 0; b < m.documents.size(); ++b)
    for (size_t a = 0; a < b; ++a) {
      const Document &x = m.documents[a], &y = m.documents[b];
      bool same = (!x.id.empty() && x.id == y.id) || (!x.number.empty() && x.number == y.number && x.city == y.city);
      if (same && x.from && y.from && x.from <= y.to && y.from <= x.to)
        p.add(file_of(static_cast<int>(b)), "/document/period", "overlapping_period",
              "文件“" + y.number + "”（" + y.id + "）已由 " + x.folder + " 编码，两者的施行期重叠",
              "document '" + y.number + "' (" + y.id + ") is also encoded in " + x.folder +
                  " and the two periods overlap");
    }
  // supersedes as a graph of measure ids: a cycle is reported once, at the measure where the search meets it again.
  std::map<std::string, int> by_id;
  for (size_t i = 0; i < m.measures.size(); ++i) by_id.emplace(m.measures[i].id, static_cast<int>(i));
  std::vector<char> state(m.measures.size(), 0);  // 0 unseen, 1 on the path, 2 done
  for (size_t start = 0; start < m.measures.size(); ++start) {
    if (state[start]) continue;
    std::vector<std::pair<int, size_t>> stack{{static_cast<int>(start), 0}};  // measure, next edge
    state[start] = 1;
    while (!stack.empty()) {
      auto& [mi, next] = stack.back();
      const auto& edges = m.measures[mi].supersedes;
      if (next == edges.size()) {
        state[mi] = 2;
        stack.pop_back();
        continue;
      }
      const std::string& to = edges[next];
      size_t edge = next++;
      auto it = by_id.find(to);
      if (it == by_id.end()) continue;
      if (state[it->second] == 1) {
        const Measure& x = m.measures[mi];
        p.add(file_of(x.doc), measure_path(m, mi) + "/supersedes/" + std::to_string(edge), "cycle",
              "“" + x.id + "”与“" + to + "”互相取代（循环）",
              "'" + x.id + "' and '" + to + "' supersede each other (a cycle)");
      } else if (!state[it->second]) {
        state[it->second] = 1;
        stack.push_back({it->second, 0});
      }
    }
  }
  const std::vector<size_t> own_stacking = own_index(m.stackings);
  for (size_t i = 0; i < m.stackings.size(); ++i) {
    const Stacking& st = m.stackings[i];
    std::string path = pointer_in_file("stacking", own_stacking, i);
    if (st.measures.empty())
      p.add(file_of(st.doc), path + "/measures", "missing_field", "就高规则没有涉及资金的措施",
            "the stacking rule names no measure with money");
    if (squeeze(st.quote).empty())
      p.add(file_of(st.doc), path + "/quote", "missing_quote", "就高规则缺少原文引用",
            "the stacking rule's verbatim quote is missing");
    for (size_t j = 0; j < i; ++j) {
      const Stacking& other = m.stackings[j];
      if (m.documents[other.doc].city != m.documents[st.doc].city) continue;  // `also` spans a city's documents
      if (other.doc == st.doc && !st.id.empty() && other.id == st.id)
        p.add(file_of(st.doc), path + "/id", "duplicate_id", "就高规则标识“" + st.id + "”重复",
              "stacking rule id '" + st.id + "' is used twice");
      for (int mi : st.measures)
        if (std::binary_search(other.measures.begin(), other.measures.end(), mi)) {
          p.add(file_of(st.doc), path + "/measures", "stacking_overlap",
                "措施“" + m.measures[mi].id + "”同时属于就高规则“" + other.id + "”和“" + st.id + "”",
                "measure '" + m.measures[mi].id + "' is in two stacking rules, '" + other.id + "' and '" + st.id + "'");
          break;
        }
    }
  }
  // The fields a measure reads as numbers must be whole numbers that cannot be negative, and its largest item (the
  // largest amount x the most heads x the most periods the vocabulary's ranges allow) must fit in 64 bits: evaluation
  // multiplies them as long long before it can refuse an absurd total.
  const std::vector<size_t> own_measure = own_index(m.measures);
  for (size_t mi = 0; mi < m.measures.size(); ++mi) {
    const Measure& x = m.measures[mi];
    const std::string where = pointer_in_file("measures", own_measure, mi);
    auto number_field = [&](const Path& path, const std::string& at) -> const FieldDef* {
      const FieldDef* d = def_of(m, path, x.event);
      if (!d) return nullptr;  // an unknown field is reported where it is read
      if (d->type != FieldDef::Type::Int)
        p.add(file_of(x.doc), at, "bad_path", "“" + path.text() + "”不是整数字段",
              "'" + path.text() + "' is not a whole-number field");
      else if (d->min < 0)
        p.add(file_of(x.doc), at, "bad_path", "“" + path.text() + "”可以为负数",
              "'" + path.text() + "' can be negative");
      else
        return d;
      return nullptr;
    };
    __int128 unit = 0;
    auto largest = [&](const Amount& a, const std::string& at) {
      switch (a.kind) {
        case Amount::Kind::Fixed:
          unit = std::max<__int128>(unit, a.yuan);
          break;
        case Amount::Kind::Range:
        case Amount::Kind::UpTo:
          unit = std::max<__int128>(unit, a.max_yuan);
          break;
        case Amount::Kind::Floor:
          unit = std::max<__int128>(unit, a.min_yuan);
          break;
        case Amount::Kind::Percent:
          if (const FieldDef* d = number_field(a.of, at + "/of")) {
            __int128 u = static_cast<__int128>(d->max) * a.percent / 100;
            unit = std::max<__int128>(unit, a.has_cap ? std::min<__int128>(u, a.max_yuan) : u);
          }
          break;
        default:
          break;
      }
    };
    largest(x.amount, where + "/amount");
    for (size_t o = 0; o < x.options.size(); ++o)
      largest(x.options[o].amount, where + "/options/" + std::to_string(o) + "/amount");
    __int128 heads = 1, periods = 1;
    if (x.per_head == Measure::PerHead::Count) {
      if (const FieldDef* d = number_field(Path{Path::Scope::Event, "count"}, where + "/per_head"))
        heads = std::max<long long>(1, d->max);
    } else if (x.per_head == Measure::PerHead::Path) {
      if (const FieldDef* d = number_field(x.per_head_path, where + "/per_head"))
        heads = std::max<long long>(1, d->max);
    }
    if (x.schedule.has_count_from) number_field(x.schedule.count_from, where + "/schedule/count_from");
    if (x.schedule.periodic() && x.schedule.count_known) periods = std::max<long long>(1, x.schedule.count);
    const __int128 limit = std::numeric_limits<long long>::max();  // each factor is at most 2^63: two fit in 128 bits
    if (unit * heads > limit || unit * heads * periods > limit)
      p.add(file_of(x.doc), where, "amount_overflow", "“" + x.id + "”最大一项（金额×人数×期数）超出可计算范围",
            "the largest item of '" + x.id + "' (amount x heads x periods) is beyond what can be computed");
  }
  const std::vector<size_t> own_cap = own_index(m.caps);
  for (size_t i = 0; i < m.caps.size(); ++i) {
    const Cap& c = m.caps[i];
    std::string path = pointer_in_file("caps", own_cap, i);
    if (c.measures.empty())
      p.add(file_of(c.doc), path + "/measures", "missing_field", "上限没有涉及资金的措施",
            "the cap names no measure with money");
    if (squeeze(c.quote).empty())
      p.add(file_of(c.doc), path + "/quote", "missing_quote", "上限缺少原文引用",
            "the cap's verbatim quote is missing");
    for (size_t j = 0; j < i; ++j)
      if (m.caps[j].doc == c.doc && !c.id.empty() && m.caps[j].id == c.id)
        p.add(file_of(c.doc), path + "/id", "duplicate_id", "上限标识“" + c.id + "”重复",
              "cap id '" + c.id + "' is used twice");
    for (int mi : c.measures)
      if (c.max_yuan > 0 && least_item(m.measures[mi]) > c.max_yuan)
        p.add(file_of(c.doc), path + "/max_yuan", "contradictory_cap",
              "上限 " + std::to_string(c.max_yuan) + " 元低于措施“" + m.measures[mi].id + "”每项至少发放的 " +
                  std::to_string(least_item(m.measures[mi])) + " 元",
              "the cap of " + std::to_string(c.max_yuan) + " yuan is below the " +
                  std::to_string(least_item(m.measures[mi])) + " yuan that one item of '" + m.measures[mi].id +
                  "' always pays");
  }
}
}  // namespace

namespace {
// A stacking rule's `also`: monetary measures of other loaded documents of the same city. A reference to a document
// that is not loaded (a subset of the rules) is no error; a missing id of a loaded one is.
void link_stacking(Model& m, Problems& p) {
  const auto own = own_index(m.stackings);
  for (size_t si = 0; si < m.stackings.size(); ++si) {
    Stacking& st = m.stackings[si];
    const Document& sd = m.documents[st.doc];
    const std::string file = sd.folder + "/rules.json", at = pointer_in_file("stacking", own, si) + "/also";
    for (auto& ref : st.also) {
      bool prefix = !ref.empty() && ref.back() == '*';
      std::string stem = prefix ? ref.substr(0, ref.size() - 1) : ref;
      bool loaded = false, found = false;
      for (auto& d : m.documents) loaded = loaded || (d.id == stem.substr(0, stem.find('-')) && d.city == sd.city);
      for (size_t i = 0; i < m.measures.size(); ++i) {
        const Measure& x = m.measures[i];
        if (!(prefix ? x.id.rfind(stem, 0) == 0 : x.id == stem)) continue;
        found = true;
        if (x.doc == st.doc || m.documents[x.doc].city != sd.city)
          p.add(file, at, "bad_reference", "also 只能引用同一城市其他文件的措施：" + ref,
                "also may only name measures of another document of the same city: " + ref);
        else if (x.monetary())
          st.measures.push_back(static_cast<int>(i));
      }
      if (loaded && !found) p.add(file, at, "unknown_reference", "措施“" + ref + "”不存在", "no measure '" + ref + "'");
    }
    std::sort(st.measures.begin(), st.measures.end());
    st.measures.erase(std::unique(st.measures.begin(), st.measures.end()), st.measures.end());
  }
}
}  // namespace

void link_and_verify(Model& m, Problems& p) {
  std::map<std::string, int> index;
  for (size_t i = 0; i < m.measures.size(); ++i) {
    const Measure& x = m.measures[i];
    const std::string file = m.documents[x.doc].folder + "/rules.json";
    auto [it, fresh] = index.emplace(x.id, static_cast<int>(i));
    if (!fresh && !x.id.empty())
      p.add(file, "/measures", "duplicate_id", "措施标识“" + x.id + "”重复", "measure id '" + x.id + "' is used twice");
    for (auto& t : m.documents[x.doc].target_only)
      if (t.first == x.id)
        p.add(file, "/target_only", "duplicate_id", "“" + x.id + "”既是措施又是目标条款",
              "'" + x.id + "' is both a measure and target-only");
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
        p.add(nd.folder + "/rules.json", "/measures", "unknown_reference", "被取代的措施“" + id + "”不存在",
              "superseded measure '" + id + "' does not exist");
        continue;
      }
      Measure& older = m.measures[it->second];
      const Document& od = m.documents[older.doc];
      if (od.city != nd.city || od.from >= nd.from || older.doc == newer.doc)
        p.add(nd.folder + "/rules.json", "/measures", "bad_supersession", "只能取代同一城市较早文件的措施：" + id,
              "only a measure of an older document of the same city can be superseded: " + id);
      else
        older.superseded_by.push_back(static_cast<int>(i));
    }
  }
  link_stacking(m, p);
  verify_links(m, p);
  // Every yuan figure and percentage of a measure must be stated in its own quote.
  const std::vector<size_t> own_measure = own_index(m.measures);
  for (size_t i = 0; i < m.measures.size(); ++i) {
    const Measure& x = m.measures[i];
    const std::string file = m.documents[x.doc].folder + "/rules.json",
                      at = pointer_in_file("measures", own_measure, i);
    std::string all;
    for (auto& f : x.fragments) all += f + "\n";
    Figures fig = figures_in(all);
    auto need = [&](long long y, const std::string& what) {
      if (!fig.yuan.count(y))
        p.add(file, at, "amount_not_in_quote", what + " " + std::to_string(y) + " 元不见于“" + x.id + "”的原文引用",
              "the figure " + std::to_string(y) + " yuan is not stated in the quote of " + x.id);
    };
    auto verify = [&](const Amount& a) {
      switch (a.kind) {
        case Amount::Kind::Fixed:
          need(a.yuan, "金额");
          break;
        case Amount::Kind::Range:
          need(a.min_yuan, "金额下限");
          need(a.max_yuan, "金额上限");
          break;
        case Amount::Kind::UpTo:
          need(a.max_yuan, "最高金额");
          break;
        case Amount::Kind::Floor:
          need(a.min_yuan, "最低金额");
          break;
        case Amount::Kind::Percent:
          if (!fig.percent.count(a.percent))
            p.add(file, at, "amount_not_in_quote", "比例 " + std::to_string(a.percent) + "% 不见于原文引用",
                  "the percentage " + std::to_string(a.percent) + "% is not stated in the quote of " + x.id);
          if (a.has_cap) need(a.max_yuan, "上限");
          break;
        default:
          break;
      }
    };
    verify(x.amount);
    for (auto& o : x.options) verify(o.amount);
  }
  const std::vector<size_t> own_cap = own_index(m.caps);
  for (size_t ci = 0; ci < m.caps.size(); ++ci) {
    const Cap& c = m.caps[ci];
    if (!figures_in(c.quote).yuan.count(c.max_yuan))
      p.add(m.documents[c.doc].folder + "/rules.json", pointer_in_file("caps", own_cap, ci) + "/max_yuan",
            "amount_not_in_quote", "上限 " + std::to_string(c.max_yuan) + " 元不见于其原文引用",
            "the cap of " + std::to_string(c.max_yuan) + " yuan is not stated in its quote");
  }
  // A pool's budget, its payers' limits and its quota must be stated in its own quote.
  for (auto& pl : m.pools) {
    const std::string file = m.documents[pl.doc].folder + "/rules.json";
    Figures fig = figures_in(pl.quote);
    auto need = [&](long long y, const char* zh, const char* en) {
      if (!fig.yuan.count(y))
        p.add(file, "/pools/" + pl.id, "amount_not_in_quote",
              std::string(zh) + " " + std::to_string(y) + " 元不见于其原文引用",
              std::string("the ") + en + " of " + std::to_string(y) + " yuan is not stated in its quote");
    };
    if (pl.rule != Pool::Rule::Quota) need(pl.budget_yuan, "预算", "budget");
    for (auto& lim : pl.payer_limits) need(lim.second, "付款方上限", "payer limit");
    if (pl.rule == Pool::Rule::Quota &&
        squeeze(pl.quote).find(std::to_string(pl.max_people) + "名") == std::string::npos)
      p.add(file, "/pools/" + pl.id, "amount_not_in_quote",
            "名额 " + std::to_string(pl.max_people) + " 名不见于其原文引用",
            "the quota of " + std::to_string(pl.max_people) + " people is not stated in its quote");
  }
}

std::vector<int> Model::docs_of_city(const std::string& city) const {
  std::vector<int> out;
  for (size_t i = 0; i < documents.size(); ++i)
    if (documents[i].city == city) out.push_back(static_cast<int>(i));
  return out;
}

}  // namespace skillcalc
