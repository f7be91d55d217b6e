// The questions a page asks for one city, derived from the rule files: a new rule file brings its own questions.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "model.hpp"
#include "render.hpp"
#include "skillcalc.hpp"

namespace skillcalc {

using ojson = nlohmann::ordered_json;

namespace {

// Every event type: vocabulary.json's order, then those only rule files add, by name.
std::vector<std::string> event_types_in_order(const Vocabulary& v) {
  std::vector<std::string> out;
  for (auto& t : v.event_type_order)
    if (v.event_types.count(t)) out.push_back(t);
  for (auto& [t, _] : v.event_types)
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  return out;
}

struct Use {
  unsigned kinds = 0;
  bool all_values = false;
  std::set<std::string> values;
};

void use_path(std::map<std::string, Use>& uses, const Path& p, unsigned kinds, const Test* t) {
  Use& u = uses[p.text()];
  u.kinds |= kinds;
  if (!t || t->kind == Test::Kind::Range || t->kind == Test::Kind::Present || t->kind == Test::Kind::NotIn) {
    u.all_values = true;
    return;
  }
  for (auto& v : t->values)
    if (v.kind == Value::Kind::Text) u.values.insert(v.s);
}

bool tests(const std::vector<Condition>& when, const std::string& field) {
  for (auto& c : when)
    if (c.path.scope == Path::Scope::Event && c.path.field == field) return true;
  return false;
}

// A required field of the event that a measure does not test (in its `when`, or in every option) holds for any
// value: the page must offer every value of the vocabulary, not only those other measures test (a right for any
// contest level must be reachable with a provincial one).
void open_required_fields(const Vocabulary& v, const Measure& x, std::map<std::string, Use>& uses) {
  auto et = v.event_types.find(x.event);
  if (et == v.event_types.end()) return;
  for (auto& name : et->second.required) {
    bool tested = tests(x.when, name);
    if (!tested && !x.options.empty()) {
      tested = true;
      for (auto& o : x.options) tested = tested && tests(o.when, name);
    }
    if (tested) continue;
    Use& u = uses["event." + name];
    u.all_values = true;
    u.kinds |= x.applicants;
  }
}

ojson kinds_json(const Vocabulary& v, unsigned bits) {
  ojson a = ojson::array();
  for (size_t i = 0; i < v.applicant_kinds.size(); ++i)
    if (bits & (1u << i)) a.push_back(v.applicant_kinds[i].first);
  return a;
}

// A value that is another city's own (a Yantai title in Weihai's form) is not offered: no measure of this city can
// meet it, and a worker would read it as one of this city's titles.
bool other_citys(const Vocabulary& v, const std::string& val, const std::string& city) {
  auto c = v.value_city.find(val);
  return c != v.value_city.end() && !c->second.empty() && c->second != city;
}

ojson field_json(const Vocabulary& v, const std::string& city, const std::string& id, const FieldDef& d,
                 const Text& label, const Use* u, bool required) {
  ojson f;
  f["id"] = id;
  static const char* types[] = {"int", "bool", "text", "enum"};
  f["type"] = types[static_cast<int>(d.type)];
  f["zh"] = label.zh;
  f["en"] = label.en;
  f["required"] = required;
  if (d.type == FieldDef::Type::Int) f["min"] = d.min, f["max"] = d.max;
  if (d.type == FieldDef::Type::Enum) {
    ojson opts = ojson::array();
    for (auto& val : d.values) {
      if (u && !u->all_values && !u->values.empty() && !u->values.count(val)) continue;
      if (other_citys(v, val, city)) continue;
      const Text* t = v.label(val);
      ojson o = {{"id", val}, {"zh", t ? t->zh : val}, {"en", t ? t->en : val}};
      if (auto h = v.hints.find(val); h != v.hints.end()) o["hint"] = {{"zh", h->second.zh}, {"en", h->second.en}};
      opts.push_back(o);
    }
    f["options"] = opts;
  }
  if (u) f["kinds"] = kinds_json(v, u->kinds);
  return f;
}

}  // namespace

std::string Engine::catalog(std::string_view city_view) const {
  try {
    const Model& m = *model_;
    std::string city(city_view);
    std::vector<int> docs = m.docs_of_city(city);
    if (docs.empty())
      return render_error("unknown_city", "/city", "没有城市“" + city + "”的政策文件",
                          "no policy documents for city '" + city + "'");
    unsigned all_kinds = 0;
    std::map<std::string, unsigned> event_kinds;
    std::map<std::string, std::map<std::string, Use>> uses;  // event type -> path -> use
    std::map<std::string, Use> applicant_uses;
    for (int d : docs)
      for (int mi : m.documents[d].measures) {
        const Measure& x = m.measures[mi];
        all_kinds |= x.applicants;
        event_kinds[x.event] |= x.applicants;
        auto& u = uses[x.event];
        auto conds = [&](const std::vector<Condition>& cs) {
          for (auto& c : cs)
            use_path(c.path.scope == Path::Scope::Event ? u : applicant_uses, c.path, x.applicants, &c.test);
        };
        conds(x.when);
        if (x.teams) use_path(u, Path{Path::Scope::Event, "team"}, x.applicants, nullptr);
        for (auto& o : x.options) {
          conds(o.when);
          for (auto& p : o.asks) use_path(p.scope == Path::Scope::Event ? u : applicant_uses, p, x.applicants, nullptr);
          if (o.amount.kind == Amount::Kind::Percent) use_path(u, o.amount.of, x.applicants, nullptr);
        }
        if (x.amount.kind == Amount::Kind::Percent)
          use_path(x.amount.of.scope == Path::Scope::Event ? u : applicant_uses, x.amount.of, x.applicants, nullptr);
        if (x.per_head == Measure::PerHead::Count)
          use_path(u, Path{Path::Scope::Event, "count"}, x.applicants, nullptr);
        if (x.per_head == Measure::PerHead::Path) use_path(u, x.per_head_path, x.applicants, nullptr);
        if (x.schedule.has_count_from) use_path(u, x.schedule.count_from, x.applicants, nullptr);
        open_required_fields(m.vocab, x, u);
      }
    // A person is one person: "how many people" is never asked of an individual.
    if (int person = m.vocab.kind_index("person"); person >= 0)
      for (auto& [type, paths] : uses)
        if (auto c = paths.find("event.count"); c != paths.end()) c->second.kinds &= ~(1u << person);
    ojson r;
    r["ok"] = true;
    r["city"] = city;
    auto ct = m.vocab.cities.find(city);
    r["label"] = {{"zh", ct->second.zh}, {"en", ct->second.en}};
    r["rules_version"] = m.version;
    ojson kinds = ojson::array();
    for (size_t i = 0; i < m.vocab.applicant_kinds.size(); ++i)
      if (all_kinds & (1u << i))
        kinds.push_back({{"id", m.vocab.applicant_kinds[i].first},
                         {"zh", m.vocab.applicant_kinds[i].second.zh},
                         {"en", m.vocab.applicant_kinds[i].second.en}});
    r["applicant_kinds"] = kinds;
    ojson afields = ojson::array();
    for (auto& [path, u] : applicant_uses) {
      std::string id = path.substr(10);
      const FieldRef& ref = m.vocab.applicant_fields.at(id);
      afields.push_back(field_json(m.vocab, city, id, m.vocab.fields.at(ref.def), ref.label, &u, false));
    }
    r["applicant_fields"] = afields;
    ojson events = ojson::array();
    for (auto& type : event_types_in_order(m.vocab)) {
      const EventType& et = m.vocab.event_types.at(type);
      if (!event_kinds.count(type)) continue;
      ojson e;
      e["id"] = type;
      e["zh"] = et.label.zh;
      e["en"] = et.label.en;
      e["kinds"] = kinds_json(m.vocab, event_kinds[type]);
      ojson fields = ojson::array();
      fields.push_back({{"id", "date"}, {"type", "date"}, {"zh", "日期"}, {"en", "Date"}, {"required", false}});
      auto& u = uses[type];
      for (auto& [name, def] : et.fields) {
        bool required = std::find(et.required.begin(), et.required.end(), name) != et.required.end();
        auto it = u.find("event." + name);
        bool grouping = name == "contest";
        if (!required && it == u.end() && !grouping) continue;
        const FieldDef& d = m.vocab.fields.at(def);
        Use* use = it == u.end() ? nullptr : &it->second;
        if (use && !use->kinds && !required) continue;  // asked of no one (count, for persons only)
        auto own = et.labels.find(name);
        fields.push_back(
            field_json(m.vocab, city, name, d, own != et.labels.end() ? own->second : d.label, use, required));
      }
      e["fields"] = fields;
      events.push_back(e);
    }
    r["event_types"] = events;
    ojson payers = ojson::array();  // the payers the city's measures name, with their labels
    std::set<std::string> named;
    for (int d : docs)
      for (int mi : m.documents[d].measures)
        for (auto& p : m.measures[mi].payers) named.insert(p.who);
    for (auto& id : named) {
      const Text& t = m.vocab.payers.at(id);
      payers.push_back({{"id", id}, {"zh", t.zh}, {"en", t.en}});
    }
    r["payers"] = payers;
    return r.dump(-1, ' ', false, ojson::error_handler_t::replace);
  } catch (const std::exception& e) {
    return render_error("internal_error", "", std::string("内部错误：") + e.what(),
                        std::string("internal error: ") + e.what());
  }
}

}  // namespace skillcalc
