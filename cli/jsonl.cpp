#include "jsonl.hpp"

#if defined(__linux__)
#include <sched.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <string_view>
#include <thread>

#include "crew.hpp"
#include "csv_read.hpp"
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

const char* utf16_refusal(std::string_view head) {
  static const char* const bom_refusal =
      "{\"ok\":false,\"error\":{\"code\":\"invalid_encoding\",\"path\":\"\",\"zh\":\"文件是 UTF-16 "
      "编码（以字节顺序标记开头）：请另存为 UTF-8（每行一个 JSON）后重试\",\"en\":\"the file is UTF-16 (it begins "
      "with a byte-order mark): save it as UTF-8, one JSON a line, and try again\"}}\n";
  static const char* const nul_refusal =
      "{\"ok\":false,\"error\":{\"code\":\"invalid_encoding\",\"path\":\"\",\"zh\":\"文件是 UTF-16 "
      "编码（没有字节顺序标记，但每隔一个字节是 NUL）：请另存为 UTF-8（每行一个 JSON）后重试\",\"en\":\"the file is "
      "UTF-16 (without a byte-order mark, but every other byte is NUL): save it as UTF-8, one JSON a line, and try "
      "again\"}}\n";
  // An Excel workbook given by mistake (.xlsx is a zip, .xls an OLE2 file): refused once, not a line of errors
  // per run of its bytes.
  static const char* const workbook_refusal =
      "{\"ok\":false,\"error\":{\"code\":\"invalid_encoding\",\"path\":\"\",\"zh\":\"这是 Excel "
      "工作簿（.xlsx 或 .xls），不是每行一个 JSON 的文本：表格请在 Excel 中另存为“CSV UTF-8”后用 --csv "
      "读取\",\"en\":\"this "
      "is an Excel workbook (.xlsx or .xls), not text of one JSON a line: save the sheet as CSV UTF-8 in Excel and "
      "read "
      "it with --csv\"}}\n";
  if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
      head.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return workbook_refusal;
  if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF')))
    return bom_refusal;
  // Lines ended by CR alone (an old Mac file): read by LF, the whole file is one line, its situations one error.
  static const char* const cr_refusal =
      "{\"ok\":false,\"error\":{\"code\":\"invalid_encoding\",\"path\":\"\",\"zh\":\"文件的行尾只有 CR（回车），没有 "
      "LF：各行会被读成一行；请另存为以 LF 或 CRLF 结束每行的文本后重试\",\"en\":\"the file ends its lines with CR "
      "alone, with no LF, so its lines would read as one: save it with LF or CRLF line ends and try again\"}}\n";
  size_t cr = head.find('\r');
  if (head.find('\n') == std::string_view::npos && cr != std::string_view::npos && cr + 1 < head.size() &&
      head[cr + 1] != '\r')
    return cr_refusal;
  return csv::looks_utf16(head) ? nul_refusal : nullptr;
}

