// KMS DescribeCertificate and GetCertificate: every field, every shape (responses.md section 2).
#include "support.h"

namespace alicert::test {
namespace {

constexpr std::string_view full_describe = R"({
  "CertificateId": "9a28de48-8d8b-484d-a766-dec4a1b2c3d4",
  "Arn": "acs:kms:cn-hangzhou:1594986938260000:certificate/9a28de48-8d8b-484d-a766-dec4a1b2c3d4",
  "ProtectionLevel": "SOFTWARE",
  "CreatedAt": "2020-10-13T03:05:03Z",
  "UpdatedAt": "2020-12-23T06:10:13Z",
  "NotBefore": "2020-10-13T03:09:00Z",
  "NotAfter": "2022-10-13T03:09:00Z",
  "Issuer": "CN=testCA,OU=kms,O=aliyun,C=CN",
  "Subject": "CN=userName,OU=aliyun,O=aliyun,C=CN",
  "Serial": "12345678",
  "KeySpec": "RSA_2048",
  "SignatureAlgorithm": "RSA2048-SHA256",
  "Status": "ACTIVE",
  "SubjectAlternativeNames": ["test1.example.com", "test2.example.com"],
  "SubjectKeyIdentifier": "79 36 26 DE 9F F5 15 E3 56 DC 01 02 03 04 05 06 07 08 09 0A",
  "SubjectPublicKey": "-----BEGIN PUBLIC KEY----- MIIBIjA -----END PUBLIC KEY-----",
  "Tags": {"env": "prod", "team": "sec"},
  "ExportablePrivateKey": true,
  "RequestId": "edb671a3-c5a1-4ebe-a1de-d748b640bdf2"
})";

