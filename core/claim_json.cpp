// The `claim` part of a result item: the parts that depend on the measure alone written at load, and what to bring,
// derived from the measure's conditions and the situation's facts, written straight into the result.
#include <algorithm>
#include <tuple>

#include "city_bound.hpp"
#include "claim.hpp"
#include "text_out.hpp"

namespace skillcalc {

namespace {

void quoted_json(JsonWriter& w, const Quoted& q) {
  w.begin_object().field("zh", q.text.zh).field("en", q.text.en).field("quote", q.quote);
  if (q.years_later >= 0) w.field("years_later", static_cast<long long>(q.years_later));
  w.end_object();
}

std::string replace_unit(std::string t, const std::string& unit) {
  auto at = t.find("{unit}");
  return at == std::string::npos ? t : t.replace(at, 6, unit);
}

// "Skill level" -> "skill level" from `from` on; an acronym ("WorldSkills", "CNC") keeps its capital.
void lower_first(TextBuf& s, size_t from) {
  auto upper = [&](size_t i) { return i < s.size() && s[i] >= 'A' && s[i] <= 'Z'; };
  if (upper(from) && !upper(from + 1)) s[from] += 'a' - 'A';
}

// The situation's value of a fact; none for a city-bound fact asked again here (it describes another city).
const Value* value_of(const Path& p, const Event& e, const Situation& s) {
  if (asked(p, e, s)) return nullptr;
  return p.scope == Path::Scope::Event ? e.fields.get(p) : s.applicant.get(p);
}

// The question's words for a field: the event type's own label, else its definition's; the applicant field's label.
using Label = std::pair<std::string_view, std::string_view>;

Label field_label(const Model& m, const Path& p, const std::string& event) {
  Label own{p.field, p.field};
  if (p.scope == Path::Scope::Applicant) {
    auto af = m.vocab.applicant_fields.find(p.field);
    return af == m.vocab.applicant_fields.end() ? own : Label{af->second.label.zh, af->second.label.en};
  }
  auto et = m.vocab.event_types.find(event);
  if (et == m.vocab.event_types.end()) return own;
  if (auto l = et->second.labels.find(p.field); l != et->second.labels.end()) return Label{l->second.zh, l->second.en};
  for (auto& f : et->second.fields)
    if (f.first == p.field)
      if (auto d = m.vocab.fields.find(f.second); d != m.vocab.fields.end())
        return Label{d->second.label.zh, d->second.label.en};
  return own;
}

// The label of an id, by its symbol where it has one (every id with a label has).
const Text* label_of(const Vocabulary& v, const Value& value) {
  size_t sym = static_cast<size_t>(value.sym);
  if (value.sym >= 0 && sym < v.label_of_symbol.size()) return v.label_of_symbol[sym];
  return v.label(value.s);
}

// Appends "职业技能等级：技师" / "skill level: Technician", with the bound a number must meet. False, with nothing
// written, when the condition names nothing to bring.
bool condition_words(Words& out, const Model& m, const Condition& c, const Event& e, const Situation& s,
                     const std::string& event) {
  const Test& t = c.test;
  if (t.kind == Test::Kind::Present && !t.present) return false;  // an absence is nothing to bring
  if (t.kind == Test::Kind::Eq && t.values[0].kind == Value::Kind::Bool && !t.values[0].b) return false;
  const Value* v = value_of(c.path, e, s);
  if (!v || v->kind == Value::Kind::Absent) return false;
  auto [label_zh, label_en] = c.label_zh.data() ? Label{c.label_zh, c.label_en} : field_label(m, c.path, event);
  cat(out.zh, label_zh, "：");
  size_t from = out.en.size();
  put(out.en, label_en);
  lower_first(out.en, from);
  put(out.en, ": ");
  if (v->kind == Value::Kind::Int) {
    put(out.zh, Int{v->i}), put(out.en, Int{v->i});
  } else if (v->kind == Value::Kind::Bool) {
    put(out.zh, v->b ? "是" : "否"), put(out.en, v->b ? "yes" : "no");
  } else if (const Text* l = label_of(m.vocab, *v)) {
    put(out.zh, l->zh), put(out.en, l->en);
  } else {
    put(out.zh, v->s), put(out.en, v->s);
  }
  if (t.kind != Test::Kind::Range) return true;
  if (t.has_min && t.has_max)
    cat(out.zh, "（须在", Int{t.min}, "至", Int{t.max}, "之间）"),
        cat(out.en, " (needs ", Int{t.min}, " to ", Int{t.max}, ")");
  else if (t.has_min)
    cat(out.zh, "（须≥", Int{t.min}, "）"), cat(out.en, " (needs at least ", Int{t.min}, ")");
  else
    cat(out.zh, "（须≤", Int{t.max}, "）"), cat(out.en, " (needs at most ", Int{t.max}, ")");
  return true;
}

void words_json(JsonWriter& w, const Words& t) {
  w.begin_object().field("zh", t.zh).field("en", t.en).end_object();
}

// The buffers of one item's "bring", kept from result to result.
struct Bring {
  Words event_facts, fact, line;
  std::vector<Words> proofs;  // the first `used` hold this item's proofs of applicant facts
  size_t used = 0;
  std::vector<const Path*> seen;
};

// The event whose facts are to be proved: for a threshold counted per year (每年累计), the item's last event with the
// year's total in place of its own figure, the figure the threshold was met with.
const Event& proved_event(const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  const Measure& x = m.measures[it.measure];
  const Event& e = event_of(ev, s, it);
  if (!x.has_per_year || it.more_events.empty()) return e;
  thread_local Event year;
  year = e;
  long long total = 0;
  auto add = [&](const Event& one) {
    const Value* v = one.fields.get(x.per_year);
    if (v && v->kind == Value::Kind::Int) total += v->i;
  };
  for (int more : it.more_events) add(s.events[static_cast<size_t>(more)]);
  add(e);
  bool found = false;
  for (auto& f : year.fields.list)
    if (f.name == x.per_year.field) f.value.kind = Value::Kind::Int, f.value.i = total, found = true;
  if (!found) year.fields.list.push_back({x.per_year.field, Value{Value::Kind::Int, false, total, {}}, x.per_year.id});
  return year;
}

// The fact in b.fact ("label：value"): an event's goes with the proof of the event, an applicant's is a proof of its
// own ("本市社保缴纳月数：14（须≥12）" -> "本市社保缴纳月数的证明：14（须≥12）").
void add_fact(Bring& b, Path::Scope scope) {
  if (scope == Path::Scope::Event) {
    if (!b.event_facts.zh.empty()) put(b.event_facts.zh, "；"), put(b.event_facts.en, "; ");
    put(b.event_facts.zh, b.fact.zh), put(b.event_facts.en, b.fact.en);
    return;
  }
  if (b.used == b.proofs.size()) b.proofs.emplace_back();
  Words& proof = b.proofs[b.used++];
  proof.clear();
  size_t colon = b.fact.zh.find("：");
  cat(proof.zh, std::string_view(b.fact.zh).substr(0, colon), "的证明", std::string_view(b.fact.zh).substr(colon));
  cat(proof.en, "proof of ", b.fact.en);
}

// A fact the text requires and the situation leaves blank (or gives for another city) is to be proved all the same:
// "工作单位类型：尚未填写或须确认（须符合原文的条件）".
// A fact the reading takes as met when blank (rules.json `assumes`) is proved too:
// "已缴纳社会保险：未填写，按符合计算， 须提供证明".
void blank_fact(Bring& b, const Model& m, const Path& p, const Event& e, const Situation& s, const std::string& event,
                bool assumed = false) {
  const Value* v = value_of(p, e, s);
  if (v && v->kind != Value::Kind::Absent) return;  // given (for another city): named with its value above
  auto [label_zh, label_en] = field_label(m, p, event);
  b.fact.clear();
  cat(b.fact.zh, label_zh, assumed ? "：未填写，按符合计算，须提供证明" : "：尚未填写或须确认（须符合原文的条件）");
  size_t from = b.fact.en.size();
  put(b.fact.en, label_en);
  lower_first(b.fact.en, from);
  put(b.fact.en, assumed ? ": not given, counted as met: proof needed"
                         : ": not given or to be confirmed (it must meet the text's condition)");
  add_fact(b, p.scope);
}

// What to have ready: a proof of the event, naming the facts the measure's conditions (and its option's) read, and a
// proof of each applicant fact they read. Derived from the rules and the vocabulary alone.
void bring_json(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  thread_local Bring b;
  const Measure& x = m.measures[it.measure];
  const Event& e = proved_event(m, s, ev, it);
  b.event_facts.clear(), b.used = 0, b.seen.clear();
  Condition of;  // the figure a percentage applies to is a fact to prove, too
  if (it.amount && it.amount->kind == Amount::Kind::Percent)
    of.path = it.amount->of, of.test.kind = Test::Kind::Present;
  auto consider = [&](const Condition& c) {
    for (const Path* p : b.seen)
      if (p->scope == c.path.scope && p->field == c.path.field) return;
    b.seen.push_back(&c.path);
    b.fact.clear();
    if (condition_words(b.fact, m, c, e, s, x.event)) add_fact(b, c.path.scope);
  };
  for (auto& c : x.when) consider(c);
  if (it.option >= 0)
    for (auto& c : x.options[it.option].when) consider(c);
  if (it.amount && it.amount->kind == Amount::Kind::Percent) consider(of);
  for (const Path& p : facts_asked(it)) blank_fact(b, m, p, e, s, x.event);
  if (it.option >= 0)
    for (const Path& p : x.options[it.option].assumes) blank_fact(b, m, p, e, s, x.event, true);
  auto seen = [](const Path& p) {
    return std::any_of(b.seen.begin(), b.seen.end(),
                       [&p](const Path* q) { return q->scope == p.scope && q->field == p.field; });
  };
  Path count = x.per_head == Measure::PerHead::Path ? x.per_head_path : Path{Path::Scope::Event, "count"};
  bool count_named = x.per_head != Measure::PerHead::No && !it.heads_unknown && !it.heads_assumed &&
                     seen(count);  // "当年全职聘用人数：120（须≥50）" says it already
  const std::vector<Path> asked = facts_asked(it);
  bool count_asked = it.heads_unknown && std::any_of(asked.begin(), asked.end(), [&](const Path& p) {
                       return p.scope == count.scope && p.field == count.field;
                     });  // its blank line above says it already
  if (x.per_head != Measure::PerHead::No && (it.heads > 1 || it.heads_assumed) && !count_named && !count_asked) {
    if (!b.event_facts.zh.empty()) put(b.event_facts.zh, "；"), put(b.event_facts.en, "; ");
    // The count's own words: 人数, or what the event type counts (承办项目数, 数量 of platforms).
    auto [zh, en] = field_label(m, count, x.event);
    size_t from = b.event_facts.en.size();
    if (it.heads_unknown)
      cat(b.event_facts.zh, zh, "：尚未填写，须按实际人数提供"), cat(b.event_facts.en, en, ": not given, to be proved");
    else if (it.heads_assumed)
      cat(b.event_facts.zh, zh, "未填写，按1计，请核实"),
          cat(b.event_facts.en, en, " not given: 1 is counted, check it");
    else
      cat(b.event_facts.zh, zh, "：", Int{it.heads}), cat(b.event_facts.en, en, ": ", Int{it.heads});
    lower_first(b.event_facts.en, from);
  }
  w.key("bring").begin_array();
  if (it.event >= 0) {
    auto et = m.vocab.event_types.find(x.event);
    bool known = et != m.vocab.event_types.end();
    const Text* name = !x.proof.zh.empty() ? &x.proof : known ? &et->second.label : nullptr;
    b.line.clear();
    cat(b.line.zh, name ? name->zh : x.event, "的证明");
    put(b.line.en, "proof of: ");
    size_t from = b.line.en.size();
    put(b.line.en, name ? name->en : x.event);
    lower_first(b.line.en, from);
    if (!b.event_facts.zh.empty())
      cat(b.line.zh, "（", b.event_facts.zh, "）"), cat(b.line.en, " (", b.event_facts.en, ")");
    words_json(w, b.line);
  }
  for (size_t i = 0; i < b.used; ++i) words_json(w, b.proofs[i]);
  for (const Quoted& q : x.claim.bring) w.begin_object().field("zh", q.text.zh).field("en", q.text.en).end_object();
  w.end_array();
}

}  // namespace

void prerender_claim(Model& m) {
  for (Measure& x : m.measures) {
    auto label = [&](Condition& c) { std::tie(c.label_zh, c.label_en) = field_label(m, c.path, x.event); };
    for (Condition& c : x.when) label(c);
    for (Option& o : x.options)
      for (Condition& c : o.when) label(c);
    const MeasureClaim& c = x.claim;
    JsonWriter w;
    if (c.handled_by.set()) {
      auto role = m.claim_words.roles.find(c.role);
      Text r = role == m.claim_words.roles.end() ? Text{c.role, c.role} : role->second;
      w.begin_object()
          .field("zh", c.handled_by.text.zh)
          .field("en", c.handled_by.text.en)
          .field("quote", c.handled_by.quote)
          .key("role")
          .begin_object()
          .field("id", c.role)
          .field("zh", r.zh)
          .field("en", r.en)
          .end_object()
          .end_object();
    } else {
      w.null();
    }
    x.json_handled_by = w.take();
    for (auto [q, out] : {std::pair{&c.paid, &x.json_paid}, std::pair{&c.cadence, &x.json_cadence}}) {
      JsonWriter v;
      if (q->set())
        quoted_json(v, *q);
      else
        v.null();
      *out = v.take();
    }
    const ClaimWords& cw = m.claim_words;
    JsonWriter a;
    if (c.handled_by.set())
      a.begin_object()
          .field("zh", replace_unit(cw.ask.zh, c.handled_by.text.zh))
          .field("en", replace_unit(cw.ask.en, c.handled_by.text.en))
          .end_object();
    else if (!cw.ask_no_unit.zh.empty())
      a.begin_object().field("zh", cw.ask_no_unit.zh).field("en", cw.ask_no_unit.en).end_object();
    else
      a.null();
    x.json_ask = a.take();
  }
}

void claim_json(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  const Measure& x = m.measures[it.measure];
  w.key("claim").begin_object();
  w.key("handled_by").raw(x.json_handled_by);
  w.key("paid").raw(x.json_paid);
  w.key("cadence").raw(x.json_cadence);
  bring_json(w, m, s, ev, it);
  w.key("ask").raw(x.json_ask);
  w.end_object();
}

}  // namespace skillcalc
