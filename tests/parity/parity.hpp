// What a situation reader returns, written out in full (every field of the Situation, or the error), so that two
// readers can be compared byte for byte; and mutations of a situation's text for the parity tests.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "situation_dom.hpp"

namespace skillcalc::parity {

std::string describe(bool ok, const Situation& s, const InputError& e);

// The outcome of the streaming reader and of the former DOM reader on `text`; equal when they agree.
std::string streaming(const Model& m, std::string_view text);
std::string former(const Model& m, std::string_view text);

// Inputs derived from `text`: its bytes cut, doubled, replaced and broken (bad UTF-8, NUL, deep nesting, escapes,
// keys twice), and its values swapped for values of other types (huge numbers, full-width digits, null, containers).
// `seed` makes the mutations repeatable; about `n` of them.
std::vector<std::string> mutations(const std::string& text, uint64_t seed, size_t n);

}  // namespace skillcalc::parity
