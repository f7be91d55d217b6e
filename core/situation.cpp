#include "situation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "city_bound.hpp"
#include "day.hpp"
#include "numbers.hpp"
#include "situation_json.hpp"
#include "strict_json.hpp"

namespace skillcalc {

int json_nesting(std::string_view s) {
  int depth = 0, worst = 0;
  bool in_str = false, esc = false;
  for (char c : s) {
    if (in_str) {
      if (esc)
        esc = false;
      else if (c == '\\')
        esc = true;
      else if (c == '"')
        in_str = false;
    } else if (c == '"')
      in_str = true;
    else if (c == '[' || c == '{')
      worst = std::max(worst, ++depth);
    else if (c == ']' || c == '}')
      --depth;
  }
  return worst;
}

// Ids in natural order, numbers by value: "L9" before "L10", "e2" before "e10" (events of one day are taken in this
// order, and a sheet's rows are L<line>: line 22054 before line 106494, as in the file). Equal by value ("L01", "L1"):
// by their bytes, so that the order is total.
bool natural_less(std::string_view a, std::string_view b) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      size_t i0 = i, j0 = j;
      while (i0 < a.size() && a[i0] == '0') ++i0;
      while (j0 < b.size() && b[j0] == '0') ++j0;
      size_t i1 = i0, j1 = j0;
      while (i1 < a.size() && digit(a[i1])) ++i1;
      while (j1 < b.size() && digit(b[j1])) ++j1;
      if (i1 - i0 != j1 - j0) return i1 - i0 < j1 - j0;
      int c = a.substr(i0, i1 - i0).compare(b.substr(j0, j1 - j0));
      if (c) return c < 0;
      i = i1, j = j1;
    } else {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      ++i, ++j;
    }
  }
  if (i < a.size() || j < b.size()) return i == a.size();  // a prefix of the other comes first
  return a < b;
}

namespace {

std::string in_quotes(std::string_view s) {
  return "“" + std::string(s.substr(0, 60)) + "”";
}

// Byte order of keys, most told apart by their first byte without a call to memcmp.
bool key_less(std::string_view a, std::string_view b) {
  if (!a.empty() && !b.empty() && a[0] != b[0])
    return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]);
  return a < b;
}

// Equal keys, most unequal ones told apart by their length or first byte without a call to memcmp.
bool same_key(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
}

// A value of the record read by situation_json.hpp, asked the questions the checks ask of a JSON value.
class Node {
 public:
  Node(const SituationJson& d, const JsonValue& v) : d_(&d), v_(&v) {}
  bool is_object() const { return v_->kind == JsonValue::Kind::Object; }
  bool is_array() const { return v_->kind == JsonValue::Kind::Array; }
  bool is_string() const { return v_->kind == JsonValue::Kind::String; }
  bool is_number() const { return v_->kind == JsonValue::Kind::Number; }
  bool is_boolean() const { return v_->kind == JsonValue::Kind::True || v_->kind == JsonValue::Kind::False; }
  bool is_null() const { return v_->kind == JsonValue::Kind::Null; }
  bool boolean() const { return v_->kind == JsonValue::Kind::True; }
  std::string_view str() const { return v_->text; }
  size_t size() const { return v_->count; }
  Node operator[](size_t i) const { return Node(*d_, d_->elements[v_->first + i]); }
  // The member named `key`, or null.
  const JsonValue* find(std::string_view key) const {
    for (uint32_t i = v_->first; i < v_->first + v_->count; ++i)
      if (d_->members[i].key == key) return &d_->members[i].value;
    return nullptr;
  }
  Node at(const JsonValue* v) const { return Node(*d_, *v); }
  // The members in the order of their keys (byte order), the order in which they are checked.
  void items(std::vector<const JsonMember*>& out) const {
    out.clear();
    for (uint32_t i = v_->first; i < v_->first + v_->count; ++i) out.push_back(&d_->members[i]);
    std::sort(out.begin(), out.end(),
              [](const JsonMember* a, const JsonMember* b) { return key_less(a->key, b->key); });
  }

 private:
  const SituationJson* d_;
  const JsonValue* v_;
};

