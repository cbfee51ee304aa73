// The comparison rules for reported text: masks, hex, IP addresses, DNS names.
#include "alicert/check/compare.h"

#include <arpa/inet.h>

#include <array>
#include <cstring>

#include "common/chars.h"

namespace alicert {
namespace {

using internal::hex_value;
constexpr bool is_space(char c) noexcept { return internal::is_ascii_space(c); }
constexpr char lower(char c) noexcept { return internal::ascii_lower(c); }

bool is_masked_ipv4(std::string_view t) noexcept {
  unsigned parts = 0;
  bool saw_xx = false;
  std::size_t i = 0;
  while (true) {
    std::size_t j = i;
    while (j < t.size() && t[j] != '.') ++j;
    std::string_view part = t.substr(i, j - i);
    if (part.empty() || part.size() > 3) return false;
    if (part == "XX" || part == "xx" || part == "Xx" || part == "xX") {
      saw_xx = true;
    } else {
      for (char c : part)
        if (c < '0' || c > '9') return false;
    }
    ++parts;
    if (j == t.size()) break;
    i = j + 1;
  }
  return parts == 4 && saw_xx;
}

// What a byte is in hex text: a digit (as its lowercase form), a separator
// that is skipped (a space or ':'), or neither.
constexpr char skip_byte = 1;
constexpr char not_hex = 0;
constexpr std::array<char, 256> hex_bytes() noexcept {
  std::array<char, 256> t{};
  for (unsigned b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    if (is_space(c) || c == ':') t[b] = skip_byte;
    else if (hex_value(c) >= 0) t[b] = lower(c);
  }
  return t;
}
constexpr std::array<char, 256> hex_byte = hex_bytes();

}  // namespace

bool is_masked(std::string_view text) noexcept {
  // Runs over every reported value, PEM text included: memchr for the first
  // '*', and a search for the run only in texts that have one.
  if (const void* star = text.empty() ? nullptr : std::memchr(text.data(), '*', text.size())) {
    const auto at = static_cast<std::size_t>(static_cast<const char*>(star) - text.data());
    if (text.find("****", at) != std::string_view::npos) return true;
  }
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text.size() <= 15 && is_masked_ipv4(text);  // "255.255.255.255" is the longest
}

std::string_view normalize_hex(std::string_view text, std::span<char> out, bool strip_leading_zeros,
                               bool* leading_zeros) noexcept {
  if (leading_zeros) *leading_zeros = false;
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  if (i + 1 < text.size() && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X')) i += 2;
  std::size_t n = 0;
  std::size_t zeros = 0;  // leading zeros dropped
  if (strip_leading_zeros) {
    for (; i < text.size() && (hex_byte[static_cast<unsigned char>(text[i])] == skip_byte || text[i] == '0'); ++i)
      if (text[i] == '0') ++zeros;
  }
  // Every reported digest and serial passes here, often twice: a byte's
  // kind is one table lookup.
  for (; i < text.size(); ++i) {
    const char c = hex_byte[static_cast<unsigned char>(text[i])];
    if (c == skip_byte) continue;
    if (c == not_hex) return {};
    if (n == out.size()) return {};
    out[n++] = c;
  }
  bool stripped = zeros > 0;
  if (n == 0) {
    if (zeros == 0 || out.empty()) return {};
    out[n++] = '0';  // the value zero: a lone "0" is not padding, "00" is
    stripped = zeros > 1;
  }
  if (leading_zeros) *leading_zeros = stripped;
  return {out.data(), n};
}

std::string_view to_hex(std::span<const std::uint8_t> bytes, std::span<char> out) noexcept {
  if (out.size() < bytes.size() * 2) return {};
  std::size_t n = 0;
  for (std::uint8_t b : bytes) {
    out[n++] = internal::hex_digit(b >> 4);
    out[n++] = internal::hex_digit(b);
  }
  return {out.data(), n};
}

ip_address parse_ip(std::string_view text) noexcept {
  ip_address a;
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  char buf[64];
  if (text.empty() || text.size() >= sizeof buf) return a;
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  if (text.find(':') != std::string_view::npos) {
    if (inet_pton(AF_INET6, buf, a.bytes.data()) == 1) a.size = 16;
  } else if (inet_pton(AF_INET, buf, a.bytes.data()) == 1) {
    a.size = 4;
  }
  return a;
}

namespace {

char* put_dotted_quad(char* p, const std::uint8_t* a) noexcept {
  for (int i = 0; i < 4; ++i) {
    if (i != 0) *p++ = '.';
    const unsigned v = a[i];
    if (v >= 100) *p++ = static_cast<char>('0' + v / 100);
    if (v >= 10) *p++ = static_cast<char>('0' + v / 10 % 10);
    *p++ = static_cast<char>('0' + v % 10);
  }
  return p;
}

char* put_hex_word(char* p, unsigned w) noexcept {
  bool started = false;
  for (int shift = 12; shift >= 0; shift -= 4) {
    const unsigned d = (w >> shift) & 0xf;
    if (d != 0 || started || shift == 0) {
      *p++ = internal::hex_digit(d);
      started = true;
    }
  }
  return p;
}

// RFC 5952 as glibc's inet_ntop writes it: lower-case hex words without
// leading zeros, the first longest run of two or more zero words as "::",
// and ::a.b.c.d / ::ffff:a.b.c.d for IPv4-compatible and -mapped addresses.
char* put_ipv6(char* p, const std::uint8_t* a) noexcept {
  unsigned words[8];
  for (int i = 0; i < 8; ++i) words[i] = (unsigned{a[2 * i]} << 8) | a[2 * i + 1];
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (words[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && words[j] == 0) ++j;
    if (j - i > best_len) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  if (best_len < 2) best = -1;
  for (int i = 0; i < 8; ++i) {
    if (best >= 0 && i >= best && i < best + best_len) {
      if (i == best) *p++ = ':';
      continue;
    }
    if (i != 0) *p++ = ':';
    if (i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && words[5] == 0xffff)))
      return put_dotted_quad(p, a + 12);
    p = put_hex_word(p, words[i]);
  }
  if (best >= 0 && best + best_len == 8) *p++ = ':';
  return p;
}

}  // namespace

// By hand rather than inet_ntop, which formats through sprintf (the checker
// writes every IP SAN of every certificate).
std::string_view format_ip(std::span<const std::uint8_t> address, std::span<char> out) noexcept {
  if ((address.size() != 4 && address.size() != 16) || out.size() < 46) return {};
  char* const begin = out.data();
  char* const end = address.size() == 4 ? put_dotted_quad(begin, address.data()) : put_ipv6(begin, address.data());
  *end = '\0';
  return {begin, static_cast<std::size_t>(end - begin)};
}

namespace {
std::string_view drop_trailing_dot(std::string_view s) noexcept {
  if (s.size() > 1 && s.back() == '.') s.remove_suffix(1);
  return s;
}
bool iequal(std::string_view a, std::string_view b) noexcept { return internal::ascii_iequals(a, b); }
}  // namespace

bool dns_equal(std::string_view a, std::string_view b) noexcept {
  return iequal(drop_trailing_dot(a), drop_trailing_dot(b));
}

bool dns_covers(std::string_view pattern, std::string_view name) noexcept {
  pattern = drop_trailing_dot(pattern);
  name = drop_trailing_dot(name);
  if (pattern.empty() || name.empty()) return false;
  if (iequal(pattern, name)) return true;
  if (pattern.size() < 3 || pattern[0] != '*' || pattern[1] != '.') return false;
  if (name.find('*') != std::string_view::npos) return false;
  // The wildcard needs at least two labels after it (no "*.com").
  const std::string_view suffix = pattern.substr(1);  // ".example.com"
  if (suffix.find('.', 1) == std::string_view::npos) return false;
  const std::size_t dot = name.find('.');
  if (dot == 0 || dot == std::string_view::npos) return false;
  return iequal(name.substr(dot), suffix);
}

}  // namespace alicert
