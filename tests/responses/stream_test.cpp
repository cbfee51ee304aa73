// Many documents in one input: NDJSON and concatenated; a bad document costs only itself.
#include "support.h"

namespace alicert::test {
namespace {

using outcome = stream_record;

std::vector<outcome> run(std::string_view input) { return read_stream(input); }

const std::string cas = R"({"Certificate": {"Identifier": "x"}, "RequestId": "r1"})";
const std::string kms = R"({"CertificateId": "c", "Serial": "01"})";
const std::string get = R"({"CertificateId": "c", "Certificate": "PEM"})";
const std::string cdn = R"({"CertInfos": {"CertInfo": [{"CertId": "1"}]}})";
const std::string err = R"({"Code": "NotFound", "Message": "m"})";

TEST(Stream, Ndjson) {
  const std::string input = cas + "\n" + kms + "\n" + get + "\r\n" + cdn + "\n" + err + "\n";
  auto out = run(input);
  ASSERT_EQ(out.size(), 5u);
  const api kinds[] = {api::cas_describe_client_certificate, api::kms_describe_certificate,
                       api::kms_get_certificate, api::cdn_describe_certificate_info, api::api_error};
  std::size_t offset = 0;
  const std::string* texts[] = {&cas, &kms, &get, &cdn, &err};
  for (std::size_t i = 0; i < out.size(); ++i) {
    EXPECT_TRUE(out[i].ok) << i << ": " << describe(out[i].err);
    EXPECT_EQ(out[i].index, i);
    EXPECT_EQ(out[i].kind, kinds[i]);
    EXPECT_EQ(out[i].offset, input.find(*texts[i], offset));
    EXPECT_EQ(out[i].text, *texts[i]);
    offset = out[i].offset + 1;
  }
}

TEST(Stream, ConcatenatedWithoutSeparators) {
  const std::string input = cas + kms + "  " + cdn + err;
  auto out = run(input);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].offset, 0u);
  EXPECT_EQ(out[1].offset, cas.size());
  EXPECT_EQ(out[2].offset, cas.size() + kms.size() + 2);
  EXPECT_EQ(out[3].kind, api::api_error);
  for (const auto& o : out) EXPECT_TRUE(o.ok) << describe(o.err);
}

TEST(Stream, PrettyPrintedDocuments) {
  const std::string a = "{\n  \"Certificate\": {\n    \"Identifier\": \"x\"\n  }\n}";
  const std::string b = "{\n  \"CertInfos\": {\n    \"CertInfo\": [\n{\"CertId\": \"1\"}\n    ]\n  }\n}";
  auto out = run(a + "\n" + b + "\n");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(out[0].ok);
  EXPECT_TRUE(out[1].ok) << describe(out[1].err);
  EXPECT_EQ(out[1].kind, api::cdn_describe_certificate_info);
}

// Regression: a bare string document with spaces was split at each space.
TEST(Stream, BareStringIsOneDocument) {
  auto out = run("\"-----BEGIN CERTIFICATE----- x\"\n" + err + "\n\"unterminated {\n" + cas);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_FALSE(out[0].ok);
  EXPECT_EQ(out[0].err.code, error_code::unknown_shape);
  EXPECT_TRUE(out[1].ok);
  EXPECT_EQ(out[1].kind, api::api_error);
  EXPECT_FALSE(out[2].ok);
  EXPECT_EQ(out[2].err.code, error_code::malformed_json);
  EXPECT_TRUE(out[3].ok);
  EXPECT_EQ(out[3].kind, api::cas_describe_client_certificate);
}

TEST(Stream, EmptyAndWhitespaceOnly) {
  EXPECT_TRUE(run("").empty());
  EXPECT_TRUE(run(" \n\r\n\t ").empty());
}

TEST(Stream, BracesInsideStringsDoNotSplit) {
  const std::string tricky = R"({"Code": "a}b{c", "Message": "\"}\\"})";
  auto out = run(tricky + "\n" + err);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(out[0].ok) << describe(out[0].err);
  EXPECT_EQ(out[0].text, tricky);
  EXPECT_TRUE(out[1].ok);
}

