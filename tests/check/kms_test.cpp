// KMS DescribeCertificate (on its own and with its GetCertificate) and GetCertificate.
#include <gtest/gtest.h>

#include <functional>

#include "support.h"

namespace {

using namespace checktest;
using alicert::check_id;
using alicert::finding_status;

const alicert::utc_seconds now = at(1767225600);  // 2026-01-01

cert_spec kms_spec(key_kind k) {
  cert_spec s;
  s.kind = k;
  s.subject = {{"C", "CN"}, {"O", "aliyun"}, {"OU", "aliyun"}, {"CN", "userName"}};
  s.issuer = {{"C", "CN"}, {"O", "aliyun"}, {"OU", "kms"}, {"CN", "testCA"}};
  s.issuer_key = key(k, 1);  // same family: the on-its-own signature check compares with KeySpec
  s.san = "DNS:test1.example.com,DNS:test2.example.com,IP:2001:db8::1";
  s.serial_hex = "BC614E";  // 12345678
  return s;
}

class KmsKeys : public ::testing::TestWithParam<key_kind> {};

TEST_P(KmsKeys, PairedDocumentsAreConsistent) {
  const key_kind k = GetParam();
  cert c = make_cert(kms_spec(k));
  kms_docs d(c, k);
  alicert::checker ch;
  auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->certificates.size(), 1u);
  const auto& cr = r->certificates[0];
  EXPECT_TRUE(failures(cr).empty()) << dump(cr);
  for (check_id id : {check_id::serial, check_id::not_before, check_id::not_after, check_id::subject,
                      check_id::issuer, check_id::sans, check_id::key_spec, check_id::signature_algorithm,
                      check_id::subject_key_identifier, check_id::public_key})
    EXPECT_EQ(status(cr, id), finding_status::match) << alicert::check_name(id) << ": " << dump(cr);
  // The describe names the certificate it was checked against (the pair's).
  EXPECT_EQ(status(cr, check_id::certificate), finding_status::match);
  EXPECT_EQ(of(cr, check_id::certificate)[0].field, "GetCertificate.Certificate");
  EXPECT_TRUE(of(cr, check_id::chain).empty());
  EXPECT_TRUE(cr.facts.decoded);
  EXPECT_EQ(cr.facts.serial, "bc614e");
  EXPECT_TRUE(cr.facts.sha256.empty());
}

TEST_P(KmsKeys, DescribeOnItsOwn) {
  const key_kind k = GetParam();
  cert c = make_cert(kms_spec(k));
  kms_docs d(c, k);
  alicert::checker ch;
  auto* r = &ch.check(d.describe_doc, {.now = now});
  const auto& cr = r->certificates[0];
  EXPECT_TRUE(failures(cr).empty()) << dump(cr);
  EXPECT_FALSE(cr.facts.decoded);
  EXPECT_EQ(status(cr, check_id::key_spec), finding_status::match) << dump(cr);
  EXPECT_EQ(status(cr, check_id::subject_key_identifier), finding_status::match) << dump(cr);
  // SignatureAlgorithm names how the issuer signed: the key alone cannot say.
  for (check_id id : {check_id::certificate, check_id::serial, check_id::not_before, check_id::not_after,
                      check_id::subject, check_id::issuer, check_id::sans, check_id::signature_algorithm,
                      check_id::public_key})
    EXPECT_EQ(status(cr, id), finding_status::unverifiable) << alicert::check_name(id);
}

struct mutation {
  const char* name;
  check_id expected;
  std::function<void(alicert::kms_describe_view&, text_store&)> apply;
};

