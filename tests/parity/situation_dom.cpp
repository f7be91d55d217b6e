// The situation reader as it was before situation_json.cpp: strict parse into an nlohmann DOM, then the checks over
// the DOM. Kept for the tests only, as the reference the streaming reader must equal byte for byte on every input
// (parity_test.cpp, fuzz_parity.cpp).
#include "situation_dom.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "city_bound.hpp"
#include "day.hpp"
#include "numbers.hpp"
#include "strict_json.hpp"

namespace skillcalc {
namespace dom {

using json = nlohmann::json;

namespace {

// Finds where the JSON text goes wrong, without exceptions.

std::string in_quotes(const std::string& s) {
  return "“" + s.substr(0, 60) + "”";
}

class Parser {
 public:
  Parser(const Model& m, InputError& e) : m_(m), e_(e) {}

  bool fail(const std::string& code, const std::string& path, const std::string& zh, const std::string& en) {
    e_ = {code, path, zh, en};
    return false;
  }

  // Reads one field value by its definition; false (with the error set) when it does not fit. Errors name the field
  // by its label (the JSON path names its id).
  bool field(const json& v, const FieldDef& d, const Text& label, const std::string& path, Value& out) {
    const std::string &name = label.en, &zh = label.zh;
    switch (d.type) {
      case FieldDef::Type::Bool:
        if (!v.is_boolean())
          return fail("wrong_type", path, "“" + zh + "”必须是 true（是）或 false（否）",
                      name + " must be true or false");
        out.kind = Value::Kind::Bool, out.b = v.get<bool>();
        return true;
      case FieldDef::Type::Int: {
        // A whole number, also written as a float (2.0 or 1e3). A number beyond 64 bits (18446744073709551615,
        // 1e300) is out of range: it is never cast, since casting a float beyond long long is undefined.
        long long x = 0;
        bool beyond = false;
        if (v.is_string()) {  // "20", "２０", "1,000": a number typed as text (numbers.hpp)
          if (!whole_number(v.get_ref<const std::string&>(), x))
            return fail("wrong_type", path, "“" + zh + "”必须是整数", name + " must be a whole number");
        } else if (v.is_number_unsigned()) {
          beyond = v.get<unsigned long long>() > 9000000000000000000ULL;
          if (!beyond) x = static_cast<long long>(v.get<unsigned long long>());
        } else if (v.is_number_integer()) {
          x = v.get<long long>();
        } else if (v.is_number_float() && v.get<double>() == std::trunc(v.get<double>())) {
          double f = v.get<double>();
          beyond = !(f >= -9e18 && f <= 9e18);
          if (!beyond) x = static_cast<long long>(f);
        } else {
          return fail("wrong_type", path, "“" + zh + "”必须是整数", name + " must be a whole number");
        }
        if (beyond || x < d.min || x > d.max)
          return fail("out_of_range", path,
                      "“" + zh + "”必须在" + std::to_string(d.min) + "至" + std::to_string(d.max) + "之间" +
                          (beyond ? "" : "（所填为 " + std::to_string(x) + "）"),
                      name + " must be between " + std::to_string(d.min) + " and " + std::to_string(d.max) +
                          (beyond ? "" : " (given: " + std::to_string(x) + ")"));
        out.kind = Value::Kind::Int, out.i = x;
        return true;
      }
      case FieldDef::Type::Text:
        if (!v.is_string()) return fail("wrong_type", path, "“" + zh + "”必须是文字", name + " must be a string");
        if (v.get_ref<const std::string&>().size() > d.max_length)
          return fail("too_long", path, "“" + zh + "”过长（最多" + std::to_string(d.max_length) + "字节）",
                      name + " is too long (at most " + std::to_string(d.max_length) + " bytes)");
        out.kind = Value::Kind::Text, out.s = v.get<std::string>();
        return true;
      case FieldDef::Type::Enum: {
        if (!v.is_string())
          return fail("wrong_type", path, "“" + zh + "”必须是选项之一", name + " must be a string id");
        const std::string& s = v.get_ref<const std::string&>();
        if (std::find(d.values.begin(), d.values.end(), s) == d.values.end()) {
          std::string known_zh = "（可填：", known_en = " (known: ";
          for (size_t i = 0; i < d.values.size() && i < 16; ++i) {
            const Text* t = m_.vocab.label(d.values[i]);
            known_zh += (i ? "、" : "") + (t ? t->zh + " " : std::string()) + d.values[i];
            known_en += (i ? ", " : "") + d.values[i];
          }
          if (d.values.size() > 16) known_zh += "…", known_en += ", …";
          std::string hint_zh, hint_en;
          for (auto& id : d.values)
            if (const Text* t = m_.vocab.label(id); t && (t->zh == s || t->en == s) && hint_zh.empty())
              hint_zh = "：JSON 中请填写编号 " + id + "，而不是名称",
              hint_en = "; in JSON write the id " + id + ", not its name";
          return fail("unknown_id", path,
                      "“" + zh + "”的取值" + in_quotes(s) + "不是已知选项" + hint_zh + known_zh + "）",
                      name + ": " + in_quotes(s) + " is not a known id" + hint_en + known_en + ")");
        }
        out.kind = Value::Kind::Text, out.s = s;
        return true;
      }
    }
    return false;
  }

