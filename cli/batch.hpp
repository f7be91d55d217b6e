// The batch commands: eval --csv (claims CSV in, items CSV out) and budget (JSONL or claims CSV in, pools out).
#pragma once
#include <string>

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
int run_budget(const skillcalc::Engine& e, const Options& o);

}  // namespace cli
