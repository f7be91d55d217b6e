// The public face of the rule core. Every call takes and returns JSON text; none throws, touches files, the clock
// or the console. Errors come back as {"ok":false,"error":{"code","path","zh","en"}}.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "files.hpp"

namespace skillcalc {

struct Model;

struct Tape;  // json_tape.hpp

class Engine {
 public:
  // Loads the vocabulary and the rule files. On failure returns null and sets *report to a JSON report of every
  // problem found (file, JSON path, reason).
  static std::unique_ptr<Engine> load(const std::vector<SourceFile>& files, std::string* report);
  ~Engine();

  // One situation (DESIGN.md section 1) in, one result (section 2) out. `today` (YYYY-MM-DD) is the default as_of.
  std::string evaluate(std::string_view situation, std::string_view today) const;
  // The compact result (README "Compact results"): the items' ids, statuses, event ids, recipients, amounts, totals,
  // payers and flags, and the totals, as in the full result, without explanations, sources, claim parts,
  // documents, suggestions or notes. Errors are evaluate's, byte for byte.
  std::string evaluate_compact(std::string_view situation, std::string_view today) const;
  // evaluate (or evaluate_compact) into `out`, which is cleared first and keeps its capacity: a batch reuses one
  // buffer for every answer.
  void evaluate_into(std::string& out, std::string_view situation, std::string_view today, bool compact) const;
  // The answer written into `out` from byte `at` on (the bytes before are kept); returns the answer's end. `out` keeps
  // the size it has grown to, beyond the end: a batch writes answer after answer into one buffer and sends it on
  // whole, never copying an answer and never zero-filling the buffer again.
  size_t evaluate_at(std::string& out, size_t at, std::string_view situation, std::string_view today, bool compact,
                     Tape* tape = nullptr) const;
  // The result as a tape for JavaScript (json_tape.hpp): `out` gets the strings' bytes and `tape` the ops. An error,
  // or a result a tape cannot hold, is written as text into `out` instead, and `tape.ops` left empty.
  void evaluate_tape(std::string& out, std::string_view situation, std::string_view today, bool compact,
                     Tape& tape) const;
  // One situation under each city's documents (README "Compare"): `cities` is a JSON array of city ids, or empty
  // for every city with documents. Each city's result is byte for byte `evaluate` of the situation with that city.
  std::string compare(std::string_view situation, std::string_view cities, std::string_view today) const;
  // Many claims of a city and year in (each a situation, or {"id","situation","claimed_yuan"}), the settlement of
  // the city-wide pools out: budgets shared pro rata, quotas (README "Budget"; budget.cpp).
  std::string budget(const std::vector<std::string>& claims, std::string_view today) const;
  // The questions a page asks for one city, derived from the rule files.
  std::string catalog(std::string_view city) const;
  // The policy documents, with numbers, titles, dates, and their status and its sentence on `today` (YYYY-MM-DD), as a
  // result's "documents" gives them; without a day, on a day inside each one's period.
  std::string documents(std::string_view today = {}) const;
  // Per document: the measures encoded, non-monetary, unstated, target-only, with counts.
  std::string rules_summary() const;
  // Fidelity of the rules to the policy texts: every quote must occur in its document's source text.
  std::string check(const std::vector<SourceFile>& sources) const;
  // A short hash of the rule texts, so that a result names the rules it came from.
  const std::string& rules_version() const;

  const Model& model() const { return *model_; }

 private:
  explicit Engine(std::unique_ptr<Model> m);
  std::unique_ptr<Model> model_;
};

// Convenience for the edges: the problems of a rule set as a JSON report, including the fidelity check when
// sources are given. Never throws.
std::string check_rules(const std::vector<SourceFile>& files, const std::vector<SourceFile>& sources);

// `skillcalc check DIR`: the rule files, their quotes against the policy texts, and every golden case (files named
// "<folder>/cases.json") evaluated against these rules with `today` as the default as_of. One JSON report: ok,
// counts (documents, measures, quotes, cases), summary (zh, en), problems (file, line, JSON pointer, code, zh, en;
// a failing case names itself and what differs) and warnings (measures no case names). Never throws.
std::string check_folder(const std::vector<SourceFile>& files, const std::vector<SourceFile>& sources,
                         const std::vector<SourceFile>& cases, std::string_view today);

}  // namespace skillcalc
