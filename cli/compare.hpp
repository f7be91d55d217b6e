// `skillcalc compare [--cities a,b] FILE|-`: one situation under each city's documents.
#pragma once
#include <string>

#include "batch.hpp"
#include "skillcalc.hpp"

namespace cli {

// "weihai,yantai" as the JSON array the core takes; "" stays "" (every city with documents).
std::string cities_json(const std::string& list);

// Reads the situation (o.path), writes the comparison to stdout or -o. Exit 0, 2 on an error object, 1 when the
// write failed or the core failed inside.
int run_compare(const skillcalc::Engine& e, const Options& o, const std::string& cities);

}  // namespace cli
