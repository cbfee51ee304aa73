#include "stream_recovery.h"

#include <cstring>

#include "alicert/limits.h"
#include "common/chars.h"

namespace alicert::cli {
namespace {

// As the library's stream: the scan counts the root as one level, and a
// document is refused below limits::max_depth levels under it.
constexpr std::size_t deepest_document = limits::max_depth + 1;

bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r'; }

bool is_bom_at(const char* data, std::size_t at, std::size_t n) noexcept {
  return at + 3 <= n && data[at] == '\xEF' && data[at + 1] == '\xBB' && data[at + 2] == '\xBF';
}

enum class line_kind : std::uint8_t { brace, other, undecided };

// Whether the line beginning at `at` is a brace line; `first` gets the
// offset of its first byte after the blanks.
line_kind classify_line(const char* data, std::size_t at, std::size_t n, std::size_t& first) noexcept {
  std::size_t j = at;
  while (j < n && is_blank(data[j])) ++j;
  first = j;
  if (j < n && data[j] == '\xEF') {
    if (j + 3 > n) return line_kind::undecided;
    if (!is_bom_at(data, j, n)) return line_kind::other;
    j += 3;
    while (j < n && is_blank(data[j])) ++j;
  }
  if (j >= n) return line_kind::undecided;
  return data[j] == '{' ? line_kind::brace : line_kind::other;
}

}  // namespace

value_skipper::value_skipper(char first) noexcept {
  if (first == '{' || first == '[') shape_ = shape::container;
  else if (first == '"') shape_ = shape::string;
  else shape_ = shape::scalar;
}

value_skipper::step value_skipper::feed_container(const char* data, std::size_t i, std::size_t n) noexcept {
  while (i < n) {
    const char c = data[i];
    if (in_string_) {
      if (escaped_) {
        escaped_ = false;
        if (c == '\n') return {i, value_stop::cut};
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        in_string_ = false;
      } else if (c == '\n') {
        return {i, value_stop::cut};  // a raw newline cannot be inside a JSON string
      }
      ++i;
      continue;
    }
    if (c == '"') {
      in_string_ = true;
    } else if (c == '{' || c == '[') {
      if (++depth_ > deepest_document) return {i, value_stop::cut};
    } else if (c == '}' || c == ']') {
      if (--depth_ == 0) return {i + 1, value_stop::closed};
    }
    ++i;
  }
  return {n, value_stop::more};
}

value_skipper::step value_skipper::feed_string(const char* data, std::size_t i, std::size_t n) noexcept {
  for (; i < n; ++i) {
    const char c = data[i];
    if (escaped_) {
      escaped_ = false;
      if (c == '\n') return {i, value_stop::cut};
    } else if (c == '\\') {
      escaped_ = true;
    } else if (c == '"') {
      return {i + 1, value_stop::closed};
    } else if (c == '\n') {
      return {i, value_stop::cut};
    }
  }
  return {n, value_stop::more};
}

value_skipper::step value_skipper::feed(const char* data, std::size_t from, std::size_t n) noexcept {
  std::size_t i = from;
  if (!started_ && i < n) {
    started_ = true;
    if (shape_ == shape::container) depth_ = 1;
    ++i;  // the opening bracket or quote, or the scalar's first byte
  }
  switch (shape_) {
    case shape::container: return feed_container(data, i, n);
    case shape::string: return feed_string(data, i, n);
    case shape::scalar:
      // A scalar ends at whitespace or where an object or array begins.
      for (; i < n; ++i)
        if (internal::is_json_space(data[i]) || data[i] == '{' || data[i] == '[') return {i, value_stop::closed};
      return {n, value_stop::more};
  }
  return {n, value_stop::more};
}

brace_line find_brace_line(const char* data, std::size_t from, std::size_t n, bool line_start) noexcept {
  std::size_t line = from;
  if (!line_start) {
    const void* hit = from < n ? std::memchr(data + from, '\n', n - from) : nullptr;
    if (hit == nullptr) return {false, n, false};
    line = static_cast<std::size_t>(static_cast<const char*>(hit) - data) + 1;
  }
  for (;;) {
    std::size_t first = line;
    switch (classify_line(data, line, n, first)) {
      case line_kind::brace: return {true, first, false};
      case line_kind::undecided: return {false, line, true};
      case line_kind::other: break;
    }
    const void* hit = std::memchr(data + first, '\n', n - first);
    if (hit == nullptr) return {false, n, false};
    line = static_cast<std::size_t>(static_cast<const char*>(hit) - data) + 1;
  }
}

std::size_t last_brace_line(const char* data, std::size_t from, std::size_t n) noexcept {
  std::size_t i = n;
  while (i > from) {
    --i;
    if (data[i] != '\n') continue;
    std::size_t first = i + 1;
    if (classify_line(data, i + 1, n, first) == line_kind::brace && first >= from) return first;
  }
  return n;
}

}  // namespace alicert::cli