TEST_P(KmsKeys, EachAlteredFieldIsExactlyThatMismatch) {
  const key_kind k = GetParam();
  const bool rsa = k == key_kind::rsa2048 || k == key_kind::rsa3072 || k == key_kind::rsa4096;
  cert c = make_cert(kms_spec(k));
  const std::vector<mutation> ms = {
      {"serial", check_id::serial, [](auto& v, auto& t) { v.serial = t.text("12345679"); }},
      {"not_before", check_id::not_before,
       [](auto& v, auto& t) { v.not_before = t.time("2020-10-13T03:09:00Z", 1602558540); }},
      {"not_after", check_id::not_after,
       [](auto& v, auto& t) { v.not_after = t.time("x", v.not_after.value.time_since_epoch().count() + 1); }},
      {"subject", check_id::subject, [](auto& v, auto& t) { v.subject = t.text("CN=userName,OU=aliyun,O=aliyun,C=US"); }},
      {"issuer", check_id::issuer, [](auto& v, auto& t) { v.issuer = t.text("CN=testCA,OU=kms,O=aliyun"); }},
      {"sans", check_id::sans,
       [](auto& v, auto& t) {
         v.subject_alternative_names = t.names({{alicert::san_type::unspecified, 0, "test1.example.com"},
                                                {alicert::san_type::unspecified, 0, "2001:db8::1"}});
       }},
      {"key_spec", check_id::key_spec,
       [rsa, k](auto& v, auto& t) {
         v.key_spec = t.text(rsa ? (k == key_kind::rsa2048 ? "RSA_3072" : "RSA_2048")
                                 : (k == key_kind::p256 ? "EC_P256K" : "EC_P256"));
       }},
      {"signature", check_id::signature_algorithm,
       [rsa](auto& v, auto& t) { v.signature_algorithm = t.text(rsa ? "RSA_PSS_SHA_256" : "ECDSA_SHA_512"); }},
      {"ski", check_id::subject_key_identifier,
       [](auto& v, auto& t) { v.subject_key_identifier = t.text("79 36 26 DE 9F F5 15 E3 56 DC"); }},
      {"public_key", check_id::public_key,
       [k](auto& v, auto& t) {
         cert_spec s;
         s.kind = k;
         s.key_index = 2;
         v.subject_public_key = t.text(pubkey_pem(make_cert(s).x.get()));
       }},
  };
  alicert::checker ch;
  for (const auto& m : ms) {
    if (k == key_kind::sm2 && (m.expected == check_id::key_spec || m.expected == check_id::signature_algorithm))
      continue;  // one SM2 curve, one SM2 signature
    kms_docs d(c, k);
    m.apply(d.describe, d.t);
    auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
    const auto f = failures(r->certificates[0]);
    ASSERT_EQ(f.size(), 1u) << m.name << ": " << dump(r->certificates[0]);
    EXPECT_EQ(f[0].rfind(std::string(alicert::check_name(m.expected)) + ":mismatch:", 0), 0u) << m.name << ": " << f[0];
  }
}

INSTANTIATE_TEST_SUITE_P(Keys, KmsKeys,
                         ::testing::Values(key_kind::rsa2048, key_kind::rsa3072, key_kind::rsa4096, key_kind::p256,
                                           key_kind::p384, key_kind::p521, key_kind::secp256k1, key_kind::sm2),
                         [](const auto& info) { return std::string(key_kind_name(info.param)); });

TEST(Kms, SerialAsDecimalMatchesWithAQuirk) {
  cert c = make_cert(kms_spec(key_kind::rsa2048));
  kms_docs d(c, key_kind::rsa2048);
  d.describe.serial = d.t.text(serial_decimal(c.x.get()));
  ASSERT_EQ(d.describe.serial.text, "12345678");
  alicert::checker ch;
  auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  const auto& cr = r->certificates[0];
  EXPECT_EQ(status(cr, check_id::serial), finding_status::match);
  EXPECT_TRUE(cr.quirks.has(alicert::quirk::serial_decimal));
  EXPECT_TRUE(r->quirks.has(alicert::quirk::serial_decimal));
  // a long decimal serial (20 bytes)
  cert_spec s = kms_spec(key_kind::p256);
  s.serial_hex = "7f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";
  cert big = make_cert(s);
  kms_docs e(big, key_kind::p256);
  e.describe.serial = e.t.text(serial_decimal(big.x.get()));
  r = &ch.check(e.describe_doc, {.now = now, .paired_get = &e.get});
  EXPECT_EQ(status(r->certificates[0], check_id::serial), finding_status::match);
  e.describe.serial = e.t.text(serial_decimal(big.x.get()) + "1");
  r = &ch.check(e.describe_doc, {.now = now, .paired_get = &e.get});
  EXPECT_EQ(status(r->certificates[0], check_id::serial), finding_status::mismatch);
}

