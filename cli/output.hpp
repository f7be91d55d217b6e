// Where the command line writes: results to stdout or the -o file, messages to stderr. Whole lines only on both
// streams (stdout is flushed before a message goes to stderr), and a failed write is remembered so that the run
// ends with exit 1 and a message instead of exit 0 with output missing.
#pragma once
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace cli {

class Output {
 public:
  Output() = default;
  explicit Output(std::string* sink) : sink_(sink) {}  // into a string (tests, fuzzers)
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output();
  // "" or "-": stdout; else the file, checked to be writable now and created or truncated at the first write (or at
  // finish()), so that a refused input leaves an earlier file as it was. False (the reason in error()) if it cannot be.
  bool open(const std::string& path);
  void write(std::string_view s);  // whole lines: `s` ends with '\n' (or is a whole CSV record)
  // Whole lines, written at once (what is buffered first): for a batch that gathers its own output.
  void write_through(std::string_view s);
  // Flushes everything; false when any write failed (the reason is in error()).
  bool finish();
  // Nothing is written: a file not yet written is left as it was (a refused input).
  void discard() { discarded_ = true; }
  bool failed() const { return failed_; }
  const std::string& name() const { return name_; }
  std::string error() const;

 private:
  std::unique_ptr<char[]> buffer_;  // a file's stdio buffer (glibc takes no size without one); outlives f_
  FILE* f_ = nullptr;
  std::string* sink_ = nullptr;
  bool own_ = false, failed_ = false, pending_ = false, discarded_ = false;
  std::string path_;  // the file to create at the first write
  bool create();
  int errno_ = 0;
  std::string name_ = "<stdout>";
};

// A whole line on stderr (a newline is added), after stdout has been flushed.
void note(const std::string& line);

// A failed write as a message on stderr: exit 1 follows.
int write_failed(const Output& out);

// A line on stderr every few seconds of a long batch, between records: how many are done, of how many, how fast.
struct Progress {
  using clock = std::chrono::steady_clock;
  bool quiet = false;
  const char* what = "";
  clock::time_point start = clock::now(), last = clock::now();
  void tick(long long done, long long total, double fraction = -1);        // looks at the clock every 1,024 records
  void tick_batch(long long done, long long total, double fraction = -1);  // after a batch: looks every time
  double seconds() const { return std::chrono::duration<double>(clock::now() - start).count(); }
};

}  // namespace cli
