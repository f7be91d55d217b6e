// Text written straight into a buffer that is reused from result to result: pieces are appended in order, and
// numbers, money and days are written in place, so that a sentence costs no temporary string per piece.
//   cat(out, "按", x.where.zh, "，可获", YuanZh{5000}, "。")
#pragma once
#include <string>
#include <string_view>

#include "model.hpp"

namespace skillcalc {

// Both languages of one sentence or paragraph, built side by side.
struct Words {
  std::string zh, en;
  void clear() { zh.clear(), en.clear(); }
};

struct Int {
  long long v;
};
struct YuanZh {  // 30000 -> "3万元", 108000 -> "10.8万元", 5000 -> "5000元" (money.hpp yuan_zh)
  long long v;
};
struct YuanEn {  // 30000 -> "30,000 yuan" (money.hpp yuan_en)
  long long v;
};
struct SpanZh {  // "3万元" or "3万元至5万元"
  long long lo, hi;
};
struct SpanEn {  // "30,000 yuan" or "30,000 yuan to 50,000 yuan"
  long long lo, hi;
};
struct DayZh {  // "2025年5月1日" (day.hpp day_zh)
  Day d;
};
struct DayEn {  // "1 May 2025" (day.hpp day_en)
  Day d;
};

inline void put(std::string& o, std::string_view s) {
  o.append(s.data(), s.size());
}
inline void put(std::string& o, const char* s) {
  o.append(s, std::char_traits<char>::length(s));  // a literal's length is known where this is inlined
}
inline void put(std::string& o, const std::string& s) {
  o.append(s);
}
void put(std::string& o, Int n);
void put(std::string& o, YuanZh y);
void put(std::string& o, YuanEn y);
void put(std::string& o, SpanZh s);
void put(std::string& o, SpanEn s);
void put(std::string& o, DayZh d);
void put(std::string& o, DayEn d);

template <class... Pieces>
void cat(std::string& o, const Pieces&... p) {
  (put(o, p), ...);
}

// The text with its closing mark, added only where it has none.
void put_sentence(std::string& o, std::string_view t, std::string_view stop);

}  // namespace skillcalc
