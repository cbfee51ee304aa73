// The rules of the corrected specs (docs/responses.md), one test each: what
// the checker missed or raised falsely before, now a finding a user can trust.
#include <gtest/gtest.h>

#include "support.h"

namespace {

using namespace checktest;
using alicert::check_id;
using alicert::finding_status;
using alicert::san_type;

const alicert::utc_seconds now = at(1767225600);  // 2026-01-01

cert_spec with_issuer(key_kind k) {
  cert_spec s;
  s.kind = k;
  s.issuer = {{"C", "CN"}, {"O", "Issuing CA Org"}, {"CN", "Issuing CA"}};
  s.issuer_key = key(key_kind::rsa2048, 7);
  return s;
}

TEST(Rules, CommonNameIsTheSubjectsOnly) {
  cert c = make_cert(with_issuer(key_kind::p256));
  cas_doc d(c, key_kind::p256);
  alicert::checker ch;
  d.view.certificate.common_name = d.t.text("Issuing CA");  // the issuer's CN
  const auto* r = &ch.check(d.doc, {.now = now});
  const auto cn = of(r->certificates[0], check_id::common_name);
  ASSERT_EQ(cn.size(), 1u);
  EXPECT_EQ(cn[0].status, finding_status::mismatch);
  EXPECT_EQ(cn[0].actual, "leaf.example.com");
  EXPECT_NE(cn[0].note.find("issuer"), std::string_view::npos) << cn[0].note;
  // O, OU, L, ST, C may still be the issuer's (the documentation says so)
  d.view.certificate.common_name = d.t.text("leaf.example.com");
  d.view.certificate.organization = d.t.text("Issuing CA Org");
  r = &ch.check(d.doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::common_name), finding_status::match);
  EXPECT_EQ(status(r->certificates[0], check_id::organization), finding_status::match);
  EXPECT_EQ(of(r->certificates[0], check_id::organization)[0].note, "matches the issuer");
}

TEST(Rules, AMaskedSanHidesOnlyItself) {
  cert_spec s;
  s.san = "DNS:leaf.example.com,IP:203.0.113.7";
  cert c = make_cert(s);
  alicert::checker ch;
  {
    // the documented shape: a masked IP beside a name the certificate lacks
    cas_doc d(c, key_kind::p256);
    d.view.certificate.sans = d.t.names({{san_type::ip, 7, "203.0.XX.XX"}, {san_type::dns, 2, "evil.example.com"}});
    const auto* r = &ch.check(d.doc, {.now = now});
    const auto f = of(r->certificates[0], check_id::sans)[0];
    EXPECT_EQ(f.status, finding_status::mismatch);
    EXPECT_NE(f.note.find("not in the certificate: dns:evil.example.com"), std::string_view::npos) << f.note;
  }
  {
    // every unmasked entry there, the masked one standing for the IP: masked
    cas_doc d(c, key_kind::p256);
    d.view.certificate.sans = d.t.names({{san_type::ip, 7, "203.0.XX.XX"}, {san_type::dns, 2, "leaf.example.com"}});
    const auto* r = &ch.check(d.doc, {.now = now});
    EXPECT_EQ(status(r->certificates[0], check_id::sans), finding_status::masked) << dump(r->certificates[0]);
  }
  {
    // one mask cannot stand for two certificate names
    cas_doc d(c, key_kind::p256);
    d.view.certificate.sans = d.t.names({{san_type::ip, 7, "203.0.XX.XX"}});
    const auto* r = &ch.check(d.doc, {.now = now});
    const auto f = of(r->certificates[0], check_id::sans)[0];
    EXPECT_EQ(f.status, finding_status::mismatch);
    EXPECT_NE(f.note.find("not reported:"), std::string_view::npos) << f.note;
  }
}

TEST(Rules, AMaskedAttributeHidesOnlyItself) {
  cert c = make_cert(cert_spec{});  // C=CN,O=Example Org,OU=Ops,L=Hangzhou,ST=Zhejiang,CN=leaf.example.com
  alicert::checker ch;
  cas_doc d(c, key_kind::p256);
  d.view.certificate.subject_dn = d.t.text("C=CN,O=****,OU=Ops,L=Hangzhou,ST=Zhejiang,CN=evil.example.com");
  const auto* r = &ch.check(d.doc, {.now = now});
  auto f = of(r->certificates[0], check_id::subject)[0];
  EXPECT_EQ(f.status, finding_status::mismatch);
  EXPECT_NE(f.note.find("differs: CN (reported evil.example.com, certificate leaf.example.com)"), std::string_view::npos)
      << f.note;
  d.view.certificate.subject_dn = d.t.text("C=CN,O=****,OU=Ops,L=Hangzhou,ST=Zhejiang,CN=leaf.example.com");
  r = &ch.check(d.doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::subject), finding_status::masked);
  // a mask stands for an attribute of its own type only
  d.view.certificate.subject_dn = d.t.text("C=CN,O=Example Org,OU=****,ST=Zhejiang,CN=leaf.example.com");
  r = &ch.check(d.doc, {.now = now});
  f = of(r->certificates[0], check_id::subject)[0];
  EXPECT_EQ(f.status, finding_status::mismatch);
  EXPECT_NE(f.note.find("not reported: L=Hangzhou"), std::string_view::npos) << f.note;
  // the whole DN masked
  d.view.certificate.subject_dn = d.t.text("****");
  r = &ch.check(d.doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::subject), finding_status::masked);
}

