// Shared helpers of the responses wing's tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "alicert/limits.h"
#include "alicert/responses.h"

namespace alicert::test {

/// Owns one input buffer and one parser, and parses the buffer once.
struct parsed {
  padded_buffer input;
  parser p;
  result<document_view> doc;

  explicit parsed(std::string_view json) : input(json), p(), doc(p.parse(input)) {}
  parsed(std::string_view json, api expected) : input(json), p(), doc(p.parse(input, expected)) {}

  [[nodiscard]] std::string_view text() const { return input.view().view(); }
  /// Offset of the first occurrence of `needle` in the input (fails the test if absent).
  [[nodiscard]] std::size_t at(std::string_view needle, std::size_t from = 0) const {
    std::size_t pos = text().find(needle, from);
    EXPECT_NE(pos, std::string_view::npos) << "not in the input: " << needle;
    return pos;
  }
  /// True when `s` is a view into this parse's input buffer.
  [[nodiscard]] bool in_input(std::string_view s) const {
    const char* b = input.data();
    const char* e = b + input.size();
    return !s.empty() && std::less_equal<const char*>()(b, s.data()) &&
           std::less_equal<const char*>()(s.data() + s.size(), e);
  }
};

inline quirk_set quirks_of(std::initializer_list<quirk> qs) {
  quirk_set s;
  for (quirk q : qs) s.add(q);
  return s;
}

/// Readable form of a quirk set, so a failing comparison shows the names.
inline std::string names(quirk_set s) {
  std::string out = "{";
  s.for_each([&](quirk q) {
    if (out.size() > 1) out += ", ";
    out += std::string(quirk_name(q));
  });
  return out + "}";
}

#define EXPECT_QUIRKS(set, ...) \
  EXPECT_EQ(::alicert::test::names(set), ::alicert::test::names(::alicert::test::quirks_of({__VA_ARGS__})))

inline std::string describe(const error& e) {
  return std::string(error_name(e.code)) + " at " + std::string(e.pointer.empty() ? "\"\"" : e.pointer.view()) +
         " offset " + std::to_string(e.offset) + ": " + std::string(e.message);
}

#define ASSERT_PARSED(r)                                                                  \
  ASSERT_TRUE((r).doc.has_value()) << ::alicert::test::describe((r).doc.error())

/// `{"Certificate": {<members>}, "RequestId": "r"}`: a CAS document.
inline std::string cas_with(std::string_view members) {
  return std::string(R"({"Certificate": {)") + std::string(members) + R"(}, "RequestId": "r"})";
}
/// A KMS DescribeCertificate document: `{"CertificateId": "c", <members>}`.
inline std::string kms_with(std::string_view members) {
  return std::string(R"({"CertificateId": "c", )") + std::string(members) + "}";
}
/// A CDN document with one CertInfo entry `{<members>}`.
inline std::string cdn_with(std::string_view members) {
  return std::string(R"({"CertInfos": {"CertInfo": [{)") + std::string(members) + R"(}]}, "RequestId": "r"})";
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string data_path(std::string_view rel) {
  return std::string(ALICERT_TEST_DATA_DIR) + "/" + std::string(rel);
}

inline utc_seconds at_utc(int y, unsigned mo, unsigned d, unsigned h, unsigned mi, unsigned s) {
  return utc_seconds{std::chrono::seconds{civil_to_epoch(y, mo, d, h, mi, s)}};
}

inline std::vector<std::string> values_of(std::span<const san_entry> entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.emplace_back(e.value);
  return out;
}

/// One document of a stream, as read back.
struct stream_record {
  std::size_t index;
  std::size_t offset;
  std::string text;
  bool ok;
  api kind;
  error err;
  quirk_set quirks;
};

/// Every document of `input` read through document_stream, checking on the
/// way that a document's view agrees with the stream's offset and text.
inline std::vector<stream_record> read_stream(std::string_view input) {
  parser p;
  padded_buffer in(input);
  document_stream s(p, in);
  std::vector<stream_record> out;
  while (s.next()) {
    stream_record o{s.index(), s.offset(), std::string(s.text()), s.document().has_value(), api::api_error, {}, {}};
    if (o.ok) {
      o.kind = s.document()->kind;
      o.quirks = s.document()->quirks;
      EXPECT_EQ(s.document()->offset, s.offset());
      EXPECT_EQ(s.document()->json, s.text());
    } else {
      o.err = s.document().error();
    }
    out.push_back(o);
    if (out.size() > 100000) break;
  }
  return out;
}

}  // namespace alicert::test
