// Every error code of the JSON side, with its JSON pointer and byte offset.
#include "support.h"

namespace alicert::test {
namespace {

void expect_error(const parsed& r, error_code code, std::string_view pointer, std::size_t offset) {
  ASSERT_FALSE(r.doc.has_value()) << "parsed: " << r.text().substr(0, 200);
  EXPECT_EQ(error_name(r.doc.error().code), error_name(code)) << describe(r.doc.error());
  EXPECT_EQ(r.doc.error().pointer, pointer) << describe(r.doc.error());
  EXPECT_EQ(r.doc.error().offset, offset) << describe(r.doc.error());
  EXPECT_FALSE(r.doc.error().message.empty());
}

// ---- empty_input ----

TEST(Errors, EmptyInput) {
  expect_error(parsed(""), error_code::empty_input, "", 0);
  expect_error(parsed(" \n\t\r "), error_code::empty_input, "", 0);
  parser p;
  auto r = p.parse(padded_view{});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, error_code::empty_input);
}

// ---- malformed_json ----

TEST(Errors, MalformedMissingComma) {
  parsed r(R"({"Code": "x" "Message": "m"})");
  expect_error(r, error_code::malformed_json, "", r.at(R"("Message")"));
}

// A colon where a comma belongs, then a stray brace that closes the count:
// On-Demand, stepping field by field, must not take it for a member (found
// by the stream fuzzer: the walk before the schemas accepted both).
TEST(Errors, MalformedColonForCommaWithAStrayBrace) {
  for (const char* text : {R"({"Code":"x","Message":"a":"b"}})", R"({"Certificate":{"Identifier":"a":"b"}}})",
                           R"({"Code":"x","Message":"a":"b"})"}) {
    parsed r(text);
    ASSERT_FALSE(r.doc.has_value()) << text;
    EXPECT_EQ(r.doc.error().code, error_code::malformed_json) << text;
  }
}

TEST(Errors, MalformedMissingColonInNestedObject) {
  parsed r(R"({"Certificate": {"Identifier" "x"}})");
  expect_error(r, error_code::malformed_json, "/Certificate", r.at(R"("x")"));
}

TEST(Errors, MalformedTrailingCommaInObjectAndArray) {
  parsed o(R"({"Certificate": {"Identifier": "x",}})");
  expect_error(o, error_code::malformed_json, "/Certificate", o.at("}}"));
  parsed a(cas_with(R"("Sans": [{"Type": 2, "Value": "a"},])"));
  expect_error(a, error_code::malformed_json, "/Certificate/Sans", a.at("]}"));
}

TEST(Errors, MalformedInsideUnknownFields) {
  // Unknown keys are skipped, but their values are validated.
  parsed a(cas_with(R"("Identifier": "x", "Unknown": {"a": [1, 2,]})"));
  expect_error(a, error_code::malformed_json, "/Certificate/Unknown", a.at("]}"));
  parsed b(R"({"Certificate": {}, "Extra": [1 2]})");
  expect_error(b, error_code::malformed_json, "/Extra", b.at("2]"));
  parsed c(R"({"Certificate": {}, "Extra": {"k": tru}})");
  expect_error(c, error_code::malformed_json, "/Extra", c.at("tru"));
  parsed d(R"({"Certificate": {}, "Extra": [01]})");
  expect_error(d, error_code::malformed_json, "/Extra", d.at("01"));
  parsed e(R"({"Certificate": {}, "Extra": ["\x"]})");
  expect_error(e, error_code::malformed_json, "/Extra", e.at(R"("\x")"));
}

TEST(Errors, MalformedInsideAValueOfTheWrongType) {
  // Regression: a value of the wrong type was left unconsumed, and On-Demand
  // skips unconsumed values by counting brackets without validating them, so
  // a document of another API with such a field was accepted.
  parsed a(R"({"Certificate": {"Identifier": "x"}, "Serial": [1 2]})");
  expect_error(a, error_code::malformed_json, "/Serial", a.at("2]"));
  parsed b(cas_with(R"("BeforeDate": {"a": 1 2})"));
  expect_error(b, error_code::malformed_json, "/Certificate/BeforeDate", b.at("2}"));
  parsed c(R"({"CertInfos": {"CertInfo": "x"}, "Certificate": [}]})");
  ASSERT_FALSE(c.doc.has_value());
  EXPECT_EQ(c.doc.error().code, error_code::malformed_json);
}

TEST(Errors, MalformedTextAfterTheDocument) {
  parsed a(R"({"Code": "x"} trailing)");
  expect_error(a, error_code::malformed_json, "", a.at("trailing"));
  parsed b(R"({"Code": "x"} {"Code": "y"})");
  expect_error(b, error_code::malformed_json, "", b.at(R"({"Code": "y"})"));
  parsed c(R"({"Code": "x"}})");
  expect_error(c, error_code::malformed_json, "", 13);
  parsed d("{\"Code\": \"x\"}\n]\n");
  expect_error(d, error_code::malformed_json, "", 14);
}

TEST(Errors, MalformedDocumentCutShort) {
  parsed a(R"({"Certificate": {"Identifier": "x")");
  expect_error(a, error_code::malformed_json, "", a.text().size());
  parsed b(R"({"Code": )");
  ASSERT_FALSE(b.doc.has_value());
  EXPECT_EQ(b.doc.error().code, error_code::malformed_json);
}

TEST(Errors, MalformedUnterminatedString) {
  parsed r(R"({"Code": "x", "Message": "never closed})");
  expect_error(r, error_code::malformed_json, "/Message", r.at(R"("never)"));
}

TEST(Errors, MalformedRawControlCharacterInAString) {
  parsed r("{\"Certificate\": {\"SubjectDN\": \"CN=a\tb\"}}");
  expect_error(r, error_code::malformed_json, "/Certificate/SubjectDN", r.at("\t"));
  parsed k("{\"Code\": \"x\", \"Mess\x01\": 1}");
  expect_error(k, error_code::malformed_json, "", k.at("\x01"));
}

TEST(Errors, MalformedNonObjectRoots) {
  // Regression: these were reported as unknown_shape although they are not JSON.
  expect_error(parsed("[1,"), error_code::malformed_json, "", 3);
  expect_error(parsed("123abc"), error_code::malformed_json, "", 0);
  expect_error(parsed("  nul"), error_code::malformed_json, "", 2);
  expect_error(parsed(R"("a\q")"), error_code::malformed_json, "", 0);
  expect_error(parsed("[1] [2]"), error_code::malformed_json, "", 4);
  expect_error(parsed("}"), error_code::malformed_json, "", 0);
}

TEST(Errors, MalformedTheCdnSampleAsPrinted) {
  parsed r(read_file(data_path("responses/reference/cdn_reference_as_printed.json")));
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::malformed_json);
}

