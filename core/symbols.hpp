// The vocabulary's ids (field names, event types, enum values) as small integers, fixed at load, so that matching a
// situation against the rules compares integers, not strings. A string the vocabulary does not know has no symbol
// (-1); whoever compares falls back to the strings then, so a missing symbol costs speed, never a wrong answer.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace skillcalc {

class Symbols {
 public:
  // The symbol of `s`, added when new (at load only).
  int add(std::string_view s) {
    if (int id = find(s); id >= 0) return id;
    if ((names_.size() + 1) * 2 > slots_.size()) grow();
    names_.emplace_back(s);
    place(static_cast<int>(names_.size() - 1));
    return static_cast<int>(names_.size() - 1);
  }
  // The symbol of `s`, or -1.
  int find(std::string_view s) const {
    if (slots_.empty()) return -1;
    size_t mask = slots_.size() - 1;
    for (size_t i = hash(s) & mask;; i = (i + 1) & mask) {
      int id = slots_[i];
      if (id < 0) return -1;
      if (names_[static_cast<size_t>(id)] == s) return id;
    }
  }
  size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
  std::vector<int> slots_;  // open addressing, a power of two, at most half full

  static size_t hash(std::string_view s) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  void place(int id) {
    size_t mask = slots_.size() - 1;
    size_t i = hash(names_[static_cast<size_t>(id)]) & mask;
    while (slots_[i] >= 0) i = (i + 1) & mask;
    slots_[i] = id;
  }
  void grow() {
    slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, -1);
    for (size_t id = 0; id < names_.size(); ++id) place(static_cast<int>(id));
  }
};

}  // namespace skillcalc
