// CAS DescribeClientCertificate: every field, every shape (responses.md section 1).
#include <cstdio>

#include "support.h"

namespace alicert::test {
namespace {

constexpr std::string_view full_cas = R"({
  "RequestId": "15C66C7B-671A-4297-9187-2C4477247A74",
  "Certificate": {
    "X509Certificate": "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n",
    "Identifier": "d3b95700998e47afc4d95f8865790001",
    "ParentIdentifier": "160ae6bb538d538c70c01f81dcf20002",
    "ResourceGroupId": "rg-acfmxllajdpw3fi",
    "SerialNumber": "62b2b943a32d96883a6650e672ea0276",
    "SubjectDN": "C=CN,O=Example Inc.,OU=Security,L=Hangzhou,ST=Zhejiang,CN=www.example.com",
    "CommonName": "www.example.com",
    "OrganizationUnit": "Security",
    "Organization": "Example Inc.",
    "Locality": "Hangzhou",
    "State": "Zhejiang",
    "CountryCode": "CN",
    "Sans": "[{\"Type\": 2, \"Value\": \"www.example.com\"}, {\"Type\": 7, \"Value\": \"192.0.2.10\"}, {\"Type\": 1, \"Value\": \"admin@example.com\"}, {\"Type\": 6, \"Value\": \"https://example.com/\"}]",
    "Status": "ISSUE",
    "BeforeDate": 1634283958000,
    "AfterDate": 1665819958000,
    "Days": 365,
    "Algorithm": "RSA",
    "KeySize": 2048,
    "SignAlgorithm": "SHA256WITHRSA",
    "CertificateType": "SERVER",
    "Sha2": "14dcc8afc7578e1fcec36d658f7e20de18f6957bbac42b373a66bc9de4e90a1b",
    "Md5": "d3b95700998e47afc4d95f8865790a1b",
    "Tags": [{"TagKey": "env", "TagValue": "prod"}, {"TagKey": "team", "TagValue": "sec"}],
    "AliasName": "my-server-cert",
    "CertChain": "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n",
    "CustomIdentifier": "custom-0001",
    "FullAlgorithm": "RSA_2048",
    "Id": "1234567",
    "UploadFlag": 0
  }
})";