TEST(Kms, SubjectKeyIdentifierMethods) {
  cert_spec s = kms_spec(key_kind::p256);
  s.ski = "";  // no extension: the key decides
  cert c = make_cert(s);
  const auto h = key_sha1(c.x.get());
  const std::string one = hex_of(h.data(), 20, " ", true);
  std::vector<unsigned char> m2(h.end() - 8, h.end());
  m2[0] = static_cast<unsigned char>(0x40 | (m2[0] & 0x0f));
  const std::string two = hex_of(m2.data(), 8, ":");
  alicert::checker ch;
  for (bool paired : {false, true}) {
    kms_docs d(c, key_kind::p256);
    d.describe.subject_key_identifier = d.t.text(one);
    auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = paired ? &d.get : nullptr});
    EXPECT_EQ(status(r->certificates[0], check_id::subject_key_identifier), finding_status::match);
    d.describe.subject_key_identifier = d.t.text(two);
    r = &ch.check(d.describe_doc, {.now = now, .paired_get = paired ? &d.get : nullptr});
    EXPECT_EQ(status(r->certificates[0], check_id::subject_key_identifier), finding_status::match)
        << dump(r->certificates[0]);
    d.describe.subject_key_identifier = d.t.text("01 02 03 04");
    r = &ch.check(d.describe_doc, {.now = now, .paired_get = paired ? &d.get : nullptr});
    EXPECT_EQ(status(r->certificates[0], check_id::subject_key_identifier), finding_status::unverifiable);
    d.describe.subject_key_identifier = d.t.text("79 36 26 DE 9F F5 15 E3 56 DC ********");
    r = &ch.check(d.describe_doc, {.now = now, .paired_get = paired ? &d.get : nullptr});
    EXPECT_EQ(status(r->certificates[0], check_id::subject_key_identifier), finding_status::masked);
    d.describe.subject_key_identifier = d.t.text("79 36 GG");
    r = &ch.check(d.describe_doc, {.now = now, .paired_get = paired ? &d.get : nullptr});
    EXPECT_EQ(status(r->certificates[0], check_id::subject_key_identifier), finding_status::invalid);
  }
  // with an extension, the extension decides
  cert_spec t = kms_spec(key_kind::p256);
  t.ski = "0A:0B:0C:0D";
  cert e = make_cert(t);
  kms_docs d(e, key_kind::p256);
  ASSERT_EQ(d.describe.subject_key_identifier.text, "0A 0B 0C 0D");
  auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  EXPECT_EQ(status(r->certificates[0], check_id::subject_key_identifier), finding_status::match);
  d.describe.subject_key_identifier = d.t.text(hex_of(key_sha1(e.x.get()).data(), 20, " ", true));
  r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  EXPECT_EQ(status(r->certificates[0], check_id::subject_key_identifier), finding_status::mismatch);
  r = &ch.check(d.describe_doc, {.now = now});  // on its own: method 1 of SubjectPublicKey
  EXPECT_EQ(status(r->certificates[0], check_id::subject_key_identifier), finding_status::match);
}

