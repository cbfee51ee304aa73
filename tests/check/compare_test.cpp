// The comparison rules of reported text (compare.h).
#include <gtest/gtest.h>

#include <arpa/inet.h>

#include <array>
#include <string>

#include "alicert/check.h"

namespace {

using alicert::is_masked;

TEST(Compare, MasksAreRunsOfFourStarsOrXxOctets) {
  EXPECT_TRUE(is_masked("9a28de48-8d8b-484d-a766-dec4****"));
  EXPECT_TRUE(is_masked("79 36 26 DE 9F F5 15 E3 56 DC ********"));
  EXPECT_TRUE(is_masked("192.0.XX.XX"));
  EXPECT_TRUE(is_masked("192.0.2.xx"));
  EXPECT_TRUE(is_masked(" 10.XX.0.1 "));
  EXPECT_FALSE(is_masked("***"));
  EXPECT_FALSE(is_masked("a*b*c*d"));
  EXPECT_FALSE(is_masked("1644xx"));  // not a mask by the rule, even if the docs mean one
  EXPECT_FALSE(is_masked("MIIBXXcgAwIBAgIJAKXX"));  // base64 with XX by chance
  EXPECT_FALSE(is_masked("XX.XX.XX"));              // three octets: not an address
  EXPECT_FALSE(is_masked("192.0.2.10"));
  EXPECT_FALSE(is_masked(""));
}

std::string hex(std::string_view in, bool strip, bool* zeros = nullptr) {
  std::array<char, 128> buf{};
  return std::string(alicert::normalize_hex(in, buf, strip, zeros));
}

// The rule as first written, a byte at a time (normalize_hex() now reads
// each byte's kind from a table): the two agree on every text of up to five
// bytes over an alphabet of digits, separators, a prefix and non-hex bytes.
std::string hex_by_the_rule(std::string_view t, std::size_t room, bool strip, bool& stripped) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
  const auto digit = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  stripped = false;
  std::size_t i = 0;
  while (i < t.size() && space(t[i])) ++i;
  if (i + 1 < t.size() && t[i] == '0' && (t[i + 1] == 'x' || t[i + 1] == 'X')) i += 2;
  std::string out;
  std::size_t zeros = 0;
  for (; i < t.size(); ++i) {
    const char c = t[i];
    if (space(c) || c == ':') continue;
    if (!digit(c)) return "<none>";
    if (strip && out.empty() && c == '0') {
      ++zeros;
      continue;
    }
    if (out.size() == room) return "<none>";
    out += static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
  }
  stripped = zeros > 0;
  if (out.empty()) {
    if (zeros == 0 || room == 0) return "<none>";
    out = "0";
    stripped = zeros > 1;
  }
  return out;
}

TEST(Compare, HexNormalizationAgreesWithTheRuleOnEveryShortText) {
  const std::string alphabet = "00aF: \tx9g-";
  std::size_t texts = 0;
  for (std::size_t len = 0; len <= 5; ++len) {
    std::size_t count = 1;
    for (std::size_t k = 0; k < len; ++k) count *= alphabet.size();
    for (std::size_t code = 0; code < count; ++code) {
      std::string t;
      for (std::size_t k = 0, c = code; k < len; ++k, c /= alphabet.size()) t += alphabet[c % alphabet.size()];
      for (const bool strip : {false, true}) {
        for (const std::size_t room : {std::size_t{2}, std::size_t{8}}) {
          bool want_zeros = false, got_zeros = true;
          const std::string want = hex_by_the_rule(t, room, strip, want_zeros);
          std::array<char, 8> buf{};
          const std::string_view got = alicert::normalize_hex(t, std::span<char>(buf.data(), room), strip, &got_zeros);
          ASSERT_EQ(got.empty() ? std::string("<none>") : std::string(got), want) << "'" << t << "' strip " << strip;
          if (!got.empty()) ASSERT_EQ(got_zeros, want_zeros) << "'" << t << "'";
        }
      }
      ++texts;
    }
  }
  EXPECT_EQ(texts, 177156u);  // 1 + 11 + ... + 11^5
}

TEST(Compare, HexNormalization) {
  EXPECT_EQ(hex("79 36 26 DE", false), "793626de");
  EXPECT_EQ(hex("0x0A:BC:de", false), "0abcde");
  EXPECT_EQ(hex("0X00ff", true), "ff");
  bool zeros = false;
  EXPECT_EQ(hex("000001", true, &zeros), "1");
  EXPECT_TRUE(zeros);
  EXPECT_EQ(hex("0", true, &zeros), "0");
  EXPECT_FALSE(zeros);
  EXPECT_EQ(hex("00", true, &zeros), "0");
  EXPECT_TRUE(zeros);
  EXPECT_EQ(hex("12g4", false), "");
  EXPECT_EQ(hex("-12", false), "");
  EXPECT_EQ(hex("  ", false), "");
  EXPECT_EQ(hex("0x", false), "");
}

TEST(Compare, ToHex) {
  const std::uint8_t b[] = {0x00, 0xab, 0x10};
  std::array<char, 6> out{};
  EXPECT_EQ(alicert::to_hex(b, out), "00ab10");
  std::array<char, 5> small{};
  EXPECT_EQ(alicert::to_hex(b, small), "");
}

