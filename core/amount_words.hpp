// The amount of one head and period of an item, in words (explain.cpp): "1000元", "最高2万元", "5万元的10%，即5000元".
#pragma once
#include "evaluate.hpp"
#include "text_out.hpp"

namespace skillcalc {

void unit_zh(TextBuf& o, const Amount& a, const Item& it);
void unit_en(TextBuf& o, const Amount& a, const Item& it);

}  // namespace skillcalc
