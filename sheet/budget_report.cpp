#include "budget_report.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "csv_write.hpp"

namespace sheet {

namespace {

using ojson = nlohmann::ordered_json;
using Cells = std::vector<std::string>;

std::string num(const ojson& o, const char* k) {
  return o.contains(k) && o[k].is_number() ? std::to_string(o[k].get<long long>()) : std::string();
}

// Every payer named, in order of appearance: one column each.
Cells payers_of(const ojson& j) {
  Cells payers;
  for (auto& p : j["pools"])
    if (p.contains("payers"))
      for (auto& x : p["payers"])
        if (std::find(payers.begin(), payers.end(), x["who"].get<std::string>()) == payers.end())
          payers.push_back(x["who"]);
  return payers;
}

const char* const kLeftOut = "（未计入结算 / left out of the settlement）";

// Every row of an applicant left out with its claim: "第2、4行 / lines 2, 4".
std::string lines_words(const ojson& lines) {
  std::string zh, en;
  for (auto& l : lines) {
    std::string n = std::to_string(l.get<long long>());
    zh += (zh.empty() ? "" : "、") + n, en += (en.empty() ? "" : ", ") + n;
  }
  return "本申请人第" + zh + "行均未计入 / lines " + en + " of this applicant all left out";
}

// What every pool's total says when an input was left out: its shares are not final.
std::string incomplete_note(const ojson& j) {
  const ojson& s = j["summary"];
  if (s.value("complete", true)) return "";
  return "结算不完整：有 " + std::to_string(s.value("errors", 0)) +
         " 处输入有误未计入，更正后须重新结算，在此之前本表金额不能用于发放 / incomplete: " +
         std::to_string(s.value("errors", 0)) +
         " inputs were left out; fix them and settle again before paying from this table. ";
}

// A pool's year: a row per applicant, then its total.
void pool_rows(std::string& text, const ojson& p, const Cells& payers, const std::string& caution) {
  Cells base = {p["pool_id"], p["document"], p["clause"], p["city"], std::to_string(p["year"].get<int>()), p["rule"]};
  bool quota = p["rule"] == "quota";
  for (auto& a : p["applicants"]) {
    Cells c = base;
    c.insert(c.end(), {csv::text_cell(a["applicant"].get<std::string>()), num(a, "claimed_yuan"),
                       a.value("claimed_basis", ""), quota ? "" : num(a, "allocated_yuan")});
    for (auto& who : payers) {
      std::string y;
      if (a.contains("payers"))
        for (auto& x : a["payers"])
          if (x["who"] == who) y = std::to_string(x["yuan"].get<long long>());
      c.push_back(y);
    }
    std::string note;  // 就高: another item pays this claim instead of the pool
    if (a.contains("paid_instead"))
      note = "withdrawn " + num(a, "withdrawn_yuan") + ": " + a["paid_instead"].value("zh", "") + " / " +
             a["paid_instead"].value("en", "");
    if (a.value("provisional_share", false))
      note = (note.empty() ? "" : note + "; ") +
             "份额暂定：同一资金池中有未核定、按最高额计入的申报，核定后本份额可能增加，请重新结算后再发放 / a "
             "provisional share: claims in this pool counted at their maximum may be assessed lower, which raises this "
             "share; settle again before paying";
    else if (a.value("provisional", false))
      note =
          "未写明核定金额，按最高额计入：分配额只是上限，核定后按核定额发放 / no assessed amount, the maximum "
          "counted: an upper bound, not an amount to pay; pay what is assessed";
    c.insert(c.end(), {num(a, "heads"), csv::text_cell(note)});
    csv::row(text, c);
  }
  for (auto& n : p.value("not_counted", ojson::array())) {  // a plan, or no known total: a row, no figures
    Cells c = base;
    c[5] = "not_counted";
    c.insert(c.end(), {csv::text_cell(n.value("applicant", "")), "", "", ""});
    for (size_t k = 0; k < payers.size(); ++k) c.push_back("");
    c.insert(c.end(),
             {"", csv::text_cell(n.value("clause_id", "") + ": " + n.value("zh", "") + " / " + n.value("en", ""))});
    csv::row(text, c);
  }
  Cells t = base;
  std::string note = caution;
  for (auto& n : p["notes"]) note += (note.empty() ? "" : " ") + n.value("zh", "");
  if (quota) {
    t.insert(t.end(), {"合计 total", "", "", ""});
    for (size_t k = 0; k < payers.size(); ++k) t.push_back("");
    t.insert(t.end(), {num(p, "people") + "（名额 quota " + num(p, "max_people") + "）", note});
  } else {
    t.insert(t.end(), {"合计 total (budget " + num(p, "budget_yuan") + ")", num(p, "claimed_yuan"), "",
                       num(p, "allocated_yuan")});
    for (auto& who : payers) {
      std::string y;
      for (auto& x : p["payers"])
        if (x["who"] == who) y = std::to_string(x["yuan"].get<long long>());
      t.push_back(y);
    }
    t.insert(t.end(), {"", note});
  }
  csv::row(text, t);
}

// Caps per applicant that bit (already applied to the claims), applicants counted in no pool, and claims left out:
// listed, not dropped.
void cap_and_error_rows(std::string& text, const ojson& j, const Cells& payers) {
  for (auto& c : j["caps"]) {
    Cells t = {c["cap_id"],
               c["document"],
               c["clause"],
               "",
               c["year"].is_null() ? "" : std::to_string(c["year"].get<int>()),
               "applicant_cap",
               csv::text_cell(c["applicant"].get<std::string>()),
               "",
               "",
               ""};  // not a claim or an allocation: summing those columns must not count it
    for (size_t k = 0; k < payers.size(); ++k) t.push_back("");
    t.insert(t.end(),
             {"", "上限 " + num(c, "max_yuan") + " 元：各项合计最多 " + num(c["before"], "max_yuan") +
                      " 元，按上限最多 " + num(c["after"], "max_yuan") +
                      " 元（已计入上面各行的申报额） / cap: at most " + num(c["before"], "max_yuan") + " before it, " +
                      num(c["after"], "max_yuan") + " after (already in the claims above). " + c.value("quote", "")});
    csv::row(text, t);
  }
  std::set<std::string> in_pool_rows;  // applicants a pool's not_counted rows already name
  for (auto& p : j["pools"])
    for (auto& n : p.value("not_counted", ojson::array())) in_pool_rows.insert(n.value("applicant", ""));
  for (auto& a : j["applicants"]) {  // settled, but counted in no pool: a row with the reason, no figures
    if (!a.contains("not_counted") || in_pool_rows.count(a["applicant"].get<std::string>())) continue;
    Cells t = {"", "", "", csv::text_cell(a.value("city", "")), "", "not_pooled"};
    t.insert(t.end(), {csv::text_cell(a["applicant"].get<std::string>()), "", "", ""});
    for (size_t k = 0; k < payers.size(); ++k) t.push_back("");
    t.insert(t.end(),
             {"", csv::text_cell(a["not_counted"].value("zh", "") + " / " + a["not_counted"].value("en", ""))});
    csv::row(text, t);
  }
  for (auto& x : j["errors"]) {
    Cells t = {"", "", "", csv::text_cell(x.value("city", "")), "", "error", csv::text_cell(x.value("applicant", "")),
               "", "", ""};
    for (size_t k = 0; k < payers.size(); ++k) t.push_back("");
    std::string where = x.contains("line") ? "line " + std::to_string(x["line"].get<long long>()) + " "
                                           : "input " + std::to_string(x["input"].get<long long>()) + " ";
    if (x.contains("lines")) where += "(" + lines_words(x["lines"]) + ") ";
    t.insert(t.end(), {"", csv::text_cell(where + x["error"].value("path", "") + ": " + x["error"].value("zh", "") +
                                          " / " + x["error"].value("en", "") + kLeftOut)});
    csv::row(text, t);
  }
}

std::string budget_csv(const ojson& j) {
  const Cells payers = payers_of(j);
  std::string text = csv::kBom;
  Cells head = {"pool_id", "document",  "clause",       "city",          "year",
                "rule",    "applicant", "claimed_yuan", "claimed_basis", "allocated_yuan"};
  for (auto& p : payers) head.push_back(p + "_yuan");
  head.insert(head.end(), {"heads", "note"});
  csv::row(text, head);
  const std::string caution = incomplete_note(j);
  for (auto& p : j["pools"]) pool_rows(text, p, payers, caution);
  cap_and_error_rows(text, j, payers);
  return text;
}

}  // namespace

std::string with_error_lines(const std::string& r, const LineFor& line_for, const LinesOf& lines_of) {
  if (r.compare(0, 10, "{\"ok\":true") != 0 || r.find("\"errors\":[]") != std::string::npos) return r;
  ojson j = ojson::parse(r);
  bool changed = false;
  for (auto& x : j["errors"]) {
    if (!x.contains("input") || x.contains("line")) continue;
    const size_t k = x["input"].get<size_t>() - 1;
    long line = line_for(k, x["error"].value("path", ""));
    if (line <= 0) continue;
    std::vector<long> all = lines_of(k);
    ojson y;  // the same members, "line" (and "lines") after "input"
    for (auto& [key, v] : x.items()) {
      y[key] = v;
      if (key != "input") continue;
      y["line"] = line;
      if (all.size() > 1) y["lines"] = all;
    }
    x = std::move(y), changed = true;
  }
  return changed ? j.dump() : r;
}

std::string with_rows_left_out(const std::string& r, const std::vector<RowLeftOut>& rows, const LeftOutOf& of) {
  if (rows.empty() || r.compare(0, 10, "{\"ok\":true") != 0) return r;
  ojson j = ojson::parse(r);
  std::set<size_t> refused;  // the claims (1-based) the core left out
  for (auto& x : j["errors"])
    for (auto& k : x.value("skipped_inputs", ojson::array())) refused.insert(k.get<size_t>());
  long long with_errors = of.unread;
  for (size_t k : of.claims) with_errors += !refused.count(k + 1);
  long long left = 0;
  for (auto& x : rows) {
    ojson e = {{"line", x.line}};
    if (x.column) e["column"] = x.column;
    e["applicant"] = x.applicant;
    if (!x.city.empty()) e["city"] = x.city;
    e["rows_left_out"] = x.rows;
    if (!x.also.empty()) {  // every line of the applicant left out with it, in order
      std::vector<long> all = x.also;
      all.push_back(x.line);
      std::sort(all.begin(), all.end());
      e["lines"] = all;
    }
    e["error"] = {{"code", "row_left_out"}, {"path", x.column_name}, {"zh", x.zh}, {"en", x.en}};
    j["errors"].push_back(std::move(e));
    left += x.rows;
  }
  ojson& s = j["summary"];
  s["errors"] = s.value("errors", 0LL) + static_cast<long long>(rows.size());
  s["rows_left_out"] = left;
  s["applicants"] = s.value("applicants", 0LL) + of.unread;
  s["applicants_with_errors"] = s.value("applicants_with_errors", 0LL) + with_errors;
  s["complete"] = false;
  return j.dump();
}

BudgetReport budget_report(const std::string& r, bool csv, const NoteFor& note_for) {
  BudgetReport out;
  if (r.compare(0, 10, "{\"ok\":true") != 0) {
    out.text = r + "\n";
    out.code = r.find("\"internal_error\"") != std::string::npos ? 1 : 2;
    return out;
  }
  bool has_errors = r.find("\"errors\":[]") == std::string::npos;
  ojson j;
  if (has_errors || csv) j = ojson::parse(r);
  if (has_errors)
    for (auto& x : j["errors"]) {
      if (!x.contains("input")) continue;  // a row left out before settling: reported when it was read
      size_t k = x["input"].get<size_t>() - 1;
      std::string p = x["error"].value("path", "");
      out.notes += note_for(k, p, x["error"].value("zh", ""), x["error"].value("en", ""));
      out.notes += '\n';
      ++out.errors;
    }
  if (csv)
    out.text = budget_csv(j);
  else
    out.text = r + '\n';
  out.code = out.errors ? 2 : 0;
  return out;
}

}  // namespace sheet
