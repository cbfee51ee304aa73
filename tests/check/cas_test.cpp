// CAS DescribeClientCertificate: each reported field against the certificate.
#include <gtest/gtest.h>

#include <functional>

#include "support.h"

namespace {

using namespace checktest;
using alicert::check_id;
using alicert::finding_status;

const alicert::utc_seconds now = at(1767225600);  // 2026-01-01

class CasKeys : public ::testing::TestWithParam<key_kind> {};

cert_spec spec_for(key_kind k) {
  cert_spec s;
  s.kind = k;
  s.san = "DNS:leaf.example.com,DNS:*.api.example.com,IP:192.0.2.10,IP:2001:db8::10,"
          "email:ops@example.com,URI:https://example.com/ca";
  s.md = (k == key_kind::p384) ? "SHA384" : (k == key_kind::p521 || k == key_kind::rsa4096) ? "SHA512" : "SHA256";
  return s;
}

TEST_P(CasKeys, ConsistentDocumentHasNoFailure) {
  const key_kind k = GetParam();
  cert c = make_cert(spec_for(k));
  cas_doc d(c, k);
  alicert::checker ch;
  auto* r = &ch.check(d.doc, {.now = now});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->certificates.size(), 1u);
  const auto& cr = r->certificates[0];
  EXPECT_TRUE(failures(cr).empty()) << dump(cr);
  EXPECT_FALSE(r->failed());
  // every reported field of the API is a match
  for (check_id id : {check_id::certificate, check_id::serial, check_id::not_before, check_id::not_after,
                      check_id::validity_days, check_id::sha256, check_id::md5, check_id::subject,
                      check_id::common_name, check_id::organization, check_id::organizational_unit,
                      check_id::locality, check_id::state, check_id::country, check_id::sans,
                      check_id::key_algorithm, check_id::key_size, check_id::signature_algorithm})
    EXPECT_EQ(status(cr, id), finding_status::match) << alicert::check_name(id) << ": " << dump(cr);
  // facts agree with OpenSSL
  X509* x = c.x.get();
  EXPECT_TRUE(cr.facts.decoded);
  EXPECT_EQ(cr.facts.serial, serial_hex(x));
  EXPECT_EQ(cr.facts.not_before.time_since_epoch().count(), not_before(x));
  EXPECT_EQ(cr.facts.not_after.time_since_epoch().count(), not_after(x));
  EXPECT_EQ(cr.facts.subject, subject_text(x));
  EXPECT_EQ(cr.facts.issuer, issuer_text(x));
  EXPECT_EQ(cr.facts.sha256, digest(x, EVP_sha256()));
  EXPECT_EQ(cr.facts.md5, digest(x, EVP_md5()));
  EXPECT_EQ(cr.facts.key_size, key_bits(k));
  EXPECT_EQ(cr.facts.signature_algorithm, OBJ_nid2ln(X509_get_signature_nid(x)));
  EXPECT_EQ(cr.facts.validity_at_now, alicert::validity_state::valid);
  const auto sans = sans_of(x);
  ASSERT_EQ(cr.facts.sans.size(), sans.size());
  for (std::size_t i = 0; i < sans.size(); ++i) {
    if (sans[i].type == GEN_IPADD)
      EXPECT_EQ(alicert::parse_ip(cr.facts.sans[i].value), alicert::parse_ip(sans[i].value));
    else
      EXPECT_EQ(cr.facts.sans[i].value, sans[i].value);
  }
  EXPECT_EQ(cr.id.text, "cas-0001");
}

struct mutation {
  const char* name;
  check_id expected;
  std::function<void(alicert::cas_certificate_view&, text_store&)> apply;
};

