#include "render.hpp"

#include <algorithm>
#include <deque>
#include <nlohmann/json.hpp>

#include "claim.hpp"
#include "closeness.hpp"
#include "day.hpp"
#include "documents.hpp"
#include "explain.hpp"
#include "item_json.hpp"
#include "money.hpp"
#include "suggestions.hpp"

namespace skillcalc {

namespace {

// "第{c}条" with the clause: how a document's clauses are named in each language.
std::string clause_of(const Document& d, const std::string& c, bool zh) {
  std::string label = zh ? d.clause_label.zh : d.clause_label.en;
  auto at = label.find("{c}");
  return at == std::string::npos ? label + c : label.substr(0, at) + c + label.substr(at + 3);
}

// "威政办发〔2025〕3号第9条": how a worker names a measure or a rule (never by its id).
Text where(const Model& m, int doc, const std::string& clause) {
  const Document& d = m.documents[doc];
  return {d.number + clause_of(d, clause, true), d.number + " " + clause_of(d, clause, false)};
}

// The notes of a result, each once (by its Chinese text), in the order first met. A note of the rules comes with
// its JSON object, written at load.
class Notes {
 public:
  void add(const Text& t, const std::string& json) { add(t, &json); }
  void add(std::string zh, std::string en) {
    for (const Note& n : list_)
      if (n.text->zh == zh) return;
    made_.push_back({std::move(zh), std::move(en)});
    list_.push_back({&made_.back(), nullptr});
  }
  void clear() {
    list_.clear();
    made_.clear();
  }
  void json(JsonWriter& w) const {
    w.key("notes").begin_array();
    for (const Note& n : list_)
      if (n.json)
        w.raw(*n.json);
      else
        w.begin_object().field("zh", n.text->zh).field("en", n.text->en).end_object();
    w.end_array();
  }

 private:
  struct Note {
    const Text* text;
    const std::string* json;  // null: made for this result
  };
  std::vector<Note> list_;
  std::deque<Text> made_;  // notes written for this result (a deque: their addresses stay)

