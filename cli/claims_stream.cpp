#include "claims_stream.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

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

#pragma pack(push, 4)
struct Entry {      // a data record of the first pass: 20 bytes
  uint64_t hash;    // its applicant's name, hashed: the rows of one applicant share it
  uint64_t offset;  // its first byte
  uint32_t line;
};
#pragma pack(pop)

// Records, at most: one a line.
size_t count_lines(std::string_view data, Mapped* mapped) {
  size_t lines = 1;
  for (size_t i = 0; i < data.size();) {
    const void* lf = std::memchr(data.data() + i, '\n', data.size() - i);
    if (!lf) break;
    i = static_cast<size_t>(static_cast<const char*>(lf) - data.data()) + 1;
    ++lines;
    if (mapped) mapped->release(i);
  }
  if (mapped) mapped->release_all();
  return lines;
}

// One record read again from its offset, through a small window that grows until the record fits in it whole.
void read_again(std::string_view data, Mapped* mapped, const Entry& en, int expect, std::string& buf,
                csv::Record& rec) {
  std::vector<csv::RowError> errors;
  for (size_t want = 1024;; want *= 2) {
    std::string_view w = mapped ? mapped->read_at(en.offset, want, buf) : data.substr(en.offset, want);
    csv::Reader again(w, 0, en.line, expect);
    errors.clear();
    bool got = again.next(rec, errors);
    bool whole = got && errors.empty() && rec.offset == 0 && again.offset() < w.size();
    if (whole || w.size() < want) break;  // read cleanly the first time: cleanly again once the window holds it
  }
  rec.offset = en.offset;
}

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
  // Pass 1: the offset, line and applicant (hashed) of every record.
  std::vector<Entry> entries;
  entries.reserve(count_lines(data, mapped));
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
    entries.push_back({std::hash<std::string>()(name), rec.offset, static_cast<uint32_t>(rec.line)});
  }
  flush_errors();
  if (mapped) mapped->release_all();
  // The rows of each applicant together, in the file's order; applicants in order of first appearance.
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.hash != b.hash ? a.hash < b.hash : a.offset < b.offset; });
  std::vector<uint32_t> starts;  // where each applicant's rows begin in `entries`
  for (size_t k = 0; k < entries.size(); ++k)
    if (k == 0 || entries[k].hash != entries[k - 1].hash) starts.push_back(static_cast<uint32_t>(k));
  std::sort(starts.begin(), starts.end(),
            [&](uint32_t a, uint32_t b) { return entries[a].offset < entries[b].offset; });
  const size_t groups = starts.size();
  counts.applicants = static_cast<long>(groups);
  // Pass 2: each applicant's records, read again by offset.
  std::vector<csv::Record> records;
  std::string buf;
  for (size_t g = 0; g < groups; ++g) {
    records.clear();
    for (size_t k = starts[g]; k < entries.size() && (k == starts[g] || entries[k].hash == entries[k - 1].hash); ++k) {
      records.emplace_back();
      read_again(data, mapped, entries[k], expect, buf, records.back());
    }
    settle_group(e, data, layout, day, records, on);
    if (progress) progress->tick(static_cast<long long>(g + 1), static_cast<long long>(groups));
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
