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

#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "claim_lines.hpp"
#include "engine.hpp"
#include "files.hpp"
#include "json_tape.hpp"
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
emscripten::val evaluate_as(std::string_view situation, const std::string& today, bool compact) {
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
// The situation's text may instead be written by JS straight into wasm memory (TextEncoder.encodeInto into the view
// situation_room gives), then evaluated from there: embind's conversion of a JS string counts and writes its UTF-8
// in JS loops, a tenth of a compact evaluation. The room is kept from call to call; it only grows.
std::string room;
constexpr double kMaxRoom = 3.0 * 256 * 1024;  // three bytes for each UTF-16 unit of a situation at the JS limit

emscripten::val situation_room(double bytes) {
  if (bytes >= 0 && bytes <= kMaxRoom && room.size() < static_cast<size_t>(bytes))
    room.resize(static_cast<size_t>(bytes));
  return emscripten::val(emscripten::typed_memory_view(room.size(), reinterpret_cast<unsigned char*>(room.data())));
}
// The first `bytes` bytes of the room, evaluated as a situation.
emscripten::val evaluate_room(double bytes, const std::string& today, bool compact) {
  if (!(bytes >= 0 && bytes <= static_cast<double>(room.size()))) {
    last = kInternal;
    return view_of_last();
  }
  return evaluate_as(std::string_view(room.data(), static_cast<size_t>(bytes)), today, compact);
}

// The result as a tape (core/json_tape.hpp) for skillcalc.mjs to build its object from, with no JSON text to decode
// and parse: the strings' bytes, then the ops from a 4-byte boundary, then three 32-bit words: the strings' length,
// where the ops begin and how many there are. No ops: the answer is JSON text (an error).
skillcalc::TapeTable tape_table;
skillcalc::Tape tape{&tape_table, {}, false};

void append_tape(std::string& out, const skillcalc::TapeOps& ops) {
  size_t text = out.size();
  out.resize(text + 3 + ops.size() * 4 + 12);  // the last growth: the alignment found below stays
  size_t at = text;
  while ((reinterpret_cast<uintptr_t>(out.data()) + at) % 4) ++at;
  if (!ops.empty()) std::memcpy(&out[at], ops.data(), ops.size() * 4);
  size_t end = at + ops.size() * 4;
  uint32_t trailer[3] = {static_cast<uint32_t>(text), static_cast<uint32_t>(at), static_cast<uint32_t>(ops.size())};
  std::memcpy(&out[end], trailer, sizeof trailer);
  out.resize(end + sizeof trailer);
}

emscripten::val evaluate_tape(double bytes, const std::string& today, bool compact) {
  tape.ops.clear();
  try {
    const skillcalc::Engine* e = engine();
    if (!(bytes >= 0 && bytes <= static_cast<double>(room.size())))
      last = kInternal;
    else if (!e)
      last = kNoRules;
    else
      e->evaluate_tape(last, std::string_view(room.data(), static_cast<size_t>(bytes)), today, compact, tape);
  } catch (...) {  // reached only in a build with -fexceptions
    last = kInternal;
    tape.ops.clear();
  }
  append_tape(last, tape.ops);
  return view_of_last();
}
// The text of a key or fragment a tape names (its UTF-8; empty for an id the table does not have).
emscripten::val tape_entry(double id) {
  std::string_view s = id >= 0 && id < 4294967296.0 ? tape_table.entry(static_cast<uint32_t>(id)) : "";
  return emscripten::val(emscripten::typed_memory_view(s.size(), reinterpret_cast<const unsigned char*>(s.data())));
}

// `cities`: a JSON array of city ids, or "" for every city with documents.
emscripten::val compare(const std::string& situation, const std::string& cities, const std::string& today) {
  return answer([&](const skillcalc::Engine& e) { return e.compare(situation, cities, today); });
}
// The claims of a budget as lines: a JSONL text (`jsonl`: a blank line is no claim, as in a file) or a list's
// entries one a line (each one claim); the settlement as `skillcalc budget` writes it.
emscripten::val budget(const std::string& lines, const std::string& today, bool jsonl) {
  return answer(
      [&](const skillcalc::Engine& e) { return sheet::settle_lines(e, sheet::claim_lines(lines, jsonl), today); });
}
emscripten::val catalog(const std::string& city) {
  return answer([&](const skillcalc::Engine& e) { return e.catalog(city); });
}
emscripten::val documents(const std::string& today) {
  return answer([&](const skillcalc::Engine& e) { return e.documents(today); });
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
  emscripten::function("situation_room", &situation_room);
  emscripten::function("evaluate_room", &evaluate_room);
  emscripten::function("evaluate_tape", &evaluate_tape);
  emscripten::function("tape_entry", &tape_entry);
  emscripten::function("compare", &compare);
  emscripten::function("budget", &budget);
  emscripten::function("catalog", &catalog);
  emscripten::function("documents", &documents);
  emscripten::function("version", &version);
}
