// Reading vocabulary.json (and the "vocabulary" additions of rule files) into the Vocabulary.
#include "load.hpp"
#include "strict_json.hpp"

namespace skillcalc {

int Vocabulary::kind_index(const std::string& k) const {
  for (size_t i = 0; i < applicant_kinds.size(); ++i)
    if (applicant_kinds[i].first == k) return static_cast<int>(i);
  return -1;
}

const Text* Vocabulary::label(const std::string& id) const {
  auto it = values.find(id);
  return it == values.end() ? nullptr : &it->second;
}

// An optional true/false key of a vocabulary entry (false when absent).
bool Reader::flag(const json& o, const std::string& path, const char* name) {
  auto it = o.find(name);
  if (it == o.end()) return false;
  if (!it->is_boolean()) bad(path + "/" + name, "not_bool", "必须是 true 或 false", "must be true or false");
  return it->is_boolean() && it->get<bool>();
}

// Values that are one city's own: "city_bound": true (the situation's own city: 市级竞赛, 市级工作室) or
// "city": "<id>" (a city's title, e.g. 威海市首席技师).
void Reader::value_cities(const json& j, Vocabulary& v) {
  auto it = j.find("values");
  if (it == j.end() || !it->is_object()) return;
  for (auto& [k, val] : it->items()) {
    if (!val.is_object()) continue;
    std::string p = "/values/" + pointer_token(k);
    if (flag(val, p, "city_bound")) v.value_city[k] = "";
    if (auto c = val.find("city"); c != val.end()) {
      if (!c->is_string())
        bad(p + "/city", "not_string", "必须是城市标识", "must be a city id");
      else
        v.value_city[k] = c->get<std::string>();
    }
  }
}

void Reader::vocabulary(const json& j, Vocabulary& v, bool base) {
  if (!j.is_object()) return bad("", "not_object", "词汇表必须是对象", "the vocabulary must be an object");
  auto labels = [&](const char* key, std::map<std::string, Text>& into) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (!it->is_object()) return bad(std::string("/") + key, "not_object", "必须是对象", "must be an object");
    for (auto& [k, val] : it->items()) {
      Text t = text(val, std::string("/") + key + "/" + pointer_token(k));
      auto old = into.find(k);
      if (old != into.end() && (old->second.zh != t.zh || old->second.en != t.en))
        bad(std::string("/") + key + "/" + pointer_token(k), "duplicate_id", "标识“" + k + "”已有不同的定义",
            "id '" + k + "' is already defined differently");
      into[k] = t;
    }
  };
  labels("cities", v.cities);
  labels("payers", v.payers);
  labels("values", v.values);
  labels("hints", v.hints);
  value_cities(j, v);
  if (auto it = j.find("applicant_kinds"); it != j.end() && it->is_object()) {
    for (auto& [k, val] : it->items())
      if (v.kind_index(k) < 0) v.applicant_kinds.push_back({k, text(val, "/applicant_kinds/" + k)});
  }
  if (auto it = j.find("fields"); it != j.end() && it->is_object()) {
    std::vector<std::pair<std::string, std::string>> pending;  // field, the field whose values it takes
    for (auto& [k, val] : it->items()) {
      std::string p = "/fields/" + k;
      if (!val.is_object()) {
        bad(p, "not_object", "必须是对象", "must be an object");
        continue;
      }
      if (val.contains("add_values")) {
        auto f = v.fields.find(k);
        if (f == v.fields.end() || f->second.type != FieldDef::Type::Enum) {
          bad(p, "unknown_field", "只能向已有的枚举字段添加取值", "add_values needs an existing enumerated field");
          continue;
        }
        for (auto& s : strings(val["add_values"], p + "/add_values"))
          if (std::find(f->second.values.begin(), f->second.values.end(), s) == f->second.values.end())
            f->second.values.push_back(s);
        continue;
      }
      FieldDef d;
      std::string type = str(val, p, "type");
      d.label = text(val, p);
      if (type == "int") {
        d.type = FieldDef::Type::Int;
        d.min = integer(val, p, "min");
        d.max = integer(val, p, "max");
      } else if (type == "bool") {
        d.type = FieldDef::Type::Bool;
      } else if (type == "text") {
        d.type = FieldDef::Type::Text;
        d.max_length = static_cast<size_t>(integer(val, p, "max_length", 100));
      } else if (type == "enum") {
        d.type = FieldDef::Type::Enum;
        if (val.contains("values")) d.values = strings(val["values"], p + "/values");
        if (val.contains("values_from"))
          for (auto& from : strings(val["values_from"], p + "/values_from")) pending.push_back({k, from});
      } else {
        bad(p + "/type", "bad_type", "类型必须是 int、bool、text 或 enum", "type must be int, bool, text or enum");
      }
      if (!base && v.fields.count(k))
        bad(p, "duplicate_id", "字段“" + k + "”已定义", "field '" + k + "' is already defined");
      v.fields[k] = d;
    }
    for (auto& [k, from] : pending) {
      auto f = v.fields.find(from);
      if (f == v.fields.end()) {
        bad("/fields/" + k + "/values_from", "unknown_field", "未知字段“" + from + "”", "unknown field '" + from + "'");
        continue;
      }
      auto& into = v.fields[k].values;
      for (auto& val : f->second.values)
        if (std::find(into.begin(), into.end(), val) == into.end()) into.push_back(val);
    }
  }
  if (auto it = j.find("applicant_fields"); it != j.end() && it->is_object()) {
    for (auto& [k, val] : it->items()) {
      std::string p = "/applicant_fields/" + k;
      FieldRef r;
      r.def = str(val, p, "def");
      r.label = text(val, p);
      r.kinds = kinds(key(val, "kinds"), p + "/kinds", v);
      r.city_bound = flag(val, p, "city_bound");
      v.applicant_fields[k] = r;
    }
  }
  if (auto it = j.find("event_types"); it != j.end() && it->is_object()) {
    for (auto& [k, val] : it->items()) {
      std::string p = "/event_types/" + k;
      if (!val.is_object()) {
        bad(p, "not_object", "必须是对象", "must be an object");
        continue;
      }
      EventType& e = v.event_types[k];
      if (val.contains("zh")) e.label = text(val, p);
      e.own_city = flag(val, p, "city_bound") || e.own_city;
      if (auto f = val.find("fields"); f != val.end() && f->is_object())
        for (auto& [name, def] : f->items()) {
          // "name": "def", or "name": {"def": "def", "zh": "…", "en": "…"} with the field's own question
          std::string def_key;
          if (def.is_string())
            def_key = def.get<std::string>();
          else if (def.is_object() && def.contains("def")) {
            def_key = str(def, p + "/fields/" + name, "def");
            e.labels[name] = text(def, p + "/fields/" + name);
            if (flag(def, p + "/fields/" + name, "city_bound")) e.city_bound.insert(name);
          } else {
            bad(p + "/fields/" + name, "not_string", "必须是字段定义名", "must name a field definition");
            continue;
          }
          bool seen = false;
          for (auto& x : e.fields) seen = seen || x.first == name;
          if (!seen) e.fields.push_back({name, def_key});
        }
      if (val.contains("required"))
        for (auto& r : strings(val["required"], p + "/required")) e.required.push_back(r);
    }
  }
}