// Checks the record against the vocabulary and builds the Situation. The first fault found is the one reported, in
// the same order as always: the top object's keys, city, as_of, applicant (kind, then its fields in key order),
// events (each: id, type, then its fields in key order, then required fields).
class Parser {
 public:
  Parser(const Model& m, InputError& e) : m_(m), e_(e) {}

  // A field read, with the symbols of its name and of its text (symbols.hpp).
  void add(Fields& f, std::string_view name, Value v, int id = -2) {
    if (v.kind == Value::Kind::Text && v.sym < 0) v.sym = m_.vocab.symbols.find(v.s);
    f.list.push_back({std::string(name), std::move(v), id == -2 ? m_.vocab.symbols.find(name) : id});
  }

  bool fail(const std::string& code, const std::string& path, const std::string& zh, const std::string& en) {
    e_ = {code, path, zh, en};
    return false;
  }

  // Reads one field value by its definition; false (with the error set) when it does not fit. Errors name the field
  // by its label (the JSON path names its id). `label` and `path` are made only for an error.
  template <class Label, class PathOf>
  bool field(const Node& v, const FieldDef& d, const Label& label, const PathOf& path_of, Value& out) {
    auto wrong = [&](const char* code, const std::string& zh, const std::string& en) {
      Text l = label();
      return fail(code, path_of(), "“" + l.zh + "”" + zh, l.en + en);
    };
    switch (d.type) {
      case FieldDef::Type::Bool:
        if (!v.is_boolean()) return wrong("wrong_type", "必须是 true（是）或 false（否）", " must be true or false");
        out.kind = Value::Kind::Bool, out.b = v.boolean();
        return true;
      case FieldDef::Type::Int: {
        // A whole number, also written as a float (2.0 or 1e3). A number beyond 64 bits (18446744073709551615,
        // 1e300) is out of range: it is never cast, since casting a float beyond long long is undefined.
        long long x = 0;
        bool beyond = false;
        JsonNumber n;
        if (v.is_number()) n = json_number(v.str());
        if (v.is_string()) {  // "20", "２０", "1,000": a number typed as text (numbers.hpp)
          if (!whole_number(v.str(), x)) return wrong("wrong_type", "必须是整数", " must be a whole number");
        } else if (v.is_number() && n.kind == JsonNumber::Kind::Unsigned) {
          beyond = n.u > 9000000000000000000ULL;
          if (!beyond) x = static_cast<long long>(n.u);
        } else if (v.is_number() && n.kind == JsonNumber::Kind::Integer) {
          x = n.i;
        } else if (v.is_number() && n.f == std::trunc(n.f)) {
          beyond = !(n.f >= -9e18 && n.f <= 9e18);
          if (!beyond) x = static_cast<long long>(n.f);
        } else {
          return wrong("wrong_type", "必须是整数", " must be a whole number");
        }
        if (beyond || x < d.min || x > d.max) {
          const std::string given = beyond ? std::string() : std::to_string(x);  // the value, for a clerk to find
          return wrong("out_of_range",
                       "必须在" + std::to_string(d.min) + "至" + std::to_string(d.max) + "之间" +
                           (beyond ? "" : "（所填为 " + given + "）"),
                       " must be between " + std::to_string(d.min) + " and " + std::to_string(d.max) +
                           (beyond ? "" : " (given: " + given + ")"));
        }
        out.kind = Value::Kind::Int, out.i = x;
        return true;
      }
      case FieldDef::Type::Text:
        if (!v.is_string()) return wrong("wrong_type", "必须是文字", " must be a string");
        if (v.str().size() > d.max_length)
          return wrong("too_long", "过长（最多" + std::to_string(d.max_length) + "字节）",
                       " is too long (at most " + std::to_string(d.max_length) + " bytes)");
        out.kind = Value::Kind::Text, out.s = v.str();
        return true;
      case FieldDef::Type::Enum: {
        if (!v.is_string()) return wrong("wrong_type", "必须是选项之一", " must be a string id");
        std::string_view s = v.str();
        size_t at = 0;  // the value among the definition's, whose symbol is found at load in the same place
        while (at < d.values.size() && !same_key(d.values[at], s)) ++at;
        bool listed = at < d.values.size();
        if (!listed) {
          Text l = label(), known = known_values(d), hint = label_hint(d, s);
          return fail("unknown_id", path_of(),
                      "“" + l.zh + "”的取值" + in_quotes(s) + "不是已知选项" + hint.zh + known.zh,
                      l.en + ": " + in_quotes(s) + " is not a known id" + hint.en + known.en);
        }
        out.kind = Value::Kind::Text, out.s = s;
        out.sym = at < d.value_syms.size() ? d.value_syms[at] : m_.vocab.symbols.find(s);
        return true;
      }
    }
    return false;
  }

