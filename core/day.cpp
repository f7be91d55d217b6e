#include "day.hpp"

namespace skillcalc {

namespace {
bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
int days_in(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[m - 1];
}
bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
int num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

Day parse_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return 0;
  auto ys = s.substr(0, 4), ms = s.substr(5, 2), ds = s.substr(8, 2);
  if (!digits(ys) || !digits(ms) || !digits(ds)) return 0;
  int y = num(ys), m = num(ms), d = num(ds);
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in(y, m)) return 0;
  return y * 10000 + m * 100 + d;
}

std::string day_iso(Day d) {
  if (d >= 10000000 && d <= 99999999) {  // four-digit years: the digits written directly (a result writes one each)
    std::string s = "0000-00-00";
    int y = d / 10000, m = d / 100 % 100, day = d % 100;
    for (int i = 3; i >= 0; --i, y /= 10) s[static_cast<size_t>(i)] = static_cast<char>('0' + y % 10);
    s[5] = static_cast<char>('0' + m / 10), s[6] = static_cast<char>('0' + m % 10);
    s[8] = static_cast<char>('0' + day / 10), s[9] = static_cast<char>('0' + day % 10);
    return s;
  }
  char b[16];
  snprintf(b, sizeof b, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
  return b;
}

std::string day_zh(Day d) {
  return std::to_string(d / 10000) + "年" + std::to_string(d / 100 % 100) + "月" + std::to_string(d % 100) + "日";
}

std::string day_en(Day d) {
  static const char* m[] = {"January", "February", "March",     "April",   "May",      "June",
                            "July",    "August",   "September", "October", "November", "December"};
  return std::to_string(d % 100) + " " + m[d / 100 % 100 - 1] + " " + std::to_string(d / 10000);
}

}  // namespace skillcalc
