// Reading a spreadsheet export: the encoding check (UTF-8 with or without BOM; GBK/GB18030 and UTF-16 are refused,
// never guessed) and an RFC 4180 record reader that can start again at any record's offset.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace csv {

// Why the bytes cannot be read as UTF-8 (GBK/GB18030, UTF-16 …), in Chinese and English; empty when they can.
// `bom` is set to the length of a UTF-8 byte-order mark to skip (0 or 3).
struct Refusal {
  std::string zh, en;
  bool refused() const { return !zh.empty(); }
};
// `progress`, when given, is called with the offset checked up to (every 8 MiB and at the end).
Refusal check_encoding(std::string_view data, size_t& bom, const std::function<void(size_t)>& progress = {});

// Whether bytes look like UTF-16 without a byte-order mark: many NUL bytes in their first KiB, at even or at odd
// offsets (a quarter of it or more), as text of ASCII characters saved as UTF-16LE or BE has.
bool looks_utf16(std::string_view head);

struct Record {
  long line = 0;      // the physical line the record starts on (1-based)
  size_t offset = 0;  // its first byte
  std::vector<std::string> cells;
  bool unended = false;  // ended by the end of the data, not by a line break (the file's last line, maybe cut short)
};

struct RowError {
  long line = 0;
  int column = 0;           // 1-based; 0 when the error concerns the whole row
  std::string column_name;  // as in the header
  std::string zh, en;
  long rows_skipped = 1;  // rows left out because of it
  std::string applicant;  // when the row names one
  std::string city = {};  // the city id the row names, when it does (the items CSV's city of its error row)
  std::vector<long> also =
      {};  // the other lines it leaves out (an applicant's fault: all its rows), for the output row
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
  // Whether a line that a quoted cell takes in reads as a row of the file (its city column names a city): only such a
  // line, with the header's commas, makes the cell one that took in rows; a note listing names is a note.
  void row_test(std::function<bool(std::string_view)> f) { row_test_ = std::move(f); }
  void on_progress(std::function<void(size_t)> f) { drop_ = std::move(f); }  // called with the offset read to
  // Called with each error of a malformed record and the cells read before its fault, so that the error can name
  // the applicant and the city that those cells give.
  using Namer = std::function<void(const std::vector<std::string>& cells, RowError& err)>;
  void name_faults(Namer f) { namer_ = std::move(f); }

 private:
  enum class Fault { None, Line, Unclosed, Spans, Swallows, Runaway };
  Fault record(Record& rec);
  std::string_view d_;
  size_t i_;
  long line_;
  int expect_, quote_column_ = 0;
  std::vector<RowError>* errors_ = nullptr;
  std::function<void(size_t)> drop_;
  std::function<bool(std::string_view)> row_test_;
  Namer namer_;
};

}  // namespace csv
