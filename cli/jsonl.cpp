#include "jsonl.hpp"

#include <algorithm>
#include <cstring>

#include "situation.hpp"

namespace cli {

// What the stream holds already, and at least one byte: a pipe fed line by line is answered line by line.
bool LineReader::fill() {
  using traits = std::char_traits<char>;
  at_ = end_ = 0;
  int c = in_.sbumpc();
  if (traits::eq_int_type(c, traits::eof())) return false;
  block_[end_++] = traits::to_char_type(c);
  std::streamsize ready = in_.in_avail();
  if (ready > 0) {
    auto room = static_cast<std::streamsize>(block_.size() - end_);
    end_ += static_cast<size_t>(in_.sgetn(block_.data() + end_, std::min(ready, room)));
  }
  return true;
}

bool LineReader::next(std::string& line, size_t cap, bool& overlong, long long& bytes) {
  line.clear();
  overlong = false;
  if (at_ == end_ && !fill()) return false;
  while (true) {
    const char* from = block_.data() + at_;
    const char* nl = static_cast<const char*>(std::memchr(from, '\n', end_ - at_));
    size_t run = nl ? static_cast<size_t>(nl - from) : end_ - at_;
    size_t keep = line.size() < cap ? std::min(run, cap - line.size()) : 0;
    line.append(from, keep);
    if (keep < run) overlong = true;
    at_ += run + (nl ? 1 : 0);
    bytes += static_cast<long long>(run + (nl ? 1 : 0));
    if (nl || (at_ == end_ && !fill())) break;
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
  LineReader lines(*buf);
  while (lines.next(line, skillcalc::kMaxSituationBytes + 1, overlong, bytes)) {
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
