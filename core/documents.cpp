#include "documents.hpp"

#include "day.hpp"
#include "text_out.hpp"

namespace skillcalc {

std::string start_zh(const Document& d) {
  return d.start_stated ? "的施行日期" + day_zh(d.from)
                        : "的印发日期" + day_zh(d.from) + "（原文未写明施行日期，按印发日期起算）";
}

std::string start_en(const Document& d) {
  return d.start_stated ? " took effect on " + day_en(d.from)
                        : " was issued on " + day_en(d.from) +
                              " (it states no commencement date, so it applies from its date of issue)";
}

std::string period_zh(const Document& d) {
  std::string to = d.to == kNoEnd ? "" : "至" + day_zh(d.to);
  return d.start_stated ? "的施行期（" + day_zh(d.from) + (to.empty() ? "起" : to) + "）"
                        : "的适用期（原文未写明施行日期，按印发日期" + day_zh(d.from) + "起算" + to + "）";
}

std::string period_en(const Document& d) {
  std::string to = d.to == kNoEnd ? " onwards" : " to " + day_en(d.to);
  return d.start_stated ? day_en(d.from) + to
                        : "from its date of issue, " + day_en(d.from) + to + ": the text states no commencement date";
}

namespace {

// The documents of the result's items; when it has none, those of the city in force on as_of.
std::vector<int> used_documents(const Model& m, const Situation& s, const Evaluation& ev) {
  std::vector<char> used(m.documents.size(), 0);
  for (const Item& it : ev.items) used[m.measures[it.measure].doc] = 1;
  std::vector<int> out;
  const std::vector<int>& city = m.docs_of_city(s.city);
  for (int d : city)
    if (used[d]) out.push_back(d);
  if (out.empty())
    for (int d : city)
      if (s.as_of >= m.documents[d].from && s.as_of <= m.documents[d].to) out.push_back(d);
  return out;
}

}  // namespace

// `status` and its sentence: not yet in force, expired, in force to a stated end (and nothing after it has a basis in
// the document), or no end stated (its currency unconfirmed, with the document's own word on it where it has one).
const char* document_status(const Document& d, Day as_of, Text& says) {
  if (as_of < d.from) {
    says =
        d.start_stated
            ? Text{d.number + "自" + day_zh(d.from) + "起施行，测算日期时尚未施行。",
                   d.number + " applies from " + day_en(d.from) + "; it was not yet in force on the day asked about."}
            : Text{d.number + "原文未写明施行日期，按印发日期" + day_zh(d.from) + "起算，测算日期时尚未到该日。",
                   d.number + " states no commencement date and is taken to apply from its date of issue, " +
                       day_en(d.from) + "; the day asked about is before that."};
    return "not_yet_in_force";
  }
  if (d.to != kNoEnd && as_of > d.to) {
    says = {d.number + "有效期已于" + day_zh(d.to) +
                "届满：此后发生的事件在该文件中没有依据，之前的事项请尽快向主管部门核实能否申领。",
            d.number + " expired on " + day_en(d.to) +
                ": events after it have no basis in it; for earlier events ask "
                "the bureau soon whether they can still be claimed."};
    return "expired";
  }
  if (d.to != kNoEnd) {
    says = {d.number + "有效期至" + day_zh(d.to) + "：此后发生的事件在该文件中没有依据。",
            d.number + " is in force until " + day_en(d.to) + ": events after that day have no basis in it."};
    return "in_force_until";
  }
  if (!d.currency.zh.empty()) {
    says = d.currency;
    return "currency_unconfirmed";
  }
  says = d.start_stated
             ? Text{d.number + "自" + day_zh(d.from) + "起施行，未规定失效日期，本计算按其仍然有效处理。",
                    d.number + " applies from " + day_en(d.from) +
                        " and states no end date; it is taken to be still in force."}
             : Text{d.number + "原文未写明施行日期，按印发日期" + day_zh(d.from) +
                        "起算；也未规定失效日期，本计算按其仍然有效处理。",
                    d.number + " states no commencement date and is taken to apply from its date of issue, " +
                        day_en(d.from) + "; it states no end date either, and is taken to be still in force."};
  return "no_end_stated";
}

namespace {

// A document's entry of "documents" when as_of is before, after and within its period.
enum When { kBefore, kAfter, kWithin };

std::string entry_json(const Document& d, When when) {
  Day as_of = when == kBefore ? d.from - 1 : when == kAfter ? d.to + 1 : d.from;
  Text says;
  const char* status = document_status(d, as_of, says);
  JsonWriter w;
  w.begin_object().field("id", d.id).field("number", d.number).field("title", d.title).field("from", day_iso(d.from));
  if (d.to == kNoEnd)
    w.key("to").null();
  else
    w.field("to", day_iso(d.to));
  w.field("status", status);
  w.key("says").begin_object().field("zh", says.zh).field("en", says.en).end_object();
  w.end_object();
  return w.take();
}

}  // namespace

void prerender_documents(Model& m) {
  for (Document& d : m.documents)
    for (When when : {kBefore, kAfter, kWithin}) d.json_entries[when] = entry_json(d, when);
}

void left_out_words(Words& w, const Model& m, const Situation& s, const Evaluation::LeftOut& l) {
  const Measure& x = m.measures[l.measure];
  const Document& d = m.documents[x.doc];
  bool person = s.kind == "person";
  bool before = s.events[l.events.front()].date < d.from;  // else after its end
  bool many = l.events.size() > 1;
  cat(w.zh, person ? "您于" : "贵单位于");
  cat(w.en, person ? "Your event" : "Your organisation's event", many ? "s" : "", " of ");
  for (size_t i = 0; i < l.events.size(); ++i) {
    Day day = s.events[l.events[i]].date;
    cat(w.zh, i ? "、" : "", DayZh{day});
    cat(w.en, i == 0 ? "" : i + 1 == l.events.size() ? " and " : ", ", DayEn{day});
  }
  put(w.zh, "的事件");
  if (l.count_known) {
    bool unit = !x.unit.zh.empty();
    cat(w.zh, "（共", Int{l.count}, unit ? x.unit.zh : "人", "）");
    cat(w.en, " (", Int{l.count}, " ",
        !unit          ? (l.count == 1 ? "person" : "people")
        : l.count == 1 ? x.unit.en
                       : x.unit.en_many,
        ")");
  }
  before ? cat(w.zh, "早于", d.number, start_zh(d), "，不计入该年累计：本项只计该日及以后发生的事项。")
         : cat(w.zh, "晚于", d.number, "的有效期截止日", DayZh{d.to}, "，不计入该年累计：本项只计有效期内发生的事项。");
  before ? cat(w.en, many ? " are" : " is", " before ", d.number, start_en(d), ", so ", many ? "they do" : "it does",
               " not count toward that year's total: this measure counts only what happens from that day on.")
         : cat(w.en, many ? " are" : " is", " after ", d.number, " ended on ", DayEn{d.to}, ", so ",
               many ? "they do" : "it does",
               " not count toward that year's total: this measure counts only what happens within its period.");
}

void documents_json(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev) {
  w.key("documents").begin_array();
  for (int di : used_documents(m, s, ev)) {
    const Document& d = m.documents[di];
    When when = s.as_of < d.from ? kBefore : d.to != kNoEnd && s.as_of > d.to ? kAfter : kWithin;
    w.raw(d.json_entries[when]);
  }
  w.end_array();
}

}  // namespace skillcalc