  bool date(const json& v, const std::string& path, Day& out) {
    if (!v.is_string() || !(out = parse_day(v.get_ref<const std::string&>())))
      return fail("invalid_date", path, "日期必须是有效的 YYYY-MM-DD（如 2025-06-01）",
                  "a date must be a real day written YYYY-MM-DD (e.g. 2025-06-01)");
    return true;
  }

  bool situation(const json& j, Day today, Situation& s) {
    if (!j.is_object()) return fail("invalid_input", "", "情形必须是 JSON 对象", "a situation must be a JSON object");
    for (auto& [k, v] : j.items())
      if (k != "city" && k != "as_of" && k != "applicant" && k != "events" && k != "home_city")
        return fail("unknown_field", "/" + pointer_token(k), "未知字段" + in_quotes(k),
                    "unknown field " + in_quotes(k));
    auto c = j.find("city");
    if (c == j.end()) return fail("missing_field", "/city", "缺少城市", "city is missing");
    if (!c->is_string()) return fail("wrong_type", "/city", "城市必须是文字", "city must be a string");
    s.city = c->get<std::string>();
    if (!m_.vocab.cities.count(s.city) || m_.docs_of_city(s.city).empty())
      return fail("unknown_city", "/city", "没有城市" + in_quotes(s.city) + "的政策文件",
                  "no policy documents for city " + in_quotes(s.city));
    if (!home_city(j, s)) return false;
    s.as_of = today;
    if (auto a = j.find("as_of"); a != j.end() && !a->is_null() && !date(*a, "/as_of", s.as_of)) return false;
    auto a = j.find("applicant");
    if (a == j.end()) return fail("missing_field", "/applicant", "缺少申请人", "applicant is missing");
    if (!a->is_object()) return fail("wrong_type", "/applicant", "申请人必须是对象", "applicant must be an object");
    auto k = a->find("kind");
    if (k == a->end()) return fail("missing_field", "/applicant/kind", "缺少申请人类型", "applicant.kind is missing");
    if (!k->is_string() || m_.vocab.kind_index(k->get<std::string>()) < 0) {
      std::string zh, en;  // 个人、企业、学校 … from the vocabulary
      const auto& kinds = m_.vocab.applicant_kinds;
      for (size_t i = 0; i < kinds.size(); ++i) {
        const char* sep_zh = i == 0 ? "" : i + 1 == kinds.size() ? "或" : "、";
        zh += sep_zh + kinds[i].second.zh;
        en += (i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + kinds[i].first;
      }
      return fail("unknown_id", "/applicant/kind", "申请人类型必须是" + zh, "applicant.kind must be " + en);
    }
    s.kind = k->get<std::string>();
    kind_ = s.kind;
    for (auto& [name, v] : a->items()) {
      if (name == "kind") continue;
      std::string path = "/applicant/" + name;
      auto f = m_.vocab.applicant_fields.find(name);
      if (f == m_.vocab.applicant_fields.end())
        return fail("unknown_field", path, "申请人没有字段" + in_quotes(name),
                    "the applicant has no field " + in_quotes(name));
      int kind = m_.vocab.kind_index(s.kind);
      if (f->second.kinds && kind >= 0 && !(f->second.kinds & (1u << kind)))
        return fail("unknown_field", path,
                    "字段" + in_quotes(name) + "不适用于" + m_.vocab.applicant_kinds[kind].second.zh + "申请人",
                    "the field " + in_quotes(name) + " does not apply to applicants of kind " + in_quotes(s.kind));
      if (v.is_null()) continue;
      Value val;
      const FieldDef& fd = m_.vocab.fields.at(f->second.def);
      if (!field(v, fd, label_or(f->second.label, fd.label, name), path, val)) return false;
      s.applicant.list.push_back({name, val});
    }
    auto ev = j.find("events");
    if (ev == j.end()) return true;
    if (!ev->is_array()) return fail("wrong_type", "/events", "事件列表必须是数组", "events must be an array");
    if (ev->size() > kMaxEvents)
      return fail("too_large", "/events",
                  "事件过多（最多 " + std::to_string(kMaxEvents) +
                      " 个）：同一天、同一等级或结果的多人，请合并为一个事件并填写人数（count）；仍然过多的，可按月合并"
                      "（同一月、同一等级合为一个事件，日期填该月的最后一次），或按年度分别测算",
                  "too many events (at most " + std::to_string(kMaxEvents) +
                      "): people of one day and one level or result are one event with its count; if still too many, "
                      "merge by month (one event a month and level, dated on its last day of evaluation), or "
                      "evaluate each year on its own");
    for (size_t i = 0; i < ev->size(); ++i) {
      Event e;
      if (!event((*ev)[i], "/events/" + std::to_string(i), static_cast<int>(i), s.as_of, e)) return false;
      for (auto& other : s.events)
        if (other.id == e.id)
          return fail("duplicate_id", "/events/" + std::to_string(i) + "/id", "事件标识" + in_quotes(e.id) + "重复",
                      "event id " + in_quotes(e.id) + " is used twice");
      s.events.push_back(std::move(e));
    }
    std::sort(s.events.begin(), s.events.end(), [](const Event& x, const Event& y) {
      return x.date != y.date ? x.date < y.date : natural_less(x.id, y.id);
    });
    return true;
  }

  bool event(const json& j, const std::string& path, int index, Day as_of, Event& e) {
    if (!j.is_object()) return fail("wrong_type", path, "每个事件必须是对象", "each event must be an object");
    e.index = index;
    e.id = "e" + std::to_string(index + 1);
    if (auto id = j.find("id"); id != j.end()) {
      if (!id->is_string() || id->get_ref<const std::string&>().empty() ||
          id->get_ref<const std::string&>().size() > 64)
        return fail("wrong_type", path + "/id", "事件标识必须是 1 至 64 字节的字符串",
                    "an event id must be a string of 1 to 64 bytes");
      e.id = id->get<std::string>();
    }
    auto t = j.find("type");
    if (t == j.end()) return fail("missing_field", path + "/type", "缺少事件类型", "the event's type is missing");
    if (!t->is_string() || !m_.vocab.event_types.count(t->get<std::string>()))
      return fail("unknown_id", path + "/type",
                  "未知事件类型" + (t->is_string() ? in_quotes(t->get<std::string>()) : std::string()),
                  "unknown event type" + (t->is_string() ? " " + in_quotes(t->get<std::string>()) : std::string()));
    e.type = t->get<std::string>();
    const EventType& et = m_.vocab.event_types.at(e.type);
    e.date = as_of;
    for (auto& [name, v] : j.items()) {
      if (name == "id" || name == "type") continue;
      std::string fp = path + "/" + pointer_token(name);
      if (name == "date") {
        if (v.is_null()) continue;
        if (!date(v, fp, e.date)) return false;
        e.dated = true;
        continue;
      }
      const std::string* def = nullptr;
      for (auto& f : et.fields)
        if (f.first == name) def = &f.second;
      if (!def)
        return fail("unknown_field", fp, "事件类型" + in_quotes(e.type) + "没有字段" + in_quotes(name),
                    "event type " + in_quotes(e.type) + " has no field " + in_quotes(name));
      if (v.is_null()) continue;
      Value val;
      if (!field(v, m_.vocab.fields.at(*def), event_label(et, *def, name), fp, val)) return false;
      if (name == "contest") e.contest = val.s;
      e.fields.list.push_back({name, val});
    }
    for (auto& r : et.required)
      if (!e.fields.get(r)) {
        const std::string* def = nullptr;
        for (auto& f : et.fields)
          if (f.first == r) def = &f.second;
        Text l = def ? event_label(et, *def, r) : Text{r, r};
        return fail("missing_field", path + "/" + r, "缺少“" + l.zh + "”", "missing field " + r);
      }
    return one_person(e, path) && trained_by_from_route(e, et);
  }

  // The city whose facts the situation's city-bound fields describe (README "Compare cities"): a known city.
  bool home_city(const json& j, Situation& s) {
    auto h = j.find("home_city");
    if (h == j.end() || h->is_null()) return true;
    if (!h->is_string() || !m_.vocab.cities.count(h->get<std::string>()))
      return fail("unknown_city", "/home_city", "home_city 应是已知城市，例如 \"weihai\"",
                  "home_city must be a known city, e.g. \"weihai\"");
    s.home_city = h->get<std::string>();
    return true;
  }

  // A person is one person: "this many people" cannot multiply a per-head amount for one worker.
  bool one_person(const Event& e, const std::string& path) {
    const Value* c = e.fields.get("count");
    if (kind_ == "person" && c && c->i != 1)
      return fail("out_of_range", path + "/count", "个人申请时人数只能是 1：多人的情况请由单位申请，或为每人分别计算",
                  "an individual is one person: count must be 1 (an employer applies for several people; or "
                  "evaluate each person on their own)");
    return true;
  }

  // Who trained a worker and how they were certified are two facts. Older situations said 企业自主培育 as a route:
  // it still means that the worker's enterprise trained them.
  bool trained_by_from_route(Event& e, const EventType& et) {
    const Value* r = e.fields.get("route");
    bool has_field = false;
    for (auto& f : et.fields) has_field = has_field || f.first == "trained_by";
    if (has_field && r && r->s == "enterprise_training" && !e.fields.get("trained_by"))
      e.fields.list.push_back({"trained_by", Value{Value::Kind::Text, false, 0, "own_enterprise"}});
    if (has_field && r && r->s == "jinlanling_training" && !e.fields.get("trained_by"))
      e.fields.list.push_back({"trained_by", Value{Value::Kind::Text, false, 0, "training_organisation"}});
    return true;
  }

 private:
  // A field's label: its own, else its definition's, else its id.
  static Text label_or(const Text& own, const Text& def, const std::string& id) {
    Text t = !own.zh.empty() ? own : def;
    if (t.zh.empty()) t.zh = id;
    if (t.en.empty()) t.en = id;
    return t;
  }
  Text event_label(const EventType& et, const std::string& def, const std::string& name) const {
    auto own = et.labels.find(name);
    return label_or(own != et.labels.end() ? own->second : Text{}, m_.vocab.fields.at(def).label, name);
  }

  const Model& m_;
  InputError& e_;
  std::string kind_;
};

}  // namespace

bool parse_situation_dom(std::string_view text, Day today, const Model& m, Situation& out, InputError& err) {
  Parser p(m, err);
  if (text.size() > kMaxSituationBytes)
    return p.fail("too_large", "", "输入过大（最多 256 KiB）", "the input is too large (at most 256 KiB)");
  if (json_nesting(text) > kMaxDepth)
    return p.fail("too_deep", "", "JSON 嵌套过深（最多 16 层）", "the JSON is nested too deeply (at most 16 levels)");
  if (empty_text(text)) return err = empty_input_error(), false;
  json j;
  JsonFault fault;
  if (!parse_strict(text, j, fault)) return p.fail(fault.code, fault.path, fault.zh, fault.en);
  if (!p.situation(j, today, out)) return false;
  ask_city_bound(m, out);
  lend_held_level(m, out);
  return true;
}

}  // namespace dom
}  // namespace skillcalc
