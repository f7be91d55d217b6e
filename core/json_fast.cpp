#include "json_fast.hpp"

#include <cmath>
#include <string>

#include "json_scan.hpp"

namespace skillcalc {

namespace {

using json = nlohmann::json;

constexpr int kMaxDepth = 256;

class DomReader : JsonScan {
 public:
  explicit DomReader(std::string_view text) : JsonScan(text) {}

  bool document(json& root) {
    if (!bom()) return false;
    space();
    if (!value(root, 0)) return false;
    space();
    return p_ == end_;
  }

 private:
  bool value(json& slot, int depth) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{':
        return depth < kMaxDepth && object(slot, depth + 1);
      case '[':
        return depth < kMaxDepth && array(slot, depth + 1);
      case '"': {
        std::string_view s;
        if (!text(s)) return false;
        slot = std::string(s);
        return true;
      }
      case 't':
        return literal("true") && (slot = true, true);
      case 'f':
        return literal("false") && (slot = false, true);
      case 'n':
        return literal("null") && (slot = nullptr, true);
      default:
        return number_into(slot);
    }
  }

  bool object(json& slot, int depth) {
    ++p_;  // {
    slot = json::object();
    auto& members = slot.get_ref<json::object_t&>();
    return items('}', [&] {
      std::string_view key;
      if (p_ == end_ || *p_ != '"' || !text(key)) return false;
      space();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      space();
      auto [it, inserted] = members.emplace(std::string(key), nullptr);
      return inserted && value(it->second, depth);  // a key twice: the strict parse names it
    });
  }

  bool array(json& slot, int depth) {
    ++p_;  // [
    slot = json::array();
    auto& elements = slot.get_ref<json::array_t&>();
    return items(']', [&] {
      elements.emplace_back();
      return value(elements.back(), depth);
    });
  }

  // The members or elements of a container after its opening bracket, each read by `one`, up to `close`.
  template <class One>
  bool items(char close, const One& one) {
    space();
    if (p_ != end_ && *p_ == close) return ++p_, true;
    while (true) {
      space();
      if (!one()) return false;
      space();
      if (p_ == end_) return false;
      if (*p_ == close) return ++p_, true;
      if (*p_ != ',') return false;
      ++p_;
    }
  }

  bool number_into(json& slot) {
    std::string_view token;
    if (!number(token)) return false;
    JsonNumber n = json_number(token);
    if (n.kind == JsonNumber::Kind::Unsigned)
      slot = static_cast<json::number_unsigned_t>(n.u);
    else if (n.kind == JsonNumber::Kind::Integer)
      slot = static_cast<json::number_integer_t>(n.i);
    else if (std::isfinite(n.f))
      slot = static_cast<json::number_float_t>(n.f);
    else
      return false;
    return true;
  }

  // A string: a view into the text, or into `unescaped_` when it had escapes (valid until the next string).
  bool text(std::string_view& out) {
    return string(out, [this]() -> std::string& { return unescaped_; });
  }

  std::string unescaped_;
};

}  // namespace

bool read_json_fast(std::string_view text, nlohmann::json& out) {
  return DomReader(text).document(out);
}

}  // namespace skillcalc
