// A small, fast JSON writer for results: the output is UTF-8 as given (inputs are validated UTF-8), with the
// escapes JSON requires. Commas are placed by the writer.
//
// The text is written through a pointer into a buffer that only grows (zero-filled when it does, which is cheap next
// to the writing); `take` and `give` cut it to the length written. Keys are the program's own literals, which need no
// escape, so they are copied without a look at their bytes.
#pragma once
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "copy_bytes.hpp"
#include "json_tape.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace skillcalc {

class JsonWriter {
 public:
  JsonWriter() = default;
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  // A buffer taken by `reuse` and not given back (an exception on the way) goes back with what it held before.
  ~JsonWriter() {
    if (home_) home_->swap(buf_);
  }
  // Writes on from the start of `buffer`'s storage (its capacity is kept from result to result).
  void reuse(std::string& buffer) {
    buf_.swap(buffer);
    home_ = &buffer;
    n_ = 0;
    comma_ = false;
  }
  // Writes on from byte `at` of `buffer` (a batch of results in one buffer): the bytes before stay.
  void reuse_at(std::string& buffer, size_t at) {
    buf_.swap(buffer);
    home_ = &buffer;
    if (buf_.size() < at) buf_.resize(at);
    n_ = at;
    comma_ = false;
  }
  // The text written, handed back into `buffer` (which gives its storage for the next `reuse`).
  void give(std::string& buffer) {
    buf_.resize(n_);
    buffer.swap(buf_);
    home_ = nullptr;
  }
  // The buffer handed back as it is, its size left at what it has grown to (no zero-filling again for the next
  // result written after this one); the end of what was written.
  size_t give_at(std::string& buffer) {
    buffer.swap(buf_);
    home_ = nullptr;
    return n_;
  }
  std::string take() {
    home_ = nullptr;
    buf_.resize(n_);
    n_ = 0;
    return std::move(buf_);
  }
  size_t size() const { return n_; }
  // From here on, a tape (json_tape.hpp) in place of the text: the buffer gets the strings' bytes alone.
  void record(Tape* tape) { tape_ = tape; }

  JsonWriter& begin_object() { return tape_ ? op(TapeOp::Object) : open('{'); }
  JsonWriter& end_object() { return tape_ ? op(TapeOp::End) : close('}'); }
  JsonWriter& begin_array() { return tape_ ? op(TapeOp::Array) : open('['); }
  JsonWriter& end_array() { return tape_ ? op(TapeOp::End) : close(']'); }
  // `k` is one of the program's literal keys: it needs no escape (and on a tape, its address names it).
  JsonWriter& key(std::string_view k) {
    if (tape_) return tape_entry(TapeOp::Key, k);
    char* p = room(k.size() + 4);
    if (comma_) *p++ = ',';
    *p++ = '"';
    copy_bytes(p, k.data(), k.size());
    p += k.size();
    *p++ = '"';
    *p++ = ':';
    n_ = static_cast<size_t>(p - buf_.data());
    comma_ = false;
    return *this;
  }
  JsonWriter& str(std::string_view s) {
    if (tape_) return tape_string(s);
    return value(), quote(s), *this;
  }
  JsonWriter& num(long long v) {
    if (tape_) return tape_num(v);
    char* p = room(24);
    if (comma_) *p++ = ',';
    comma_ = true;
    auto r = std::to_chars(p, p + 21, v);
    n_ = static_cast<size_t>(r.ptr - buf_.data());
    return *this;
  }
  JsonWriter& boolean(bool b) {
    if (tape_) return op(b ? TapeOp::True : TapeOp::False);
    return value(), put(b ? std::string_view("true") : std::string_view("false")), *this;
  }
  JsonWriter& null() { return tape_ ? op(TapeOp::Null) : (value(), put("null"), *this); }
  // A value already written as JSON (by another JsonWriter), as long-lived as the rules: on a tape, its address
  // names it (json_tape.hpp).
  JsonWriter& raw(std::string_view json) {
    if (tape_) return tape_entry(TapeOp::Fragment, json);
    return value(), put(json), *this;
  }
  // key + string, the common case
  JsonWriter& field(std::string_view k, std::string_view v) { return key(k).str(v); }
  JsonWriter& field(std::string_view k, long long v) { return key(k).num(v); }

 private:
  std::string buf_;
  std::string* home_ = nullptr;  // the buffer `reuse` took, until it is given back
  size_t n_ = 0;
  bool comma_ = false;
  Tape* tape_ = nullptr;

