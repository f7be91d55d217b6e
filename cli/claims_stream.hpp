// A claims CSV read in two passes over the mapped file, so that memory stays flat in the file's size while the rows
// of one applicant may lie anywhere in it: the first pass checks the encoding, reads the header and notes each row's
// offset and applicant; the second reads each applicant's rows again by offset, builds its situation and evaluates
// it. A row the core refuses is reported and its applicant evaluated again without it.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "csv.hpp"
#include "output.hpp"
#include "skillcalc.hpp"

namespace cli {

// One applicant, evaluated; or (claim.lines empty, result empty) only the rows that named it and were refused.
struct Settled {
  csv::Claim claim;
  std::string result;  // the result JSON; empty when the applicant was left out
  std::vector<csv::RowError> errors;
};

struct CsvCounts {
  long rows = 0;        // records after the header that are not blank, malformed ones included
  long blank = 0;       // blank records, skipped
  long applicants = 0;  // applicants named
};

struct CsvHandlers {
  std::function<void(Settled&)> applicant;              // per applicant, in order of first appearance
  std::function<void(const csv::RowError&)> row_error;  // a row no applicant can take (malformed, no name)
};

// False (with the reason on stderr) when the file cannot be used at all: unreadable, encoding, header.
bool settle_csv(const skillcalc::Engine& e, const std::string& path, const std::string& day, Progress& progress,
                const CsvHandlers& on, csv::Layout& layout, CsvCounts& counts);

// The same over bytes in memory (the fuzzers, the tests).
bool settle_csv_text(const skillcalc::Engine& e, std::string_view data, const std::string& day, const CsvHandlers& on,
                     csv::Layout& layout, CsvCounts& counts, csv::Refusal& fatal);

std::string where(const std::string& file, const csv::RowError& e);
std::string message(const std::string& file, const csv::RowError& e);

}  // namespace cli
