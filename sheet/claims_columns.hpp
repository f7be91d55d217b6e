// The header of a claims CSV: what each column holds (README "Claims in a spreadsheet"). Names are English ids or
// their Chinese aliases, in any order; unknown or repeated columns are refused, not ignored.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "csv_read.hpp"
#include "model.hpp"

namespace csv {

struct Columns {
  std::vector<std::string> names;    // the header as written
  std::map<std::string, int> index;  // canonical name ("applicant", "applicant.age", "rank" …) -> 1-based
  int of(const std::string& canonical) const {
    auto it = index.find(canonical);
    return it == index.end() ? 0 : it->second;
  }
};

enum class Kind {
  Applicant,
  City,
  AsOf,
  ApplicantKind,
  ApplicantField,
  Claimed,
  EventId,
  Type,
  Date,
  EventField,
  Ignored
};
struct Column {
  Kind kind = Kind::Ignored;
  std::string canonical, field;  // field: the applicant field, clause id or event field
};
struct Layout {
  Columns columns;
  std::vector<Column> cols;
};

// The header record. False, with `fatal` set, for unknown, repeated or missing columns.
bool read_header(const skillcalc::Model& m, const Record& head, Layout& layout, Refusal& fatal);
// The name a data record gives its applicant (trimmed; empty if none).
std::string applicant_of(const Layout& layout, const Record& rec);

}  // namespace csv