TEST(Rules, DnNotesNameTheAttributesThatDiffer) {
  cert c = make_cert(cert_spec{});
  alicert::checker ch;
  cas_doc d(c, key_kind::p256);
  d.view.certificate.subject_dn = d.t.text("C=CN,O=Example Org,OU=Dev,L=Hangzhou,CN=leaf.example.com,STREET=Main");
  const auto* r = &ch.check(d.doc, {.now = now});
  const auto f = of(r->certificates[0], check_id::subject)[0];
  EXPECT_EQ(f.status, finding_status::mismatch);
  EXPECT_NE(f.note.find("differs: OU (reported Dev, certificate Ops)"), std::string_view::npos) << f.note;
  EXPECT_NE(f.note.find("not in the certificate: STREET=Main"), std::string_view::npos) << f.note;
  EXPECT_NE(f.note.find("not reported: ST=Zhejiang"), std::string_view::npos) << f.note;
}

TEST(Rules, KmsSansAreOneUntypedSet) {
  cert_spec s;
  s.san = "DNS:127.0.0.1,DNS:www.example.com,IP:192.0.2.10";
  cert c = make_cert(s);
  kms_docs d(c, key_kind::p256);
  alicert::checker ch;
  // the names as KMS lists them: no kinds
  d.describe.subject_alternative_names = d.t.names(
      {{san_type::unspecified, 0, "127.0.0.1"}, {san_type::unspecified, 0, "WWW.example.com"},
       {san_type::unspecified, 0, "192.0.2.10"}});
  const auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  auto f = of(r->certificates[0], check_id::sans)[0];
  EXPECT_EQ(f.status, finding_status::match) << f.note;
  // one the certificate lacks, one it has that is not listed: both named with a kind
  d.describe.subject_alternative_names =
      d.t.names({{san_type::unspecified, 0, "127.0.0.1"}, {san_type::unspecified, 0, "www.example.com"},
                 {san_type::unspecified, 0, "10.1.1.1"}});
  r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  f = of(r->certificates[0], check_id::sans)[0];
  EXPECT_EQ(f.status, finding_status::mismatch);
  EXPECT_NE(f.note.find("not in the certificate: ip:10.1.1.1"), std::string_view::npos) << f.note;
  EXPECT_NE(f.note.find("not reported: ip:192.0.2.10"), std::string_view::npos) << f.note;
}

TEST(Rules, CdnLeadingDotWildcardsAndIpDomains) {
  cert_spec s;
  s.san = "DNS:*.example.com,DNS:example.com,IP:192.0.2.10";
  cert c = make_cert(s);
  alicert::checker ch;
  cdn_doc d;
  d.add(c, "", {".example.com", "www.example.com", "example.com", "192.0.2.10"});
  const auto* r = &ch.check(d.doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::domain_list), finding_status::match) << dump(r->certificates[0]);
  EXPECT_TRUE(r->certificates[0].quirks.has(alicert::quirk::domain_list_leading_dot));
  // `.example.com` needs the wildcard itself: a plain name does not cover it
  cert_spec p;
  p.san = "DNS:www.example.com,DNS:example.com";
  cert plain = make_cert(p);
  cdn_doc e;
  e.add(plain, "", {".example.com", "a.b.example.com", "10.0.0.1"});
  r = &ch.check(e.doc, {.now = now});
  const auto f = of(r->certificates[0], check_id::domain_list)[0];
  EXPECT_EQ(f.status, finding_status::mismatch);
  EXPECT_NE(f.note.find("dns:.example.com"), std::string_view::npos) << f.note;
  EXPECT_NE(f.note.find("dns:a.b.example.com"), std::string_view::npos) << f.note;
  EXPECT_NE(f.note.find("ip:10.0.0.1"), std::string_view::npos) << f.note;
  // an IP address written as a DNS SAN covers the same text
  cert_spec q;
  q.san = "DNS:10.0.0.1";
  cert as_dns = make_cert(q);
  cdn_doc g;
  g.add(as_dns, "", {"10.0.0.1"});
  r = &ch.check(g.doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::domain_list), finding_status::match) << dump(r->certificates[0]);
  // a masked domain hides only itself
  cdn_doc m;
  m.add(plain, "", {"192.0.XX.XX", "evil.example.net"});
  r = &ch.check(m.doc, {.now = now});
  EXPECT_EQ(status(r->certificates[0], check_id::domain_list), finding_status::mismatch);
}

TEST(Rules, LongSanListsCompareAsSets) {
  // Thousands of names, in another order on each side, one of them changed:
  // exactly that one is named (and the comparison is sorted, not quadratic).
  std::string san;
  const int n = 3000;
  for (int i = 0; i < n; ++i) san += (i ? ",DNS:host" : "DNS:host") + std::to_string(i) + ".example.com";
  cert_spec s;
  s.san = san;
  cert c = make_cert(s);
  kms_docs d(c, key_kind::p256);
  std::vector<alicert::san_entry> list;
  for (int i = n - 1; i >= 0; --i)
    list.push_back({san_type::unspecified, 0,
                    d.t.keep(i == 1234 ? std::string("changed.example.com") : "host" + std::to_string(i) + ".example.com")});
  d.describe.subject_alternative_names = d.t.names(list);
  alicert::checker ch;
  const auto* r = &ch.check(d.describe_doc, {.now = now, .paired_get = &d.get});
  const auto f = of(r->certificates[0], check_id::sans)[0];
  EXPECT_EQ(f.status, finding_status::mismatch);
  EXPECT_EQ(f.note.substr(0, 200), "not in the certificate: dns:changed.example.com; not reported: dns:host1234.example.com");
}

}  // namespace
