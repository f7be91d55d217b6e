// The former situation reader (nlohmann DOM), the reference of the parity tests.
#pragma once
#include "situation.hpp"

namespace skillcalc::dom {

bool parse_situation_dom(std::string_view text, Day today, const Model& m, Situation& out, InputError& err);

}  // namespace skillcalc::dom