  // The tape's steps are out of line, so that the text path stays as small as it was (the native writer inlines it).
  [[gnu::noinline]] JsonWriter& op(TapeOp tag, uint32_t payload = 0) {
    tape_->ops.push_back(tape_op(tag, payload));
    return *this;
  }
  [[gnu::noinline]] JsonWriter& tape_entry(TapeOp tag, std::string_view s) {
    tape_->ops.push_back(tape_op(tag, tape_->table->id(s)));
    return *this;
  }
  // The string as UTF-16 (JavaScript's own strings: decoding it is a copy, where UTF-8 is a conversion).
  [[gnu::noinline]] JsonWriter& tape_string(std::string_view s) {
    char* o = room(2 * s.size());  // at most one unit of two bytes a byte
    size_t units = utf16_of_utf8(o, s.data(), s.size());
    n_ += 2 * units;
    if (units > kTapePayloadMax) tape_->too_long = true;
    return op(TapeOp::String, static_cast<uint32_t>(units));
  }
  [[gnu::noinline]] JsonWriter& tape_num(long long v) {
    if (v >= 0 && v <= kTapePayloadMax) return op(TapeOp::Int, static_cast<uint32_t>(v));
    uint64_t u = static_cast<uint64_t>(v);
    op(TapeOp::Int64);
    tape_->ops.push_back(static_cast<uint32_t>(u));
    return tape_->ops.push_back(static_cast<uint32_t>(u >> 32)), *this;
  }

  // Room for `k` more bytes at the end of what is written; the pointer to write them at. Inlined even where the
  // WebAssembly build optimises for size (-Oz would call it for every piece), the rare growth kept out of line: the
  // WebAssembly core +15% with TextBuf's append below, for 5 KB gzipped.
  [[gnu::always_inline]] char* room(size_t k) {
    if (n_ + k > buf_.size()) grow(k);
    return &buf_[n_];
  }
  // Grown by what is needed (and some), not to the whole capacity: zero-filling a large reused buffer at every
  // result would cost more than writing the result.
  [[gnu::noinline]] void grow(size_t k) { buf_.resize(std::max(n_ * 2, n_ + k + 256)); }
  void put(std::string_view s) {
    copy_bytes(room(s.size()), s.data(), s.size());
    n_ += s.size();
  }
  void put(char c) { *room(1) = c, ++n_; }
  void value() {
    if (comma_) put(',');
    comma_ = true;
  }
  JsonWriter& open(char c) {
    char* p = room(2);
    if (comma_) *p++ = ',';
    *p++ = c;
    n_ = static_cast<size_t>(p - buf_.data());
    comma_ = false;
    return *this;
  }
  JsonWriter& close(char c) {
    put(c);
    comma_ = true;
    return *this;
  }
  static bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

  // The length of the run at the start of [p, end) that needs no escape.
  static size_t plain_run(const char* p, const char* end) {
    const char* q = p;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), top = _mm_set1_epi8(0x1f);
    while (end - q >= 16) {
      __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
      // A byte below 0x20: unsigned min(w, 0x1f) == w.
      __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(w, top), w);
      __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, quote), _mm_cmpeq_epi8(w, backslash)), control);
      if (int mask = _mm_movemask_epi8(hit)) return static_cast<size_t>(q - p) + __builtin_ctz(mask);
      q += 16;
    }
#endif
    // Eight bytes at a time while none of them needs an escape (most text is plain UTF-8).
    while (end - q >= 8) {
      uint64_t w;
      std::memcpy(&w, q, 8);
      constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
      auto zero_byte = [](uint64_t x) { return (x - ones) & ~x & highs; };
      uint64_t control = (w - ones * 0x20) & ~w & highs;  // a byte below 0x20
      if (control | zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\\'))) break;
      q += 8;
    }
    while (q < end && !needs_escape(static_cast<unsigned char>(*q))) ++q;
    return static_cast<size_t>(q - p);
  }

  void escape(char c) {
    switch (c) {
      case '"':
        return put("\\\"");
      case '\\':
        return put("\\\\");
      case '\b':
        return put("\\b");
      case '\f':
        return put("\\f");
      case '\n':
        return put("\\n");
      case '\r':
        return put("\\r");
      case '\t':
        return put("\\t");
      default: {
        char b[8];
        std::snprintf(b, sizeof b, "\\u%04x", static_cast<unsigned char>(c));
        return put(std::string_view(b, 6));
      }
    }
  }

  void quote(std::string_view s) {
    const char* p = s.data();
    const char* end = p + s.size();
    char* o = room(s.size() + 2);  // the text and its quotes, when nothing needs an escape
    *o++ = '"';
    size_t run = plain_run(p, end);
    copy_bytes(o, p, run);
    n_ = static_cast<size_t>(o - buf_.data()) + run;
    p += run;
    while (p < end) {
      escape(*p++);
      run = plain_run(p, end);
      put(std::string_view(p, run));
      p += run;
    }
    put('"');
  }
};

}  // namespace skillcalc
