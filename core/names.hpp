// Applicants' names as people type them in spreadsheets: white space at either end (the unseen kinds pasted from web
// pages too), and the forms of one name that differ only in spaces, full-width letters, digits and brackets, or case.
#pragma once
#include <string>
#include <string_view>

namespace skillcalc {

// Without leading and trailing white space: ASCII space and tab, and the unseen kinds (names.cpp kUnseen).
std::string trim_unseen(std::string_view s);

// The key one applicant's name is grouped by: no white space anywhere (张　三 is 张三), full-width ASCII forms as
// ASCII (ＡＢＣ公司（烟台） is ABC公司(烟台)), ASCII letters in lower case.
std::string name_key(std::string_view s);

}  // namespace skillcalc
