// Gives the vocabulary's ids their symbols (symbols.hpp) and writes them into the rules: the field names of paths,
// the texts tests compare, the event type a measure meets. Run once at load, after the rules are linked.
#pragma once
#include "model.hpp"

namespace skillcalc {

void intern_model(Model& m);

}  // namespace skillcalc
