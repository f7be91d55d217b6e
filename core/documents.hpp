// The documents a result rests on, with their periods and a plain sentence on how current each is: shown beside the
// total, since an expired or unconfirmed document changes what the total is worth.
#pragma once
#include "evaluate.hpp"
#include "json_writer.hpp"
#include "text_out.hpp"

namespace skillcalc {

// A document's status on `as_of` (not_yet_in_force, expired, in_force_until, currency_unconfirmed, no_end_stated)
// and its sentence: the same in a result's "documents" and in `skillcalc documents`.
const char* document_status(const Document& d, Day as_of, Text& says);

// Writes each document's entry of "documents" for every status it can have, once, at load.
void prerender_documents(Model& m);

// Writes "documents": [ { id, number, title, from, to, status, says: { zh, en } } ] into the result object.
void documents_json(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev);

// A document's first day, written after its number: "的施行日期2019年4月30日" / " took effect on 30 April 2019"; where
// the text states none (Document::start_stated), "的印发日期2019年4月30日（原文未写明施行日期，按印发日期起算）" /
// " was issued on 30 April 2019 (it states no commencement date, so it applies from its date of issue)".
std::string start_zh(const Document& d);
std::string start_en(const Document& d);
// Its period, written after its number: "的施行期（2019年4月30日起）" / "的适用期（原文未写明施行日期，按印发日期
// 2019年4月30日起算）"; in English the words in brackets after "the period of 日人社字〔2019〕46号".
std::string period_zh(const Document& d);
std::string period_en(const Document& d);

// The events of a yearly total left out of their year for being outside the document's period (Evaluation::LeftOut),
// in one sentence: "贵单位于2019年3月1日的事件（共50人）早于…，不计入该年累计：本项只计该日及以后发生的事项。"
void left_out_words(Words& w, const Model& m, const Situation& s, const Evaluation::LeftOut& l);

}  // namespace skillcalc
