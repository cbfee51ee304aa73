// The record writer's fast paths against plain references: string escaping
// (sixteen bytes at a time) against a byte-by-byte escaper, dates against
// the library's format_rfc3339.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "alicert/check.h"
#include "alicert/quirks.h"
#include "alicert/responses/document.h"
#include "alicert/time.h"
#include "json_writer.h"
#include "rfc3339.h"
#include "text_escape.h"

namespace alicert_cli_test {
namespace {

// One well-formed UTF-8 sequence at text[i]: its length, or 0 (RFC 3629).
std::size_t sequence(const std::string& text, std::size_t i, std::uint32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const std::size_t left = text.size() - i;
  const unsigned c = b(i);
  std::size_t n = 0;
  if (c < 0x80) { cp = c; return 1; }
  if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
  else return 0;
  if (left < n) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

std::string reference_escape(const std::string& text) {
  static const char* hex = "0123456789abcdef";
  const auto u = [&](std::string& out, std::uint32_t cp) {
    out += "\\u";
    for (int s = 12; s >= 0; s -= 4) out += hex[(cp >> s) & 15];
  };
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = sequence(text, i, cp);
    if (n == 0) { u(out, 0xFFFD); ++i; continue; }
    if (n == 1) {
      switch (text[i]) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (cp < 0x20 || cp == 0x7F) u(out, cp); else out += text[i];
      }
    } else if (cp == 0x2028 || cp == 0x2029) {
      u(out, cp);
    } else {
      out.append(text, i, n);
    }
    i += n;
  }
  return out;
}

TEST(Render, EscapingMatchesAByteByByteEscaper) {
  std::mt19937 rng(3);
  const std::string pieces[] = {"a", "Z", " ", "\"", "\\", "\n", "\x01", "\x7f", "\xE9", "\xC3\xA9", "\xE2\x80\xA8",
                                "\xE2\x80\xA9", "\xE9\x98\xBF", "\xF0\x9F\x98\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                "\xC0\xAF", "0123456789abcdef"};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t n = rng() % 48;
    for (std::size_t i = 0; i < n; ++i) text += pieces[rng() % std::size(pieces)];
    std::string out;
    alicert::cli::append_json_escaped(out, text);
    ASSERT_EQ(out, reference_escape(text)) << round;
  }
}

TEST(Render, EscapingOfEveryByteValue) {
  for (int c = 0; c < 256; ++c) {
    for (const std::size_t pad : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{15}, std::size_t{16}, std::size_t{31}}) {
      // The byte in the middle, and (short texts: every place in the words
      // of four that overlap) at each end.
      for (const std::string& text : {std::string(pad, 'x') + static_cast<char>(c) + std::string(pad, 'y'),
                                      static_cast<char>(c) + std::string(2 * pad, 'y'),
                                      std::string(2 * pad, 'x') + static_cast<char>(c)}) {
        std::string out;
        alicert::cli::append_json_escaped(out, text);
        ASSERT_EQ(out, reference_escape(text)) << c << " " << pad;
      }
    }
  }
}

TEST(Render, DatesAsTheLibraryWritesThem) {
  std::mt19937_64 rng(7);
  const auto same = [](std::int64_t s) {
    const alicert::utc_seconds t{std::chrono::seconds{s}};
    char lib[32];
    char fast[alicert::cli::rfc3339_bound];
    const std::string_view expected = alicert::format_rfc3339(t, lib);
    const std::string_view got(fast, static_cast<std::size_t>(alicert::cli::write_rfc3339(fast, t) - fast));
    EXPECT_EQ(got, expected) << s;
  };
  for (const std::int64_t s : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{86399}, std::int64_t{951782400},
                               std::int64_t{253402300799}, std::int64_t{253402300800}, std::int64_t{-62167219200},
                               std::int64_t{-62167219201}, std::int64_t{1} << 40, -(std::int64_t{1} << 40),
                               std::int64_t{1} << 52, -(std::int64_t{1} << 52)})
    same(s);
  for (int i = 0; i < 100000; ++i) same(static_cast<std::int64_t>(rng() % 2000000000000ull) - 1000000000000ll);
}

// The names the writer copies without escaping (fragments::name()): every
// value of every family is ASCII letters, digits, '_' and '.', so escaping
// would give the same bytes.
TEST(Render, NamesCopiedUnescapedNeedNoEscaping) {
  std::vector<std::string_view> names;
  for (unsigned i = 0; i < alicert::check_count; ++i) names.push_back(alicert::check_name(static_cast<alicert::check_id>(i)));
  for (unsigned i = 0; i <= static_cast<unsigned>(alicert::finding_status::unverifiable); ++i)
    names.push_back(alicert::status_name(static_cast<alicert::finding_status>(i)));
  for (unsigned i = 0; i <= static_cast<unsigned>(alicert::san_kind::uri); ++i)
    names.push_back(alicert::san_kind_name(static_cast<alicert::san_kind>(i)));
  for (unsigned i = 0; i <= static_cast<unsigned>(alicert::warning_code::validity_inverted); ++i)
    names.push_back(alicert::warning_name(static_cast<alicert::warning_code>(i)));
  for (unsigned i = 0; i <= static_cast<unsigned>(alicert::validity_state::not_yet_valid); ++i)
    names.push_back(alicert::validity_state_name(static_cast<alicert::validity_state>(i)));
  for (std::size_t i = 0; i < alicert::api_count; ++i) names.push_back(alicert::api_name(static_cast<alicert::api>(i)));
  for (unsigned i = 0; i < alicert::quirk_count; ++i) names.push_back(alicert::quirk_name(static_cast<alicert::quirk>(i)));
  for (unsigned i = 0; i < 256; ++i) {
    const std::string_view n = alicert::error_name(static_cast<alicert::error_code>(i));
    names.push_back(n);
    if (n == "unknown_error") break;
  }
  EXPECT_GT(names.size(), 80u);
  for (const std::string_view n : names) {
    ASSERT_FALSE(n.empty());
    for (const char c : n)
      ASSERT_TRUE((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.')
          << "'" << n << "'";
    std::string escaped(alicert::cli::json_escaped_bound(n.size()), '\0');
    escaped.resize(static_cast<std::size_t>(alicert::cli::write_json_escaped(escaped.data(), n) - escaped.data()));
    EXPECT_EQ(escaped, n);
  }
}

}  // namespace
}  // namespace alicert_cli_test
