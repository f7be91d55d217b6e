#include "parity.hpp"

#include <nlohmann/json.hpp>

#include "day.hpp"

namespace skillcalc::parity {

namespace {

void fields(const Fields& f, std::string& out) {
  for (auto& field : f.list) {
    const Value& v = field.value;
    out += "  " + field.name + " kind=" + std::to_string(static_cast<int>(v.kind)) + " b=" + std::to_string(v.b) +
           " i=" + std::to_string(v.i) + " s=[" + v.s + "]\n";
  }
}

const Day kToday = 20260115;

}  // namespace

std::string describe(bool ok, const Situation& s, const InputError& e) {
  if (!ok) return "error " + e.code + " path=[" + e.path + "] zh=[" + e.zh + "] en=[" + e.en + "]\n";
  std::string out = "city=" + s.city + " home_city=" + s.home_city + " kind=" + s.kind +
                    " as_of=" + std::to_string(s.as_of) + "\napplicant\n";
  for (auto& a : s.asked) out += "  asked " + a + "\n";
  fields(s.applicant, out);
  for (auto& ev : s.events) {
    out += "event id=[" + ev.id + "] type=" + ev.type + " contest=[" + ev.contest +
           "] date=" + std::to_string(ev.date) + " index=" + std::to_string(ev.index) + "\n";
    for (auto& a : ev.asked) out += "  asked " + a + "\n";
    fields(ev.fields, out);
  }
  return out;
}

std::string streaming(const Model& m, std::string_view text) {
  Situation s;
  InputError e;
  bool ok = parse_situation(text, kToday, m, s, e);
  return describe(ok, s, e);
}

std::string former(const Model& m, std::string_view text) {
  Situation s;
  InputError e;
  bool ok = dom::parse_situation_dom(text, kToday, m, s, e);
  return describe(ok, s, e);
}

namespace {

struct Random {
  uint64_t x;
  uint64_t next() {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    return x;
  }
  size_t below(size_t n) { return n ? static_cast<size_t>(next() % n) : 0; }
};

// Byte strings that break or bend JSON.
const std::vector<std::string> kBytes = {"{",
                                         "}",
                                         "[",
                                         "]",
                                         ",",
                                         ":",
                                         "\"",
                                         "\\",
                                         " ",
                                         "\n",
                                         "\t",
                                         "\r",
                                         "0",
                                         "1",
                                         "-",
                                         "+",
                                         ".",
                                         "e",
                                         "E",
                                         "t",
                                         "f",
                                         "n",
                                         std::string(1, '\0'),
                                         "\x01",
                                         "\x1f",
                                         "\x7f",
                                         "\x80",
                                         "\xbf",
                                         "\xc0\xaf",
                                         "\xc2",
                                         "\xc3\xa9",
                                         "\xe0\x80\x80",
                                         "\xed\xa0\x80",
                                         "\xef\xbb\xbf",
                                         "\xf0\x9f\x98\x80",
                                         "\xf4\x90\x80\x80",
                                         "\xf5",
                                         "\xff",
                                         "\\u",
                                         "\\ud800",
                                         "\\udc00",
                                         "\\ud83d\\ude00",
                                         "\\u0000",
                                         "\\n",
                                         "\\/",
                                         "\\x",
                                         "//",
                                         "/*",
                                         "true",
                                         "null",
                                         "1e400",
                                         "-0"};

// Values of every type, for the type swaps.
const std::vector<std::string> kValues = {"null",
                                          "true",
                                          "false",
                                          "0",
                                          "-0",
                                          "1",
                                          "-1",
                                          "2.0",
                                          "2.5",
                                          "1e3",
                                          "1E+2",
                                          "-1e-2",
                                          "1e400",
                                          "-1e400",
                                          "18446744073709551615",
                                          "18446744073709551616",
                                          "9000000000000000000",
                                          "9000000000000000001",
                                          "-9223372036854775808",
                                          "-9223372036854775809",
                                          "99999999999999999999999",
                                          "1.7976931348623157e308",
                                          "\"\"",
                                          "\"20\"",
                                          "\"２０\"",
                                          "\"１，０００\"",
                                          "\"1,000\"",
                                          "\" 7 \"",
                                          "\"2.0\"",
                                          "\"-3\"",
                                          "\"abc\"",
                                          "\"2025-06-01\"",
                                          "\"2025-02-30\"",
                                          "\"２０２５-０６-０１\"",
                                          "\"weihai\"",
                                          "\"person\"",
                                          "\"enterprise\"",
                                          "\"technician\"",
                                          "\"skill_level\"",
                                          "\"competition\"",
                                          "\"national_class1\"",
                                          "\"\\u0077eihai\"",
                                          "\"" + std::string(70, 'x') + "\"",
                                          "\"" + std::string(300, 'y') + "\"",
                                          "{}",
                                          "[]",
                                          "[1]",
                                          "{\"a\":1}",
                                          "\"\xe4\xb8\xad\xe6\x96\x87\"",
                                          "\"a/b~c\""};

// Where each value of the text starts and ends (scalars and containers), for the swaps.
void spans(const std::string& t, std::vector<std::pair<size_t, size_t>>& out) {
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == ':' || c == '[' || c == ',') {
      size_t a = i + 1;
      while (a < t.size() && t[a] == ' ') ++a;
      if (a >= t.size()) continue;
      size_t b = a;
      if (t[a] == '"') {
        for (b = a + 1; b < t.size() && t[b] != '"'; ++b)
          if (t[b] == '\\') ++b;
        ++b;
      } else if (t[a] == '{' || t[a] == '[') {
        int depth = 0;
        for (; b < t.size(); ++b) {
          if (t[b] == '"')
            for (++b; b < t.size() && t[b] != '"'; ++b)
              if (t[b] == '\\') ++b;
          if (b >= t.size()) break;
          if (t[b] == '{' || t[b] == '[') ++depth;
          if ((t[b] == '}' || t[b] == ']') && --depth == 0) break;
        }
        ++b;
      } else {
        while (b < t.size() && t[b] != ',' && t[b] != '}' && t[b] != ']') ++b;
      }
      b = std::min(b, t.size());
      if (b > a) out.push_back({a, b});
    }
  }
}

