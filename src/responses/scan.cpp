// Byte-level scans of raw JSON text (see scan.h).
#include "scan.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "common/chars.h"

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#include <emmintrin.h>
#define ALICERT_SCAN_SSE2 1
#endif

namespace alicert::internal {
namespace {

// The offset of the first byte at or after `i` that is one of `C...`, or
// in.size(). Sixteen bytes at a time where SSE2 is there (every x86-64);
// never reads outside `in`.
template <char... C>
std::size_t find_any(std::string_view in, std::size_t i) noexcept {
  const std::size_t n = in.size();
#if defined(ALICERT_SCAN_SSE2)
  const char* p = in.data();
  while (i + 16 <= n) {
    const __m128i block = _mm_loadu_si128(static_cast<const __m128i*>(static_cast<const void*>(p + i)));
    __m128i hit = _mm_setzero_si128();
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(block, _mm_set1_epi8(C)))), ...);
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    i += 16;
  }
#endif
  for (; i < n; ++i)
    if (((in[i] == C) || ...)) return i;
  return n;
}

}  // namespace

std::size_t value_end(std::string_view in, std::size_t begin, bool* closed) noexcept {
  if (closed) *closed = true;
  const auto open_at = [closed](std::size_t end) {
    if (closed) *closed = false;
    return end;
  };
  const char first = in[begin];
  if (first == '"') {  // a bare string: to its closing quote, or the end of its line
    for (std::size_t i = begin + 1; i < in.size(); ++i) {
      if (in[i] == '\n') return open_at(i);
      if (in[i] == '\\') {
        if (i + 1 < in.size() && in[i + 1] == '\n') return open_at(i + 1);
        ++i;
      } else if (in[i] == '"') {
        return i + 1;
      }
    }
    if (closed) *closed = false;
    return in.size();
  }
  if (first != '{' && first != '[') {
    std::size_t i = begin;
    while (i < in.size() && !is_json_space(in[i]) && (i == begin || (in[i] != '{' && in[i] != '['))) ++i;
    return i;
  }
  // Jumps from one byte that matters to the next: outside strings a quote
  // or a bracket, inside a string a quote, a backslash or a raw newline.
  const std::size_t n = in.size();
  std::size_t depth = 0;
  std::size_t i = begin;
  while ((i = find_any<'"', '{', '[', '}', ']'>(in, i)) < n) {
    const char c = in[i];
    if (c != '"') {
      if (c == '{' || c == '[') ++depth;
      else if (--depth == 0) return i + 1;
      ++i;
      continue;
    }
    for (++i; (i = find_any<'"', '\\', '\n'>(in, i)) < n;) {
      // A raw newline cannot occur inside a JSON string, escaped or not: an
      // unterminated string ends the (broken) document at its line's end.
      if (in[i] == '\n') return open_at(i);
      if (in[i] == '"') break;
      if (i + 1 < n && in[i + 1] == '\n') return open_at(i + 1);
      i += 2;  // the backslash and the byte it escapes
    }
    if (i >= n) break;
    ++i;  // past the closing quote
  }
  if (closed) *closed = false;
  return n;
}

