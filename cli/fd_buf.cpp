#include "fd_buf.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace cli {

FdBuf::int_type FdBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  ssize_t n;
  do n = ::read(fd_, block_.data(), block_.size());
  while (n < 0 && errno == EINTR);
  if (n <= 0) return traits_type::eof();  // the end, or a read error: the input ends here
  setg(block_.data(), block_.data(), block_.data() + n);
  return traits_type::to_int_type(*gptr());
}

std::string_view FdBuf::buffered_head() {
  if (gptr() == egptr() && traits_type::eq_int_type(underflow(), traits_type::eof())) return {};
  return {gptr(), static_cast<size_t>(egptr() - gptr())};
}

// Called when nothing is buffered: 1 when a read would not wait (data, or the end of the input), else 0.
std::streamsize FdBuf::showmanyc() {
  pollfd p{fd_, POLLIN, 0};
  int r;
  do r = ::poll(&p, 1, 0);
  while (r < 0 && errno == EINTR);
  return r > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR)) ? 1 : 0;
}

}  // namespace cli
