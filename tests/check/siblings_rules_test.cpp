// The sibling APIs' rules (docs/siblings.md), each on a certificate OpenSSL
// made for the case: private keys, the SM2 pair, pairing by id and by digest,
// dates to the day, zoneless times, CA display names, the purchaser's
// attributes, per-domain fields.
#include <gtest/gtest.h>

#include <cstring>

#include "alicert/check.h"
#include "alicert/responses.h"
#include "json_docs_siblings.h"

namespace {

using namespace jsondocs;
using alicert::check_id;
using alicert::finding_status;
using checktest::cert_spec;
using checktest::key_kind;

const alicert::utc_seconds now = checktest::at(1767225600);  // 2026-01-01

certificate wrap(checktest::cert c, std::string name = "test.crt") {
  certificate w;
  w.file = std::move(name);
  w.pem = c.pem;
  w.der = c.der;
  w.x = std::move(c.x);
  w.f = facts_of(w.x.get(), w.der);
  return w;
}

certificate make(const cert_spec& s) { return wrap(checktest::make_cert(s)); }

using checktest::private_key_pem;

std::string encrypted_key_pem(EVP_PKEY* k) {
  BIO* b = BIO_new(BIO_s_mem());
  char pass[] = "secret";
  PEM_write_bio_PKCS8PrivateKey(b, k, EVP_aes_256_cbc(), pass, 6, nullptr, nullptr);
  return checktest::bio_text(b);
}

/// A checked document, its findings copied out.
struct checked {
  bool parsed{false};
  std::string error;
  alicert::api kind{};
  std::vector<std::vector<alicert::finding>> certs;  // strings die with the checker: compare right away
  alicert::quirk_set quirks;
  alicert::parser p;
  alicert::checker ch;
  alicert::padded_buffer input;

