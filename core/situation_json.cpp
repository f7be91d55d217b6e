#include "situation_json.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace skillcalc {

void SituationJson::clear() {
  root = {};
  members.clear();
  elements.clear();
  unescaped.clear();
  complete = doubtful = false;
}

JsonNumber json_number(std::string_view token) {
  JsonNumber n;
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

// An object with more members than this is left to the strict checker to find a key twice.
constexpr uint32_t kMembersCompared = 32;

bool hex(char c, int& v) {
  if (c >= '0' && c <= '9') return v = v * 16 + (c - '0'), true;
  if (c >= 'a' && c <= 'f') return v = v * 16 + (c - 'a' + 10), true;
  if (c >= 'A' && c <= 'F') return v = v * 16 + (c - 'A' + 10), true;
  return false;
}

void utf8(int cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Where the members and elements of the objects being read wait until their object is closed, so that each
// object's members lie together: one list per level of the situation (top, applicant or events, event).
struct Scratch {
  std::vector<JsonMember> members[3];
  std::vector<JsonValue> elements;
};

class Reader {
 public:
  Reader(std::string_view text, SituationJson& out, Scratch& scratch)
      : p_(text.data()), end_(text.data() + text.size()), d_(out), s_(scratch) {}

  // The whole text: one value (the situation object when it is one), then white space only.
  bool document() {
    if (p_ != end_ && static_cast<unsigned char>(*p_) == 0xEF) {  // a byte order mark is skipped, as nlohmann does
      if (end_ - p_ < 3 || static_cast<unsigned char>(p_[1]) != 0xBB || static_cast<unsigned char>(p_[2]) != 0xBF)
        return false;
      p_ += 3;
    }
    space();
    if (p_ != end_ && *p_ == '{') {
      d_.root.kind = JsonValue::Kind::Object;
      if (!object(0, d_.root)) return false;
    } else if (!value(d_.root)) {
      return false;
    }
    space();
    return p_ == end_;
  }

 private:
  void space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  // An object read member by member at `level` (0 top, 1 applicant, 2 event). At the top, the applicant and the
  // events are read into; other containers are skipped.
  bool object(int level, JsonValue& v) {
    ++p_;  // {
    std::vector<JsonMember>& ms = s_.members[level];
    size_t base = ms.size();
    space();
    if (p_ != end_ && *p_ == '}') return ++p_, close(ms, base, v);
    while (true) {
      space();
      JsonMember m;
      if (p_ == end_ || *p_ != '"' || !string(m.key)) return false;
      space();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      space();
      if (p_ == end_) return false;
      if (level == 0 && *p_ == '{' && m.key == "applicant") {
        m.value.kind = JsonValue::Kind::Object;
        if (!object(1, m.value)) return false;
      } else if (level == 0 && *p_ == '[' && m.key == "events") {
        if (!events(m.value)) return false;
      } else if (!value(m.value)) {
        return false;
      }
      ms.push_back(m);
      space();
      if (p_ == end_) return false;
      if (*p_ == '}') return ++p_, close(ms, base, v);
      if (*p_ != ',') return false;
      ++p_;
    }
  }

  // The members read since `base` become the object's: a key twice is left to the strict checker.
  bool close(std::vector<JsonMember>& ms, size_t base, JsonValue& v) {
    v.first = static_cast<uint32_t>(d_.members.size());
    v.count = static_cast<uint32_t>(ms.size() - base);
    if (v.count > kMembersCompared) d_.doubtful = true;
    for (size_t i = base; i < ms.size() && !d_.doubtful; ++i)
      for (size_t k = base; k < i; ++k)
        if (ms[i].key == ms[k].key) d_.doubtful = true;
    d_.members.insert(d_.members.end(), ms.begin() + static_cast<long>(base), ms.end());
    ms.resize(base);
    return true;
  }

  // The events array: objects are read into (level 2), anything else is a value.
  bool events(JsonValue& v) {
    ++p_;  // [
    v.kind = JsonValue::Kind::Array;
    size_t base = s_.elements.size();
    space();
    if (p_ != end_ && *p_ == ']') {
      ++p_;
    } else {
      while (true) {
        space();
        if (p_ == end_) return false;
        JsonValue e;
        if (*p_ == '{') {
          e.kind = JsonValue::Kind::Object;
          if (!object(2, e)) return false;
        } else if (!value(e)) {
          return false;
        }
        s_.elements.push_back(e);
        space();
        if (p_ == end_) return false;
        if (*p_ == ']') {
          ++p_;
          break;
        }
        if (*p_ != ',') return false;
        ++p_;
      }
    }
    v.first = static_cast<uint32_t>(d_.elements.size());
    v.count = static_cast<uint32_t>(s_.elements.size() - base);
    d_.elements.insert(d_.elements.end(), s_.elements.begin() + static_cast<long>(base), s_.elements.end());
    s_.elements.resize(base);
    return true;
  }

  // A value where no situation has a container: a scalar, or a container skipped for the strict checker.
  bool value(JsonValue& v) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '"':
        v.kind = JsonValue::Kind::String;
        return string(v.text);
      case '{':
      case '[':
        v.kind = *p_ == '{' ? JsonValue::Kind::Object : JsonValue::Kind::Array;
        v.deep = true;
        d_.doubtful = true;
        return skip();
      case 't':
        v.kind = JsonValue::Kind::True;
        return literal("true");
      case 'f':
        v.kind = JsonValue::Kind::False;
        return literal("false");
      case 'n':
        v.kind = JsonValue::Kind::Null;
        return literal("null");
      default:
        v.kind = JsonValue::Kind::Number;
        return number(v.text);
    }
  }

  bool literal(const char* word) {
    size_t n = std::strlen(word);
    if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, and finite (nlohmann refuses 1e400).
  bool number(std::string_view& out) {
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

  // A string at `"`: a view into the text, or its unescaped copy when it has escapes. UTF-8 is checked as nlohmann
  // checks it (no overlong forms, no surrogates, nothing above U+10FFFF); control characters are refused.
  bool string(std::string_view& out) {
    const char* start = ++p_;
    while (p_ != end_) {
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out = std::string_view(start, static_cast<size_t>(p_ - start));
        ++p_;
        return true;
      }
      if (c == '\\') return escaped(start, out);
      if (c < 0x20) return false;
      if (c < 0x80) {
        ++p_;
      } else if (!multibyte()) {
        return false;
      }
    }
    return false;
  }

  // One UTF-8 sequence of two to four bytes at p_.
  bool multibyte() {
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

  // The rest of a string with escapes, from its start, into a copy.
  bool escaped(const char* start, std::string_view& out) {
    std::string& s = d_.unescaped.emplace_back(start, static_cast<size_t>(p_ - start));
    while (p_ != end_) {
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        out = s;
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
          utf8(cp, s);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  bool code_unit(int& cp) {
    if (end_ - p_ < 4) return false;
    for (int k = 0; k < 4; ++k)
      if (!hex(*p_++, cp)) return false;
    return true;
  }

  // A container where a situation has none: skipped to its end (strings and brackets followed), its syntax left to
  // the strict checker.
  bool skip() {
    int depth = 0;
    while (p_ != end_) {
      char c = *p_++;
      if (c == '"') {
        while (p_ != end_ && *p_ != '"') p_ += (*p_ == '\\' && end_ - p_ > 1) ? 2 : 1;
        if (p_ == end_) return false;
        ++p_;
      } else if (c == '[' || c == '{') {
        ++depth;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return true;
      }
    }
    return false;
  }

  const char* p_;
  const char* end_;
  SituationJson& d_;
  Scratch& s_;
};

}  // namespace

void read_situation_json(std::string_view text, SituationJson& out) {
  static thread_local Scratch scratch;
  for (auto& ms : scratch.members) ms.clear();
  scratch.elements.clear();
  out.clear();
  Reader r(text, out, scratch);
  out.complete = r.document();
  if (!out.complete) out.doubtful = true;
}

}  // namespace skillcalc
