// Recognition (docs/responses.md, Shared shapes): a document is taken for an
// API by keys only that API sends. Responses of sibling APIs, which share
// key names with the supported ones, are unknown_shape, never read as a
// supported API with meaningless findings.
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

TEST(Recognition, SiblingApisAreUnknownShape) {
  // SLB UploadServerCertificate: one entry's keys, flat; SubjectAlternativeNames is KMS's name too.
  expect_unknown(R"({"ServerCertificateId":"idkp-123-cn-hangzhou","Fingerprint":"01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:10:11:12:13:14",
      "ServerCertificateName":"mycert","ExpireTime":"2027-01-01T00:00:00Z","ExpireTimeStamp":1798761600000,
      "CommonName":"www.example.com","SubjectAlternativeNames":{"SubjectAlternativeName":["www.example.com"]},
      "RegionId":"cn-hangzhou","AliCloudCertificateId":"","IsAliCloudCertificate":0,"RequestId":"r-1"})",
                 "SLB UploadServerCertificate");
  // SLB DescribeServerCertificates.
  expect_unknown(R"({"RequestId":"r-2","ServerCertificates":{"ServerCertificate":[{"ServerCertificateId":"idkp-1",
      "Fingerprint":"01:02","CommonName":"a.example.com","ExpireTime":"2027-01-01T00:00:00Z"}]}})",
                 "SLB DescribeServerCertificates");
  // CAS SSL GetUserCertificateDetail: Issuer, NotBefore, NotAfter, Tags are KMS's names too.
  expect_unknown(with_pem(R"({"Id":12345,"Name":"cert-12345","Common":"www.example.com","Fingerprint":"AB12",
      "Cert":"PEM","Key":"-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n",
      "BuyInAliyun":false,"StartDate":"2026-01-01","EndDate":"2027-01-01","Expired":false,"Issuer":"DigiCert",
      "OrgName":"","Province":"","City":"","Country":"CN","Sans":"www.example.com,example.com",
      "NotBefore":1767225600000,"NotAfter":1798761600000,"SerialNo":"0abc","Sha2":"AB","Tags":[],"RequestId":"r-3"})"),
                 "CAS GetUserCertificateDetail");
  // CAS ListUserCertificateOrder.
  expect_unknown(R"({"CertificateOrderList":[{"CertificateId":11,"Name":"x","CommonName":"a.example.com",
      "Fingerprint":"AB","Sha2":"CD","SerialNo":"01","StartDate":"2026-01-01","EndDate":"2027-01-01"}],
      "TotalCount":1,"CurrentPage":1,"ShowSize":50,"RequestId":"r-4"})",
                 "CAS ListUserCertificateOrder");
  // CDN DescribeDomainCertificateInfo: the CertInfos envelope, entries of its own.
  expect_unknown(with_pem(R"({"CertInfos":{"CertInfo":[{"DomainName":"www.example.com","CertName":"c","CertDomainName":"*.example.com",
      "CertExpireTime":"2027-01-01T00:00:00Z","CertLife":"12 months","CertOrg":"DigiCert","CertType":"cas",
      "ServerCertificateStatus":"on","ServerCertificate":"PEM","Status":"success","CertId":"123"}]},"RequestId":"r-5"})"),
                 "CDN DescribeDomainCertificateInfo");
  // DCDN DescribeDcdnDomainCertificateInfo.
  expect_unknown(with_pem(R"({"CertInfos":{"CertInfo":[{"DomainName":"www.example.com","CertName":"c",
      "CertExpireTime":"2027-01-01T00:00:00Z","SSLProtocol":"on","SSLPub":"PEM","CertType":"upload"}]},"RequestId":"r-6"})"),
                 "DCDN DescribeDcdnDomainCertificateInfo");
  // VOD's twin, with DCDN's key names in its sample.
  expect_unknown(R"({"CertInfos":{"CertInfo":{"DomainName":"vod.example.com","SSLProtocol":"off","CertName":"v"}},"RequestId":"r-7"})",
                 "VOD DescribeVodDomainCertificateInfo");
  // CDN DescribeCdnCertificateDetail: CertId and CertName at the root, Cert and Key.
  expect_unknown(with_pem(R"({"CertId":1644,"CertName":"c","Cert":"PEM","Key":"k","RequestId":"r-8"})"),
                 "CDN DescribeCdnCertificateDetail");
}

TEST(Recognition, SupportedApisStillRecognized) {
  // ByID: an entry with one of its own keys wins over siblings' keys beside it.
  parsed a(with_pem(R"({"CertInfos":{"CertInfo":[{"CertId":"1","HttpsCrt":"PEM","Status":"x"}]},"RequestId":"r"})"));
  ASSERT_TRUE(a.doc.has_value()) << describe(a.doc.error());
  EXPECT_EQ(a.doc->kind, api::cdn_describe_certificate_info);
  // ByID: entries with only the keys both share, or no entry at all.
  for (const char* text : {R"({"CertInfos":{"CertInfo":[{"CertId":"1","CertName":"n","CertExpireTime":"2027-01-01 00:00:00 +0000 UTC"}]}})",
                           R"({"CertInfos":{}})", R"({"CertInfos":{"CertInfo":[]}})"}) {
    parsed r(text);
    ASSERT_TRUE(r.doc.has_value()) << text;
    EXPECT_EQ(r.doc->kind, api::cdn_describe_certificate_info) << text;
  }
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