std::vector<mutation> mutations(key_kind k) {
  const bool rsa = k == key_kind::rsa2048 || k == key_kind::rsa3072 || k == key_kind::rsa4096;
  return {
      {"serial", check_id::serial, [](auto& v, auto& t) { v.serial_number = t.text("0badc0ffee"); }},
      {"before", check_id::not_before,
       [](auto& v, auto& t) { v.before_date = t.time("1", v.before_date.value.time_since_epoch().count() + 1); }},
      {"after", check_id::not_after,
       [](auto& v, auto& t) { v.after_date = t.time("1", v.after_date.value.time_since_epoch().count() - 3600); }},
      {"days", check_id::validity_days, [](auto& v, auto& t) { v.days = t.integer(v.days.value + 2); }},
      {"sha2", check_id::sha256,
       [](auto& v, auto& t) {
         std::string s(v.sha2.text);
         s[5] = s[5] == 'A' ? 'B' : 'A';
         v.sha2 = t.text(s);
       }},
      {"md5", check_id::md5,
       [](auto& v, auto& t) {
         std::string s(v.md5.text);
         s[0] = s[0] == '0' ? '1' : '0';
         v.md5 = t.text(s);
       }},
      {"subject", check_id::subject,
       [](auto& v, auto& t) { v.subject_dn = t.text("C=CN,O=Example Org,OU=Ops,L=Hangzhou,ST=Zhejiang,CN=other"); }},
      {"cn", check_id::common_name, [](auto& v, auto& t) { v.common_name = t.text("other.example.com"); }},
      {"o", check_id::organization, [](auto& v, auto& t) { v.organization = t.text("Other Org"); }},
      {"ou", check_id::organizational_unit, [](auto& v, auto& t) { v.organization_unit = t.text("Dev"); }},
      {"l", check_id::locality, [](auto& v, auto& t) { v.locality = t.text("Beijing"); }},
      {"st", check_id::state, [](auto& v, auto& t) { v.state = t.text("Guangdong"); }},
      {"c", check_id::country, [](auto& v, auto& t) { v.country_code = t.text("US"); }},
      {"sans", check_id::sans,
       [](auto& v, auto& t) {
         std::vector<alicert::san_entry> e(v.sans.entries.begin(), v.sans.entries.end());
         e.push_back({alicert::san_type::dns, 2, "extra.example.com"});
         v.sans = t.names(e);
       }},
      {"sans_missing", check_id::sans,
       [](auto& v, auto& t) {
         std::vector<alicert::san_entry> e(v.sans.entries.begin() + 1, v.sans.entries.end());
         v.sans = t.names(e);
       }},
      {"algorithm", check_id::key_algorithm, [rsa](auto& v, auto& t) { v.algorithm = t.text(rsa ? "ECC" : "RSA"); }},
      {"key_size", check_id::key_size, [](auto& v, auto& t) { v.key_size = t.integer(1024); }},
      {"sign", check_id::signature_algorithm,
       [rsa](auto& v, auto& t) { v.sign_algorithm = t.text(rsa ? "SHA1WITHRSA" : "SHA224WITHECDSA"); }},
  };
}

TEST_P(CasKeys, EachAlteredFieldIsExactlyThatMismatch) {
  const key_kind k = GetParam();
  cert c = make_cert(spec_for(k));
  alicert::checker ch;
  for (const auto& m : mutations(k)) {
    cas_doc d(c, k);
    m.apply(d.view.certificate, d.t);
    auto* r = &ch.check(d.doc, {.now = now});
    ASSERT_TRUE(r);
    const auto f = failures(r->certificates[0]);
    ASSERT_EQ(f.size(), 1u) << m.name << ": " << dump(r->certificates[0]);
    EXPECT_EQ(f[0].rfind(std::string(alicert::check_name(m.expected)) + ":mismatch:", 0), 0u) << m.name << ": " << f[0];
  }
}

INSTANTIATE_TEST_SUITE_P(Keys, CasKeys,
                         ::testing::Values(key_kind::rsa2048, key_kind::rsa3072, key_kind::rsa4096, key_kind::p256,
                                           key_kind::p384, key_kind::p521, key_kind::secp256k1, key_kind::sm2,
                                           key_kind::ed25519, key_kind::ed448),
                         [](const auto& info) { return std::string(key_kind_name(info.param)); });

