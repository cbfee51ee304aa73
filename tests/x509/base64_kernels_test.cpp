// The SIMD base64 blocks (src/x509/base64.cpp) against decoding four
// characters at a time, for every kernel this CPU runs, and base64_decode
// against OpenSSL's EVP_DecodeBlock. Random inputs from a fixed seed.
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include <cstdint>
#include <string>
#include <vector>

#include "alicert/x509/pem.h"
#include "x509/base64.h"

namespace alicert::internal {
namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int value_of(unsigned char c) {
  for (int i = 0; i < 64; ++i)
    if (static_cast<unsigned char>(alphabet[i]) == c) return i;
  return -1;
}

struct rng {
  std::uint64_t x = 0x243f6a8885a308d3u;
  std::uint64_t next() {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

// Alphabet characters mostly, in lines of 64 or of random length; now and
// then any byte at all.
std::string random_text(rng& r, std::size_t size) {
  std::string s(size, 'A');
  const std::size_t line = r.below(2) == 0 ? 64 : 1 + r.below(80);
  for (std::size_t i = 0; i < size; ++i) {
    if ((i + 1) % (line + 1) == 0) s[i] = '\n';
    else s[i] = r.below(60) == 0 ? static_cast<char>(r.below(256)) : alphabet[r.below(64)];
  }
  return s;
}

std::vector<base64_kernel> kernels() {
  std::vector<base64_kernel> k;
#if defined(__x86_64__) || defined(__i386__)
  if (__builtin_cpu_supports("ssse3")) k.push_back(base64_kernel::ssse3);
  if (__builtin_cpu_supports("avx2")) k.push_back(base64_kernel::avx2);
#endif
  return k;
}

// base64_decode_blocks(k, text, cap) against decoding four characters at a
// time: what it consumed is line feeds and whole blocks of alphabet, decoded
// as quads, nothing written past its bytes, and it stopped where it had to.
void check_blocks(base64_kernel k, const std::string& text, std::size_t cap) {
  std::vector<std::uint8_t> out(cap + 8, 0xee);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const base64_blocks b = base64_decode_blocks(k, s, text.size(), out.data(), cap);
  ASSERT_LE(b.consumed, text.size());
  ASSERT_LE(b.written, cap);
  std::vector<int> values;
  bool newline = false;
  for (std::size_t j = 0; j < b.consumed; ++j) {
    if (s[j] == '\n') {
      ASSERT_EQ(values.size() % 16, 0u) << "a line feed inside a block";
      newline = true;
      continue;
    }
    values.push_back(value_of(s[j]));
    ASSERT_GE(values.back(), 0) << "consumed byte " << int(s[j]) << ", outside the alphabet";
  }
  ASSERT_EQ(values.size() % 16, 0u);
  ASSERT_EQ(b.written, values.size() / 4 * 3);
  EXPECT_EQ(b.newline, newline);
  for (std::size_t q = 0; q < values.size(); q += 4) {
    const std::uint32_t n = (std::uint32_t(values[q]) << 18) | (std::uint32_t(values[q + 1]) << 12) |
                            (std::uint32_t(values[q + 2]) << 6) | std::uint32_t(values[q + 3]);
    const std::size_t w = q / 4 * 3;
    ASSERT_EQ(out[w], static_cast<std::uint8_t>(n >> 16));
    ASSERT_EQ(out[w + 1], static_cast<std::uint8_t>(n >> 8));
    ASSERT_EQ(out[w + 2], static_cast<std::uint8_t>(n));
  }
  for (std::size_t w = b.written; w < out.size(); ++w) ASSERT_EQ(out[w], 0xee) << "wrote past its bytes";
  const std::size_t at = b.consumed;
  EXPECT_FALSE(at < text.size() && s[at] == '\n') << "stopped at a line feed";
  bool block_ok = text.size() - at >= 16 && cap - b.written >= 12;
  for (std::size_t j = at; block_ok && j < at + 16; ++j) block_ok = value_of(s[j]) >= 0;
  EXPECT_FALSE(block_ok) << "stopped before a whole block at " << at;
}

// Every byte value at every position of a block: the per-byte classification
// and translation of each kernel, exhaustively.
TEST(base64_kernels, every_byte_at_every_position) {
  if (kernels().empty()) GTEST_SKIP() << "no SIMD kernel on this CPU";
  for (base64_kernel k : kernels())
    for (int byte = 0; byte < 256; ++byte)
      for (std::size_t at = 0; at < 64; ++at) {
        std::string text(64, 'A');
        for (std::size_t j = 0; j < text.size(); ++j) text[j] = alphabet[(j * 7 + 3) % 64];
        text[at] = static_cast<char>(byte);
        check_blocks(k, text, 48);
        if (::testing::Test::HasFatalFailure()) return;
      }
}

TEST(base64_kernels, blocks_decode_as_quads_do) {
  if (kernels().empty()) GTEST_SKIP() << "no SIMD kernel on this CPU";
  rng r;
  for (int round = 0; round < 20000; ++round) {
    const std::string text = random_text(r, r.below(400));
    const std::size_t cap = r.below(300);
    for (base64_kernel k : kernels()) {
      check_blocks(k, text, cap);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

TEST(base64_kernels, best_kernel_is_one_the_cpu_runs) {
  const base64_kernel best = best_base64_kernel();
  const auto k = kernels();
  if (k.empty()) {
    EXPECT_EQ(best, base64_kernel::scalar);
  } else {
    EXPECT_EQ(best, k.back());
  }
}

// base64_decode (with the kernel the CPU runs) against OpenSSL, on line-broken
// and unbroken text of every length up to 600 bytes.
TEST(base64_kernels, decode_matches_openssl) {
  rng r;
  for (std::size_t size = 0; size <= 600; ++size) {
    std::vector<std::uint8_t> data(size);
    for (auto& b : data) b = static_cast<std::uint8_t>(r.below(256));
    std::string encoded(4 * ((size + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()), data.data(), static_cast<int>(size));
    encoded.resize(static_cast<std::size_t>(n));
    std::string lines;
    for (std::size_t i = 0; i < encoded.size(); i += 64) lines += encoded.substr(i, 64) + "\n";
    for (const std::string& text : {encoded, lines}) {
      std::vector<std::uint8_t> out(x509::base64_max_decoded_size(text.size()));
      auto got = x509::base64_decode(text, out);
      ASSERT_TRUE(got) << size;
      ASSERT_EQ(*got, size);
      EXPECT_TRUE(std::equal(data.begin(), data.end(), out.begin())) << size;
    }
  }
}

}  // namespace
}  // namespace alicert::internal
