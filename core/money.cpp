#include "money.hpp"

#include <vector>

#include "utf8.hpp"

namespace skillcalc {

std::string yuan_zh(long long y) {
  if (y >= 10000 && y % 100 == 0) {
    long long w = y / 10000, r = y % 10000;  // r is a multiple of 100: at most two decimals of 万
    std::string s = std::to_string(w);
    if (r) {
      std::string frac = std::to_string(r / 100 + 100).substr(1);  // two digits
      if (frac[1] == '0') frac.pop_back();
      s += "." + frac;
    }
    return s + "万元";
  }
  return std::to_string(y) + "元";
}

std::string yuan_en(long long y) {
  std::string d = std::to_string(y < 0 ? -y : y), out;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i && (d.size() - i) % 3 == 0) out += ',';
    out += d[i];
  }
  return (y < 0 ? "-" : "") + out + " yuan";
}

namespace {

// Decodes one UTF-8 code point at s[i]; advances i.
char32_t next_cp(const std::string& s, size_t& i) {
  unsigned char c = s[i];
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > s.size()) n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  i += n;
  return cp;
}

std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> v;
  for (size_t i = 0; i < s.size();) v.push_back(next_cp(s, i));
  return v;
}

int cn_digit(char32_t c) {
  switch (c) {
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}
int cn_unit(char32_t c) {
  return c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : -1;
}

bool is_dash(char32_t c) {
  return c == U'—' || c == U'-' || c == U'－' || c == U'~' || c == U'～' || c == U'至' || c == U'–';
}

}  // namespace

std::string squeeze(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    char32_t c = next_cp(text, i);
    if (c == U' ' || c == U'\n' || c == U'\r' || c == U'\t' || c == U'\u3000' || c == U'\u00a0') continue;
    if (c >= U'０' && c <= U'９')
      c = U'0' + (c - U'０');
    else if (c == U'．')
      c = U'.';
    else if (c == U'：')
      c = U':';
    else if (c == U'％')
      c = U'%';
    else if (c == U'（')
      c = U'(';
    else if (c == U'）')
      c = U')';
    else if (c == U'，')
      c = U',';
    else if (c == U'；')
      c = U';';
    append_utf8(out, c);
  }
  return out;
}

Figures figures_in(const std::string& text) {
  Figures f;
  std::vector<char32_t> t = code_points(squeeze(text));
  // Arabic numbers, with an optional decimal part; 万 after the number (or after the range it opens) multiplies.
  struct Num {
    size_t end;
    long long scaled;
    int decimals;
  };
  std::vector<Num> nums;
  for (size_t i = 0; i < t.size();) {
    if (t[i] < U'0' || t[i] > U'9') {
      ++i;
      continue;
    }
    long long v = 0;
    int dec = 0;
    size_t j = i;
    while (j < t.size() && t[j] >= U'0' && t[j] <= U'9' && v < 1000000000000LL) v = v * 10 + (t[j++] - U'0');
    if (j + 1 < t.size() && t[j] == U'.' && t[j + 1] >= U'0' && t[j + 1] <= U'9') {
      ++j;
      while (j < t.size() && t[j] >= U'0' && t[j] <= U'9' && dec < 4) v = v * 10 + (t[j++] - U'0'), ++dec;
    }
    nums.push_back({j, v, dec});
    i = j;
  }
  auto pow10 = [](int n) {
    long long p = 1;
    while (n-- > 0) p *= 10;
    return p;
  };
  for (size_t k = 0; k < nums.size(); ++k) {
    const Num& n = nums[k];
    size_t e = n.end;
    bool wan = e < t.size() && t[e] == U'万';
    // "3—5万元": the first number of a range takes the unit of the second.
    if (!wan && e < t.size() && is_dash(t[e]) && k + 1 < nums.size()) {
      size_t e2 = nums[k + 1].end;
      wan = e2 < t.size() && t[e2] == U'万';
    }
    if (e < t.size() && t[e] == U'%') f.percent.insert(n.scaled / pow10(n.decimals));
    // In 128 bits: a number of up to 13 digits and 4 decimals times 万 overflows 64 bits before the division.
    if (wan)
      f.yuan.insert(static_cast<long long>(static_cast<__int128>(n.scaled) * 10000 / pow10(n.decimals)));
    else if (n.decimals == 0)
      f.yuan.insert(n.scaled);
  }
  // Chinese numerals: 十万元, 五千元, 一万五千元.
  for (size_t i = 0; i < t.size();) {
    if (cn_digit(t[i]) < 0 && cn_unit(t[i]) < 0) {
      ++i;
      continue;
    }
    long long total = 0, section = 0, digit = -1;
    size_t j = i;
    for (; j < t.size(); ++j) {
      int d = cn_digit(t[j]), u = cn_unit(t[j]);
      if (d >= 0) {
        digit = d;
        continue;
      }
      if (u > 0) {
        section += (digit < 0 ? 1 : digit) * u;
        digit = -1;
        continue;
      }
      if (t[j] == U'万') {
        total += (section + (digit < 0 ? 0 : digit)) * 10000;
        section = 0;
        digit = -1;
        continue;
      }
      break;
    }
    total += section + (digit < 0 ? 0 : digit);
    bool money = j < t.size() && t[j] == U'元';
    if (money || (j > i && t[j - 1] == U'万')) f.yuan.insert(total);
    i = j > i ? j : i + 1;
  }
  return f;
}

}  // namespace skillcalc
