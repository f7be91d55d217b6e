#include "batch.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "claims_stream.hpp"
#include "csv.hpp"
#include "jsonl.hpp"
#include "situation.hpp"

namespace cli {

namespace {

std::string join(const std::vector<long>& xs, size_t most = 50) {
  std::string s;
  for (size_t i = 0; i < xs.size() && i < most; ++i) s += (i ? ";" : "") + std::to_string(xs[i]);
  if (xs.size() > most) s += ";…";
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

const char* kItemColumns[] = {"applicant", "city",          "lines",          "clause_id",      "status",
                              "document",  "clause",        "option",         "events",         "amount",
                              "heads",     "schedule",      "total_min_yuan", "total_max_yuan", "payers",
                              "recipient", "for_applicant", "handled_by",     "note",           "explain"};

// One applicant's item rows (or its "none" row), then its refused rows.
struct ItemWriter {
  Output& out;
  std::string path;
  long long items = 0, empty = 0, errors = 0, skipped = 0;
  std::string text;

  void error_row(const std::string& applicant, const std::string& city, const csv::RowError& err) {
    csv::row(text, {csv::text_cell(applicant),
                    csv::text_cell(city),
                    std::to_string(err.line),
                    "",
                    "error",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    csv::text_cell(message(path, err)),
                    ""});
    note(message(path, err));
    ++errors;
    skipped += err.rows_skipped;
  }

  void applicant(Settled& s) {
    text.clear();
    std::string city = s.claim.situation.is_object() ? s.claim.situation.value("city", "") : "";
    if (!s.result.empty()) items_of(s, city);
    for (auto& err : s.errors) error_row(s.claim.applicant, city, err);
  }

  void items_of(const Settled& s, const std::string& city) {
    auto r = nlohmann::json::parse(s.result);
    std::map<std::string, long> line_of;
    for (size_t k = 0; k < s.claim.event_lines.size(); ++k)
      line_of[s.claim.situation["events"][k].value("id", "")] = s.claim.event_lines[k];
    long long mine = 0;
    for (auto& it : r["items"]) {
      std::vector<long> lines;
      std::string events;
      for (auto& id : it["event_ids"]) {
        std::string eid = id.get<std::string>();
        events += (events.empty() ? "" : ";") + eid;
        if (auto l = line_of.find(eid); l != line_of.end()) lines.push_back(l->second);
      }
      std::string payers;
      for (auto& p : it["payers"])
        payers += (payers.empty() ? "" : "; ") + p.value("who", "") + " " + p.value("share", "");
      std::string note_text;
      if (it.contains("capped_by"))
        note_text = "capped by " + it["capped_by"].value("cap", it["capped_by"].value("pool", ""));
      if (it.contains("excluded_by")) note_text = "excluded by " + it["excluded_by"].value("clause_id", "");
      if (it.contains("superseded_by")) note_text = "superseded by " + it["superseded_by"].value("clause_id", "");
      if (it.value("ambiguous", false))
        note_text += std::string(note_text.empty() ? "" : "; ") + "ambiguous: see the notes";
      if (it.value("planned", false))  // an event after as_of: not money due yet (planned_totals, never totals)
        note_text += std::string(note_text.empty() ? "" : "; ") + "planned: the event is after as_of";
      const auto& total = it["total"];
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
                      it.contains("heads") ? std::to_string(it["heads"].get<long long>()) : "",
                      schedule_text(it["schedule"]),
                      total.is_object() ? std::to_string(total["min_yuan"].get<long long>()) : "",
                      total.is_object() ? std::to_string(total["max_yuan"].get<long long>()) : "",
                      csv::text_cell(payers),
                      it.value("recipient", ""),
                      it.value("for_applicant", true) ? "yes" : "no",
                      csv::text_cell(handled_by(it)),
                      note_text,
                      csv::text_cell(it["explain"].value("zh", ""))});
      ++mine;
    }
    if (!mine)
      csv::row(text, {csv::text_cell(s.claim.applicant),
                      csv::text_cell(city),
                      join(s.claim.lines),
                      "",
                      "none",
                      "",
                      "",
                      "",
                      "",
                      "",
                      "",
                      "",
                      "0",
                      "0",
                      "",
                      "",
                      "",
                      "",
                      "没有符合条件的待遇 / no entitlement met",
                      ""}),
          ++empty;
    items += mine;
  }
};

}  // namespace

