// document_extent(): the byte-wise scan of scan.cpp, 64 bytes at a time.
//
// The byte-wise scan stops at every quote, bracket and backslash (some 400
// in a 3 KB CAS response, an unpredictable branch each): it was 8% of
// `alicert check`'s time. Here each block of 64 bytes is classified at once
// into bit masks (quotes, backslashes, newlines, brackets), the strings are
// found with a prefix XOR over the quotes no backslash escapes, and only
// the brackets outside strings are visited one by one.
//
// The result is document_extent_bytewise()'s. Escapes are computed from
// every backslash, which is what the byte-wise scan does as long as each
// backslash is inside a string. Up to the first backslash outside a string
// both scans see the same strings, so that backslash is found outside
// strings here too, before anything after it is trusted; from there the
// byte-wise scan decides, as it does for a value nested deeper than
// max_depth (whose cut depends on where it got too deep).
#include <cstdint>
#include <cstring>

#include "scan.h"

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#include <emmintrin.h>
#define ALICERT_EXTENT_SSE2 1
#endif

namespace alicert::internal {
namespace {

constexpr std::size_t block_size = 64;

struct block_bits {
  std::uint64_t quote{0}, backslash{0}, newline{0}, open{0}, close{0};
};

// Bit i of each mask: byte i of the block is that kind of byte.
block_bits classify(const char* p) noexcept {
  block_bits b;
#if defined(ALICERT_EXTENT_SSE2)
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(static_cast<const __m128i*>(static_cast<const void*>(p + 16 * k)));
    // '[' | 0x20 is '{' and ']' | 0x20 is '}'; no other byte folds onto them.
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const auto bits = [k](__m128i m) {
      return static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(m))) << (16 * k);
    };
    b.quote |= bits(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    b.backslash |= bits(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
    b.newline |= bits(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
    b.open |= bits(_mm_cmpeq_epi8(folded, _mm_set1_epi8('{')));
    b.close |= bits(_mm_cmpeq_epi8(folded, _mm_set1_epi8('}')));
  }
#else
  for (std::size_t i = 0; i < block_size; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    switch (p[i]) {
      case '"': b.quote |= bit; break;
      case '\\': b.backslash |= bit; break;
      case '\n': b.newline |= bit; break;
      case '{': case '[': b.open |= bit; break;
      case '}': case ']': b.close |= bit; break;
      default: break;
    }
  }
#endif
  return b;
}

// The bytes a backslash escapes: one that is not escaped itself escapes the
// byte after it. `carry` in: the block's first byte is escaped (the block
// before ended with an escaping backslash); out: the same for the next one.
std::uint64_t escaped_bits(std::uint64_t backslash, bool& carry) noexcept {
  std::uint64_t escaped = 0;
  if (carry) {
    escaped = 1;
    backslash &= ~std::uint64_t{1};
  }
  carry = false;
  while (backslash != 0) {
    const int at = __builtin_ctzll(backslash);
    if (at == 63) {
      carry = true;
      break;
    }
    escaped |= std::uint64_t{2} << at;
    backslash &= ~(std::uint64_t{3} << at);  // it, and the byte it escapes if that is a backslash
  }
  return escaped;
}

// The bytes inside strings: from an opening quote (included) to its closing
// quote (not included). `inside` carries the state from block to block.
std::uint64_t string_bits(std::uint64_t quotes, bool& inside) noexcept {
  std::uint64_t x = quotes;
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  if (inside) x = ~x;
  inside = (x >> 63) != 0;
  return x;
}

}  // namespace

extent document_extent(std::string_view in, std::size_t begin, std::size_t max_depth) noexcept {
  if (in[begin] != '{' && in[begin] != '[') return document_extent_bytewise(in, begin, max_depth);
  std::size_t depth = 0;
  bool inside = false;
  bool carry = false;
  char last[block_size];
  for (std::size_t at = begin; at < in.size(); at += block_size) {
    const char* p = in.data() + at;
    if (in.size() - at < block_size) {  // the last bytes, padded with spaces (no kind at all)
      std::memset(last, ' ', block_size);
      std::memcpy(last, p, in.size() - at);
      p = last;
    }
    const block_bits b = classify(p);
    const std::uint64_t strings = string_bits(b.quote & ~escaped_bits(b.backslash, carry), inside);
    const std::uint64_t stray = b.backslash & ~strings;  // outside strings: the byte-wise scan decides
    const std::uint64_t broken = b.newline & strings;    // a raw or escaped newline in a string: cut
    const std::uint64_t first_stop = (stray | broken) & (~(stray | broken) + 1);
    std::uint64_t brackets = (b.open | b.close) & ~strings & (first_stop - 1);  // all of them when no stop
    while (brackets != 0) {
      const int i = __builtin_ctzll(brackets);
      if ((b.open >> i) & 1u) {
        if (++depth > max_depth) return document_extent_bytewise(in, begin, max_depth);
      } else if (--depth == 0) {
        return {at + static_cast<std::size_t>(i) + 1, false};
      }
      brackets &= brackets - 1;
    }
    if ((first_stop & stray) != 0) return document_extent_bytewise(in, begin, max_depth);
    if (first_stop != 0) return cut_at_next_brace_line(in, begin);
  }
  return cut_at_next_brace_line(in, begin);
}

}  // namespace alicert::internal
