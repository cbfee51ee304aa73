// Chains (docs/responses.md, Chains): each certificate issued by the next, by
// name and by signature. An impostor issuer (the right name, another key) is
// a mismatch for every key type, as `openssl verify` refuses it; genuine
// chains verify.
#include <gtest/gtest.h>

#include "support.h"

namespace {

using namespace checktest;
using alicert::check_id;
using alicert::finding_status;
using alicert::link_status;

const alicert::utc_seconds now = at(1767225600);  // 2026-01-01

struct family {
  cert ca, impostor, leaf;
};

// The name of make_family's CA of key type `k`.
name_parts ca_name(key_kind k) {
  return {{"C", "CN"}, {"O", "Chain Test"}, {"CN", std::string("CA ") + key_kind_name(k)}};
}

// A CA of key type `k`, an impostor with the CA's very name and another key
// of that type, and a leaf the CA signed.
family make_family(key_kind k, bool pss = false) {
  cert_spec ca;
  ca.kind = k;
  ca.key_index = 1;
  ca.subject = ca_name(k);
  ca.san = "";
  ca.basic_constraints = "critical,CA:TRUE";
  ca.pss = pss;
  cert_spec impostor = ca;
  impostor.key_index = 2;
  cert_spec leaf;
  leaf.kind = key_kind::p256;
  leaf.issuer = ca.subject;
  leaf.issuer_key = key(k, 1);
  leaf.pss = pss;
  leaf.md = k == key_kind::p384 ? "SHA384" : k == key_kind::p521 ? "SHA512" : "SHA256";
  return {make_cert(ca), make_cert(impostor), make_cert(leaf)};
}

class ChainKeys : public ::testing::TestWithParam<key_kind> {};

TEST_P(ChainKeys, GenuineChainsVerifyAndImpostorsAreMismatches) {
  const key_kind k = GetParam();
  const family f = make_family(k);
  alicert::checker ch;
  for (bool genuine : {true, false}) {
    const cert& issuer = genuine ? f.ca : f.impostor;
    // KMS: the chain in GetCertificate.CertificateChain
    kms_docs kms(f.leaf, key_kind::p256, issuer.pem);
    const auto* r = &ch.check(kms.get_doc, {.now = now});
    const auto& g = r->certificates[0];
    EXPECT_EQ(status(g, check_id::chain), genuine ? finding_status::match : finding_status::mismatch)
        << key_kind_name(k) << ": " << dump(g);
    ASSERT_EQ(g.chain.size(), 1u);
    EXPECT_EQ(g.chain[0].status, genuine ? link_status::verified : link_status::bad_signature);
    // CDN: the chain after the leaf in HttpsCrt
    cdn_doc cdn;
    cdn.add(f.leaf, issuer.pem, {"leaf.example.com"});
    r = &ch.check(cdn.doc, {.now = now});
    const auto& c = r->certificates[0];
    EXPECT_EQ(status(c, check_id::chain), genuine ? finding_status::match : finding_status::mismatch)
        << key_kind_name(k) << ": " << dump(c);
    if (!genuine) {
      const auto note = of(c, check_id::chain)[0].note;
      EXPECT_NE(note.find("link 1"), std::string_view::npos) << note;
      EXPECT_NE(note.find("bad_signature"), std::string_view::npos) << note;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Keys, ChainKeys,
                         ::testing::Values(key_kind::rsa2048, key_kind::rsa3072, key_kind::p256, key_kind::p384,
                                           key_kind::p521, key_kind::secp256k1, key_kind::sm2, key_kind::ed25519,
                                           key_kind::ed448),
                         [](const auto& info) { return std::string(key_kind_name(info.param)); });

TEST(Chain, RsaPssSignaturesVerify) {
  const family f = make_family(key_kind::rsa2048, true);
  alicert::checker ch;
  cdn_doc good, bad;
  good.add(f.leaf, f.ca.pem, {"leaf.example.com"});
  bad.add(f.leaf, f.impostor.pem, {"leaf.example.com"});
  EXPECT_EQ(status(ch.check(good.doc, {.now = now}).certificates[0], check_id::chain), finding_status::match);
  EXPECT_EQ(status(ch.check(bad.doc, {.now = now}).certificates[0], check_id::chain), finding_status::mismatch);
}

// One checker keeps each issuer key with a verify context of its own (RSA
// PKCS#1 v1.5, ECDSA): leaves of one CA signed with every SHA digest in
// turn, each followed by a copy whose signature lost a bit, get
// X509_verify's verdict one after the other, whatever the kept context
// verified or refused before.
TEST(Chain, OneIssuerKeyAcrossDigestsAndFailedSignatures) {
  for (const key_kind k : {key_kind::rsa2048, key_kind::p256}) {
    const family f = make_family(k);
    alicert::checker ch;
    int checked = 0;
    for (const char* md : {"SHA256", "SHA384", "SHA1", "SHA512", "SHA224", "SHA256"}) {
      cert_spec spec;
      spec.kind = key_kind::p256;
      spec.issuer = ca_name(k);
      spec.issuer_key = key(k, 1);
      spec.md = md;
      const cert leaf = make_cert(spec);
      std::vector<std::uint8_t> der = leaf.der;
      der.back() ^= 0x01;  // the signature's last byte
      const unsigned char* p = der.data();
      const cert broken = finish(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
      for (const cert* c : {&leaf, &broken}) {
        const bool openssl_valid = X509_verify(c->x.get(), key(k, 1)) == 1;
        EXPECT_EQ(openssl_valid, c == &leaf) << key_kind_name(k) << " " << md;
        kms_docs kms(*c, key_kind::p256, f.ca.pem);
        const auto& g = ch.check(kms.get_doc, {.now = now}).certificates[0];
        ASSERT_EQ(g.chain.size(), 1u) << dump(g);
        EXPECT_EQ(g.chain[0].status, openssl_valid ? link_status::verified : link_status::bad_signature)
            << key_kind_name(k) << " " << md << (c == &leaf ? "" : ", signature changed") << ": " << dump(g);
        ++checked;
      }
    }
    EXPECT_EQ(checked, 12);
  }
}

// leaf <- intermediate (P-384) <- root (RSA-2048), both CAs with key
// `index`, and a root impostor: the root's name with key `index + 1`.
// `ca_marks`: the root and the intermediate carry basicConstraints CA:TRUE.
struct three_levels {
  cert_spec root, inter, leaf, fake_root;
};
three_levels three_level_specs(int index, bool ca_marks) {
  three_levels t;
  t.root.kind = key_kind::rsa2048;
  t.root.key_index = index;
  t.root.subject = {{"CN", "Root"}};
  t.root.san = "";
  if (ca_marks) t.root.basic_constraints = "critical,CA:TRUE";
  t.inter.kind = key_kind::p384;
  t.inter.key_index = index;
  t.inter.subject = {{"CN", "Intermediate"}};
  t.inter.issuer = t.root.subject;
  t.inter.issuer_key = key(key_kind::rsa2048, index);
  t.inter.san = "";
  if (ca_marks) t.inter.basic_constraints = "critical,CA:TRUE";
  t.leaf.issuer = t.inter.subject;
  t.leaf.issuer_key = key(key_kind::p384, index);
  t.leaf.md = "SHA384";
  t.fake_root = t.root;
  t.fake_root.key_index = index + 1;
  return t;
}

TEST(Chain, LongerChainsReportEveryLink) {
  // leaf <- intermediate <- root, then a root impostor at the end
  const three_levels t = three_level_specs(3, false);
  const cert r = make_cert(t.root), i = make_cert(t.inter), l = make_cert(t.leaf), fake = make_cert(t.fake_root);
  alicert::checker ch;
  cdn_doc good;
  good.add(l, i.pem + r.pem, {"leaf.example.com"});
  const auto& g = ch.check(good.doc, {.now = now}).certificates[0];
  EXPECT_EQ(status(g, check_id::chain), finding_status::match) << dump(g);
  ASSERT_EQ(g.chain.size(), 2u);
  EXPECT_EQ(g.chain[0].status, link_status::verified);
  EXPECT_EQ(g.chain[1].status, link_status::verified);
  cdn_doc bad;
  bad.add(l, i.pem + fake.pem, {"leaf.example.com"});
  const auto& b = ch.check(bad.doc, {.now = now}).certificates[0];
  EXPECT_EQ(status(b, check_id::chain), finding_status::mismatch);
  ASSERT_EQ(b.chain.size(), 2u);
  EXPECT_EQ(b.chain[0].status, link_status::verified);
  EXPECT_EQ(b.chain[1].status, link_status::bad_signature);
  EXPECT_NE(of(b, check_id::chain)[0].note.find("link 2"), std::string_view::npos) << of(b, check_id::chain)[0].note;
}

// A checker remembers the CA links that verified (signature.h): what it
// remembers is served only for the same certificate, byte for byte, and the
// same issuer key. An intermediate whose signature lost a bit, or the same
// intermediate under an impostor root, is verified anew and refused, as
// X509_verify refuses it, before and after the genuine link was remembered,
// and after more CA links than it keeps have pushed that one out.
TEST(Chain, RememberedCaLinksServeOnlyTheSameBytesAndKey) {
  const three_levels t = three_level_specs(5, true);
  const cert r = make_cert(t.root), i = make_cert(t.inter), l = make_cert(t.leaf), fake = make_cert(t.fake_root);
  std::vector<std::uint8_t> der = i.der;
  der.back() ^= 0x01;  // the signature's last byte
  const unsigned char* p = der.data();
  const cert broken = finish(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  ASSERT_EQ(X509_verify(i.x.get(), key(key_kind::rsa2048, 5)), 1);
  ASSERT_NE(X509_verify(broken.x.get(), key(key_kind::rsa2048, 5)), 1);

  alicert::checker ch;
  // link 1 is the leaf's, link 2 the intermediate's
  const auto links = [&](const cert& in, const cert& top) {
    cdn_doc d;
    d.add(l, in.pem + top.pem, {"leaf.example.com"});
    const auto& c = ch.check(d.doc, {.now = now}).certificates[0];
    EXPECT_EQ(c.chain.size(), 2u) << dump(c);
    std::vector<link_status> out;
    for (const auto& link : c.chain) out.push_back(link.status);
    return out;
  };
  using v = std::vector<link_status>;
  const v good{link_status::verified, link_status::verified};
  const v bad{link_status::verified, link_status::bad_signature};
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(links(broken, r), bad) << "round " << round;  // the leaf still verifies with its key
    EXPECT_EQ(links(i, fake), bad) << "round " << round;
    EXPECT_EQ(links(i, r), good) << "round " << round;
    EXPECT_EQ(links(broken, r), bad) << "round " << round;
    EXPECT_EQ(links(i, fake), bad) << "round " << round;
  }
  // Nine other CA links, more than are kept, then the first one again.
  for (int n = 0; n < 9; ++n) {
    cert_spec other = t.inter;
    other.subject = {{"CN", "Other Intermediate " + std::to_string(n)}};
    const cert o = make_cert(other);
    cert_spec under = t.leaf;
    under.issuer = other.subject;
    const cert ol = make_cert(under);
    cdn_doc d;
    d.add(ol, o.pem + r.pem, {"leaf.example.com"});
    const auto& c = ch.check(d.doc, {.now = now}).certificates[0];
    EXPECT_EQ(status(c, check_id::chain), finding_status::match) << n << ": " << dump(c);
  }
  EXPECT_EQ(links(i, r), good);
  EXPECT_EQ(links(broken, r), bad);
  EXPECT_EQ(links(i, fake), bad);
}

TEST(Chain, NamesThatDoNotChainAndKeyIdentifiersThatDiffer) {
  const family f = make_family(key_kind::p256);
  alicert::checker ch;
  // another CA altogether
  cert_spec other;
  other.subject = {{"CN", "Someone Else"}};
  other.san = "";
  const cert o = make_cert(other);
  cdn_doc d;
  d.add(f.leaf, o.pem, {"leaf.example.com"});
  const auto& r = ch.check(d.doc, {.now = now}).certificates[0];
  EXPECT_EQ(status(r, check_id::chain), finding_status::mismatch);
  EXPECT_EQ(r.chain[0].status, link_status::name_mismatch);
  // the right CA, but the leaf's AKI names another key
  cert_spec leaf;
  leaf.issuer = {{"C", "CN"}, {"O", "Chain Test"}, {"CN", "CA p256"}};
  leaf.issuer_key = key(key_kind::p256, 1);
  leaf.aki_hex = "0102030405060708090a0b0c0d0e0f1011121314";
  cert_spec ca;
  ca.kind = key_kind::p256;
  ca.key_index = 1;
  ca.subject = leaf.issuer;
  ca.san = "";
  ca.ski = "hash";
  const cert l = make_cert(leaf), c = make_cert(ca);
  cdn_doc e;
  e.add(l, c.pem, {"leaf.example.com"});
  const auto& k = ch.check(e.doc, {.now = now}).certificates[0];
  EXPECT_EQ(status(k, check_id::chain), finding_status::mismatch) << dump(k);
  EXPECT_EQ(k.chain[0].status, link_status::key_id_mismatch);
}

TEST(Chain, UndecodableAndUnsupportedLinks) {
  const family f = make_family(key_kind::rsa2048);
  alicert::checker ch;
  // a block that is no certificate: invalid
  cdn_doc d;
  d.add(f.leaf, "-----BEGIN CERTIFICATE-----\nMIIBAA==\n-----END CERTIFICATE-----\n", {"leaf.example.com"});
  const auto& r = ch.check(d.doc, {.now = now}).certificates[0];
  EXPECT_EQ(status(r, check_id::chain), finding_status::invalid) << dump(r);
  EXPECT_EQ(r.chain[0].status, link_status::undecodable);
  // a signature algorithm OpenSSL does not know: the link cannot be verified
  std::vector<std::uint8_t> der = f.leaf.der;
  const std::uint8_t sha256_rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b};
  std::size_t changed = 0;
  for (std::size_t i = 0; i + sizeof sha256_rsa <= der.size(); ++i)
    if (std::equal(std::begin(sha256_rsa), std::end(sha256_rsa), der.begin() + static_cast<std::ptrdiff_t>(i))) {
      der[i + sizeof sha256_rsa - 1] = 0x7f;  // 1.2.840.113549.1.1.127
      ++changed;
    }
  ASSERT_EQ(changed, 2u);  // the TBS's and the outer signature algorithm
  const unsigned char* p = der.data();
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio(bio, "CERTIFICATE", "", p, static_cast<long>(der.size()));
  const std::string pem = bio_text(bio);
  cdn_doc u;
  u.add(f.leaf, "", {"leaf.example.com"});
  u.infos[0].https_crt = u.t.text(pem + f.ca.pem);
  u.view.cert_infos = u.infos;
  const auto& v = ch.check(u.doc, {.now = now}).certificates[0];
  EXPECT_EQ(status(v, check_id::chain), finding_status::unverifiable) << dump(v);
  EXPECT_EQ(v.chain[0].status, link_status::unsupported);
}

}  // namespace
