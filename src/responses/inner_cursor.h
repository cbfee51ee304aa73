// Internal: the cursor of the tolerant reader for JSON held inside strings
// (inner_text.cpp). It is a small recursive-descent reader, not simdjson: the
// texts it reads are not valid JSON (trailing commas, the documented CAS Sans
// sample) and are short, and it must never copy the outer document. Strings
// without escapes are returned as views of the text; strings with escapes are
// unescaped into the arena.
#pragma once

#include <cstdint>
#include <string_view>

#include "alicert/limits.h"
#include "common/chars.h"
#include "inner_text.h"

namespace alicert::internal::inner {

inline bool hex4(const char* p, const char* end, std::uint32_t& v) noexcept {
  if (end - p < 4) return false;
  v = 0;
  for (int i = 0; i < 4; ++i) {
    const int d = hex_value(p[i]);
    if (d < 0) return false;
    v = v * 16 + static_cast<unsigned>(d);
  }
  return true;
}

inline bool is_space(char c) noexcept { return is_json_space(c); }

inline std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

constexpr bool iequals(std::string_view a, std::string_view b) noexcept { return ascii_iequals(a, b); }


// A cursor over the inner text. Every method leaves `failure` set on error.
class reader {
 public:
  reader(std::string_view text, string_arena& arena) noexcept
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), arena_(arena) {}

  void ws() noexcept {
    while (p_ != end_ && is_space(*p_)) ++p_;
  }
  [[nodiscard]] bool at_end() noexcept { ws(); return p_ == end_; }
  [[nodiscard]] char peek() noexcept { ws(); return p_ == end_ ? '\0' : *p_; }
  bool accept(char c) noexcept {
    if (peek() == c) { ++p_; return true; }
    return false;
  }
  [[nodiscard]] std::size_t offset() const noexcept { return static_cast<std::size_t>(p_ - begin_); }

  [[nodiscard]] inner_result fail(error_code code, std::string_view message) const noexcept {
    return error{code, message, {}, offset()};
  }

  // A JSON string at the cursor.
  bool string(std::string_view& out) noexcept {
    if (!accept('"')) return false;
    const char* start = p_;
    bool escaped = false;
    for (;;) {
      p_ = json_string_stop(p_, end_);
      if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
      if (*p_ == '"') break;
      escaped = true;  // a backslash: the byte after it is escaped, whatever it is
      if (++p_ == end_) return false;
      ++p_;
    }
    std::string_view raw(start, static_cast<std::size_t>(p_ - start));
    ++p_;
    if (raw.size() > limits::max_string_bytes) return false;
    if (!escaped) { out = raw; return true; }
    char* dst = arena_.take(raw.size());
    std::size_t n = 0;
    if (!dst || !unescape_json(raw, dst, n)) return false;
    arena_.give_back(raw.size() - n);
    out = {dst, n};
    return true;
  }

  // An integer, or a string holding one (CAS Type sent as "7").
  bool integer(std::int64_t& v) noexcept {
    std::string_view digits;
    if (peek() == '"') {
      if (!string(digits)) return false;
      digits = trim(digits);
      number_as_string = true;
    } else {
      const char* s = p_;
      while (p_ != end_ && (is_ascii_digit(*p_) || *p_ == '-')) ++p_;
      digits = {s, static_cast<std::size_t>(p_ - s)};
    }
    bool negative = !digits.empty() && digits.front() == '-';
    if (negative) digits.remove_prefix(1);
    if (digits.empty() || digits.size() > 18) return false;
    std::int64_t x = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return false;
      x = x * 10 + (c - '0');
    }
    v = negative ? -x : x;
    return true;
  }

  // Skips any value (tolerating trailing commas), bounded in depth.
  bool skip(unsigned depth) noexcept {
    if (depth > limits::max_depth) { too_deep = true; return false; }
    char c = peek();
    if (c == '"') { std::string_view s; return string(s); }
    if (c == '[' || c == '{') {
      char close = c == '[' ? ']' : '}';
      ++p_;
      for (;;) {
        if (accept(close)) return true;
        if (c == '{') {
          std::string_view k;
          if (!string(k) || !accept(':')) return false;
        }
        if (!skip(depth + 1)) return false;
        if (accept(',')) continue;
        if (accept(close)) return true;
        return false;
      }
    }
    const char* s = p_;
    while (p_ != end_ && !is_space(*p_) && *p_ != ',' && *p_ != ']' && *p_ != '}' && *p_ != ':') ++p_;
    return p_ != s;
  }

  // Just after a '[': true (and the list consumed) when the list is empty,
  // as `[]` or as `[ , ]` (an empty list with the trailing comma every entry
  // of the documented Sans sample carries).
  bool empty_list_end() noexcept {
    if (accept(']')) return true;
    const char* save = p_;
    if (accept(',') && accept(']')) {
      trailing_comma = true;
      return true;
    }
    p_ = save;
    return false;
  }

  // After an element: ',' or the closing bracket. Records trailing commas.
  // Returns 1 to continue, 0 at the end, -1 on error.
  int next(char close) noexcept {
    if (accept(',')) {
      if (accept(close)) { trailing_comma = true; return 0; }
      return 1;
    }
    if (accept(close)) return 0;
    return -1;
  }

  bool trailing_comma{false};
  bool number_as_string{false};
  bool too_deep{false};
  const char* begin_;
  const char* p_;
  const char* end_;

 private:
  string_arena& arena_;
};

inline inner_result inner_error(const reader& r, const char* what) noexcept {
  if (r.too_deep) return r.fail(error_code::depth_exceeded, "JSON inside a string nests too deep");
  return r.fail(error_code::invalid_inner_json, what);
}

}  // namespace alicert::internal::inner
