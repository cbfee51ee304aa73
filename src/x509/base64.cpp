// Base64 blocks with SSSE3 and AVX2, each function compiled for its own
// target and called only when the CPU has it: the build itself assumes
// nothing beyond baseline x86-64.
//
// Per block (Muła and Lemire, "Faster Base64 Encoding and Decoding Using AVX2
// Instructions", 2018): two nibble lookups flag every byte outside the
// alphabet (a byte >= 0x80 included), a third gives the offset that turns a
// character into its 6-bit value (+19 for '+', +16 for '/', +4 for digits,
// -65 for upper case, -71 for lower case). The values are then packed four
// into three bytes: pmaddubsw joins pairs into 12 bits, pmaddwd pairs of
// those into 24, and a byte shuffle writes each group's three bytes
// big-endian. tests/x509/base64_kernels_test.cpp checks every byte value at
// every position of a block against the scalar table.
#include "x509/base64.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define ALICERT_BASE64_SIMD 1
#endif

namespace alicert::internal {

#ifdef ALICERT_BASE64_SIMD
namespace {

// The 6-bit values of 16 characters, and a mask of the bytes that are alphabet.
// The 6-bit values of 16 characters; false when one is outside the alphabet.
__attribute__((target("ssse3"))) inline bool values_16(__m128i c, __m128i& values) noexcept {
  const __m128i lut_lo = _mm_setr_epi8(0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x13, 0x1a, 0x1b,
                                       0x1b, 0x1b, 0x1a);
  const __m128i lut_hi = _mm_setr_epi8(0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10, 0x10, 0x10, 0x10, 0x10,
                                       0x10, 0x10, 0x10);
  const __m128i lut_roll = _mm_setr_epi8(0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m128i mask_2f = _mm_set1_epi8(0x2f);
  const __m128i hi_nibbles = _mm_and_si128(_mm_srli_epi32(c, 4), mask_2f);
  const __m128i lo = _mm_shuffle_epi8(lut_lo, _mm_and_si128(c, mask_2f));
  const __m128i hi = _mm_shuffle_epi8(lut_hi, hi_nibbles);
  if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(lo, hi), _mm_setzero_si128())) != 0xffff) return false;
  const __m128i roll = _mm_shuffle_epi8(lut_roll, _mm_add_epi8(_mm_cmpeq_epi8(c, mask_2f), hi_nibbles));
  values = _mm_add_epi8(c, roll);
  return true;
}

// Four 6-bit values per 32-bit group -> three bytes, the 12 bytes of 16 values first.
__attribute__((target("ssse3"))) inline __m128i pack_16(__m128i v) noexcept {
  const __m128i pairs = _mm_maddubs_epi16(v, _mm_set1_epi32(0x01400140));
  const __m128i groups = _mm_madd_epi16(pairs, _mm_set1_epi32(0x00011000));
  return _mm_shuffle_epi8(groups, _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1));
}

// One block of 16 characters at text into 12 bytes at out; false (nothing
// written) unless all 16 are alphabet.
__attribute__((target("ssse3"))) inline bool block_16(const unsigned char* text, std::uint8_t* out) noexcept {
  __m128i v;
  if (!values_16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text)), v)) return false;
  const __m128i bytes = pack_16(v);
  _mm_storel_epi64(reinterpret_cast<__m128i*>(out), bytes);
  const int tail = _mm_cvtsi128_si32(_mm_srli_si128(bytes, 8));
  __builtin_memcpy(out + 8, &tail, 4);
  return true;
}

__attribute__((target("ssse3"))) base64_blocks blocks_ssse3(const unsigned char* text, std::size_t size,
                                                            std::uint8_t* out, std::size_t cap) noexcept {
  std::size_t i = 0, w = 0;
  bool newline = false;
  while (true) {
    if (i < size && text[i] == '\n') {
      newline = true;
      ++i;
    } else if (size - i >= 16 && cap - w >= 12 && block_16(text + i, out + w)) {
      i += 16;
      w += 12;
    } else {
      return {i, w, newline};
    }
  }
}

