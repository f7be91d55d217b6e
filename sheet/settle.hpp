// A claims CSV read in two passes over its bytes, so that memory stays flat in the file's size while the rows of
// one applicant may lie anywhere in it: the first pass checks the encoding, reads the header and notes each row's
// offset and applicant; the second reads each applicant's rows again by offset, builds its situation and evaluates
// it. A row the core refuses is reported and its applicant evaluated again without it. The second pass goes one
// applicant at a time (step()), so that a caller can report progress, write output as it comes, or stop.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "claims_columns.hpp"
#include "claims_rows.hpp"
#include "csv_read.hpp"
#include "skillcalc.hpp"

namespace sheet {

// The bytes being read. In memory by default; the command line's mapped file gives pages back as they are read.
class Source {
 public:
  explicit Source(std::string_view data) : data_(data) {}
  virtual ~Source() = default;
  std::string_view data() const { return data_; }
  virtual void release(size_t /*upto*/) {}  // the bytes before `upto` are not needed again soon
  virtual void release_all() {}
  // Up to `want` bytes from `offset`; `buf` may hold them.
  virtual std::string_view read_at(size_t offset, size_t want, std::string& /*buf*/) const {
    return data_.substr(offset, want);
  }

 private:
  std::string_view data_;
};

// One applicant, evaluated; or (claim.lines empty, result empty) only the rows that named it and were refused.
struct Settled {
  csv::Claim claim;
  std::string result;  // the result JSON; empty when the applicant was left out
  std::vector<csv::RowError> errors;
};

struct Counts {
  long rows = 0;        // records after the header that are not blank, malformed ones included
  long blank = 0;       // blank records, skipped
  long applicants = 0;  // applicants named
  // The file's last line when it ends with no line break and has every cell (one with fewer is an error of its
  // row): a file cut short there would have cut its last cell, which is quoted in a warning. 0: no such line.
  long unended_line = 0;
  std::string unended_cell;
};

struct Handlers {
  std::function<void(Settled&)> applicant;              // per applicant, in order of first appearance
  std::function<void(const csv::RowError&)> row_error;  // a row no applicant can take (malformed, no name)
};

class Settler {
 public:
  Settler(const skillcalc::Engine& e, Source& src, std::string day, Handlers on)
      : e_(e), src_(src), day_(std::move(day)), on_(std::move(on)) {}
  // Pass 1. False, with `fatal` set, when the bytes cannot be used at all (encoding, header).
  bool open(csv::Refusal& fatal);
  // Pass 2: the next applicant (its rows read again, evaluated, handed to `on.applicant`). False when all are done.
  bool step();
  size_t done() const { return next_; }
  size_t total() const { return starts_.size(); }
  const csv::Layout& layout() const { return layout_; }
  const Counts& counts() const { return counts_; }

 private:
#pragma pack(push, 4)
  struct Entry {      // a data record of the first pass: 20 bytes
    uint64_t hash;    // its applicant's name, hashed: the rows of one applicant share it
    uint64_t offset;  // its first byte
    uint32_t line;
  };
#pragma pack(pop)
  bool read_head(csv::Reader& reader, csv::Refusal& fatal);
  void index_rows(csv::Reader& reader);
  void group();
  void read_again(const Entry& en, csv::Record& rec);

  const skillcalc::Engine& e_;
  Source& src_;
  std::string day_;
  Handlers on_;
  csv::Layout layout_;
  Counts counts_;
  int expect_ = 0;                                  // the header's number of cells
  std::function<bool(std::string_view)> row_test_;  // a line that reads as a row (its city column names a city)
  std::vector<Entry> entries_;                      // every data record, grouped by applicant
  std::vector<uint32_t> starts_;  // where each applicant's rows begin in entries_, in order of first appearance
  size_t next_ = 0;
  std::vector<csv::Record> records_;
  std::string buf_;
};

// Both passes over bytes in memory (the fuzzers, the tests). False, with `fatal` set, as Settler::open.
bool settle_text(const skillcalc::Engine& e, std::string_view data, const std::string& day, const Handlers& on,
                 csv::Layout& layout, Counts& counts, csv::Refusal& fatal);

// A row error as the command line reports it: "FILE:LINE[:COLUMN (name)]" and ": 中文 / English".
std::string where(const std::string& file, const csv::RowError& e);
std::string message(const std::string& file, const csv::RowError& e);

}  // namespace sheet
