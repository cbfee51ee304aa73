// Input that is not JSON: one error record per unbroken run of unparseable
// bytes, and reading resumes at the next line that begins with '{'
// (responses.md, Shared shapes).
#include <random>

#include "support.h"

namespace alicert::test {
namespace {

const std::string cas = R"({"Certificate": {"Identifier": "x"}, "RequestId": "r1"})";
const std::string kms = R"({"CertificateId": "c", "Serial": "01"})";
const std::string err = R"({"Code": "NotFound", "Message": "m"})";

bool not_json(const stream_record& r) {
  return !r.ok && (r.err.code == error_code::malformed_json || r.err.code == error_code::invalid_utf8);
}

std::string random_bytes(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out(n, '\0');
  for (char& c : out) c = static_cast<char>(rng() & 0xFF);
  return out;
}

std::size_t lines_beginning_with_a_brace(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = s.find("\n{"); i != std::string_view::npos; i = s.find("\n{", i + 1)) ++n;
  return n;
}

TEST(StreamRuns, RandomBytesAreOneRecord) {
  const std::string bytes = random_bytes(1 << 20, 20240806);
  // The seed gives lines that begin with '{' inside the noise: each resumed
  // attempt fails too and joins the run.
  ASSERT_GT(lines_beginning_with_a_brace(bytes), 3u);
  auto out = read_stream(bytes);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(not_json(out[0])) << describe(out[0].err);
  EXPECT_EQ(out[0].offset, 0u);
  EXPECT_EQ(out[0].text.size(), bytes.find_last_not_of(" \t\r\n") + 1);
}

TEST(StreamRuns, DocumentsAfterRandomBytesStillParse) {
  const std::string input = random_bytes(65536, 7) + "\n" + cas + "\n" + kms + "\n";
  auto out = read_stream(input);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(not_json(out[0])) << describe(out[0].err);
  EXPECT_EQ(out[1].offset, input.size() - cas.size() - kms.size() - 2);
  EXPECT_TRUE(out[1].ok) << describe(out[1].err);
  EXPECT_EQ(out[1].kind, api::cas_describe_client_certificate);
  EXPECT_TRUE(out[2].ok) << describe(out[2].err);
}

TEST(StreamRuns, PemFileIsOneRecord) {
  for (const char* name : {"x509/rsa2048.pem", "x509/chain.pem", "x509/leaf.csr"}) {
    const std::string pem = read_file(data_path(name));
    auto out = read_stream(pem);
    ASSERT_EQ(out.size(), 1u) << name;
    EXPECT_TRUE(not_json(out[0])) << name << ": " << describe(out[0].err);
    EXPECT_EQ(out[0].text.size(), pem.find_last_not_of(" \t\r\n") + 1) << name;
  }
}

TEST(StreamRuns, DerFileIsOneRecord) {
  for (const char* name : {"x509/rsa2048.der", "x509/ec_p256.der", "x509/name_t61.der"}) {
    const std::string der = read_file(data_path(name));
    auto out = read_stream(der);
    ASSERT_EQ(out.size(), 1u) << name;
    EXPECT_TRUE(not_json(out[0])) << name << ": " << describe(out[0].err);
  }
}

TEST(StreamRuns, BinaryLineAmongNdjsonDocuments) {
  const std::string binary = read_file(data_path("x509/rsa2048.der"));
  std::string input;
  for (int i = 0; i < 10; ++i) {
    if (i == 5) input += binary + "\n";
    input += cas + "\n";
  }
  auto out = read_stream(input);
  ASSERT_EQ(out.size(), 11u);
  for (std::size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i].index, i);
    if (i == 5) {
      EXPECT_TRUE(not_json(out[i])) << describe(out[i].err);
      EXPECT_EQ(out[i].text, binary.substr(0, binary.find_last_not_of(" \t\r\n") + 1));
    } else {
      EXPECT_TRUE(out[i].ok) << i << ": " << describe(out[i].err);
    }
  }
}