void Reader::check_vocabulary(const Vocabulary& v) {
  for (auto& [k, f] : v.applicant_fields)
    if (!v.fields.count(f.def))
      bad("/applicant_fields/" + k + "/def", "unknown_field", "未知字段定义“" + f.def + "”",
          "unknown field definition '" + f.def + "'");
  for (auto& [k, e] : v.event_types)
    for (auto& [name, def] : e.fields)
      if (!v.fields.count(def))
        bad("/event_types/" + k + "/fields/" + name, "unknown_field", "未知字段定义“" + def + "”",
            "unknown field definition '" + def + "'");
  for (auto& [k, f] : v.fields)
    for (auto& val : f.values)
      if (!v.values.count(val))
        bad("/fields/" + k + "/values", "missing_label", "取值“" + val + "”没有中英文名称",
            "value '" + val + "' has no zh/en label");
  for (auto& [id, city] : v.value_city)
    if (!city.empty() && !v.cities.count(city))
      bad("/values/" + id + "/city", "unknown_id", "取值“" + id + "”所属的城市“" + city + "”不存在",
          "the value '" + id + "' names an unknown city '" + city + "'");
  for (auto& [id, _] : v.hints)
    if (!v.values.count(id))
      bad("/hints/" + id, "unknown_id", "说明所指的取值“" + id + "”不存在",
          "the hint names an unknown value '" + id + "'");
}

}  // namespace skillcalc
