#include "situation_json.hpp"

namespace skillcalc {

void SituationJson::clear() {
  root = {};
  members.clear();
  elements.clear();
  unescaped.clear();
  complete = doubtful = false;
}

namespace {

// An object with more members than this is left to the strict checker to find a key twice.
constexpr uint32_t kMembersCompared = 32;

// Equal keys; most unequal ones told apart by their length or first byte, without a call to memcmp.
bool same_key(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
}

// Where the members and elements of the objects being read wait until their object is closed, so that each
// object's members lie together: one list per level of the situation (top, applicant or events, event).
struct Scratch {
  std::vector<JsonMember> members[3];
  std::vector<JsonValue> elements;
};

class Reader : JsonScan {
 public:
  Reader(std::string_view text, SituationJson& out, Scratch& scratch) : JsonScan(text), d_(out), s_(scratch) {}

  // The whole text: one value (the situation object when it is one), then white space only.
  bool document() {
    if (!bom()) return false;
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
      if (p_ == end_ || *p_ != '"' || !str(m.key)) return false;
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
        if (same_key(ms[i].key, ms[k].key)) d_.doubtful = true;
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
        return str(v.text);
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

  // A string: a view into the text, or its unescaped copy kept with the record.
  bool str(std::string_view& out) {
    return string(out, [this]() -> std::string& { return d_.unescaped.emplace_back(); });
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