int run_csv_eval(const skillcalc::Engine& e, const Options& o) {
  Output out;
  if (!out.open(o.out_path)) return write_failed(out);
  Progress progress{o.quiet, "eval --csv"};
  ItemWriter w{out, o.path == "-" ? "<stdin>" : o.path};
  std::string head = csv::kBom;
  csv::row(head, std::vector<std::string>(std::begin(kItemColumns), std::end(kItemColumns)));
  bool started = false;  // the header row goes out with the first row, so that a refused file writes nothing
  auto write = [&](const std::string& text) {
    if (!started) out.write(head), started = true;
    out.write(text);
  };
  csv::Layout layout;
  CsvCounts counts;
  CsvHandlers on;
  on.applicant = [&](Settled& s) {
    w.applicant(s);
    write(w.text);
  };
  on.row_error = [&](const csv::RowError& err) {
    w.text.clear();
    w.error_row(err.applicant, "", err);
    write(w.text);
  };
  if (!settle_csv(e, o.path, o.day, progress, on, layout, counts)) {
    out.finish();
    return 2;
  }
  write("");
  if (!out.finish()) return write_failed(out);
  note("eval --csv: " + std::to_string(counts.rows) + " rows (" + std::to_string(counts.blank) +
       " blank lines skipped), " + std::to_string(counts.applicants) + " applicants, " + std::to_string(w.items) +
       " items, " + std::to_string(w.empty) + " applicants with none; " + std::to_string(w.errors) + " errors, " +
       std::to_string(w.skipped) + " rows left out");
  return w.errors ? 2 : 0;
}