  // Where the value given is an option's name rather than its id ("技师" for technician): "：JSON 中请填写编号
  // technician". Empty otherwise.
  Text label_hint(const FieldDef& d, std::string_view given) const {
    for (auto& id : d.values)
      if (const Text* t = m_.vocab.label(id); t && (t->zh == given || t->en == given))
        return {"：JSON 中请填写编号 " + id + "，而不是名称", "; in JSON write the id " + id + ", not its name"};
    return {};
  }

  // "（可填：技师 technician、高级技师 senior_technician …）": what an enum field takes, so that a clerk can correct
  // it.
  Text known_values(const FieldDef& d) const {
    Text out{"（可填：", " (known: "};
    for (size_t i = 0; i < d.values.size() && i < 16; ++i) {
      const Text* t = m_.vocab.label(d.values[i]);
      out.zh += (i ? "、" : "") + (t ? t->zh + " " : std::string()) + d.values[i];
      out.en += (i ? ", " : "") + d.values[i];
    }
    if (d.values.size() > 16) out.zh += "…", out.en += ", …";
    out.zh += "）", out.en += ")";
    return out;
  }

  template <class PathOf>
  bool date(const Node& v, const PathOf& path_of, Day& out) {
    if (!v.is_string() || !(out = parse_day(v.str())))
      return fail("invalid_date", path_of(), "日期必须是有效的 YYYY-MM-DD（如 2025-06-01）",
                  "a date must be a real day written YYYY-MM-DD (e.g. 2025-06-01)");
    return true;
  }

  bool situation(const Node& j, Day today, Situation& s) {
    if (!j.is_object()) return fail("invalid_input", "", "情形必须是 JSON 对象", "a situation must be a JSON object");
    thread_local std::vector<const JsonMember*> items;  // its capacity kept from situation to situation
    j.items(items);
    for (auto* m : items)
      if (m->key != "city" && m->key != "as_of" && m->key != "applicant" && m->key != "events" && m->key != "home_city")
        return fail("unknown_field", "/" + pointer_token(m->key), "未知字段" + in_quotes(m->key),
                    "unknown field " + in_quotes(m->key));
    const JsonValue* c = j.find("city");
    if (!c) return fail("missing_field", "/city", "缺少城市", "city is missing");
    if (!j.at(c).is_string()) return fail("wrong_type", "/city", "城市必须是文字", "city must be a string");
    s.city = c->text;
    if (!m_.vocab.cities.count(s.city) || m_.docs_of_city(s.city).empty())
      return fail("unknown_city", "/city", "没有城市" + in_quotes(s.city) + "的政策文件",
                  "no policy documents for city " + in_quotes(s.city));
    if (!home_city(j, s)) return false;
    s.as_of = today;
    auto as_of_path = [] { return std::string("/as_of"); };
    // A null as_of or event date is a blank one, as a null field is (a form's empty date box): today, or as_of.
    if (const JsonValue* a = j.find("as_of"); a && !j.at(a).is_null() && !date(j.at(a), as_of_path, s.as_of))
      return false;
    return applicant(j, s) && events(j, s);
  }

