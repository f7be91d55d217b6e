// A claims CSV through `eval --csv` or `budget`, as the command line runs it, in steps: the output and the messages
// (what the command line writes to stdout and stderr) come out as they are produced, so that the caller can write
// them away, report progress, or stop. The command line and the page both run this, so they agree byte for byte.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "budget_report.hpp"
#include "items.hpp"
#include "settle.hpp"

namespace sheet {

struct JobOptions {
  std::string file;        // the input's name as the row messages give it ("<stdin>" for stdin)
  std::string path;        // … and as a refused file's message gives it ("-" for stdin); empty: `file`
  std::string day;         // YYYY-MM-DD: the default as_of
  bool budget = false;     // settle the budgets and quotas instead of listing items
  bool budget_csv = true;  // the settlement as CSV (else the JSON line)
};

class Job {
 public:
  Job(const skillcalc::Engine& e, Source& src, JobOptions o);
  // Pass 1. False when the file cannot be used at all (the reason is in `notes`, code() is 2).
  bool open();
  // Pass 2, up to `applicants` more. False once every applicant is done.
  bool step(size_t applicants);
  // After the last step: the closing rows, the budget settled, the summary (items only: a budget's summary names
  // its time, which the caller measures).
  void finish();

  std::string out;    // output produced and not yet taken: the caller appends it where it goes and clears it
  std::string notes;  // messages, one line each ending "\n", likewise
  std::vector<csv::RowError> reported;  // the rows and claims reported in `notes`, likewise (for a list on a page)
  // Called when what waits to be taken has grown large (1 MiB of text, 4,096 rows reported), so that a caller that
  // writes as it goes (the command line) takes it at once, even within a pass: a file of 100,000 malformed rows is
  // otherwise held whole until the first pass ends. Unset (the page), it waits for the caller's next look.
  std::function<void()> spill;

  int code() const { return code_; }  // the exit code: 0; 2 for rows left out or a refused file; 1 internal
  size_t done() const { return settler_.done(); }
  size_t total() const { return settler_.total(); }
  const Counts& counts() const { return settler_.counts(); }
  long long errors() const { return errors_; }           // rows and claims reported
  size_t claims() const { return claim_count_; }         // budget: the claims settled
  bool settled() const { return answered_; }             // budget: the core answered with a settlement
  const std::string& answer() const { return answer_; }  // budget: the core's JSON answer
  const ItemWriter& items() const { return items_; }     // items: what was written

 private:
  void on_applicant(Settled& s);
  void warn_repeats(const Settled& s);
  void on_row_error(const csv::RowError& err);
  void report(const csv::RowError& err);
  void emit();
  void spill_if_large();
  void finish_budget();
  void warn_unended();

  const skillcalc::Engine& e_;
  JobOptions o_;
  Settler settler_;
  ItemWriter items_;
  bool started_ = false, answered_ = false;
  int code_ = 0;
  long long errors_ = 0;
  size_t claim_count_ = 0;
  std::vector<std::string> claims_;   // budget: one claim per applicant kept
  std::vector<Settled> kept_;         // its rows' lines, to name them in the budget's errors
  std::vector<RowLeftOut> left_out_;  // budget: rows that never became part of a claim
  LeftOutOf left_out_of_;             // … and whose they are
  std::string answer_;
};

}  // namespace sheet
