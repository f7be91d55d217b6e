// Text written straight into a buffer that is reused from result to result: pieces are appended in order, and
// numbers, money and days are written in place, so that a sentence costs no temporary string per piece.
//   cat(out, "按", x.where.zh, "，可获", YuanZh{5000}, "。")
#pragma once
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "copy_bytes.hpp"
#include "model.hpp"

namespace skillcalc {

// A text that only grows, appended to in place: a piece is one bounds check and one copy, where std::string's append
// is a library call for each piece (a sentence has dozens). Its storage is kept when it is cleared.
class TextBuf {
 public:
  TextBuf() = default;
  TextBuf(const TextBuf& o) { append(o.data(), o.size()); }
  TextBuf(TextBuf&& o) noexcept
      : p_(std::exchange(o.p_, nullptr)), n_(std::exchange(o.n_, 0)), cap_(std::exchange(o.cap_, 0)) {}
  TextBuf& operator=(TextBuf o) noexcept {
    std::swap(p_, o.p_), std::swap(n_, o.n_), std::swap(cap_, o.cap_);
    return *this;
  }
  ~TextBuf() { std::free(p_); }

  // Inlined even in the WebAssembly build (-Oz), its growth out of line; see JsonWriter::room.
  [[gnu::always_inline]] void append(const char* s, size_t n) {
    if (cap_ - n_ < n) grow(n);
    copy_bytes(p_ + n_, s, n);
    n_ += n;
  }
  TextBuf& operator+=(char c) {
    if (n_ == cap_) grow(1);
    p_[n_++] = c;
    return *this;
  }
  TextBuf& operator+=(std::string_view s) {
    append(s.data(), s.size());
    return *this;
  }
  void clear() { n_ = 0; }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const char* data() const { return p_ ? p_ : ""; }
  char& operator[](size_t i) { return p_[i]; }
  char operator[](size_t i) const { return p_[i]; }
  operator std::string_view() const { return {data(), n_}; }
  size_t find(std::string_view s, size_t from = 0) const { return std::string_view(*this).find(s, from); }

 private:
  char* p_ = nullptr;
  size_t n_ = 0, cap_ = 0;
  [[gnu::noinline]] void grow(size_t more) {
    size_t cap = std::max(cap_ * 2, n_ + more + 64);
    char* p = static_cast<char*>(std::realloc(p_, cap));
    if (!p) throw std::bad_alloc();
    p_ = p, cap_ = cap;
  }
};

// Both languages of one sentence or paragraph, built side by side.
struct Words {
  TextBuf zh, en;
  void clear() { zh.clear(), en.clear(); }
};

struct Int {
  long long v;
};
struct YuanZh {  // 30000 -> "3万元", 108000 -> "10.8万元", 5000 -> "5000元" (money.hpp yuan_zh)
  long long v;
};
struct YuanEn {  // 30000 -> "30,000 yuan" (money.hpp yuan_en)
  long long v;
};
struct SpanZh {  // "3万元" or "3万元至5万元"
  long long lo, hi;
};
struct SpanEn {  // "30,000 yuan" or "30,000 yuan to 50,000 yuan"
  long long lo, hi;
};
struct DayZh {  // "2025年5月1日" (day.hpp day_zh)
  Day d;
};
struct DayEn {  // "1 May 2025" (day.hpp day_en)
  Day d;
};

inline void put(std::string& o, std::string_view s) {
  o.append(s.data(), s.size());
}
inline void put(TextBuf& o, std::string_view s) {
  o.append(s.data(), s.size());
}
inline void put(std::string& o, const char* s) {
  o.append(s, std::char_traits<char>::length(s));  // a literal's length is known where this is inlined
}
[[gnu::always_inline]] inline void put(TextBuf& o, const char* s) {
  o.append(s, std::char_traits<char>::length(s));  // inlined, so that a literal's length is not counted at run time
}
inline void put(std::string& o, const std::string& s) {
  o.append(s);
}
inline void put(TextBuf& o, const std::string& s) {
  o.append(s.data(), s.size());
}
inline void put(TextBuf& o, const TextBuf& s) {
  o.append(s.data(), s.size());
}
void put(TextBuf& o, Int n);
void put(TextBuf& o, YuanZh y);
void put(TextBuf& o, YuanEn y);
void put(TextBuf& o, SpanZh s);
void put(TextBuf& o, SpanEn s);
void put(TextBuf& o, DayZh d);
void put(TextBuf& o, DayEn d);

template <class Out, class... Pieces>
void cat(Out& o, const Pieces&... p) {
  (put(o, p), ...);
}

// The text with its closing mark, added only where it has none.
void put_sentence(TextBuf& o, std::string_view t, std::string_view stop);

}  // namespace skillcalc
