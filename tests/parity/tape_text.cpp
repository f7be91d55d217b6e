#include "tape_text.hpp"

#include <stdexcept>

#include "json_writer.hpp"

namespace test {

namespace {

using skillcalc::TapeOp;

class Reader {
 public:
  Reader(const skillcalc::Tape& t, std::string_view s) : t_(t), s_(s) {}

  void value(skillcalc::JsonWriter& w) {
    uint32_t op = next();
    uint32_t v = op >> skillcalc::kTapeTagBits;
    switch (static_cast<TapeOp>(op & ((1u << skillcalc::kTapeTagBits) - 1))) {
      case TapeOp::Object:
        w.begin_object();
        while (peek_tag() != TapeOp::End) {
          uint32_t k = next();
          if (static_cast<TapeOp>(k & 15) != TapeOp::Key) throw std::runtime_error("a key was expected");
          w.key(entry(k >> skillcalc::kTapeTagBits));
          value(w);
        }
        ++i_;
        w.end_object();
        return;
      case TapeOp::Array:
        w.begin_array();
        while (peek_tag() != TapeOp::End) value(w);
        ++i_;
        w.end_array();
        return;
      case TapeOp::String:
        w.str(units(v));  // the string: it outlives the call
        return;
      case TapeOp::Int:
        w.num(static_cast<long long>(v));
        return;
      case TapeOp::Int64: {
        uint64_t lo = next(), hi = next();
        w.num(static_cast<long long>(lo | (hi << 32)));
        return;
      }
      case TapeOp::False:
      case TapeOp::True:
        w.boolean(static_cast<TapeOp>(op & 15) == TapeOp::True);
        return;
      case TapeOp::Null:
        w.null();
        return;
      case TapeOp::Fragment:
        w.raw(entry(v));
        return;
      default:
        throw std::runtime_error("an op that is no value");
    }
  }
  bool done() const { return i_ == t_.ops.size() && at_ == s_.size(); }

 private:
  const skillcalc::Tape& t_;
  std::string_view s_;
  size_t i_ = 0, at_ = 0;
  std::string utf8_;

  uint32_t next() {
    if (i_ >= t_.ops.size()) throw std::runtime_error("the tape ends inside a value");
    return t_.ops[i_++];
  }
  TapeOp peek_tag() const {
    if (i_ >= t_.ops.size()) throw std::runtime_error("the tape ends inside a value");
    return static_cast<TapeOp>(t_.ops[i_] & 15);
  }
  std::string_view entry(uint32_t id) {
    if (id >= t_.table->size()) throw std::runtime_error("an id the table does not have");
    return t_.table->entry(id);
  }
  uint32_t unit() {
    if (at_ + 2 > s_.size()) throw std::runtime_error("the strings end inside a string");
    uint32_t u =
        static_cast<unsigned char>(s_[at_]) | (static_cast<uint32_t>(static_cast<unsigned char>(s_[at_ + 1])) << 8);
    at_ += 2;
    return u;
  }
  // The next `n` UTF-16 units of the strings, as UTF-8.
  std::string_view units(uint32_t n) {
    utf8_.clear();
    for (uint32_t k = 0; k < n; ++k) {
      uint32_t c = unit();
      if (c >= 0xD800 && c < 0xDC00) {
        if (++k == n) throw std::runtime_error("a string ends inside a surrogate pair");
        c = 0x10000 + ((c - 0xD800) << 10) + (unit() - 0xDC00);
      }
      if (c < 0x80) {
        utf8_ += static_cast<char>(c);
      } else if (c < 0x800) {
        utf8_ += static_cast<char>(0xC0 | (c >> 6)), utf8_ += static_cast<char>(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        utf8_ += static_cast<char>(0xE0 | (c >> 12)), utf8_ += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        utf8_ += static_cast<char>(0x80 | (c & 0x3F));
      } else {
        utf8_ += static_cast<char>(0xF0 | (c >> 18)), utf8_ += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        utf8_ += static_cast<char>(0x80 | ((c >> 6) & 0x3F)), utf8_ += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    return utf8_;
  }
};

}  // namespace

std::string tape_text(const skillcalc::Tape& tape, std::string_view strings) {
  Reader r(tape, strings);
  skillcalc::JsonWriter w;
  r.value(w);
  if (!r.done()) throw std::runtime_error("the tape goes on after its value");
  return w.take();
}

}  // namespace test
