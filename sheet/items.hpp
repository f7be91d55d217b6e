// The items CSV of `eval --csv`: one row per item of each applicant's result (or one "none" row), then a row per
// row left out, with the message the command line prints for it (README "Claims in a spreadsheet").
#pragma once
#include <string>

#include "settle.hpp"

namespace sheet {

// The header row, with the UTF-8 byte-order mark in front.
std::string items_header();

// Writes the rows of each applicant into `text`, and the message of each row left out (one line each, ending "\n",
// as on the command line's stderr) into `notes`. The caller takes both away after each call.
struct ItemWriter {
  std::string file;                         // the input's name as the messages give it
  const skillcalc::Model* model = nullptr;  // the rules: what kind of pool an item counts in
  std::string text, notes;
  long long items = 0, empty = 0, errors = 0, skipped = 0;

  void applicant(const Settled& s);
  void row_error(const csv::RowError& err) { error_row(err.applicant, err.city, err); }
  // The closing summary line ("eval --csv: N rows …", no newline).
  std::string summary(const Counts& counts) const;

 private:
  void error_row(const std::string& applicant, const std::string& city, const csv::RowError& err);
  void items_of(const Settled& s, const std::string& city);
  // A row of status `none` for `lines`: rows that gave no item.
  void none_row(const Settled& s, const std::string& city, const std::vector<long>& lines, const char* note);
  void plain_row(const std::string& applicant, const std::string& city, const std::string& lines, const char* status,
                 const char* total, const std::string& note);
};

}  // namespace sheet