// Reads a budget's input: JSONL (one claim per line) or the claims CSV; calls the core; maps its errors back to lines.
int run_budget(const skillcalc::Engine& e, const Options& o) {
  Output output;
  if (!output.open(o.out_path)) return write_failed(output);
  const bool as_csv = o.as_csv;
  const std::string& format = o.format;
  std::vector<std::string> claims;
  std::vector<long> line_of;     // JSONL: the line of each claim
  std::vector<Settled> settled;  // CSV: the applicant of each claim kept
  csv::Layout layout;
  const csv::Columns& cols = layout.columns;
  long long errors = 0;
  std::string src = o.path == "-" ? "<stdin>" : o.path;
  Progress progress{o.quiet, "budget"};
  if (as_csv) {
    CsvCounts counts;
    CsvHandlers on;
    on.applicant = [&](Settled& s) {
      for (auto& err : s.errors) note(message(src, err)), ++errors;
      if (s.result.empty()) return;
      nlohmann::json env = {{"id", s.claim.applicant}, {"situation", s.claim.situation}};
      if (!s.claim.claimed.empty()) env["claimed_yuan"] = s.claim.claimed;
      claims.push_back(env.dump());
      line_of.push_back(s.claim.lines.empty() ? 0 : s.claim.lines[0]);
      s.result.clear();
      s.claim.situation = nullptr;
      s.claim.claimed = nullptr;
      settled.push_back(std::move(s));
    };
    on.row_error = [&](const csv::RowError& err) { note(message(src, err)), ++errors; };
    Progress checking{o.quiet, "budget --csv (checking rows)"};
    if (!settle_csv(e, o.path, o.day, checking, on, layout, counts)) return 2;
  } else {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (o.path != "-") {
      std::error_code ec;
      if (std::filesystem::is_directory(o.path, ec) || (file.open(o.path, std::ios::binary), !file)) {
        note("skillcalc: " + o.path + ": 无法读取文件 / cannot read the file");
        return 2;
      }
      in = &file;
    }
    std::string l;
    bool overlong = false;
    long long bytes = 0;
    long line = 0;
    std::unordered_map<uint64_t, long> seen;  // a claim's text (by hash) -> its first line
    while (read_line(*in->rdbuf(), l, skillcalc::kMaxSituationBytes + 4096, overlong, bytes)) {
      ++line;
      if (overlong) {
        note(src + ":" + std::to_string(line) +
             ": 这一行过大（最多 256 KiB），未计入 / this line is too large (at most 256 KiB): left out");
        ++errors;
        continue;
      }
      if (l.find_first_not_of(" \t") == std::string::npos) continue;  // a blank line holds no claim
      auto [at, fresh] = seen.emplace(std::hash<std::string>()(l), line);
      if (!fresh)
        note(src + ":" + std::to_string(line) + ": 警告：与第 " + std::to_string(at->second) +
             " 行完全相同；两行都已计入（若是重复录入，请删去一行） / warning: identical to line " +
             std::to_string(at->second) + "; both are counted (delete one if it was entered twice)");
      claims.push_back(l);
      line_of.push_back(line);
    }
  }
  std::string r = e.budget(claims, o.day);
  if (r.compare(0, 10, "{\"ok\":true") != 0) {
    output.write(r + "\n");
    if (!output.finish()) return write_failed(output);
    return r.find("\"internal_error\"") != std::string::npos ? 1 : 2;
  }
  const size_t claim_count = claims.size();
  std::vector<std::string>().swap(claims);
  bool has_errors = r.find("\"errors\":[]") == std::string::npos;
  nlohmann::ordered_json j;
  if (has_errors || format == "csv") j = nlohmann::ordered_json::parse(r);
  if (has_errors)
    for (auto& x : j["errors"]) {
      size_t k = x["input"].get<size_t>() - 1;
      std::string p = x["error"].value("path", "");
      std::string text = x["error"].value("zh", "") + " / " + x["error"].value("en", "");
      if (as_csv && k < settled.size()) {  // the claim of the k-th applicant kept
        const Settled& s = settled[k];
        bool whole = true;
        int ev = -1;
        csv::RowError err = csv::locate(s.claim, cols, p.rfind("/situation", 0) == 0 ? p.substr(10) : p, whole, ev);
        note(where(src, err) + ": " + s.claim.applicant + ": " + text);
      } else {
        note(src + ":" + std::to_string(k < line_of.size() ? line_of[k] : 0L) + ": " + (p.empty() ? "" : p + ": ") +
             text);
      }
      ++errors;
    }
  std::string text;
  if (format == "csv") {
    std::vector<std::string> payers;  // every payer named, in order of appearance: one column each
    for (auto& p : j["pools"])
      if (p.contains("payers"))
        for (auto& x : p["payers"])
          if (std::find(payers.begin(), payers.end(), x["who"].get<std::string>()) == payers.end())
            payers.push_back(x["who"]);
    text = csv::kBom;
    std::vector<std::string> head = {"pool_id", "document",  "clause",       "city",          "year",
                                     "rule",    "applicant", "claimed_yuan", "claimed_basis", "allocated_yuan"};
    for (auto& p : payers) head.push_back(p + "_yuan");
    head.insert(head.end(), {"heads", "note"});
    csv::row(text, head);
    auto num = [](const nlohmann::ordered_json& o, const char* k) {
      return o.contains(k) && o[k].is_number() ? std::to_string(o[k].get<long long>()) : std::string();
    };
    for (auto& p : j["pools"]) {
      std::vector<std::string> base = {
          p["pool_id"], p["document"], p["clause"], p["city"], std::to_string(p["year"].get<int>()), p["rule"]};
      bool quota = p["rule"] == "quota";
      for (auto& a : p["applicants"]) {
        std::vector<std::string> c = base;
        c.insert(c.end(), {csv::text_cell(a["applicant"].get<std::string>()), num(a, "claimed_yuan"),
                           a.value("claimed_basis", ""), quota ? "" : num(a, "allocated_yuan")});
        for (auto& who : payers) {
          std::string y;
          if (a.contains("payers"))
            for (auto& x : a["payers"])
              if (x["who"] == who) y = std::to_string(x["yuan"].get<long long>());
          c.push_back(y);
        }
        c.insert(c.end(), {num(a, "heads"), ""});
        csv::row(text, c);
      }
      std::vector<std::string> t = base;
      std::string note;
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
    // Caps per applicant that bit (already applied to the claims), and claims left out: listed, not dropped.
    for (auto& c : j["caps"]) {
      std::vector<std::string> t = {c["cap_id"],
                                    c["document"],
                                    c["clause"],
                                    "",
                                    c["year"].is_null() ? "" : std::to_string(c["year"].get<int>()),
                                    "applicant_cap",
                                    csv::text_cell(c["applicant"].get<std::string>()),
                                    num(c["before"], "max_yuan"),
                                    "",
                                    num(c["after"], "max_yuan")};
      for (size_t k = 0; k < payers.size(); ++k) t.push_back("");
      t.insert(t.end(), {"", "上限 " + num(c, "max_yuan") + " 元：" + c.value("quote", "")});
      csv::row(text, t);
    }
    for (auto& x : j["errors"]) {
      std::vector<std::string> t = {"", "", "", "", "", "error", csv::text_cell(x["applicant"].get<std::string>()),
                                    "", "", ""};
      for (size_t k = 0; k < payers.size(); ++k) t.push_back("");
      t.insert(t.end(), {"", csv::text_cell("input " + std::to_string(x["input"].get<long long>()) + " " +
                                            x["error"].value("path", "") + ": " + x["error"].value("zh", "") + " / " +
                                            x["error"].value("en", ""))});
      csv::row(text, t);
    }
  } else {
    text = std::move(r);
    text += '\n';
  }
  output.write(text);
  if (!output.finish()) return write_failed(output);
  char b[160];
  std::snprintf(b, sizeof b, "budget: %zu claims settled in %.2f s, %lld errors", claim_count, progress.seconds(),
                errors);
  note(b);
  return errors ? 2 : 0;
}

}  // namespace cli
