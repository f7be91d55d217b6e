// The tokens of JSON read as nlohmann's strict parser reads them — the same bytes accepted, the same values — for
// the readers that go without its parser: the situation reader (situation_json.cpp) and the rules' reader
// (json_fast.cpp). White space, a byte order mark, literals, numbers, and strings with their escapes and UTF-8.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace skillcalc {

// A whole number or a float as nlohmann reads a number token: unsigned when it is a non-negative integer that
// fits 64 bits, integer when a negative one fits, otherwise a double.
struct JsonNumber {
  enum class Kind : uint8_t { Unsigned, Integer, Float } kind = Kind::Float;
  unsigned long long u = 0;
  long long i = 0;
  double f = 0;
};
JsonNumber json_number(std::string_view token);

// The bytes a JSON string holds as they are: ASCII from the space up, but the quote and the backslash.
struct JsonPlainBytes {
  bool is[256] = {};
  constexpr JsonPlainBytes() {
    for (int c = 0x20; c < 0x80; ++c) is[c] = c != '"' && c != '\\';
  }
  constexpr bool operator[](unsigned char c) const { return is[c]; }
};
inline constexpr JsonPlainBytes kJsonPlain{};

class JsonScan {
 protected:
  explicit JsonScan(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  // A byte order mark at the start is skipped, as nlohmann does; false for a broken one.
  bool bom();
  void space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool literal(const char* word);
  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, and finite (nlohmann refuses 1e400).
  bool number(std::string_view& out);
  // A string at `"`: a view into the text, or, when it has escapes, its unescaped copy in the string `store()`
  // returns (asked for only then). UTF-8 is checked as nlohmann checks it (no overlong forms, no surrogates, nothing
  // above U+10FFFF); control characters are refused.
  template <class Store>
  bool string(std::string_view& out, Store&& store) {
    const char* start = ++p_;
    while (p_ != end_) {
      while (p_ != end_ && kJsonPlain[static_cast<unsigned char>(*p_)]) ++p_;
      if (p_ == end_) break;
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out = std::string_view(start, static_cast<size_t>(p_ - start));
        ++p_;
        return true;
      }
      if (c == '\\') {
        std::string& s = store();
        s.assign(start, static_cast<size_t>(p_ - start));
        if (!unescape_rest(s)) return false;
        out = s;
        return true;
      }
      if (c < 0x20) return false;
      if (c < 0x80) {
        ++p_;
      } else if (!multibyte()) {
        return false;
      }
    }
    return false;
  }

  const char* p_;
  const char* end_;

 private:
  bool multibyte();
  bool unescape_rest(std::string& s);
  bool code_unit(int& cp);
};

}  // namespace skillcalc
