// Shared helpers of the fuzz targets: a fingerprint that reads every byte it
// is given (so a sanitizer sees any dangling or out-of-bounds view), and a
// check that aborts with a message, which libFuzzer reports as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string_view>

#include "alicert/error.h"

namespace alicert::fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "\n*** alicert fuzz invariant violated: %s (%s:%d)\n", what, file, line);
  std::fflush(stderr);
  std::abort();
}

/// FNV-1a over everything mixed in. Two runs over equal data give equal values.
class fingerprint {
 public:
  void mix(std::uint64_t v) noexcept {
    for (int i = 0; i < 8; ++i) byte(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void mix(std::string_view s) noexcept {
    mix(static_cast<std::uint64_t>(s.size()));
    for (char c : s) byte(static_cast<std::uint8_t>(c));
  }
  void mix(std::span<const std::uint8_t> s) noexcept {
    mix(static_cast<std::uint64_t>(s.size()));
    for (std::uint8_t c : s) byte(c);
  }
  [[nodiscard]] std::uint64_t value() const noexcept { return h_; }

 private:
  void byte(std::uint8_t b) noexcept {
    h_ ^= b;
    h_ *= 0x100000001b3ull;
  }
  std::uint64_t h_{0xcbf29ce484222325ull};
};

/// Keeps a computed value alive so the optimizer cannot drop the reads behind it.
inline void consume(std::uint64_t v) noexcept {
  static volatile std::uint64_t sink;
  sink = sink + v;
}

/// Every error a call returns must carry a known code and a name for it.
inline void touch_error(const error& e, fingerprint& fp) {
  const std::string_view name = error_name(e.code);
  if (name.empty() || name == "unknown") fail("error_code without a name", __FILE__, __LINE__);
  fp.mix(static_cast<std::uint64_t>(e.code));
  fp.mix(name);
  fp.mix(std::string_view(e.message));
  fp.mix(std::string_view(e.pointer));
  fp.mix(static_cast<std::uint64_t>(e.offset));
}

/// True when `s` is valid UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
inline bool valid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  while (i < s.size()) {
    const unsigned char c = at(i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n;
    std::uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      cp = c & 0x1fu;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      cp = c & 0x0fu;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      cp = c & 0x07u;
    } else {
      return false;
    }
    if (s.size() - i <= n) return false;  // truncated sequence
    for (std::size_t k = 1; k <= n; ++k) {
      if ((at(i + k) & 0xc0u) != 0x80u) return false;
      cp = (cp << 6) | (at(i + k) & 0x3fu);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    i += n + 1;
  }
  return true;
}

}  // namespace alicert::fuzz

#define ALICERT_FUZZ_CHECK(cond, what)                                 \
  do {                                                                 \
    if (!(cond)) ::alicert::fuzz::fail(what, __FILE__, __LINE__);      \
  } while (0)
