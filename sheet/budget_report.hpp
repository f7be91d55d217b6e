// The core's budget settlement as the command line writes it: its errors mapped back to the input's lines, and the
// settlement as JSON (one line) or as a CSV for a spreadsheet (README "All claims of a year").
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace sheet {

struct BudgetReport {
  std::string text;   // what goes to the output
  std::string notes;  // one line per error ("\n" after each), as on stderr
  long long errors = 0;
  int code = 0;  // 0; 2 for input errors; 1 for an internal error
};

// Where the k-th claim (0-based) lies in the input and what went wrong with it: the whole message line, given the
// error's JSON pointer and its text in Chinese and English.
using NoteFor =
    std::function<std::string(size_t k, const std::string& path, const std::string& zh, const std::string& en)>;

// `r`: the core's answer (Engine::budget); `csv`: the CSV table rather than the JSON line.
BudgetReport budget_report(const std::string& r, bool csv, const NoteFor& note_for);

}  // namespace sheet
