#include "jsonl.hpp"

#include "situation.hpp"

namespace cli {

bool read_line(std::streambuf& in, std::string& line, size_t cap, bool& overlong, long long& bytes) {
  line.clear();
  overlong = false;
  using traits = std::char_traits<char>;
  int c = in.sbumpc();
  if (traits::eq_int_type(c, traits::eof())) return false;
  while (!traits::eq_int_type(c, traits::eof())) {
    ++bytes;
    if (c == '\n') break;
    if (line.size() < cap)
      line += static_cast<char>(c);
    else
      overlong = true;
    c = in.sbumpc();
  }
  if (!overlong && !line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

std::string with_line(const std::string& result, long long line) {
  static const std::string head = "{\"ok\":false,";
  if (result.compare(0, head.size(), head) != 0) return result;
  return head + "\"line\":" + std::to_string(line) + "," + result.substr(head.size());
}

namespace {

std::string error_line(const char* code, const char* zh, const char* en, long long line) {
  return "{\"ok\":false,\"line\":" + std::to_string(line) + ",\"error\":{\"code\":\"" + code +
         "\",\"path\":\"\",\"zh\":\"" + zh + "\",\"en\":\"" + en + "\"}}";
}

}  // namespace

JsonlCounts eval_jsonl(const skillcalc::Engine& e, std::istream& in, const std::string& day, Output& out,
                       Progress* progress, long long size, bool compact) {
  JsonlCounts n;
  std::string line, r;
  bool overlong = false;
  long long bytes = 0;
  std::streambuf* buf = in.rdbuf();
  if (!buf) return n;
  while (read_line(*buf, line, skillcalc::kMaxSituationBytes + 1, overlong, bytes)) {
    ++n.lines;
    if (overlong)
      r = error_line("too_large", "这一行过大（最多 256 KiB）", "this line is too large (at most 256 KiB)", n.lines);
    else if (line.find_first_not_of(" \t") == std::string::npos)
      r = error_line("empty_line", "空行：没有要测算的情形", "a blank line: no situation to evaluate", n.lines);
    else {
      e.evaluate_into(r, line, day, compact);  // one buffer for every answer
      if (r.compare(0, 12, "{\"ok\":false,") == 0) r = with_line(r, n.lines);
    }
    if (r.compare(0, 12, "{\"ok\":false,") == 0) ++n.bad;
    r += '\n';
    out.write(r);
    if (out.failed()) break;
    if (progress) progress->tick(n.lines, 0, size > 0 ? static_cast<double>(bytes) / static_cast<double>(size) : -1);
  }
  return n;
}

}  // namespace cli