TEST(Kms, SignatureAlgorithmIsComparedWithTheCertificateOnly) {
  cert c = make_cert(kms_spec(key_kind::rsa2048));
  kms_docs d(c, key_kind::rsa2048);
  alicert::checker ch;
  // On its own it says nothing about the key: an EC key is often signed by an
  // RSA CA, and the documented sample pairs RSA_2048 with ECDSA-SHA256.
  for (const char* name : {"RSA2048-SHA256", "ECDSA-SHA256", "SM2-SM3", "MLDSA65"}) {
    d.describe.signature_algorithm = d.t.text(name);
    auto* r = &ch.check(d.describe_doc, {.now = now});
    EXPECT_EQ(status(r->certificates[0], check_id::signature_algorithm), finding_status::unverifiable) << name;
    EXPECT_TRUE(failures(r->certificates[0]).empty()) << name << ": " << dump(r->certificates[0]);
  }
  // With the certificate: its own algorithm (PKCS#1 v1.5 with SHA-256).
  for (const char* name : {"RSA2048-SHA256", "RSA_PKCS1_SHA_256", "sha256WithRSAEncryption"}) {
    d.describe.signature_algorithm = d.t.text(name);
    auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
    EXPECT_EQ(status(r->certificates[0], check_id::signature_algorithm), finding_status::match) << name;
  }
  for (const char* name : {"RSA_PSS_SHA_256", "ECDSA-SHA256", "RSA2048-SHA384"}) {
    d.describe.signature_algorithm = d.t.text(name);
    auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
    EXPECT_EQ(status(r->certificates[0], check_id::signature_algorithm), finding_status::mismatch) << name;
  }
}

TEST(Kms, AWrongKeySpecIsOneMismatch) {
  cert c = make_cert(kms_spec(key_kind::rsa2048));
  kms_docs d(c, key_kind::rsa2048);
  d.describe.key_spec = d.t.text("EC_P256");
  alicert::checker ch;
  for (bool paired : {false, true}) {
    auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = paired ? &d.get : nullptr});
    const auto f = failures(r->certificates[0]);
    ASSERT_EQ(f.size(), 1u) << dump(r->certificates[0]);
    EXPECT_EQ(f[0].rfind("key_spec:mismatch", 0), 0u) << f[0];
  }
}

TEST(Kms, RsaPssCertificate) {
  cert_spec s = kms_spec(key_kind::rsa2048);
  s.pss = true;
  cert c = make_cert(s);
  kms_docs d(c, key_kind::rsa2048);
  ASSERT_EQ(d.describe.signature_algorithm.text, "RSA_PSS_SHA_256");
  alicert::checker ch;
  auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  EXPECT_TRUE(failures(r->certificates[0]).empty()) << dump(r->certificates[0]);
  EXPECT_EQ(r->certificates[0].facts.signature_algorithm, "rsassaPss");
}

TEST(Kms, KeySpecOutsideTheKnownOnes) {
  cert_spec s = kms_spec(key_kind::ed25519);
  cert c = make_cert(s);
  kms_docs d(c, key_kind::ed25519);
  alicert::checker ch;
  auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  const auto& cr = r->certificates[0];
  EXPECT_EQ(status(cr, check_id::key_spec), finding_status::unverifiable);
  EXPECT_EQ(status(cr, check_id::signature_algorithm), finding_status::unverifiable);
  EXPECT_TRUE(failures(cr).empty()) << dump(cr);
}

TEST(Kms, SubjectPublicKeyShapes) {
  cert c = make_cert(kms_spec(key_kind::p256));
  alicert::checker ch;
  kms_docs d(c, key_kind::p256);
  std::string pem(d.describe.subject_public_key.text);
  std::string spaced;
  for (char ch2 : pem) spaced += ch2 == '\n' ? ' ' : ch2;
  d.describe.subject_public_key = d.t.text(spaced);  // the documented shape
  auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  EXPECT_EQ(status(r->certificates[0], check_id::public_key), finding_status::match) << dump(r->certificates[0]);
  d.describe.subject_public_key = d.t.text("-----BEGIN PUBLIC KEY----- MIIBIjA -----END PUBLIC KEY-----");
  r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  EXPECT_EQ(status(r->certificates[0], check_id::public_key), finding_status::invalid);
  EXPECT_EQ(status(r->certificates[0], check_id::key_spec), finding_status::match);  // the certificate's key
}

