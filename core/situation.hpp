// A situation (DESIGN.md section 1), parsed and checked against the vocabulary. Bad input is an InputError with the
// JSON pointer of the field, never an exception.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model.hpp"

namespace skillcalc {

struct Field {
  std::string name;
  Value value;
  int id = -1;  // the name's symbol (symbols.hpp)
};

struct Fields {
  std::vector<Field> list;
  const Value* get(std::string_view name) const {
    for (auto& f : list)
      if (f.name == name) return &f.value;
    return nullptr;
  }
  // The field a rule's path names: by symbol where both have one, else by name.
  const Value* get(const Path& p) const {
    for (auto& f : list)
      if (p.id >= 0 && f.id >= 0 ? f.id == p.id : f.name == p.field) return &f.value;
    return nullptr;
  }
};

struct Event {
  std::string id, type, contest;
  int type_id = -1;  // `type` as a symbol (symbols.hpp)
  Day date = 0;
  bool dated = false;  // the date was given (else as_of is taken: a pooled claim's year then is not known)
  int index = 0;       // position in the input
  Fields fields;
  std::vector<std::string> asked;  // city-bound fields asked again in another city (city_bound.hpp)
  // A title's level lent by a skill-level event (lend_held_level), the title giving none: that event shows the
  // level's rights itself, so a measure's also_event does not read it here again.
  bool level_lent = false;
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

// A batch line with nothing to read: spaces and tabs only, after the byte-order mark an editor may put at the start
// of a file (a file of nothing but a BOM is one blank line, not bad JSON).
inline bool blank_line(std::string_view l) {
  if (l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);
  return l.find_first_not_of(" \t") == std::string_view::npos;
}

// A situation with nothing in it: white space and line breaks only, after a byte-order mark (empty_input, not bad
// JSON at byte 1).
inline bool empty_text(std::string_view t) {
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  return t.find_first_not_of(" \t\r\n") == std::string_view::npos;
}
inline InputError empty_input_error() {
  return {"empty_input", "", "输入为空：没有要测算的情形", "the input is empty: no situation to evaluate"};
}

// Ids in natural order, numbers by value ("e2" before "e10"): the order of a situation's events of one day.
bool natural_less(std::string_view a, std::string_view b);

// A person's title event whose own level is blank takes the highest level the person's skill-level events hold on
// as_of (parse_situation does this; so does any other reader of situations).
void lend_held_level(const Model& m, Situation& s);

bool parse_situation(std::string_view text, Day today, const Model& m, Situation& out, InputError& err);

}  // namespace skillcalc
