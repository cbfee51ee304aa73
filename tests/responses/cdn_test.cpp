// CDN DescribeCertificateInfoByID: every field, every shape (responses.md section 3).
#include "support.h"

namespace alicert::test {
namespace {

constexpr std::string_view full_cdn = R"({
  "CertInfos": {
    "CertInfo": [
      {
        "CertId": "164400",
        "CertName": "example_cert",
        "CertType": "cas",
        "CreateTime": "2015-12-21 08:02:07 +0000 UTC",
        "CertExpireTime": "2098-02-08 08:02:07 +0000 UTC",
        "HttpsCrt": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n",
        "DomainList": "[\"example.com\",\"*.example.com\"]"
      },
      {
        "CertId": "164401",
        "CertName": "second",
        "CertType": "upload",
        "CreateTime": "2020-01-02 03:04:05 +0000 UTC",
        "CertExpireTime": "2021-01-02 03:04:05 +0000 UTC",
        "HttpsCrt": "PEM2",
        "DomainList": "[\"b.example.com\"]"
      }
    ]
  },
  "RequestId": "5C1E43DC-9E51-4771-82C0-7D5ECEB547A1"
})";

TEST(Cdn, EveryFieldOfEveryEntry) {
  parsed r(full_cdn);
  ASSERT_PARSED(r);
  const document_view& d = *r.doc;
  EXPECT_EQ(d.kind, api::cdn_describe_certificate_info);
  ASSERT_NE(d.cdn, nullptr);
  EXPECT_EQ(d.cas, nullptr);
  EXPECT_EQ(d.kms_describe, nullptr);
  EXPECT_EQ(d.kms_get, nullptr);
  EXPECT_EQ(d.error, nullptr);
  EXPECT_QUIRKS(d.quirks);
  EXPECT_EQ(d.cdn->request_id.value, "5C1E43DC-9E51-4771-82C0-7D5ECEB547A1");
  ASSERT_EQ(d.cdn->cert_infos.size(), 2u);
  const cdn_cert_info_view& a = d.cdn->cert_infos[0];
  EXPECT_EQ(a.cert_id.value, "164400");
  EXPECT_EQ(a.cert_name.value, "example_cert");
  EXPECT_EQ(a.cert_type.value, "cas");
  EXPECT_EQ(a.create_time.value, at_utc(2015, 12, 21, 8, 2, 7));
  EXPECT_EQ(a.create_time.text, "2015-12-21 08:02:07 +0000 UTC");
  EXPECT_EQ(a.create_time.offset, r.at(R"("2015-12-21)"));
  EXPECT_EQ(a.cert_expire_time.value, at_utc(2098, 2, 8, 8, 2, 7));
  EXPECT_EQ(a.https_crt.value,
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
            "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n");
  ASSERT_TRUE(a.domain_list.present());
  EXPECT_EQ(values_of(a.domain_list.entries), (std::vector<std::string>{"example.com", "*.example.com"}));
  EXPECT_EQ(a.domain_list.text, R"(["example.com","*.example.com"])");
  const cdn_cert_info_view& b = d.cdn->cert_infos[1];
  EXPECT_EQ(b.cert_id.value, "164401");
  EXPECT_EQ(b.cert_type.value, "upload");
  EXPECT_EQ(b.create_time.value, at_utc(2020, 1, 2, 3, 4, 5));
  EXPECT_EQ(b.https_crt.value, "PEM2");
  EXPECT_EQ(values_of(b.domain_list.entries), (std::vector<std::string>{"b.example.com"}));
}

// Entries with only the keys every CertInfos API shares are read as ByID's,
// noted as ambiguous (docs/siblings.md, section 0).
TEST(Cdn, CertInfoAsSingleObject) {
  parsed r(R"({"CertInfos": {"CertInfo": {"CertId": "1", "CertName": "n"}}, "RequestId": "r"})");
  ASSERT_PARSED(r);
  ASSERT_EQ(r.doc->cdn->cert_infos.size(), 1u);
  EXPECT_EQ(r.doc->cdn->cert_infos[0].cert_id.value, "1");
  EXPECT_EQ(r.doc->cdn->cert_infos[0].cert_name.value, "n");
  EXPECT_QUIRKS(r.doc->quirks, quirk::cert_info_single_object, quirk::cert_infos_ambiguous);
}

TEST(Cdn, EmptyWrapperAndEmptyList) {
  for (const char* json : {R"({"CertInfos": {}, "RequestId": "r"})", R"({"CertInfos": {"CertInfo": []}})",
                           R"({"CertInfos": {"CertInfo": null}})", R"({"CertInfos": null})"}) {
    parsed r(json);
    ASSERT_PARSED(r);
    EXPECT_EQ(r.doc->kind, api::cdn_describe_certificate_info) << json;
    EXPECT_TRUE(r.doc->cdn->cert_infos.empty()) << json;
    EXPECT_QUIRKS(r.doc->quirks, quirk::cert_info_empty, quirk::cert_infos_ambiguous);
  }
}

TEST(Cdn, BareArrayUnderCertInfos) {
  parsed r(R"({"CertInfos": [{"CertId": "1"}, {"CertId": "2"}], "RequestId": "r"})");
  ASSERT_PARSED(r);
  ASSERT_EQ(r.doc->cdn->cert_infos.size(), 2u);
  EXPECT_EQ(r.doc->cdn->cert_infos[1].cert_id.value, "2");
  EXPECT_QUIRKS(r.doc->quirks, quirk::cert_info_bare_array, quirk::cert_infos_ambiguous);
}

TEST(Cdn, CertIdAndCertNameAsNumbers) {
  parsed r(cdn_with(R"("CertId": 1644, "CertName": 7)"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cdn->cert_infos[0].cert_id.value, "1644");
  EXPECT_EQ(r.doc->cdn->cert_infos[0].cert_id.offset, r.at("1644"));
  EXPECT_EQ(r.doc->cdn->cert_infos[0].cert_name.value, "7");
  EXPECT_QUIRKS(r.doc->quirks, quirk::string_as_number, quirk::cert_infos_ambiguous);
}

TEST(Cdn, GoLayoutWithFractionAndOffset) {
  parsed r(cdn_with(
      R"("CreateTime": "2015-12-21 16:02:07.123456789 +0800 CST", "CertExpireTime": "2098-02-08 08:02:07 -0130 -0130")"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cdn->cert_infos[0];
  EXPECT_EQ(c.create_time.value, at_utc(2015, 12, 21, 8, 2, 7));
  EXPECT_EQ(c.cert_expire_time.value, at_utc(2098, 2, 8, 9, 32, 7));
  EXPECT_QUIRKS(r.doc->quirks, quirk::date_fractional_seconds, quirk::date_numeric_offset);
}

TEST(Cdn, IsoDates) {
  parsed r(cdn_with(R"("CreateTime": "2015-12-21T08:02:07Z", "CertExpireTime": "2098-02-08T16:02:07+08:00")"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cdn->cert_infos[0];
  EXPECT_EQ(c.create_time.value, at_utc(2015, 12, 21, 8, 2, 7));
  EXPECT_EQ(c.cert_expire_time.value, at_utc(2098, 2, 8, 8, 2, 7));
  EXPECT_QUIRKS(r.doc->quirks, quirk::date_iso8601_in_cdn, quirk::date_numeric_offset);
}

TEST(Cdn, UnreadableDate) {
  parsed r(cdn_with(R"("CreateTime": "2015-12-21", "CertExpireTime": "")"));
  ASSERT_PARSED(r);
  const auto& c = r.doc->cdn->cert_infos[0];
  EXPECT_EQ(c.create_time.state, field_state::unreadable);
  EXPECT_EQ(c.create_time.text, "2015-12-21");
  EXPECT_TRUE(c.cert_expire_time.absent());
}

TEST(Cdn, DomainListShapes) {
  struct row {
    const char* value;
    std::vector<std::string> names;
    quirk_set quirks;
  };
  for (const row& w : {
           row{R"(["a.example.com", "b.example.com"])", {"a.example.com", "b.example.com"},
               quirks_of({quirk::domain_list_as_array})},
           row{R"("[\"a.example.com\",\"b.example.com\"]")", {"a.example.com", "b.example.com"}, {}},
           row{R"("a.example.com,b.example.com")", {"a.example.com", "b.example.com"},
               quirks_of({quirk::domain_list_comma_separated})},
           row{R"("a.example.com")", {"a.example.com"}, quirks_of({quirk::domain_list_single})},
           row{R"([""])", {}, quirks_of({quirk::domain_list_as_array, quirk::domain_list_empty_entry})},
           row{R"("[\"\"]")", {}, quirks_of({quirk::domain_list_empty_entry})},
           row{R"("a.example.com,,b.example.com")", {"a.example.com", "b.example.com"},
               quirks_of({quirk::domain_list_comma_separated, quirk::domain_list_empty_entry})},
       }) {
    parsed r(cdn_with(std::string(R"("DomainList": )") + w.value));
    ASSERT_PARSED(r);
    const auto& l = r.doc->cdn->cert_infos[0].domain_list;
    EXPECT_EQ(l.state, field_state::present) << w.value;
    EXPECT_EQ(values_of(l.entries), w.names) << w.value;
    EXPECT_EQ(names(r.doc->quirks), names(w.quirks)) << w.value;
  }
}

TEST(Cdn, DomainListAbsent) {
  for (const char* v : {R"("")", "null"}) {
    parsed r(cdn_with(std::string(R"("DomainList": )") + v));
    ASSERT_PARSED(r);
    EXPECT_EQ(r.doc->cdn->cert_infos[0].domain_list.state, field_state::absent) << v;
  }
}

TEST(Cdn, DomainListWithBracketsInANameIsUnreadable) {
  parsed r(cdn_with(R"("DomainList": "a.com,{b}")"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->cdn->cert_infos[0].domain_list.state, field_state::unreadable);
  EXPECT_EQ(r.doc->cdn->cert_infos[0].domain_list.text, "a.com,{b}");
}

TEST(Cdn, WrongTypeOfAnEntry) {
  parsed r(R"({"CertInfos": {"CertInfo": [{"CertId": "1"}, 42]}})");
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::wrong_type);
  EXPECT_EQ(r.doc.error().pointer, "/CertInfos/CertInfo/1");
  EXPECT_EQ(r.doc.error().offset, r.at("42"));
}

TEST(Cdn, WrongTypeInABareArrayEntry) {
  parsed r(R"({"CertInfos": [{"CertId": "1"}, {"CertId": "2", "CreateTime": [1]}]})");
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::wrong_type);
  EXPECT_EQ(r.doc.error().pointer, "/CertInfos/1/CreateTime");
  EXPECT_EQ(r.doc.error().offset, r.at("[1]"));
}

TEST(Cdn, WrongTypeOfCertInfoAndCertInfos) {
  {
    parsed r(R"({"CertInfos": {"CertInfo": "none"}})");
    ASSERT_FALSE(r.doc.has_value());
    EXPECT_EQ(r.doc.error().code, error_code::wrong_type);
    EXPECT_EQ(r.doc.error().pointer, "/CertInfos/CertInfo");
    EXPECT_EQ(r.doc.error().offset, r.at(R"("none")"));
  }
  {
    parsed r(R"({"CertInfos": 5})");
    ASSERT_FALSE(r.doc.has_value());
    EXPECT_EQ(r.doc.error().code, error_code::wrong_type);
    EXPECT_EQ(r.doc.error().pointer, "/CertInfos");
  }
}

TEST(Cdn, UnknownKeysInTheWrapperAndEntriesAreIgnored) {
  parsed r(R"({"CertInfos": {"Total": 1, "CertInfo": [{"CertId": "1", "Region": ["x"]}]}, "PageNumber": 1})");
  ASSERT_PARSED(r);
  ASSERT_EQ(r.doc->cdn->cert_infos.size(), 1u);
  EXPECT_QUIRKS(r.doc->quirks, quirk::cert_infos_ambiguous);
}

TEST(Cdn, DuplicateCertInfoAndCertInfosFirstWins) {
  parsed r(R"({"CertInfos": {"CertInfo": [{"CertId": "1"}], "CertInfo": [{"CertId": "2"}]}, "CertInfos": []})");
  ASSERT_PARSED(r);
  ASSERT_EQ(r.doc->cdn->cert_infos.size(), 1u);
  EXPECT_EQ(r.doc->cdn->cert_infos[0].cert_id.value, "1");
  EXPECT_QUIRKS(r.doc->quirks, quirk::duplicate_key, quirk::cert_infos_ambiguous);
}

TEST(Cdn, ManyEntriesUpToTheLimit) {
  std::string json = R"({"CertInfos": {"CertInfo": [)";
  for (std::size_t i = 0; i < limits::max_certificates; ++i) {
    if (i) json += ',';
    json += R"({"CertId": ")" + std::to_string(i) + R"("})";
  }
  json += "]}}";
  parsed r(json);
  ASSERT_PARSED(r);
  ASSERT_EQ(r.doc->cdn->cert_infos.size(), limits::max_certificates);
  EXPECT_EQ(r.doc->cdn->cert_infos.back().cert_id.value, std::to_string(limits::max_certificates - 1));
}

}  // namespace
}  // namespace alicert::test
