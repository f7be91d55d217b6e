#include "strict_json.hpp"

#include <unordered_set>
#include <vector>

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
    return true;
  }
  return false;
}

bool parse_strict(std::string_view text, json& out, JsonFault& fault) {
  if (strict_fault(text, fault)) return false;
  out = json::parse(text.begin(), text.end(), nullptr, false);
  if (out.is_discarded()) {
    fault = {"invalid_json", "", "不是有效的 JSON", "not valid JSON"};
    return false;
  }
  return true;
}

}  // namespace skillcalc
