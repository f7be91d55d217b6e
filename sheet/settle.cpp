#include "settle.hpp"

#include <algorithm>
#include <cstring>

#include "names.hpp"
#include "text.hpp"

namespace sheet {

std::string where(const std::string& file, const csv::RowError& e) {
  std::string s = file + ":" + std::to_string(e.line);
  if (e.column) s += ":" + std::to_string(e.column) + (e.column_name.empty() ? "" : " (" + e.column_name + ")");
  return s;
}

std::string message(const std::string& file, const csv::RowError& e) {
  if (e.also.empty()) return where(file, e) + ": " + e.zh + " / " + e.en;
  std::vector<long> all = e.also;  // an applicant's fault: every one of its lines, left out with it
  all.push_back(e.line);
  std::sort(all.begin(), all.end());
  std::string zh, en;
  for (long l : all)
    zh += (zh.empty() ? "" : "、") + std::to_string(l), en += (en.empty() ? "" : ", ") + std::to_string(l);
  return where(file, e) + ": " + e.zh + "（第" + zh + "行） / " + e.en + " (lines " + en + ")";
}

namespace {

// The n-th (1-based) comma-separated field of a line, as written (a line a quoted cell took in), or "".
std::string_view nth_field(std::string_view line, int n) {
  size_t at = 0;
  for (int k = 1; k < n; ++k) {
    at = line.find(',', at);
    if (at == std::string_view::npos) return {};
    ++at;
  }
  size_t end = line.find(',', at);
  return line.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
}

// Records, at most: one a line.
size_t count_lines(Source& src) {
  std::string_view data = src.data();
  size_t lines = 1;
  for (size_t i = 0; i < data.size();) {
    const void* lf = std::memchr(data.data() + i, '\n', data.size() - i);
    if (!lf) break;
    i = static_cast<size_t>(static_cast<const char*>(lf) - data.data()) + 1;
    ++lines;
    src.release(i);
  }
  src.release_all();
  return lines;
}

// A row left out brings nothing: the claimed.<clause> amount it gave is taken away with its event.
void drop_claimed_of_line(csv::Claim& c, long line) {
  for (auto v = c.value_lines.begin(); v != c.value_lines.end();) {
    if (v->second == line && v->first.rfind("claimed/", 0) == 0) {
      c.claimed.erase(v->first.substr(8));
      v = c.value_lines.erase(v);
    } else {
      ++v;
    }
  }
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
    // The core quotes the value as given: a cell's line break is written \n here too (one error, one line).
    err.zh = csv::one_line(j.is_object() ? j["error"].value("zh", "") : "内部错误");
    err.en = csv::one_line(j.is_object() ? j["error"].value("en", "") : "internal error");
    err.applicant = s.claim.applicant;
    auto city = s.claim.situation.find("city");  // a sheet filtered by city keeps the row
    if (city != s.claim.situation.end() && city->is_string()) err.city = city->get<std::string>();
    if (whole) {
      err.zh = "（申请人“" + s.claim.applicant + "”的全部 " + std::to_string(s.claim.lines.size()) + " 行均未计算）" +
               err.zh;
      err.en = "(all " + std::to_string(s.claim.lines.size()) + " rows of applicant '" + s.claim.applicant +
               "' left out) " + err.en;
      for (long l : s.claim.lines)
        if (l != err.line) err.also.push_back(l);
      s.errors.push_back(err);
      return;
    }
    s.errors.push_back(err);
    auto& evs = s.claim.situation["events"];
    evs.erase(evs.begin() + event);
    long line = s.claim.event_lines[event];
    s.claim.event_lines.erase(s.claim.event_lines.begin() + event);
    s.claim.lines.erase(std::find(s.claim.lines.begin(), s.claim.lines.end(), line));
    drop_claimed_of_line(s.claim, line);
    // Every row of the applicant refused: nothing of it was read, so nothing is evaluated (no "no entitlement met",
    // no right that a unit may always claim).
    if (s.claim.lines.empty()) return;
  }
}

// One group's records, read again: claims (usually one) with the rows refused while building them.
void settle_group(const skillcalc::Engine& e, const csv::Layout& layout, const std::string& day,
                  const std::vector<csv::Record>& records, const Handlers& on) {
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

}  // namespace

// The encoding and the header (malformed records before it are reported as rows).
bool Settler::read_head(csv::Reader& reader, csv::Refusal& fatal) {
  csv::Record rec;
  std::vector<csv::RowError> errors;
  bool have = reader.next(rec, errors);
  for (auto& err : errors) on_.row_error(err), ++counts_.rows;
  if (!have) {
    fatal = {
        "文件为空：第一行应是列名（applicant, city, applicant_kind, type, date …）",
        "the file is empty: its first line should name the columns (applicant, city, applicant_kind, type, date …)"};
    return false;
  }
  if (!csv::read_header(e_.model(), rec, layout_, fatal)) return false;
  expect_ = static_cast<int>(rec.cells.size());
  reader.expect(expect_);
  row_test_ = [&m = e_.model(), city = layout_.columns.of("city")](std::string_view line) {
    std::string v = csv::lower(csv::trim(nth_field(line, city)));
    for (auto& [id, label] : m.vocab.cities)
      if (v == id || v == label.zh || v == label.zh + "市") return true;
    return false;
  };
  reader.row_test(row_test_);
  // A malformed row keeps the applicant and the city its cells before the fault give: a sheet filtered by either
  // keeps its error row.
  reader.name_faults([this](const std::vector<std::string>& cells, csv::RowError& err) {
    csv::Record rec;
    rec.cells = cells;
    err.applicant = csv::applicant_of(layout_, rec);
    err.city = csv::city_of(e_.model(), layout_.columns, rec);
  });
  return true;
}

namespace {

// An applicant's name key hashed to 64 bits on every platform (FNV-1a): std::hash is 32 bits in WebAssembly, where two
// of 120,000 names share a hash about once, and their rows would be counted and ordered as one applicant's.
uint64_t name_hash(const std::string& key) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

// Pass 1: the offset, line and applicant (hashed) of every record.
void Settler::index_rows(csv::Reader& reader) {
  csv::Record rec;
  std::vector<csv::RowError> errors;
  auto flush_errors = [&] {
    for (auto& err : errors) on_.row_error(err), ++counts_.rows;
    errors.clear();
  };
  entries_.reserve(count_lines(src_));
  while (reader.next(rec, errors)) {
    flush_errors();
    bool blank = true;
    // Blank as the rows' reader counts it: the unseen spaces pasted from web pages (ideographic, no-break, zero-width)
    // too, so that such a row is counted among the blank lines, not as a row that then appears nowhere.
    for (auto& c : rec.cells) blank = blank && csv::trim(c).empty();
    if (blank) {
      ++counts_.blank;
      continue;
    }
    ++counts_.rows;
    if (rec.unended && rec.cells.size() >= layout_.cols.size())
      counts_.unended_line = rec.line, counts_.unended_cell = csv::trim(rec.cells.back());
    std::string name = csv::applicant_of(layout_, rec);
    if (name.empty() || csv::repeats_header(layout_.columns, rec)) {  // refused by read_rows with its reason
      std::vector<csv::Claim> none;
      std::vector<csv::RowError> refused;
      long r = 0;
      csv::read_rows(e_.model(), layout_, {rec}, none, refused, r);
      for (auto& err : refused) on_.row_error(err);
      continue;
    }
    entries_.push_back({name_hash(skillcalc::name_key(name)), rec.offset, static_cast<uint32_t>(rec.line)});
  }
  flush_errors();
  src_.release_all();
}

// The rows of each applicant together, in the file's order; applicants in order of first appearance.
void Settler::group() {
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.hash != b.hash ? a.hash < b.hash : a.offset < b.offset; });
  for (size_t k = 0; k < entries_.size(); ++k)
    if (k == 0 || entries_[k].hash != entries_[k - 1].hash) starts_.push_back(static_cast<uint32_t>(k));
  std::sort(starts_.begin(), starts_.end(),
            [&](uint32_t a, uint32_t b) { return entries_[a].offset < entries_[b].offset; });
  counts_.applicants = static_cast<long>(starts_.size());
}