TEST(Cas, EveryFieldOfTheDocumentedShape) {
  parsed r(full_cas);
  ASSERT_PARSED(r);
  const document_view& d = *r.doc;
  EXPECT_EQ(d.kind, api::cas_describe_client_certificate);
  ASSERT_NE(d.cas, nullptr);
  EXPECT_EQ(d.kms_describe, nullptr);
  EXPECT_EQ(d.kms_get, nullptr);
  EXPECT_EQ(d.cdn, nullptr);
  EXPECT_EQ(d.error, nullptr);
  EXPECT_QUIRKS(d.quirks);
  EXPECT_EQ(d.offset, 0u);
  EXPECT_EQ(d.json, r.text());
  EXPECT_EQ(d.request_id.value, "15C66C7B-671A-4297-9187-2C4477247A74");
  EXPECT_EQ(d.cas->request_id.value, "15C66C7B-671A-4297-9187-2C4477247A74");

  const cas_certificate_view& c = d.cas->certificate;
  EXPECT_EQ(c.x509_certificate.value,
            "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n");
  EXPECT_EQ(c.identifier.value, "d3b95700998e47afc4d95f8865790001");
  EXPECT_EQ(c.parent_identifier.value, "160ae6bb538d538c70c01f81dcf20002");
  EXPECT_EQ(c.resource_group_id.value, "rg-acfmxllajdpw3fi");
  EXPECT_EQ(c.serial_number.value, "62b2b943a32d96883a6650e672ea0276");
  EXPECT_EQ(c.subject_dn.value, "C=CN,O=Example Inc.,OU=Security,L=Hangzhou,ST=Zhejiang,CN=www.example.com");
  EXPECT_EQ(c.common_name.value, "www.example.com");
  EXPECT_EQ(c.organization_unit.value, "Security");
  EXPECT_EQ(c.organization.value, "Example Inc.");
  EXPECT_EQ(c.locality.value, "Hangzhou");
  EXPECT_EQ(c.state.value, "Zhejiang");
  EXPECT_EQ(c.country_code.value, "CN");
  EXPECT_EQ(c.status.value, "ISSUE");
  EXPECT_EQ(c.algorithm.value, "RSA");
  EXPECT_EQ(c.sign_algorithm.value, "SHA256WITHRSA");
  EXPECT_EQ(c.certificate_type.value, "SERVER");
  EXPECT_EQ(c.sha2.value, "14dcc8afc7578e1fcec36d658f7e20de18f6957bbac42b373a66bc9de4e90a1b");
  EXPECT_EQ(c.md5.value, "d3b95700998e47afc4d95f8865790a1b");
  EXPECT_EQ(c.alias_name.value, "my-server-cert");
  EXPECT_EQ(c.cert_chain.value, "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n");
  EXPECT_EQ(c.custom_identifier.value, "custom-0001");
  EXPECT_EQ(c.full_algorithm.value, "RSA_2048");
  EXPECT_EQ(c.id.value, "1234567");
  for (const reported_text* t :
       {&c.x509_certificate, &c.identifier, &c.parent_identifier, &c.resource_group_id, &c.serial_number,
        &c.subject_dn, &c.common_name, &c.organization_unit, &c.organization, &c.locality, &c.state,
        &c.country_code, &c.status, &c.algorithm, &c.sign_algorithm, &c.certificate_type, &c.sha2, &c.md5,
        &c.alias_name, &c.cert_chain, &c.custom_identifier, &c.full_algorithm, &c.id}) {
    EXPECT_TRUE(t->present());
    EXPECT_EQ(t->text, t->value);
    // The offset is that of the JSON string (its opening quote) in the input.
    EXPECT_EQ(r.text()[t->offset], '"');
  }
  EXPECT_EQ(c.identifier.offset, r.at(R"("d3b95700998e47afc4d95f8865790001")"));

  ASSERT_TRUE(c.before_date.present());
  EXPECT_EQ(c.before_date.text, "1634283958000");
  EXPECT_EQ(c.before_date.value, at_utc(2021, 10, 15, 7, 45, 58));
  EXPECT_EQ(c.before_date.offset, r.at("1634283958000"));
  ASSERT_TRUE(c.after_date.present());
  EXPECT_EQ(c.after_date.value.time_since_epoch().count(), 1665819958);
  ASSERT_TRUE(c.days.present());
  EXPECT_EQ(c.days.value, 365);
  EXPECT_EQ(c.days.text, "365");
  ASSERT_TRUE(c.key_size.present());
  EXPECT_EQ(c.key_size.value, 2048);
  ASSERT_TRUE(c.upload_flag.present());
  EXPECT_EQ(c.upload_flag.value, 0);

  ASSERT_TRUE(c.sans.present());
  EXPECT_EQ(c.sans.offset, r.at(R"("[{\"Type\": 2)"));
  ASSERT_EQ(c.sans.entries.size(), 4u);
  EXPECT_EQ(c.sans.entries[0].type, san_type::dns);
  EXPECT_EQ(c.sans.entries[0].type_code, 2);
  EXPECT_EQ(c.sans.entries[0].value, "www.example.com");
  EXPECT_EQ(c.sans.entries[1].type, san_type::ip);
  EXPECT_EQ(c.sans.entries[1].type_code, 7);
  EXPECT_EQ(c.sans.entries[1].value, "192.0.2.10");
  EXPECT_EQ(c.sans.entries[2].type, san_type::email);
  EXPECT_EQ(c.sans.entries[2].value, "admin@example.com");
  EXPECT_EQ(c.sans.entries[3].type, san_type::uri);
  EXPECT_EQ(c.sans.entries[3].value, "https://example.com/");

  ASSERT_TRUE(c.tags.present());
  ASSERT_EQ(c.tags.entries.size(), 2u);
  EXPECT_EQ(c.tags.entries[0].key, "env");
  EXPECT_EQ(c.tags.entries[0].value, "prod");
  EXPECT_FALSE(c.tags.entries[0].value_is_escaped_json);
  EXPECT_EQ(c.tags.entries[1].key, "team");
  EXPECT_EQ(c.tags.entries[1].value, "sec");
}

TEST(Cas, AbsentFieldsStayAbsent) {
  parsed r(cas_with(R"("Identifier": "x")"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cas->certificate;
  EXPECT_TRUE(c.identifier.present());
  for (const reported_text* t : {&c.serial_number, &c.subject_dn, &c.common_name, &c.alias_name, &c.id})
    EXPECT_TRUE(t->absent());
  EXPECT_TRUE(c.before_date.absent());
  EXPECT_TRUE(c.days.absent());
  EXPECT_EQ(c.sans.state, field_state::absent);
  EXPECT_EQ(c.tags.state, field_state::absent);
  EXPECT_EQ(c.before_date.offset, 0u);
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(Cas, EmptyCertificateObjectIsStillCas) {
  parsed r(R"({"Certificate": {}})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kind, api::cas_describe_client_certificate);
  EXPECT_TRUE(r.doc->request_id.absent());
}

TEST(Cas, NullAndEmptyTextAreAbsent) {
  parsed r(cas_with(R"("CommonName": "", "Organization": null, "Locality": "Hangzhou")"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cas->certificate;
  EXPECT_TRUE(c.common_name.absent());
  EXPECT_TRUE(c.organization.absent());
  EXPECT_TRUE(c.locality.present());
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(Cas, SansStringWithTrailingCommaAsDocumented) {
  parsed r(cas_with(
      R"("Sans": "[ {\"Type\": 7, \"Value\": \"192.0.2.1\"}, {\"Type\": 2, \"Value\": \"www.aliyundoc.com\"}, ]")"));
  ASSERT_PARSED(r);
  const auto& s = r.doc->cas->certificate.sans;
  ASSERT_TRUE(s.present());
  EXPECT_EQ(s.text, R"([ {"Type": 7, "Value": "192.0.2.1"}, {"Type": 2, "Value": "www.aliyundoc.com"}, ])");
  ASSERT_EQ(s.entries.size(), 2u);
  EXPECT_EQ(s.entries[0].type, san_type::ip);
  EXPECT_EQ(s.entries[0].value, "192.0.2.1");
  EXPECT_EQ(s.entries[1].type, san_type::dns);
  EXPECT_EQ(s.entries[1].value, "www.aliyundoc.com");
  EXPECT_QUIRKS(r.doc->quirks, quirk::sans_trailing_comma);
}

TEST(Cas, SansStringWithoutTrailingComma) {
  parsed r(cas_with(R"("Sans": "[{\"Type\": 2, \"Value\": \"a.example.com\"}]")"));
  ASSERT_PARSED(r);
  const auto& s = r.doc->cas->certificate.sans;
  ASSERT_TRUE(s.present());
  ASSERT_EQ(s.entries.size(), 1u);
  EXPECT_EQ(s.entries[0].value, "a.example.com");
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(Cas, SansAsRealArray) {
  parsed r(cas_with(R"("Sans": [{"Type": 2, "Value": "a.example.com"}, {"Type": 7, "Value": "2001:db8::1"}])"));
  ASSERT_PARSED(r);
  const auto& s = r.doc->cas->certificate.sans;
  ASSERT_TRUE(s.present());
  EXPECT_TRUE(s.text.empty());  // text is kept only for string-held lists
  ASSERT_EQ(s.entries.size(), 2u);
  EXPECT_EQ(s.entries[0].type, san_type::dns);
  EXPECT_EQ(s.entries[1].type, san_type::ip);
  EXPECT_EQ(s.entries[1].value, "2001:db8::1");
  EXPECT_TRUE(r.in_input(s.entries[1].value));
  EXPECT_QUIRKS(r.doc->quirks, quirk::sans_as_array);
}

TEST(Cas, SansEmptyStringIsAbsent) {
  parsed r(cas_with(R"("Sans": "")"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cas->certificate.sans.state, field_state::absent);
  EXPECT_TRUE(r.doc->cas->certificate.sans.entries.empty());
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(Cas, SansEmptyArrayStringIsPresentAndEmpty) {
  parsed r(cas_with(R"("Sans": "[]")"));
  ASSERT_PARSED(r);
  const auto& s = r.doc->cas->certificate.sans;
  EXPECT_EQ(s.state, field_state::present);
  EXPECT_EQ(s.text, "[]");
  EXPECT_TRUE(s.entries.empty());
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(Cas, SansNullIsAbsent) {
  parsed r(cas_with(R"("Sans": null)"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cas->certificate.sans.state, field_state::absent);
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(Cas, SansTypeAsStringAndUnknownTypeAndAnyKeyCase) {
  parsed r(cas_with(
      R"("Sans": "[{\"Type\": \"7\", \"Value\": \"192.0.2.1\"}, {\"type\": 3, \"value\": \"x400\", \"Extra\": [1, {\"a\": null}]}]")"));
  ASSERT_PARSED(r);
  const auto& s = r.doc->cas->certificate.sans;
  ASSERT_EQ(s.entries.size(), 2u);
  EXPECT_EQ(s.entries[0].type, san_type::ip);
  EXPECT_EQ(s.entries[0].type_code, 7);
  EXPECT_EQ(s.entries[1].type, san_type::other);
  EXPECT_EQ(s.entries[1].type_code, 3);
  EXPECT_EQ(s.entries[1].value, "x400");
  EXPECT_QUIRKS(r.doc->quirks, quirk::number_as_string);
}

TEST(Cas, SansInnerEscapesAreUndone) {
  // The outer string holds \\u0062: once unescaped by the document, once by the inner reader.
  parsed r(cas_with(R"("Sans": "[{\"Type\": 2, \"Value\": \"a\\u0062c.example\"}]")"));
  ASSERT_PARSED(r);
  const auto& s = r.doc->cas->certificate.sans;
  ASSERT_EQ(s.entries.size(), 1u);
  EXPECT_EQ(s.entries[0].value, "abc.example");
  EXPECT_FALSE(r.in_input(s.entries[0].value));
}

TEST(Cas, SansUnreadableTextIsKeptNotAnError) {
  parsed r(cas_with(R"("Sans": "www.example.com; mail.example.com")"));
  ASSERT_PARSED(r);
  const auto& s = r.doc->cas->certificate.sans;
  EXPECT_EQ(s.state, field_state::unreadable);
  EXPECT_EQ(s.text, "www.example.com; mail.example.com");
  EXPECT_TRUE(s.entries.empty());
}

TEST(Cas, SansEntryWithoutValueMakesTheListUnreadable) {
  parsed r(cas_with(R"("Sans": "[{\"Type\": 2}]")"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cas->certificate.sans.state, field_state::unreadable);
}

TEST(Cas, NumbersAsStrings) {
  parsed r(cas_with(
      R"("BeforeDate": "1634283958000", "AfterDate": "1665819958000", "Days": "365", "KeySize": "4096", "UploadFlag": "1")"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cas->certificate;
  ASSERT_TRUE(c.before_date.present());
  EXPECT_EQ(c.before_date.text, "1634283958000");
  EXPECT_EQ(c.before_date.value.time_since_epoch().count(), 1634283958);
  EXPECT_EQ(c.after_date.value.time_since_epoch().count(), 1665819958);
  EXPECT_EQ(c.days.value, 365);
  EXPECT_EQ(c.key_size.value, 4096);
  EXPECT_EQ(c.upload_flag.value, 1);
  // The offset of a string-held number is that of its opening quote.
  EXPECT_EQ(c.days.offset, r.at(R"("365")"));
  EXPECT_QUIRKS(r.doc->quirks, quirk::number_as_string);
}

TEST(Cas, EmptyStringInNumericFieldsIsAbsentNotZero) {
  parsed r(cas_with(R"("BeforeDate": "", "Days": "", "KeySize": "", "UploadFlag": null)"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cas->certificate;
  EXPECT_TRUE(c.before_date.absent());
  EXPECT_TRUE(c.days.absent());
  EXPECT_TRUE(c.key_size.absent());
  EXPECT_TRUE(c.upload_flag.absent());
  EXPECT_QUIRKS(r.doc->quirks, quirk::empty_string_as_absent);
}

TEST(Cas, NonIntegerNumbersAreUnreadable) {
  parsed r(cas_with(R"("Days": 365.5, "KeySize": "2048 bits", "BeforeDate": 1.6e12)"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cas->certificate;
  EXPECT_EQ(c.days.state, field_state::unreadable);
  EXPECT_EQ(c.days.text, "365.5");
  EXPECT_EQ(c.key_size.state, field_state::unreadable);
  EXPECT_EQ(c.key_size.text, "2048 bits");
  EXPECT_EQ(c.before_date.state, field_state::unreadable);
  EXPECT_EQ(c.before_date.text, "1.6e12");
}

TEST(Cas, ThirteenDigitMillisAreExact) {
  parsed r(cas_with(R"("BeforeDate": 1634283958999, "AfterDate": -1)"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cas->certificate;
  EXPECT_EQ(c.before_date.text, "1634283958999");
  EXPECT_EQ(c.before_date.value.time_since_epoch().count(), 1634283958);  // floored, not rounded
  EXPECT_EQ(c.after_date.value.time_since_epoch().count(), -1);           // floored before 1970
}

TEST(Cas, Int64BoundsAreKept) {
  parsed r(cas_with(R"("Days": 9223372036854775807, "KeySize": -9223372036854775808)"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cas->certificate.days.value, INT64_MAX);
  EXPECT_EQ(r.doc->cas->certificate.key_size.value, INT64_MIN);
}

TEST(Cas, TextFieldSentAsNumberKeepsItsText) {
  parsed r(cas_with(R"("Identifier": 12345, "Id": 67)"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cas->certificate.identifier.value, "12345");
  EXPECT_EQ(r.doc->cas->certificate.id.value, "67");
  EXPECT_QUIRKS(r.doc->quirks, quirk::string_as_number);
}

TEST(Cas, UnknownEnumValuesAreKeptAsText) {
  parsed r(cas_with(
      R"("Status": "EXPIRED", "Algorithm": "ED25519", "SignAlgorithm": "sha256withrsa", "CertificateType": "CA")"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cas->certificate;
  EXPECT_EQ(c.status.value, "EXPIRED");
  EXPECT_EQ(c.algorithm.value, "ED25519");
  EXPECT_EQ(c.sign_algorithm.value, "sha256withrsa");
  EXPECT_EQ(c.certificate_type.value, "CA");
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(Cas, UnknownFieldsAreIgnored) {
  parsed r(cas_with(
      R"("Identifier": "x", "NewField": {"deep": [1, {"x": null, "y": [true, false, 1.5e-3, "s\u00e9"]}]}, "Other": 99999999999999999999999)"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cas->certificate.identifier.value, "x");
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(Cas, UnknownRootFieldsAreIgnored) {
  parsed r(R"({"Extra": [1, 2, 3], "Certificate": {"Identifier": "x"}, "Zzz": {"a": "b"}})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kind, api::cas_describe_client_certificate);
}

TEST(Cas, DuplicateKeysFirstWins) {
  parsed r(cas_with(R"("Identifier": "first", "Identifier": "second", "Days": 1, "Days": {"not": "read"})"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cas->certificate.identifier.value, "first");
  EXPECT_EQ(r.doc->cas->certificate.days.value, 1);
  EXPECT_QUIRKS(r.doc->quirks, quirk::duplicate_key);
}

TEST(Cas, DuplicateCertificateFirstWins) {
  parsed r(R"({"Certificate": {"Identifier": "first"}, "Certificate": {"Identifier": "second"}})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cas->certificate.identifier.value, "first");
  EXPECT_QUIRKS(r.doc->quirks, quirk::duplicate_key);
}

TEST(Cas, DuplicateRequestIdFirstWins) {
  parsed r(R"({"RequestId": "a", "Certificate": {}, "RequestId": "b"})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->request_id.value, "a");
  EXPECT_QUIRKS(r.doc->quirks, quirk::duplicate_key);
}

TEST(Cas, EscapedKeysAreMatchedUnescaped) {
  parsed r(cas_with(R"("Ident\u0069fier": "x")"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cas->certificate.identifier.value, "x");
}

TEST(Cas, KeysAreFoundWhereverAnEscapeStands) {
  // The key scan reads eight bytes at a time: an escape in every position of
  // a key longer than that (first and last word, across a word's edge), a
  // quote escaped inside an unknown key, and keys ending at every offset of
  // a word all read as they do unescaped.
  const std::string key = "OrganizationUnit";
  for (std::size_t i = 0; i < key.size(); ++i) {
    char escape[8];
    std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(key[i]));
    const std::string escaped = key.substr(0, i) + escape + key.substr(i + 1);
    parsed r(cas_with("\"" + escaped + "\": \"Web\""));
    ASSERT_PARSED(r);
    EXPECT_EQ(r.doc->cas->certificate.organization_unit.value, "Web") << escaped;
  }
  for (std::size_t n = 1; n <= 17; ++n) {
    parsed r(cas_with("\"" + std::string(n, 'k') + "\\\"q\": 1, \"" + std::string(n, 'z') + "\": 2, "
                      "\"OrganizationUnit\": \"Web\""));
    ASSERT_PARSED(r);
    EXPECT_EQ(r.doc->cas->certificate.organization_unit.value, "Web") << n;
  }
}

TEST(Cas, TagsMissingEmptyAndNull) {
  {
    parsed r(cas_with(R"("Identifier": "x")"));
    ASSERT_PARSED(r);
    EXPECT_EQ(r.doc->cas->certificate.tags.state, field_state::absent);
  }
  {
    parsed r(cas_with(R"("Tags": [])"));
    ASSERT_PARSED(r);
    EXPECT_EQ(r.doc->cas->certificate.tags.state, field_state::present);
    EXPECT_TRUE(r.doc->cas->certificate.tags.entries.empty());
    EXPECT_QUIRKS(r.doc->quirks);
  }
  {
    parsed r(cas_with(R"("Tags": null)"));
    ASSERT_PARSED(r);
    EXPECT_EQ(r.doc->cas->certificate.tags.state, field_state::absent);
  }
}

TEST(Cas, TagValueHoldingEscapedJson) {
  // The documented sample's TagValue, byte for byte.
  parsed r(cas_with(
      R"("Tags": [{"TagKey": "后台管理", "TagValue": "[{\\\"tag\\\":\\\"PROPERTY_TYPE\\\",\\\"values\\\":[]}]"}])"));
  ASSERT_PARSED(r);
  const auto& t = r.doc->cas->certificate.tags;
  ASSERT_TRUE(t.present());
  ASSERT_EQ(t.entries.size(), 1u);
  EXPECT_EQ(t.entries[0].key, "后台管理");
  EXPECT_TRUE(r.in_input(t.entries[0].key));
  // Kept as text: the JSON string unescaped once.
  EXPECT_EQ(t.entries[0].value, R"([{\"tag\":\"PROPERTY_TYPE\",\"values\":[]}])");
  EXPECT_TRUE(t.entries[0].value_is_escaped_json);
  EXPECT_QUIRKS(r.doc->quirks, quirk::tag_value_escaped_json);
  // Its decoded form, on request.
  std::string out;
  auto decoded = decode_escaped_json(t.entries[0].value, out);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, R"([{"tag":"PROPERTY_TYPE","values":[]}])");
  EXPECT_EQ(decoded->data(), out.data());
}

TEST(Cas, TagsAsObjectAndAsString) {
  {
    parsed r(cas_with(R"("Tags": {"env": "prod"})"));
    ASSERT_PARSED(r);
    const auto& t = r.doc->cas->certificate.tags;
    ASSERT_EQ(t.entries.size(), 1u);
    EXPECT_EQ(t.entries[0].key, "env");
    EXPECT_EQ(t.entries[0].value, "prod");
    EXPECT_QUIRKS(r.doc->quirks, quirk::tags_as_object);
  }
  {
    parsed r(cas_with(R"("Tags": "[{\"TagKey\": \"env\", \"TagValue\": \"prod\"}]")"));
    ASSERT_PARSED(r);
    const auto& t = r.doc->cas->certificate.tags;
    ASSERT_EQ(t.entries.size(), 1u);
    EXPECT_EQ(t.entries[0].key, "env");
    EXPECT_EQ(t.entries[0].value, "prod");
    EXPECT_QUIRKS(r.doc->quirks, quirk::tags_as_string);
  }
}

TEST(Cas, WrongTypesAreErrorsWithPointerAndOffset) {
  struct row {
    const char* members;
    const char* pointer;
    const char* needle;
  };
  for (const row& w : {
           row{R"("BeforeDate": {"ms": 1})", "/Certificate/BeforeDate", R"({"ms")"},
           row{R"("AfterDate": [1])", "/Certificate/AfterDate", "[1]"},
           row{R"("Days": true)", "/Certificate/Days", "true"},
           row{R"("SubjectDN": {"CN": "x"})", "/Certificate/SubjectDN", R"({"CN")"},
           row{R"("Identifier": ["x"])", "/Certificate/Identifier", R"(["x"])"},
           row{R"("Sans": 42)", "/Certificate/Sans", "42"},
           row{R"("Sans": {"Type": 2})", "/Certificate/Sans", R"({"Type")"},
           row{R"("Tags": 1)", "/Certificate/Tags", "1}"},
           row{R"("Tags": false)", "/Certificate/Tags", "false"},
       }) {
    parsed r(cas_with(w.members));
    ASSERT_FALSE(r.doc.has_value()) << w.members;
    EXPECT_EQ(r.doc.error().code, error_code::wrong_type) << describe(r.doc.error());
    EXPECT_EQ(r.doc.error().pointer, w.pointer);
    EXPECT_EQ(r.doc.error().offset, r.at(w.needle)) << w.members;
  }
}

TEST(Cas, CertificateOfWrongTypeIsCasWrongType) {
  parsed r(R"({"Certificate": [1, 2], "RequestId": "r"})");
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::wrong_type);
  EXPECT_EQ(r.doc.error().pointer, "/Certificate");
  EXPECT_EQ(r.doc.error().offset, r.at("[1, 2]"));
}

TEST(Cas, WrongTypeOfAFieldOfAnotherApiIsIgnored) {
  // "Serial" belongs to KMS DescribeCertificate; in a CAS document it is an unknown key.
  parsed r(R"({"Certificate": {"Identifier": "x"}, "Serial": {"a": 1}})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kind, api::cas_describe_client_certificate);
}

}  // namespace
}  // namespace alicert::test
