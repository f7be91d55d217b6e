// Holding a golden case's expectation against a result (cases.hpp).
#include "cases.hpp"

namespace skillcalc {

using json = nlohmann::json;

namespace {

bool is_int(const json& j) {
  return j.is_number_integer();
}

// [min_yuan, max_yuan] written as two whole numbers.
bool is_span(const json& j) {
  return j.is_array() && j.size() == 2 && is_int(j[0]) && is_int(j[1]);
}

std::string span(long long lo, long long hi) {
  return "[" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
}

std::string str_of(const json& o, const char* k) {
  return o.is_object() && o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : std::string();
}

const json& member(const json& o, const char* k) {
  static const json none;
  return o.is_object() && o.contains(k) ? o[k] : none;
}

bool of_clause(const json& item, const std::string& prefix) {
  return str_of(item, "clause_id").rfind(prefix, 0) == 0;
}

bool paid(const json& item) {
  std::string s = str_of(item, "status");
  return s == "granted" || s == "capped";
}

// The statuses of the items of a clause, for a message: "excluded, outside_period" or "no item".
std::string statuses(const json& items, const std::string& prefix) {
  std::string out;
  for (auto& i : items)
    if (of_clause(i, prefix)) out += (out.empty() ? "" : ", ") + str_of(i, "status");
  return out.empty() ? "no item of it" : "its items: " + out;
}

void check_granted(const json& want, const json& items, std::vector<std::string>& bad) {
  for (auto& [id, s] : want.items()) {
    if (!is_span(s)) {
      bad.push_back("expect.granted." + id + " must be [min_yuan, max_yuan]");
      continue;
    }
    long long lo = 0, hi = 0;
    bool any = false;
    for (auto& i : items)
      if (of_clause(i, id) && paid(i)) {
        any = true;
        const json& t = member(i, "total");
        if (is_int(member(t, "min_yuan")) && is_int(member(t, "max_yuan")))
          lo += t["min_yuan"].get<long long>(), hi += t["max_yuan"].get<long long>();
      }
    long long wlo = s[0].get<long long>(), whi = s[1].get<long long>();
    if (!any)
      bad.push_back(id + ": expected granted " + span(wlo, whi) + ", but nothing of it is granted (" +
                    statuses(items, id) + ")");
    else if (lo != wlo || hi != whi)
      bad.push_back(id + ": granted " + span(lo, hi) + ", expected " + span(wlo, whi));
  }
}

void check_not_granted(const json& want, const json& items, std::vector<std::string>& bad) {
  if (!want.is_array()) return bad.push_back("expect.not_granted must be a list of clause ids");
  for (auto& id : want) {
    if (!id.is_string()) {
      bad.push_back("expect.not_granted must hold clause ids (text)");
      continue;
    }
    for (auto& i : items)
      if (of_clause(i, id) && paid(i)) {
        bad.push_back(id.get<std::string>() + ": expected not granted, but " + str_of(i, "clause_id") + " is " +
                      str_of(i, "status"));
        break;
      }
  }
}

void check_present(const json& want, const json& items, std::vector<std::string>& bad) {
  for (auto& [id, st] : want.items()) {
    if (!st.is_string()) {
      bad.push_back("expect.present." + id + " must be a status (text)");
      continue;
    }
    bool found = false;
    for (auto& i : items) found = found || (of_clause(i, id) && str_of(i, "status") == st.get<std::string>());
    if (!found)
      bad.push_back(id + ": expected an item with status " + st.get<std::string>() + " (" + statuses(items, id) + ")");
  }
}

void check_monthly(const json& want, const json& items, std::vector<std::string>& bad) {
  for (auto& [id, y] : want.items()) {
    if (!is_int(y)) {
      bad.push_back("expect.monthly." + id + " must be yuan a month (a whole number)");
      continue;
    }
    bool found = false;
    for (auto& i : items)
      if (of_clause(i, id) && paid(i) && str_of(member(i, "schedule"), "kind") == "monthly") {
        const json& a = member(member(i, "amount"), "yuan");
        found = found || (is_int(a) && a.get<long long>() == y.get<long long>());
      }
    if (!found) bad.push_back(id + ": expected granted at " + std::to_string(y.get<long long>()) + " a month");
  }
}

bool says_words(const json& text, const std::string& words) {
  for (const char* l : {"zh", "en"})
    if (str_of(text, l).find(words) != std::string::npos) return true;
  return false;
}

// An item's worker-facing texts (explanation, option, benefit) say these words, in either language.
bool item_says(const json& item, const std::string& words) {
  for (const char* k : {"explain", "option", "benefit"})
    if (says_words(member(item, k), words)) return true;
  return false;
}

const json& list_of(const json& r, const char* k) {
  static const json empty = json::array();
  return member(r, k).is_array() ? r[k] : empty;
}

// The texts of a list expectation (absent, ambiguous, suggested, notes_contain, never_says).
std::vector<std::string> texts_of(const json& e, const char* k, std::vector<std::string>& bad) {
  std::vector<std::string> out;
  const json& l = member(e, k);
  if (!l.is_null() && !l.is_array()) bad.push_back(std::string("expect.") + k + " must be a list");
  if (l.is_array())
    for (auto& x : l)
      if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

// absent, ambiguous, suggested, not_suggested, notes_contain, never_says.
void check_lists(const json& e, const json& r, std::vector<std::string>& bad) {
  const json &items = list_of(r, "items"), &notes = list_of(r, "notes"), &sugs = list_of(r, "suggestions");
  for (auto& id : texts_of(e, "absent", bad))
    for (auto& i : items)
      if (of_clause(i, id)) bad.push_back(id + ": expected absent, but has an item with status " + str_of(i, "status"));
  for (auto& id : texts_of(e, "ambiguous", bad)) {
    bool found = false;
    for (auto& i : items) found = found || (of_clause(i, id) && member(i, "ambiguous") == true);
    if (!found) bad.push_back(id + ": no item of it is marked ambiguous");
  }
  for (auto& id : texts_of(e, "suggested", bad)) {
    bool found = false;
    for (auto& x : sugs) found = found || str_of(x, "clause_id") == id;
    if (!found) bad.push_back(id + ": not among the suggestions");
  }
  for (auto& id : texts_of(e, "not_suggested", bad))
    for (auto& x : sugs)
      if (str_of(x, "clause_id") == id) bad.push_back(id + ": expected not suggested, but it is among the suggestions");
  for (auto& words : texts_of(e, "notes_contain", bad)) {
    bool found = false;
    for (auto& n : notes) found = found || says_words(n, words);
    if (!found) bad.push_back("no note says \"" + words + "\"");
  }
  for (auto& words : texts_of(e, "never_says", bad)) {
    bool found = false;
    for (auto& n : notes) found = found || says_words(n, words);
    for (auto& i : items) found = found || item_says(i, words);
    if (found) bad.push_back("the result says \"" + words + "\"");
  }
}

// schedule, says, suggests: how an item is scheduled and worded, what a suggestion says.
void check_words(const json& e, const json& r, std::vector<std::string>& bad) {
  const json &items = list_of(r, "items"), &sugs = list_of(r, "suggestions");
  if (member(e, "schedule").is_object())
    for (auto& [id, sched] : e["schedule"].items()) {
      bool found = false;
      for (auto& i : items) {
        if (!of_clause(i, id) || !sched.is_object()) continue;
        bool all = true;
        for (auto& [k, v] : sched.items()) all = all && member(member(i, "schedule"), k.c_str()) == v;
        found = found || all;
      }
      if (!found) bad.push_back(id + ": no item with schedule " + sched.dump());
    }
  if (member(e, "says").is_object())
    for (auto& [id, words] : e["says"].items()) {
      bool found = false;
      for (auto& i : items) found = found || (of_clause(i, id) && words.is_string() && item_says(i, words));
      if (!found) bad.push_back(id + ": says nowhere " + words.dump());
    }
  if (member(e, "suggests").is_object())
    for (auto& [id, words] : e["suggests"].items()) {
      bool found = false;
      for (auto& x : sugs)
        found = found || (of_clause(x, id) && words.is_string() && says_words(member(x, "needs"), words));
      if (!found) bad.push_back("no suggestion of " + id + " says " + words.dump());
    }
}

// others, other_totals, uncertain: who receives the money, and amounts not certain.
void check_recipients(const json& e, const json& r, std::vector<std::string>& bad) {
  const json& items = list_of(r, "items");
  if (member(e, "others").is_object())
    for (auto& [id, want] : e["others"].items()) {
      if (!is_span(want)) {
        bad.push_back("expect.others." + id + " must be [min_yuan, max_yuan]");
        continue;
      }
      long long lo = 0, hi = 0;
      int n = 0;
      for (auto& i : items) {
        const json& t = member(i, "total");
        if (of_clause(i, id) && paid(i) && member(i, "for_applicant") == false && is_int(member(t, "min_yuan")))
          ++n, lo += t["min_yuan"].get<long long>(), hi += t["max_yuan"].get<long long>();
      }
      if (!n || lo != want[0].get<long long>() || hi != want[1].get<long long>())
        bad.push_back(id + ": for others " + span(lo, hi) + ", expected " +
                      span(want[0].get<long long>(), want[1].get<long long>()));
    }
  if (e.contains("other_totals")) {
    json got = json::object();
    for (auto& o : list_of(r, "other_totals"))
      got[str_of(o, "recipient")] = {member(o, "min_yuan"), member(o, "max_yuan")};
    if (got != e["other_totals"])
      bad.push_back("other_totals " + got.dump() + ", expected " + e["other_totals"].dump());
  }
  for (auto& id : texts_of(e, "uncertain", bad)) {
    bool found = false;
    for (auto& i : items) found = found || (of_clause(i, id) && member(i, "certain") == false);
    if (!found) bad.push_back(id + ": no item of it is uncertain");
  }
}

// Events after as_of: planned money apart from the totals, every item of a clause marked a plan; documents listed
// beside the total with their status.
void check_plans(const json& e, const json& r, std::vector<std::string>& bad) {
  if (e.contains("planned_totals")) {
    const json& t = member(r, "planned_totals");
    if (!is_span(e["planned_totals"]))
      bad.push_back("expect.planned_totals must be [min_yuan, max_yuan]");
    else if (member(t, "min_yuan") != e["planned_totals"][0] || member(t, "max_yuan") != e["planned_totals"][1])
      bad.push_back("planned_totals [" + member(t, "min_yuan").dump() + ", " + member(t, "max_yuan").dump() +
                    "], expected " + e["planned_totals"].dump());
  }
  if (member(e, "planned").is_array())
    for (auto& id : e["planned"]) {
      if (!id.is_string()) continue;
      size_t n = 0, marked = 0;
      for (auto& i : member(r, "items"))
        if (of_clause(i, id.get<std::string>())) ++n, marked += member(i, "planned") == true;
      if (!n || marked != n) bad.push_back(id.get<std::string>() + " has items not marked planned");
    }
  if (member(e, "documents").is_object())
    for (auto& [id, status] : e["documents"].items()) {
      bool found = false;
      for (auto& d : member(r, "documents")) found = found || (member(d, "id") == id && member(d, "status") == status);
      if (!found) bad.push_back("document " + id + " is not listed with status " + status.dump());
    }
}

}  // namespace

bool is_expect_key(const std::string& k) {
  static const char* const keys[] = {
      "granted",   "not_granted",  "present",       "monthly",  "totals",         "error_path", "absent",
      "ambiguous", "suggested",    "notes_contain", "schedule", "says",           "suggests",   "never_says",
      "others",    "other_totals", "uncertain",     "planned",  "planned_totals", "documents",  "not_suggested"};
  for (const char* x : keys)
    if (k == x) return true;
  return false;
}

std::vector<std::string> expected_ids(const json& expect) {
  std::vector<std::string> out;
  for (const char* k : {"granted", "present", "monthly", "schedule", "says", "suggests", "others"})
    if (member(expect, k).is_object())
      for (auto& [id, _] : expect[k].items()) out.push_back(id);
  for (const char* k : {"not_granted", "absent", "ambiguous", "suggested", "not_suggested", "uncertain", "planned"})
    if (member(expect, k).is_array())
      for (auto& id : expect[k])
        if (id.is_string()) out.push_back(id.get<std::string>());
  return out;
}

std::vector<std::string> case_differences(const json& expect, const json& result) {
  std::vector<std::string> bad;
  if (!expect.is_object()) return {"expect must be an object"};
  for (auto& [k, _] : expect.items())
    if (!is_expect_key(k)) bad.push_back("unknown expectation '" + k + "'");
  const json& error = member(result, "error");
  if (expect.contains("error_path")) {
    if (member(result, "ok") != false)
      return {"expected an error at " + expect["error_path"].dump() + ", but the result is ok"};
    if (member(error, "path") != expect["error_path"])
      bad.push_back("error at " + member(error, "path").dump() + " (" + str_of(error, "en") + "), expected at " +
                    expect["error_path"].dump());
    return bad;
  }
  if (member(result, "ok") != true)
    return {"unexpected error at " + member(error, "path").dump() + ": " + str_of(error, "en")};
  const json& items = member(result, "items").is_array() ? result["items"] : json::array();
  for (const char* k : {"granted", "present", "monthly", "schedule", "says", "suggests"})
    if (expect.contains(k) && !expect[k].is_object()) bad.push_back(std::string("expect.") + k + " must be an object");
  if (member(expect, "granted").is_object()) check_granted(expect["granted"], items, bad);
  if (expect.contains("not_granted")) check_not_granted(expect["not_granted"], items, bad);
  if (member(expect, "present").is_object()) check_present(expect["present"], items, bad);
  if (member(expect, "monthly").is_object()) check_monthly(expect["monthly"], items, bad);
  check_lists(expect, result, bad);
  check_words(expect, result, bad);
  check_recipients(expect, result, bad);
  check_plans(expect, result, bad);
  if (expect.contains("totals")) {
    const json& t = member(result, "totals");
    if (!is_span(expect["totals"]))
      bad.push_back("expect.totals must be [min_yuan, max_yuan]");
    else if (member(t, "min_yuan") != expect["totals"][0] || member(t, "max_yuan") != expect["totals"][1])
      bad.push_back("totals [" + member(t, "min_yuan").dump() + ", " + member(t, "max_yuan").dump() + "], expected " +
                    span(expect["totals"][0].get<long long>(), expect["totals"][1].get<long long>()));
  }
  return bad;
}

}  // namespace skillcalc
