// libFuzzer target (e): arbitrary bytes as a claims CSV (eval --csv, budget --csv: both passes, the evaluation and
// its retries) and as budget JSONL. Besides the sanitizers it aborts when a row goes missing: every data row that is
// not blank is in an evaluated applicant or in an error, exactly once.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "settle.hpp"
#include "skillcalc.hpp"

namespace {

const skillcalc::Engine& engine() {
  static std::string report;
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), &report);
  if (!e) std::abort();
  return *e;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  long accounted = 0;
  sheet::Handlers on;
  on.applicant = [&](sheet::Settled& s) {
    if (!s.result.empty()) accounted += static_cast<long>(s.claim.lines.size());
    for (auto& e : s.errors) accounted += e.rows_skipped;
  };
  on.row_error = [&](const csv::RowError& e) { accounted += e.rows_skipped; };
  csv::Layout layout;
  sheet::Counts counts;
  csv::Refusal fatal;
  if (sheet::settle_text(engine(), in, "2026-01-15", on, layout, counts, fatal) && accounted != counts.rows) {
    std::fprintf(stderr, "property broken: %ld rows, %ld accounted for\n", counts.rows, accounted);
    std::abort();
  }
  // The same bytes as budget claims, one per line.
  std::vector<std::string> claims;
  size_t start = 0;
  while (start < size && claims.size() < 64) {
    size_t end = in.find('\n', start);
    if (end == std::string_view::npos) end = size;
    claims.emplace_back(in.substr(start, end - start));
    start = end + 1;
  }
  std::string r = engine().budget(claims, "2026-01-15");
  if (r.find("\"internal_error\"") != std::string::npos) {
    std::fprintf(stderr, "property broken: internal_error from budget\n%.2000s\n", r.c_str());
    std::abort();
  }
  return 0;
}
