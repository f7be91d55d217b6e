// A situation (DESIGN.md section 1), parsed and checked against the vocabulary. Bad input is an InputError with the
// JSON pointer of the field, never an exception.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model.hpp"

namespace skillcalc {

struct Fields {
  std::vector<std::pair<std::string, Value>> list;
  const Value* get(std::string_view name) const {
    for (auto& f : list)
      if (f.first.size() == name.size() && std::string_view(f.first) == name) return &f.second;
    return nullptr;
  }
};

struct Event {
  std::string id, type, contest;
  Day date = 0;
  int index = 0;  // position in the input
  Fields fields;
  std::vector<std::string> asked;  // city-bound fields asked again in another city (city_bound.hpp)
};

struct Situation {
  std::string city, kind;
  std::string home_city;  // the city the city-bound facts describe; "" or `city`: this one
  Day as_of = 0;
  Fields applicant;
  std::vector<std::string> asked;  // city-bound applicant fields asked again in another city (city_bound.hpp)
  std::vector<Event> events;       // sorted by date, then id: evaluation does not depend on input order
};

struct InputError {
  std::string code, path, zh, en;
};

// Limits on what a situation may hold; larger input is refused, not processed.
constexpr size_t kMaxSituationBytes = 256 * 1024;
constexpr int kMaxDepth = 16;
constexpr size_t kMaxEvents = 200;

// Deepest nesting of arrays and objects in JSON text, found before parsing so that a hostile input cannot exhaust
// the stack.
int json_nesting(std::string_view s);

bool parse_situation(std::string_view text, Day today, const Model& m, Situation& out, InputError& err);

}  // namespace skillcalc