TEST(Cas, FullAlgorithmGivesKeyAlgorithmAndSize) {
  cert c = make_cert(spec_for(key_kind::rsa2048));
  alicert::checker ch;
  {
    cas_doc d(c, key_kind::rsa2048);
    d.view.certificate.full_algorithm = d.t.text("RSA_2048");
    auto* r = &ch.check(d.doc, {.now = now});
    const auto& cr = r->certificates[0];
    EXPECT_TRUE(failures(cr).empty()) << dump(cr);
    // One finding per check: Algorithm and FullAlgorithm report one property.
    ASSERT_EQ(of(cr, check_id::key_algorithm).size(), 1u);
    ASSERT_EQ(of(cr, check_id::key_size).size(), 1u);
    EXPECT_EQ(of(cr, check_id::key_algorithm)[0].field, "Algorithm,FullAlgorithm");
    EXPECT_EQ(of(cr, check_id::key_size)[0].field, "KeySize,FullAlgorithm");
    EXPECT_EQ(of(cr, check_id::key_size)[0].status, finding_status::match);
  }
  {
    cas_doc d(c, key_kind::rsa2048);
    d.view.certificate.full_algorithm = d.t.text("RSA_4096");
    auto* r = &ch.check(d.doc, {.now = now});
    const auto f = failures(r->certificates[0]);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].rfind("key_size:mismatch:KeySize,FullAlgorithm", 0), 0u) << f[0];
    const auto size = of(r->certificates[0], check_id::key_size)[0];
    EXPECT_NE(size.note.find("KeySize: match"), std::string_view::npos) << size.note;
    EXPECT_NE(size.note.find("FullAlgorithm: mismatch"), std::string_view::npos) << size.note;
    EXPECT_EQ(size.reported, "2048, RSA_4096");
  }
  {
    // Only FullAlgorithm reported: the finding is its alone.
    cas_doc d(c, key_kind::rsa2048);
    d.view.certificate.full_algorithm = d.t.text("RSA_2048");
    d.view.certificate.algorithm = {};
    d.view.certificate.key_size = {};
    auto* r = &ch.check(d.doc, {.now = now});
    EXPECT_EQ(of(r->certificates[0], check_id::key_algorithm)[0].field, "FullAlgorithm");
    EXPECT_EQ(of(r->certificates[0], check_id::key_algorithm)[0].status, finding_status::match);
  }
  {
    cert e = make_cert(spec_for(key_kind::p384));
    cas_doc d(e, key_kind::p384);
    d.view.certificate.full_algorithm = d.t.text("EC_P384");
    d.view.certificate.algorithm = d.t.text("ecc");
    auto* r = &ch.check(d.doc, {.now = now});
    EXPECT_TRUE(failures(r->certificates[0]).empty()) << dump(r->certificates[0]);
  }
}

TEST(Cas, AttributesMatchTheSubjectOrTheIssuer) {
  cert_spec s = spec_for(key_kind::p256);
  s.issuer = {{"C", "CN"}, {"O", "Issuing CA Org"}, {"OU", "PKI"}, {"CN", "Issuing CA"}};
  cert c = make_cert(s);
  cas_doc d(c, key_kind::p256);
  d.view.certificate.organization = d.t.text("Issuing CA Org");
  d.view.certificate.organization_unit = d.t.text("Ops");
  alicert::checker ch;
  auto* r = &ch.check(d.doc, {.now = now});
  const auto& cr = r->certificates[0];
  EXPECT_TRUE(failures(cr).empty()) << dump(cr);
  EXPECT_EQ(of(cr, check_id::organization)[0].note, "matches the issuer");
  EXPECT_EQ(of(cr, check_id::organizational_unit)[0].note, "matches the subject");
  EXPECT_EQ(of(cr, check_id::country)[0].note, "matches the subject and the issuer");
}

