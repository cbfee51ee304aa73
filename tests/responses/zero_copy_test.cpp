// Zero copy and the documented lifetime of views (reported.h, parser.h).
//
// These tests only ever read a view while its documented lifetime holds; an
// ASan build (ALICERT_SANITIZE=address) checks that the storage really is
// alive then. No test reads a view after it has died.
#include "support.h"

namespace alicert::test {
namespace {

TEST(ZeroCopy, StringsWithoutEscapesPointIntoTheInput) {
  parsed r(cas_with(
      R"("Identifier": "abc", "SubjectDN": "CN=中文", "Sans": [{"Type": 2, "Value": "a.example.com"}], "Tags": [{"TagKey": "k", "TagValue": "v"}])"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cas->certificate;
  EXPECT_TRUE(r.in_input(c.identifier.value));
  EXPECT_EQ(c.identifier.value.data(), r.text().data() + r.at("abc"));
  EXPECT_TRUE(r.in_input(c.subject_dn.value));
  EXPECT_TRUE(r.in_input(c.sans.entries[0].value));
  EXPECT_TRUE(r.in_input(c.tags.entries[0].key));
  EXPECT_TRUE(r.in_input(c.tags.entries[0].value));
  EXPECT_TRUE(r.in_input(r.doc->request_id.value));
  EXPECT_EQ(r.doc->json.data(), r.input.data());
}

TEST(ZeroCopy, StringHeldListsWithoutEscapesPointIntoTheInput) {
  parsed r(cdn_with(R"("DomainList": "a.example.com,b.example.com", "CertId": 17)"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cdn->cert_infos[0];
  EXPECT_TRUE(r.in_input(c.domain_list.text));
  EXPECT_TRUE(r.in_input(c.domain_list.entries[0].value));
  EXPECT_TRUE(r.in_input(c.domain_list.entries[1].value));
  EXPECT_TRUE(r.in_input(c.cert_id.value));  // a number's own token
}

TEST(ZeroCopy, StringsWithEscapesPointIntoTheParser) {
  parsed r(cas_with(
      R"("Identifier": "a\"b", "X509Certificate": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "Sans": "[{\"Type\": 2, \"Value\": \"a.example.com\"}]")"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cas->certificate;
  EXPECT_EQ(c.identifier.value, "a\"b");
  EXPECT_FALSE(r.in_input(c.identifier.value));
  EXPECT_FALSE(r.in_input(c.x509_certificate.value));
  EXPECT_FALSE(r.in_input(c.sans.text));
  EXPECT_FALSE(r.in_input(c.sans.entries[0].value));
  EXPECT_EQ(c.sans.entries[0].value, "a.example.com");
}

TEST(ZeroCopy, ThirteenDigitMillisAreExactText) {
  parsed r(cas_with(R"("BeforeDate": 1634283958123, "AfterDate": "9007199254740993")"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cas->certificate;
  EXPECT_EQ(c.before_date.text, "1634283958123");
  EXPECT_TRUE(r.in_input(c.before_date.text));
  EXPECT_EQ(c.before_date.value.time_since_epoch().count(), 1634283958);
  // Past 2^53: no double on the way, the value is exact.
  EXPECT_EQ(c.after_date.value.time_since_epoch().count(), 9007199254740);
}

TEST(Lifetime, ViewsStayValidUntilTheNextParse) {
  parser p;
  padded_buffer first(cas_with(
      R"("Identifier": "first\u0021", "Sans": "[{\"Type\": 2, \"Value\": \"one.example\"}]", "Tags": [{"TagKey": "k\u0031", "TagValue": "v"}])"));
  padded_buffer second(R"({"CertInfos": {"CertInfo": [{"CertId": "2\u0032", "DomainList": ["two.example"]}]}})");

  auto a = p.parse(first);
  ASSERT_TRUE(a.has_value());
  const std::string_view id = a->cas->certificate.identifier.value;
  const std::string_view san = a->cas->certificate.sans.entries[0].value;
  const std::string_view tag_key = a->cas->certificate.tags.entries[0].key;
  // Work that is not a parse leaves the views alone: records, other parsers, other readers.
  auto recs = p.records(*a);
  ASSERT_EQ(recs.size(), 1u);
  {
    parser other;
    padded_buffer noise(R"({"Certificate": {"Identifier": "noise\u0021"}})");
    ASSERT_TRUE(other.parse(noise).has_value());
    inner_reader ir;
    quirk_set q;
    ASSERT_TRUE(ir.read_cas_sans(R"([{"Type": 2, "Value": "x\u0021"}])", q).has_value());
  }
  std::string scratch;
  ASSERT_TRUE(decode_escaped_json(R"(\"x\")", scratch).has_value());
  EXPECT_EQ(id, "first!");
  EXPECT_EQ(san, "one.example");
  EXPECT_EQ(tag_key, "k1");
  EXPECT_EQ(recs[0].id.value, "first!");
  EXPECT_EQ(recs[0].sans.entries[0].value, "one.example");

  // The next parse: the old views are dead (not read again); the new ones are valid.
  auto b = p.parse(second);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->cdn->cert_infos[0].cert_id.value, "22");
  EXPECT_EQ(b->cdn->cert_infos[0].domain_list.entries[0].value, "two.example");
}

TEST(Lifetime, TwoParsersKeepTheirOwnViews) {
  parser p1, p2;
  padded_buffer in1(R"({"Certificate": {"Identifier": "one\n"}})");
  padded_buffer in2(R"({"Certificate": {"Identifier": "two\n"}})");
  auto a = p1.parse(in1);
  auto b = p2.parse(in2);
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(a->cas->certificate.identifier.value, "one\n");
  EXPECT_EQ(b->cas->certificate.identifier.value, "two\n");
}

TEST(Lifetime, ReusedParserGivesFreshViews) {
  parser p;
  for (int i = 0; i < 3; ++i) {
    const std::string id = "id-" + std::to_string(i) + "\\n";
    padded_buffer in(cas_with(R"("Identifier": ")" + id + R"(", "Sans": ")" + std::string(i, 'x') + "\""));
    auto d = p.parse(in);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->cas->certificate.identifier.value, "id-" + std::to_string(i) + "\n");
    // A field present in an earlier document is not left over in a later one.
    if (i == 0) EXPECT_EQ(d->cas->certificate.sans.state, field_state::absent);
  }
}

TEST(Lifetime, StreamViewsLiveUntilNext) {
  parser p;
  padded_buffer in("{\"Code\": \"a\\n\"}\n{\"Code\": \"b\\n\"}\n");
  document_stream s(p, in);
  ASSERT_TRUE(s.next());
  ASSERT_TRUE(s.document().has_value());
  const std::string_view first = s.document()->error->code.value;
  EXPECT_EQ(first, "a\n");
  auto recs = p.records(*s.document());
  EXPECT_TRUE(recs.empty());
  EXPECT_EQ(first, "a\n");
  ASSERT_TRUE(s.next());
  EXPECT_EQ(s.document()->error->code.value, "b\n");
}

}  // namespace
}  // namespace alicert::test
