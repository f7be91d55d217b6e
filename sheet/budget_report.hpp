// The core's budget settlement as the command line writes it: its errors mapped back to the input's lines, and the
// settlement as JSON (one line) or as a CSV for a spreadsheet (README "All claims of a year").
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

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

// A row of the claims CSV that never became a claim (README "All claims of a year"): settled without it.
struct RowLeftOut {
  long line = 0;
  int column = 0;
  std::string column_name, applicant, zh, en;
  long rows = 1;
  std::string city = {};        // the city id the row names, when it does
  std::vector<long> also = {};  // the other lines left out with it (an applicant's fault: all its rows)
};

// The core's answer with each error of a claim ("input": k, 1-based) given the line of the input it comes from as
// well ("line", right after "input", where `line_for(k - 1, path)` gives one above 0), so that a settlement file names
// the line a clerk can find, not only the claim's number; and, where the claim is several rows, every one of them
// ("lines", `lines_of(k - 1)`), all left out with it. `r` as it is when it has no such error.
using LineFor = std::function<long(size_t k, const std::string& path)>;
using LinesOf = std::function<std::vector<long>(size_t k)>;
std::string with_error_lines(const std::string& r, const LineFor& line_for, const LinesOf& lines_of);

// Whose the rows left out are, for the summary's counts of applicants: `unread`, applicants none of whose rows became
// a claim (a claims CSV's applicant whose every row was left out, a JSONL line too large to read), each an applicant
// with errors the core never saw; `claims`, the claims (0-based) some of whose rows were left out, each an applicant
// with errors unless the core refused the claim as well.
struct LeftOutOf {
  long unread = 0;
  std::vector<size_t> claims = {};
};

// The core's answer with the rows left out before it added to its errors (by "line", not "input"), counted in its
// summary (errors, rows_left_out, and their applicants in applicants and applicants_with_errors) and the settlement
// marked incomplete. `r` as it is when there are none.
std::string with_rows_left_out(const std::string& r, const std::vector<RowLeftOut>& rows, const LeftOutOf& of);

}  // namespace sheet
