// The certificate side: PEM shapes, serials, dates, names, SANs; the OpenSSL
// error queue; allocation in the steady state.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "support.h"

// Counting allocations (only while `counting` is set, on this thread). Not
// under AddressSanitizer, which owns operator new.
#if defined(__SANITIZE_ADDRESS__)
#define ALICERT_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ALICERT_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef ALICERT_COUNT_ALLOCATIONS
#define ALICERT_COUNT_ALLOCATIONS 1
#endif

namespace {
thread_local bool counting = false;
std::atomic<long> allocations{0};
// While `failing` is set on this thread, the allocation numbered fail_from
// (counted from the setting) fails, and every later one.
thread_local bool failing = false;
thread_local long fail_from = 0;
thread_local long failing_count = 0;
bool fail_now() {
  return failing && failing_count++ >= fail_from;
}
}  // namespace

#if ALICERT_COUNT_ALLOCATIONS

void* operator new(std::size_t n) {
  if (counting) ++allocations;
  if (fail_now()) throw std::bad_alloc();
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  if (counting) ++allocations;
  if (fail_now()) throw std::bad_alloc();
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
#endif

namespace {

using namespace checktest;
using alicert::check_id;
using alicert::finding_status;

const alicert::utc_seconds now = at(1767225600);  // 2026-01-01

alicert::certificate_report check_cas(alicert::checker& ch, cas_doc& d, alicert::utc_seconds when = now) {
  auto* r = &ch.check(d.doc, {.now = when});
  if (!r || r->certificates.size() != 1) throw std::runtime_error("check");
  return r->certificates[0];
}

TEST(Certificate, EveryPemShape) {
  cert c = make_cert(cert_spec{});
  const std::string pem = c.pem;
  auto replace = [](std::string s, const std::string& from, const std::string& to) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
      if (s.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
      } else {
        out += s[i++];
      }
    }
    return out;
  };
  std::string no_final = pem;
  no_final.pop_back();
  const std::vector<std::pair<std::string, alicert::quirk>> shapes = {
      {replace(pem, "\n", "\r\n"), alicert::quirk::pem_crlf},
      {replace(pem, "\n", "\\n"), alicert::quirk::pem_escaped_newlines},
      {replace(pem, "\n", " "), alicert::quirk::pem_spaces_for_newlines},
      {no_final, alicert::quirk::pem_missing_final_newline},
      {"  \n\t" + pem + "\n\n  ", alicert::quirk::pem_surrounding_whitespace},
  };
  alicert::checker ch;
  for (const auto& [text, q] : shapes) {
    cas_doc d(c, key_kind::p256);
    d.view.certificate.x509_certificate = d.t.text(text);
    const auto cr = check_cas(ch, d);
    EXPECT_EQ(status(cr, check_id::certificate), finding_status::match) << alicert::quirk_name(q);
    EXPECT_TRUE(failures(cr).empty()) << dump(cr);
    EXPECT_TRUE(cr.quirks.has(q)) << alicert::quirk_name(q);
  }
  // canonical PEM: no PEM quirk
  cas_doc d(c, key_kind::p256);
  const auto cr = check_cas(ch, d);
  EXPECT_FALSE(cr.quirks.has(alicert::quirk::pem_crlf));
  EXPECT_FALSE(cr.quirks.has(alicert::quirk::pem_missing_final_newline));
  // non-base64 between the armour lines is an invalid certificate
  cas_doc e(c, key_kind::p256);
  e.view.certificate.x509_certificate = e.t.text(replace(pem, "MII", "MI#"));
  EXPECT_EQ(status(check_cas(ch, e), check_id::certificate), finding_status::invalid);
}

TEST(Certificate, Serials) {
  alicert::checker ch;
  struct row {
    std::string serial;
    bool negative;
    std::string reported;
    finding_status expected;
    bool zeros_quirk;
  };
  const std::vector<row> rows = {
      {"80", false, "80", finding_status::match, false},                 // high bit: DER 00 80
      {"80", false, "0080", finding_status::match, true},
      {"8f3a5c7e9b1d2f40", false, "8F:3A:5C:7E:9B:1D:2F:40", finding_status::match, false},
      {"0abcdef012345678", false, "0abcdef012345678", finding_status::match, true},  // 0 then magnitude abcdef...
      {"7f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c", false, "7F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C",
       finding_status::match, false},  // 20 bytes
      {"c3a19f00d2e4b6a8c3a19f00d2e4b6a8c3a19f", false, "00c3a19f00d2e4b6a8c3a19f00d2e4b6a8c3a19f",
       finding_status::match, true},  // 19 bytes high bit, padded as 20 DER octets
      {"01", false, "1", finding_status::match, false},
      {"01", false, "2", finding_status::mismatch, false},
      {"01", false, "0x01", finding_status::match, true},
      {"1234", true, "-1234", finding_status::match, false},  // negative serial
      {"1234", false, "12 34 ZZ", finding_status::invalid, false},
  };
  for (const auto& rw : rows) {
    cert_spec s;
    s.serial_hex = rw.serial;
    s.serial_negative = rw.negative;
    cert c = make_cert(s);
    cas_doc d(c, key_kind::p256);
    d.view.certificate.serial_number = d.t.text(rw.reported);
    const auto cr = check_cas(ch, d);
    EXPECT_EQ(status(cr, check_id::serial), rw.expected) << rw.serial << " vs " << rw.reported << ": " << dump(cr);
    EXPECT_EQ(cr.facts.serial, serial_hex(c.x.get()));
    EXPECT_EQ(cr.quirks.has(alicert::quirk::serial_leading_zeros), rw.zeros_quirk) << rw.reported;
    if (rw.negative) EXPECT_EQ(cr.facts.serial.substr(0, 1), "-");
  }
}

