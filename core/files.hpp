// A named text: a rule file, the vocabulary or a policy text. The core takes these; loading them from a folder, from
// the embedded set or from fetch() is the caller's business.
#pragma once
#include <string>
#include <vector>

namespace skillcalc {

struct SourceFile {
  std::string name;  // path relative to the rules folder, e.g. "weihai-2025/rules.json"
  std::string text;
};

std::vector<SourceFile> embedded_rules();    // generated at build time from rules/
std::vector<SourceFile> embedded_sources();  // the policy texts, native builds only
std::vector<SourceFile> embedded_cases();    // the golden cases (<folder>/cases.json), native builds only

}  // namespace skillcalc
