// The four sibling APIs (docs/siblings.md): every field reaches its view
// member, in each shape the section's table accepts.
#include <cstring>

#include "support.h"

namespace alicert::test {
namespace {

TEST(Siblings, GetUserCertificateDetailFields) {
  parsed r(R"({"Id": 12345, "CertIdentifier": "12345-cn-hangzhou", "Name": "n", "OrderId": "77",
    "Cert": "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----", "Common": "www.example.com",
    "Sans": "www.example.com, example.com", "Fingerprint": "AB12", "Sha2": "CD", "CertSha2": "EF",
    "SerialNo": "0abc", "Issuer": "DigiCert", "OrgName": "Example", "Province": "Zhejiang", "City": "Hangzhou",
    "Country": "CN", "NotBefore": 1767225600000, "NotAfter": "1798761600000", "StartDate": "2026-01-01",
    "EndDate": "2027-01-01T08:00:00+08:00", "Expired": "false", "BuyInAliyun": true, "Algorithm": "RSA",
    "Tags": [{"TagKey": "k", "TagValue": "v"}], "RequestId": "r-1"})");
  ASSERT_PARSED(r);
  ASSERT_EQ(r.doc->kind, api::cas_get_user_certificate_detail);
  const cas_certificate_detail_view& d = *r.doc->cas_detail;
  EXPECT_EQ(d.id.value, "12345");
  EXPECT_EQ(d.cert_identifier.value, "12345-cn-hangzhou");
  EXPECT_EQ(d.order_id.value, 77);
  EXPECT_EQ(d.cert.value, "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----");
  EXPECT_EQ(values_of(d.sans.entries), (std::vector<std::string>{"www.example.com", "example.com"}));
  EXPECT_EQ(d.serial_no.value, "0abc");
  EXPECT_EQ(d.not_before.value, at_utc(2026, 1, 1, 0, 0, 0));
  EXPECT_EQ(d.not_after.value, at_utc(2027, 1, 1, 0, 0, 0));
  EXPECT_EQ(d.start_date.value, at_utc(2026, 1, 1, 0, 0, 0));
  EXPECT_EQ(d.end_date.value, at_utc(2027, 1, 1, 0, 0, 0));  // the date as written
  EXPECT_TRUE(d.expired.present());
  EXPECT_FALSE(d.expired.value);
  EXPECT_TRUE(d.buy_in_aliyun.value);
  EXPECT_EQ(d.tags.entries.size(), 1u);
  EXPECT_EQ(r.doc->request_id.value, "r-1");
  // The documented shapes record nothing but what strayed: OrderId and NotAfter as strings,
  // Expired as one, EndDate's time with an offset.
  EXPECT_QUIRKS(r.doc->quirks, quirk::number_as_string, quirk::bool_as_string, quirk::date_numeric_offset);
}

TEST(Siblings, GetUserCertificateDetailSansShapes) {
  const std::pair<const char*, std::vector<std::string>> cases[] = {
      {R"("a.example.com,b.example.com")", {"a.example.com", "b.example.com"}},
      {R"("a.example.com")", {"a.example.com"}},
      {R"(["a.example.com", "b.example.com"])", {"a.example.com", "b.example.com"}},
      {R"("[\"a.example.com\", \"b.example.com\"]")", {"a.example.com", "b.example.com"}},
      {R"("a.example.com,,b.example.com")", {"a.example.com", "b.example.com"}},
  };
  for (const auto& [sans, expected] : cases) {
    parsed r(std::string(R"({"Common": "a", "Sans": )") + sans + "}");
    ASSERT_PARSED(r);
    EXPECT_EQ(values_of(r.doc->cas_detail->sans.entries), expected) << sans;
  }
}

TEST(Siblings, CertChainShapes) {
  parsed list(R"({"Common": "a", "CertChain": [{"CommonName": "a", "IssuerCommonName": "ca", "NotBefore": 1000,
    "NotAfter": "2000", "RemainDay": 5}, {"CommonName": "ca", "IssuerCommonName": "root"}]})");
  ASSERT_PARSED(list);
  const auto& chain = list.doc->cas_detail->cert_chain;
  ASSERT_TRUE(chain.present());
  ASSERT_EQ(chain.entries.size(), 2u);
  EXPECT_EQ(chain.entries[0].issuer_common_name.value, "ca");
  EXPECT_EQ(chain.entries[0].not_after.value, at_utc(1970, 1, 1, 0, 0, 2));
  EXPECT_EQ(chain.entries[0].remain_day.value, 5);
  EXPECT_EQ(chain.offset, list.at("[{"));

  parsed one(R"({"Common": "a", "CertChain": {"CommonName": "a"}})");
  ASSERT_PARSED(one);
  EXPECT_EQ(one.doc->cas_detail->cert_chain.entries.size(), 1u);
  EXPECT_TRUE(one.doc->quirks.has(quirk::list_single_object));

  for (const char* absent : {R"({"Common": "a", "CertChain": []})", R"({"Common": "a", "CertChain": null})",
                             R"({"Common": "a"})"}) {
    parsed r(absent);
    ASSERT_PARSED(r);
    EXPECT_FALSE(r.doc->cas_detail->cert_chain.present()) << absent;
  }
  parsed bad(R"({"Common": "a", "CertChain": [5]})");
  ASSERT_FALSE(bad.doc.has_value());
  EXPECT_EQ(bad.doc.error().code, error_code::wrong_type);
  EXPECT_EQ(bad.doc.error().pointer, "/CertChain/0");
}