TEST(StreamRuns, ARunsErrorIsItsFirstFailure) {
  // Three broken lines, each of another kind, make one run.
  const std::string first = R"({"Code": "x",})";
  const std::string input = cas + "\n" + first + "\n\xFF\xFE\n" + R"({"Code": [})" + "\n" + kms + "\n";
  auto out = read_stream(input);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[0].ok);
  ASSERT_FALSE(out[1].ok);
  EXPECT_EQ(out[1].err.code, error_code::malformed_json);
  EXPECT_EQ(out[1].err.offset, cas.size() + 1 + first.find('}'));
  EXPECT_EQ(out[1].offset, cas.size() + 1);
  EXPECT_EQ(out[1].text, first + "\n\xFF\xFE\n" + R"({"Code": [})");
  EXPECT_TRUE(out[2].ok) << describe(out[2].err);
  EXPECT_EQ(out[2].index, 2u);
  EXPECT_EQ(out[2].kind, api::kms_describe_certificate);
}

TEST(StreamRuns, ReadingResumesOnlyAtALineBeginningWithABrace) {
  // After a stray bracket, the scalar and the document on the same line as
  // it belong to the run; the document that begins the next line parses.
  const std::string input = "}\n42 " + err + "\n  \t" + kms + "\n";
  auto out = read_stream(input);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].err.code, error_code::malformed_json);
  EXPECT_EQ(out[0].text, "}\n42 " + err);
  EXPECT_TRUE(out[1].ok) << describe(out[1].err);
  EXPECT_EQ(out[1].offset, input.find(kms));
}

TEST(StreamRuns, BrokenDocumentThenAGoodOneOnTheNextLine) {
  // Cut short; with fragments after it on its line; with an unclosed string.
  const std::string broken[] = {R"({"Certificate": {"Identifier":)",
                                R"({"Certificate": {"Identifier": "x",, "Days": 1}} and then some)",
                                R"({"Certificate": {"Identifier": "x}})"};
  for (const std::string& b : broken) {
    auto out = read_stream(b + "\n" + cas);
    ASSERT_EQ(out.size(), 2u) << b;
    EXPECT_FALSE(out[0].ok) << b;
    EXPECT_EQ(out[0].text, b);
    EXPECT_TRUE(out[1].ok) << b << ": " << describe(out[1].err);
    EXPECT_EQ(out[1].kind, api::cas_describe_client_certificate) << b;
    EXPECT_EQ(out[1].offset, b.size() + 1) << b;
  }
}

TEST(StreamRuns, ACompleteValueThatFailsOtherwiseEndsTheRun) {
  // unknown_shape and wrong_type are complete JSON: records of their own.
  const std::string unknown = R"({"Hello": "world"})";
  const std::string wrong = R"({"Certificate": {"BeforeDate": {}}})";
  const std::string input = "garbage\n" + unknown + "\nmore garbage\n" + wrong + "\n" + kms;
  auto out = read_stream(input);
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out[0].err.code, error_code::malformed_json);
  EXPECT_EQ(out[0].text, "garbage");
  EXPECT_EQ(out[1].err.code, error_code::unknown_shape);
  EXPECT_EQ(out[1].text, unknown);
  EXPECT_EQ(out[2].err.code, error_code::malformed_json);
  EXPECT_EQ(out[2].text, "more garbage");
  EXPECT_EQ(out[3].err.code, error_code::wrong_type);
  EXPECT_TRUE(out[4].ok);
}

TEST(StreamRuns, TruncatedLastDocument) {
  const std::string truncated = R"({"Certificate": {"Identifier": "x")";
  auto out = read_stream(cas + "\n" + truncated + "\n");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(out[0].ok);
  EXPECT_EQ(out[1].err.code, error_code::malformed_json);
  EXPECT_EQ(out[1].offset, cas.size() + 1);
  EXPECT_EQ(out[1].text.substr(0, truncated.size()), truncated);
}

TEST(StreamRuns, DocumentAtTheDepthLimitAfterABrokenOne) {
  // Pretty-printed, with lines inside it that begin with '{': still one document.
  // The root is level 0; an empty object at level max_depth is still allowed.
  std::string deep = "{\"Code\": \"x\", \"Deep\":\n";
  for (std::size_t i = 1; i < limits::max_depth; ++i) deep += "{\"a\":\n";
  deep += "{}";
  for (std::size_t i = 1; i < limits::max_depth; ++i) deep += "}\n";
  deep += "}";
  auto out = read_stream(R"({"Code": [)" "\n" + deep + "\n" + kms + "\n");
  ASSERT_EQ(out.size(), 3u);
  EXPECT_FALSE(out[0].ok);
  EXPECT_TRUE(out[1].ok) << describe(out[1].err);
  EXPECT_EQ(out[1].text, deep);
  EXPECT_TRUE(out[2].ok);
}

