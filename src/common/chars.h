// Internal: the character helpers every wing uses, in one place: ASCII case
// folding (API keys, tag keys, algorithm names, hex, DNS names: none is
// locale-dependent), hex digits, JSON whitespace, and UTF-8 (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace alicert::internal {

constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

constexpr char ascii_upper(char c) noexcept {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - ('a' - 'A')) : c;
}

constexpr bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alpha(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
constexpr bool is_ascii_alnum(char c) noexcept { return is_ascii_digit(c) || is_ascii_alpha(c); }

/// JSON's whitespace (RFC 8259 section 2): space, tab, line feed, carriage return.
constexpr bool is_json_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// ASCII whitespace as C's isspace has it in the "C" locale.
constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// Eight bytes at a time without SIMD: the high bit of each byte of `w`
/// that equals `c` (bytes in memory order when `w` was loaded on a
/// little-endian machine). A borrow can only flag bytes above one that
/// equals `c` itself, so the lowest bit set is exact.
constexpr std::uint64_t bytes_equal_to(std::uint64_t w, unsigned char c) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t high = 0x8080808080808080ull;
  const std::uint64_t v = w ^ (ones * c);
  return (v - ones) & ~v & high;
}

/// Eight bytes at a time: the high bit of each byte of `w` below `n`
/// (n <= 0x80), exact at the lowest bit set as bytes_equal_to.
constexpr std::uint64_t bytes_below(std::uint64_t w, unsigned char n) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t high = 0x8080808080808080ull;
  return (w - ones * n) & ~w & high;
}

/// The first byte in [p, end) that ends a run of plain JSON string content
/// (a quote, a backslash or a control character), or `end`: eight bytes at
/// a time, since most strings the APIs send are a few dozen bytes, too
/// short for a call to memchr to pay.
inline const char* json_string_stop(const char* p, const char* end) noexcept {
  for (; end - p >= 8; p += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    const std::uint64_t hit = bytes_equal_to(w, '"') | bytes_equal_to(w, '\\') | bytes_below(w, 0x20u);
    if (hit != 0) return p + __builtin_ctzll(hit) / 8;
  }
  while (p < end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20u) ++p;
  return p;
}

/// The value of a hex digit, or -1.
constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// The lower-case hex digit of `v` (0..15).
constexpr char hex_digit(unsigned v) noexcept { return "0123456789abcdef"[v & 0xfu]; }

/// The length of the well-formed UTF-8 sequence at text[i], setting `cp`;
/// 0 when it is ill-formed (or cut short by the end of `text`).
constexpr std::size_t utf8_sequence(std::string_view text, std::size_t i, std::uint32_t& cp) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(text[k])); };
  const std::uint32_t b0 = byte(i);
  const std::size_t left = text.size() - i;
  const auto cont = [&](std::size_t k) { return (byte(i + k) & 0xC0u) == 0x80u; };
  if (b0 < 0x80u) {
    cp = b0;
    return 1;
  }
  if (b0 >= 0xC2u && b0 <= 0xDFu) {
    if (left < 2 || !cont(1)) return 0;
    cp = ((b0 & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu);
    return 2;
  }
  if (b0 >= 0xE0u && b0 <= 0xEFu) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    cp = ((b0 & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
    if (cp < 0x800u || (cp >= 0xD800u && cp <= 0xDFFFu)) return 0;
    return 3;
  }
  if (b0 >= 0xF0u && b0 <= 0xF4u) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    cp = ((b0 & 0x07u) << 18) | ((byte(i + 1) & 0x3Fu) << 12) | ((byte(i + 2) & 0x3Fu) << 6) | (byte(i + 3) & 0x3Fu);
    if (cp < 0x10000u || cp > 0x10FFFFu) return 0;
    return 4;
  }
  return 0;
}

/// Offset of the first byte of `text` that is not part of valid UTF-8, or text.size().
constexpr std::size_t first_invalid_utf8(std::string_view text) noexcept {
  std::size_t i = 0;
  std::uint32_t cp = 0;
  while (i < text.size()) {
    const std::size_t n = utf8_sequence(text, i, cp);
    if (n == 0) return i;
    i += n;
  }
  return i;
}

constexpr bool valid_utf8(std::string_view text) noexcept { return first_invalid_utf8(text) == text.size(); }

/// Writes the UTF-8 form of `cp` (at most 4 bytes) at `out` and advances it.
constexpr void put_utf8(char*& out, std::uint32_t cp) noexcept {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// `s` without leading and trailing ASCII whitespace.
constexpr std::string_view trim_ascii_space(std::string_view s) noexcept {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace alicert::internal
