// A small, fast JSON writer for results: the output is UTF-8 as given (inputs are validated UTF-8), with the
// escapes JSON requires. Commas are placed by the writer.
#pragma once
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace skillcalc {

class JsonWriter {
 public:
  std::string out;

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k) {
    if (comma_) out += ',';
    quote(k);
    out += ':';
    comma_ = false;
    return *this;
  }
  JsonWriter& str(std::string_view s) { return value(), quote(s), *this; }
  JsonWriter& num(long long v) {
    value();
    char b[24];
    auto r = std::to_chars(b, b + sizeof b, v);
    out.append(b, static_cast<size_t>(r.ptr - b));
    return *this;
  }
  JsonWriter& boolean(bool b) { return value(), out += b ? "true" : "false", *this; }
  JsonWriter& null() { return value(), out += "null", *this; }
  // A value already written as JSON (by another JsonWriter).
  JsonWriter& raw(std::string_view json) { return value(), out += json, *this; }
  // key + string, the common case
  JsonWriter& field(std::string_view k, std::string_view v) { return key(k).str(v); }
  JsonWriter& field(std::string_view k, long long v) { return key(k).num(v); }

 private:
  bool comma_ = false;
  void value() {
    if (comma_) out += ',';
    comma_ = true;
  }
  JsonWriter& open(char c) {
    value();
    out += c;
    comma_ = false;
    return *this;
  }
  JsonWriter& close(char c) {
    out += c;
    comma_ = true;
    return *this;
  }
  static bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }
  void quote(std::string_view s) {
    out += '"';
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
      const char* q = p;
      // Eight bytes at a time while none of them needs an escape (most text is plain UTF-8).
      while (end - q >= 8) {
        uint64_t w;
        std::memcpy(&w, q, 8);
        constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        auto zero_byte = [](uint64_t x) { return (x - ones) & ~x & highs; };
        uint64_t control = (w - ones * 0x20) & ~w & highs;  // a byte below 0x20
        if (control | zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\\'))) break;
        q += 8;
      }
      while (q < end && !needs_escape(static_cast<unsigned char>(*q))) ++q;
      out.append(p, static_cast<size_t>(q - p));
      if (q == end) break;
      switch (*q) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default: {
          char b[8];
          std::snprintf(b, sizeof b, "\\u%04x", static_cast<unsigned char>(*q));
          out += b;
        }
      }
      p = q + 1;
    }
    out += '"';
  }
};

}  // namespace skillcalc
