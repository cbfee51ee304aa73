// A UTF-8 byte order mark before a document is skipped, with quirk utf8_bom;
// it never makes a record of its own (responses.md, Shared shapes).
#include "support.h"

namespace alicert::test {
namespace {

const std::string bom = "\xEF\xBB\xBF";
const std::string cas = R"({"Certificate": {"Identifier": "x"}, "RequestId": "r1"})";
const std::string kms = R"({"CertificateId": "c", "Serial": "01"})";
const std::string err = R"({"Code": "NotFound", "Message": "m"})";

TEST(Bom, BeforeOneDocument) {
  parsed r(bom + cas);
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kind, api::cas_describe_client_certificate);
  EXPECT_QUIRKS(r.doc->quirks, quirk::utf8_bom);
  EXPECT_EQ(r.doc->offset, 3u);
  EXPECT_EQ(r.doc->json, cas);
  // Offsets still count from the start of the input.
  EXPECT_EQ(r.doc->cas->certificate.identifier.offset, r.at(R"("x")"));
}

TEST(Bom, BetweenWhitespace) {
  parsed r(" \n" + bom + "\r\n " + err + "\n");
  ASSERT_PARSED(r);
  EXPECT_QUIRKS(r.doc->quirks, quirk::utf8_bom);
  EXPECT_EQ(r.doc->offset, r.at(err));
  EXPECT_EQ(r.doc->kind, api::api_error);
}

TEST(Bom, NoMarkNoQuirk) {
  parsed r(cas);
  ASSERT_PARSED(r);
  EXPECT_FALSE(r.doc->quirks.has(quirk::utf8_bom));
  EXPECT_EQ(quirk_name(quirk::utf8_bom), "utf8_bom");
}

TEST(Bom, OnlyAMarkIsEmptyInput) {
  for (const std::string& input : {bom, bom + " \n", "\n" + bom + "\t"}) {
    parsed r(input);
    ASSERT_FALSE(r.doc.has_value());
    EXPECT_EQ(r.doc.error().code, error_code::empty_input);
    EXPECT_EQ(r.doc.error().offset, 0u);
  }
}

TEST(Bom, OnlyOneMarkIsSkipped) {
  parsed r(bom + bom + cas);
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::malformed_json);
}

TEST(Bom, AMarkInsideAStringIsText) {
  parsed r(R"({"Code": ")" + bom + R"(x", "Message": "m"})");
  ASSERT_PARSED(r);
  EXPECT_FALSE(r.doc->quirks.has(quirk::utf8_bom));
  EXPECT_EQ(r.doc->error->code.value, bom + "x");
}

TEST(Bom, AMarkAfterTheDocumentIsNotSkipped) {
  parsed r(cas + bom);
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::malformed_json);
}

TEST(Bom, StreamOfOneDocument) {
  auto out = read_stream(bom + cas + "\n");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].ok) << describe(out[0].err);
  EXPECT_EQ(out[0].index, 0u);
  EXPECT_EQ(out[0].offset, 3u);
  EXPECT_EQ(out[0].text, cas);
  EXPECT_QUIRKS(out[0].quirks, quirk::utf8_bom);
}

TEST(Bom, BeforeEachConcatenatedDocument) {
  const std::string input = bom + cas + bom + kms + "  " + bom + err;
  auto out = read_stream(input);
  ASSERT_EQ(out.size(), 3u);
  const std::size_t offsets[] = {3, 3 + cas.size() + 3, 3 + cas.size() + 3 + kms.size() + 2 + 3};
  const api kinds[] = {api::cas_describe_client_certificate, api::kms_describe_certificate, api::api_error};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE(out[i].ok) << i << ": " << describe(out[i].err);
    EXPECT_EQ(out[i].index, i);
    EXPECT_EQ(out[i].offset, offsets[i]);
    EXPECT_EQ(out[i].kind, kinds[i]);
    EXPECT_QUIRKS(out[i].quirks, quirk::utf8_bom);
  }
}

TEST(Bom, BeforeEachNdjsonLine) {
  const std::string input = bom + cas + "\n" + bom + kms + "\r\n" + bom + err + "\n";
  auto out = read_stream(input);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].offset, input.find(kms));
  EXPECT_EQ(out[2].offset, input.find(err));
  for (const auto& o : out) {
    EXPECT_TRUE(o.ok) << describe(o.err);
    EXPECT_QUIRKS(o.quirks, quirk::utf8_bom);
  }
}

TEST(Bom, OnlyTheDocumentAfterTheMarkHasTheQuirk) {
  auto out = read_stream(cas + "\n" + bom + kms + "\n" + err);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_QUIRKS(out[0].quirks);
  EXPECT_QUIRKS(out[1].quirks, quirk::utf8_bom);
  EXPECT_QUIRKS(out[2].quirks);
}

TEST(Bom, StreamOfOnlyAMarkHasNoDocument) {
  EXPECT_TRUE(read_stream(bom).empty());
  EXPECT_TRUE(read_stream(" \n" + bom + "\r\n").empty());
  // After the last document too, a mark alone is no document.
  auto out = read_stream(cas + "\n" + bom + "\n");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].ok);
}

TEST(Bom, ReadingResumesAtALineBeginningWithAMarkAndABrace) {
  const std::string input = R"({"Code": "never closed)" "\n" + bom + kms + "\n";
  auto out = read_stream(input);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].err.code, error_code::malformed_json);
  EXPECT_TRUE(out[1].ok) << describe(out[1].err);
  EXPECT_EQ(out[1].offset, input.find(kms));
  EXPECT_QUIRKS(out[1].quirks, quirk::utf8_bom);
}

}  // namespace
}  // namespace alicert::test
