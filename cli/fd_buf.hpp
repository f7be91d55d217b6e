// Standard input (or any file descriptor) as a stream buffer that reads 64 KiB at a time and can tell, without
// waiting, whether more is there (in_avail() > 0 when poll says the descriptor is readable). std::cin's buffer
// reads and tells neither: a batch through a pipe would be read a byte at a time and answered a line at a time.
#pragma once
#include <streambuf>
#include <string_view>
#include <vector>

namespace cli {

class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd), block_(1 << 16) {}

  // What one read has brought so far (reading once when nothing is buffered), consumed by nothing: the head of a
  // stream that cannot seek, looked at before its lines are read. Empty at the end of the input.
  std::string_view buffered_head();

 protected:
  int_type underflow() override;
  std::streamsize showmanyc() override;

 private:
  int fd_;
  std::vector<char> block_;
};

}  // namespace cli