  bool applicant(const Node& j, Situation& s) {
    const JsonValue* av = j.find("applicant");
    if (!av) return fail("missing_field", "/applicant", "缺少申请人", "applicant is missing");
    Node a = j.at(av);
    if (!a.is_object()) return fail("wrong_type", "/applicant", "申请人必须是对象", "applicant must be an object");
    const JsonValue* k = a.find("kind");
    if (!k) return fail("missing_field", "/applicant/kind", "缺少申请人类型", "applicant.kind is missing");
    if (!a.at(k).is_string() || m_.vocab.kind_index(std::string(k->text)) < 0) {
      std::string zh, en;  // 个人、企业、学校 … from the vocabulary
      const auto& kinds = m_.vocab.applicant_kinds;
      for (size_t i = 0; i < kinds.size(); ++i) {
        const char* sep_zh = i == 0 ? "" : i + 1 == kinds.size() ? "或" : "、";
        zh += sep_zh + kinds[i].second.zh;
        en += (i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + kinds[i].first;
      }
      return fail("unknown_id", "/applicant/kind", "申请人类型必须是" + zh, "applicant.kind must be " + en);
    }
    s.kind = k->text;
    kind_ = s.kind;
    thread_local std::vector<const JsonMember*> items;
    a.items(items);
    s.applicant.list.reserve(items.size());
    for (auto* mem : items) {
      std::string_view name = mem->key;
      if (same_key(name, "kind")) continue;
      auto path = [&] { return "/applicant/" + std::string(name); };
      const FieldRef* f = applicant_field(name);
      if (!f)
        return fail("unknown_field", path(), "申请人没有字段" + in_quotes(name),
                    "the applicant has no field " + in_quotes(name));
      if (!for_this_kind(*f)) return wrong_kind(name, path());
      Node v = a.at(&mem->value);
      if (v.is_null()) continue;
      Value val;
      const FieldDef& fd = f->field ? *f->field : m_.vocab.fields.at(f->def);
      auto label = [&] { return label_or(f->label, fd.label, name); };
      if (!field(v, fd, label, path, val)) return false;
      add(s.applicant, name, std::move(val), f->id >= 0 ? f->id : -2);
    }
    return true;
  }

  bool events(const Node& j, Situation& s) {
    const JsonValue* evv = j.find("events");
    if (!evv) return true;
    Node ev = j.at(evv);
    if (!ev.is_array()) return fail("wrong_type", "/events", "事件列表必须是数组", "events must be an array");
    if (ev.size() > kMaxEvents)
      return fail("too_large", "/events",
                  "事件过多（最多 " + std::to_string(kMaxEvents) +
                      " 个）：同一天、同一等级或结果的多人，请合并为一个事件并填写人数（count）；仍然过多的，可按月合并"
                      "（同一月、同一等级合为一个事件，日期填该月的最后一次），或按年度分别测算",
                  "too many events (at most " + std::to_string(kMaxEvents) +
                      "): people of one day and one level or result are one event with its count; if still too many, "
                      "merge by month (one event a month and level, dated on its last day of evaluation), or "
                      "evaluate each year on its own");
    s.events.reserve(ev.size());
    for (size_t i = 0; i < ev.size(); ++i) {
      Event e;
      if (!event(ev[i], i, s.as_of, e)) return false;
      for (auto& other : s.events)
        if (other.id == e.id)
          return fail("duplicate_id", "/events/" + std::to_string(i) + "/id", "事件标识" + in_quotes(e.id) + "重复",
                      "event id " + in_quotes(e.id) + " is used twice");
      s.events.push_back(std::move(e));
    }
    auto earlier = [](const Event& x, const Event& y) {
      return x.date != y.date ? x.date < y.date : natural_less(x.id, y.id);
    };
    if (!std::is_sorted(s.events.begin(), s.events.end(), earlier))  // most are: no event moved then
      std::sort(s.events.begin(), s.events.end(), earlier);
    return true;
  }

  bool event(const Node& j, size_t index, Day as_of, Event& e) {
    auto path = [&] { return "/events/" + std::to_string(index); };
    if (!j.is_object()) return fail("wrong_type", path(), "每个事件必须是对象", "each event must be an object");
    e.index = static_cast<int>(index);
    char numbered[24] = {'e'};  // "e1", "e2", …: the id of an event that gives none
    auto end = std::to_chars(numbered + 1, numbered + sizeof numbered, index + 1).ptr;
    e.id.assign(numbered, static_cast<size_t>(end - numbered));
    if (const JsonValue* id = j.find("id")) {
      if (!j.at(id).is_string() || id->text.empty() || id->text.size() > 64)
        return fail("wrong_type", path() + "/id", "事件标识必须是 1 至 64 字节的字符串",
                    "an event id must be a string of 1 to 64 bytes");
      e.id = id->text;
    }
    const EventType* et = nullptr;
    if (!event_type(j, path, e, et)) return false;
    e.date = as_of;
    thread_local std::vector<const JsonMember*> items;  // its capacity kept from event to event
    j.items(items);
    e.fields.list.reserve(items.size());
    for (auto* mem : items) {
      std::string_view name = mem->key;
      if (same_key(name, "id") || same_key(name, "type")) continue;
      auto fp = [&] { return path() + "/" + pointer_token(name); };
      Node v = j.at(&mem->value);
      if (same_key(name, "date")) {
        if (v.is_null()) continue;
        if (!date(v, fp, e.date)) return false;
        e.dated = true;
        continue;
      }
      const std::string* def = nullptr;
      const FieldDef* field_def = nullptr;                    // resolved at load (EventType::defs), else looked up here
      int id = -2;                                            // the name's symbol, found at load (EventType::ids)
      for (size_t i = 0; i < et->fields.size() && !def; ++i)  // names are unique within an event type
        if (same_key(et->fields[i].first, name)) {
          def = &et->fields[i].second, field_def = i < et->defs.size() ? et->defs[i] : nullptr;
          id = i < et->ids.size() ? et->ids[i] : -2;
        }
      if (!def)
        return fail("unknown_field", fp(), "事件类型" + in_quotes(e.type) + "没有字段" + in_quotes(name),
                    "event type " + in_quotes(e.type) + " has no field " + in_quotes(name));
      if (v.is_null()) continue;
      Value val;
      auto label = [&] { return event_label(*et, *def, name); };
      if (!field(v, field_def ? *field_def : m_.vocab.fields.at(*def), label, fp, val)) return false;
      if (same_key(name, "contest")) e.contest = val.s;
      add(e.fields, name, std::move(val), id);
    }
    for (auto& r : et->required)
      if (!e.fields.get(r)) {
        const std::string* def = nullptr;
        for (auto& f : et->fields)
          if (f.first == r) def = &f.second;
        Text l = def ? event_label(*et, *def, r) : Text{r, r};
        return fail("missing_field", path() + "/" + r, "缺少“" + l.zh + "”", "missing field " + r);
      }
    return one_person(e, path) && trained_by_from_route(e, *et);
  }

  template <class PathOf>
  bool event_type(const Node& j, const PathOf& path, Event& e, const EventType*& et) {
    const JsonValue* t = j.find("type");
    if (!t) return fail("missing_field", path() + "/type", "缺少事件类型", "the event's type is missing");
    bool str = j.at(t).is_string();
    int sym = str ? m_.vocab.symbols.find(t->text) : -1;
    et = str ? event_type(t->text, sym) : nullptr;
    if (!et)
      return fail("unknown_id", path() + "/type", "未知事件类型" + (str ? in_quotes(t->text) : std::string()),
                  "unknown event type" + (str ? " " + in_quotes(t->text) : std::string()));
    e.type = t->text;
    e.type_id = sym;
    return true;
  }

  // The vocabulary's event type or applicant field of a name: by its symbol (found at load), else by name.
  const EventType* event_type(std::string_view name, int sym) const {
    const auto& by_sym = m_.vocab.event_type_of_symbol;
    if (sym >= 0 && static_cast<size_t>(sym) < by_sym.size()) return by_sym[static_cast<size_t>(sym)];
    auto found = m_.vocab.event_types.find(std::string(name));
    return found == m_.vocab.event_types.end() ? nullptr : &found->second;
  }
  // Whether an applicant field is one this kind of applicant has (state_owned is an enterprise's; a person's employer
  // is employer_state_owned).
  bool for_this_kind(const FieldRef& f) const {
    int k = m_.vocab.kind_index(kind_);
    return !f.kinds || k < 0 || (f.kinds & (1u << k));
  }

  bool wrong_kind(std::string_view name, const std::string& path) {
    int k = m_.vocab.kind_index(kind_);
    const Text& who = m_.vocab.applicant_kinds[static_cast<size_t>(k)].second;
    return fail("unknown_field", path, "字段" + in_quotes(name) + "不适用于" + who.zh + "申请人",
                "the field " + in_quotes(name) + " does not apply to applicants of kind " + in_quotes(kind_));
  }

  const FieldRef* applicant_field(std::string_view name) const {
    int sym = m_.vocab.symbols.find(name);
    const auto& by_sym = m_.vocab.applicant_field_of_symbol;
    if (sym >= 0 && static_cast<size_t>(sym) < by_sym.size()) return by_sym[static_cast<size_t>(sym)];
    auto found = m_.vocab.applicant_fields.find(std::string(name));
    return found == m_.vocab.applicant_fields.end() ? nullptr : &found->second;
  }

  // The city whose facts the situation's city-bound fields describe (README "Compare cities"): a known city.
  bool home_city(const Node& j, Situation& s) {
    const JsonValue* h = j.find("home_city");
    if (!h || j.at(h).is_null()) return true;
    if (!j.at(h).is_string() || !m_.vocab.cities.count(std::string(h->text)))
      return fail("unknown_city", "/home_city", "home_city 应是已知城市，例如 \"weihai\"",
                  "home_city must be a known city, e.g. \"weihai\"");
    s.home_city = h->text;
    return true;
  }

  // A person is one person: "this many people" cannot multiply a per-head amount for one worker.
  template <class PathOf>
  bool one_person(const Event& e, const PathOf& path) {
    const Value* c = e.fields.get("count");
    if (c && c->i != 1 && kind_ == "person")
      return fail("out_of_range", path() + "/count", "个人申请时人数只能是 1：多人的情况请由单位申请，或为每人分别计算",
                  "an individual is one person: count must be 1 (an employer applies for several people; or "
                  "evaluate each person on their own)");
    return true;
  }

  // Who trained a worker and how they were certified are two facts, but two routes say who trained: older situations
  // said 企业自主培育 as a route (the worker's enterprise trained them), and 金蓝领 training is the programme's
  // training, not the enterprise's own (the vocabulary's hint for training_organisation names it).
  bool trained_by_from_route(Event& e, const EventType& et) {
    const Value* r = e.fields.get("route");
    if (!r || e.fields.get("trained_by")) return true;
    std::string_view route(r->s);
    const char* by = route == "enterprise_training"   ? "own_enterprise"
                     : route == "jinlanling_training" ? "training_organisation"
                                                      : nullptr;
    bool has_field = false;
    for (auto& f : et.fields) has_field = has_field || std::string_view(f.first) == "trained_by";
    if (by && has_field) add(e.fields, "trained_by", Value{Value::Kind::Text, false, 0, by});
    return true;
  }

 private:
  // A field's label: its own, else its definition's, else its id.
  static Text label_or(const Text& own, const Text& def, std::string_view id) {
    Text t = !own.zh.empty() ? own : def;
    if (t.zh.empty()) t.zh = id;
    if (t.en.empty()) t.en = id;
    return t;
  }
  Text event_label(const EventType& et, const std::string& def, std::string_view name) const {
    auto own = et.labels.find(std::string(name));
    return label_or(own != et.labels.end() ? own->second : Text{}, m_.vocab.fields.at(def).label, name);
  }

  const Model& m_;
  InputError& e_;
  std::string kind_;
};

// Where the strict checker finds the fault of a text the reader did not vouch for, in the order of old: nesting,
// then NUL bytes, syntax and keys twice.
bool fault_of(std::string_view text, InputError& err) {
  if (empty_text(text)) {
    err = empty_input_error();
    return true;
  }
  if (json_nesting(text) > kMaxDepth) {
    err = {"too_deep", "", "JSON 嵌套过深（最多 16 层）", "the JSON is nested too deeply (at most 16 levels)"};
    return true;
  }
  JsonFault fault;
  if (!strict_fault(text, fault)) return false;
  err = {fault.code, fault.path, fault.zh, fault.en};
  return true;
}

}  // namespace