TEST(StreamRuns, TooDeepDocumentIsCutAtItsNextBraceLine) {
  // Deeper than any valid document, and not closed before the next line
  // that begins with '{': no document, and reading resumes on that line.
  std::string deep = "{\"Code\": " + std::string(limits::max_depth + 1, '[') + "\n";
  auto out = read_stream(deep + err + "\n" + std::string(limits::max_depth + 1, ']') + "}\n" + kms);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_FALSE(out[0].ok);
  EXPECT_TRUE(out[1].ok) << describe(out[1].err);
  EXPECT_EQ(out[1].kind, api::api_error);
  EXPECT_EQ(out[2].err.code, error_code::malformed_json);
  EXPECT_TRUE(out[3].ok);
}

TEST(StreamRuns, UnclosedStringAfterABraceLineIsCutAtThatLine) {
  // Regression (fuzz: corpus/stream/regress_unclosed_string_after_a_brace_line):
  // the document was cut where its string met a newline, two lines down, so
  // copied alone it was delimited differently.
  auto out = read_stream("{\"k\": [\n{\"a\": 1},\n\"unterminated\n" + err + "\n");
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].text, "{\"k\": [");
  EXPECT_EQ(out[0].err.code, error_code::malformed_json);
  EXPECT_EQ(out[1].text, "{\"a\": 1}");
  EXPECT_EQ(out[1].err.code, error_code::unknown_shape);
  EXPECT_EQ(out[2].text, ",\n\"unterminated");
  EXPECT_TRUE(out[3].ok);
}

TEST(StreamRuns, EachRecordCopiedAloneIsOneRecordThatReadsTheSame) {
  const std::string inputs[] = {
      "{\"k\": [\n{\"a\": 1},\n\"unterminated\n" + err + "\n",
      "}\n42 " + err + "\n  " + kms + "\n{\"Code\": \"x\",}\n\xFF\n{\"Code\": [}\n" + cas,
      "{\"Code\": " + std::string(limits::max_depth + 1, '[') + "\n" + err + "\n]]}\n" + kms,
      random_bytes(4096, 11) + "\n" + err + "\n" + random_bytes(4096, 12),
  };
  for (const std::string& input : inputs) {
    for (const stream_record& r : read_stream(input)) {
      auto alone = read_stream(r.text);
      ASSERT_EQ(alone.size(), 1u) << r.offset;
      EXPECT_EQ(alone[0].text, r.text);
      EXPECT_EQ(alone[0].ok, r.ok) << r.offset;
      if (!r.ok) {
        EXPECT_EQ(alone[0].err.code, r.err.code) << r.offset;
        EXPECT_EQ(alone[0].err.pointer, r.err.pointer) << r.offset;
        EXPECT_EQ(alone[0].err.offset + r.offset, r.err.offset) << r.offset;
      }
    }
  }
}

TEST(StreamRuns, LinesThatNestTooDeepAreReadInLinearTime) {
  // Regression guard: each line opens more than the depth limit and never
  // closes; a scan to the end of the input for each would be quadratic.
  std::string input;
  const std::size_t n = 20000;
  const std::string opens = "{\"Code\": " + std::string(2 * limits::max_depth, '[');
  for (std::size_t i = 0; i < n; ++i) input += (i % 2 ? err : opens) + "\n";
  auto out = read_stream(input);
  ASSERT_EQ(out.size(), n);
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(out[i].ok, i % 2 == 1) << i;
}

TEST(StreamRuns, ManyRunsBetweenDocuments) {
  std::string input;
  const std::size_t n = 5000;
  for (std::size_t i = 0; i < n; ++i) input += err + "\n-----BEGIN X-----\nAAAA\n{\"Code\": \xC0}\n";
  auto out = read_stream(input);
  ASSERT_EQ(out.size(), 2 * n);
  for (std::size_t i = 0; i < 2 * n; ++i) {
    ASSERT_EQ(out[i].ok, i % 2 == 0) << i;
    if (i % 2) ASSERT_EQ(out[i].text, "-----BEGIN X-----\nAAAA\n{\"Code\": \xC0}") << i;
  }
}

}  // namespace
}  // namespace alicert::test
