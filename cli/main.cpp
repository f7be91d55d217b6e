// skillcalc: the command line. Reads files and the clock, calls the core, writes JSON. See README.md.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "csv.hpp"
#include "skillcalc.hpp"

namespace fs = std::filesystem;
using skillcalc::Engine;
using skillcalc::SourceFile;

namespace {

const char* kUsage =
    "usage: skillcalc [--rules DIR] [--today YYYY-MM-DD] [--quiet] COMMAND\n"
    "  eval [FILE|-]           one situation in (JSON), one result out\n"
    "  eval --jsonl [FILE|-]   one situation per line, one result per line; bad lines get an error line\n"
    "  eval --csv FILE [-o OUT]  a spreadsheet of events (one row per event, grouped by applicant) in, a CSV\n"
    "                          of items out (UTF-8 with BOM, CRLF: opens in Excel and WPS)\n"
    "  budget [--csv] [--format json|csv] [-o OUT] [FILE|-]\n"
    "                          all claims of a city and year in (JSONL, or the claims CSV), the city-wide\n"
    "                          budgets and quotas settled: claimed, allocated and each payer's part\n"
    "  rules                   the documents and measure ids encoded, with counts\n"
    "  documents               the policy documents with numbers, titles, dates and status\n"
    "  catalog CITY            the questions the page asks for CITY\n"
    "  check [DIR]             validate rule files (DIR, or the built-in set) against their policy texts\n"
    "--quiet: no progress lines on stderr (the summary stays)\n"
    "exit codes: 0 ok, 2 invalid input or rules (in batch modes: some lines or rows had errors), 1 internal error\n";

std::string today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char b[16];
  std::strftime(b, sizeof b, "%Y-%m-%d", &tm);
  return b;
}

bool read_all(const std::string& path, std::string& out) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

// vocabulary.json, claim.json, */rules.json, */claim.json and */source.txt of a rules folder.
std::vector<SourceFile> read_folder(const std::string& dir, bool sources) {
  std::vector<SourceFile> files;
  std::error_code ec;
  auto add = [&](const fs::path& p, const std::string& name) {
    std::string text;
    if (read_all(p.string(), text)) files.push_back({name, text});
  };
  if (fs::exists(fs::path(dir) / "vocabulary.json", ec)) add(fs::path(dir) / "vocabulary.json", "vocabulary.json");
  if (!sources && fs::exists(fs::path(dir) / "claim.json", ec)) add(fs::path(dir) / "claim.json", "claim.json");
  for (auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_directory()) continue;
    std::string folder = entry.path().filename().string();
    const char* name = sources ? "source.txt" : "rules.json";
    if (fs::exists(entry.path() / name, ec)) add(entry.path() / name, folder + "/" + name);
    if (!sources && fs::exists(entry.path() / "claim.json", ec))
      add(entry.path() / "claim.json", folder + "/claim.json");
  }
  return files;
}

void print_error(const char* code, const std::string& zh, const std::string& en) {
  std::printf("{\"ok\":false,\"error\":{\"code\":\"%s\",\"path\":\"\",\"zh\":\"%s\",\"en\":\"%s\"}}\n", code,
              zh.c_str(), en.c_str());
}

// A line on stderr every few seconds of a long batch: how many are done, of how many, and how fast.
struct Progress {
  using clock = std::chrono::steady_clock;
  bool quiet = false;
  const char* what = "";
  clock::time_point start = clock::now(), last = clock::now();
  void tick(long long done, long long total, double fraction = -1) {
    if (quiet || (done & 1023) != 0) return;
    auto now = clock::now();
    if (now - last < std::chrono::seconds(3)) return;
    last = now;
    double secs = std::chrono::duration<double>(now - start).count();
    double rate = secs > 0 ? done / secs : 0;
    if (total > 0) fraction = static_cast<double>(done) / total;
    if (total > 0)
      std::fprintf(stderr, "%s: %lld/%lld (%.0f%%), %.0f/s\n", what, done, total, 100 * fraction, rate);
    else if (fraction >= 0)
      std::fprintf(stderr, "%s: %lld done (%.0f%% of the input), %.0f/s\n", what, done, 100 * fraction, rate);
    else
      std::fprintf(stderr, "%s: %lld done, %.0f/s\n", what, done, rate);
  }
  double seconds() const { return std::chrono::duration<double>(clock::now() - start).count(); }
};

