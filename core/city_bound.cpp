#include "city_bound.hpp"

#include <algorithm>

#include "money.hpp"

namespace skillcalc {

void ask_city_bound(const Model& m, Situation& s) {
  if (s.home_city.empty() || s.home_city == s.city) return;
  int kind = m.vocab.kind_index(s.kind);
  for (auto& [name, f] : m.vocab.applicant_fields)
    if (f.city_bound && kind >= 0 && (f.kinds & (1u << kind))) s.asked.push_back(name);
  for (auto& e : s.events) {
    auto et = m.vocab.event_types.find(e.type);
    if (et != m.vocab.event_types.end()) e.asked.assign(et->second.city_bound.begin(), et->second.city_bound.end());
  }
}

Text not_certain_words(const Model& m, const Situation& s, const Item& it, const Text& facts) {
  // The totals' floor: 0, or what certain events of the year or a lower item of the same achievement bring.
  Text low{"0", "0"};
  if (it.total_min > 0) low = {yuan_zh(it.total_min), yuan_en(it.total_min)};
  if (it.asked.empty() && !it.total_known)
    return {"但原文要求的“" + facts.zh + "”尚未填写：补充之前总额无法确定，本项不计入合计。",
            " But the text requires a fact not given (" + facts.en +
                "): until it is, no total can be given and this item is not in the totals."};
  if (it.asked.empty())
    return {"但原文要求的“" + facts.zh + "”尚未填写：补充之前本项不是确定金额，合计按" + low.zh + "至该金额计算。",
            " But the text requires a fact not given (" + facts.en +
                "): until it is, this is not certain money and the totals count " + low.en + " to this amount."};
  auto city = [&](const std::string& id) {
    auto c = m.vocab.cities.find(id);
    return c == m.vocab.cities.end() ? Text{id, id} : c->second;
  };
  Text here = city(s.city), home = city(s.home_city);
  return {"但原文要求的“" + facts.zh + "”须按" + here.zh + "本地的情况确认（所填的是" + home.zh +
              "的情况，或未填写）：确认之前本项不是确定金额，合计按" + low.zh + "至该金额计算。",
          " But the text requires facts of " + here.en + " itself (" + facts.en + ") that the situation gives for " +
              home.en + " or leaves blank: until they are confirmed, this is not certain money and the totals count " +
              low.en + " to this amount."};
}

}  // namespace skillcalc
