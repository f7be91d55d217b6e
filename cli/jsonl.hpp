// eval --jsonl: one situation per input line, one answer per input line, in order. A blank line, an overlong line
// or a bad situation gets an error object that names its input line, so that answers always line up with lines.
#pragma once
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "output.hpp"
#include "skillcalc.hpp"

namespace cli {

struct JsonlCounts {
  long long lines = 0, bad = 0;
};

// `size` (the input's size in bytes, 0 when unknown) only feeds the progress line; `compact`: compact results.
// `threads`: how many threads answer the lines of a batch (1: this one alone); the answers are the same bytes in the
// same order whatever the number.
JsonlCounts eval_jsonl(const skillcalc::Engine& e, std::istream& in, const std::string& day, Output& out,
                       Progress* progress, long long size, bool compact = false, int threads = 1);

// The threads eval --jsonl uses unless told: the machine's cores, at most kDefaultMaxThreads; --threads may say up
// to kMaxThreads.
int default_threads();
constexpr int kDefaultMaxThreads = 16, kMaxThreads = 64;

// Lines of a stream, read a block at a time (a byte at a time through the stream costs more than evaluating a
// compact result).
class LineReader {
 public:
  explicit LineReader(std::streambuf& in) : in_(in), block_(1 << 16) {}
  // Reads one line (without its LF or CRLF) of at most `cap` bytes; the rest of a longer line is skipped and
  // `overlong` set. `bytes` grows by the bytes read, LF included. False at the end of the input.
  bool next(std::string& line, size_t cap, bool& overlong, long long& bytes);
  // Whether a line can start without waiting for input: bytes are read and not yet taken, or the stream has some.
  bool ready();

 private:
  std::streambuf& in_;
  std::vector<char> block_;
  size_t at_ = 0, end_ = 0;
  bool fill();
};

// Whether a file is UTF-16: it begins with a byte-order mark (FF FE or FE FF), or, without one, its first KiB has NUL
// bytes at every other byte (csv::looks_utf16, as the claims CSV is recognised). No line of such a file can be read
// (each would be a NUL-ridden error, and a UTF-16 line break splits lines where none is), so eval --jsonl and budget
// refuse it once: the error object to write (`invalid_encoding`, with its line end), or null when the file is not
// UTF-16. The stream is left at its start.
const char* utf16_refusal(std::istream& in);
// The same for the first bytes of a stream that cannot seek (standard input: FdBuf::buffered_head).
const char* utf16_refusal(std::string_view head);

// {"ok":false,"line":N,"error":{…}}: an error object with the input line it answers.
std::string with_line(const std::string& result, long long line);

}  // namespace cli
