// The rows of a claims CSV as situations: one per applicant, its rows in the file's order (README "Claims in a
// spreadsheet"). Cells are typed by the vocabulary; a row that does not fit is reported by line and column and left
// out, the rest of its applicant kept.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "claims_columns.hpp"
#include "csv_read.hpp"
#include "model.hpp"

namespace csv {

// One applicant's rows of a claims CSV, as a situation.
struct Claim {
  std::string applicant;
  nlohmann::json situation;                           // {"city","as_of"?,"applicant":{…},"events":[…]}
  nlohmann::json claimed = nlohmann::json::object();  // claimed.<clause_id> columns
  std::vector<long> lines;                            // every row kept
  std::vector<long> event_lines;                      // per event of `situation`
  std::map<std::string, long> value_lines;  // "city", "as_of", "applicant/<field>", "claimed/<id>" -> line given
  // A row that names the applicant in another form (张　三 for 张三, ＡＢＣ公司 for ABC公司): its line and that form.
  std::vector<std::pair<long, std::string>> aliases;
  std::vector<std::pair<long, long>> alike;    // …the same once read (2025/8/1 and 2025-08-01, 技师 and technician)
  std::vector<std::pair<long, long>> repeats;  // a row the same as an earlier one of the file: its line, the earlier
};

// Data records (not the header) into claims, one per applicant in order of first appearance; rows left out go to
// `errors`; `rows` counts the records that are not blank.
void read_rows(const skillcalc::Model& m, const Layout& layout, const std::vector<Record>& records,
               std::vector<Claim>& claims, std::vector<RowError>& errors, long& rows);

// A row that says what the header says, cell by cell, case and white space aside (two exports joined, the second's
// header kept): no applicant's row.
bool repeats_header(const Columns& columns, const Record& rec);

// The city a row names, as an id (威海, 威海市 and weihai alike), or empty.
std::string city_of(const skillcalc::Model& m, const Columns& columns, const Record& rec);

// Where a situation error (its JSON pointer) points in the CSV: line and column. `whole_claim` is set when the
// error concerns the applicant rather than one row; `event` to the event's index otherwise (-1 if none).
RowError locate(const Claim& c, const Columns& cols, const std::string& path, bool& whole_claim, int& event);

}  // namespace csv