TEST(Siblings, ListUserCertificateOrderEntries) {
  parsed r(R"({"CertificateOrderList": [{"CertificateId": 11, "CommonName": "a.example.com", "Sans": "a.example.com",
    "Fingerprint": "AB", "Sha2": "CD", "SerialNo": "01", "StartDate": "2026-01-01", "EndDate": "2027-01-01",
    "CertStartTime": 1767225600000, "CertEndTime": 1798761600000, "Expired": false, "Upload": true},
    {"OrderId": 99, "CertType": "DV"}], "TotalCount": 2, "CurrentPage": 1, "ShowSize": 50, "RequestId": "r"})");
  ASSERT_PARSED(r);
  ASSERT_EQ(r.doc->kind, api::cas_list_user_certificate_order);
  const auto& l = *r.doc->cas_orders;
  ASSERT_EQ(l.orders.size(), 2u);
  EXPECT_EQ(l.orders[0].certificate_id.value, "11");
  EXPECT_EQ(l.orders[0].cert_end_time.value, at_utc(2027, 1, 1, 0, 0, 0));
  EXPECT_EQ(l.orders[1].order_id.value, "99");
  EXPECT_EQ(l.total_count.value, 2);
  EXPECT_FALSE(r.doc->quirks.has(quirk::more_pages));
  EXPECT_EQ(r.doc->request_id.value, "r");

  parsed last(R"({"CertificateOrderList": [{"CertificateId": 1}], "TotalCount": 51, "CurrentPage": 2, "ShowSize": 50})");
  ASSERT_PARSED(last);
  EXPECT_FALSE(last.doc->quirks.has(quirk::more_pages));
}

TEST(Siblings, MorePagesCountsWhatCameBefore) {
  parsed r(R"({"CertificateOrderList": [{"CertificateId": 1}], "TotalCount": 60, "CurrentPage": 2, "ShowSize": 50})");
  ASSERT_PARSED(r);
  EXPECT_TRUE(r.doc->quirks.has(quirk::more_pages));
}

TEST(Siblings, PerDomainEntriesCdnAndDcdn) {
  parsed cdn(R"({"CertInfos": {"CertInfo": [{"DomainName": ".example.com", "CertDomainName": "*.example.com",
    "ServerCertificate": "PEM", "ServerCertificateStatus": "on", "CertExpireTime": "2027-01-01 08:00:00",
    "CertStartTime": "2026-01-01T00:00:00Z", "CertOrg": "DigiCert", "CertId": 123, "Status": "success"}]}})");
  ASSERT_PARSED(cdn);
  ASSERT_EQ(cdn.doc->kind, api::cdn_describe_domain_certificate_info);
  const cdn_domain_cert_info_view& e = cdn.doc->cdn_domain->cert_infos[0];
  EXPECT_EQ(e.domain_name.value, ".example.com");
  EXPECT_EQ(e.server_certificate.value, "PEM");
  EXPECT_EQ(e.cert_expire_time.value, at_utc(2027, 1, 1, 8, 0, 0));  // zoneless: read as UTC
  EXPECT_EQ(e.cert_start_time.value, at_utc(2026, 1, 1, 0, 0, 0));
  EXPECT_EQ(e.cert_id.value, "123");
  EXPECT_QUIRKS(cdn.doc->quirks, quirk::date_zoneless, quirk::string_as_number);

  parsed dcdn(R"({"CertInfos": {"CertInfo": [{"DomainName": "a.example.com", "SSLPub": "PEM", "SSLProtocol": "on",
    "CertExpireTime": "2027-01-01 00:00:00 +0000 UTC"}]}, "RequestId": 5})");
  ASSERT_PARSED(dcdn);
  ASSERT_EQ(dcdn.doc->kind, api::dcdn_describe_domain_certificate_info);
  const cdn_domain_cert_info_view& d = dcdn.doc->cdn_domain->cert_infos[0];
  EXPECT_EQ(d.server_certificate.value, "PEM");
  EXPECT_EQ(d.server_certificate_status.value, "on");
  EXPECT_EQ(d.cert_expire_time.value, at_utc(2027, 1, 1, 0, 0, 0));
  // The root's quirks are charged to DCDN too.
  EXPECT_QUIRKS(dcdn.doc->quirks, quirk::string_as_number);
}

