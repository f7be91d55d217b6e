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

bool LineReader::ready() {
  return at_ != end_ || in_.in_avail() > 0;
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

namespace {

// The answers of a batch, written one after another into one buffer (no answer copied on its own) and sent on
// whole: when a mebibyte is there, and before waiting for input that has not come (a pipe fed line by line is
// answered line by line).
class Answers {
 public:
  explicit Answers(Output& out) : out_(out) {}
  ~Answers() { send(); }
  std::string& buffer() { return buf_; }
  size_t end() const { return end_; }
  void set_end(size_t end) { end_ = end; }
  // `text` as the next answer.
  void put(std::string_view text) {
    if (buf_.size() < end_ + text.size()) buf_.resize(end_ + text.size());
    buf_.replace(end_, text.size(), text);
    end_ += text.size();
  }
  void send() {
    if (end_) out_.write_through(std::string_view(buf_.data(), end_));
    end_ = 0;
  }
  static constexpr size_t kBatch = 1 << 20;

 private:
  Output& out_;
  std::string buf_;
  size_t end_ = 0;
};

bool is_error(const std::string& buf, size_t at) {
  return buf.compare(at, 12, "{\"ok\":false,") == 0;
}

}  // namespace

JsonlCounts eval_jsonl(const skillcalc::Engine& e, std::istream& in, const std::string& day, Output& out,
                       Progress* progress, long long size, bool compact) {
  JsonlCounts n;
  std::string line;
  bool overlong = false;
  long long bytes = 0;
  std::streambuf* buf = in.rdbuf();
  if (!buf) return n;
  LineReader lines(*buf);
  Answers answers(out);
  while (true) {
    if (answers.end() >= Answers::kBatch || (answers.end() && !lines.ready())) answers.send();
    if (out.failed() || !lines.next(line, skillcalc::kMaxSituationBytes + 1, overlong, bytes)) break;
    ++n.lines;
    size_t at = answers.end();
    if (overlong)
      answers.put(
          error_line("too_large", "这一行过大（最多 256 KiB）", "this line is too large (at most 256 KiB)", n.lines));
    else if (line.find_first_not_of(" \t") == std::string::npos)
      answers.put(
          error_line("empty_line", "空行：没有要测算的情形", "a blank line: no situation to evaluate", n.lines));
    else {
      answers.set_end(e.evaluate_at(answers.buffer(), at, line, day, compact));
      if (is_error(answers.buffer(), at)) {  // the error names its line
        std::string r = with_line(answers.buffer().substr(at, answers.end() - at), n.lines);
        answers.set_end(at);
        answers.put(r);
      }
    }
    if (is_error(answers.buffer(), at)) ++n.bad;
    answers.put("\n");
    if (progress) progress->tick(n.lines, 0, size > 0 ? static_cast<double>(bytes) / static_cast<double>(size) : -1);
  }
  answers.send();
  return n;
}

}  // namespace cli