namespace {

bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

// The cut never reaches back to `begin` (whose byte is not a space).
extent cut_at_next_brace_line(std::string_view in, std::size_t begin) noexcept {
  std::size_t end = brace_line_at_or_after(in, begin + 1);
  if (end == in.size()) return {end, true};
  while (end > begin + 1 && is_json_space(in[end - 1])) --end;
  return {end, true};
}

std::size_t brace_line_at_or_after(std::string_view in, std::size_t from) noexcept {
  const std::size_t n = in.size();
  std::size_t i = from == 0 ? 0 : from - 1;
  while (i < n) {
    const void* hit = std::memchr(in.data() + i, '\n', n - i);
    if (hit == nullptr) break;
    i = static_cast<std::size_t>(static_cast<const char*>(hit) - in.data()) + 1;
    std::size_t j = i;
    while (j < n && is_blank(in[j])) ++j;
    const std::size_t first = j;
    if (is_bom_at(in, j)) {
      j += 3;
      while (j < n && is_blank(in[j])) ++j;
    }
    if (j < n && in[j] == '{' && first >= from) return first;
  }
  return n;
}

extent document_extent_bytewise(std::string_view in, std::size_t begin, std::size_t max_depth) noexcept {
  const char first = in[begin];
  if (first != '{' && first != '[') {
    bool closed = true;
    const std::size_t end = value_end(in, begin, &closed);
    return closed ? extent{end, false} : cut_at_next_brace_line(in, begin);
  }
  // value_end()'s scan, with two ways to stop early. A raw newline inside a
  // string is no JSON: the scan stops there, so at the start of every line
  // it has read it is outside strings, as a scan starting there would be.
  // And once deeper than any valid document, it goes on only to the next
  // brace line. So the scans still open at any byte are consistent, each
  // deeper than the one that started before it, and no deeper than
  // max_depth + 1: a byte is read by a bounded number of scans, and the
  // recovery stays linear. A document that does not close is cut where the
  // first brace line after its start begins, wherever the scan stopped: so
  // its extent does not depend on the bytes after that line's start.
  std::string_view scope = in;
  bool too_deep = false;
  std::size_t depth = 0;
  std::size_t i = begin;
  while ((i = find_any<'"', '{', '[', '}', ']'>(scope, i)) < scope.size()) {
    const char c = scope[i];
    if (c != '"') {
      if (c == '{' || c == '[') {
        if (++depth > max_depth && !too_deep) {
          too_deep = true;
          scope = in.substr(0, brace_line_at_or_after(in, i + 1));
        }
      } else if (--depth == 0) {
        return {i + 1, false};
      }
      ++i;
      continue;
    }
    for (++i; (i = find_any<'"', '\\', '\n'>(scope, i)) < scope.size();) {
      if (scope[i] == '"') break;
      if (scope[i] == '\n' || (i + 1 < scope.size() && scope[i + 1] == '\n')) return cut_at_next_brace_line(in, begin);
      i += 2;
    }
    if (i >= scope.size()) break;
    ++i;  // past the closing quote
  }
  return cut_at_next_brace_line(in, begin);
}


std::size_t first_unescaped_control(std::string_view in) noexcept {
  bool in_string = false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (!in_string) {
      if (c == '"') in_string = true;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20) return i;
    if (c == '\\') ++i;
    else if (c == '"') in_string = false;
  }
  return in.size();
}

std::size_t unclosed_string(std::string_view in) noexcept {
  std::size_t open = in.size();
  bool in_string = false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (!in_string) {
      if (c == '"') { in_string = true; open = i; }
      continue;
    }
    if (c == '\\') ++i;
    else if (c == '"') in_string = false;
  }
  return in_string ? open : in.size();
}

json_pointer pointer_at(std::string_view json, std::size_t target) noexcept {
  struct frame {
    bool object;
    bool expect_key;
    std::string_view key;
    std::size_t index;
  };
  // Deeper than any document the walker reads: levels past it are counted, not kept.
  std::array<frame, 48> stack{};
  std::size_t depth = 0;
  const auto top = [&]() -> frame* { return depth > 0 && depth <= stack.size() ? &stack[depth - 1] : nullptr; };
  std::size_t i = 0;
  const std::size_t stop = target < json.size() ? target : json.size();
  while (i < stop) {
    const char c = json[i];
    if (c == '"') {
      std::size_t j = i + 1;
      while (j < json.size() && json[j] != '"') j += json[j] == '\\' ? 2 : 1;
      if (j >= stop) break;  // the target is inside this string
      if (frame* f = top(); f != nullptr && f->object && f->expect_key) {
        f->key = json.substr(i + 1, j - i - 1);
        f->expect_key = false;
      }
      i = j + 1;
      continue;
    }
    switch (c) {
      case '{':
      case '[':
        if (depth < stack.size()) stack[depth] = {c == '{', c == '{', {}, 0};
        ++depth;
        break;
      case '}':
      case ']':
        if (depth > 0) --depth;
        break;
      case ',':
        if (frame* f = top()) {
          if (f->object) {
            f->expect_key = true;
            f->key = {};
          } else {
            ++f->index;
          }
        }
        break;
      default: break;
    }
    ++i;
  }
  json_pointer out;
  for (std::size_t k = 0; k < depth && k < stack.size(); ++k) {
    const frame& f = stack[k];
    if (f.object) {
      if (f.expect_key) break;  // the target is in a key, not in a value
      out.append_key(f.key);
    } else {
      out.append_index(f.index);
    }
  }
  return out;
}

bool is_json_number(std::string_view t) noexcept {
  std::size_t i = 0;
  const std::size_t n = t.size();
  auto digit = [&](std::size_t k) { return k < n && internal::is_ascii_digit(t[k]); };
  if (i < n && t[i] == '-') ++i;
  if (!digit(i)) return false;
  if (t[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  if (i < n && t[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return i == n;
}

}  // namespace alicert::internal
