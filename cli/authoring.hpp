// The commands of a rule author: check a rules folder (rules, quotes, cases), lay out a new document's folder.
#pragma once
#include <string>
#include <vector>

#include "files.hpp"

// Every file named `name` one level below `dir` (dir/*/name), named "<folder>/<name>"; when `name` is rules.json,
// also dir/vocabulary.json, dir/claim.json and dir/*/claim.json.
std::vector<skillcalc::SourceFile> files_in_folder(const std::string& dir, const char* name);

// skillcalc check [DIR]: the JSON report on stdout, one line per problem (FILE:LINE: pointer) and a summary on
// stderr. Exit 0 when everything holds, 2 when not, 1 on an internal error.
int run_check(const std::string& dir, const std::string& today, bool quiet);

// skillcalc new CITY-YEAR [--text FILE] [--rules DIR]: a new folder with source.txt, a skeleton rules.json and an
// empty cases.json. `args` are the command's arguments after "new".
int run_new(const std::vector<std::string>& args, const std::string& rules_dir);
