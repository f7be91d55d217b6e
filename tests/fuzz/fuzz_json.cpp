// libFuzzer target: arbitrary bytes through the rules' fast JSON reader (core/json_fast.hpp) and nlohmann's strict
// parse. Aborts when the fast reader vouches for a text the strict parse refuses, or gives another document (the
// kind of every number included). Seeds: the rule files and the situations (tools/fuzz.sh).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../parity/json_same.hpp"
#include "json_fast.hpp"
#include "strict_json.hpp"

using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  json fast;
  if (!skillcalc::read_json_fast(text, fast)) return 0;
  skillcalc::JsonFault fault;
  if (skillcalc::strict_fault(text, fault)) {
    std::fprintf(stderr, "property broken: the fast reader took a text the strict parse refuses (%s)\n",
                 fault.en.c_str());
    std::abort();
  }
  json strict = json::parse(text, nullptr, false);
  if (strict.is_discarded() || !skillcalc::parity::same_json(fast, strict)) {
    std::fprintf(stderr, "property broken: the fast reader's document differs\nfast: %.2000s\nstrict: %.2000s\n",
                 fast.dump().c_str(), strict.dump().c_str());
    std::abort();
  }
  return 0;
}