TEST(Errors, ValidJsonNumbersOfAnyMagnitudeInUnknownFields) {
  // Regression: simdjson's number parser refuses these, but they are valid JSON.
  parsed r(R"({"Code": "x", "Big": 123456789012345678901234567890, "Huge": 1e400, "Tiny": -1.5E-400})");
  ASSERT_PARSED(r);
}

// ---- invalid_utf8 ----

TEST(Errors, InvalidUtf8) {
  parsed r(std::string("{\"Certificate\": {\"Identifier\": \"x\", \"SubjectDN\": \"CN=\xC3\x28\"}}"));
  expect_error(r, error_code::invalid_utf8, "/Certificate/SubjectDN", r.at("\xC3\x28"));
  parsed k(std::string("{\"Code\": \"x\", \"K\xFF\": 1}"));
  expect_error(k, error_code::invalid_utf8, "", k.at("\xFF"));
  parsed s(std::string("{\"Code\": \"x\", \"S\": [\"a\", \"\xED\xA0\x80\"]}"));  // a UTF-8 surrogate
  expect_error(s, error_code::invalid_utf8, "/S/1", s.at("\xED"));
  parsed o(std::string("{\"Code\": \"x\", \"S\": \"\xF0\x9F\x98\"}"));  // truncated 4-byte sequence
  expect_error(o, error_code::invalid_utf8, "/S", o.at("\xF0"));
}

TEST(Errors, ValidUtf8OfEveryLength) {
  parsed r("{\"Code\": \"x\", \"S\": \"\x41 \xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80\"}");
  ASSERT_PARSED(r);
}

