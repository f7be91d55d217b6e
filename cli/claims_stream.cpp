#include "claims_stream.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "mapped.hpp"

namespace cli {

std::string where(const std::string& file, const csv::RowError& e) {
  std::string s = file + ":" + std::to_string(e.line);
  if (e.column) s += ":" + std::to_string(e.column) + (e.column_name.empty() ? "" : " (" + e.column_name + ")");
  return s;
}

std::string message(const std::string& file, const csv::RowError& e) {
  return where(file, e) + ": " + e.zh + " / " + e.en;
}

namespace {

struct Entry {  // a data record of the first pass
  uint64_t offset;
  uint32_t group;  // its applicant (by the name's hash), numbered in order of first appearance
  uint32_t line;
};

// Evaluates one claim; a row the core refuses is reported and left out, and the claim evaluated again without it.
// Applicant-level faults leave the whole applicant out.
void evaluate(const skillcalc::Engine& e, const csv::Layout& layout, const std::string& day, Settled& s) {
  for (int attempt = 0; attempt <= 200; ++attempt) {
    std::string r = e.evaluate(s.claim.situation.dump(), day);
    if (r.compare(0, 10, "{\"ok\":true") == 0) {
      s.result = std::move(r);
      return;
    }
    auto j = nlohmann::json::parse(r, nullptr, false);
    std::string epath = j.is_object() ? j["error"].value("path", "") : "";
    bool whole = true;
    int event = -1;
    csv::RowError err = csv::locate(s.claim, layout.columns, epath, whole, event);
    err.zh = j.is_object() ? j["error"].value("zh", "") : "内部错误";
    err.en = j.is_object() ? j["error"].value("en", "") : "internal error";
    err.applicant = s.claim.applicant;
    if (whole) {
      err.zh = "（申请人“" + s.claim.applicant + "”的全部 " + std::to_string(s.claim.lines.size()) + " 行均未计算）" +
               err.zh;
      err.en = "(all " + std::to_string(s.claim.lines.size()) + " rows of applicant '" + s.claim.applicant +
               "' left out) " + err.en;
      s.errors.push_back(err);
      return;
    }
    s.errors.push_back(err);
    auto& evs = s.claim.situation["events"];
    evs.erase(evs.begin() + event);
    long line = s.claim.event_lines[event];
    s.claim.event_lines.erase(s.claim.event_lines.begin() + event);
    s.claim.lines.erase(std::find(s.claim.lines.begin(), s.claim.lines.end(), line));
  }
}

// One group's records, read again: claims (usually one) with the rows refused while building them.
void settle_group(const skillcalc::Engine& e, std::string_view data, const csv::Layout& layout, const std::string& day,
                  const std::vector<csv::Record>& records, const CsvHandlers& on) {
  std::vector<csv::Claim> claims;
  std::vector<csv::RowError> refused;
  long rows = 0;
  csv::read_rows(e.model(), layout, records, claims, refused, rows);
  std::vector<Settled> out(claims.size());
  for (size_t k = 0; k < claims.size(); ++k) out[k].claim = std::move(claims[k]);
  for (auto& err : refused) {
    auto it =
        std::find_if(out.begin(), out.end(), [&](const Settled& s) { return s.claim.applicant == err.applicant; });
    if (it == out.end()) {  // every row of this applicant was refused
      out.emplace_back();
      out.back().claim.applicant = err.applicant;
      it = out.end() - 1;
    }
    it->errors.push_back(err);
  }
  for (auto& s : out) {
    if (!s.claim.lines.empty()) evaluate(e, layout, day, s);
    std::sort(s.errors.begin(), s.errors.end(),
              [](const csv::RowError& a, const csv::RowError& b) { return a.line < b.line; });
    on.applicant(s);
  }
}

// Both passes over `data`; `release` gives back memory as they go (null in memory).
bool two_passes(const skillcalc::Engine& e, std::string_view data, const std::string& day, Progress* progress,
                Mapped* mapped, const CsvHandlers& on, csv::Layout& layout, CsvCounts& counts, csv::Refusal& fatal) {
  size_t bom = 0;
  auto drop = [&](size_t upto) {
    if (mapped) mapped->release(upto);
  };
  fatal = csv::check_encoding(data, bom, drop);
  if (fatal.refused()) return false;
  csv::Reader reader(data, bom, 1);
  reader.on_progress(drop);
  csv::Record rec;
  std::vector<csv::RowError> errors;
  auto flush_errors = [&] {
    for (auto& err : errors) on.row_error(err), ++counts.rows;
    errors.clear();
  };
  bool have = reader.next(rec, errors);
  flush_errors();  // malformed records before the header
  if (!have) {
    fatal = {
        "文件为空：第一行应是列名（applicant, city, applicant_kind, type, date …）",
        "the file is empty: its first line should name the columns (applicant, city, applicant_kind, type, date …)"};
    return false;
  }
  if (!csv::read_header(e.model(), rec, layout, fatal)) return false;
  const int expect = static_cast<int>(rec.cells.size());
  reader.expect(expect);
  // Pass 1: the offset and applicant of every record.
  std::vector<Entry> entries;
  std::unordered_map<uint64_t, uint32_t> group_of;
  while (reader.next(rec, errors)) {
    flush_errors();
    bool blank = true;
    for (auto& c : rec.cells) blank = blank && c.find_first_not_of(" \t") == std::string::npos;
    if (blank) {
      ++counts.blank;
      continue;
    }
    ++counts.rows;
    std::string name = csv::applicant_of(layout, rec);
    if (name.empty()) {  // refused by read_rows with its reason
      std::vector<csv::Claim> none;
      std::vector<csv::RowError> refused;
      long r = 0;
      csv::read_rows(e.model(), layout, {rec}, none, refused, r);
      for (auto& err : refused) on.row_error(err);
      continue;
    }
    uint64_t h = std::hash<std::string>()(name);
    auto [it, added] = group_of.emplace(h, static_cast<uint32_t>(group_of.size()));
    entries.push_back({rec.offset, it->second, static_cast<uint32_t>(rec.line)});
  }
  flush_errors();
  const size_t groups = group_of.size();
  std::unordered_map<uint64_t, uint32_t>().swap(group_of);
  counts.applicants = static_cast<long>(groups);
  // Pass 2: each group's records, in order of the group's first appearance (a stable counting sort).
  std::vector<uint32_t> start(groups + 1, 0);
  for (auto& en : entries) ++start[en.group + 1];
  for (size_t g = 0; g < groups; ++g) start[g + 1] += start[g];
  std::vector<uint32_t> order(entries.size());
  {
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (size_t k = 0; k < entries.size(); ++k) order[next[entries[k].group]++] = static_cast<uint32_t>(k);
  }
  std::vector<csv::Record> records;
  size_t touched = 0;
  for (size_t g = 0; g < groups; ++g) {
    records.clear();
    for (uint32_t k = start[g]; k < start[g + 1]; ++k) {
      const Entry& en = entries[order[k]];
      csv::Reader again(data, en.offset, en.line, expect);
      records.emplace_back();
      again.next(records.back(), errors);  // read cleanly the first time: cleanly again
      touched += again.offset() - en.offset + 4096;
    }
    errors.clear();
    settle_group(e, data, layout, day, records, on);
    if (progress) progress->tick(static_cast<long long>(g + 1), static_cast<long long>(groups));
    if (mapped && touched > (32u << 20)) mapped->release_all(), touched = 0;
  }
  return true;
}

}  // namespace

bool settle_csv(const skillcalc::Engine& e, const std::string& path, const std::string& day, Progress& progress,
                const CsvHandlers& on, csv::Layout& layout, CsvCounts& counts) {
  Mapped file;
  std::string zh, en;
  if (!file.open(path, zh, en)) {
    note("skillcalc: " + path + ": " + zh + " / " + en);
    return false;
  }
  csv::Refusal fatal;
  if (!two_passes(e, file.data(), day, &progress, &file, on, layout, counts, fatal)) {
    note("skillcalc: " + path + ": " + fatal.zh);
    note(path + ": " + fatal.en);
    return false;
  }
  return true;
}

bool settle_csv_text(const skillcalc::Engine& e, std::string_view data, const std::string& day, const CsvHandlers& on,
                     csv::Layout& layout, CsvCounts& counts, csv::Refusal& fatal) {
  return two_passes(e, data, day, nullptr, nullptr, on, layout, counts, fatal);
}

}  // namespace cli
