// A small, fast JSON writer for results: the output is UTF-8 as given (inputs are validated UTF-8), with the
// escapes JSON requires. Commas are placed by the writer.
#pragma once
#include <cstdio>
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
    out.append(b, static_cast<size_t>(std::snprintf(b, sizeof b, "%lld", v)));
    return *this;
  }
  JsonWriter& boolean(bool b) { return value(), out += b ? "true" : "false", *this; }
  JsonWriter& null() { return value(), out += "null", *this; }
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
  void quote(std::string_view s) {
    out += '"';
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
          char b[8];
          std::snprintf(b, sizeof b, "\\u%04x", c);
          out += b;
        }
      }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
  }
};

}  // namespace skillcalc