TEST(KmsDescribe, EveryFieldOfTheDocumentedShape) {
  parsed r(full_describe);
  ASSERT_PARSED(r);
  const document_view& d = *r.doc;
  EXPECT_EQ(d.kind, api::kms_describe_certificate);
  ASSERT_NE(d.kms_describe, nullptr);
  EXPECT_EQ(d.cas, nullptr);
  EXPECT_EQ(d.kms_get, nullptr);
  EXPECT_EQ(d.cdn, nullptr);
  EXPECT_EQ(d.error, nullptr);
  EXPECT_QUIRKS(d.quirks);
  const kms_describe_view& k = *d.kms_describe;
  EXPECT_EQ(k.certificate_id.value, "9a28de48-8d8b-484d-a766-dec4a1b2c3d4");
  EXPECT_EQ(k.arn.value, "acs:kms:cn-hangzhou:1594986938260000:certificate/9a28de48-8d8b-484d-a766-dec4a1b2c3d4");
  EXPECT_EQ(k.protection_level.value, "SOFTWARE");
  EXPECT_EQ(k.created_at.value, at_utc(2020, 10, 13, 3, 5, 3));
  EXPECT_EQ(k.created_at.text, "2020-10-13T03:05:03Z");
  EXPECT_EQ(k.created_at.offset, r.at(R"("2020-10-13T03:05:03Z")"));
  EXPECT_EQ(k.updated_at.value, at_utc(2020, 12, 23, 6, 10, 13));
  EXPECT_EQ(k.not_before.value, at_utc(2020, 10, 13, 3, 9, 0));
  EXPECT_EQ(k.not_after.value, at_utc(2022, 10, 13, 3, 9, 0));
  EXPECT_EQ(k.issuer.value, "CN=testCA,OU=kms,O=aliyun,C=CN");
  EXPECT_EQ(k.subject.value, "CN=userName,OU=aliyun,O=aliyun,C=CN");
  EXPECT_EQ(k.serial.value, "12345678");
  EXPECT_EQ(k.key_spec.value, "RSA_2048");
  EXPECT_EQ(k.signature_algorithm.value, "RSA2048-SHA256");
  EXPECT_EQ(k.status.value, "ACTIVE");
  EXPECT_EQ(k.subject_key_identifier.value, "79 36 26 DE 9F F5 15 E3 56 DC 01 02 03 04 05 06 07 08 09 0A");
  EXPECT_EQ(k.subject_public_key.value, "-----BEGIN PUBLIC KEY----- MIIBIjA -----END PUBLIC KEY-----");
  ASSERT_TRUE(k.subject_alternative_names.present());
  EXPECT_EQ(values_of(k.subject_alternative_names.entries),
            (std::vector<std::string>{"test1.example.com", "test2.example.com"}));
  EXPECT_EQ(k.subject_alternative_names.entries[0].type, san_type::unspecified);
  EXPECT_EQ(k.subject_alternative_names.offset, r.at(R"(["test1)"));
  ASSERT_TRUE(k.tags.present());
  ASSERT_EQ(k.tags.entries.size(), 2u);
  EXPECT_EQ(k.tags.entries[0].key, "env");
  EXPECT_EQ(k.tags.entries[0].value, "prod");
  EXPECT_EQ(k.tags.entries[1].key, "team");
  EXPECT_EQ(k.tags.entries[1].value, "sec");
  ASSERT_TRUE(k.exportable_private_key.present());
  EXPECT_TRUE(k.exportable_private_key.value);
  EXPECT_EQ(k.exportable_private_key.text, "true");
  EXPECT_EQ(k.request_id.value, "edb671a3-c5a1-4ebe-a1de-d748b640bdf2");
  EXPECT_EQ(d.request_id.value, "edb671a3-c5a1-4ebe-a1de-d748b640bdf2");
}

TEST(KmsDescribe, RecognisedByAnyDescribeOnlyKey) {
  for (const char* json : {R"({"Arn": "a"})", R"({"Serial": "1"})", R"({"KeySpec": "EC_P256"})",
                           R"({"CertificateId": "c"})", R"({"SubjectPublicKey": "k", "RequestId": "r"})"}) {
    parsed r(json);
    ASSERT_PARSED(r);
    EXPECT_EQ(r.doc->kind, api::kms_describe_certificate) << json;
  }
}

TEST(KmsDescribe, DatesWithFractionsAndOffsets) {
  parsed r(kms_with(
      R"("CreatedAt": "2020-10-13T03:05:03.123Z", "UpdatedAt": "2020-10-13T11:05:03+08:00", "NotBefore": "2020-10-13T03:09:00+00:00", "NotAfter": "2022-10-13T03:09:00.5-05:30")"));
  ASSERT_PARSED(r);
  const auto& k = *r.doc->kms_describe;
  EXPECT_EQ(k.created_at.value, at_utc(2020, 10, 13, 3, 5, 3));
  EXPECT_EQ(k.created_at.text, "2020-10-13T03:05:03.123Z");
  EXPECT_EQ(k.updated_at.value, at_utc(2020, 10, 13, 3, 5, 3));
  EXPECT_EQ(k.not_before.value, at_utc(2020, 10, 13, 3, 9, 0));
  EXPECT_EQ(k.not_after.value, at_utc(2022, 10, 13, 8, 39, 0));
  EXPECT_QUIRKS(r.doc->quirks, quirk::date_fractional_seconds, quirk::date_numeric_offset);
}

TEST(KmsDescribe, ZeroOffsetIsNotAQuirk) {
  parsed r(kms_with(R"("NotBefore": "2020-10-13T03:09:00+00:00")"));
  ASSERT_PARSED(r);
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(KmsDescribe, UnreadableDatesKeepTheirText) {
  parsed r(kms_with(R"("NotBefore": "13/10/2020", "NotAfter": 1665819958000, "CreatedAt": "", "UpdatedAt": null)"));
  ASSERT_PARSED(r);
  const auto& k = *r.doc->kms_describe;
  EXPECT_EQ(k.not_before.state, field_state::unreadable);
  EXPECT_EQ(k.not_before.text, "13/10/2020");
  EXPECT_EQ(k.not_after.state, field_state::unreadable);
  EXPECT_EQ(k.not_after.text, "1665819958000");
  EXPECT_TRUE(k.created_at.absent());
  EXPECT_TRUE(k.updated_at.absent());
}

TEST(KmsDescribe, SansAsArray) {
  parsed r(kms_with(R"("SubjectAlternativeNames": ["a.example.com", "192.0.2.1"])"));
  ASSERT_PARSED(r);
  const auto& s = r.doc->kms_describe->subject_alternative_names;
  EXPECT_EQ(values_of(s.entries), (std::vector<std::string>{"a.example.com", "192.0.2.1"}));
  EXPECT_TRUE(r.in_input(s.entries[0].value));
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(KmsDescribe, SansAsStringHoldingAnArray) {
  parsed r(kms_with(R"("SubjectAlternativeNames": "[\"test1.example.com\",\"test2.example.com\"]")"));
  ASSERT_PARSED(r);
  const auto& s = r.doc->kms_describe->subject_alternative_names;
  ASSERT_TRUE(s.present());
  EXPECT_EQ(s.text, R"(["test1.example.com","test2.example.com"])");
  EXPECT_EQ(values_of(s.entries), (std::vector<std::string>{"test1.example.com", "test2.example.com"}));
  EXPECT_QUIRKS(r.doc->quirks, quirk::sans_as_string);
}

TEST(KmsDescribe, SansAsWrapperObject) {
  parsed r(kms_with(R"("SubjectAlternativeNames": {"SubjectAlternativeName": ["a.example.com", "b.example.com"]})"));
  ASSERT_PARSED(r);
  const auto& s = r.doc->kms_describe->subject_alternative_names;
  ASSERT_TRUE(s.present());
  EXPECT_EQ(s.offset, r.at(R"({"SubjectAlternativeName")"));
  EXPECT_EQ(values_of(s.entries), (std::vector<std::string>{"a.example.com", "b.example.com"}));
  EXPECT_QUIRKS(r.doc->quirks, quirk::sans_wrapper_object);
}

TEST(KmsDescribe, SansWrapperHoldingAStringAndAnEmptyWrapper) {
  {
    parsed r(kms_with(R"("SubjectAlternativeNames": {"SubjectAlternativeName": "a.example.com"})"));
    ASSERT_PARSED(r);
    EXPECT_EQ(values_of(r.doc->kms_describe->subject_alternative_names.entries),
              (std::vector<std::string>{"a.example.com"}));
    EXPECT_QUIRKS(r.doc->quirks, quirk::sans_wrapper_object, quirk::sans_as_string, quirk::sans_single_value);
  }
  {
    parsed r(kms_with(R"("SubjectAlternativeNames": {})"));
    ASSERT_PARSED(r);
    EXPECT_EQ(r.doc->kms_describe->subject_alternative_names.state, field_state::present);
    EXPECT_TRUE(r.doc->kms_describe->subject_alternative_names.entries.empty());
  }
}

TEST(KmsDescribe, SansAsStringHoldingTheWrapper) {
  parsed r(kms_with(R"("SubjectAlternativeNames": "{\"SubjectAlternativeName\": [\"a.example.com\"]}")"));
  ASSERT_PARSED(r);
  EXPECT_EQ(values_of(r.doc->kms_describe->subject_alternative_names.entries),
            (std::vector<std::string>{"a.example.com"}));
  EXPECT_QUIRKS(r.doc->quirks, quirk::sans_as_string, quirk::sans_wrapper_object);
}

TEST(KmsDescribe, SansWrapperDuplicateKeyFirstWins) {
  // Regression: a repeated SubjectAlternativeName was skipped without a quirk note.
  parsed r(kms_with(
      R"("SubjectAlternativeNames": {"SubjectAlternativeName": ["a.example.com"], "SubjectAlternativeName": ["b.example.com"]})"));
  ASSERT_PARSED(r);
  EXPECT_EQ(values_of(r.doc->kms_describe->subject_alternative_names.entries),
            (std::vector<std::string>{"a.example.com"}));
  EXPECT_QUIRKS(r.doc->quirks, quirk::sans_wrapper_object, quirk::duplicate_key);
}

TEST(KmsDescribe, SansNullEmptyCommaSeparatedSingle) {
  {
    parsed r(kms_with(R"("SubjectAlternativeNames": null)"));
    ASSERT_PARSED(r);
    EXPECT_EQ(r.doc->kms_describe->subject_alternative_names.state, field_state::absent);
    EXPECT_QUIRKS(r.doc->quirks);
  }
  {
    parsed r(kms_with(R"("SubjectAlternativeNames": "")"));
    ASSERT_PARSED(r);
    EXPECT_EQ(r.doc->kms_describe->subject_alternative_names.state, field_state::absent);
  }
  {
    parsed r(kms_with(R"("SubjectAlternativeNames": "a.example.com, b.example.com,")"));
    ASSERT_PARSED(r);
    EXPECT_EQ(values_of(r.doc->kms_describe->subject_alternative_names.entries),
              (std::vector<std::string>{"a.example.com", "b.example.com"}));
    EXPECT_QUIRKS(r.doc->quirks, quirk::sans_as_string, quirk::sans_comma_separated, quirk::sans_empty_entry);
  }
  {
    parsed r(kms_with(R"("SubjectAlternativeNames": "a.example.com")"));
    ASSERT_PARSED(r);
    EXPECT_EQ(values_of(r.doc->kms_describe->subject_alternative_names.entries),
              (std::vector<std::string>{"a.example.com"}));
    EXPECT_QUIRKS(r.doc->quirks, quirk::sans_as_string, quirk::sans_single_value);
  }
  {
    parsed r(kms_with(R"("SubjectAlternativeNames": ["a.example.com", ""])"));
    ASSERT_PARSED(r);
    EXPECT_EQ(values_of(r.doc->kms_describe->subject_alternative_names.entries),
              (std::vector<std::string>{"a.example.com"}));
    EXPECT_QUIRKS(r.doc->quirks, quirk::sans_empty_entry);
  }
}

TEST(KmsDescribe, SansOfWrongTypes) {
  parsed r(kms_with(R"("SubjectAlternativeNames": 7)"));
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::wrong_type);
  EXPECT_EQ(r.doc.error().pointer, "/SubjectAlternativeNames");
  EXPECT_EQ(r.doc.error().offset, r.at("7}"));
  // The wrapper is read as the list it stands for: what it wraps must be a
  // list, a string or null, else the field is unreadable (an invalid finding).
  for (const char* inside : {R"({"x": 1})", "7", "true"}) {
    parsed w(kms_with(std::string(R"("SubjectAlternativeNames": {"SubjectAlternativeName": )") + inside + "}"));
    ASSERT_PARSED(w);
    EXPECT_EQ(w.doc->kms_describe->subject_alternative_names.state, field_state::unreadable) << inside;
    EXPECT_TRUE(w.doc->kms_describe->subject_alternative_names.entries.empty()) << inside;
  }
}

TEST(KmsDescribe, SansArrayOfNonStringsIsUnreadable) {
  parsed r(kms_with(R"("SubjectAlternativeNames": [1, 2])"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kms_describe->subject_alternative_names.state, field_state::unreadable);
  EXPECT_EQ(r.doc->kms_describe->subject_alternative_names.text, "[1, 2]");
}

TEST(KmsDescribe, TagsAsObject) {
  parsed r(kms_with(R"("Tags": {"k1": "v1", "k2": "v2"})"));
  ASSERT_PARSED(r);
  const auto& t = r.doc->kms_describe->tags;
  ASSERT_EQ(t.entries.size(), 2u);
  EXPECT_EQ(t.entries[1].key, "k2");
  EXPECT_EQ(t.entries[1].value, "v2");
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(KmsDescribe, TagsAsArrayOfTagKeyTagValue) {
  parsed r(kms_with(R"("Tags": [{"TagKey": "k1", "TagValue": "v1"}, {"TagKey": "k2", "TagValue": ""}])"));
  ASSERT_PARSED(r);
  const auto& t = r.doc->kms_describe->tags;
  ASSERT_EQ(t.entries.size(), 2u);
  EXPECT_EQ(t.entries[0].key, "k1");
  EXPECT_EQ(t.entries[0].value, "v1");
  EXPECT_EQ(t.entries[1].key, "k2");
  EXPECT_EQ(t.entries[1].value, "");
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(KmsDescribe, TagsAsStringHoldingAnObjectOrAnArray) {
  {
    parsed r(kms_with(R"("Tags": "{\"k1\": \"v1\"}")"));
    ASSERT_PARSED(r);
    const auto& t = r.doc->kms_describe->tags;
    ASSERT_EQ(t.entries.size(), 1u);
    EXPECT_EQ(t.entries[0].key, "k1");
    EXPECT_EQ(t.entries[0].value, "v1");
    EXPECT_EQ(t.text, R"({"k1": "v1"})");
    EXPECT_QUIRKS(r.doc->quirks, quirk::tags_as_string);
  }
  {
    parsed r(kms_with(R"("Tags": "[{\"TagKey\": \"k1\", \"TagValue\": \"v1\"}, {\"k2\": \"v2\"}]")"));
    ASSERT_PARSED(r);
    const auto& t = r.doc->kms_describe->tags;
    ASSERT_EQ(t.entries.size(), 2u);
    EXPECT_EQ(t.entries[0].key, "k1");
    EXPECT_EQ(t.entries[1].key, "k2");
    EXPECT_EQ(t.entries[1].value, "v2");
    EXPECT_QUIRKS(r.doc->quirks, quirk::tags_as_string);
  }
}

TEST(KmsDescribe, DocumentedUnparseableTagsAreOpaqueTextNeverAnError) {
  parsed r(kms_with(R"("Tags": "[{\"key1\":\"value\"},\"key2\":\"value2\"]")"));
  ASSERT_PARSED(r);
  const auto& t = r.doc->kms_describe->tags;
  EXPECT_EQ(t.state, field_state::unreadable);
  EXPECT_EQ(t.text, R"([{"key1":"value"},"key2":"value2"])");
  EXPECT_TRUE(t.entries.empty());
  EXPECT_EQ(t.offset, r.at(R"("[{\"key1)"));
  EXPECT_QUIRKS(r.doc->quirks, quirk::tags_as_string, quirk::tags_unparseable);
}

TEST(KmsDescribe, TagsEmptyAndNull) {
  parsed r(kms_with(R"("Tags": "")"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kms_describe->tags.state, field_state::absent);
  parsed n(kms_with(R"("Tags": null)"));
  ASSERT_PARSED(n);
  EXPECT_EQ(n.doc->kms_describe->tags.state, field_state::absent);
  parsed e(kms_with(R"("Tags": {})"));
  ASSERT_PARSED(e);
  EXPECT_EQ(e.doc->kms_describe->tags.state, field_state::present);
  EXPECT_TRUE(e.doc->kms_describe->tags.entries.empty());
}

TEST(KmsDescribe, ExportablePrivateKeyShapes) {
  struct row {
    const char* value;
    field_state state;
    bool expected;
    quirk_set quirks;
  };
  for (const row& w : {
           row{"true", field_state::present, true, {}},
           row{"false", field_state::present, false, {}},
           row{R"("true")", field_state::present, true, quirks_of({quirk::bool_as_string})},
           row{R"("false")", field_state::present, false, quirks_of({quirk::bool_as_string})},
           row{R"("")", field_state::absent, false, quirks_of({quirk::empty_string_as_absent})},
           row{"null", field_state::absent, false, {}},
           row{R"("maybe")", field_state::unreadable, false, quirks_of({quirk::bool_as_string})},
       }) {
    parsed r(kms_with(std::string(R"("ExportablePrivateKey": )") + w.value));
    ASSERT_PARSED(r);
    const auto& b = r.doc->kms_describe->exportable_private_key;
    EXPECT_EQ(b.state, w.state) << w.value;
    if (b.present()) EXPECT_EQ(b.value, w.expected) << w.value;
    EXPECT_EQ(names(r.doc->quirks), names(w.quirks)) << w.value;
  }
  parsed wrong(kms_with(R"("ExportablePrivateKey": 1)"));
  ASSERT_FALSE(wrong.doc.has_value());
  EXPECT_EQ(wrong.doc.error().code, error_code::wrong_type);
  EXPECT_EQ(wrong.doc.error().pointer, "/ExportablePrivateKey");
  EXPECT_EQ(wrong.doc.error().offset, wrong.at("1}"));
}

TEST(KmsDescribe, UnknownEnumValuesAndSerialShapes) {
  parsed r(kms_with(
      R"("KeySpec": "RSA_4096", "SignatureAlgorithm": "RSA_PSS_SHA_256", "Status": "INACTIVE", "ProtectionLevel": "HSM", "Serial": 12345678)"));
  ASSERT_PARSED(r);
  const auto& k = *r.doc->kms_describe;
  EXPECT_EQ(k.key_spec.value, "RSA_4096");
  EXPECT_EQ(k.signature_algorithm.value, "RSA_PSS_SHA_256");
  EXPECT_EQ(k.status.value, "INACTIVE");
  EXPECT_EQ(k.protection_level.value, "HSM");
  EXPECT_EQ(k.serial.value, "12345678");
  EXPECT_QUIRKS(r.doc->quirks, quirk::string_as_number);
}

TEST(KmsDescribe, WrongTypeOfAnIsoDate) {
  parsed r(kms_with(R"("NotAfter": {"t": 1})"));
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::wrong_type);
  EXPECT_EQ(r.doc.error().pointer, "/NotAfter");
}

constexpr std::string_view full_get = R"({
  "CertificateId": "9a28de48-8d8b-484d-a766-dec4a1b2c3d4",
  "Certificate": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
  "CertificateChain": "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----\n",
  "Csr": "-----BEGIN CERTIFICATE REQUEST-----\nMIIE\n-----END CERTIFICATE REQUEST-----\n",
  "RequestId": "2c1a-77"
})";

TEST(KmsGet, EveryField) {
  parsed r(full_get);
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kind, api::kms_get_certificate);
  ASSERT_NE(r.doc->kms_get, nullptr);
  EXPECT_EQ(r.doc->kms_describe, nullptr);
  EXPECT_EQ(r.doc->cas, nullptr);
  const kms_get_view& g = *r.doc->kms_get;
  EXPECT_EQ(g.certificate_id.value, "9a28de48-8d8b-484d-a766-dec4a1b2c3d4");
  EXPECT_EQ(g.certificate.value, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
  EXPECT_EQ(g.certificate.offset, r.at(R"("-----BEGIN CERTIFICATE-----\nMIIB)"));
  EXPECT_EQ(g.certificate_chain.value,
            "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n"
            "-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----\n");
  EXPECT_EQ(g.csr.value, "-----BEGIN CERTIFICATE REQUEST-----\nMIIE\n-----END CERTIFICATE REQUEST-----\n");
  EXPECT_EQ(g.request_id.value, "2c1a-77");
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(KmsGet, CertificateStringTellsItApartFromCas) {
  parsed r(R"({"Certificate": "PEM"})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kind, api::kms_get_certificate);
  EXPECT_EQ(r.doc->kms_get->certificate.value, "PEM");
  EXPECT_TRUE(r.doc->kms_get->certificate_id.absent());
}

TEST(KmsGet, RecognisedByItsChainWhenCertificateIsNull) {
  // Regression: CertificateId alone made this a DescribeCertificate with no fields.
  parsed r(R"({"CertificateId": "c", "Certificate": null, "CertificateChain": "PEM", "RequestId": "r"})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kind, api::kms_get_certificate);
  EXPECT_TRUE(r.doc->kms_get->certificate.absent());
  EXPECT_EQ(r.doc->kms_get->certificate_chain.value, "PEM");
  EXPECT_EQ(r.doc->kms_get->certificate_id.value, "c");
}

TEST(KmsGet, DuplicateCertificateFirstWins) {
  parsed r(R"({"Certificate": "first", "Certificate": {"Identifier": "x"}})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kind, api::kms_get_certificate);
  EXPECT_EQ(r.doc->kms_get->certificate.value, "first");
  EXPECT_QUIRKS(r.doc->quirks, quirk::duplicate_key);
}

TEST(KmsGet, ChainOfWrongType) {
  parsed r(R"({"Certificate": "PEM", "CertificateChain": ["a", "b"]})");
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::wrong_type);
  EXPECT_EQ(r.doc.error().pointer, "/CertificateChain");
  EXPECT_EQ(r.doc.error().offset, r.at(R"(["a")"));
}

}  // namespace
}  // namespace alicert::test
