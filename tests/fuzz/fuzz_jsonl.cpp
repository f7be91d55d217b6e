// libFuzzer target (d): arbitrary bytes as the input of eval --jsonl. Besides the sanitizers it aborts when the
// answers stop lining up with the input: one output line per input line, each a JSON object with a boolean "ok",
// each error naming its input line; and when three threads answer the same bytes differently from one.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "jsonl.hpp"
#include "skillcalc.hpp"

namespace {

const skillcalc::Engine& engine() {
  static std::string report;
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), &report);
  if (!e) std::abort();
  return *e;
}

[[noreturn]] void broken(const char* what, const std::string& out) {
  std::fprintf(stderr, "property broken: %s\noutput: %.2000s\n", what, out.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::istringstream in(text);
  std::string out;
  cli::Output sink(&out);
  cli::JsonlCounts n = cli::eval_jsonl(engine(), in, "2026-01-15", sink, nullptr, 0);
  long long lines = 0;
  for (char c : text) lines += c == '\n';
  if (!text.empty() && text.back() != '\n') ++lines;
  if (n.lines != lines) broken("not one answer per input line", out);
  std::istringstream answers(out);
  std::string a;
  long long k = 0, bad = 0;
  while (std::getline(answers, a)) {
    ++k;
    auto j = nlohmann::json::parse(a, nullptr, false);
    if (!j.is_object() || !j.contains("ok") || !j["ok"].is_boolean()) broken("an answer is not a result object", a);
    if (j["ok"] == false) {
      ++bad;
      if (!j.contains("line") || j["line"] != k) broken("an error does not name its input line", a);
      if (j["error"]["code"] == "internal_error") broken("internal_error", a);
    }
  }
  if (k != lines || bad != n.bad) broken("answers and counts disagree", out);
  std::istringstream again(text);
  std::string threaded;
  cli::Output sink3(&threaded);
  cli::JsonlCounts n3 = cli::eval_jsonl(engine(), again, "2026-01-15", sink3, nullptr, 0, false, 3);
  if (threaded != out || n3.lines != n.lines || n3.bad != n.bad) broken("three threads answer otherwise", threaded);
  return 0;
}
