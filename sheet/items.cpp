#include "items.hpp"

#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "csv_write.hpp"
#include "json_fast.hpp"
#include "model.hpp"

namespace sheet {

namespace {

// The lines of an applicant ("2;3;4"), every one named; where that would not fit a spreadsheet cell (32,767
// characters), runs of consecutive lines as ranges ("2-6000;6002").
std::string join(const std::vector<long>& xs) {
  std::string s;
  for (size_t i = 0; i < xs.size(); ++i) s += (i ? ";" : "") + std::to_string(xs[i]);
  if (s.size() <= 32000) return s;
  s.clear();
  for (size_t i = 0; i < xs.size();) {
    size_t j = i;
    while (j + 1 < xs.size() && xs[j + 1] == xs[j] + 1) ++j;
    s += (i ? ";" : "") + std::to_string(xs[i]) + (j > i ? "-" + std::to_string(xs[j]) : std::string());
    i = j + 1;
  }
  return s;
}

std::string amount_text(const nlohmann::json& a) {
  std::string k = a.value("kind", "");
  auto n = [&](const char* key) {
    return a.contains(key) && a[key].is_number() ? std::to_string(a[key].get<long long>()) : std::string("?");
  };
  if (k == "fixed") return n("yuan");
  if (k == "range") return n("min_yuan") + "-" + n("max_yuan");
  if (k == "up_to") return "≤" + n("max_yuan");
  if (k == "floor") return "≥" + n("min_yuan");
  if (k == "percent") return n("percent") + "%" + (a.contains("max_yuan") ? " ≤" + n("max_yuan") : "");
  return k;  // unstated, none
}

std::string schedule_text(const nlohmann::json& s) {
  std::string k = s.value("kind", "once");
  if (k == "once") return k;
  return k + "×" +
         (s.contains("count") && s["count"].is_number() ? std::to_string(s["count"].get<long long>())
                                                        : std::string("?"));
}

// The unit that handles an item as its text names it (the claim part), or empty.
std::string handled_by(const nlohmann::json& it) {
  auto c = it.find("claim");
  if (c == it.end() || !c->is_object()) return "";
  auto h = c->find("handled_by");
  return h != c->end() && h->is_object() ? h->value("zh", "") : "";
}

const char* kItemColumns[] = {"applicant",      "city",           "lines",        "clause_id",    "status", "document",
                              "clause",         "option",         "events",       "amount",       "heads",  "schedule",
                              "total_min_yuan", "total_max_yuan", "due_min_yuan", "due_max_yuan", "payers", "recipient",
                              "for_applicant",  "handled_by",     "note",         "explain"};

// What of an item is in the applicant's totals: granted or capped, its own, not a plan; 0 for a row that pays the
// applicant nothing (excluded, superseded, outside its period, someone else's, planned), empty when no total is
// known. So that a spreadsheet's SUM of these columns is the totals.
std::pair<std::string, std::string> due_of(const nlohmann::json& it) {
  const auto& total = it["total"];
  std::string status = it.value("status", "");
  bool due =
      (status == "granted" || status == "capped") && it.value("for_applicant", true) && !it.value("planned", false);
  if (!due) return {"0", "0"};
  if (!total.is_object()) return {"", ""};
  return {std::to_string(total["min_yuan"].get<long long>()), std::to_string(total["max_yuan"].get<long long>())};
}

// An item's pool: a city-wide yearly total, shared by all the year's claims, or a quota of people, where a selection
// of at most so many a year decides who is paid and no money is shared.
std::string pool_note(const skillcalc::Model* m, const std::string& id) {
  const skillcalc::Pool* pool = nullptr;
  if (m)
    for (auto& p : m->pools)
      if (p.id == id) pool = &p;
  if (pool && pool->rule == skillcalc::Pool::Rule::Quota)
    return "pool: " + id + " (a quota of at most " + std::to_string(pool->max_people) +
           " people a year: the selection decides who is paid, not a share of money; settle with budget)";
  return "pool: " + id + " (the due amount before the city-wide total is shared; settle with budget)";
}

}  // namespace

std::string items_header() {
  std::string head = csv::kBom;
  csv::row(head, std::vector<std::string>(std::begin(kItemColumns), std::end(kItemColumns)));
  return head;
}

void ItemWriter::error_row(const std::string& applicant, const std::string& city, const csv::RowError& err) {
  std::vector<long> lines{err.line};  // an applicant's fault names every row it leaves out
  lines.insert(lines.end(), err.also.begin(), err.also.end());
  std::sort(lines.begin(), lines.end());
  plain_row(applicant, city, join(lines), "error", "", csv::text_cell(message(file, err)));
  notes += message(file, err);
  notes += '\n';
  ++errors;
  skipped += err.rows_skipped;
}

void ItemWriter::applicant(const Settled& s) {
  std::string city = s.claim.situation.is_object() ? s.claim.situation.value("city", "") : "";
  if (!s.result.empty()) items_of(s, city);
  for (auto& err : s.errors)  // every row refused: no situation, the city its rows name
    error_row(s.claim.applicant, city.empty() ? err.city : city, err);
}

void ItemWriter::items_of(const Settled& s, const std::string& city) {
  nlohmann::json r;  // the core's own answer: the fast reader takes it whole (nlohmann's parser was most of the time)
  if (!skillcalc::read_json_fast(s.result, r)) r = nlohmann::json::parse(s.result);
  std::map<std::string, long> line_of;
  for (size_t k = 0; k < s.claim.event_lines.size(); ++k)
    line_of[s.claim.situation["events"][k].value("id", "")] = s.claim.event_lines[k];
  long long mine = 0;
  std::set<long> covered;  // the lines some item names
  for (auto& it : r["items"]) {
    std::vector<long> lines;
    std::string events;
    for (auto& id : it["event_ids"]) {
      std::string eid = id.get<std::string>();
      events += (events.empty() ? "" : ";") + eid;
      if (auto l = line_of.find(eid); l != line_of.end()) lines.push_back(l->second), covered.insert(l->second);
    }
    std::string payers;
    for (auto& p : it["payers"])
      payers += (payers.empty() ? "" : "; ") + p.value("who", "") + " " + p.value("share", "");
    std::string note_text;
    if (it.contains("capped_by"))
      note_text = "capped by " + it["capped_by"].value("cap", it["capped_by"].value("pool", ""));
    if (it.contains("excluded_by")) note_text = "excluded by " + it["excluded_by"].value("clause_id", "");
    if (it.contains("superseded_by")) note_text = "superseded by " + it["superseded_by"].value("clause_id", "");
    if (it.contains("pool"))  // a city-wide yearly total or quota: what `budget` settles, not this row
      note_text += std::string(note_text.empty() ? "" : "; ") + pool_note(model, it.value("pool", ""));
    if (it.value("ambiguous", false))
      note_text += std::string(note_text.empty() ? "" : "; ") + "ambiguous: see the notes";
    if (it.value("planned", false))  // an event after as_of: not money due yet (planned_totals, never totals)
      note_text += std::string(note_text.empty() ? "" : "; ") + "planned: the event is after as_of";
    if (it.value("heads_assumed", false))  // the number of people left blank: one is counted, as eval says
      note_text += std::string(note_text.empty() ? "" : "; ") + "count not given: 1 counted";
    if (it.value("certain", true) == false) {  // a fact left blank: the item counts 0 to its amount until given
      std::string facts;
      for (auto& f : it.value("missing", nlohmann::json::array()))
        facts += (facts.empty() ? "" : ", ") + f.value("field", "");
      note_text += std::string(note_text.empty() ? "" : "; ") +
                   (facts.empty() ? "not certain: see explain" : "missing: " + facts);
    }
    const auto& total = it["total"];
    const auto due = due_of(it);
    csv::row(text, {csv::text_cell(s.claim.applicant),
                    csv::text_cell(city),
                    join(lines),
                    it.value("clause_id", ""),
                    it.value("status", ""),
                    it["source"].value("document", ""),
                    it["source"].value("clause", ""),
                    it.contains("option") ? csv::text_cell(it["option"].value("zh", "")) : "",
                    csv::text_cell(events),
                    amount_text(it["amount"]),
                    it.contains("heads") && it["heads"].is_number() ? std::to_string(it["heads"].get<long long>()) : "",
                    schedule_text(it["schedule"]),
                    total.is_object() ? std::to_string(total["min_yuan"].get<long long>()) : "",
                    total.is_object() ? std::to_string(total["max_yuan"].get<long long>()) : "",
                    due.first,
                    due.second,
                    csv::text_cell(payers),
                    it.value("recipient", ""),
                    it.value("for_applicant", true) ? "yes" : "no",
                    csv::text_cell(handled_by(it)),
                    note_text,
                    csv::text_cell(it["explain"].value("zh", ""))});
    ++mine;
  }
  if (!mine) {
    none_row(s, city, s.claim.lines, "没有符合条件的待遇 / no entitlement met");
    ++empty;
  } else {
    // Rows of an applicant with items that no item names (a contest result below the places paid, a row of the
    // applicant's facts only): each line is still accounted for, in a row of its own.
    std::vector<long> rest;
    for (long l : s.claim.lines)
      if (!covered.count(l)) rest.push_back(l);
    if (!rest.empty()) none_row(s, city, rest, "这些行没有符合条件的待遇 / no entitlement met by these rows");
  }
  items += mine;
}

void ItemWriter::none_row(const Settled& s, const std::string& city, const std::vector<long>& lines, const char* note) {
  plain_row(s.claim.applicant, city, join(lines), "none", "0", note);
}

// A row that is no item (`none`, `error`): the applicant, its city, the lines, the status, the totals (0 or blank) and
// the note; the other columns blank.
void ItemWriter::plain_row(const std::string& applicant, const std::string& city, const std::string& lines,
                           const char* status, const char* total, const std::string& note) {
  std::vector<std::string> cells(std::size(kItemColumns));
  cells[0] = csv::text_cell(applicant), cells[1] = csv::text_cell(city), cells[2] = lines, cells[4] = status;
  cells[12] = cells[13] = cells[14] = cells[15] = total;  // total and due: 0 for none, empty for an error
  cells[20] = note;
  csv::row(text, cells);
}

std::string ItemWriter::summary(const Counts& counts) const {
  return "eval --csv: " + std::to_string(counts.rows) + " rows (" + std::to_string(counts.blank) +
         " blank lines skipped), " + std::to_string(counts.applicants) + " applicants, " + std::to_string(items) +
         " items, " + std::to_string(empty) + " applicants with none; " + std::to_string(errors) + " errors, " +
         std::to_string(skipped) + " rows left out";
}

}  // namespace sheet
