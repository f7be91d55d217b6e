// An input file mapped into memory, so that a batch can read it twice (by offsets) without holding it: pages read
// are given back as the reading moves on, and memory stays flat in the file's size. stdin, a pipe or any file that
// cannot be mapped is first copied to a temporary file.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace cli {

class Mapped {
 public:
  Mapped() = default;
  Mapped(const Mapped&) = delete;
  Mapped& operator=(const Mapped&) = delete;
  ~Mapped();
  // "-" is stdin. False with `why` ("cannot_read" reasons, in Chinese and English) when it cannot be read.
  bool open(const std::string& path, std::string& zh, std::string& en);
  std::string_view data() const { return {static_cast<const char*>(base_), size_}; }
  // Gives back the pages before `upto` (or all of them); reading them again maps them again.
  void release(size_t upto);
  void release_all() { release(size_); }
  // Up to `want` bytes from `offset`, read into `buf` rather than through the mapping: reading scattered records
  // through it would map a neighbourhood of pages around each one and count them all as resident.
  std::string_view read_at(size_t offset, size_t want, std::string& buf) const;

 private:
  void* base_ = nullptr;
  size_t size_ = 0, released_ = 0;
  int fd_ = -1;
};

}  // namespace cli
