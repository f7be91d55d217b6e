// The batch commands: eval --csv (claims CSV in, items CSV out) and budget (JSONL or claims CSV in, pools out).
#pragma once
#include <string>
#include <string_view>

#include "output.hpp"
#include "skillcalc.hpp"

namespace cli {

struct Options {
  std::string path = "-", out_path, day, format = "json";
  bool quiet = false, as_csv = false;
  bool compact = false;  // eval, eval --jsonl: the compact result
  int threads = 1;       // eval --jsonl: threads answering (main sets the machine's cores unless --threads says)
};

int run_csv_eval(const skillcalc::Engine& e, const Options& o);

// Whether the first line of a file given as JSON reads as a claims CSV's header: no JSON value starts it, and commas
// part its columns (the header names them in English or Chinese). Such a file is meant for --csv.
bool looks_like_csv_header(std::string_view line);
// Whether a path names a CSV file: it ends in .csv, in any case (Windows writes CLAIMS.CSV).
bool csv_named(const std::string& path);
int run_budget(const skillcalc::Engine& e, const Options& o);

}  // namespace cli