const char* utf16_refusal(std::istream& in) {
  std::string head(1024, '\0');
  in.read(&head[0], static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  in.clear();
  in.seekg(0);
  return utf16_refusal(std::string_view(head));
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

// Lines read ahead, one after another in one buffer; a line is a view into it.
struct Batch {
  std::string text;            // the lines without their LF (an overlong line: nothing)
  std::vector<size_t> ends;    // where each line ends in `text`
  std::vector<char> overlong;  // whether the line was over kMaxSituationBytes
  long long first = 0;         // the input line number of the first line
  size_t size() const { return ends.size(); }
  std::string_view line(size_t i) const {
    size_t from = i ? ends[i - 1] : 0;
    return std::string_view(text).substr(from, ends[i] - from);
  }
};

// A batch holds at most this many lines a thread, for up to 16 threads (full answers are ~14 KB each: a batch's
// answers stay under 2 MiB a thread and 32 MiB in all), and stops after kBatchBytes of input.
size_t batch_lines(bool compact, int threads) {
  return (compact ? 1024 : 128) * static_cast<size_t>(std::min(threads, 16));
}
constexpr size_t kBatchBytes = 1 << 20;
// A batch smaller than this is answered by the reading thread alone (a pipe fed line by line).
constexpr size_t kShareFrom = 64;

// Reads the next batch, its lines numbered from first + 1: its first line waiting for input if need be, then more
// only while input is there without waiting, so that a pipe fed line by line is answered line by line. False at
// the end of the input.
bool read_batch(LineReader& lines, Batch& b, long long first, std::string& line, size_t max_lines, long long& bytes) {
  b.first = first;
  b.text.clear();
  b.ends.clear();
  b.overlong.clear();
  bool overlong = false;
  while (b.size() < max_lines && b.text.size() < kBatchBytes && (b.size() == 0 || lines.ready())) {
    if (!lines.next(line, skillcalc::kMaxSituationBytes + 1, overlong, bytes)) break;
    if (!overlong) b.text += line;
    b.ends.push_back(b.text.size());
    b.overlong.push_back(overlong);
  }
  return b.size() > 0;
}

// The answers to a chunk of a batch's lines, one after another in one buffer (no answer copied on its own), each
// with its LF, and how many of them are errors. Shares sit on cache lines of their own: a thread updates its
// share's `end` after every piece of an answer.
struct alignas(64) Share {
  std::string buf;
  size_t end = 0;
  long long bad = 0;
  void put(std::string_view text) {
    if (buf.size() < end + text.size()) buf.resize(end + text.size());
    buf.replace(end, text.size(), text);
    end += text.size();
  }
};

bool is_error(const std::string& buf, size_t at) {
  return buf.compare(at, 12, "{\"ok\":false,") == 0;
}

// The answer to line i of the batch, into the share.
void answer_line(const skillcalc::Engine& e, const Batch& b, size_t i, const std::string& day, bool compact, Share& s) {
  long long number = b.first + static_cast<long long>(i) + 1;
  std::string_view line = b.line(i);
  size_t at = s.end;
  if (b.overlong[i])
    s.put(error_line("too_large", "这一行过大（最多 256 KiB）", "this line is too large (at most 256 KiB)", number));
  else if (skillcalc::blank_line(line))
    s.put(error_line("empty_line", "空行：没有要测算的情形", "a blank line: no situation to evaluate", number));
  else {
    s.end = e.evaluate_at(s.buf, at, line, day, compact);
    if (is_error(s.buf, at)) {  // the error names its line
      std::string r = with_line(s.buf.substr(at, s.end - at), number);
      s.end = at;
      s.put(r);
    }
  }
  if (is_error(s.buf, at)) ++s.bad;
  s.put("\n");
}

// A batch and its answers: share k holds the answers to its k-th chunk of lines in a row. Threads take the chunks
// in turn (whichever thread is running takes the next), so a thread slowed by the reading or the writing, or by a
// run of long situations, leaves more to the others.
struct Round {
  Batch batch;
  std::vector<Share> shares;
  size_t chunks = 0, chunk = 1;
  std::atomic<size_t> next{0};
  bool started = false;  // on the crew's threads
};

// Takes chunks until none is left.
void take_chunks(const skillcalc::Engine& e, Round& r, const std::string& day, bool compact) {
  const Batch& b = r.batch;
  for (size_t c = r.next.fetch_add(1); c < r.chunks; c = r.next.fetch_add(1))
    for (size_t i = c * r.chunk, to = std::min(b.size(), i + r.chunk); i < to; ++i)
      answer_line(e, b, i, day, compact, r.shares[c]);
}

// Starts answering the round's batch on the crew's threads, or answers it at once on this one when there is no
// crew or the batch is small (a pipe fed line by line).
void begin_round(const skillcalc::Engine& e, Round& r, const std::string& day, bool compact, Crew* crew) {
  r.started = crew && r.batch.size() >= kShareFrom;
  r.chunk = r.started ? (compact ? 64 : 16) : r.batch.size();
  r.chunks = (r.batch.size() + r.chunk - 1) / r.chunk;
  if (r.shares.size() < r.chunks) r.shares.resize(r.chunks);
  for (Share& s : r.shares) s.end = 0, s.bad = 0;
  r.next = 0;
  if (r.started)
    crew->start([&e, &r, &day, compact](int) { take_chunks(e, r, day, compact); });
  else
    take_chunks(e, r, day, compact);
}

// This thread takes what chunks are left, then waits for the crew's.
void end_round(const skillcalc::Engine& e, Round& r, const std::string& day, bool compact, Crew* crew) {
  if (!r.started) return;
  take_chunks(e, r, day, compact);
  crew->wait();
  r.started = false;
}

// The round's answers, in order, to the output; the counts and the progress line follow them.
void write_round(const Round& r, Output& out, JsonlCounts& n, Progress* progress, long long bytes, long long size) {
  for (const Share& s : r.shares) {
    if (s.end) out.write_through(std::string_view(s.buf.data(), s.end));
    n.bad += s.bad;
  }
  n.lines += static_cast<long long>(r.batch.size());
  if (progress)
    progress->tick_batch(n.lines, 0, size > 0 ? static_cast<double>(bytes) / static_cast<double>(size) : -1);
}

}  // namespace

// The processors this process may run on (a container's or `taskset`'s share, where the machine's count would
// start threads that only wait for each other), else the machine's.
int default_threads() {
  unsigned n = std::thread::hardware_concurrency();
#if defined(__linux__)
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) n = static_cast<unsigned>(CPU_COUNT(&set));
#endif
  return n == 0 ? 1 : static_cast<int>(std::min<unsigned>(n, kDefaultMaxThreads));
}

// With more than one thread, this thread reads the next batch and writes the last one's answers while the crew
// (threads - 1 more) answers this one, then takes part; it writes before it waits for input that has not come.
JsonlCounts eval_jsonl(const skillcalc::Engine& e, std::istream& in, const std::string& day, Output& out,
                       Progress* progress, long long size, bool compact, int threads) {
  JsonlCounts n;
  std::streambuf* buf = in.rdbuf();
  if (!buf) return n;
  LineReader lines(*buf);
  threads = std::max(1, std::min(threads, kMaxThreads));
  Round r[2];  // before the crew: destroyed after it, so that no crew thread is still answering into them
  std::unique_ptr<Crew> crew = threads > 1 ? std::make_unique<Crew>(threads - 1) : nullptr;
  const size_t most = batch_lines(compact, threads);
  std::string line;
  long long bytes = 0, read = 0;
  int cur = 0;
  bool pending = false;  // r[1 - cur] holds answers not yet written
  bool more = read_batch(lines, r[cur].batch, read, line, most, bytes);
  while (more && !out.failed()) {
    read += static_cast<long long>(r[cur].batch.size());
    begin_round(e, r[cur], day, compact, crew.get());
    if (pending) write_round(r[1 - cur], out, n, progress, bytes, size);
    bool ahead = lines.ready() && read_batch(lines, r[1 - cur].batch, read, line, most, bytes);
    end_round(e, r[cur], day, compact, crew.get());
    pending = ahead;
    if (!ahead) {
      write_round(r[cur], out, n, progress, bytes, size);
      more = read_batch(lines, r[1 - cur].batch, read, line, most, bytes);
    }
    cur = 1 - cur;
  }
  if (pending) write_round(r[1 - cur], out, n, progress, bytes, size);
  return n;
}

}  // namespace cli