// The checker keeps the last issuer it read (its pairs and its text) for
// the next certificate whose issuer has the very same bytes. Interleaved
// issuers, one checker: each certificate gets its own issuer's text and its
// own verdict. B's issuer differs from A's in one byte (same length); D's
// issuer has another organization, so the reported "Issuing CA Org" that
// matches A's issuer is a mismatch for D.
TEST(Cas, AKeptIssuerServesOnlyTheSameBytes) {
  const auto issued_by = [](const std::string& cn, const std::string& org) {
    cert_spec s = spec_for(key_kind::p256);
    s.issuer = {{"C", "CN"}, {"O", org}, {"CN", cn}};
    return make_cert(s);
  };
  cert a = issued_by("Issuing AAAA", "Issuing CA Org");
  cert b = issued_by("Issuing AAAB", "Issuing CA Org");
  cert d = issued_by("Issuing AAAA", "Issuing CA Orh");
  struct expected {
    cert* c;
    const char* issuer;
    finding_status organization;
  };
  const expected sequence[] = {
      {&a, "CN=Issuing AAAA,O=Issuing CA Org,C=CN", finding_status::match},
      {&b, "CN=Issuing AAAB,O=Issuing CA Org,C=CN", finding_status::match},
      {&a, "CN=Issuing AAAA,O=Issuing CA Org,C=CN", finding_status::match},
      {&d, "CN=Issuing AAAA,O=Issuing CA Orh,C=CN", finding_status::mismatch},
      {&d, "CN=Issuing AAAA,O=Issuing CA Orh,C=CN", finding_status::mismatch},
      {&a, "CN=Issuing AAAA,O=Issuing CA Org,C=CN", finding_status::match},
  };
  alicert::checker ch;
  for (const expected& e : sequence) {
    SCOPED_TRACE(e.issuer);
    cas_doc doc(*e.c, key_kind::p256);
    doc.view.certificate.organization = doc.t.text("Issuing CA Org");
    const auto& cr = ch.check(doc.doc, {.now = now}).certificates[0];
    EXPECT_EQ(cr.facts.issuer, e.issuer);
    ASSERT_EQ(of(cr, check_id::organization).size(), 1u);
    EXPECT_EQ(of(cr, check_id::organization)[0].status, e.organization) << dump(cr);
  }
}

TEST(Cas, CountryComparesCaseInsensitively) {
  cert c = make_cert(spec_for(key_kind::p256));
  cas_doc d(c, key_kind::p256);
  d.view.certificate.country_code = d.t.text("cn");
  alicert::checker ch;
  auto* r = &ch.check(d.doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::country), finding_status::match);
}

TEST(Cas, ReportedValuesInOtherShapesMatch) {
  cert c = make_cert(spec_for(key_kind::rsa2048));
  cas_doc d(c, key_kind::rsa2048);
  auto& v = d.view.certificate;
  X509* x = c.x.get();
  v.serial_number = d.t.text("0x0000" + upper(serial_hex(x)));
  std::string colon;
  for (std::size_t i = 0; i < digest(x, EVP_sha256()).size(); i += 2)
    colon += (i ? ":" : "") + digest(x, EVP_sha256()).substr(i, 2);
  v.sha2 = d.t.text(colon);
  v.subject_dn = d.t.text("CN=leaf.example.com, S=Zhejiang, L=Hangzhou, OU=Ops, O=Example Org, C=CN");
  v.sign_algorithm = d.t.text("sha256WithRSA");
  v.sans = d.t.names({{alicert::san_type::ip, 7, "2001:0db8:0:0::10"},
                      {alicert::san_type::dns, 2, "LEAF.example.com"},
                      {alicert::san_type::dns, 2, "*.api.example.com"},
                      {alicert::san_type::ip, 7, "192.0.2.10"},
                      {alicert::san_type::email, 1, "OPS@example.com"},
                      {alicert::san_type::uri, 6, "https://example.com/ca"}});
  v.days = d.t.integer(v.days.value + 1);  // rounded up: the validity is 731.5 days
  alicert::checker ch;
  auto* r = &ch.check(d.doc, {.now = now});
  const auto& cr = r->certificates[0];
  EXPECT_TRUE(failures(cr).empty()) << dump(cr);
  EXPECT_TRUE(cr.quirks.has(alicert::quirk::serial_leading_zeros));
  EXPECT_EQ(status(cr, check_id::validity_days), finding_status::match);
  EXPECT_EQ(of(cr, check_id::validity_days)[0].actual, "731 or 732");
}

TEST(Cas, SansOfAnotherTypeAreNotComparedButTypesMatter) {
  cert c = make_cert(spec_for(key_kind::p256));
  alicert::checker ch;
  {
    cas_doc d(c, key_kind::p256);
    std::vector<alicert::san_entry> e(d.view.certificate.sans.entries.begin(), d.view.certificate.sans.entries.end());
    e.push_back({alicert::san_type::other, 4, "CN=dir"});
    d.view.certificate.sans = d.t.names(e);
    auto* r = &ch.check(d.doc, {.now = now});
    EXPECT_EQ(status(r->certificates[0], check_id::sans), finding_status::match) << dump(r->certificates[0]);
  }
  {
    cas_doc d(c, key_kind::p256);
    std::vector<alicert::san_entry> e(d.view.certificate.sans.entries.begin(), d.view.certificate.sans.entries.end());
    e[0].type = alicert::san_type::email;  // leaf.example.com reported as an email
    e[0].type_code = 1;
    d.view.certificate.sans = d.t.names(e);
    auto* r = &ch.check(d.doc, {.now = now});
    EXPECT_EQ(status(r->certificates[0], check_id::sans), finding_status::mismatch);
  }
}

