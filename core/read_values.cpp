// Reading rule files, step 1: the values every part of a rule file is made of (strings, whole numbers, zh/en texts,
// applicant kinds), field paths, conditions and amounts, each checked where it is read.
#include "load.hpp"
#include "strict_json.hpp"

namespace skillcalc {

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

const std::vector<int>& Model::docs_of_city(const std::string& city) const {
  if (auto found = city_documents.find(city); found != city_documents.end()) return found->second;
  thread_local std::vector<int> out;  // before intern_model has listed them, or a city with none
  out.clear();
  for (size_t i = 0; i < documents.size(); ++i)
    if (documents[i].city == city) out.push_back(static_cast<int>(i));
  return out;
}

}  // namespace skillcalc