namespace {

// The highest level the person's skill-level events hold on `day`: the field to lend, or null.
const Field* highest_level_on(const Situation& s, const std::vector<std::string>& order, Day day) {
  const Field* best = nullptr;
  long rank = -1;
  for (const Event& e : s.events)
    for (const Field& f : e.fields.list)
      if (e.type == "skill_level" && e.date <= day && f.name == "level" && f.value.kind == Value::Kind::Text) {
        long r = std::find(order.begin(), order.end(), f.value.s) - order.begin();
        if (r < static_cast<long>(order.size()) && r > rank) rank = r, best = &f;
      }
  return best;
}

long rank_of(const std::vector<std::string>& order, const Value& v) {
  return std::find(order.begin(), order.end(), v.s) - order.begin();
}

Value* own_level(Event& e) {
  for (Field& f : e.fields.list)
    if (f.name == "level") return &f.value;
  return nullptr;
}

}  // namespace

// A person's months of social insurance in the city (本市社保缴纳月数) left blank take what the person's own hire
// events give (在本市缴纳社保月数, where DESIGN.md puts it): the most of them, the months being counted to the day.
void lend_hire_insurance(Situation& s) {
  if (s.applicant.get("social_insurance_months")) return;
  const Field* most = nullptr;
  for (const Event& e : s.events)
    for (const Field& f : e.fields.list)
      if (e.type == "hire" && f.name == "social_insurance_months" && f.value.kind == Value::Kind::Int &&
          (!most || f.value.i > most->value.i))
        most = &f;
  if (most) s.applicant.list.push_back(*most);
}