// ---- depth_exceeded ----

TEST(Errors, DepthExceeded) {
  std::string json = R"({"Code": "x", "Deep": )";
  const std::size_t first = json.size();
  json += std::string(40, '[') + std::string(40, ']') + "}";
  parsed r(json);
  // The root object is level 0, "Deep"'s array level 1: the 33rd bracket is too deep.
  expect_error(r, error_code::depth_exceeded, "/Deep", first + limits::max_depth);
}

TEST(Errors, DepthAtTheLimitIsAccepted) {
  std::string json = R"({"Code": "x", "Deep": )";
  json += std::string(limits::max_depth, '[') + std::string(limits::max_depth, ']') + "}";
  parsed r(json);
  ASSERT_PARSED(r);
}

TEST(Errors, DepthExceededInsideStringHeldJson) {
  std::string inner = std::string(40, '[') + std::string(40, ']');
  parsed r(kms_with(R"("Tags": "{\"k\": )" + inner + "}\""));
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::depth_exceeded);
  EXPECT_EQ(r.doc.error().pointer, "/Tags");
  parsed s(cas_with(R"("Sans": "[{\"Type\": 2, \"Value\": \"a\", \"X\": )" + inner + "}]\""));
  ASSERT_FALSE(s.doc.has_value());
  EXPECT_EQ(s.doc.error().code, error_code::depth_exceeded);
  EXPECT_EQ(s.doc.error().pointer, "/Certificate/Sans");
}

// ---- document_too_large ----

TEST(Errors, DocumentTooLarge) {
  std::string json = R"({"Code": "x", "Pad": ")";
  json += std::string(limits::max_document_bytes + 1 - json.size() - 2, 'a') + "\"}";
  ASSERT_EQ(json.size(), limits::max_document_bytes + 1);
  expect_error(parsed(json), error_code::document_too_large, "", 0);
}

// ---- string_too_long ----

TEST(Errors, StringTooLong) {
  parsed r(cas_with(R"("SubjectDN": ")" + std::string(limits::max_string_bytes + 1, 'a') + "\""));
  expect_error(r, error_code::string_too_long, "/Certificate/SubjectDN", r.at(R"("aaa)"));
  parsed u(R"({"Code": "x", "Unknown": [")" + std::string(limits::max_string_bytes + 1, 'a') + "\"]}");
  expect_error(u, error_code::string_too_long, "/Unknown", u.at(R"("aaa)"));
  parsed e(cas_with(R"("SubjectDN": ")" + std::string(limits::max_string_bytes + 1, 'a') + "\\n\""));
  expect_error(e, error_code::string_too_long, "/Certificate/SubjectDN", e.at(R"("aaa)"));
}

TEST(Errors, StringAtTheLimitIsAccepted) {
  parsed r(cas_with(R"("SubjectDN": ")" + std::string(limits::max_string_bytes, 'a') + "\""));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cas->certificate.subject_dn.value.size(), limits::max_string_bytes);
}

// ---- too_many_certificates ----

TEST(Errors, TooManyCertificates) {
  std::string json = R"({"CertInfos": {"CertInfo": [)";
  for (std::size_t i = 0; i <= limits::max_certificates; ++i) json += i ? ",{}" : "{}";
  json += "]}}";
  parsed r(json);
  expect_error(r, error_code::too_many_certificates, "/CertInfos/CertInfo", r.at("[{}"));
  std::string bare = R"({"CertInfos": [)";
  for (std::size_t i = 0; i <= limits::max_certificates; ++i) bare += i ? ",{}" : "{}";
  bare += "]}";
  parsed b(bare);
  expect_error(b, error_code::too_many_certificates, "/CertInfos", b.at("[{}"));
}

// ---- too_many_sans ----

TEST(Errors, TooManySansInARealArray) {
  std::string list;
  for (std::size_t i = 0; i <= limits::max_sans; ++i) list += (i ? ",\"n" : "\"n") + std::to_string(i) + "\"";
  parsed r(kms_with(R"("SubjectAlternativeNames": [)" + list + "]"));
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::too_many_sans);
  EXPECT_EQ(r.doc.error().pointer, "/SubjectAlternativeNames");
  // The raw array is read in place: the offset is that of the entry past the limit.
  EXPECT_EQ(r.doc.error().offset, r.at("\"n" + std::to_string(limits::max_sans) + "\"") + 
                                      std::to_string(limits::max_sans).size() + 3);
}