// stdin for "-", else the file opened into `file`; null (with an error object printed) when it cannot be read.
std::istream* open_input(const std::string& path, std::ifstream& file) {
  if (path == "-") return &std::cin;
  file.open(path, std::ios::binary);
  if (!file) {
    print_error("cannot_read", "无法读取文件", "cannot read the file");
    return nullptr;
  }
  return &file;
}

int run_jsonl(const Engine& e, const std::string& path, const std::string& day, bool quiet) {
  std::ifstream file;
  std::istream* in = open_input(path, file);
  if (!in) return 2;
  long long size = 0;
  if (path != "-") {
    std::error_code ec;
    size = static_cast<long long>(fs::file_size(path, ec));
    if (ec) size = 0;
  }
  Progress progress{quiet, "eval --jsonl"};
  static char buffer[1 << 20];
  std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  std::string line;
  long long n = 0, bad = 0, bytes = 0;
  while (std::getline(*in, line)) {
    bytes += static_cast<long long>(line.size()) + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::string r = e.evaluate(line, day);
    ++n;
    if (r.compare(0, 12, "{\"ok\":false,") == 0) ++bad;
    r += '\n';
    std::fwrite(r.data(), 1, r.size(), stdout);  // through stdio's buffer: one copy, memory flat
    progress.tick(n, 0, size > 0 ? static_cast<double>(bytes) / size : -1);
  }
  std::fprintf(stderr, "%lld situations, %lld with errors\n", n, bad);
  return bad ? 2 : 0;
}

// ---- spreadsheets ----------------------------------------------------------------------------------------------

std::string where(const std::string& file, const csv::RowError& e) {
  std::string s = file + ":" + std::to_string(e.line);
  if (e.column) s += ":" + std::to_string(e.column) + (e.column_name.empty() ? "" : " (" + e.column_name + ")");
  return s;
}

std::string message(const std::string& file, const csv::RowError& e) {
  return where(file, e) + ": " + e.zh + " / " + e.en;
}

bool write_out(const std::string& out_path, const std::string& text) {
  if (out_path.empty() || out_path == "-") return std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
  std::ofstream f(out_path, std::ios::binary);
  f << text;
  return static_cast<bool>(f);
}

// The claims of a CSV, each evaluated; a row the core refuses is reported and left out, and its applicant
// evaluated again without it. Applicant-level faults leave the whole applicant out.
struct Settled {
  csv::Claim claim;
  std::string result;  // the result JSON; empty when the applicant was left out
  std::vector<csv::RowError> errors;
};

bool settle_csv(const Engine& e, const std::string& path, const std::string& day, bool quiet, const char* what,
                std::vector<Settled>& out, std::vector<csv::RowError>& loose, csv::Columns& cols, long& rows) {
  std::string data;
  if (!read_all(path, data)) {
    std::fprintf(stderr, "skillcalc: 无法读取文件 %s / cannot read the file %s\n", path.c_str(), path.c_str());
    return false;
  }
  std::vector<csv::Claim> claims;
  csv::Refusal fatal;
  if (!csv::read_claims(e.model(), data, claims, cols, loose, rows, fatal)) {
    std::fprintf(stderr, "skillcalc: %s: %s\n%s: %s\n", path.c_str(), fatal.zh.c_str(), path.c_str(), fatal.en.c_str());
    return false;
  }
  Progress progress{quiet, what};
  out.reserve(claims.size());
  long long done = 0;
  for (auto& c : claims) {
    Settled s;
    s.claim = std::move(c);
    for (int attempt = 0; attempt <= 200; ++attempt) {
      std::string r = e.evaluate(s.claim.situation.dump(), day);
      if (r.compare(0, 10, "{\"ok\":true") == 0) {
        s.result = std::move(r);
        break;
      }
      auto j = nlohmann::json::parse(r, nullptr, false);
      std::string epath = j.is_object() ? j["error"].value("path", "") : "";
      bool whole = true;
      int event = -1;
      csv::RowError err = csv::locate(s.claim, cols, epath, whole, event);
      err.zh = j.is_object() ? j["error"].value("zh", "") : "内部错误";
      err.en = j.is_object() ? j["error"].value("en", "") : "internal error";
      if (whole) {
        err.zh = "（申请人“" + s.claim.applicant + "”的全部 " + std::to_string(s.claim.lines.size()) + " 行均未计算）" +
                 err.zh;
        err.en = "(all " + std::to_string(s.claim.lines.size()) + " rows of applicant '" + s.claim.applicant +
                 "' left out) " + err.en;
        s.errors.push_back(err);
        break;
      }
      s.errors.push_back(err);
      auto& evs = s.claim.situation["events"];
      evs.erase(evs.begin() + event);
      long line = s.claim.event_lines[event];
      s.claim.event_lines.erase(s.claim.event_lines.begin() + event);
      s.claim.lines.erase(std::find(s.claim.lines.begin(), s.claim.lines.end(), line));
    }
    out.push_back(std::move(s));
    progress.tick(++done, static_cast<long long>(claims.size()));
  }
  return true;
}

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