TEST(Compare, IpAddresses) {
  auto a = alicert::parse_ip("192.0.2.10");
  ASSERT_EQ(a.size, 4);
  EXPECT_EQ(a.bytes[0], 192);
  EXPECT_EQ(a.bytes[3], 10);
  EXPECT_EQ(alicert::parse_ip("2001:db8::1"), alicert::parse_ip("2001:0DB8:0:0:0:0:0:0001"));
  EXPECT_EQ(alicert::parse_ip("[::1]").size, 16);
  EXPECT_EQ(alicert::parse_ip("::ffff:192.0.2.1").size, 16);
  EXPECT_EQ(alicert::parse_ip("example.com").size, 0);
  EXPECT_EQ(alicert::parse_ip("192.0.2").size, 0);
  EXPECT_EQ(alicert::parse_ip("192.0.2.256").size, 0);
  EXPECT_EQ(alicert::parse_ip("").size, 0);
  std::array<char, 64> out{};
  EXPECT_EQ(alicert::format_ip(alicert::parse_ip("2001:0db8:0:0:1:0:0:1").view(), out), "2001:db8::1:0:0:1");
  EXPECT_EQ(alicert::format_ip(alicert::parse_ip("10.0.0.1").view(), out), "10.0.0.1");
  const std::uint8_t odd[8] = {};
  EXPECT_EQ(alicert::format_ip(odd, out), "");
}

// format_ip writes what inet_ntop writes: every pattern of zero words, with
// other words of every width (and ffff before an IPv4 tail), and IPv4
// addresses with octets of every width.
TEST(Compare, FormatIpIsInetNtop) {
  std::uint64_t x = 0x9e3779b97f4a7c15u;
  const auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  std::array<char, 64> out{};
  char expected[INET6_ADDRSTRLEN];
  for (unsigned zeros = 0; zeros < 256; ++zeros)
    for (int fill = 0; fill < 64; ++fill) {
      std::uint8_t a[16];
      for (int w = 0; w < 8; ++w) {
        unsigned v = 0;
        if ((zeros >> w & 1u) == 0) {
          const unsigned widths[] = {0xf, 0xff, 0xfff, 0xffff};
          v = static_cast<unsigned>(next()) & widths[next() % 4];
          if (v == 0) v = 1;
          if (w == 5 && fill % 4 == 0) v = 0xffff;
        }
        a[2 * w] = static_cast<std::uint8_t>(v >> 8);
        a[2 * w + 1] = static_cast<std::uint8_t>(v);
      }
      ASSERT_NE(inet_ntop(AF_INET6, a, expected, sizeof expected), nullptr);
      ASSERT_EQ(alicert::format_ip(a, out), std::string_view(expected)) << zeros << " " << fill;
    }
  for (int i = 0; i < 20000; ++i) {
    std::uint8_t a[4];
    for (auto& b : a) b = static_cast<std::uint8_t>(next() % 4 == 0 ? next() % 10 : next() % 4 == 0 ? next() % 100 : next());
    ASSERT_NE(inet_ntop(AF_INET, a, expected, sizeof expected), nullptr);
    ASSERT_EQ(alicert::format_ip(a, out), std::string_view(expected));
  }
}

TEST(Compare, DnsNames) {
  EXPECT_TRUE(alicert::dns_equal("WWW.Example.COM", "www.example.com."));
  EXPECT_FALSE(alicert::dns_equal("www.example.com", "example.com"));
  EXPECT_TRUE(alicert::dns_covers("*.example.com", "a.example.com"));
  EXPECT_TRUE(alicert::dns_covers("*.Example.com", "A.EXAMPLE.com"));
  EXPECT_FALSE(alicert::dns_covers("*.example.com", "example.com"));
  EXPECT_FALSE(alicert::dns_covers("*.example.com", "a.b.example.com"));
  EXPECT_FALSE(alicert::dns_covers("*.com", "example.com"));
  EXPECT_FALSE(alicert::dns_covers("a.*.example.com", "a.b.example.com"));
  EXPECT_FALSE(alicert::dns_covers("w*.example.com", "www.example.com"));
  EXPECT_TRUE(alicert::dns_covers("*.example.com", "*.example.com"));
  EXPECT_FALSE(alicert::dns_covers("a.example.com", "*.example.com"));
  EXPECT_TRUE(alicert::dns_covers("example.com", "example.com"));
}

TEST(Compare, Names) {
  EXPECT_EQ(alicert::check_name(alicert::check_id::certificate), "certificate");
  EXPECT_EQ(alicert::check_name(alicert::check_id::csr_public_key), "csr_public_key");
  EXPECT_EQ(alicert::check_name(alicert::check_id::organizational_unit), "organizational_unit");
  EXPECT_EQ(alicert::check_name(alicert::check_id::chain_info), "chain_info");
  EXPECT_EQ(alicert::check_count, 31u);
  const char* statuses[] = {"match", "mismatch", "invalid", "masked", "absent", "unverifiable"};
  for (unsigned i = 0; i < 6; ++i)
    EXPECT_EQ(alicert::status_name(static_cast<alicert::finding_status>(i)), statuses[i]);
  EXPECT_EQ(alicert::san_kind_name(alicert::san_kind::ip), "ip");
  EXPECT_EQ(alicert::validity_state_name(alicert::validity_state::not_yet_valid), "not_yet_valid");
  // every check has a distinct name
  for (unsigned i = 0; i < alicert::check_count; ++i)
    for (unsigned j = i + 1; j < alicert::check_count; ++j)
      EXPECT_NE(alicert::check_name(static_cast<alicert::check_id>(i)),
                alicert::check_name(static_cast<alicert::check_id>(j)));
}

}  // namespace
