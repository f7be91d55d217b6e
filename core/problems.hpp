// Problems found in rule files: each with the file, the JSON pointer of the field and the reason in zh and en.
#pragma once
#include <string>
#include <vector>

namespace skillcalc {

struct Problem {
  std::string file, path, code, zh, en;
  int line = 0, column = 0;  // where in the file, when known (json_text.hpp)
};

struct Problems {
  std::vector<Problem> list;
  void add(const std::string& file, const std::string& path, const std::string& code, const std::string& zh,
           const std::string& en) {
    if (list.size() < 500) list.push_back({file, path, code, zh, en, 0, 0});
  }
  bool empty() const { return list.empty(); }
  std::string json_report(const char* what) const;  // {"ok":…, "problems":[…]}
};

}  // namespace skillcalc