std::string mutate(const std::string& t, Random& r) {
  std::vector<std::pair<size_t, size_t>> vs;
  spans(t, vs);
  size_t n = t.size(), at = r.below(n + 1);
  switch (r.below(10)) {
    case 0:  // delete a range
      return t.substr(0, at) + t.substr(std::min(n, at + 1 + r.below(8)));
    case 1: {  // duplicate a range
      size_t len = 1 + r.below(40);
      return t.substr(0, at) + t.substr(at, len) + t.substr(at);
    }
    case 2:  // insert breaking bytes
      return t.substr(0, at) + kBytes[r.below(kBytes.size())] + t.substr(at);
    case 3:  // replace a byte
      return at < n ? t.substr(0, at) + kBytes[r.below(kBytes.size())] + t.substr(at + 1) : t + "x";
    case 4:
    case 5:
    case 6: {  // swap a value for one of another type
      if (vs.empty()) return t;
      auto [a, b] = vs[r.below(vs.size())];
      return t.substr(0, a) + kValues[r.below(kValues.size())] + t.substr(b);
    }
    case 7: {  // a member twice, or a key written with an escape
      size_t q = t.find("\":", at);
      if (q == std::string::npos) return t + " ";
      size_t k = t.rfind('"', q - 1);
      if (k == std::string::npos) return t;
      if (r.below(2)) return t.substr(0, k) + t.substr(k, q + 2 - k) + "1," + t.substr(k);
      return t.substr(0, k + 1) + "\\u00" + "6" + "1" + t.substr(k + 1);
    }
    case 8: {  // nesting around the whole or a value
      int depth = 13 + static_cast<int>(r.below(6));
      if (r.below(2)) return std::string(depth, '[') + t + std::string(depth, ']');
      if (vs.empty()) return t;
      auto [a, b] = vs[r.below(vs.size())];
      return t.substr(0, a) + std::string(depth, '[') + t.substr(a, b - a) + std::string(depth, ']') + t.substr(b);
    }
    default: {  // white space, a byte order mark, trailing bytes
      switch (r.below(4)) {
        case 0:
          return "\xef\xbb\xbf" + t;
        case 1:
          return " \n\t\r" + t + " \r\n";
        case 2:
          return t + kBytes[r.below(kBytes.size())];
        default:
          return t.substr(0, at);
      }
    }
  }
}

}  // namespace

std::vector<std::string> mutations(const std::string& text, uint64_t seed, size_t n) {
  Random r{seed * 2654435761ULL + 88172645463325252ULL};
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    std::string t = mutate(text, r);
    if (r.below(3) == 0) t = mutate(t, r);  // two mutations at once, a third of the time
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace skillcalc::parity
