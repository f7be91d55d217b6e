// Spreadsheet exports in and out: RFC 4180 CSV, UTF-8 (with or without BOM) in, UTF-8 with BOM and CRLF out, so that
// Excel and WPS open it in the right encoding. And the claims CSV: one row per event, grouped into one situation per
// applicant (README "Claims in a spreadsheet").
#pragma once
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace csv {

// Why the bytes cannot be read as UTF-8 (GBK/GB18030, UTF-16 …), in Chinese and English; empty when they can.
// `bom` is set to the length of a UTF-8 byte-order mark to skip (0 or 3).
struct Refusal {
  std::string zh, en;
  bool refused() const { return !zh.empty(); }
};
// `progress`, when given, is called with the offset checked up to (every 8 MiB and at the end).
Refusal check_encoding(std::string_view data, size_t& bom, const std::function<void(size_t)>& progress = {});

struct Record {
  long line = 0;      // the physical line the record starts on (1-based)
  size_t offset = 0;  // its first byte
  std::vector<std::string> cells;
};

struct RowError {
  long line = 0;
  int column = 0;           // 1-based; 0 when the error concerns the whole row
  std::string column_name;  // as in the header
  std::string zh, en;
  long rows_skipped = 1;  // rows left out because of it
  std::string applicant;  // when the row names one
};

// RFC 4180: fields separated by commas, optionally quoted with ", "" inside quotes is a quote; quoted fields may
// hold commas and line breaks; records end with CRLF or LF. A malformed record (a quote in an unquoted field, an
// unterminated quote) is an error and skipped; the rest is read.
void parse(std::string_view data, std::vector<Record>& out, std::vector<RowError>& errors);

constexpr size_t kMaxCell = 64 * 1024;  // a longer cell is an error (a quoted one is taken for a stray quote)

// The same, one record at a time, from any offset (a record's `offset`, to read it again). Every physical line ends
// up in a record or in an error: a quote that runs over lines without closing properly is reported on the line it
// opened, with the number of lines it would take, and reading resumes on the next line. `expect` (the header's
// number of cells, 0 if unknown) marks a record that spans lines and has more cells as such a quote.
class Reader {
 public:
  Reader(std::string_view data, size_t offset, long line, int expect = 0)
      : d_(data), i_(offset), line_(line), expect_(expect) {}
  bool next(Record& rec, std::vector<RowError>& errors);
  size_t offset() const { return i_; }
  long line() const { return line_; }
  void expect(int cells) { expect_ = cells; }
  void on_progress(std::function<void(size_t)> f) { drop_ = std::move(f); }  // called with the offset read to

 private:
  enum class Fault { None, Line, Unclosed, Spans, Runaway };
  Fault record(Record& rec);
  std::string_view d_;
  size_t i_;
  long line_;
  int expect_, quote_column_ = 0;
  std::vector<RowError>* errors_ = nullptr;
  std::function<void(size_t)> drop_;
};

// Writing: every field quoted where it holds a comma, quote, CR, LF or leading/trailing space; records end CRLF.
void field(std::string& out, std::string_view s, bool first);
void row(std::string& out, const std::vector<std::string>& cells);
// A text cell that a spreadsheet would take for a formula (= + - @ at its start) gets a leading apostrophe.
std::string text_cell(std::string_view s);
inline const char* kBom = "\xEF\xBB\xBF";

// One applicant's rows of a claims CSV, as a situation.
struct Claim {
  std::string applicant;
  nlohmann::json situation;                           // {"city","as_of"?,"applicant":{…},"events":[…]}
  nlohmann::json claimed = nlohmann::json::object();  // claimed.<clause_id> columns
  std::vector<long> lines;                            // every row kept
  std::vector<long> event_lines;                      // per event of `situation`
  std::map<std::string, long> value_lines;  // "city", "as_of", "applicant/<field>", "claimed/<id>" -> line given
};

struct Columns {
  std::vector<std::string> names;    // the header as written
  std::map<std::string, int> index;  // canonical name ("applicant", "applicant.age", "rank" …) -> 1-based
  int of(const std::string& canonical) const {
    auto it = index.find(canonical);
    return it == index.end() ? 0 : it->second;
  }
};

// The header's reading: what each column holds.
enum class Kind {
  Applicant,
  City,
  AsOf,
  ApplicantKind,
  ApplicantField,
  Claimed,
  EventId,
  Type,
  Date,
  EventField,
  Ignored
};
struct Column {
  Kind kind = Kind::Ignored;
  std::string canonical, field;  // field: the applicant field, clause id or event field
};
struct Layout {
  Columns columns;
  std::vector<Column> cols;
};

// The header record. False, with `fatal` set, for unknown, repeated or missing columns.
bool read_header(const skillcalc::Model& m, const Record& head, Layout& layout, Refusal& fatal);
// The name a data record gives its applicant (trimmed; empty if none).
std::string applicant_of(const Layout& layout, const Record& rec);
// Data records (not the header) into claims, one per applicant in order of first appearance; rows left out go to
// `errors`; `rows` counts the records that are not blank.
void read_rows(const skillcalc::Model& m, const Layout& layout, const std::vector<Record>& records,
               std::vector<Claim>& claims, std::vector<RowError>& errors, long& rows);

// Reads a claims CSV (bytes as read from the file). False, with `fatal` set, when the file cannot be used at all
// (encoding, header); otherwise the claims in order of first appearance, and every row left out in `errors`.
bool read_claims(const skillcalc::Model& m, std::string_view data, std::vector<Claim>& claims, Columns& columns,
                 std::vector<RowError>& errors, long& rows, Refusal& fatal);

// Where a situation error (its JSON pointer) points in the CSV: line and column. `whole_claim` is set when the
// error concerns the applicant rather than one row; `event` to the event's index otherwise (-1 if none).
RowError locate(const Claim& c, const Columns& cols, const std::string& path, bool& whole_claim, int& event);

}  // namespace csv