TEST(Certificate, DatesBefore1970AndAfter2049) {
  alicert::checker ch;
  const std::vector<std::pair<std::string, std::string>> ranges = {
      {"19500101000000Z", "99991231235959Z"},
      {"19450615120000Z", "19690720201800Z"},  // GeneralizedTime before 1950, all before 1970
      {"20491231235959Z", "20500101000000Z"},  // UTCTime then GeneralizedTime
      {"20240229000000Z", "21000301000000Z"},
  };
  for (const auto& [nb, na] : ranges) {
    cert_spec s;
    s.not_before = nb;
    s.not_after = na;
    cert c = make_cert(s);
    cas_doc d(c, key_kind::p256);
    auto cr = check_cas(ch, d);
    EXPECT_TRUE(failures(cr).empty()) << nb << ": " << dump(cr);
    EXPECT_EQ(status(cr, check_id::not_before), finding_status::match);
    EXPECT_EQ(status(cr, check_id::not_after), finding_status::match);
    EXPECT_EQ(status(cr, check_id::validity_days), finding_status::match);
    EXPECT_EQ(cr.facts.not_before.time_since_epoch().count(), not_before(c.x.get()));
    EXPECT_EQ(cr.facts.not_after.time_since_epoch().count(), not_after(c.x.get()));
    EXPECT_EQ(of(cr, check_id::not_before)[0].actual, format_time(not_before(c.x.get())));
    // one second off is a mismatch
    d.view.certificate.after_date = d.t.time("1", not_after(c.x.get()) + 1);
    cr = check_cas(ch, d);
    EXPECT_EQ(status(cr, check_id::not_after), finding_status::mismatch);
  }
}

TEST(Certificate, ValidityAtNow) {
  cert c = make_cert(cert_spec{});  // 2024-01-01 .. 2026-01-01T12:00
  alicert::checker ch;
  cas_doc d(c, key_kind::p256);
  EXPECT_EQ(check_cas(ch, d, at(1700000000)).facts.validity_at_now, alicert::validity_state::not_yet_valid);
  EXPECT_EQ(check_cas(ch, d, at(1767225600)).facts.validity_at_now, alicert::validity_state::valid);
  EXPECT_EQ(check_cas(ch, d, at(1767268800)).facts.validity_at_now, alicert::validity_state::valid);  // the last second
  EXPECT_EQ(check_cas(ch, d, at(1767268801)).facts.validity_at_now, alicert::validity_state::expired);
}

