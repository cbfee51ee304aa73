// CDN DescribeCertificateInfoByID: dates, domain coverage and the HttpsCrt chain.
#include <gtest/gtest.h>

#include "support.h"

namespace {

using namespace checktest;
using alicert::check_id;
using alicert::finding_status;

const alicert::utc_seconds now = at(1767225600);  // 2026-01-01

struct chain {
  cert root, inter, leaf;
  explicit chain(key_kind k, std::string leaf_san = "DNS:example.com,DNS:*.example.com,IP:192.0.2.1") {
    cert_spec r;
    r.kind = k;
    r.key_index = 5;
    r.subject = {{"C", "CN"}, {"O", "CDN Root"}, {"CN", "CDN Root CA"}};
    r.san = "";
    root = make_cert(r);
    cert_spec i;
    i.kind = k;
    i.key_index = 6;
    i.subject = {{"C", "CN"}, {"O", "CDN"}, {"CN", "CDN Issuing CA"}};
    i.issuer = r.subject;
    i.issuer_key = key(k, 5);
    i.san = "";
    inter = make_cert(i);
    cert_spec l;
    l.kind = k;
    l.subject = {{"CN", "example.com"}};
    l.issuer = i.subject;
    l.issuer_key = key(k, 6);
    l.san = std::move(leaf_san);
    leaf = make_cert(l);
  }
};

TEST(Cdn, ConsistentEntries) {
  for (key_kind k : {key_kind::rsa2048, key_kind::p256, key_kind::sm2}) {
    chain c(k);
    cdn_doc d;
    d.add(c.leaf, c.inter.pem + c.root.pem, {"example.com", "www.example.com", "API.Example.com", "192.0.2.1"});
    d.add(c.leaf, "", {"cdn.example.com"});
    alicert::checker ch;
    auto* r = &ch.check(d.doc, {.now = now});
    ASSERT_EQ(r->certificates.size(), 2u);
    for (const auto& cr : r->certificates) {
      EXPECT_TRUE(failures(cr).empty()) << dump(cr);
      EXPECT_EQ(status(cr, check_id::certificate), finding_status::match);
      EXPECT_EQ(status(cr, check_id::not_before), finding_status::match);
      EXPECT_EQ(status(cr, check_id::not_after), finding_status::match);
      EXPECT_EQ(status(cr, check_id::domain_list), finding_status::match);
    }
    EXPECT_EQ(status(r->certificates[0], check_id::chain), finding_status::match);
    EXPECT_EQ(status(r->certificates[1], check_id::chain), finding_status::absent);
    EXPECT_EQ(r->certificates[0].id.text, "1644");
    EXPECT_EQ(r->certificates[1].id.text, "1645");
    EXPECT_EQ(of(r->certificates[0], check_id::chain)[0].field, "HttpsCrt");
  }
}

TEST(Cdn, EachAlteredFieldIsExactlyThatMismatch) {
  chain c(key_kind::p256);
  alicert::checker ch;
  auto one = [&](auto mutate, check_id expected) {
    cdn_doc d;
    d.add(c.leaf, c.inter.pem + c.root.pem, {"example.com", "a.example.com"});
    mutate(d);
    auto* r = &ch.check(d.doc, {.now = now});
    const auto f = failures(r->certificates[0]);
    ASSERT_EQ(f.size(), 1u) << dump(r->certificates[0]);
    EXPECT_EQ(f[0].rfind(std::string(alicert::check_name(expected)) + ":mismatch:", 0), 0u) << f[0];
  };
  one([&](cdn_doc& d) { d.infos[0].create_time = d.t.time("x", not_before(c.leaf.x.get()) + 28800); },
      check_id::not_before);
  one([&](cdn_doc& d) { d.infos[0].cert_expire_time = d.t.time("x", 0); }, check_id::not_after);
  one([&](cdn_doc& d) {
        d.infos[0].domain_list = d.t.names({{alicert::san_type::unspecified, 0, "a.b.example.com"}});
      },
      check_id::domain_list);
  one([&](cdn_doc& d) { d.infos[0].https_crt = d.t.text(c.leaf.pem + c.root.pem + c.inter.pem); }, check_id::chain);
  one([&](cdn_doc& d) { d.infos[0].https_crt = d.t.text(c.leaf.pem + c.root.pem); }, check_id::chain);
}

TEST(Cdn, DomainsCoveredByTheCommonNameWithoutSans) {
  chain c(key_kind::p256, "");
  alicert::checker ch;
  cdn_doc d;
  d.add(c.leaf, "", {"example.com"});
  auto* r = &ch.check(d.doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::domain_list), finding_status::match) << dump(r->certificates[0]);
  cdn_doc e;
  e.add(c.leaf, "", {"www.example.com"});
  r = &ch.check(e.doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::domain_list), finding_status::mismatch);
  // with a DNS SAN, the CN no longer counts
  chain s(key_kind::p256, "DNS:www.example.com");
  cdn_doc f;
  f.add(s.leaf, "", {"example.com"});
  r = &ch.check(f.doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::domain_list), finding_status::mismatch);
  // Notes name the kind of each entry (report.md, FINDING).
  EXPECT_EQ(of(r->certificates[0], check_id::domain_list)[0].note, "not covered by the certificate: dns:example.com");
}

TEST(Cdn, EmptyMaskedAndBrokenEntries) {
  chain c(key_kind::p256);
  alicert::checker ch;
  cdn_doc d;
  d.add(c.leaf, "", {});                       // the documented [""]: nothing listed
  d.add(c.leaf, "", {"192.0.XX.XX"});          // masked
  d.add(c.leaf, "", {"example.com"});
  d.infos[2].https_crt = d.t.text("-----BEGIN CERTIFICATE-----\n****\n-----END CERTIFICATE-----\n");
  d.add(c.leaf, "", {"example.com"});
  d.infos[3].https_crt = d.t.text(c.leaf.pem + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
  d.view.cert_infos = d.infos;
  auto* r = &ch.check(d.doc, {.now = now});
  ASSERT_EQ(r->certificates.size(), 4u);
  EXPECT_EQ(status(r->certificates[0], check_id::domain_list), finding_status::absent);
  EXPECT_EQ(status(r->certificates[1], check_id::domain_list), finding_status::masked);
  EXPECT_EQ(status(r->certificates[2], check_id::certificate), finding_status::masked);
  EXPECT_EQ(status(r->certificates[2], check_id::domain_list), finding_status::unverifiable);
  // The masked PEM masks its issuer blocks too: the one ladder says masked first.
  EXPECT_EQ(status(r->certificates[2], check_id::chain), finding_status::masked);
  EXPECT_EQ(status(r->certificates[3], check_id::chain), finding_status::invalid);
  EXPECT_TRUE(r->failed());
}

TEST(Cdn, EmptyListAndErrorEnvelope) {
  alicert::checker ch;
  alicert::cdn_response_view v;
  alicert::document_view doc;
  doc.kind = alicert::api::cdn_describe_certificate_info;
  doc.cdn = &v;
  auto* r = &ch.check(doc, {.now = now});
  EXPECT_TRUE(r->certificates.empty());
  alicert::api_error_view e;
  alicert::document_view err;
  err.kind = alicert::api::api_error;
  err.error = &e;
  err.quirks.add(alicert::quirk::lowercase_keys);
  r = &ch.check(err, {.now = now});
  EXPECT_TRUE(r->certificates.empty());
  EXPECT_TRUE(r->quirks.has(alicert::quirk::lowercase_keys));
}

}  // namespace
