// The WebAssembly edge: the core's JSON-text entry points for JavaScript, and nothing else. Rules come from the
// embedded set, loaded once on first use. Every answer is JSON text, errors included; nothing is meant to escape as
// an exception (built without -fexceptions a C++ throw cannot be caught here: skillcalc.mjs turns it into the same
// internal_error answer).
//
// Answers are handed to JS as a Uint8Array view of the UTF-8 text in wasm memory, valid until the next call;
// skillcalc.mjs decodes it at once with TextDecoder. That is the same text embind's std::string conversion would
// give, without its copy and its two byte-by-byte scans in JS (about a tenth of an evaluation's time).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>
#include <utility>

#include "engine.hpp"
#include "files.hpp"
#include "skillcalc.hpp"

#ifndef SKILLCALC_VERSION
#define SKILLCALC_VERSION "0"
#endif

// The rules, loaded once on first use (null when they cannot be).
const skillcalc::Engine* skillcalc_wasm::engine() {
  static const std::unique_ptr<skillcalc::Engine> e = [] {
    std::string report;
    return skillcalc::Engine::load(skillcalc::embedded_rules(), &report);
  }();
  return e.get();
}

namespace {

using skillcalc_wasm::engine;

const char* const kInternal =
    "{\"ok\":false,\"error\":{\"code\":\"internal_error\",\"path\":\"\",\"zh\":\"计算器内部错误\","
    "\"en\":\"internal error in the calculator\"}}";
const char* const kNoRules =
    "{\"ok\":false,\"error\":{\"code\":\"internal_error\",\"path\":\"\",\"zh\":\"内置政策规则无法加载\","
    "\"en\":\"the built-in rules could not be loaded\"}}";

std::string last;  // the text the returned view points into; its capacity is kept from call to call

emscripten::val view_of_last() {
  return emscripten::val(
      emscripten::typed_memory_view(last.size(), reinterpret_cast<const unsigned char*>(last.data())));
}

template <class F>
emscripten::val answer(F f) {
  try {
    const skillcalc::Engine* e = engine();
    last = e ? f(*e) : std::string(kNoRules);
  } catch (...) {  // reached only in a build with -fexceptions
    last = kInternal;
  }
  return view_of_last();
}

// The result written straight into the answer buffer.
emscripten::val evaluate_as(const std::string& situation, const std::string& today, bool compact) {
  try {
    const skillcalc::Engine* e = engine();
    if (e)
      e->evaluate_into(last, situation, today, compact);
    else
      last = kNoRules;
  } catch (...) {  // reached only in a build with -fexceptions
    last = kInternal;
  }
  return view_of_last();
}

emscripten::val evaluate(const std::string& situation, const std::string& today) {
  return evaluate_as(situation, today, false);
}
// The compact result (README "Compact results").
emscripten::val evaluate_compact(const std::string& situation, const std::string& today) {
  return evaluate_as(situation, today, true);
}
// `cities`: a JSON array of city ids, or "" for every city with documents.
emscripten::val compare(const std::string& situation, const std::string& cities, const std::string& today) {
  return answer([&](const skillcalc::Engine& e) { return e.compare(situation, cities, today); });
}
emscripten::val catalog(const std::string& city) {
  return answer([&](const skillcalc::Engine& e) { return e.catalog(city); });
}
emscripten::val documents() {
  return answer([](const skillcalc::Engine& e) { return e.documents(); });
}
// {"ok":true,"version":"<project version>","rules_version":"<hash of the rule texts>"}
emscripten::val version() {
  return answer([](const skillcalc::Engine& e) {
    return std::string("{\"ok\":true,\"version\":\"" SKILLCALC_VERSION "\",\"rules_version\":\"") + e.rules_version() +
           "\"}";
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(skillcalc) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("evaluate_compact", &evaluate_compact);
  emscripten::function("compare", &compare);
  emscripten::function("catalog", &catalog);
  emscripten::function("documents", &documents);
  emscripten::function("version", &version);
}