TEST(Certificate, DistinguishedNames) {
  alicert::checker ch;
  struct row {
    name_parts subject;
    std::vector<std::string> reported_match;
    std::vector<std::string> reported_mismatch;
  };
  const std::vector<row> rows = {
      {{{"C", "CN"}, {"O", "阿里云计算有限公司"}, {"L", "München"}, {"CN", "测试"}},
       {"CN=测试,L=München,O=阿里云计算有限公司,C=CN", "C=CN, O=阿里云计算有限公司, L=M\\C3\\BCnchen, CN=测试"},
       {"CN=测试,L=Munchen,O=阿里云计算有限公司,C=CN"}},
      {{{"O", "Acme, Inc. + \"Partners\""}, {"OU", "a\\b"}, {"CN", " lead"}},
       {"CN=\\ lead,OU=a\\\\b,O=Acme\\, Inc. \\+ \\\"Partners\\\"", "O=Acme\\2C Inc. \\2B \\22Partners\\22,OU=a\\5Cb,CN=\\20lead"},
       {"CN=lead,OU=a\\\\b,O=Acme\\, Inc. \\+ \\\"Partners\\\""}},
      {{{"OU", "one"}, {"OU", "two", true}, {"CN", "multi"}, {"UID", "u1", true}},
       {"UID=u1+CN=multi,OU=two+OU=one", "CN=multi+UID=u1,OU=one+OU=two"},
       {"CN=multi,UID=u1,OU=one", "CN=multi+UID=u1,OU=one+OU=two,OU=three"}},
      {{{"ST", "Zhejiang"}, {"emailAddress", "ops@example.com"}, {"CN", "mail"}},
       {"CN=mail,E=ops@example.com,S=Zhejiang", "emailAddress=OPS@Example.com,CN=mail,ST=Zhejiang"},
       {"CN=mail,E=dev@example.com,S=Zhejiang"}},
  };
  for (const auto& rw : rows) {
    cert_spec s;
    s.subject = rw.subject;
    cert c = make_cert(s);
    for (const auto& text : rw.reported_match) {
      cas_doc d(c, key_kind::p256);
      d.view.certificate.subject_dn = d.t.text(text);
      const auto cr = check_cas(ch, d);
      EXPECT_EQ(status(cr, check_id::subject), finding_status::match) << text << " vs " << cr.facts.subject;
      EXPECT_TRUE(failures(cr).empty()) << dump(cr);
    }
    for (const auto& text : rw.reported_mismatch) {
      cas_doc d(c, key_kind::p256);
      d.view.certificate.subject_dn = d.t.text(text);
      EXPECT_EQ(status(check_cas(ch, d), check_id::subject), finding_status::mismatch) << text;
    }
  }
  // unparseable DN text is invalid
  cert c = make_cert(cert_spec{});
  cas_doc d(c, key_kind::p256);
  d.view.certificate.subject_dn = d.t.text("CN=a,=b,,");
  EXPECT_EQ(status(check_cas(ch, d), check_id::subject), finding_status::invalid);
  // BMPString and PrintableString values compare as text
  cert_spec b;
  b.subject = {{"C", "CN", false, V_ASN1_PRINTABLESTRING}, {"CN", "bmp name", false, MBSTRING_BMP}};
  cert e = make_cert(b);
  cas_doc f(e, key_kind::p256);
  const auto cr = check_cas(ch, f);
  EXPECT_EQ(status(cr, check_id::subject), finding_status::match) << dump(cr);
  EXPECT_EQ(status(cr, check_id::common_name), finding_status::match);
}

TEST(Certificate, SubjectAlternativeNames) {
  cert_spec s;
  s.san = "DNS:a.example.com,IP:2001:db8::1,IP:::ffff:192.0.2.1,email:user@example.com,"
          "URI:https://example.com/x?y=1,otherName:1.2.3.4;UTF8:ignored,RID:1.2.3.4";
  cert c = make_cert(s);
  alicert::checker ch;
  cas_doc d(c, key_kind::p256);
  auto cr = check_cas(ch, d);
  EXPECT_EQ(status(cr, check_id::sans), finding_status::match) << dump(cr);
  ASSERT_EQ(cr.facts.sans.size(), 5u);  // otherName and registeredID are not reportable
  EXPECT_EQ(cr.facts.sans[1].type, alicert::san_kind::ip);
  EXPECT_EQ(cr.facts.sans[1].value, "2001:db8::1");
  EXPECT_EQ(cr.facts.sans[3].type, alicert::san_kind::email);
  EXPECT_EQ(cr.facts.sans[4].type, alicert::san_kind::uri);
  // the reported IPv6 in another notation
  d.view.certificate.sans = d.t.names({{alicert::san_type::dns, 2, "A.EXAMPLE.COM"},
                                       {alicert::san_type::ip, 7, "2001:DB8:0:0:0:0:0:1"},
                                       {alicert::san_type::ip, 7, "::FFFF:c000:0201"},
                                       {alicert::san_type::email, 1, "user@example.com"},
                                       {alicert::san_type::uri, 6, "https://example.com/x?y=1"}});
  cr = check_cas(ch, d);
  EXPECT_EQ(status(cr, check_id::sans), finding_status::match) << dump(cr);
  // a URI differing in case is another URI
  d.view.certificate.sans = d.t.names({{alicert::san_type::dns, 2, "a.example.com"},
                                       {alicert::san_type::ip, 7, "2001:db8::1"},
                                       {alicert::san_type::ip, 7, "::ffff:192.0.2.1"},
                                       {alicert::san_type::email, 1, "user@example.com"},
                                       {alicert::san_type::uri, 6, "https://example.com/X?y=1"}});
  cr = check_cas(ch, d);
  EXPECT_EQ(status(cr, check_id::sans), finding_status::mismatch);
  // no SAN extension and an empty reported list: a match
  cert_spec n;
  n.san = "";
  cert e = make_cert(n);
  cas_doc f(e, key_kind::p256);
  cr = check_cas(ch, f);
  EXPECT_EQ(status(cr, check_id::sans), finding_status::match) << dump(cr);
  EXPECT_TRUE(cr.facts.sans.empty());
}