const char* kItemColumns[] = {"applicant", "city",       "lines",          "clause_id",      "status",
                              "document",  "clause",     "option",         "events",         "amount",
                              "heads",     "schedule",   "total_min_yuan", "total_max_yuan", "payers",
                              "recipient", "handled_by", "note",           "explain"};

int run_csv_eval(const Engine& e, const std::string& path, const std::string& out_path, const std::string& day,
                 bool quiet) {
  std::vector<Settled> settled;
  std::vector<csv::RowError> loose;
  csv::Columns cols;
  long rows = 0;
  if (!settle_csv(e, path, day, quiet, "eval --csv", settled, loose, cols, rows)) return 2;
  std::string out = csv::kBom;
  csv::row(out, std::vector<std::string>(std::begin(kItemColumns), std::end(kItemColumns)));
  long long items = 0, skipped = 0, empty = 0, errors = 0;
  std::vector<std::pair<long, std::string>> messages;  // stderr, in line order
  auto error_row = [&](const std::string& applicant, const std::string& city, const csv::RowError& err) {
    csv::row(out, {csv::text_cell(applicant), city, std::to_string(err.line), "", "error", "", "", "", "", "", "", "",
                   "", "", "", "", "", csv::text_cell(message(path, err)), ""});
    messages.push_back({err.line, message(path, err)});
    ++errors;
    skipped += err.rows_skipped;
  };
  // Rows refused while reading go with their applicant where it has other rows; the rest at the end.
  std::unordered_map<std::string, size_t> by_name;
  for (size_t k = 0; k < settled.size(); ++k) by_name.emplace(settled[k].claim.applicant, k);
  std::vector<csv::RowError> orphans;
  for (auto& err : loose) {
    auto at = by_name.find(err.applicant);
    if (at != by_name.end())
      settled[at->second].errors.push_back(err);
    else
      orphans.push_back(err);
  }
  for (auto& s : settled) {
    std::sort(s.errors.begin(), s.errors.end(),
              [](const csv::RowError& a, const csv::RowError& b) { return a.line < b.line; });
    std::string city = s.claim.situation.value("city", "");
    if (!s.result.empty()) {
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
        std::string note;
        if (it.contains("capped_by")) note = "capped by " + it["capped_by"].value("cap", "");
        if (it.contains("excluded_by")) note = "excluded by " + it["excluded_by"].value("clause_id", "");
        if (it.contains("superseded_by")) note = "superseded by " + it["superseded_by"].value("clause_id", "");
        if (it.value("ambiguous", false)) note += std::string(note.empty() ? "" : "; ") + "ambiguous: see the notes";
        const auto& total = it["total"];
        csv::row(
            out,
            {csv::text_cell(s.claim.applicant), city, join(lines), it.value("clause_id", ""), it.value("status", ""),
             it["source"].value("document", ""), it["source"].value("clause", ""),
             it.contains("option") ? csv::text_cell(it["option"].value("zh", "")) : "", csv::text_cell(events),
             amount_text(it["amount"]), it.contains("heads") ? std::to_string(it["heads"].get<long long>()) : "",
             schedule_text(it["schedule"]), total.is_object() ? std::to_string(total["min_yuan"].get<long long>()) : "",
             total.is_object() ? std::to_string(total["max_yuan"].get<long long>()) : "", payers,
             it.value("recipient", ""), csv::text_cell(handled_by(it)), note,
             csv::text_cell(it["explain"].value("zh", ""))});
        ++mine;
      }
      if (!mine)
        csv::row(out, {csv::text_cell(s.claim.applicant), city, join(s.claim.lines), "", "none", "", "", "", "", "", "",
                       "", "0", "0", "", "", "", "没有符合条件的待遇 / no entitlement met", ""}),
            ++empty;
      items += mine;
    }
    for (auto& err : s.errors) error_row(s.claim.applicant, city, err);
  }
  std::stable_sort(orphans.begin(), orphans.end(),
                   [](const csv::RowError& a, const csv::RowError& b) { return a.line < b.line; });
  for (auto& err : orphans) error_row(err.applicant, "", err);
  std::stable_sort(messages.begin(), messages.end());
  for (auto& m : messages) std::fprintf(stderr, "%s\n", m.second.c_str());
  if (!write_out(out_path, out)) {
    std::fprintf(stderr, "skillcalc: 无法写入 %s / cannot write %s\n", out_path.c_str(), out_path.c_str());
    return 1;
  }
  std::fprintf(
      stderr,
      "eval --csv: %ld rows, %zu applicants, %lld items, %lld applicants with none; %lld errors, %lld rows left out\n",
      rows, settled.size(), items, empty, errors, skipped);
  return errors ? 2 : 0;
}

