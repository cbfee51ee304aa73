// Recognition (docs/responses.md, Shared shapes; docs/siblings.md, section 0):
// a document is taken for an API by keys only that API sends. Responses of
// APIs alicert does not read, which share key names with the supported ones,
// are unknown_shape, never read as a supported API with meaningless findings.
#include "support.h"

namespace alicert::test {
namespace {

constexpr std::string_view pem = "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n";

std::string with_pem(std::string text) {
  for (std::size_t at; (at = text.find("PEM")) != std::string::npos;) text.replace(at, 3, pem);
  return text;
}

void expect_unknown(const std::string& text, const char* what) {
  parsed r(text);
  ASSERT_FALSE(r.doc.has_value()) << what << " was read as " << api_name(r.doc->kind);
  EXPECT_EQ(r.doc.error().code, error_code::unknown_shape) << what << ": " << describe(r.doc.error());
}

void expect_api(const std::string& text, api kind, const char* what) {
  parsed r(text);
  ASSERT_TRUE(r.doc.has_value()) << what << ": " << describe(r.doc.error());
  EXPECT_EQ(r.doc->kind, kind) << what << " was read as " << api_name(r.doc->kind);
}

// One sample of each sibling API, as its reference page and SDK models show it.
const std::string gucd_sample = with_pem(R"({"Id":12345,"Name":"cert-12345","Common":"www.example.com","Fingerprint":"AB12",
    "Cert":"PEM","Key":"-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n",
    "BuyInAliyun":false,"StartDate":"2026-01-01","EndDate":"2027-01-01","Expired":false,"Issuer":"DigiCert",
    "OrgName":"","Province":"","City":"","Country":"CN","Sans":"www.example.com,example.com",
    "NotBefore":1767225600000,"NotAfter":1798761600000,"SerialNo":"0abc","Sha2":"AB","Tags":[],"RequestId":"r-3"})");
const std::string luco_sample = R"({"CertificateOrderList":[{"CertificateId":11,"Name":"x","CommonName":"a.example.com",
    "Fingerprint":"AB","Sha2":"CD","SerialNo":"01","StartDate":"2026-01-01","EndDate":"2027-01-01"}],
    "TotalCount":1,"CurrentPage":1,"ShowSize":50,"RequestId":"r-4"})";
const std::string slb_sample = R"({"RequestId":"r-2","ServerCertificates":{"ServerCertificate":[{"ServerCertificateId":"idkp-1",
    "Fingerprint":"01:02","CommonName":"a.example.com","ExpireTime":"2027-01-01T00:00:00Z"}]}})";
const std::string cdn_domain_sample = with_pem(R"({"CertInfos":{"CertInfo":[{"DomainName":"www.example.com","CertName":"c","CertDomainName":"*.example.com",
    "CertExpireTime":"2027-01-01T00:00:00Z","CertLife":"12 months","CertOrg":"DigiCert","CertType":"cas",
    "ServerCertificateStatus":"on","ServerCertificate":"PEM","Status":"success","CertId":"123"}]},"RequestId":"r-5"})");
const std::string dcdn_sample = with_pem(R"({"CertInfos":{"CertInfo":[{"DomainName":"www.example.com","CertName":"c",
    "CertExpireTime":"2027-01-01T00:00:00Z","SSLProtocol":"on","SSLPub":"PEM","CertType":"upload"}]},"RequestId":"r-6"})");

