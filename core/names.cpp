#include "names.hpp"

namespace skillcalc {

namespace {

// White space a spreadsheet cell may carry unseen: ASCII space and tab, and in UTF-8 the ideographic space U+3000, the
// no-break spaces U+00A0 and U+202F, the en, em, thin and other spaces U+2000-U+200A and U+205F (&emsp; of government
// web pages), the zero-width space, non-joiner, joiner, word joiner and a stray byte-order mark (U+200B, U+200C,
// U+200D, U+2060, U+FEFF), vertical tab and form feed, pasted from web pages and other programs.
constexpr std::string_view kUnseen[] = {"\xE3\x80\x80", "\xC2\xA0",     "\xE2\x80\xAF", "\xE2\x80\x8B", "\xE2\x80\x8C",
                                        "\xE2\x80\x8D", "\xE2\x81\xA0", "\xEF\xBB\xBF", "\xE2\x81\x9F", "\xE2\x80\x80",
                                        "\xE2\x80\x81", "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x84", "\xE2\x80\x85",
                                        "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88", "\xE2\x80\x89", "\xE2\x80\x8A",
                                        "\x0B",         "\x0C"};

size_t space_at(std::string_view s, size_t i) {  // the length of the white space that begins at i, or 0
  if (s[i] == ' ' || s[i] == '\t') return 1;
  for (auto u : kUnseen)
    if (s.substr(i, u.size()) == u) return u.size();
  return 0;
}

size_t space_before(std::string_view s, size_t i) {  // the length of the white space that ends at i, or 0
  if (s[i - 1] == ' ' || s[i - 1] == '\t') return 1;
  for (auto u : kUnseen)
    if (i >= u.size() && s.substr(i - u.size(), u.size()) == u) return u.size();
  return 0;
}

// The ASCII character of a full-width form U+FF01-U+FF5E at i (EF BC 81 … EF BD 9E), or 0.
char full_width_at(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xEF) return 0;
  unsigned b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
  unsigned cp = 0xF000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
  if ((b1 != 0xBC && b1 != 0xBD) || (b2 & 0xC0) != 0x80 || cp < 0xFF01 || cp > 0xFF5E) return 0;
  return static_cast<char>(cp - 0xFEE0);
}

}  // namespace

std::string trim_unseen(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b)
    if (size_t k = space_at(s, a))
      a += k;
    else
      break;
  while (b > a)
    if (size_t k = space_before(s, b))
      b -= k;
    else
      break;
  return std::string(s.substr(a, b - a));
}

std::string name_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (size_t k = space_at(s, i)) {
      i += k;
      continue;
    }
    char c = full_width_at(s, i);
    size_t step = c ? 3 : 1;
    if (!c) c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c, i += step;
  }
  return out;
}

}  // namespace skillcalc
