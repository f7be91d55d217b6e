// A result as a tape, for JavaScript to build its object from without parsing JSON (README "Objects without JSON
// text"): JsonWriter::record writes, in place of the text, one 32-bit op per value, key or bracket, and each string
// one after the other as UTF-16, unquoted and unescaped. Keys (the program's literals) and fragments written once
// at load (a measure's source, its claim parts, its suggestion, a document's entry) are named by an id that
// JavaScript looks up once through TapeTable::entry and keeps; a fragment it parses once and copies for each result.
// Decoding the tape gives the result's text, byte for byte (tests/parity/tape_text.cpp, skillcalc.mjs readTape).
//
// An op is (payload << 4) | tag:
//   Object, Array, End            brackets (End closes either)
//   Key id, Fragment id           an entry of the TapeTable
//   String n                      the next n units of the strings' text (UTF-16LE, decoded once)
//   Int v                         0 <= v < 2^28
//   Int64 lo hi                   any other integer: the op, then its low and high 32 bits (two's complement)
//   False, True, Null
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace skillcalc {

enum class TapeOp : uint32_t { Object, Array, End, Key, String, Int, Int64, False, True, Null, Fragment };
constexpr uint32_t kTapeTagBits = 4;
constexpr uint32_t kTapePayloadMax = (1u << (32 - kTapeTagBits)) - 1;

inline uint32_t tape_op(TapeOp tag, uint32_t payload = 0) {
  return (payload << kTapeTagBits) | static_cast<uint32_t>(tag);
}

// Keys and fragments by the address of their text: only text that lives, unchanged, as long as the rules that wrote
// it (the program's literal keys, the model's fragments). `owner` is those rules: a table met with other rules
// starts again, so that no address outlives what it named.
class TapeTable {
 public:
  // The id of the text at `s` (found by its address and length; added when new).
  uint32_t id(std::string_view s) {
    if (entries_.size() * 2 >= slots_.size()) grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = hash(s) & mask;; i = (i + 1) & mask) {
      uint32_t e = slots_[i];
      if (e == 0) {
        entries_.push_back(s);
        slots_[i] = static_cast<uint32_t>(entries_.size());
        return slots_[i] - 1;
      }
      const std::string_view& t = entries_[e - 1];
      if (t.data() == s.data() && t.size() == s.size()) return e - 1;
    }
  }
  // The text of an id (empty when there is none).
  std::string_view entry(uint32_t id) const { return id < entries_.size() ? entries_[id] : std::string_view(); }
  // Starts again when the rules writing are not the ones the table has named texts of.
  void own(const void* owner) {
    if (owner == owner_) return;
    owner_ = owner;
    entries_.clear();
    slots_.assign(256, 0);
  }
  size_t size() const { return entries_.size(); }

 private:
  const void* owner_ = nullptr;
  std::vector<std::string_view> entries_;
  std::vector<uint32_t> slots_ = std::vector<uint32_t>(256, 0);  // entry + 1; 0 empty

  static size_t hash(std::string_view s) {
    uint64_t a = reinterpret_cast<uintptr_t>(s.data());
    return static_cast<size_t>(((a ^ (static_cast<uint64_t>(s.size()) << 48)) * 0x9E3779B97F4A7C15ULL) >> 20);
  }
  void grow() {
    std::vector<uint32_t> slots(slots_.size() * 2, 0);
    size_t mask = slots.size() - 1;
    for (size_t e = 0; e < entries_.size(); ++e) {
      size_t i = hash(entries_[e]) & mask;
      while (slots[i]) i = (i + 1) & mask;
      slots[i] = static_cast<uint32_t>(e + 1);
    }
    slots_.swap(slots);
  }
};

// A result's ops: a vector whose append is inlined even where the WebAssembly build optimises for size (-Oz called
// std::vector's push_back for each op), its growth kept out of line.
class TapeOps {
 public:
  [[gnu::always_inline]] void push_back(uint32_t op) {
    if (n_ == v_.size()) grow();
    v_[n_++] = op;
  }
  void clear() { n_ = 0; }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const uint32_t* data() const { return v_.data(); }
  uint32_t operator[](size_t i) const { return v_[i]; }
  const uint32_t* begin() const { return v_.data(); }
  const uint32_t* end() const { return v_.data() + n_; }

 private:
  std::vector<uint32_t> v_;
  size_t n_ = 0;
  [[gnu::noinline]] void grow() { v_.resize(v_.empty() ? 1024 : 2 * v_.size()); }
};

// One result's ops; the strings' bytes are in the writer's buffer.
struct Tape {
  TapeTable* table = nullptr;
  TapeOps ops;
  bool too_long = false;  // a string longer than an op can say: the tape cannot be used (the caller writes text)
};

// Valid UTF-8 (as every string of a result is) written as UTF-16LE at `out`, which has room for two bytes a byte of
// the input; the units written. A sequence cut short by the end of the input is one U+FFFD.
inline size_t utf16_of_utf8(char* out, const char* in, size_t n) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(in);
  const unsigned char* end = p + n;
  char* o = out;
  auto unit = [&o](uint32_t u) {
    o[0] = static_cast<char>(u & 0xFF);
    o[1] = static_cast<char>(u >> 8);
    o += 2;
  };
  while (p < end) {
    // Eight ASCII bytes at a time (ids, keys, English), each widened to a unit.
    while (end - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      if (w & 0x8080808080808080ULL) break;
      auto spread = [](uint64_t x) {  // bytes abcd -> units a b c d (little-endian)
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFULL;
        return (x | (x << 8)) & 0x00FF00FF00FF00FFULL;
      };
      uint64_t a = spread(w & 0xFFFFFFFFULL), b = spread(w >> 32);
      std::memcpy(o, &a, 8), std::memcpy(o + 8, &b, 8);
      o += 16, p += 8;
    }
    if (p == end) break;
    uint32_t c = *p;
    if (c < 0x80) {
      unit(c), ++p;
      continue;
    }
    size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (static_cast<size_t>(end - p) < len) {
      unit(0xFFFD), ++p;
      continue;
    }
    if (len == 2)
      c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    else if (len == 3)
      c = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    else
      c = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    p += len;
    if (c >= 0x10000)
      unit(0xD800 + ((c - 0x10000) >> 10)), unit(0xDC00 + ((c - 0x10000) & 0x3FF));
    else
      unit(c);
  }
  return static_cast<size_t>(o - out) / 2;
}

}  // namespace skillcalc