TEST(Stream, MalformedDocumentInTheMiddle) {
  const std::string bad = R"({"Code": "x",})";
  const std::string input = cas + "\n" + bad + "\n" + kms + "\n";
  auto out = run(input);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[0].ok);
  EXPECT_FALSE(out[1].ok);
  EXPECT_EQ(out[1].index, 1u);
  EXPECT_EQ(out[1].offset, cas.size() + 1);
  EXPECT_EQ(out[1].err.code, error_code::malformed_json);
  // The error offset counts from the start of the input, not of the document.
  EXPECT_EQ(out[1].err.offset, cas.size() + 1 + bad.find('}'));
  EXPECT_TRUE(out[2].ok);
  EXPECT_EQ(out[2].index, 2u);
  EXPECT_EQ(out[2].kind, api::kms_describe_certificate);
}

TEST(Stream, InvalidUtf8LineInTheMiddle) {
  const std::string input = cas + "\n\xFF\xFE\n" + kms + "\n";
  auto out = run(input);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[0].ok);
  EXPECT_FALSE(out[1].ok);
  EXPECT_EQ(out[1].err.code, error_code::invalid_utf8);
  EXPECT_EQ(out[1].offset, cas.size() + 1);
  EXPECT_EQ(out[1].err.offset, cas.size() + 1);
  EXPECT_TRUE(out[2].ok);
  EXPECT_EQ(out[2].offset, cas.size() + 4);
}

TEST(Stream, InvalidUtf8InsideADocument) {
  const std::string bad = "{\"Code\": \"x\", \"Message\": \"\xC0\xAF\"}";
  const std::string input = err + "\n" + bad + "\n" + err + "\n";
  auto out = run(input);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].err.code, error_code::invalid_utf8);
  EXPECT_EQ(out[1].err.pointer, "/Message");
  EXPECT_EQ(out[1].err.offset, input.find('\xC0'));
  EXPECT_TRUE(out[2].ok);
}

TEST(Stream, UnterminatedStringEndsAtItsLine) {
  const std::string bad = R"({"Code": "never closed)";
  const std::string input = cas + "\n" + bad + "\n" + kms + "\n" + err + "\n";
  auto out = run(input);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(out[0].ok);
  EXPECT_FALSE(out[1].ok);
  EXPECT_EQ(out[1].err.code, error_code::malformed_json);
  EXPECT_EQ(out[1].text, bad);
  EXPECT_EQ(out[1].err.offset, input.find("\"never"));
  EXPECT_TRUE(out[2].ok);
  EXPECT_EQ(out[2].kind, api::kms_describe_certificate);
  EXPECT_TRUE(out[3].ok);
}

TEST(Stream, UnterminatedStringEndingInABackslash) {
  // Regression: the splitter stepped over the newline after a backslash and
  // swallowed the next line into the broken string.
  const std::string bad = R"({"Code": "abc\)";
  auto out = run(bad + "\n" + kms + "\n");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_FALSE(out[0].ok);
  EXPECT_TRUE(out[1].ok) << describe(out[1].err);
  EXPECT_EQ(out[1].kind, api::kms_describe_certificate);
}

TEST(Stream, TruncatedLineDoesNotSwallowTheNextOnes) {
  // Regression: an object line cut short left the bracket depth above zero,
  // and every later line became part of the broken document.
  const std::string bad = R"({"Certificate": {"Identifier": "x")";
  const std::string input = cas + "\n" + bad + "\n" + kms + "\n" + err + "\n";
  // (the broken document's text is its line, without the newline)
  auto out = run(input);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(out[0].ok);
  EXPECT_FALSE(out[1].ok);
  EXPECT_EQ(out[1].err.code, error_code::malformed_json);
  EXPECT_EQ(out[1].offset, cas.size() + 1);
  EXPECT_TRUE(out[2].ok) << describe(out[2].err);
  EXPECT_EQ(out[2].index, 2u);
  EXPECT_EQ(out[2].kind, api::kms_describe_certificate);
  EXPECT_TRUE(out[3].ok);
  EXPECT_EQ(out[3].index, 3u);
}

