// Positions in JSON texts: syntax errors by line and column, JSON pointers by line.
#include "json_text.hpp"

namespace skillcalc {

namespace {

using json = nlohmann::json;

// A SAX handler that builds nothing and remembers where the parser gave up.
struct ErrorAt : json::json_sax_t {
  size_t position = 0;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(json::number_integer_t) override { return true; }
  bool number_unsigned(json::number_unsigned_t) override { return true; }
  bool number_float(json::number_float_t, const json::string_t&) override { return true; }
  bool string(json::string_t&) override { return true; }
  bool binary(json::binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(json::string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception&) override {
    position = at;
    return false;
  }
};

TextPosition position_of(std::string_view text, size_t byte) {
  TextPosition at{1, 1};
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n')
      ++at.line, at.column = 1;
    else if ((c & 0xC0) != 0x80)  // count characters, not the continuation bytes of UTF-8
      ++at.column;
  }
  return at;
}

// "/measures/3/quote" -> {"measures", "3", "quote"}, with ~1 and ~0 undone.
std::vector<std::string> tokens_of(std::string_view pointer) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < pointer.size() && pointer[i] == '/') {
    size_t j = pointer.find('/', i + 1);
    if (j == std::string_view::npos) j = pointer.size();
    std::string t;
    for (size_t k = i + 1; k < j; ++k) {
      if (pointer[k] == '~' && k + 1 < j && (pointer[k + 1] == '0' || pointer[k + 1] == '1'))
        t += pointer[++k] == '0' ? '~' : '/';
      else
        t += pointer[k];
    }
    out.push_back(t);
    i = j;
  }
  return out;
}

// The end of the string that starts at text[i] (a quote), and its contents with simple escapes undone.
size_t scan_string(std::string_view text, size_t i, std::string* out) {
  for (++i; i < text.size() && text[i] != '"'; ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    if (out) *out += text[i];
  }
  return i;  // at the closing quote
}

}  // namespace

bool parse_json_at(std::string_view text, json& out, TextPosition& at) {
  out = json::parse(text.begin(), text.end(), nullptr, false);
  if (!out.is_discarded()) return true;
  ErrorAt handler;
  json::sax_parse(text.begin(), text.end(), &handler);
  // The parser stops after the character (the end of the token) it could not take: point at that character.
  at = position_of(text, handler.position > 0 ? handler.position - 1 : 0);
  return false;
}

int line_of_pointer(std::string_view text, std::string_view pointer) {
  const std::vector<std::string> want = tokens_of(pointer);
  struct Frame {
    bool array;
    long index;
    std::string key;
  };
  std::vector<Frame> stack;
  int line = 1, best = 1;
  bool want_key = false;  // inside an object, before a member's name
  // The frames on the stack all follow `want` (so that a value starting here lies on the pointer's way).
  auto on_path = [&] {
    if (stack.size() > want.size()) return false;
    for (size_t k = 0; k < stack.size(); ++k)
      if (stack[k].array ? std::to_string(stack[k].index) != want[k] : stack[k].key != want[k]) return false;
    return true;
  };
  auto value_starts = [&] {
    if (!on_path()) return false;
    best = line;
    return stack.size() == want.size();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == ':') continue;
    if (c == ',') {
      if (!stack.empty() && stack.back().array) ++stack.back().index;
      want_key = !stack.empty() && !stack.back().array;
      continue;
    }
    if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
      want_key = false;
      continue;
    }
    if (want_key && c == '"') {
      std::string key;
      i = scan_string(text, i, &key);
      stack.back().key = key;
      want_key = false;
      continue;
    }
    if (value_starts()) return line;
    if (c == '{' || c == '[') {
      stack.push_back({c == '[', 0, ""});
      want_key = c == '{';
    } else if (c == '"') {
      i = scan_string(text, i, nullptr);
    } else {
      while (i + 1 < text.size() && std::string_view(",}] \t\r\n").find(text[i + 1]) == std::string_view::npos) ++i;
    }
  }
  return best;
}

void add_invalid_json(Problems& p, const std::string& file, const TextPosition& at) {
  p.add(file, "", "invalid_json",
        "不是有效的 JSON：第 " + std::to_string(at.line) + " 行第 " + std::to_string(at.column) +
            " 列有语法错误（常见原因：漏了逗号、多了逗号、引号未闭合、用了中文标点）",
        "not valid JSON: syntax error at line " + std::to_string(at.line) + ", column " + std::to_string(at.column) +
            " (often a missing or extra comma, an unclosed quote, or full-width punctuation)");
  if (!p.list.empty() && p.list.back().code == "invalid_json" && p.list.back().file == file)
    p.list.back().line = at.line, p.list.back().column = at.column;
}

void locate_problems(Problems& p, const std::vector<SourceFile>& files) {
  for (auto& q : p.list) {
    if (q.line || q.file.empty()) continue;
    for (auto& f : files)
      if (f.name == q.file) {
        // A file written on one line (the embedded rules are) has no line worth naming.
        if (f.text.find('\n') != std::string::npos) q.line = line_of_pointer(f.text, q.path);
        break;
      }
  }
}

}  // namespace skillcalc