bool Settler::open(csv::Refusal& fatal) {
  size_t bom = 0;
  auto drop = [&](size_t upto) { src_.release(upto); };
  fatal = csv::check_encoding(src_.data(), bom, drop);
  if (fatal.refused()) return false;
  csv::Reader reader(src_.data(), bom, 1);
  reader.on_progress(drop);
  if (!read_head(reader, fatal)) return false;
  index_rows(reader);
  group();
  return true;
}

// One record read again from its offset, through a small window that grows until the record fits in it whole.
void Settler::read_again(const Entry& en, csv::Record& rec) {
  std::vector<csv::RowError> errors;
  for (size_t want = 1024;; want *= 2) {
    std::string_view w = src_.read_at(en.offset, want, buf_);
    csv::Reader again(w, 0, en.line, expect_);
    again.row_test(row_test_);
    errors.clear();
    bool got = again.next(rec, errors);
    bool whole = got && errors.empty() && rec.offset == 0 && again.offset() < w.size();
    if (whole || w.size() < want) break;  // read cleanly the first time: cleanly again once the window holds it
  }
  rec.offset = en.offset;
}

// Pass 2: each applicant's records, read again by offset.
bool Settler::step() {
  if (next_ >= starts_.size()) return false;
  records_.clear();
  const size_t first = starts_[next_];
  for (size_t k = first; k < entries_.size() && (k == first || entries_[k].hash == entries_[k - 1].hash); ++k) {
    records_.emplace_back();
    read_again(entries_[k], records_.back());
  }
  settle_group(e_, layout_, day_, records_, on_);
  ++next_;
  return true;
}

bool settle_text(const skillcalc::Engine& e, std::string_view data, const std::string& day, const Handlers& on,
                 csv::Layout& layout, Counts& counts, csv::Refusal& fatal) {
  Source src(data);
  Settler s(e, src, day, on);
  bool ok = s.open(fatal);
  while (ok && s.step()) {
  }
  layout = s.layout();
  counts = s.counts();
  return ok;
}

}  // namespace sheet
