// The claims of a budget given as lines (JSONL, one claim a line), as `skillcalc budget FILE` and `calc.budget` read
// them: a blank line holds no claim, a line too large to read is left out and named in the settlement (by line).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "budget_report.hpp"

namespace sheet {

// The most a claim line may hold: a situation at its limit and room for the claim's id around it.
size_t max_claim_line_bytes();

struct ClaimLines {
  std::vector<std::string> claims;
  std::vector<long> line_of;         // the line of each claim
  std::vector<RowLeftOut> left_out;  // lines that never became a claim
  // Takes line `number` (without its line break); `overlong`: it was longer than max_claim_line_bytes() and cut.
  // With `skip_blank`, a line of spaces and tabs only is no claim (a file's blank line); without, it is one (an
  // entry of a list). What happened to it: a claim, nothing, or left out.
  enum class Taken { Claim, Blank, LeftOut };
  Taken take(std::string line, long number, bool overlong, bool skip_blank);
};

// Every line of `text` (LF or CRLF; a last line without its line break counts) through ClaimLines::take.
ClaimLines claim_lines(std::string_view text, bool skip_blank);

// Engine::budget of the claims, each error of a claim with its line, the lines left out added to its errors and the
// settlement marked incomplete (README "All claims of a year").
template <class Engine>
std::string settle_lines(const Engine& e, const ClaimLines& lines, std::string_view today) {
  std::string r = with_error_lines(
      e.budget(lines.claims, today),
      [&](size_t k, const std::string&) { return k < lines.line_of.size() ? lines.line_of[k] : 0L; },
      [](size_t) {
        return std::vector<long>{}; /* one line a claim: skipped_inputs names them */
      });
  // A line too large to read is a claim whose applicant is not known: one more applicant, with errors.
  return with_rows_left_out(r, lines.left_out, {static_cast<long>(lines.left_out.size())});
}

}  // namespace sheet
