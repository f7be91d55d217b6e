#include "output.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cli {

Output::~Output() {
  if (own_ && f_) std::fclose(f_);
}

bool Output::open(const std::string& path) {
  if (sink_) return true;
  if (path.empty() || path == "-") {
    f_ = stdout;
    static char buffer[1 << 20];  // one copy of each line, memory flat
    std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
    return true;
  }
  name_ = path_ = path;
  // Writable? Opened for appending, which changes nothing in a file that is there; one that was not is removed again.
  struct stat st {};
  bool existed = stat(path.c_str(), &st) == 0;
  FILE* probe = std::fopen(path.c_str(), "ab");
  if (!probe) {
    failed_ = true, errno_ = errno;
    return false;
  }
  std::fclose(probe);
  if (!existed) std::remove(path.c_str());
  pending_ = true;
  return true;
}

bool Output::create() {
  pending_ = false;
  f_ = std::fopen(path_.c_str(), "wb");
  if (!f_) {
    failed_ = true, errno_ = errno;
    return false;
  }
  own_ = true;
  // As stdout: with the default 4 KB buffer every result (14 KB) would be a write of its own.
  buffer_ = std::make_unique<char[]>(1 << 20);
  std::setvbuf(f_, buffer_.get(), _IOFBF, 1 << 20);
  return true;
}

void Output::write(std::string_view s) {
  if (sink_) {
    sink_->append(s);
    return;
  }
  if (s.empty()) return;
  if (pending_ && !discarded_ && !create()) return;
  if (failed_ || !f_) return;
  if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true, errno_ = errno;
}

void Output::write_through(std::string_view s) {
  if (sink_ || s.empty()) return write(s);
  if (pending_ && !discarded_ && !create()) return;
  if (failed_ || !f_) return;
  if (std::fflush(f_) != 0) {
    failed_ = true, errno_ = errno;
    return;
  }
  int fd = fileno(f_);
  while (!s.empty()) {
    ssize_t n = ::write(fd, s.data(), s.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      failed_ = true, errno_ = n < 0 ? errno : EIO;
      return;
    }
    s.remove_prefix(static_cast<size_t>(n));
  }
}

bool Output::finish() {
  if (sink_) return true;
  if (discarded_) return !failed_;
  if (pending_ && !create()) return false;  // an empty output is still this run's output
  if (!f_) return !failed_;
  if (std::fflush(f_) != 0 || std::ferror(f_)) {
    if (!failed_) errno_ = errno;
    failed_ = true;
  }
  if (own_) {
    if (std::fclose(f_) != 0 && !failed_) failed_ = true, errno_ = errno;
    f_ = nullptr, own_ = false;
  }
  return !failed_;
}

std::string Output::error() const {
  return errno_ ? std::strerror(errno_) : "write error";
}

void note(const std::string& line) {
  std::fflush(stdout);
  std::string l = line + "\n";
  std::fwrite(l.data(), 1, l.size(), stderr);  // stderr is unbuffered: one write of the whole line
}

int write_failed(const Output& out) {
  note("skillcalc: 无法写入 " + out.name() + "（" + out.error() + "），输出不完整 / cannot write " + out.name() + " (" +
       out.error() + "): the output is incomplete");
  return 1;
}

void Progress::tick(long long done, long long total, double fraction) {
  if ((done & 1023) == 0) tick_batch(done, total, fraction);
}

void Progress::tick_batch(long long done, long long total, double fraction) {
  if (quiet) return;
  auto now = clock::now();
  if (now - last < std::chrono::seconds(3)) return;
  last = now;
  double secs = std::chrono::duration<double>(now - start).count();
  double rate = secs > 0 ? done / secs : 0;
  char b[200];
  if (total > 0)
    std::snprintf(b, sizeof b, "%s: %lld/%lld (%.0f%%), %.0f/s", what, done, total,
                  100.0 * static_cast<double>(done) / static_cast<double>(total), rate);
  else if (fraction >= 0)
    std::snprintf(b, sizeof b, "%s: %lld done (%.0f%% of the input), %.0f/s", what, done, 100 * fraction, rate);
  else
    std::snprintf(b, sizeof b, "%s: %lld done, %.0f/s", what, done, rate);
  note(b);
}

}  // namespace cli