TEST(Kms, PairedGetWithoutCertificate) {
  cert c = make_cert(kms_spec(key_kind::p256));
  kms_docs d(c, key_kind::p256);
  d.get.certificate = {};
  alicert::checker ch;
  auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  const auto& cr = r->certificates[0];
  EXPECT_EQ(status(cr, check_id::serial), finding_status::unverifiable);
  EXPECT_EQ(of(cr, check_id::serial)[0].note, "the paired GetCertificate has no decodable certificate");
}

// -- GetCertificate -----------------------------------------------------------

struct chain3 {
  cert root, inter, leaf;
  chain3(key_kind k) {
    cert_spec r;
    r.kind = k;
    r.key_index = 3;
    r.subject = {{"C", "CN"}, {"O", "aliyun"}, {"CN", "Root CA"}};
    r.san = "";
    root = make_cert(r);
    cert_spec i;
    i.kind = k;
    i.key_index = 4;
    i.subject = {{"C", "CN"}, {"O", "aliyun"}, {"OU", "kms"}, {"CN", "testCA"}};
    i.issuer = r.subject;
    i.issuer_key = key(k, 3);
    i.san = "";
    inter = make_cert(i);
    cert_spec l = kms_spec(k);
    l.issuer = i.subject;
    l.issuer_key = key(k, 4);
    leaf = make_cert(l);
  }
};

TEST(KmsGet, ChainAndCsr) {
  for (key_kind k : {key_kind::rsa2048, key_kind::p384, key_kind::sm2, key_kind::ed25519}) {
    chain3 c(k);
    kms_docs d(c.leaf, k, c.inter.pem + c.root.pem, csr_pem(key(k, 0)));
    alicert::checker ch;
    auto* r = &ch.check(d.get_doc, {.now = now});
    ASSERT_EQ(r->certificates.size(), 1u);
    const auto& cr = r->certificates[0];
    ASSERT_EQ(cr.findings.size(), 3u) << dump(cr);
    EXPECT_EQ(status(cr, check_id::certificate), finding_status::match);
    EXPECT_EQ(status(cr, check_id::chain), finding_status::match) << dump(cr);
    EXPECT_EQ(status(cr, check_id::csr_public_key), finding_status::match) << dump(cr);
    EXPECT_EQ(of(cr, check_id::chain)[0].field, "GetCertificate.CertificateChain");
    EXPECT_TRUE(cr.facts.decoded);
    // out of order
    kms_docs w(c.leaf, k, c.root.pem + c.inter.pem, csr_pem(key(k, 1)));
    r = &ch.check(w.get_doc, {.now = now});
    const auto f = failures(r->certificates[0]);
    ASSERT_EQ(f.size(), 2u) << dump(r->certificates[0]);
    EXPECT_EQ(status(r->certificates[0], check_id::chain), finding_status::mismatch);
    EXPECT_EQ(status(r->certificates[0], check_id::csr_public_key), finding_status::mismatch);
  }
}

TEST(KmsGet, AbsentAndInvalidParts) {
  chain3 c(key_kind::p256);
  kms_docs d(c.leaf, key_kind::p256);
  alicert::checker ch;
  auto* r = &ch.check(d.get_doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::chain), finding_status::absent);
  EXPECT_EQ(status(r->certificates[0], check_id::csr_public_key), finding_status::absent);
  d.get.certificate_chain = d.t.text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
  d.get.csr = d.t.text(c.inter.pem);  // a certificate, not a request
  r = &ch.check(d.get_doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::chain), finding_status::invalid);
  EXPECT_EQ(status(r->certificates[0], check_id::csr_public_key), finding_status::invalid);
  d.get.certificate = d.t.text("garbage");
  d.get.certificate_chain = d.t.text(c.inter.pem);
  d.get.csr = d.t.text(csr_pem(key(key_kind::p256)));
  r = &ch.check(d.get_doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::certificate), finding_status::invalid);
  EXPECT_EQ(status(r->certificates[0], check_id::chain), finding_status::unverifiable);
  EXPECT_EQ(status(r->certificates[0], check_id::csr_public_key), finding_status::unverifiable);
}

}  // namespace