TEST(Siblings, ServerCertificatesEntriesAndSanShapes) {
  const std::pair<const char*, std::vector<std::string>> cases[] = {
      {R"({"SubjectAlternativeName": ["a.example.com", "b.example.com"]})", {"a.example.com", "b.example.com"}},
      {R"({"SubjectAlternativeName": "a.example.com"})", {"a.example.com"}},
      {R"({"SubjectAlternativeName": ["[\"a.example.com\",\"b.example.com\"]"]})", {"a.example.com", "b.example.com"}},
      {R"(["a.example.com"])", {"a.example.com"}},
      {R"("[\"a.example.com\"]")", {"a.example.com"}},
      {R"({})", {}},
  };
  for (const auto& [sans, expected] : cases) {
    parsed r(std::string(R"({"ServerCertificates": {"ServerCertificate": [{"ServerCertificateId": "idkp-1",
      "Fingerprint": "01:02", "SubjectAlternativeNames": )") + sans + "}]}}");
    ASSERT_PARSED(r);
    ASSERT_EQ(r.doc->kind, api::slb_describe_server_certificates);
    EXPECT_EQ(values_of(r.doc->slb->server_certificates[0].subject_alternative_names.entries), expected) << sans;
  }
  parsed r(R"({"ServerCertificates": {"ServerCertificate": {"ServerCertificateId": "idkp-1", "IsAliCloudCertificate": true,
    "AliCloudCertificateId": 123, "ExpireTimeStamp": 1798761600000, "ExpireTime": "2027-01-01T00:00:00Z",
    "Tags": {"Tag": [{"TagKey": "k", "TagValue": "v"}]}}}})");
  ASSERT_PARSED(r);
  const slb_server_certificate_view& s = r.doc->slb->server_certificates[0];
  EXPECT_EQ(s.is_ali_cloud_certificate.value, 1);
  EXPECT_EQ(s.ali_cloud_certificate_id.value, "123");
  EXPECT_EQ(s.expire_time_stamp.value, s.expire_time.value);
  EXPECT_EQ(s.tags.entries.size(), 1u);
  EXPECT_QUIRKS(r.doc->quirks, quirk::list_single_object, quirk::string_as_number);
}

TEST(Siblings, KeysMatchExactly) {
  // A key with stray whitespace (a 2018 SLB page) is an unknown field.
  parsed r(R"({"ServerCertificates": {"ServerCertificate": [{"ServerCertificateId": "a", "Fingerprint ": "01:02"}]}})");
  ASSERT_PARSED(r);
  EXPECT_FALSE(r.doc->slb->server_certificates[0].fingerprint.present());
}

TEST(Siblings, PrivateKeysWithEscapesAreNotInTheInputNorInSimdjsonsBuffer) {
  parsed r(R"({"Common": "a", "Key": "-----BEGIN PRIVATE KEY-----\nSECRETMARKER\n-----END PRIVATE KEY-----\n"})");
  ASSERT_PARSED(r);
  const std::string_view key = r.doc->cas_detail->key.value;
  EXPECT_EQ(key, "-----BEGIN PRIVATE KEY-----\nSECRETMARKER\n-----END PRIVATE KEY-----\n");
  EXPECT_FALSE(r.in_input(key));  // unescaped, so a copy: the parser's own, which it wipes
  // The next document wipes it.
  const std::string copy(key);
  padded_buffer next(R"({"Common": "b"})");
  ASSERT_TRUE(r.p.parse(next).has_value());
  EXPECT_EQ(std::memcmp(key.data(), std::string(key.size(), '\0').data(), key.size()), 0)
      << "the parser's copy of a private key was not wiped";
}

}  // namespace
}  // namespace alicert::test
