// The plain-language reason of an item ("explain" in the result), in Chinese and English: what happened, under which
// clause, who receives how much, and why an item is not paid as it stands. Written straight into reused buffers.
#pragma once
#include "evaluate.hpp"
#include "text_out.hpp"

namespace skillcalc {

// Appends the reason for `it` to w.zh and w.en.
void explain(Words& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it);

// Why an excluded item is not paid: the rule and the item it gives way to (explain_excluded.cpp).
void excluded_words(Words& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it);

// Why a stacking rule's winner counts more or less than its own money: another item's floor or ceiling, an earlier
// result perhaps paid already (explain_stacked.cpp).
void stacked_words(Words& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it);

// The question a field of an event asks, in both languages.
std::pair<std::string_view, std::string_view> field_label(const Model& m, const Event& e, const Path& p);

// The English `what` of a measure said of an organisation: its first verb in the singular (written at load).
std::string singular(const std::string& what);

}  // namespace skillcalc
