// A rules folder on disk: vocabulary.json and <doc>/rules.json (or <doc>/source.txt). A file that is there but
// cannot be read (a dangling link, a loop of links, no permission) or is larger than kMaxRuleFileBytes is a problem
// with its name, never skipped: a document must not vanish from a check that says ok.
#pragma once
#include <string>
#include <vector>

#include "problems.hpp"
#include "skillcalc.hpp"

namespace cli {

constexpr unsigned long long kMaxRuleFileBytes = 4ull << 20;  // 4 MiB: the largest file today is under 100 KiB

std::vector<skillcalc::SourceFile> read_folder(const std::string& dir, bool sources, skillcalc::Problems& problems);

}  // namespace cli