TEST(Stream, RunOfTruncatedLinesIsReadInLinearTime) {
  // Regression guard: each truncated line used to be found unclosed by a scan
  // to the end of the input, quadratic in their number.
  std::string input;
  const std::size_t n = 20000;
  for (std::size_t i = 0; i < n; ++i) input += (i % 2 ? err : R"({"Code": [1, )") + std::string("\n");
  auto out = run(input);
  ASSERT_EQ(out.size(), n);
  for (std::size_t i = 0; i < n; ++i) {
    ASSERT_EQ(out[i].ok, i % 2 == 1) << i;
    ASSERT_EQ(out[i].index, i);
  }
}

TEST(Stream, RunOfLinesEndingInAnUnclosedDocumentIsReadInLinearTime) {
  // Each line: a good document, then one cut short in the middle of the line.
  std::string input;
  const std::size_t n = 20000;
  for (std::size_t i = 0; i < n; ++i) input += err + R"( {"Code": [)" + "\n";
  auto out = run(input);
  ASSERT_EQ(out.size(), 2 * n);
  for (std::size_t i = 0; i < 2 * n; ++i) ASSERT_EQ(out[i].ok, i % 2 == 0) << i;
}

TEST(Stream, TruncatedLinesAroundValidPrettyDocuments) {
  // A valid document may hold a '{' at the start of a line: after a broken
  // one, it still ends where its brackets close.
  const std::string pretty = "{\"CertInfos\": {\"CertInfo\": [\n{\"CertId\": \"1\"}\n]}}";
  const std::string input = std::string(R"({"Code": )") + "\n" + pretty + "\n" + R"({"Code": [)" + "\n" + err;
  auto out = run(input);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_FALSE(out[0].ok);
  EXPECT_TRUE(out[1].ok) << describe(out[1].err);
  EXPECT_EQ(out[1].text, pretty);
  EXPECT_EQ(out[1].kind, api::cdn_describe_certificate_info);
  EXPECT_FALSE(out[2].ok);
  EXPECT_TRUE(out[3].ok);
}

TEST(Stream, StrayClosingBracketsAndScalars) {
  // A scalar is a complete JSON value (unknown_shape, a record of its own);
  // a stray bracket is not JSON, and reading resumes at the next line that
  // begins with '{' (responses.md, Shared shapes).
  const std::string input = cas + "\n42 }\n" + kms + "\n";
  auto out = run(input);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(out[0].ok);
  EXPECT_EQ(out[1].err.code, error_code::unknown_shape);
  EXPECT_EQ(out[1].text, "42");
  EXPECT_EQ(out[2].err.code, error_code::malformed_json);
  EXPECT_EQ(out[2].text, "}");
  EXPECT_TRUE(out[3].ok);
  EXPECT_EQ(out[3].kind, api::kms_describe_certificate);
}

TEST(Stream, ErrorsOfOtherKindsAreReportedAndSkipped) {
  const std::string wrong = R"({"Certificate": {"BeforeDate": {}}})";
  const std::string unknown = R"({"Hello": "world"})";
  const std::string input = wrong + unknown + cas;
  auto out = run(input);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].err.code, error_code::wrong_type);
  EXPECT_EQ(out[0].err.pointer, "/Certificate/BeforeDate");
  EXPECT_EQ(out[0].err.offset, input.find("{}"));
  EXPECT_EQ(out[1].err.code, error_code::unknown_shape);
  EXPECT_EQ(out[1].err.offset, wrong.size());
  EXPECT_TRUE(out[2].ok);
}

TEST(Stream, ViewsOffsetsCountFromTheInput) {
  const std::string input = err + "\n" + cas;
  parser p;
  padded_buffer in(input);
  document_stream s(p, in);
  ASSERT_TRUE(s.next());
  ASSERT_TRUE(s.next());
  ASSERT_TRUE(s.document().has_value());
  const auto& id = s.document()->cas->certificate.identifier;
  EXPECT_EQ(id.offset, input.find(R"("x")"));
  EXPECT_EQ(id.value.data(), in.data() + input.find(R"("x")") + 1);
  EXPECT_FALSE(s.next());
  EXPECT_FALSE(s.next());
}

}  // namespace
}  // namespace alicert::test