// docs/siblings.md, section 0, row by row.
TEST(Recognition, TheSiblingsTable) {
  expect_api(luco_sample, api::cas_list_user_certificate_order, "CAS ListUserCertificateOrder");
  expect_api(slb_sample, api::slb_describe_server_certificates, "SLB DescribeServerCertificates");
  expect_api(cdn_domain_sample, api::cdn_describe_domain_certificate_info, "CDN DescribeDomainCertificateInfo");
  expect_api(dcdn_sample, api::dcdn_describe_domain_certificate_info, "DCDN DescribeDcdnDomainCertificateInfo");
  expect_api(gucd_sample, api::cas_get_user_certificate_detail, "CAS GetUserCertificateDetail");
  // The 2018-07-13 DescribeUserCertificateDetail has the same keys and is read as it.
  expect_api(R"({"Id":7,"Common":"a.example.com","Cert":"","Key":"","RequestId":"r"})",
             api::cas_get_user_certificate_detail, "CAS DescribeUserCertificateDetail (2018)");
  // VOD's twin, with DCDN's key names in its sample: read as the API it resembles.
  expect_api(R"({"CertInfos":{"CertInfo":{"DomainName":"vod.example.com","SSLProtocol":"off","CertName":"v"}},"RequestId":"r-7"})",
             api::dcdn_describe_domain_certificate_info, "VOD DescribeVodDomainCertificateInfo (DCDN keys)");
  expect_api(R"({"CertInfos":{"CertInfo":{"DomainName":"vod.example.com","ServerCertificateStatus":"off","CertName":"v"}}})",
             api::cdn_describe_domain_certificate_info, "VOD DescribeVodDomainCertificateInfo (CDN keys)");
}

TEST(Recognition, WhatStaysUnknownShape) {
  // SLB UploadServerCertificate: one entry's keys, flat, without the wrapper.
  expect_unknown(R"({"ServerCertificateId":"idkp-123-cn-hangzhou","Fingerprint":"01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:10:11:12:13:14",
      "ServerCertificateName":"mycert","ExpireTime":"2027-01-01T00:00:00Z","ExpireTimeStamp":1798761600000,
      "CommonName":"www.example.com","SubjectAlternativeNames":{"SubjectAlternativeName":["www.example.com"]},
      "RegionId":"cn-hangzhou","AliCloudCertificateId":"","IsAliCloudCertificate":0,"RequestId":"r-1"})",
                 "SLB UploadServerCertificate");
  // SLB DescribeCACertificates.
  expect_unknown(R"({"CACertificates":{"CACertificate":[{"CACertificateId":"c","Fingerprint":"01:02","CommonName":"ca"}]},"RequestId":"r"})",
                 "SLB DescribeCACertificates");
  // CAS DescribeUserCertificateList (2018-07-13): CertificateList, camelCase entries.
  expect_unknown(R"({"CertificateList":[{"id":1,"name":"n","common":"a.example.com","fingerprint":"AB"}],"TotalCount":1,"RequestId":"r"})",
                 "CAS DescribeUserCertificateList (2018)");
  // CDN DescribeCdnCertificateDetail: CertId and CertName at the root, Cert and Key.
  expect_unknown(with_pem(R"({"CertId":1644,"CertName":"c","Cert":"PEM","Key":"k","RequestId":"r-8"})"),
                 "CDN DescribeCdnCertificateDetail");
  // A PCA document's keys beside the SSL service's: PCA (Certificate object) wins; a KMS
  // CertificateId beside Cert makes it no SSL detail.
  expect_api(R"({"Certificate":{"Identifier":"x"},"Common":"a.example.com"})", api::cas_describe_client_certificate,
             "PCA with a stray Common");
  expect_api(R"({"CertificateId":"c-1","Common":"a.example.com"})", api::kms_describe_certificate,
             "KMS CertificateId with a stray Common");
}

