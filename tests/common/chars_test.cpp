// The word-at-a-time character helpers (src/common/chars.h) against the
// byte-at-a-time meaning they stand for, at every position of every byte.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>

#include "common/chars.h"

namespace alicert::internal {
namespace {

bool stops(unsigned char c) { return c == '"' || c == '\\' || c < 0x20u; }

const char* reference_stop(const char* p, const char* end) {
  while (p < end && !stops(static_cast<unsigned char>(*p))) ++p;
  return p;
}

std::uint64_t load(const unsigned char (&b)[8]) {
  std::uint64_t w = 0;
  std::memcpy(&w, b, 8);
  return w;
}

// The lowest bit set is exact: it is the first byte below `n` (bytes above
// the first may be flagged by a borrow, never bytes before it).
TEST(Chars, BytesBelowFindsTheFirstByteBelowTheBound) {
  for (unsigned n : {0x20u, 0x41u, 0x80u}) {
    for (unsigned v = 0; v < 256; ++v) {
      for (unsigned at = 0; at < 8; ++at) {
        unsigned char b[8];
        std::memset(b, 0xc0, sizeof b);  // no byte below any bound
        b[at] = static_cast<unsigned char>(v);
        const std::uint64_t hit = bytes_below(load(b), static_cast<unsigned char>(n));
        if (v < n) {
          ASSERT_NE(hit, 0u) << n << " " << v << " " << at;
          EXPECT_EQ(static_cast<unsigned>(__builtin_ctzll(hit)) / 8, at) << n << " " << v << " " << at;
        } else {
          EXPECT_EQ(hit, 0u) << n << " " << v << " " << at;
        }
      }
    }
  }
}

TEST(Chars, JsonStringStopAtEveryPositionOfEveryByte) {
  for (std::size_t size = 0; size <= 40; ++size) {
    for (std::size_t at = 0; at < size; ++at) {
      for (unsigned v = 0; v < 256; ++v) {
        std::string s(size, 'a');
        s[at] = static_cast<char>(v);
        const char* got = json_string_stop(s.data(), s.data() + s.size());
        ASSERT_EQ(got, reference_stop(s.data(), s.data() + s.size())) << size << " " << at << " " << v;
      }
    }
    std::string plain(size, 'z');
    EXPECT_EQ(json_string_stop(plain.data(), plain.data() + plain.size()), plain.data() + plain.size());
  }
}

// Bytes of multi-byte UTF-8 sequences, DEL and space are content; several
// stops in one word give the first.
TEST(Chars, JsonStringStopRandomBuffers) {
  std::mt19937 gen(20261203);
  const unsigned char alphabet[] = {'a', ' ', 0x7f, 0x80, 0xe9, 0xff, '"', '\\', 0x00, 0x1f, 0x20, 'Z'};
  for (int round = 0; round < 20000; ++round) {
    std::string s(gen() % 50, '\0');
    for (char& c : s) c = static_cast<char>(alphabet[gen() % (round % 3 == 0 ? sizeof alphabet : 6)]);
    ASSERT_EQ(json_string_stop(s.data(), s.data() + s.size()), reference_stop(s.data(), s.data() + s.size()))
        << round;
  }
}

}  // namespace
}  // namespace alicert::internal
