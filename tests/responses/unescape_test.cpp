// JSON string unescaping (src/responses/inner_reader.cpp: unescape_json,
// valid_json_escapes), which copies the runs between escapes whole, against
// a byte-at-a-time decoder written here from RFC 8259 section 7: the same
// verdict, length and bytes over escapes of every kind, runs of every
// length, escapes at both ends, broken escapes and random mixes of them.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "responses/inner_text.h"

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::uint32_t> hex4_at(const std::string& s, std::size_t i) {
  if (i + 4 > s.size()) return std::nullopt;
  std::uint32_t v = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int h = hex_value(s[i + k]);
    if (h < 0) return std::nullopt;
    v = v * 16 + static_cast<std::uint32_t>(h);
  }
  return v;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// What the escapes of `in` stand for, or nothing when one is broken.
std::optional<std::string> reference(const std::string& in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\\') {
      out += in[i];
      continue;
    }
    if (++i == in.size()) return std::nullopt;
    switch (in[i]) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        auto cp = hex4_at(in, i + 1);
        if (!cp) return std::nullopt;
        i += 4;
        if (*cp >= 0xDC00 && *cp <= 0xDFFF) return std::nullopt;
        if (*cp >= 0xD800 && *cp <= 0xDBFF) {
          if (i + 2 >= in.size() || in[i + 1] != '\\' || in[i + 2] != 'u') return std::nullopt;
          auto lo = hex4_at(in, i + 3);
          if (!lo || *lo < 0xDC00 || *lo > 0xDFFF) return std::nullopt;
          i += 6;
          *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*lo - 0xDC00);
        }
        append_utf8(out, *cp);
        break;
      }
      default: return std::nullopt;
    }
  }
  return out;
}

void expect_as_reference(const std::string& in) {
  const std::optional<std::string> want = reference(in);
  std::vector<char> room(in.size() + 1, '\x7f');
  std::size_t written = 12345;
  const bool ok = alicert::internal::unescape_json(in, room.data(), written);
  ASSERT_EQ(ok, want.has_value()) << "input: " << testing::PrintToString(in);
  EXPECT_EQ(alicert::internal::valid_json_escapes(in), ok) << testing::PrintToString(in);
  if (!ok) return;
  ASSERT_EQ(written, want->size()) << testing::PrintToString(in);
  EXPECT_EQ(std::string(room.data(), written), *want) << testing::PrintToString(in);
}

TEST(Unescape, EveryEscapeAtEveryPlace) {
  const std::vector<std::string> escapes{"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t",
                                         "\\u0041", "\\u00e9", "\\u4e2d", "\\uD83D\\uDE00", "\\u0000"};
  const std::vector<std::string> runs{"", "a", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA",
                                      std::string(200, 'x'), "\xe9\x98\xbf"};
  for (const std::string& e : escapes)
    for (const std::string& before : runs)
      for (const std::string& after : runs) {
        expect_as_reference(before + e + after);
        expect_as_reference(e + before + e + after + e);
      }
  expect_as_reference("");
  expect_as_reference("no escape at all");
}

TEST(Unescape, BrokenEscapesAreRefusedWherePlaced) {
  const std::vector<std::string> broken{"\\", "\\x", "\\u12", "\\u12G4", "\\uDC00", "\\uD800", "\\uD800\\n",
                                        "\\uD800\\u0041", "\\uD800x"};
  for (const std::string& b : broken) {
    expect_as_reference(b);
    expect_as_reference("abc" + b);
    expect_as_reference(b + "abc");
    expect_as_reference(std::string(100, 'k') + "\\n" + b + "\\n");
  }
}

TEST(Unescape, RandomMixesAgree) {
  std::mt19937 rng(20261202);
  const std::string alphabet = "ab\\\\nu0DdEe8F\"/tx ";
  for (int round = 0; round < 20000; ++round) {
    std::string in;
    const std::size_t n = rng() % 40;
    for (std::size_t i = 0; i < n; ++i) in += alphabet[rng() % alphabet.size()];
    expect_as_reference(in);
  }
}

}  // namespace