TEST(Errors, TooManySansInAStringHeldList) {
  std::string list;
  for (std::size_t i = 0; i <= limits::max_sans; ++i) list += (i ? ",n" : "n") + std::to_string(i);
  parsed r(cdn_with(R"("DomainList": ")" + list + "\""));
  // Without escapes the string is a view of the input: the offset is exact.
  expect_error(r, error_code::too_many_sans, "/CertInfos/CertInfo/0/DomainList",
               r.at(",n" + std::to_string(limits::max_sans) + "\"") + 1);
  std::string cas;
  for (std::size_t i = 0; i <= limits::max_sans; ++i) cas += std::string(i ? "," : "") + R"({\"Type\":2,\"Value\":\"a\"})";
  parsed c(cas_with(R"("Sans": "[)" + cas + "]\""));
  // With escapes, the text was unescaped elsewhere: the offset is the value's.
  expect_error(c, error_code::too_many_sans, "/Certificate/Sans", c.at(R"("[{\"Type)"));
}

TEST(Errors, SansAtTheLimitAreAccepted) {
  std::string list;
  for (std::size_t i = 0; i < limits::max_sans; ++i) list += (i ? ",\"n" : "\"n") + std::to_string(i) + "\"";
  parsed r(kms_with(R"("SubjectAlternativeNames": [)" + list + "]"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kms_describe->subject_alternative_names.entries.size(), limits::max_sans);
}

// ---- too_many_tags ----

TEST(Errors, TooManyTags) {
  std::string map;
  for (std::size_t i = 0; i <= limits::max_tags; ++i) map += (i ? ",\"k" : "\"k") + std::to_string(i) + "\": \"v\"";
  parsed r(kms_with(R"("Tags": {)" + map + "}"));
  // Read in place: the offset is just past the tag beyond the limit.
  const std::string last = "\"k" + std::to_string(limits::max_tags) + "\": \"v\"";
  expect_error(r, error_code::too_many_tags, "/Tags", r.at(last) + last.size());
  std::string arr;
  for (std::size_t i = 0; i <= limits::max_tags; ++i) arr += std::string(i ? "," : "") + R"({"TagKey": "k", "TagValue": "v"})";
  parsed a(cas_with(R"("Tags": [)" + arr + "]"));
  ASSERT_FALSE(a.doc.has_value());
  EXPECT_EQ(a.doc.error().code, error_code::too_many_tags);
  EXPECT_EQ(a.doc.error().pointer, "/Certificate/Tags");
}

// ---- wrong_type ----

TEST(Errors, WrongType) {
  parsed a(cas_with(R"("BeforeDate": {"ms": 1634283958000})"));
  expect_error(a, error_code::wrong_type, "/Certificate/BeforeDate", a.at(R"({"ms")"));
  parsed b(R"({"CertInfos": {"CertInfo": [{"CertId": "1"}, 1634]}})");
  expect_error(b, error_code::wrong_type, "/CertInfos/CertInfo/1", b.at("1634"));
  parsed c(R"({"Certificate": {}, "RequestId": {"id": 1}})");
  expect_error(c, error_code::wrong_type, "/RequestId", c.at(R"({"id")"));
}

TEST(Errors, PointerEscapesKeys) {
  parsed r(R"({"Code": "x", "a/b~c": [1,]})");
  expect_error(r, error_code::malformed_json, "/a~1b~0c", r.at("]}"));
}

// ---- number_out_of_range ----

TEST(Errors, NumberOutOfRange) {
  parsed a(cas_with(R"("KeySize": 9223372036854775808)"));
  expect_error(a, error_code::number_out_of_range, "/Certificate/KeySize", a.at("9223372036854775808"));
  parsed b(cas_with(R"("BeforeDate": "-9223372036854775809")"));
  expect_error(b, error_code::number_out_of_range, "/Certificate/BeforeDate", b.at(R"("-92)"));
  // Regression: integers past 64 bits were malformed_json (simdjson's number parser).
  parsed c(cas_with(R"("Days": 123456789012345678901234567890)"));
  expect_error(c, error_code::number_out_of_range, "/Certificate/Days", c.at("1234567890123"));
}

// ---- unknown_shape ----

TEST(Errors, UnknownShape) {
  expect_error(parsed("{}"), error_code::unknown_shape, "", 0);
  expect_error(parsed(R"(  {"RequestId": "r", "Other": 1})"), error_code::unknown_shape, "", 2);
  expect_error(parsed("[]"), error_code::unknown_shape, "", 0);
  expect_error(parsed(R"([{"Certificate": {}}])"), error_code::unknown_shape, "", 0);
  expect_error(parsed(R"("text")"), error_code::unknown_shape, "", 0);
  expect_error(parsed("42"), error_code::unknown_shape, "", 0);
  expect_error(parsed("null"), error_code::unknown_shape, "", 0);
  expect_error(parsed(R"({"Certificate": null})"), error_code::unknown_shape, "", 0);
}

// ---- unexpected_api ----

TEST(Errors, UnexpectedApi) {
  parsed a(cas_with(R"("Identifier": "x")"), api::cdn_describe_certificate_info);
  expect_error(a, error_code::unexpected_api, "", 0);
  parsed b(R"({"Code": "NotFound"})", api::kms_get_certificate);
  expect_error(b, error_code::unexpected_api, "", 0);
  parsed ok(cas_with(R"("Identifier": "x")"), api::cas_describe_client_certificate);
  ASSERT_PARSED(ok);
  parsed e(R"({"Code": "NotFound"})", api::api_error);
  ASSERT_PARSED(e);
}

// ---- error names are a stable contract ----

TEST(Errors, Names) {
  EXPECT_EQ(error_name(error_code::malformed_json), "malformed_json");
  EXPECT_EQ(error_name(error_code::invalid_utf8), "invalid_utf8");
  EXPECT_EQ(error_name(error_code::too_many_certificates), "too_many_certificates");
  EXPECT_EQ(error_name(error_code::unexpected_api), "unexpected_api");
  EXPECT_EQ(api_name(api::cas_describe_client_certificate), "cas.DescribeClientCertificate");
  EXPECT_EQ(api_name(api::kms_describe_certificate), "kms.DescribeCertificate");
  EXPECT_EQ(api_name(api::kms_get_certificate), "kms.GetCertificate");
  EXPECT_EQ(api_name(api::cdn_describe_certificate_info), "cdn.DescribeCertificateInfoByID");
  EXPECT_EQ(api_name(api::api_error), "api_error");
}

TEST(Errors, TheParserRecoversAfterAnError) {
  parser p;
  padded_buffer bad(R"({"Code": [1,]})");
  padded_buffer good(R"({"Code": "NotFound"})");
  ASSERT_FALSE(p.parse(bad).has_value());
  auto r = p.parse(good);
  ASSERT_TRUE(r.has_value()) << describe(r.error());
  EXPECT_EQ(r->error->code.value, "NotFound");
}

}  // namespace
}  // namespace alicert::test

namespace alicert::test {
namespace {

// Regression (fuzz: corpus/stream/regress_padding_*): the error of a malformed
// document must not depend on the bytes after it, which padded_view says are
// arbitrary and which, in a stream, are the next document.
TEST(Errors, ReportDoesNotDependOnTheBytesAfterTheDocument) {
  const std::string doc = R"({"CertInfos":[},})";
  parser p;
  padded_buffer zero(doc);
  auto a = p.parse(zero);
  ASSERT_FALSE(a);
  const error expected = a.error();
  for (char after : {']', ' ', '}', '"', '{'}) {
    std::string bytes = doc + std::string(padding + 1, after);
    auto b = p.parse(padded_view(bytes.data(), doc.size()));
    ASSERT_FALSE(b) << after;
    EXPECT_EQ(b.error().code, expected.code) << after;
    EXPECT_EQ(b.error().offset, expected.offset) << after;
    EXPECT_EQ(b.error().pointer, expected.pointer) << after;
  }
}

}  // namespace
}  // namespace alicert::test
