#include "strict_json.hpp"

#include <unordered_set>
#include <vector>

#include "json_fast.hpp"

namespace skillcalc {

using json = nlohmann::json;

std::string pointer_token(std::string_view key) {
  std::string t;
  t.reserve(key.size());
  for (char c : key) {
    if (c == '~')
      t += "~0";
    else if (c == '/')
      t += "~1";
    else
      t += c;
  }
  return t;
}

namespace {

// A pass over the document that notes the first repeated key (with its pointer) and where a syntax error is.
struct Checker : nlohmann::json_sax<json> {
  struct Frame {
    bool object = false;
    long index = -1;  // arrays: the element being read
    std::string key;  // objects: the member being read
    std::unordered_set<std::string> keys;
  };
  std::vector<Frame> stack;
  std::string duplicate;  // the pointer of the repeated key
  bool has_duplicate = false;
  size_t error_at = 0;
  std::string error_token;

  bool value() {
    if (!stack.empty() && !stack.back().object) ++stack.back().index;
    return true;
  }
  std::string pointer() const {
    std::string p;
    for (auto& f : stack) p += "/" + (f.object ? pointer_token(f.key) : std::to_string(f.index));
    return p;
  }
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override {
    value();
    stack.push_back({true, -1, "", {}});
    return true;
  }
  bool key(string_t& k) override {
    Frame& f = stack.back();
    f.key = k;
    if (!f.keys.insert(k).second) {
      duplicate = pointer();
      has_duplicate = true;
      return false;  // stop here
    }
    return true;
  }
  bool end_object() override {
    stack.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    value();
    stack.push_back({false, -1, "", {}});
    return true;
  }
  bool end_array() override {
    stack.pop_back();
    return true;
  }
  bool parse_error(std::size_t pos, const std::string& token, const nlohmann::detail::exception&) override {
    error_at = pos;
    error_token = token;
    return false;
  }
};

// The offset of the first byte that does not begin or continue a UTF-8 character (overlong forms, surrogates and
// code points above U+10FFFF included), or npos.
size_t first_bad_utf8(std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
    if (!n || i + n >= t.size()) return i;  // not a lead byte, or cut short
    unsigned char c1 = static_cast<unsigned char>(t[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
      return i;
    for (size_t k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) return i;
    i += n + 1;
  }
  return std::string_view::npos;
}

}  // namespace

bool strict_fault(std::string_view text, JsonFault& fault) {
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    fault = {"invalid_json", "", "不是有效的 JSON（第 " + std::to_string(nul + 1) + " 字节是 NUL 字节 0x00）",
             "not valid JSON (byte " + std::to_string(nul + 1) + " is a NUL byte, 0x00)"};
    return true;
  }
  Checker c;
  bool ok = json::sax_parse(text.begin(), text.end(), &c, nlohmann::detail::input_format_t::json, true);
  if (c.has_duplicate) {
    fault = {"duplicate_key", c.duplicate, "同一对象中的键重复出现（" + c.duplicate + "）：请只写一次",
             "a key appears twice in the same object (" + c.duplicate + "): write it once"};
    return true;
  }
  if (!ok) {
    std::string at = std::to_string(c.error_at);
    fault = {"invalid_json", "", "不是有效的 JSON（第 " + at + " 字节附近）", "not valid JSON (near byte " + at + ")"};
    if (size_t bad = first_bad_utf8(text); bad != std::string_view::npos) {  // a GBK file, most often
      std::string b = std::to_string(bad + 1);
      fault.zh = "不是有效的 JSON：第 " + b + " 字节起不是 UTF-8 文字（文件可能是 GBK 编码，请另存为 UTF-8 后重试）";
      fault.en = "not valid JSON: byte " + b + " is not UTF-8 text (the file may be GBK-encoded: save it as UTF-8)";
    }
    return true;
  }
  return false;
}

namespace {

// Builds the document as nlohmann's own parser does, and stops at a key its object already has: for what the fast
// reader (json_fast.hpp) does not vouch for. One pass: the Checker above runs only when this one stops, to name the
// fault exactly as strict_fault does.
struct Builder : JsonSaxTypes {
  json& root;
  std::vector<json*> open;  // the arrays and objects being read, innermost last
  json* member = nullptr;   // the value of the key just read

  template <class V>
  json* put(V&& v) {
    if (open.empty()) {
      root = json(std::forward<V>(v));
      return &root;
    }
    json& top = *open.back();
    if (top.is_array()) {
      auto& a = top.get_ref<json::array_t&>();
      a.emplace_back(std::forward<V>(v));
      return &a.back();
    }
    *member = json(std::forward<V>(v));
    return member;
  }
  bool null() { return put(nullptr), true; }
  bool boolean(bool b) { return put(b), true; }
  bool number_integer(number_integer_t v) { return put(v), true; }
  bool number_unsigned(number_unsigned_t v) { return put(v), true; }
  bool number_float(number_float_t v, const string_t&) { return put(v), true; }
  bool string(string_t& s) { return put(std::move(s)), true; }
  bool binary(binary_t& b) { return put(json::binary(std::move(b))), true; }
  bool start_object(std::size_t) { return open.push_back(put(json::value_t::object)), true; }
  bool key(string_t& k) {
    auto [it, inserted] = open.back()->get_ref<json::object_t&>().emplace(std::move(k), nullptr);
    member = &it->second;
    return inserted;
  }
  bool end_object() { return open.pop_back(), true; }
  bool start_array(std::size_t) { return open.push_back(put(json::value_t::array)), true; }
  bool end_array() { return open.pop_back(), true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }
};

}  // namespace

bool parse_strict(std::string_view text, json& out, JsonFault& fault) {
  if (text.find('\0') == std::string_view::npos) {
    if (read_json_fast(text, out)) return true;
    Builder b{{}, out, {}};
    if (json::sax_parse(text.begin(), text.end(), &b, nlohmann::detail::input_format_t::json, true)) return true;
  }
  out = json();
  if (strict_fault(text, fault)) return false;
  fault = {"invalid_json", "", "不是有效的 JSON", "not valid JSON"};
  return false;
}

}  // namespace skillcalc
