// libFuzzer target (a): arbitrary bytes as a situation, evaluated by an Engine over the embedded rules; the same
// bytes (and the situation's city, when it has one) as the city of a catalog. Besides the sanitizers, it aborts when
// a documented property breaks: every answer is JSON, errors are data (never internal_error), input over the size
// limit is refused, totals are ordered, the same input gives the same bytes, and the result's tape for JavaScript
// (core/json_tape.hpp) reads back as its text, byte for byte.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "../parity/tape_text.hpp"
#include "situation.hpp"
#include "skillcalc.hpp"

namespace {

const skillcalc::Engine& engine() {
  static std::string report;
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), &report);
  if (!e) {
    std::fprintf(stderr, "the embedded rules do not load: %s\n", report.c_str());
    std::abort();
  }
  return *e;
}

[[noreturn]] void broken(const char* what, const std::string& out) {
  std::fprintf(stderr, "property broken: %s\noutput: %.2000s\n", what, out.c_str());
  std::abort();
}

// The output must be a JSON object with a boolean "ok"; an error must carry a code that is not internal_error.
nlohmann::json checked(const std::string& out) {
  auto j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("ok") || !j["ok"].is_boolean())
    broken("output is not a result object", out);
  if (j["ok"] == false) {
    const auto& e = j["error"];
    if (!e.is_object() || !e.contains("code") || !e["code"].is_string() || !e.contains("path") ||
        !e["path"].is_string())
      broken("error without code and path", out);
    if (e["code"] == "internal_error") broken("internal_error (an exception reached the boundary)", out);
  }
  return j;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const skillcalc::Engine& e = engine();
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string out = e.evaluate(in, "2026-01-15");
  nlohmann::json r = checked(out);
  if (size > skillcalc::kMaxSituationBytes && (r["ok"] != false || r["error"]["code"] != "too_large"))
    broken("input over the size limit was not refused as too_large", out);
  if (r["ok"] == true) {
    const auto& t = r["totals"];
    if (!t["min_yuan"].is_number_integer() || !t["max_yuan"].is_number_integer() ||
        t["min_yuan"].get<long long>() < 0 || t["min_yuan"].get<long long>() > t["max_yuan"].get<long long>())
      broken("totals are not 0 <= min <= max", out);
    if (e.evaluate(in, "2026-01-15") != out) broken("the same input gave different bytes", out);
    static skillcalc::TapeTable table;
    skillcalc::Tape tape;
    tape.table = &table;
    std::string strings;
    e.evaluate_tape(strings, in, "2026-01-15", false, tape);
    if (tape.ops.empty() || test::tape_text(tape, strings) != out)
      broken("the tape does not read back as the text", out);
  }
  // The catalog with an arbitrary city string: a prefix of the input, and the situation's own city.
  checked(e.catalog(in.substr(0, 64)));
  if (size <= 4096) {
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_object() && j.contains("city") && j["city"].is_string()) checked(e.catalog(j["city"].get<std::string>()));
  }
  return 0;
}
