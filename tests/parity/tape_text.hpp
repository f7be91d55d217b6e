// A tape (core/json_tape.hpp) written back as JSON text, as the core's writer writes text: what the tests compare
// with the result's own text, byte for byte. The C++ twin of skillcalc.mjs's readTape.
#pragma once
#include <string>
#include <string_view>

#include "json_tape.hpp"

namespace test {

// The JSON text of `tape`, its strings `strings` (UTF-16LE); throws std::runtime_error on a tape that does not read.
std::string tape_text(const skillcalc::Tape& tape, std::string_view strings);

}  // namespace test
