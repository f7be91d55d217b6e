#include "mapped.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cli {

namespace {

// Copies fd to an unlinked temporary file; its descriptor, or -1.
int spool(int fd) {
  const char* dir = std::getenv("TMPDIR");
  std::string name = std::string(dir && *dir ? dir : "/tmp") + "/skillcalc-XXXXXX";
  int out = mkstemp(name.data());
  if (out < 0) return -1;
  unlink(name.c_str());
  static char buf[1 << 16];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      close(out);
      return -1;
    }
    for (ssize_t w = 0; w < n;) {
      ssize_t k = write(out, buf + w, static_cast<size_t>(n - w));
      if (k < 0 && errno == EINTR) continue;
      if (k <= 0) {
        close(out);
        return -1;
      }
      w += k;
    }
  }
  return out;
}

}  // namespace

Mapped::~Mapped() {
  if (base_ && size_) munmap(base_, size_);
  if (fd_ >= 0) close(fd_);
}

bool Mapped::open(const std::string& path, std::string& zh, std::string& en) {
  int fd = path == "-" ? dup(0) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    zh = "无法读取文件（" + std::string(std::strerror(errno)) + "）";
    en = "cannot read the file (" + std::string(std::strerror(errno)) + ")";
    return false;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    close(fd);
    zh = "这是一个文件夹，不是文件", en = "this is a folder, not a file";
    return false;
  }
  if (!S_ISREG(st.st_mode)) {  // stdin, a pipe, a device: copied first
    int tmp = spool(fd);
    close(fd);
    if (tmp < 0 || fstat(tmp, &st) != 0) {
      if (tmp >= 0) close(tmp);
      zh = "无法读取输入（临时文件写入失败）", en = "cannot read the input (the temporary copy failed)";
      return false;
    }
    fd = tmp;
  }
  size_ = static_cast<size_t>(st.st_size);
  if (size_ == 0) {
    close(fd);
    base_ = nullptr;
    return true;
  }
  base_ = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
  if (base_ == MAP_FAILED) {
    close(fd);
    base_ = nullptr, size_ = 0;
    zh = "无法读取文件（映射失败）", en = "cannot read the file (mapping failed)";
    return false;
  }
  fd_ = fd;
  madvise(base_, size_, MADV_SEQUENTIAL);
  return true;
}

std::string_view Mapped::read_at(size_t offset, size_t want, std::string& buf) const {
  if (offset >= size_) return {};
  if (want > size_ - offset) want = size_ - offset;
  buf.resize(want);
  size_t got = 0;
  while (got < want) {
    ssize_t n = pread(fd_, &buf[got], want - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the file shrank or failed underneath: the copy mapped at open still holds the bytes
    got += static_cast<size_t>(n);
  }
  if (got < want) return data().substr(offset, want);
  return {buf.data(), want};
}

void Mapped::release(size_t upto) {
  if (!base_) return;
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  size_t end = upto >= size_ ? size_ : upto / page * page;
  if (end == 0) return;
  // Every 8 MiB behind the reading; a new pass over the file starts again from its beginning.
  if (upto < size_ && end >= released_ && end < released_ + (8u << 20)) return;
  madvise(base_, end, MADV_DONTNEED);
  released_ = end;
}

}  // namespace cli
