#include "intern.hpp"

namespace skillcalc {

namespace {

void intern_vocabulary(Vocabulary& v) {
  Symbols& s = v.symbols;
  for (auto& [kind, _] : v.applicant_kinds) s.add(kind);
  for (auto& [city, _] : v.cities) s.add(city);
  for (auto& [name, ref] : v.applicant_fields) ref.id = s.add(name);
  for (auto& [type, et] : v.event_types) {
    et.sym = s.add(type);
    et.ids.clear();
    for (auto& [name, _] : et.fields) et.ids.push_back(s.add(name));
  }
  for (auto& [_, def] : v.fields) {
    def.value_syms.clear();
    for (auto& value : def.values) def.value_syms.push_back(s.add(value));
  }
  for (auto& [id, _] : v.values) s.add(id);
  v.label_of_symbol.assign(s.size(), nullptr);
  for (auto& [id, text] : v.values) v.label_of_symbol[static_cast<size_t>(s.find(id))] = &text;
  v.event_type_of_symbol.assign(s.size(), nullptr);
  for (auto& [_, et] : v.event_types) v.event_type_of_symbol[static_cast<size_t>(et.sym)] = &et;
  v.applicant_field_of_symbol.assign(s.size(), nullptr);
  for (auto& [_, ref] : v.applicant_fields) {
    auto def = v.fields.find(ref.def);
    ref.field = def == v.fields.end() ? nullptr : &def->second;
    v.applicant_field_of_symbol[static_cast<size_t>(ref.id)] = &ref;
  }
}

void intern_path(const Symbols& s, Path& p) {
  p.id = s.find(p.field);
}

void intern_conditions(const Symbols& s, std::vector<Condition>& when) {
  for (Condition& c : when) {
    intern_path(s, c.path);
    for (Value& v : c.test.values)
      if (v.kind == Value::Kind::Text) v.sym = s.find(v.s);
  }
}

void intern_measure(const Symbols& s, Measure& x) {
  x.event_id = x.event.empty() ? -1 : s.find(x.event);
  x.also_event_id = x.also_event.empty() ? -1 : s.find(x.also_event);
  intern_conditions(s, x.when);
  intern_path(s, x.amount.of);
  for (Option& o : x.options) {
    intern_conditions(s, o.when);
    intern_path(s, o.amount.of);
    for (Path& p : o.asks) intern_path(s, p);
    for (Path& p : o.assumes) intern_path(s, p);
  }
  intern_path(s, x.schedule.count_from);
  intern_path(s, x.per_year);
  intern_path(s, x.per_head_path);
}

// Per city, the measures an event of each type may meet (Model::city_type_measures), so that evaluation tries those
// alone, in the order it would meet them going through the city's documents.
void list_measures_by_type(Model& m) {
  m.city_type_measures.clear();
  for (auto& [city, docs] : m.city_documents) {
    std::vector<std::vector<int>> by_type(m.vocab.symbols.size());
    bool listed = true;
    for (int d : docs)
      for (int mi : m.documents[d].measures) {
        const Measure& x = m.measures[mi];
        if (x.event.empty()) continue;
        if (x.event_id < 0 || (!x.also_event.empty() && x.also_event_id < 0))
          listed = false;
        else
          by_type[static_cast<size_t>(x.event_id)].push_back(mi);
        if (x.also_event_id >= 0) by_type[static_cast<size_t>(x.also_event_id)].push_back(mi);
      }
    if (listed) m.city_type_measures[city] = std::move(by_type);
  }
}

}  // namespace

void intern_model(Model& m) {
  intern_vocabulary(m.vocab);
  m.city_documents.clear();
  for (size_t i = 0; i < m.documents.size(); ++i) m.city_documents[m.documents[i].city].push_back(static_cast<int>(i));
  for (Measure& x : m.measures) intern_measure(m.vocab.symbols, x);
  list_measures_by_type(m);
}

}  // namespace skillcalc