TEST(Cas, MaskedAbsentInvalidAndUnknown) {
  cert c = make_cert(spec_for(key_kind::rsa2048));
  cas_doc d(c, key_kind::rsa2048);
  auto& v = d.view.certificate;
  v.sha2 = d.t.text("3A5F****");
  v.md5 = d.t.text("");
  v.serial_number = d.t.text("12:zz:34");
  v.before_date = d.t.time("2020-13-45", 0, false);
  v.after_date = d.t.time("1634****", 0, false);
  v.sans = d.t.names({{alicert::san_type::ip, 7, "192.0.XX.XX"}});
  v.sign_algorithm = d.t.text("WHIRLPOOLWITHRSA");
  v.algorithm = d.t.text("Kyber");
  v.common_name = {};
  alicert::checker ch;
  auto* r = &ch.check(d.doc, {.now = now});
  const auto& cr = r->certificates[0];
  EXPECT_EQ(status(cr, check_id::sha256), finding_status::masked);
  EXPECT_EQ(status(cr, check_id::md5), finding_status::absent);
  EXPECT_EQ(status(cr, check_id::serial), finding_status::invalid);
  EXPECT_EQ(status(cr, check_id::not_before), finding_status::invalid);
  EXPECT_EQ(status(cr, check_id::not_after), finding_status::masked);
  // One masked entry stands for one name, not for the six the certificate has.
  EXPECT_EQ(status(cr, check_id::sans), finding_status::mismatch);
  EXPECT_EQ(status(cr, check_id::signature_algorithm), finding_status::unverifiable);
  EXPECT_EQ(status(cr, check_id::key_algorithm), finding_status::unverifiable);
  EXPECT_EQ(status(cr, check_id::common_name), finding_status::absent);
  EXPECT_TRUE(cr.facts.md5.empty());  // computed only when reported
  EXPECT_FALSE(cr.facts.sha256.empty());
  EXPECT_EQ(failures(cr).size(), 3u) << dump(cr);
}

TEST(Cas, NoCertificateMakesEveryReportedFieldUnverifiable) {
  cert c = make_cert(spec_for(key_kind::p256));
  for (const char* pem : {"-----BEGIN CERTIFICATE-----\nMIIB!!!\n-----END CERTIFICATE-----\n",
                          "-----BEGIN CERTIFICATE-----\nMIIBAA==\n-----END CERTIFICATE-----\n",
                          "-----BEGIN PUBLIC KEY-----\nMIIBAA==\n-----END PUBLIC KEY-----\n", "not a pem"}) {
    cas_doc d(c, key_kind::p256);
    d.view.certificate.x509_certificate = d.t.text(pem);
    d.view.certificate.locality = {};
    alicert::checker ch;
    auto* r = &ch.check(d.doc, {.now = now});
    const auto& cr = r->certificates[0];
    EXPECT_FALSE(cr.facts.decoded);
    EXPECT_EQ(status(cr, check_id::certificate), finding_status::invalid) << pem;
    EXPECT_FALSE(of(cr, check_id::certificate)[0].note.empty());
    for (const auto& f : cr.findings) {
      if (f.check == check_id::certificate) continue;
      if (f.check == check_id::locality)
        EXPECT_EQ(f.status, finding_status::absent);
      else
        EXPECT_EQ(f.status, finding_status::unverifiable) << alicert::check_name(f.check);
    }
    EXPECT_EQ(failures(cr).size(), 1u);
  }
  cas_doc d(c, key_kind::p256);
  d.view.certificate.x509_certificate = {};
  alicert::checker ch;
  auto* r = &ch.check(d.doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::certificate), finding_status::absent);
  EXPECT_EQ(status(r->certificates[0], check_id::serial), finding_status::unverifiable);
}

}  // namespace