TEST(Certificate, OpenSslErrorQueueIsLeftAsFound) {
  cert c = make_cert(cert_spec{});
  alicert::checker ch;
  ERR_clear_error();
  ERR_raise_data(ERR_LIB_USER, 42, "sentinel");
  const unsigned long before = ERR_peek_last_error();
  ASSERT_NE(before, 0u);
  for (const char* pem : {"", "garbage", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"}) {
    cas_doc d(c, key_kind::p256);
    if (*pem) d.view.certificate.x509_certificate = d.t.text(pem);
    auto* r = &ch.check(d.doc, {.now = now});
    ASSERT_TRUE(r);
    EXPECT_EQ(ERR_peek_last_error(), before);
    EXPECT_EQ(ERR_peek_error(), before);
  }
  ERR_clear_error();
  cas_doc d(c, key_kind::p256);
  auto* r = &ch.check(d.doc, {.now = now});
  EXPECT_EQ(ERR_peek_error(), 0u);
}

TEST(Certificate, NoAllocationInTheSteadyState) {
  if (!ALICERT_COUNT_ALLOCATIONS) GTEST_SKIP() << "allocations are not counted under AddressSanitizer";
  cert c = make_cert(cert_spec{});
  cert_spec big;
  big.kind = key_kind::rsa4096;
  big.san = "DNS:a.example.com,DNS:b.example.com,IP:10.0.0.1,IP:2001:db8::2,email:x@example.com";
  cert b = make_cert(big);
  cas_doc d1(c, key_kind::p256);
  cas_doc d2(b, key_kind::rsa4096);
  kms_docs k(c, key_kind::p256, b.pem, csr_pem(key(key_kind::p256)));
  cdn_doc n;
  n.add(c, b.pem, {"leaf.example.com", "x.api.example.com"});
  n.add(b, "", {"a.example.com"});
  alicert::checker ch;
  auto all = [&] {
    bool ok = true;
    ok = ok && !ch.check(d1.doc, {.now = now}).certificates.empty();
    ok = ok && !ch.check(d2.doc, {.now = now}).certificates.empty();
    ok = ok && !ch.check(k.describe_doc, {.now = now, .paired_get = &k.get}).certificates.empty();
    ok = ok && !ch.check(k.get_doc, {.now = now}).certificates.empty();
    ok = ok && !ch.check(n.doc, {.now = now}).certificates.empty();
    return ok;
  };
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(all());
  allocations = 0;
  counting = true;
  bool ok = true;
  for (int i = 0; i < 10; ++i) ok = ok && all();
  counting = false;
  EXPECT_TRUE(ok);
  EXPECT_EQ(allocations.load(), 0);
}

TEST(Certificate, ReportCarriesTheReportedIdAndSurvivesAMove) {
  cert c = make_cert(cert_spec{});
  cas_doc d(c, key_kind::p256);
  alicert::checker ch;
  const auto* r = &ch.check(d.doc, {.now = now});
  ASSERT_EQ(r->certificates.size(), 1u);
  EXPECT_EQ(r->certificates[0].id.text, d.view.certificate.identifier.text);
  EXPECT_EQ(r->certificates[0].id.state, d.view.certificate.identifier.state);
  // a moved checker checks as the original did
  alicert::checker moved(std::move(ch));
  const auto* s = &moved.check(d.doc, {.now = now});
  ASSERT_EQ(s->certificates.size(), 1u);
  EXPECT_FALSE(s->failed());
}

// The out-of-memory policy (README): whichever allocation of a check fails,
// the report says out_of_memory and lists nothing, and the same checker then
// checks the document as if nothing had happened.
TEST(Certificate, OutOfMemoryIsReportedAndTheCheckerStaysUsable) {
  if (!ALICERT_COUNT_ALLOCATIONS) GTEST_SKIP() << "allocations are not counted under AddressSanitizer";
  cert_spec big;
  big.kind = key_kind::rsa2048;
  big.san = "DNS:a.example.com,DNS:b.example.com,IP:10.0.0.1,email:x@example.com";
  cert b = make_cert(big);
  cdn_doc n;
  n.add(b, b.pem, {"a.example.com", "b.example.com"});
  bool failed_once = false;
  for (long k = 0; k < 200; ++k) {
    alicert::checker ch;
    fail_from = k;
    failing_count = 0;
    failing = true;
    const bool oom = ch.check(n.doc, {.now = now}).out_of_memory;
    failing = false;
    const auto& again = ch.check(n.doc, {.now = now});
    ASSERT_FALSE(again.out_of_memory) << k;
    ASSERT_EQ(again.certificates.size(), 1u) << k;
    EXPECT_EQ(status(again.certificates[0], check_id::chain), finding_status::match) << k;  // itself, self-signed
    if (!oom) break;
    failed_once = true;
  }
  EXPECT_TRUE(failed_once);
}

}  // namespace