// A person's title event whose own level (本人职业技能等级) is blank takes the highest level the person's skill-level
// events hold on as_of: a 劳模 who is a 技师 by a certificate entered as its own event is a 高技能人才 (威海 2025 4.).
// A hire's level (引进时本人职业技能等级) left blank takes the highest held on the day of the hire (烟台 (十一)
// 按照职业资格 或技能等级, where the talent hired is named by a title).
void lend_held_level(const Model& m, Situation& s) {
  if (s.kind != "person") return;
  lend_hire_insurance(s);
  auto def = m.vocab.fields.find("level");
  if (def == m.vocab.fields.end()) return;
  const auto& order = def->second.values;
  // The lent fields are copies of fields of skill-level events, whose lists are never grown here.
  const Field* held = highest_level_on(s, order, s.as_of);
  for (Event& e : s.events) {
    if (e.type == "hire" && !own_level(e)) {
      if (const Field* then = highest_level_on(s, order, std::min(e.date, s.as_of))) e.fields.list.push_back(*then);
      continue;
    }
    if (e.type != "title" || !held) continue;
    Value* own = own_level(e);
    if (!own)
      e.fields.list.push_back(*held), e.level_lent = true;
    else if (own->kind == Value::Kind::Text && rank_of(order, *own) < rank_of(order, held->value))
      *own = held->value;  // a level typed with the title, lower than a certificate held on as_of: still its own
  }
}

bool parse_situation(std::string_view text, Day today, const Model& m, Situation& out, InputError& err) {
  Parser p(m, err);
  if (text.size() > kMaxSituationBytes)
    return p.fail("too_large", "", "输入过大（最多 256 KiB）", "the input is too large (at most 256 KiB)");
  static thread_local SituationJson doc;
  read_situation_json(text, doc);
  if (doc.doubtful && fault_of(text, err)) return false;
  if (!doc.complete)  // the strict checker accepts what the reader refused: a fault of the reader
    return p.fail("internal_error", "", "内部错误：情形读取器与 JSON 检查不一致",
                  "internal error: the situation reader and the JSON checker disagree");
  if (!p.situation(Node(doc, doc.root), today, out)) return false;
  ask_city_bound(m, out);
  lend_held_level(m, out);
  return true;
}

}  // namespace skillcalc
