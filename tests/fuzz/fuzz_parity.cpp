// libFuzzer target: arbitrary bytes through the streaming situation reader and the former DOM reader
// (tests/parity/situation_dom.cpp). Aborts when they differ in anything: the Situation they build, or the error's
// code, JSON pointer, zh or en. Seeds: the situation corpus (tools/fuzz.sh).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../parity/parity.hpp"
#include "skillcalc.hpp"

namespace {

const skillcalc::Model& model() {
  static std::string report;
  static auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), &report);
  if (!e) {
    std::fprintf(stderr, "the embedded rules do not load: %s\n", report.c_str());
    std::abort();
  }
  return e->model();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  model();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string now = skillcalc::parity::streaming(model(), in), was = skillcalc::parity::former(model(), in);
  if (now != was) {
    std::fprintf(
        stderr, "property broken: the streaming reader differs from the DOM reader\nstreaming: %.2000s\nDOM: %.2000s\n",
        now.c_str(), was.c_str());
    std::abort();
  }
  return 0;
}