__attribute__((target("avx2"))) inline bool values_32(__m256i c, __m256i& values) noexcept {
  const __m256i lut_lo = _mm256_setr_epi8(0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x13, 0x1a,
                                          0x1b, 0x1b, 0x1b, 0x1a, 0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
                                          0x11, 0x11, 0x13, 0x1a, 0x1b, 0x1b, 0x1b, 0x1a);
  const __m256i lut_hi = _mm256_setr_epi8(0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10, 0x10, 0x10, 0x10,
                                          0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08,
                                          0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10);
  const __m256i lut_roll = _mm256_setr_epi8(0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 19, 4,
                                            -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i mask_2f = _mm256_set1_epi8(0x2f);
  const __m256i hi_nibbles = _mm256_and_si256(_mm256_srli_epi32(c, 4), mask_2f);
  const __m256i lo = _mm256_shuffle_epi8(lut_lo, _mm256_and_si256(c, mask_2f));
  const __m256i hi = _mm256_shuffle_epi8(lut_hi, hi_nibbles);
  if (!_mm256_testz_si256(lo, hi)) return false;
  const __m256i roll = _mm256_shuffle_epi8(lut_roll, _mm256_add_epi8(_mm256_cmpeq_epi8(c, mask_2f), hi_nibbles));
  values = _mm256_add_epi8(c, roll);
  return true;
}

// The loop of blocks_ssse3 with 32-character blocks first, then 16 (an AVX2
// CPU has SSSE3), so a 64-character PEM line is two steps and its line feed one.
__attribute__((target("avx2"))) base64_blocks blocks_avx2(const unsigned char* text, std::size_t size,
                                                          std::uint8_t* out, std::size_t cap) noexcept {
  const __m256i pair_weights = _mm256_set1_epi32(0x01400140), group_weights = _mm256_set1_epi32(0x00011000);
  const __m256i order = _mm256_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1, 2, 1, 0, 6, 5, 4,
                                         10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  const __m256i lanes_together = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 3, 7);
  std::size_t i = 0, w = 0;
  bool newline = false;
  while (true) {
    if (i < size && text[i] == '\n') {
      newline = true;
      ++i;
      continue;
    }
    __m256i v;
    if (size - i >= 32 && cap - w >= 24 && values_32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(text + i)), v)) {
      const __m256i groups = _mm256_madd_epi16(_mm256_maddubs_epi16(v, pair_weights), group_weights);
      // The 12 bytes of each lane, side by side.
      const __m256i bytes = _mm256_permutevar8x32_epi32(_mm256_shuffle_epi8(groups, order), lanes_together);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + w), _mm256_castsi256_si128(bytes));
      _mm_storel_epi64(reinterpret_cast<__m128i*>(out + w + 16), _mm256_extracti128_si256(bytes, 1));
      i += 32;
      w += 24;
    } else if (size - i >= 16 && cap - w >= 12 && block_16(text + i, out + w)) {
      i += 16;
      w += 12;
    } else {
      return {i, w, newline};
    }
  }
}

}  // namespace
#endif

base64_kernel best_base64_kernel() noexcept {
#ifdef ALICERT_BASE64_SIMD
  if (__builtin_cpu_supports("avx2")) return base64_kernel::avx2;
  if (__builtin_cpu_supports("ssse3")) return base64_kernel::ssse3;
#endif
  return base64_kernel::scalar;
}

base64_blocks base64_decode_blocks(base64_kernel kernel, const unsigned char* text, std::size_t size,
                                   std::uint8_t* out, std::size_t cap) noexcept {
#ifdef ALICERT_BASE64_SIMD
  switch (kernel) {
    case base64_kernel::avx2: return blocks_avx2(text, size, out, cap);
    case base64_kernel::ssse3: return blocks_ssse3(text, size, out, cap);
    case base64_kernel::scalar: break;
  }
#else
  (void)kernel, (void)text, (void)size, (void)out, (void)cap;
#endif
  return {};
}

}  // namespace alicert::internal
