// The engine the WebAssembly entry points share: the embedded rules, loaded once on first use.
#pragma once
#include "skillcalc.hpp"

namespace skillcalc_wasm {

const skillcalc::Engine* engine();  // null when the rules cannot be loaded

}  // namespace skillcalc_wasm
