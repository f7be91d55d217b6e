// `skillcalc check`: the rules against their policy texts, and the golden cases against the rules.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "files.hpp"
#include "model.hpp"
#include "problems.hpp"

namespace skillcalc {

// Every quote (measures, period, stacking rules, caps, pools) must occur in its document's source.txt; returns how
// many quotes were compared.
size_t check_quotes(const Model& m, const std::vector<SourceFile>& sources, Problems& p);

}  // namespace skillcalc