TEST(Recognition, CertInfosEntriesDecideTheirApi) {
  // ByID's own keys win over per-domain keys beside them, with a note.
  parsed mixed(with_pem(R"({"CertInfos":{"CertInfo":[{"CertId":"1","HttpsCrt":"PEM"},{"DomainName":"a.example.com"}]}})"));
  ASSERT_TRUE(mixed.doc.has_value()) << describe(mixed.doc.error());
  EXPECT_EQ(mixed.doc->kind, api::cdn_describe_certificate_info);
  EXPECT_TRUE(mixed.doc->quirks.has(quirk::cert_infos_mixed));
  // Only the shared keys, or no entry: ByID, with a note.
  for (const char* text : {R"({"CertInfos":{"CertInfo":[{"CertId":"1","CertName":"n","CertType":"cas","CertExpireTime":"2027-01-01 00:00:00 +0000 UTC"}]}})",
                           R"({"CertInfos":{}})", R"({"CertInfos":{"CertInfo":[]}})"}) {
    parsed r(text);
    ASSERT_TRUE(r.doc.has_value()) << text;
    EXPECT_EQ(r.doc->kind, api::cdn_describe_certificate_info) << text;
    EXPECT_TRUE(r.doc->quirks.has(quirk::cert_infos_ambiguous)) << text;
  }
  // A per-domain document is never noted as ambiguous.
  parsed d(cdn_domain_sample);
  ASSERT_TRUE(d.doc.has_value());
  EXPECT_FALSE(d.doc->quirks.has(quirk::cert_infos_ambiguous));
  EXPECT_FALSE(d.doc->quirks.has(quirk::cert_infos_mixed));
}

TEST(Recognition, NoSampleIsTakenForAnotherApi) {
  const std::pair<const std::string*, api> samples[] = {
      {&gucd_sample, api::cas_get_user_certificate_detail},
      {&luco_sample, api::cas_list_user_certificate_order},
      {&slb_sample, api::slb_describe_server_certificates},
      {&cdn_domain_sample, api::cdn_describe_domain_certificate_info},
      {&dcdn_sample, api::dcdn_describe_domain_certificate_info},
  };
  for (const auto& [text, kind] : samples)
    for (std::size_t other = 0; other < api_count; ++other) {
      const auto expected = static_cast<api>(other);
      parsed r(*text, expected);
      if (expected == kind) {
        EXPECT_TRUE(r.doc.has_value()) << api_name(kind) << ": " << describe(r.doc.error());
      } else {
        ASSERT_FALSE(r.doc.has_value()) << api_name(kind) << " read as " << api_name(expected);
        EXPECT_EQ(r.doc.error().code, error_code::unexpected_api) << api_name(kind) << " as " << api_name(expected);
      }
    }
}

TEST(Recognition, SupportedApisStillRecognized) {
  // ByID: an entry with one of its own keys wins over siblings' keys beside it.
  parsed a(with_pem(R"({"CertInfos":{"CertInfo":[{"CertId":"1","HttpsCrt":"PEM","Status":"x"}]},"RequestId":"r"})"));
  ASSERT_TRUE(a.doc.has_value()) << describe(a.doc.error());
  EXPECT_EQ(a.doc->kind, api::cdn_describe_certificate_info);
  // KMS DescribeCertificate by its own keys; CertificateId alone still reads as it.
  for (const char* text : {R"({"KeySpec":"RSA_2048"})", R"({"CertificateId":"c-1"})", R"({"SubjectKeyIdentifier":"01"})"}) {
    parsed r(text);
    ASSERT_TRUE(r.doc.has_value()) << text;
    EXPECT_EQ(r.doc->kind, api::kms_describe_certificate) << text;
  }
  // Keys KMS shares with the siblings recognize nothing on their own.
  for (const char* text : {R"({"Issuer":"CN=x","NotBefore":"2026-01-01T00:00:00Z"})",
                           R"({"SubjectAlternativeNames":"[\"a.example.com\"]","Status":"ACTIVE","Tags":"[]"})"})
    expect_unknown(text, text);
  // GetCertificate: its chain or CSR without DescribeCertificate's keys.
  parsed g(with_pem(R"({"CertificateId":"c-1","CertificateChain":"PEM"})"));
  ASSERT_TRUE(g.doc.has_value());
  EXPECT_EQ(g.doc->kind, api::kms_get_certificate);
}

}  // namespace
}  // namespace alicert::test