  checked(const std::string& json, std::span<const alicert::paired_certificate> partners = {}) : input(json) {
    auto doc = p.parse(input);
    if (!doc) {
      error = std::string(alicert::error_name(doc.error().code)) + " " + std::string(doc.error().pointer);
      return;
    }
    parsed = true;
    kind = doc->kind;
    const auto& rep = ch.check(*doc, {.now = now, .certificates = partners});
    quirks = rep.quirks;
    for (const auto& c : rep.certificates) certs.emplace_back(c.findings.begin(), c.findings.end());
  }
  [[nodiscard]] const alicert::finding& of(check_id c, std::size_t cert = 0) const {
    for (const auto& f : certs.at(cert))
      if (f.check == c) return f;
    static const alicert::finding none{};
    ADD_FAILURE() << "no " << alicert::check_name(c) << " finding";
    return none;
  }
};

cert_spec leaf(key_kind k = key_kind::p256, int index = 0) {
  cert_spec s;
  s.kind = k;
  s.key_index = index;
  s.not_after = "20270101200000Z";  // 20:00 UTC: the next day in UTC+8
  return s;
}

TEST(SiblingRules, PrivateKeyAgainstItsCertificateNeverEchoed) {
  const certificate c = make(leaf());
  const auto doc = [&](const std::string& key) {
    return gucd_fields(c).set("Key", json_text(key)).text();
  };
  {
    checked r(doc(private_key_pem(checktest::key(key_kind::p256))));
    ASSERT_TRUE(r.parsed) << r.error;
    const auto& f = r.of(check_id::private_key);
    EXPECT_EQ(f.status, finding_status::match) << f.note;
    EXPECT_EQ(f.field, "Key");
    EXPECT_EQ(f.reported, "(private key) EC 256");
  }
  {
    checked r(doc(private_key_pem(checktest::key(key_kind::p256, 1))));
    EXPECT_EQ(r.of(check_id::private_key).status, finding_status::mismatch);
  }
  {
    checked r(doc(encrypted_key_pem(checktest::key(key_kind::p256))));
    EXPECT_EQ(r.of(check_id::private_key).status, finding_status::unverifiable);
    EXPECT_EQ(r.of(check_id::private_key).reported, "(private key, encrypted)");
  }
  {
    checked r(doc("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
    EXPECT_EQ(r.of(check_id::private_key).status, finding_status::invalid);
    EXPECT_EQ(r.of(check_id::private_key).reported, "(private key)");
  }
  for (key_kind k : {key_kind::rsa2048, key_kind::sm2, key_kind::ed25519}) {
    const certificate other = make(leaf(k));
    checked r(gucd_fields(other).set("Key", json_text(private_key_pem(checktest::key(k), k == key_kind::rsa2048))).text());
    EXPECT_EQ(r.of(check_id::private_key).status, finding_status::match)
        << checktest::key_kind_name(k) << ": " << r.of(check_id::private_key).note;
  }
}

// Whether `key` (as read back from its PEM) is the key of `c`, as OpenSSL
// answers it: X509_check_private_key, or the same public key encoding (an SM2
// key and an EC key on the SM2 curve are one key under two names).
bool openssl_pairs(const certificate& c, EVP_PKEY* key) {
  bool pairs = X509_check_private_key(c.x.get(), key) == 1;
  unsigned char* mine = nullptr;
  const int n = i2d_PUBKEY(key, &mine);
  const X509_PUBKEY* theirs = X509_get_X509_PUBKEY(c.x.get());
  unsigned char* der = nullptr;
  const int m = i2d_X509_PUBKEY(theirs, &der);
  pairs = pairs || (n > 0 && n == m && std::memcmp(mine, der, static_cast<std::size_t>(n)) == 0);
  OPENSSL_free(mine);
  OPENSSL_free(der);
  ERR_clear_error();
  return pairs;
}

std::string openssl_label(EVP_PKEY* k) {
  const char* type = EVP_PKEY_is_a(k, "SM2") ? "SM2" : EVP_PKEY_is_a(k, "RSA") ? "RSA" : EVP_PKEY_is_a(k, "EC") ? "EC"
                     : EVP_PKEY_is_a(k, "ED25519") ? "Ed25519" : EVP_PKEY_is_a(k, "ED448") ? "Ed448" : "?";
  return std::string("(private key) ") + type + " " + std::to_string(EVP_PKEY_get_bits(k));
}

// Every form OpenSSL writes a key in (PKCS #8, traditional, EC without its
// point, EC with a compressed point), against its own certificate, another
// key's of its type and one of another type: the verdict and the label are
// OpenSSL's, whether alicert matched the key from its DER or asked OpenSSL.
TEST(SiblingRules, PrivateKeyVerdictsAreOpenSSLsForEveryForm) {
  struct form {
    const char* name;
    bool traditional;
    bool no_point;
    bool compressed;
  };
  const form forms[] = {{"pkcs8", false, false, false},
                        {"traditional", true, false, false},
                        {"pkcs8 without the point", false, true, false},
                        {"traditional without the point", true, true, false},
                        {"pkcs8 compressed point", false, false, true}};
  std::size_t compared = 0;
  for (key_kind k : {key_kind::rsa2048, key_kind::rsa3072, key_kind::p256, key_kind::p384, key_kind::p521,
                     key_kind::secp256k1, key_kind::sm2, key_kind::ed25519, key_kind::ed448}) {
    const bool ec = k == key_kind::p256 || k == key_kind::p384 || k == key_kind::p521 || k == key_kind::secp256k1 ||
                    k == key_kind::sm2;
    const certificate own = make(leaf(k)), other = make(leaf(k, 1));
    const certificate foreign = make(leaf(k == key_kind::p256 ? key_kind::rsa2048 : key_kind::p256));
    for (const form& fm : forms) {
      // EdDSA keys have no traditional form; OpenSSL 3.0 does not read an SM2 key back from one.
      if ((!ec && (fm.no_point || fm.compressed)) || ((checktest::is_ed(k) || k == key_kind::sm2) && fm.traditional))
        continue;
      checktest::pkey_ptr key(EVP_PKEY_dup(checktest::key(k)));
      ASSERT_TRUE(key);
      if (fm.no_point) ASSERT_EQ(EVP_PKEY_set_int_param(key.get(), "include-public", 0), 1);
      if (fm.compressed) ASSERT_EQ(EVP_PKEY_set_utf8_string_param(key.get(), "point-format", "compressed"), 1);
      const std::string pem = private_key_pem(key.get(), fm.traditional);
      BIO* b = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
      checktest::pkey_ptr back(PEM_read_bio_PrivateKey(b, nullptr, nullptr, nullptr));
      BIO_free(b);
      ASSERT_TRUE(back) << checktest::key_kind_name(k) << " " << fm.name;
      for (const certificate* c : {&own, &other, &foreign}) {
        checked r(gucd_fields(*c).set("Key", json_text(pem)).text());
        ASSERT_TRUE(r.parsed) << r.error;
        const auto& f = r.of(check_id::private_key);
        const std::string where = std::string(checktest::key_kind_name(k)) + " " + fm.name + " against " +
                                  (c == &own ? "its certificate" : c == &other ? "another key's" : "another type's");
        EXPECT_EQ(f.status, openssl_pairs(*c, back.get()) ? finding_status::match : finding_status::mismatch)
            << where << ": " << f.note;
        EXPECT_EQ(f.reported, openssl_label(back.get())) << where;
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 3u * (2 * 2 + 4 * 5 + 3 + 2 * 1));
}

TEST(SiblingRules, SignCertStandsInForCertAndEncryptCertIsACertificateOfItsOwn) {
  const certificate sign = make(leaf(key_kind::sm2, 0));
  cert_spec e = leaf(key_kind::sm2, 1);
  e.serial_hex = "77";
  const certificate encrypt = make(e);
  object o = gucd_fields(sign);
  o.set("Cert", "null")
      .set("SignCert", json_text(sign.pem))
      .set("EncryptCert", json_text(encrypt.pem))
      .set("SignPrivateKey", json_text(private_key_pem(checktest::key(key_kind::sm2, 0))))
      .set("EncryptPrivateKey", json_text(private_key_pem(checktest::key(key_kind::sm2, 1))));
  checked r(o.text());
  ASSERT_TRUE(r.parsed) << r.error;
  ASSERT_EQ(r.certs.size(), 2u);
  EXPECT_EQ(r.of(check_id::certificate).field, "SignCert");
  EXPECT_EQ(r.of(check_id::certificate).status, finding_status::match);
  EXPECT_EQ(r.of(check_id::serial).status, finding_status::match);  // compared with SignCert
  EXPECT_EQ(r.of(check_id::private_key).field, "SignPrivateKey");
  EXPECT_EQ(r.of(check_id::private_key).status, finding_status::match);
  EXPECT_EQ(r.of(check_id::certificate, 1).field, "EncryptCert");
  EXPECT_EQ(r.of(check_id::certificate, 1).status, finding_status::match);
  EXPECT_EQ(r.of(check_id::private_key, 1).field, "EncryptPrivateKey");
  EXPECT_EQ(r.of(check_id::private_key, 1).status, finding_status::match);
  EXPECT_EQ(r.certs[1].size(), 2u) << "EncryptCert has only certificate and private_key";
}

TEST(SiblingRules, OrdersPairByIdElseByDigest) {
  const certificate c = make(leaf());
  const std::vector<alicert::paired_certificate> by_id{{c.pem, alicert::api::cas_get_user_certificate_detail, "Cert", "1234", "1234-cn-hangzhou"}};
  const std::vector<alicert::paired_certificate> other{{c.pem, alicert::api::cdn_describe_certificate_info, "HttpsCrt", "", ""}};
  object o = luco_fields(c);
  o.set("CertificateId", "1234");
  {
    checked r(luco_document(o), by_id);
    ASSERT_TRUE(r.parsed) << r.error;
    EXPECT_EQ(r.of(check_id::certificate).field, "GetUserCertificateDetail.Cert");
    EXPECT_EQ(r.of(check_id::certificate).status, finding_status::match);
    EXPECT_EQ(r.of(check_id::sha256).status, finding_status::match);
    for (const auto& f : r.certs[0]) EXPECT_FALSE(alicert::is_failure(f.status)) << alicert::check_name(f.check);
  }
  {
    // No id fits: Sha2 pairs, and is then a match by construction.
    checked r(luco_document(o), other);
    EXPECT_EQ(r.of(check_id::certificate).field, "DescribeCertificateInfoByID.HttpsCrt");
    EXPECT_NE(r.of(check_id::certificate).note.find("SHA-256"), std::string_view::npos);
    EXPECT_NE(r.of(check_id::sha256).note.find("by construction"), std::string_view::npos);
    EXPECT_EQ(r.of(check_id::common_name).status, finding_status::match);
  }
  {
    // Without Sha2, the fingerprint's digest pairs; a second candidate is noted.
    object f = o;
    f.set("Sha2", "null").set("Fingerprint", json_text(checktest::upper(c.f.sha256)));
    std::vector<alicert::paired_certificate> two = other;
    two.push_back(other[0]);
    checked r(luco_document(f), two);
    EXPECT_EQ(r.of(check_id::certificate).status, finding_status::match);
    EXPECT_NE(r.of(check_id::fingerprint).note.find("by construction"), std::string_view::npos);
    EXPECT_TRUE(r.quirks.has(alicert::quirk::ambiguous_pair));
  }
  {
    // Unpaired: only what cannot be read is a failure.
    object u = o;
    u.set("Sha2", json_text("not hex"));
    checked r(luco_document(u));
    EXPECT_EQ(r.of(check_id::certificate).status, finding_status::unverifiable);
    EXPECT_EQ(r.of(check_id::sha256).status, finding_status::invalid);
    EXPECT_EQ(r.of(check_id::serial).status, finding_status::unverifiable);
    EXPECT_EQ(r.of(check_id::common_name).status, finding_status::unverifiable);
  }
}

TEST(SiblingRules, FingerprintLengthNamesTheDigest) {
  const certificate c = make(leaf());
  const std::vector<alicert::paired_certificate> partner{{c.pem, alicert::api::cas_get_user_certificate_detail, "Cert", "1", ""}};
  const std::string md5 = digest_hex(c.der, EVP_md5());
  const std::pair<std::string, finding_status> cases[] = {
      {sha1_hex(c, ":", false), finding_status::match},
      {c.f.sha256, finding_status::match},
      {md5, finding_status::match},
      {md5.substr(0, 30), finding_status::invalid},
      {text_digest(c.f.sha256, EVP_sha1()), finding_status::mismatch},
  };
  for (const auto& [fp, expected] : cases) {
    object o = gucd_fields(c);
    o.set("Fingerprint", json_text(fp));
    checked r(o.text(), partner);
    EXPECT_EQ(r.of(check_id::fingerprint).status, expected) << fp << ": " << r.of(check_id::fingerprint).note;
  }
}

TEST(SiblingRules, ServerCertificatesPairAndNoteDisagreeingTimes) {
  const certificate c = make(leaf());
  const std::vector<alicert::paired_certificate> any{{c.pem, alicert::api::cdn_describe_certificate_info, "HttpsCrt", "", ""}};
  object o = slb_fields(c);
  o.set("IsAliCloudCertificate", "0").set("AliCloudCertificateId", json_text(""));
  {
    checked r(slb_document(o), any);  // by Fingerprint
    ASSERT_TRUE(r.parsed) << r.error;
    EXPECT_EQ(r.of(check_id::certificate).status, finding_status::match);
    EXPECT_EQ(r.of(check_id::not_after).status, finding_status::match);
    EXPECT_EQ(r.of(check_id::not_after).field, "ExpireTime,ExpireTimeStamp");
  }
  {
    // Unpaired, two times of one property that differ are a note, never a finding.
    object d = o;
    d.set("ExpireTimeStamp", millis(c.f.not_after + 3600));
    checked r(slb_document(d));
    EXPECT_EQ(r.of(check_id::not_after).status, finding_status::unverifiable);
    EXPECT_TRUE(r.quirks.has(alicert::quirk::reported_times_disagree));
  }
}

TEST(SiblingRules, DatesToTheDayAndZonelessTimes) {
  const certificate c = make(leaf());  // notAfter 2027-01-01 20:00 UTC = 2027-01-02 04:00 UTC+8
  {
    checked r(gucd_fields(c).set("EndDate", json_text("2027-01-02")).text());
    EXPECT_EQ(r.of(check_id::not_after).status, finding_status::match);
    EXPECT_TRUE(r.quirks.has(alicert::quirk::date_utc8));
  }
  {
    checked r(gucd_fields(c).set("EndDate", json_text("2027-01-03")).text());
    EXPECT_EQ(r.of(check_id::not_after).status, finding_status::mismatch);
  }
  {
    object o = cdn_domain_fields(c, false);
    o.set("CertExpireTime", json_text("2027-01-02 04:00:00"));
    checked r(cdn_domain_document(o));
    EXPECT_EQ(r.of(check_id::not_after).status, finding_status::match);
    EXPECT_TRUE(r.quirks.has(alicert::quirk::time_utc8));
    EXPECT_TRUE(r.quirks.has(alicert::quirk::date_zoneless));
  }
}

TEST(SiblingRules, IssuerDisplayNames) {
  cert_spec s = leaf();
  s.issuer = {{"C", "BE"}, {"O", "GlobalSign nv-sa"}, {"CN", "GlobalSign GCC R3 DV TLS CA 2020"}};
  s.issuer_key = checktest::key(key_kind::p256, 1);
  const certificate c = make(s);
  const std::pair<const char*, finding_status> cases[] = {
      {"GlobalSign nv-sa", finding_status::match},
      {"globalsign   NV-SA", finding_status::match},
      {"GlobalSign GCC R3 DV TLS CA 2020", finding_status::match},
      {"GlobalSign", finding_status::match},
      {"Global", finding_status::mismatch},
      {"DigiCert", finding_status::mismatch},
  };
  for (const auto& [name, expected] : cases) {
    checked r(gucd_fields(c).set("Issuer", json_text(name)).text());
    EXPECT_EQ(r.of(check_id::issuer_name).status, expected) << name;
    if (std::string_view(name) == "GlobalSign") EXPECT_TRUE(r.quirks.has(alicert::quirk::issuer_name_prefix));
  }
}

TEST(SiblingRules, SansMayAddTheSubjectCnAndPurchaserAttributesAreTheSubjects) {
  cert_spec s = leaf();
  s.subject = {{"CN", "dv.example.com"}};  // a DV certificate: no O, L, ST, C
  s.san = "DNS:www.dv.example.com";
  const certificate c = make(s);
  object o = gucd_fields(c);
  o.set("Sans", json_text("www.dv.example.com, dv.example.com"))
      .set("OrgName", json_text("Purchaser Co"))
      .set("Country", json_text("CN"));
  checked r(o.text());
  EXPECT_EQ(r.of(check_id::sans).status, finding_status::match);
  EXPECT_TRUE(r.quirks.has(alicert::quirk::sans_include_cn));
  EXPECT_EQ(r.of(check_id::organization).status, finding_status::unverifiable);
  EXPECT_EQ(r.of(check_id::country).status, finding_status::unverifiable);
  checked extra(gucd_fields(c).set("Sans", json_text("www.dv.example.com, other.example.com")).text());
  EXPECT_EQ(extra.of(check_id::sans).status, finding_status::mismatch);
}

TEST(SiblingRules, PerDomainFields) {
  const certificate c = make(leaf());  // SANs leaf.example.com, *.api.example.com, 192.0.2.10
  const auto entry = [&](const char* domain, const char* cert_domain) {
    object o = cdn_domain_fields(c, false);
    o.set("DomainName", json_text(domain)).set("CertDomainName", json_text(cert_domain));
    return cdn_domain_document(o);
  };
  {
    checked r(entry(".api.example.com", "*.api.example.com"));
    EXPECT_EQ(r.of(check_id::domain_list).status, finding_status::match);
    EXPECT_TRUE(r.quirks.has(alicert::quirk::domain_list_leading_dot));
    EXPECT_EQ(r.of(check_id::cert_domain_name).status, finding_status::match);
    EXPECT_EQ(r.of(check_id::public_key).status, finding_status::absent);
  }
  {
    // A wildcard covers the domain, but CertDomainName names the certificate's own text.
    checked r(entry("x.api.example.com", "x.api.example.com"));
    EXPECT_EQ(r.of(check_id::domain_list).status, finding_status::match);
    EXPECT_EQ(r.of(check_id::cert_domain_name).status, finding_status::mismatch);
  }
  {
    // "The public key of the certificate": a PUBLIC KEY block has nothing to compare with.
    object o = cdn_domain_fields(c, false);
    o.set("ServerCertificate", json_text(c.f.spki_pem));
    checked r(cdn_domain_document(o));
    EXPECT_EQ(r.of(check_id::certificate).status, finding_status::unverifiable);
    EXPECT_EQ(r.of(check_id::public_key).status, finding_status::unverifiable);
    EXPECT_EQ(r.of(check_id::not_after).status, finding_status::unverifiable);
  }
}

TEST(SiblingRules, ExpiredAgainstNow) {
  cert_spec s = leaf();
  s.not_after = "20251231000000Z";  // before --now
  const certificate c = make(s);
  checked yes(gucd_fields(c).set("Expired", "true").text());
  EXPECT_EQ(yes.of(check_id::expired).status, finding_status::match);
  EXPECT_NE(yes.of(check_id::expired).note.find("2026-01-01T00:00:00Z"), std::string_view::npos);
  checked no(gucd_fields(c).set("Expired", "false").text());
  EXPECT_EQ(no.of(check_id::expired).status, finding_status::mismatch);
}

TEST(SiblingRules, ChainInfoEntriesAgainstTheBundle) {
  cert_spec ca = leaf(key_kind::p256, 1);
  ca.subject = {{"CN", "Test Issuing CA"}};
  const certificate issuer = make(ca);
  cert_spec l = leaf();
  l.issuer = ca.subject;
  l.issuer_key = checktest::key(key_kind::p256, 1);
  const certificate c = make(l);
  const std::string entry_leaf = "{\"CommonName\": \"leaf.example.com\", \"IssuerCommonName\": \"Test Issuing CA\", "
                                 "\"NotBefore\": " + millis(c.f.not_before) + ", \"NotAfter\": " + millis(c.f.not_after) + "}";
  const std::string entry_ca = "{\"CommonName\": \"Test Issuing CA\", \"IssuerCommonName\": \"Test Issuing CA\"}";
  const std::string entry_other = "{\"CommonName\": \"Elsewhere CA\", \"IssuerCommonName\": \"Root\"}";
  object o = gucd_fields(c);
  o.set("Cert", json_text(c.pem + issuer.pem));
  {
    checked r(o.set("CertChain", "[" + entry_leaf + ", " + entry_ca + "]").text());
    EXPECT_EQ(r.of(check_id::chain_info).status, finding_status::match) << r.of(check_id::chain_info).note;
    EXPECT_EQ(r.of(check_id::chain).status, finding_status::match) << r.of(check_id::chain).note;
  }
  {
    checked r(o.set("CertChain", "[" + entry_leaf + ", " + entry_other + "]").text());
    EXPECT_EQ(r.of(check_id::chain_info).status, finding_status::match);  // the other entry only unverifiable
    EXPECT_NE(r.of(check_id::chain_info).note.find("Elsewhere CA: not in the bundle"), std::string_view::npos);
  }
  {
    checked r(o.set("CertChain", entry_other).text());  // one object, collapsed
    EXPECT_EQ(r.of(check_id::chain_info).status, finding_status::unverifiable);
  }
}

TEST(SiblingRules, CertificatesOfADocument) {
  const certificate c = make(leaf());
  alicert::parser p;
  const alicert::padded_buffer in(gucd_fields(c).set("SignCert", json_text(c.pem)).text());
  auto doc = p.parse(in);
  ASSERT_TRUE(doc.has_value());
  std::vector<alicert::paired_certificate> out;
  ASSERT_TRUE(alicert::certificates_of(*doc, out));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].source, alicert::api::cas_get_user_certificate_detail);
  EXPECT_EQ(out[0].key, "Cert");
  EXPECT_EQ(out[1].key, "SignCert");
  EXPECT_EQ(out[0].cas_id, ssl_id(c));
  EXPECT_EQ(out[0].cas_identifier, ssl_id(c) + "-cn-hangzhou");
  EXPECT_EQ(out[0].pem, c.pem);
}

}  // namespace
