#include "json_scan.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "utf8.hpp"

namespace skillcalc {

JsonNumber json_number(std::string_view token) {
  JsonNumber n;
  // Up to 18 digits, optionally negative: fits 64 bits, read without a copy (what strtoull/strtoll would give).
  bool minus = !token.empty() && token[0] == '-';
  std::string_view digits = token.substr(minus ? 1 : 0);
  if (!digits.empty() && digits.size() <= 18 && digits.find_first_not_of("0123456789") == std::string_view::npos) {
    unsigned long long x = 0;
    for (char c : digits) x = x * 10 + static_cast<unsigned>(c - '0');
    if (minus) return n.kind = JsonNumber::Kind::Integer, n.i = -static_cast<long long>(x), n;
    return n.kind = JsonNumber::Kind::Unsigned, n.u = x, n;
  }
  std::string t(token);  // strtoull and strtod need the end of the token
  bool whole = t.find_first_of(".eE") == std::string::npos;
  char* end = nullptr;
  if (whole && t[0] != '-') {
    errno = 0;
    unsigned long long x = std::strtoull(t.c_str(), &end, 10);
    if (errno == 0) return n.kind = JsonNumber::Kind::Unsigned, n.u = x, n;
  } else if (whole) {
    errno = 0;
    long long x = std::strtoll(t.c_str(), &end, 10);
    if (errno == 0) return n.kind = JsonNumber::Kind::Integer, n.i = x, n;
  }
  n.kind = JsonNumber::Kind::Float;
  n.f = std::strtod(t.c_str(), &end);
  return n;
}

namespace {

bool hex(char c, int& v) {
  if (c >= '0' && c <= '9') return v = v * 16 + (c - '0'), true;
  if (c >= 'a' && c <= 'f') return v = v * 16 + (c - 'a' + 10), true;
  if (c >= 'A' && c <= 'F') return v = v * 16 + (c - 'A' + 10), true;
  return false;
}

}  // namespace

bool JsonScan::bom() {
  if (p_ != end_ && static_cast<unsigned char>(*p_) == 0xEF) {
    if (end_ - p_ < 3 || static_cast<unsigned char>(p_[1]) != 0xBB || static_cast<unsigned char>(p_[2]) != 0xBF)
      return false;
    p_ += 3;
  }
  return true;
}

bool JsonScan::literal(const char* word) {
  size_t n = std::strlen(word);
  if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
  p_ += n;
  return true;
}

bool JsonScan::number(std::string_view& out) {
  const char* start = p_;
  auto digits = [&] {
    const char* at = p_;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return p_ != at;
  };
  if (p_ != end_ && *p_ == '-') ++p_;
  if (p_ == end_) return false;
  if (*p_ == '0')
    ++p_;
  else if (!digits())
    return false;
  bool plain = true;
  if (p_ != end_ && *p_ == '.') {
    ++p_, plain = false;
    if (!digits()) return false;
  }
  if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_, plain = false;
    if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (!digits()) return false;
  }
  out = std::string_view(start, static_cast<size_t>(p_ - start));
  if (plain && out.size() <= 18) return true;  // fits 64 bits
  JsonNumber n = json_number(out);
  return n.kind != JsonNumber::Kind::Float || std::isfinite(n.f);
}

// One UTF-8 sequence of two to four bytes at p_.
bool JsonScan::multibyte() {
  unsigned char c = static_cast<unsigned char>(*p_);
  unsigned char lo = 0x80, hi = 0xBF;
  int more = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    more = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    more = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    more = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return false;
  }
  if (end_ - p_ <= more) return false;
  for (int k = 1; k <= more; ++k) {
    unsigned char b = static_cast<unsigned char>(p_[k]);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
  }
  p_ += more + 1;
  return true;
}

// The rest of a string with escapes, after what `s` holds already, up to its closing quote.
bool JsonScan::unescape_rest(std::string& s) {
  while (p_ != end_) {
    unsigned char c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      ++p_;
      return true;
    }
    if (c < 0x20) return false;
    if (c >= 0x80) {
      const char* at = p_;
      if (!multibyte()) return false;
      s.append(at, static_cast<size_t>(p_ - at));
      continue;
    }
    ++p_;
    if (c != '\\') {
      s += static_cast<char>(c);
      continue;
    }
    if (p_ == end_) return false;
    char e = *p_++;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        s += e;
        break;
      case 'b':
        s += '\b';
        break;
      case 'f':
        s += '\f';
        break;
      case 'n':
        s += '\n';
        break;
      case 'r':
        s += '\r';
        break;
      case 't':
        s += '\t';
        break;
      case 'u': {
        int cp = 0;
        if (!code_unit(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          int low = 0;
          if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
          p_ += 2;
          if (!code_unit(low) || low < 0xDC00 || low > 0xDFFF) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(s, static_cast<char32_t>(cp));
        break;
      }
      default:
        return false;
    }
  }
  return false;
}

bool JsonScan::code_unit(int& cp) {
  if (end_ - p_ < 4) return false;
  for (int k = 0; k < 4; ++k)
    if (!hex(*p_++, cp)) return false;
  return true;
}

}  // namespace skillcalc
