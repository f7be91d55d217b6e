#include "text_out.hpp"

#include <charconv>

namespace skillcalc {

void put(TextBuf& o, Int n) {
  char b[24];
  auto r = std::to_chars(b, b + sizeof b, n.v);
  o.append(b, static_cast<size_t>(r.ptr - b));
}

void put(TextBuf& o, YuanZh y) {
  if (y.v >= 10000 && y.v % 100 == 0) {
    long long w = y.v / 10000, hundreds = y.v % 10000 / 100;  // at most two decimals of 万
    put(o, Int{w});
    if (hundreds) {
      o += '.';
      o += static_cast<char>('0' + hundreds / 10);
      if (hundreds % 10) o += static_cast<char>('0' + hundreds % 10);
    }
    o += "万元";
    return;
  }
  put(o, Int{y.v});
  o += "元";
}

void put(TextBuf& o, YuanEn y) {
  if (y.v < 0) o += '-';
  char b[24];
  auto r = std::to_chars(b, b + sizeof b, y.v < 0 ? -y.v : y.v);
  size_t n = static_cast<size_t>(r.ptr - b);
  for (size_t i = 0; i < n; ++i) {
    if (i && (n - i) % 3 == 0) o += ',';
    o += b[i];
  }
  o += " yuan";
}

void put(TextBuf& o, SpanZh s) {
  put(o, YuanZh{s.lo});
  if (s.lo != s.hi) o += "至", put(o, YuanZh{s.hi});
}

void put(TextBuf& o, SpanEn s) {
  put(o, YuanEn{s.lo});
  if (s.lo != s.hi) o += " to ", put(o, YuanEn{s.hi});
}

void put(TextBuf& o, DayZh d) {
  cat(o, Int{d.d / 10000}, "年", Int{d.d / 100 % 100}, "月", Int{d.d % 100}, "日");
}

void put(TextBuf& o, DayEn d) {
  static const char* m[] = {"January", "February", "March",     "April",   "May",      "June",
                            "July",    "August",   "September", "October", "November", "December"};
  cat(o, Int{d.d % 100}, " ", m[d.d / 100 % 100 - 1], " ", Int{d.d / 10000});
}

void put_sentence(TextBuf& o, std::string_view t, std::string_view stop) {
  put(o, t);
  bool closed = t.size() >= stop.size() && t.compare(t.size() - stop.size(), stop.size(), stop) == 0;
  if (!closed) put(o, stop);
}

}  // namespace skillcalc
