// The claims spreadsheet's WebAssembly entry points (skillcalc.mjs wraps them as calc.sheet()): a claims CSV through
// `eval --csv` or `budget`, run by the same sheet::Job as the command line, one step of applicants at a time so that
// a page can show progress and stay responsive. One job at a time: the bytes are copied into a buffer here
// (sheet_input), read in place by both passes, and freed by sheet_close. What a step produces (output bytes,
// messages, rows left out) is taken by sheet_take as a view into wasm memory, valid until the next call.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "engine.hpp"
#include "job.hpp"

namespace {

constexpr double kMaxInput = 1024.0 * 1024 * 1024;  // 1 GiB: wasm32 memory is at most 2 GiB here

struct Slot {
  std::string input;
  std::unique_ptr<sheet::Source> src;
  std::unique_ptr<sheet::Job> job;
  std::string taken;  // what the last view points into
};

Slot& slot() {
  static Slot s;
  return s;
}

emscripten::val view(const std::string& s) {
  return emscripten::val(emscripten::typed_memory_view(s.size(), reinterpret_cast<const unsigned char*>(s.data())));
}

emscripten::val text(std::string s) {
  slot().taken = std::move(s);
  return view(slot().taken);
}

const char* const kNoJob =
    "{\"ok\":false,\"error\":{\"code\":\"internal_error\",\"path\":\"\",\"zh\":\"没有正在进行的表格计算\","
    "\"en\":\"no spreadsheet job is running\"}}";
const char* const kNoRules =
    "{\"ok\":false,\"error\":{\"code\":\"internal_error\",\"path\":\"\",\"zh\":\"内置政策规则无法加载\","
    "\"en\":\"the built-in rules could not be loaded\"}}";

// Where the job stands: {"ok":true,"opened","more","done","total","rows","blank","applicants","errors","items",
// "none","skipped","code","claims","settled"}.
emscripten::val status(bool opened, bool more) {
  const sheet::Job& j = *slot().job;
  const sheet::Counts& c = j.counts();
  nlohmann::json s = {{"ok", true},
                      {"opened", opened},
                      {"more", more},
                      {"done", j.done()},
                      {"total", j.total()},
                      {"rows", c.rows},
                      {"blank", c.blank},
                      {"applicants", c.applicants},
                      {"errors", j.errors()},
                      {"items", j.items().items},
                      {"none", j.items().empty},
                      {"skipped", j.items().skipped},
                      {"code", j.code()},
                      {"claims", j.claims()},
                      {"settled", j.settled()}};
  return text(s.dump());
}

void sheet_close() {
  Slot& s = slot();
  s.job.reset();
  s.src.reset();
  std::string().swap(s.input);
  std::string().swap(s.taken);
}

// A buffer of `size` bytes for the CSV, to be filled from JS; empty when it is too large to hold.
emscripten::val sheet_input(double size) {
  sheet_close();
  if (!(size >= 0 && size <= kMaxInput)) return text("");
  Slot& s = slot();
  s.input.resize(static_cast<size_t>(size));
  return view(s.input);
}

// `mode`: "items" (eval --csv), "budget_csv" or "budget_json" (budget --format csv|json). `name` is the file's name
// as the messages give it; `today` the default as_of.
emscripten::val sheet_open(const std::string& name, const std::string& today, const std::string& mode) {
  const skillcalc::Engine* e = skillcalc_wasm::engine();
  if (!e) return text(kNoRules);
  Slot& s = slot();
  s.job.reset();
  s.src = std::make_unique<sheet::Source>(s.input);
  sheet::JobOptions o{name, name, today, mode != "items", mode != "budget_json"};
  s.job = std::make_unique<sheet::Job>(*e, *s.src, o);
  bool opened = s.job->open();
  return status(opened, opened && s.job->total() > 0);
}

emscripten::val sheet_step(int applicants) {
  if (!slot().job) return text(kNoJob);
  bool more = slot().job->step(applicants > 0 ? static_cast<size_t>(applicants) : 1);
  return status(true, more);
}

emscripten::val sheet_finish() {
  if (!slot().job) return text(kNoJob);
  slot().job->finish();
  return status(true, false);
}

// "out": the output bytes produced since the last take; "notes": the messages (the command line's stderr lines);
// "errors": the rows left out, as JSON [{"line","column","column_name","zh","en","applicant"}]; "answer": a budget's
// JSON answer. Each is handed over once.
emscripten::val sheet_take(const std::string& what) {
  Slot& s = slot();
  if (!s.job) return text("");
  sheet::Job& j = *s.job;
  if (what == "out" || what == "notes") {
    std::string& from = what == "out" ? j.out : j.notes;
    s.taken.swap(from);  // `from` keeps the old buffer, emptied: no copy, no growth
    from.clear();
    return view(s.taken);
  }
  if (what == "answer") return text(j.answer());
  nlohmann::json list = nlohmann::json::array();
  for (auto& r : j.reported)
    list.push_back({{"line", r.line},
                    {"column", r.column},
                    {"column_name", r.column_name},
                    {"zh", r.zh},
                    {"en", r.en},
                    {"applicant", r.applicant}});
  j.reported.clear();
  return text(list.dump());
}

}  // namespace

EMSCRIPTEN_BINDINGS(skillcalc_sheet) {
  emscripten::function("sheet_input", &sheet_input);
  emscripten::function("sheet_open", &sheet_open);
  emscripten::function("sheet_step", &sheet_step);
  emscripten::function("sheet_finish", &sheet_finish);
  emscripten::function("sheet_take", &sheet_take);
  emscripten::function("sheet_close", &sheet_close);
}