  void add(const Text& t, const std::string* json) {
    for (const Note& n : list_)
      if (n.text == &t || n.text->zh == t.zh) return;
    list_.push_back({&t, json});
  }
};

// The note on what the totals leave out of an item of `x`, or count at its floor or ceiling.
Text totals_note_text(const Measure& x, Measure::TotalsNote n) {
  const Text& at = x.where;
  switch (n) {
    case Measure::NoAmount:
      return {at.zh + "：原文未写明金额，未计入合计。",
              at.en + ": the text names no amount; it is left out of the totals."};
    case Measure::NoTerm:
      return {at.zh + "：原文未写明发放期限，总额无法确定，未计入合计。",
              at.en + ": the text states no term, so its total is unknown and left out of the totals."};
    case Measure::NoHeads:
      return {at.zh + (x.unit.zh.empty() ? "：未填写人数" : "：未填写数量") + "，总额无法确定，未计入合计。",
              at.en + ": the number was not given, so its total is unknown and left out of the totals."};
    case Measure::Floor:
      return {at.zh + "：原文为“不低于”，合计按最低标准计算，实际可能更高。",
              at.en + ": the text sets a floor (不低于); the totals count the floor, more may be paid."};
    default:
      return {at.zh + "：原文为“最高”或“不超过”，实际金额由主管部门核定，合计按0至上限计算。",
              at.en +
                  ": the text gives only a ceiling (最高/不超过); the bureau sets the actual amount, so the totals run "
                  "from 0 to the ceiling."};
  }
}

// The notes an item brings: its document's and measure's (once each), its stacking rule's, and what the totals
// leave out or count at a floor or a ceiling.
void item_notes(Notes& notes, std::vector<char>& noted, const Model& m, const Situation& s, const Item& it) {
  const Measure& x = m.measures[it.measure];
  if (!noted[x.doc]) {
    noted[x.doc] = 1;
    const Document& d = m.documents[x.doc];
    for (size_t i = 0; i < d.notes.size(); ++i)
      notes.add(d.notes[i], d.json_notes[i]);  // the period and currency of each document are in "documents"
  }
  // A superseded item's own notes speak of an amount that no longer applies (the 2021 floor of a chief technician
  // selected in 2025): only its document's notes, which say what supersedes it, are kept — unless the item is marked
  // ambiguous, whose notes say the other reading (under which it may still be paid: 技能兴威's organiser's prize).
  bool kept = it.status != Status::Superseded || x.ambiguous;
  if (kept && !noted[m.documents.size() + it.measure]) {
    noted[m.documents.size() + it.measure] = 1;
    for (size_t i = 0; i < x.notes.size(); ++i) notes.add(x.notes[i], x.json_notes[i]);
  }
  if (it.status == Status::Excluded && it.stacking >= 0) {
    const Stacking& st = m.stackings[it.stacking];
    for (size_t i = 0; i < st.notes.size(); ++i) notes.add(st.notes[i], st.json_notes[i]);
  }
  auto totals_note = [&](Measure::TotalsNote n) {
    if (!x.json_totals_notes[n].empty()) return notes.add(x.totals_notes[n], x.json_totals_notes[n]);
    Text t = totals_note_text(x, n);
    notes.add(std::move(t.zh), std::move(t.en));
  };
  bool money = it.counts() && it.amount->kind != Amount::Kind::None;
  if (money && !it.unit_known) totals_note(Measure::NoAmount);
  if (it.counts() && it.unit_known && !it.periods_known) totals_note(Measure::NoTerm);
  if (it.counts() && it.heads_unknown) totals_note(Measure::NoHeads);
  // How the totals count a floor or a ceiling: only for an item they count (a term not stated counts nothing).
  bool counted = it.counts() && it.total_known;
  if (counted && it.amount->kind == Amount::Kind::Floor) totals_note(Measure::Floor);
  if (counted && it.amount->kind == Amount::Kind::UpTo && it.floor_by < 0) totals_note(Measure::UpTo);
  const Text& at = x.where;
  if (counted && it.amount->kind == Amount::Kind::UpTo && it.floor_by >= 0)
    notes.add(at.zh + "：原文为“最高”或“不超过”，实际金额由主管部门核定；同一成就就高发放，合计按" +
                  yuan_zh(it.total_min) + "至上限计算。",
              at.en +
                  ": the text gives only a ceiling (最高/不超过); the bureau sets the actual amount, and one "
                  "achievement is paid at its highest, so the totals run from " +
                  yuan_en(it.total_min) + " to the ceiling.");
  if (it.planned)
    notes.add("日期晚于测算日期（" + day_zh(s.as_of) +
                  "）的事件是计划，尚未发生：由此产生的各项标注“计划”，金额不计入合计，"
                  "单列为计划金额，须待事件实际发生后方可申领。",
              "Events dated after the day asked about (" + day_en(s.as_of) +
                  ") are plans that have not happened: their items are marked planned and their money is not in the "
                  "totals but shown apart as planned money; they can be claimed only once the events happen.");
}

// A yearly or monthly subsidy whose term runs past its document's end (济宁 (九) 3年内 for a hire of 2029): the term
// is counted in full, as the document applies by the event's date, and the note says so.
void beyond_period_note(Notes& notes, const Model& m, const Situation& s, const Item& it) {
  const Measure& x = m.measures[it.measure];
  const Document& d = m.documents[x.doc];
  // A support period (产业技能领军人才 3年支持期) runs its years as a yearly subsidy does.
  const bool term = x.schedule.kind == Schedule::Kind::Term && x.schedule.count_known;
  if (!it.counts() || !(x.schedule.periodic() || term) || !it.periods_known || it.event < 0 || d.to == kNoEnd) return;
  const Day start = s.events[static_cast<size_t>(it.event)].date;
  const bool monthly = x.schedule.kind == Schedule::Kind::Monthly;
  const long long count = term ? x.schedule.count : it.periods_max;
  long long months = (start / 10000) * 12 + (start / 100 % 100 - 1) + (count - 1) * (monthly ? 1 : 12);
  const Day last = static_cast<Day>((months / 12) * 10000 + (months % 12 + 1) * 100 + start % 100);
  if (last <= d.to) return;
  notes.add(x.where.zh + "：发放期限（" + std::to_string(count) + (monthly ? "个月" : "年") + "）延续到" + d.number +
                "有效期（至" + day_zh(d.to) +
                "）之后；本计算器按事项发生日期适用本文件，计入全部期限，届时是否继续发放以主管部门为准。",
            x.where.en + ": the term (" + std::to_string(count) + (monthly ? " months" : " years") +
                ") runs past the end of " + d.number + " (" + day_en(d.to) +
                "); the document applies by the event's date, so the whole term is counted, but whether payment "
                "continues then is for the department in charge.");
}

// Whether a measure of the city reads events of type `e` for this kind of applicant.
bool read_for_kind(const Model& m, const Situation& s, const Event& e, unsigned bit) {
  auto reads = [&](int mi) { return same_type(m.measures[mi], e) && (m.measures[mi].applicants & bit); };
  if (const std::vector<int>* of_type = m.measures_of_type(s.city, e.type_id))
    return std::any_of(of_type->begin(), of_type->end(), reads);
  for (int d : m.docs_of_city(s.city))
    if (std::any_of(m.documents[d].measures.begin(), m.documents[d].measures.end(), reads)) return true;
  return false;
}

// An event no measure of the city reads for this kind of applicant (a school's title: the titles are people's) is
// said, so that it is not taken for an event that brings nothing.
// An event without a date is taken on as_of: the date picks the document, its period and a year's totals, so say it.
void undated_event_notes(Notes& notes, const Situation& s) {
  for (const Event& e : s.events)
    if (!e.dated)
      notes.add("事件“" + e.id + "”未填写日期，按测算日期（" + day_zh(s.as_of) +
                    "）计算；日期决定适用的文件、施行期和年度，请填写实际日期。",
                "Event “" + e.id + "” gives no date and is taken on the day asked about (" + day_en(s.as_of) +
                    "); the date decides the document, its period and the year, so give the real one.");
}

// A year's totals cut to what its yearly caps allow together (Evaluation::bounded).
void bounded_notes(Notes& notes, const Model& m, const Evaluation& ev) {
  for (const auto& b : ev.bounded) {
    Text caps;
    for (int ci : b.caps) {
      const Cap& c = m.caps[static_cast<size_t>(ci)];
      caps.zh += (caps.zh.empty() ? "" : "、") + c.where.zh + "“" + c.quote + "”";
      caps.en += (caps.en.empty() ? "" : "; ") + c.where.en + " '" + c.quote + "'";
    }
    const std::string year = std::to_string(b.year);
    if (b.together)
      notes.add(year + "年：" + caps.zh + "：已发生的事项最多" + yuan_zh(b.due) + "、计划中的事项最多" +
                    yuan_zh(b.most) + "，两者合计不超过" + yuan_zh(b.bound) + "：一方多得，另一方就少得。",
                "In " + year + ": " + caps.en + ": what has happened brings at most " + yuan_en(b.due) +
                    " and what is planned at most " + yuan_en(b.most) + ", together never more than " +
                    yuan_en(b.bound) + ": the more one brings, the less the other.");
    else if (b.planned)
      notes.add(year + "年：" + caps.zh + "；这些上限在已确定的金额之外，最多还留" + yuan_zh(b.bound) +
                    "给计划中的事项：各项的最高额相加为" + yuan_zh(b.most) + "，不能同时取得，计划合计最高按" +
                    yuan_zh(b.bound) + "计。",
                "In " + year + ": " + caps.en + "; beside the money certainly due, these caps leave at most " +
                    yuan_en(b.bound) + " to what is planned: the items' most add up to " + yuan_en(b.most) +
                    ", which cannot all be had at once, so the planned total is at most " + yuan_en(b.bound) + ".");
    else
      notes.add(year + "年：" + caps.zh + "，上限合计" + yuan_zh(b.bound) + "：各项的最高额相加为" + yuan_zh(b.most) +
                    "，不能同时取得（一批按一项的最高额计时，另一批只能按其最低额计），合计最高按" + yuan_zh(b.bound) +
                    "计。",
                "In " + year + ": " + caps.en + ", caps adding up to " + yuan_en(b.bound) +
                    ": the items' most add up " + "to " + yuan_en(b.most) +
                    ", which cannot all be had at once (where one batch brings its most, " +
                    "another brings its least), so the total is at most " + yuan_en(b.bound) + ".");
  }
}

void unread_event_notes(Notes& notes, const Model& m, const Situation& s) {
  int kind = m.vocab.kind_index(s.kind);
  if (kind < 0) return;
  for (const Event& e : s.events) {
    if (read_for_kind(m, s, e, 1u << kind)) continue;
    auto et = m.vocab.event_types.find(e.type);
    const Text& who = m.vocab.applicant_kinds[static_cast<size_t>(kind)].second;
    const Text what = et == m.vocab.event_types.end() ? Text{e.type, e.type} : et->second.label;
    Text others;  // the kinds of applicant the city's measures of this event are for
    for (size_t k = 0; k < m.vocab.applicant_kinds.size(); ++k)
      if (static_cast<int>(k) != kind && read_for_kind(m, s, e, 1u << k)) {
        const Text& o = m.vocab.applicant_kinds[k].second;
        others.zh += (others.zh.empty() ? "" : "、") + o.zh, others.en += (others.en.empty() ? "" : ", ") + o.en;
      }
    if (others.zh.empty())
      notes.add("事件“" + e.id + "”（" + what.zh + "）：本市政策对" + who.zh + "没有这类事件的待遇，未计算。",
                "Event “" + e.id + "” (" + what.en + "): the city's policies give " + who.en +
                    " nothing for this kind of event; it is not counted.");
    else
      notes.add("事件“" + e.id + "”（" + what.zh + "）：本市政策中这类事件的待遇是对" + others.zh + "的，未按" +
                    who.zh + "计算；请以" + others.zh + "身份另行测算（其中发给谁原文未写明的，结果会说明）。",
                "Event “" + e.id + "” (" + what.en + "): the city's measures for this kind of event are for another " +
                    "kind of applicant (" + others.en + "), not counted for this one (" + who.en +
                    "); evaluate it with that kind (where the text does not say who receives the money, the result " +
                    "says so).");
  }
}

std::vector<std::string> texts_json(const std::vector<Text>& texts) {
  std::vector<std::string> out;
  for (const Text& t : texts) out.push_back(text_json(t));
  return out;
}

// The notes on what the totals leave out or count at a floor or a ceiling, which name the measure's clause.
// The notes a measure's items may bring, written once (the others, should one be needed, are made per result).
void prerender_totals_notes(Measure& x) {
  auto has = [&x](Amount::Kind k) {
    return x.amount.kind == k ||
           std::any_of(x.options.begin(), x.options.end(), [k](const Option& o) { return o.amount.kind == k; });
  };
  bool may[Measure::kTotalsNotes] = {x.monetary(), x.schedule.periodic(), x.per_head != Measure::PerHead::No,
                                     has(Amount::Kind::Floor), has(Amount::Kind::UpTo)};
  for (int n = 0; n < Measure::kTotalsNotes; ++n)
    if (may[n]) {
      x.totals_notes[n] = totals_note_text(x, static_cast<Measure::TotalsNote>(n));
      x.json_totals_notes[n] = text_json(x.totals_notes[n]);
    }
}

// The texts of a measure that every result writes the same way, as JSON written once.
void prerender_texts(Measure& x, const Document& d) {
  x.json_notes = texts_json(x.notes);
  x.json_benefit = text_json(x.benefit);
  x.json_labels.clear();
  for (const Option& o : x.options) x.json_labels.push_back(text_json(o.label));
  JsonWriter w;
  w.begin_object().field("document", d.number).field("clause", x.clause).end_object();
  x.json_suggestion_source = w.take();
  prerender_totals_notes(x);
}

// An event that names another city's own title, platform or contest (烟台市技能大师 in a Weihai result) and brings
// nothing here is said, so that it is not taken for one that was overlooked.
void other_city_event_notes(Notes& notes, const Model& m, const Situation& s, const Evaluation& ev) {
  for (size_t j = 0; j < s.events.size(); ++j) {
    const Event& e = s.events[j];
    if (std::any_of(ev.items.begin(), ev.items.end(), [j](const Item& it) { return it.event == static_cast<int>(j); }))
      continue;
    for (const Field& f : e.fields.list) {
      if (f.value.kind != Value::Kind::Text) continue;
      auto owner = m.vocab.value_city.find(f.value.s);
      if (owner == m.vocab.value_city.end() || owner->second.empty() || owner->second == s.city) continue;
      const Text* what = m.vocab.label(f.value.s);
      auto city = m.vocab.cities.find(owner->second);
      const Text where = city == m.vocab.cities.end() ? Text{owner->second, owner->second} : city->second;
      const Text here = m.vocab.cities.count(s.city) ? m.vocab.cities.at(s.city) : Text{s.city, s.city};
      notes.add("事件“" + e.id + "”的“" + (what ? what->zh : f.value.s) + "”属于" + where.zh + "，" + here.zh +
                    "的政策不按它计算；请在" + where.zh + "的测算中查看。",
                "Event “" + e.id + "”'s " + (what ? what->en : f.value.s) + " is " + where.en + "'s own: " + here.en +
                    "'s policies do not count it; see it under " + where.en + ".");
      break;
    }
  }
}

void totals_json(JsonWriter& w, const Evaluation& ev) {
  span_json(w, "totals", ev.total_min, ev.total_max);
  w.key("other_totals").begin_array();
  for (auto& [who, span] : ev.other_totals)
    w.begin_object().field("recipient", who).field("min_yuan", span.first).field("max_yuan", span.second).end_object();
  w.end_array();
  span_json(w, "planned_totals", ev.planned_min, ev.planned_max);
}

}  // namespace

void prerender(Model& m) {
  for (Measure& x : m.measures) {
    const Document& d = m.documents[x.doc];
    JsonWriter src;
    src.begin_object()
        .field("document", d.number)
        .field("document_id", d.id)
        .field("clause", x.clause)
        .field("quote", x.quote)
        .end_object();
    x.json_source = src.take();
    JsonWriter where_only;  // the compact result's source: no quote
    where_only.begin_object()
        .field("document", d.number)
        .field("document_id", d.id)
        .field("clause", x.clause)
        .end_object();
    x.json_source_compact = where_only.take();
    x.where = where(m, x.doc, x.clause);
    prerender_texts(x, d);
    x.what_en_org = singular(!x.what_unit.zh.empty() ? x.what_unit.en : x.what.en);
  }
  for (Stacking& st : m.stackings) st.where = where(m, st.doc, st.clause), st.json_notes = texts_json(st.notes);
  for (Document& d : m.documents) d.json_notes = texts_json(d.notes);
  for (Cap& c : m.caps) c.where = where(m, c.doc, c.clause);
  for (Pool& p : m.pools) p.where = where(m, p.doc, p.clause);
  for (size_t pi = 0; pi < m.pools.size(); ++pi)
    for (int mi : m.pools[pi].measures)
      if (m.measures[static_cast<size_t>(mi)].pool < 0) m.measures[static_cast<size_t>(mi)].pool = static_cast<int>(pi);
  prerender_documents(m);
  for (auto& [_, et] : m.vocab.event_types) {
    et.defs.clear();
    for (auto& [name, def] : et.fields) {
      auto d = m.vocab.fields.find(def);
      et.defs.push_back(d == m.vocab.fields.end() ? nullptr : &d->second);
    }
  }
  prerender_closeness(m);
  prerender_suggestions(m);
  prerender_claim(m);
}

size_t render_result_at(std::string& out, size_t at, const Model& m, const Situation& s, const Evaluation& ev,
                        bool compact, Tape* tape) {
  thread_local Words scratch;  // the explanation of one item at a time; its capacity is kept from result to result
  JsonWriter w;
  w.reuse_at(out, at);
  if (tape) tape->table->own(&m), w.record(tape);
  w.begin_object()
      .key("ok")
      .boolean(true)
      .field("city", s.city)
      .field("as_of", day_iso(s.as_of))
      .field("rules_version", m.version);
  w.key("items").begin_array();
  thread_local Notes notes;  // its storage kept from result to result
  notes.clear();
  thread_local std::vector<char> noted;  // its capacity kept from result to result
  noted.assign(compact ? 0 : m.documents.size() + m.measures.size(), 0);
  for (const Item& it : ev.items) {
    item_json(w, scratch, m, s, ev, it, compact);
    if (!compact && it.status != Status::OutsidePeriod)
      item_notes(notes, noted, m, s, it), beyond_period_note(notes, m, s, it);
  }
  if (!compact)
    unread_event_notes(notes, m, s), undated_event_notes(notes, s), other_city_event_notes(notes, m, s, ev),
        bounded_notes(notes, m, ev);
  w.end_array();
  totals_json(w, ev);
  documents_json(w, m, s, ev);
  if (!compact) {
    suggestions_json(w, m, s, ev);
    notes.json(w);
  }
  w.end_object();
  return w.give_at(out);
}

void render_result(std::string& out, const Model& m, const Situation& s, const Evaluation& ev, bool compact) {
  out.resize(render_result_at(out, 0, m, s, ev, compact));
}

std::string render_result(const Model& m, const Situation& s, const Evaluation& ev) {
  std::string out;
  render_result(out, m, s, ev, false);
  return out;
}

std::string render_error(const std::string& code, const std::string& path, const std::string& zh,
                         const std::string& en) {
  nlohmann::ordered_json r;
  r["ok"] = false;
  r["error"] = {{"code", code}, {"path", path}, {"zh", zh}, {"en", en}};
  return r.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace skillcalc
