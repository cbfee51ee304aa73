// parser::records(): the normalized record of each API.
#include "support.h"

namespace alicert::test {
namespace {

TEST(Records, Cas) {
  parsed r(cas_with(
      R"("Identifier": "id1", "SerialNumber": "0a", "BeforeDate": 1000, "AfterDate": 2000, "SubjectDN": "CN=a", "Sans": "[{\"Type\": 2, \"Value\": \"a\"}]", "Sha2": "ff", "Md5": "ee", "Algorithm": "RSA", "KeySize": 2048, "SignAlgorithm": "SHA256WITHRSA", "Status": "ISSUE", "X509Certificate": "PEM")"));
  ASSERT_PARSED(r);
  auto recs = r.p.records(*r.doc);
  ASSERT_EQ(recs.size(), 1u);
  const certificate_record& c = recs[0];
  EXPECT_EQ(c.source, api::cas_describe_client_certificate);
  EXPECT_EQ(c.index, 0u);
  EXPECT_EQ(c.id.value, "id1");
  EXPECT_EQ(c.serial.value, "0a");
  EXPECT_EQ(c.not_before.value.time_since_epoch().count(), 1);
  EXPECT_EQ(c.not_after.value.time_since_epoch().count(), 2);
  EXPECT_EQ(c.subject.value, "CN=a");
  EXPECT_TRUE(c.issuer.absent());
  ASSERT_EQ(c.sans.entries.size(), 1u);
  EXPECT_EQ(c.sans.entries[0].type, san_type::dns);
  EXPECT_EQ(c.sha256.value, "ff");
  EXPECT_EQ(c.md5.value, "ee");
  EXPECT_EQ(c.key_algorithm.value, "RSA");
  EXPECT_EQ(c.key_size.value, 2048);
  EXPECT_EQ(c.signature_algorithm.value, "SHA256WITHRSA");
  EXPECT_EQ(c.status.value, "ISSUE");
  EXPECT_EQ(c.certificate_pem.value, "PEM");
  EXPECT_TRUE(c.public_key_pem.absent());
  EXPECT_EQ(c.cas, &r.doc->cas->certificate);
  EXPECT_EQ(c.kms_describe, nullptr);
  EXPECT_EQ(c.kms_get, nullptr);
  EXPECT_EQ(c.cdn, nullptr);
}

TEST(Records, KmsDescribe) {
  parsed r(kms_with(
      R"("Serial": "12", "NotBefore": "2020-10-13T03:09:00Z", "NotAfter": "2022-10-13T03:09:00Z", "Subject": "CN=s", "Issuer": "CN=i", "SubjectAlternativeNames": ["a"], "KeySpec": "EC_P256", "SignatureAlgorithm": "ECDSA-SHA256", "Status": "ACTIVE", "SubjectPublicKey": "PUB")"));
  ASSERT_PARSED(r);
  auto recs = r.p.records(*r.doc);
  ASSERT_EQ(recs.size(), 1u);
  const certificate_record& c = recs[0];
  EXPECT_EQ(c.source, api::kms_describe_certificate);
  EXPECT_EQ(c.id.value, "c");
  EXPECT_EQ(c.serial.value, "12");
  EXPECT_EQ(c.not_before.value, at_utc(2020, 10, 13, 3, 9, 0));
  EXPECT_EQ(c.not_after.value, at_utc(2022, 10, 13, 3, 9, 0));
  EXPECT_EQ(c.subject.value, "CN=s");
  EXPECT_EQ(c.issuer.value, "CN=i");
  EXPECT_EQ(values_of(c.sans.entries), std::vector<std::string>{"a"});
  EXPECT_EQ(c.key_algorithm.value, "EC_P256");
  EXPECT_TRUE(c.key_size.absent());
  EXPECT_EQ(c.signature_algorithm.value, "ECDSA-SHA256");
  EXPECT_EQ(c.status.value, "ACTIVE");
  EXPECT_EQ(c.public_key_pem.value, "PUB");
  EXPECT_TRUE(c.certificate_pem.absent());
  EXPECT_TRUE(c.sha256.absent());
  EXPECT_EQ(c.kms_describe, r.doc->kms_describe);
  EXPECT_EQ(c.cas, nullptr);
}

TEST(Records, KmsGet) {
  parsed r(R"({"CertificateId": "c9", "Certificate": "PEM", "CertificateChain": "CHAIN"})");
  ASSERT_PARSED(r);
  auto recs = r.p.records(*r.doc);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].source, api::kms_get_certificate);
  EXPECT_EQ(recs[0].id.value, "c9");
  EXPECT_EQ(recs[0].certificate_pem.value, "PEM");
  EXPECT_TRUE(recs[0].serial.absent());
  EXPECT_EQ(recs[0].kms_get, r.doc->kms_get);
}

TEST(Records, CdnOnePerEntry) {
  parsed r(R"({"CertInfos": {"CertInfo": [
    {"CertId": "1", "CreateTime": "2015-12-21 08:02:07 +0000 UTC", "CertExpireTime": "2098-02-08 08:02:07 +0000 UTC", "HttpsCrt": "PEM1", "DomainList": "a.com"},
    {"CertId": 2, "HttpsCrt": "PEM2", "DomainList": ["b.com", "c.com"]}]}})");
  ASSERT_PARSED(r);
  auto recs = r.p.records(*r.doc);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].source, api::cdn_describe_certificate_info);
  EXPECT_EQ(recs[0].index, 0u);
  EXPECT_EQ(recs[0].id.value, "1");
  EXPECT_EQ(recs[0].not_before.value, at_utc(2015, 12, 21, 8, 2, 7));
  EXPECT_EQ(recs[0].not_after.value, at_utc(2098, 2, 8, 8, 2, 7));
  EXPECT_EQ(recs[0].certificate_pem.value, "PEM1");
  EXPECT_EQ(values_of(recs[0].sans.entries), std::vector<std::string>{"a.com"});
  EXPECT_EQ(recs[0].cdn, &r.doc->cdn->cert_infos[0]);
  EXPECT_EQ(recs[1].index, 1u);
  EXPECT_EQ(recs[1].id.value, "2");
  EXPECT_EQ(values_of(recs[1].sans.entries), (std::vector<std::string>{"b.com", "c.com"}));
  EXPECT_TRUE(recs[1].not_before.absent());
  EXPECT_EQ(recs[1].cdn, &r.doc->cdn->cert_infos[1]);
}

TEST(Records, NoneForAnErrorEnvelopeOrAnEmptyList) {
  parsed e(R"({"Code": "NotFound"})");
  ASSERT_PARSED(e);
  EXPECT_TRUE(e.p.records(*e.doc).empty());
  parsed c(R"({"CertInfos": {}})");
  ASSERT_PARSED(c);
  EXPECT_TRUE(c.p.records(*c.doc).empty());
}

TEST(Records, CalledTwiceGivesTheSame) {
  parsed r(cas_with(R"("Identifier": "x")"));
  ASSERT_PARSED(r);
  auto a = r.p.records(*r.doc);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].id.value, "x");
  auto b = r.p.records(*r.doc);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].id.value, "x");
}

}  // namespace
}  // namespace alicert::test