// Reads a budget's input: JSONL (one claim per line) or the claims CSV; calls the core; maps its errors back to lines.
int run_budget(const Engine& e, const std::string& path, bool as_csv, const std::string& format,
               const std::string& out_path, const std::string& day, bool quiet) {
  std::vector<std::string> claims;
  std::vector<long> line_of;     // JSONL: the line of each claim
  std::vector<Settled> settled;  // CSV: the applicant of each claim
  std::vector<csv::RowError> loose;
  csv::Columns cols;
  long rows = 0;
  long long errors = 0;
  std::string src = path == "-" ? "<stdin>" : path;
  if (as_csv) {
    if (!settle_csv(e, path, day, quiet, "budget --csv (checking rows)", settled, loose, cols, rows)) return 2;
    for (auto& s : settled) {
      for (auto& err : s.errors) std::fprintf(stderr, "%s\n", message(src, err).c_str()), ++errors;
      if (s.result.empty()) continue;
      nlohmann::json env = {{"id", s.claim.applicant}, {"situation", s.claim.situation}};
      if (!s.claim.claimed.empty()) env["claimed_yuan"] = s.claim.claimed;
      claims.push_back(env.dump());
      line_of.push_back(s.claim.lines.empty() ? 0 : s.claim.lines[0]);
    }
    for (auto& err : loose) std::fprintf(stderr, "%s\n", message(src, err).c_str()), ++errors;
  } else {
    std::ifstream file;
    std::istream* in = open_input(path, file);
    if (!in) return 2;
    std::string l;
    long line = 0;
    while (std::getline(*in, l)) {
      ++line;
      if (!l.empty() && l.back() == '\r') l.pop_back();
      if (l.find_first_not_of(" \t") == std::string::npos) continue;
      claims.push_back(l);
      line_of.push_back(line);
    }
  }
  Progress progress{quiet, "budget"};
  std::string r = e.budget(claims, day);
  if (r.compare(0, 10, "{\"ok\":true") != 0) {
    std::puts(r.c_str());
    return r.find("\"internal_error\"") != std::string::npos ? 1 : 2;
  }
  bool has_errors = r.find("\"errors\":[]") == std::string::npos;
  nlohmann::ordered_json j;
  if (has_errors || format == "csv") j = nlohmann::ordered_json::parse(r);
  if (has_errors)
    for (auto& x : j["errors"]) {
      size_t k = x["input"].get<size_t>() - 1;
      std::string p = x["error"].value("path", "");
      std::string text = x["error"].value("zh", "") + " / " + x["error"].value("en", "");
      if (as_csv && k < claims.size()) {  // the claim of the k-th applicant kept
        size_t idx = 0;
        for (auto& s : settled)
          if (!s.result.empty() && idx++ == k) {
            bool whole = true;
            int ev = -1;
            csv::RowError err = csv::locate(s.claim, cols, p.rfind("/situation", 0) == 0 ? p.substr(10) : p, whole, ev);
            std::fprintf(stderr, "%s: %s: %s\n", where(src, err).c_str(), s.claim.applicant.c_str(), text.c_str());
            break;
          }
      } else {
        std::fprintf(stderr, "%s:%ld: %s%s\n", src.c_str(), k < line_of.size() ? line_of[k] : 0L,
                     p.empty() ? "" : (p + ": ").c_str(), text.c_str());
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
  if (!write_out(out_path, text)) {
    std::fprintf(stderr, "skillcalc: 无法写入 %s / cannot write %s\n", out_path.c_str(), out_path.c_str());
    return 1;
  }
  std::fprintf(stderr, "budget: %zu claims settled in %.2f s, %lld errors\n", claims.size(), progress.seconds(),
               errors);
  return errors ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string rules_dir, day = today(), out_path, format = "json";
  bool quiet = false;
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--rules" && i + 1 < args.size())
      rules_dir = args[++i];
    else if (args[i] == "--today" && i + 1 < args.size())
      day = args[++i];
    else if ((args[i] == "-o" || args[i] == "--out") && i + 1 < args.size())
      out_path = args[++i];
    else if (args[i] == "--format" && i + 1 < args.size())
      format = args[++i];
    else if (args[i] == "--quiet" || args[i] == "-q")
      quiet = true;
    else if (args[i] == "--help" || args[i] == "-h")
      return std::fputs(kUsage, stdout), 0;
    else
      rest.push_back(args[i]);
  }
  if (rest.empty()) return std::fputs(kUsage, stderr), 2;
  const std::string cmd = rest[0];

  if (cmd == "check") {
    std::string dir = rest.size() > 1 ? rest[1] : rules_dir;
    std::string report = dir.empty()
                             ? skillcalc::check_rules(skillcalc::embedded_rules(), skillcalc::embedded_sources())
                             : skillcalc::check_rules(read_folder(dir, false), read_folder(dir, true));
    std::puts(report.c_str());
    return report.compare(0, 10, "{\"ok\":true") == 0 ? 0 : 2;
  }

  std::string report;
  auto engine = Engine::load(rules_dir.empty() ? skillcalc::embedded_rules() : read_folder(rules_dir, false), &report);
  if (!engine) {
    std::puts(report.c_str());
    return 2;
  }
  if (cmd == "eval") {
    bool jsonl = false, as_csv = false;
    std::string path = "-";
    for (size_t i = 1; i < rest.size(); ++i) {
      if (rest[i] == "--jsonl")
        jsonl = true;
      else if (rest[i] == "--csv")
        as_csv = true;
      else
        path = rest[i];
    }
    if (as_csv) return run_csv_eval(*engine, path, out_path, day, quiet);
    if (jsonl) return run_jsonl(*engine, path, day, quiet);
    std::string text;
    if (!read_all(path, text)) {
      print_error("cannot_read", "无法读取文件", "cannot read the file");
      return 2;
    }
    std::string r = engine->evaluate(text, day);
    std::puts(r.c_str());
    return r.compare(0, 10, "{\"ok\":true") == 0 ? 0 : r.find("\"internal_error\"") != std::string::npos ? 1 : 2;
  }
  if (cmd == "budget") {
    bool as_csv = false;
    std::string path = "-";
    for (size_t i = 1; i < rest.size(); ++i) {
      if (rest[i] == "--csv")
        as_csv = true;
      else
        path = rest[i];
    }
    if (path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0) as_csv = true;
    if (format != "json" && format != "csv") return std::fputs("--format must be json or csv\n", stderr), 2;
    return run_budget(*engine, path, as_csv, format, out_path, day, quiet);
  }
  if (cmd == "rules") return std::puts(engine->rules_summary().c_str()), 0;
  if (cmd == "documents") return std::puts(engine->documents().c_str()), 0;
  if (cmd == "catalog" && rest.size() > 1) {
    std::string r = engine->catalog(rest[1]);
    std::puts(r.c_str());
    return r.compare(0, 10, "{\"ok\":true") == 0 ? 0 : 2;
  }
  std::fputs(kUsage, stderr);
  return 2;
}
