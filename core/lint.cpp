// Authoring checks (see lint.hpp and rules/FORMAT.md "What check refuses").
#include "lint.hpp"

namespace skillcalc {

void lint_rule_file(const nlohmann::json& j, const std::string& file, Problems& p) {
  if (!j.is_object()) return;
  std::string doc_id;
  if (auto d = j.find("document"); d != j.end() && d->is_object())
    if (auto id = d->find("id"); id != d->end() && id->is_string()) doc_id = id->get<std::string>();
  auto ms = j.find("measures");
  if (ms == j.end() || !ms->is_array()) return;
  for (size_t i = 0; i < ms->size(); ++i) {
    const auto& x = (*ms)[i];
    if (!x.is_object()) continue;
    std::string at = "/measures/" + std::to_string(i);
    // A monthly or yearly payment must say how many periods: a number, count_from, or null for "the text states no
    // term" (the total is then unknown and the result says so). Without the key the author has not decided.
    if (auto s = x.find("schedule"); s != x.end() && s->is_object()) {
      auto kind = s->find("kind");
      bool periodic = kind != s->end() && kind->is_string() && (*kind == "monthly" || *kind == "yearly");
      if (periodic && !s->contains("count") && !s->contains("count_from"))
        p.add(file, at + "/schedule", "missing_count",
              "按月或按年发放须写明期数：\"count\": N；原文没写期限时写 \"count\": null（总额未知，不计入合计）",
              "a monthly or yearly payment needs its number of periods: \"count\": N, or \"count\": null where the "
              "text states no term (the total is then unknown and left out of the totals)");
    }
    // Measure ids start with their document's id, so that two documents never share one.
    if (auto id = x.find("id"); !doc_id.empty() && id != x.end() && id->is_string()) {
      const std::string& s = id->get_ref<const std::string&>();
      if (s.rfind(doc_id + "-", 0) != 0)
        p.add(file, at + "/id", "bad_id", "措施标识“" + s + "”须以本文件的标识“" + doc_id + "-”开头",
              "measure id '" + s + "' must start with the document's id '" + doc_id + "-'");
    }
  }
}

void lint_documents(const Model& m, Problems& p) {
  for (size_t b = 0; b < m.documents.size(); ++b)
    for (size_t a = 0; a < b; ++a) {
      const Document &x = m.documents[a], &y = m.documents[b];
      if (x.number.empty() || x.number != y.number) continue;
      p.add(y.folder + "/rules.json", "/document/number", "duplicate_number",
            "文号“" + y.number + "”已用于 " + x.folder + "（" + x.id + "）：一个文号只对应一份文件",
            "document number '" + y.number + "' is already used by " + x.folder + " (" + x.id +
                "): one number is one document");
    }
}

}  // namespace skillcalc
