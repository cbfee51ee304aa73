// Names: reading, UTF-8 conversion, RFC 4514 rendering, reported-text parsing, set comparison.
#include <gtest/gtest.h>

#include <openssl/x509.h>

#include <filesystem>
#include <string>
#include <vector>

#include "alicert/x509/certificate.h"
#include "alicert/x509/name.h"
#include "alicert/x509/oid.h"
#include "x509_test_support.h"

namespace alicert::x509 {
namespace {

struct loaded {
  std::vector<std::uint8_t> der;
  certificate_view cert;
};

loaded load(const char* file) {
  loaded l;
  l.der = test::load_der(test::x509_data(file));
  auto r = read_certificate(l.der);
  EXPECT_TRUE(r) << file;
  if (r) l.cert = *r;
  return l;
}

std::string rfc4514(name_view n) {
  std::string out;
  auto r = format_name(n, out);
  EXPECT_TRUE(r);
  return std::string(r ? *r : "");
}

// OpenSSL's RFC 2253 rendering, without its \XX escapes of non-ASCII bytes.
std::string openssl_rfc2253(std::span<const std::uint8_t> cert_der, bool subject) {
  auto cert = test::openssl_parse(cert_der);
  if (!cert) return "<unreadable>";
  BIO* bio = BIO_new(BIO_s_mem());
  X509_NAME_print_ex(bio, subject ? X509_get_subject_name(cert.get()) : X509_get_issuer_name(cert.get()), 0,
                     XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string s(data, static_cast<std::size_t>(n));
  BIO_free(bio);
  return s;
}

TEST(name_reader, walks_multi_valued_rdns) {
  const loaded l = load("name_multivalued.pem");
  name_reader r(l.cert.subject);
  name_entry e;
  std::vector<std::pair<std::size_t, std::string>> got;
  char buf[64];
  while (r.next(e)) got.emplace_back(e.rdn, std::string(format_oid(e.type, buf)));
  EXPECT_FALSE(r.malformed());
  ASSERT_EQ(got.size(), 7u);
  // C, O, OU+CN, emailAddress, DC, DC: the fourth attribute shares the third's RDN.
  EXPECT_EQ(got[0], std::make_pair(std::size_t{0}, std::string("2.5.4.6")));
  EXPECT_EQ(got[2].first, 2u);
  EXPECT_EQ(got[3].first, 2u);
  EXPECT_EQ(got[4], std::make_pair(std::size_t{3}, std::string("1.2.840.113549.1.9.1")));
  EXPECT_EQ(got[6].first, 5u);
}

TEST(name_reader, malformed) {
  const std::uint8_t bad[] = {0x30, 0x03, 0x04, 0x01, 0x00};
  name_reader r(name_view{bad});
  name_entry e;
  EXPECT_FALSE(r.next(e));
  EXPECT_TRUE(r.malformed());
  const std::uint8_t empty[] = {0x30, 0x00};
  name_reader er(name_view{empty});
  EXPECT_FALSE(er.next(e));
  EXPECT_FALSE(er.malformed());
}

TEST(append_utf8, every_string_kind) {
  std::string out;
  const std::uint8_t latin1[] = {'C', 'a', 'f', 0xe9};
  EXPECT_TRUE(append_utf8(0x14, latin1, out));
  EXPECT_EQ(out, "Café");
  out.clear();
  const std::uint8_t bmp[] = {0x96, 0x3f, 0x91, 0xcc, 0xd8, 0x3d, 0xde, 0x00};  // 阿里 + U+1F600 as a pair
  EXPECT_TRUE(append_utf8(0x1e, bmp, out));
  EXPECT_EQ(out, "阿里😀");
  out.clear();
  const std::uint8_t ucs4[] = {0, 0, 0, 'a', 0, 1, 0xf6, 0x00};
  EXPECT_TRUE(append_utf8(0x1c, ucs4, out));
  EXPECT_EQ(out, "a😀");
  out = "keep";
  const std::uint8_t odd[] = {0, 'a', 0};
  EXPECT_FALSE(append_utf8(0x1e, odd, out));
  const std::uint8_t bad_utf8[] = {0xc0, 0x80};
  EXPECT_FALSE(append_utf8(0x0c, bad_utf8, out));
  const std::uint8_t lone_surrogate[] = {0xd8, 0x00};
  EXPECT_FALSE(append_utf8(0x1e, lone_surrogate, out));
  const std::uint8_t integer[] = {0x01};
  EXPECT_FALSE(append_utf8(0x02, integer, out));
  EXPECT_EQ(out, "keep");
  const std::uint8_t segments[] = {0x0c, 0x02, 'a', 'b', 0x0c, 0x01, 'c'};
  EXPECT_TRUE(append_utf8(0x2c, segments, out));
  EXPECT_EQ(out, "keepabc");
}

TEST(format_name, matches_openssl_rfc2253) {
  for (const char* file : {"name_utf8.pem", "name_multivalued.pem", "name_escaped.pem", "name_bmp.pem",
                           "name_universal.pem", "name_t61.der", "san_all.pem", "chain_leaf.pem"}) {
    const loaded l = load(file);
    EXPECT_EQ(rfc4514(l.cert.subject), openssl_rfc2253(l.der, true)) << file;
    EXPECT_EQ(rfc4514(l.cert.issuer), openssl_rfc2253(l.der, false)) << file;
  }
}

TEST(format_name, examples) {
  const loaded utf8 = load("name_utf8.pem");
  EXPECT_EQ(rfc4514(utf8.cert.subject), "CN=Aliyun,ST=Zhejiang,L=Hangzhou,OU=Security,O=阿里云计算有限公司,C=CN");
  const loaded esc = load("name_escaped.pem");
  EXPECT_EQ(rfc4514(esc.cert.subject),
            "serialNumber=42,L=\\ lead and trail\\ ,OU=x\\\"y\\<z\\>\\;#,O=Alibaba Cloud Computing Co.\\, Ltd.,"
            "CN=a\\,b\\+c");
  // A value that is no string is written as #hex of its DER.
  const std::uint8_t seq_value[] = {0x30, 0x0c, 0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55,
                                    0x04, 0x03, 0x30, 0x01, 0x05};
  std::string out;
  ASSERT_TRUE(format_name(name_view{std::span<const std::uint8_t>(seq_value, 14)}, out));
  EXPECT_EQ(out, "CN=#300105");
}

TEST(format_name, many_attributes) {
  // More than the 64 attributes format_name keeps track of on its stack.
  std::vector<std::uint8_t> rdns;
  for (int i = 0; i < 70; ++i) {
    const std::uint8_t atv[] = {0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x0b, 0x0c, 0x01,
                                static_cast<std::uint8_t>('A' + i % 26)};
    rdns.insert(rdns.end(), std::begin(atv), std::end(atv));
  }
  std::vector<std::uint8_t> der = {0x30, 0x82, 0x00, static_cast<std::uint8_t>(rdns.size())};
  der[2] = static_cast<std::uint8_t>(rdns.size() >> 8);
  der[3] = static_cast<std::uint8_t>(rdns.size());
  der.insert(der.end(), rdns.begin(), rdns.end());
  std::string out;
  ASSERT_TRUE(format_name(name_view{der}, out));
  EXPECT_TRUE(out.starts_with("OU=R,OU=Q,")) << out;  // the 70th is 'A' + 69 % 26 = 'R'
  EXPECT_TRUE(out.ends_with(",OU=B,OU=A"));
  EXPECT_EQ(std::count(out.begin(), out.end(), ','), 69);
}

// name_set::format after read() is format_name of the same Name: every
// certificate of the test data, of the DER corpus (mutants included) and of
// Debian's CA bundle when installed, and the Names built above.
TEST(name_set, format_after_read_is_format_name) {
  std::vector<std::vector<std::uint8_t>> ders;
  namespace fs = std::filesystem;
  const fs::path dirs[] = {fs::path(ALICERT_TEST_DATA_DIR) / "x509", fs::path(ALICERT_CORPUS_DIR) / "der",
                           fs::path("/usr/share/ca-certificates/mozilla")};
  for (const fs::path& dir : dirs) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.is_regular_file()) ders.push_back(test::load_der(e.path()));
  }
  std::size_t names = 0;
  name_set set;
  std::string via_set, via_der;
  for (const auto& der : ders) {
    auto cert = read_certificate(der);
    if (!cert) continue;
    for (const name_view n : {cert->subject, cert->issuer}) {
      auto direct = format_name(n, via_der);
      ASSERT_TRUE(direct);
      ASSERT_TRUE(set.read(n));
      auto rendered = set.format(via_set);
      ASSERT_TRUE(rendered);
      EXPECT_EQ(*rendered, *direct);
      ++names;
    }
  }
  EXPECT_GT(names, 200u);
  // A value that is no string (#hex, not escaped), a string that begins with '#'
  // (escaped), spaces at both ends, a multi-valued RDN, and more than 64 attributes.
  const std::vector<std::uint8_t> built[] = {
      {0x30, 0x0c, 0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x30, 0x01, 0x05},
      {0x30, 0x0e, 0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x03, '#', 'a', ' '},
      {0x30, 0x1c, 0x31, 0x1a, 0x30, 0x0b, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x04, ' ', 'a', '+', 'b',
       0x30, 0x0b, 0x06, 0x03, 0x55, 0x04, 0x0a, 0x13, 0x04, 'O', ',', '<', ';'},
  };
  for (const auto& der : built) {
    auto direct = format_name(name_view{der}, via_der);
    ASSERT_TRUE(direct);
    ASSERT_TRUE(set.read(name_view{der}));
    auto rendered = set.format(via_set);
    ASSERT_TRUE(rendered);
    EXPECT_EQ(*rendered, *direct);
  }
  std::vector<std::uint8_t> rdns;
  for (int i = 0; i < 70; ++i) {
    const std::uint8_t atv[] = {0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x0b, 0x0c, 0x01,
                                static_cast<std::uint8_t>('A' + i % 26)};
    rdns.insert(rdns.end(), std::begin(atv), std::end(atv));
  }
  std::vector<std::uint8_t> long_name = {0x30, 0x82, static_cast<std::uint8_t>(rdns.size() >> 8),
                                         static_cast<std::uint8_t>(rdns.size())};
  long_name.insert(long_name.end(), rdns.begin(), rdns.end());
  ASSERT_TRUE(set.read(name_view{long_name}));
  EXPECT_EQ(*set.format(via_set), *format_name(name_view{long_name}, via_der));
}

std::vector<std::pair<std::string, std::string>> pairs(std::span<const name_attribute> attrs) {
  std::vector<std::pair<std::string, std::string>> out;
  char buf[64];
  for (const auto& a : attrs) out.emplace_back(std::string(format_oid(a.type, buf)), std::string(a.value));
  return out;
}

TEST(name_set, parses_reported_text) {
  name_set s;
  auto r = s.parse_text("C=CN,O=阿里云计算有限公司,OU=Security,L=Hangzhou,ST=Zhejiang,CN=Aliyun");
  ASSERT_TRUE(r);
  const auto p = pairs(*r);
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(p[0], std::make_pair(std::string("2.5.4.6"), std::string("CN")));
  EXPECT_EQ(p[1], std::make_pair(std::string("2.5.4.10"), std::string("阿里云计算有限公司")));
  EXPECT_EQ(p[5], std::make_pair(std::string("2.5.4.3"), std::string("Aliyun")));
  EXPECT_EQ((*r)[5].rdn, 5u);
}

TEST(name_set, escapes_aliases_and_multi_values) {
  name_set s;
  auto r = s.parse_text(R"( cn = a\,b\+c + ou=kms , S=Zhe\6A\69ang;x, E=ca@example.com,2.5.4.5=42,oid.2.5.4.7=\E6\9D\AD\E5\B7\9E, emailAddress="q, \"r\"")");
  ASSERT_TRUE(r) << r.error().message;
  const auto p = pairs(*r);
  ASSERT_EQ(p.size(), 7u);
  EXPECT_EQ(p[0].second, "a,b+c");
  EXPECT_EQ(p[1], std::make_pair(std::string("2.5.4.11"), std::string("kms")));
  EXPECT_EQ((*r)[0].rdn, (*r)[1].rdn);
  EXPECT_EQ(p[2], std::make_pair(std::string("2.5.4.8"), std::string("Zhejiang;x")));
  EXPECT_EQ(p[3], std::make_pair(std::string("1.2.840.113549.1.9.1"), std::string("ca@example.com")));
  EXPECT_EQ(p[4], std::make_pair(std::string("2.5.4.5"), std::string("42")));
  EXPECT_EQ(p[5], std::make_pair(std::string("2.5.4.7"), std::string("杭州")));
  EXPECT_EQ(p[6].second, "q, \"r\"");
}

TEST(name_set, unescaped_commas_inside_values) {
  name_set s;
  auto r = s.parse_text("CN=x,O=Alibaba Cloud Computing Co., Ltd.,C=CN");
  ASSERT_TRUE(r);
  const auto p = pairs(*r);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[1].second, "Alibaba Cloud Computing Co., Ltd.");
  auto plus = s.parse_text("CN=C++ fans");
  ASSERT_TRUE(plus);
  EXPECT_EQ(pairs(*plus)[0].second, "C++ fans");
}

TEST(name_set, trailing_and_escaped_spaces) {
  name_set s;
  auto r = s.parse_text("CN=  padded  , O=\\ kept\\ ");
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[0].value, "padded");
  EXPECT_EQ((*r)[1].value, " kept ");
  auto empty = s.parse_text("   ");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  auto hex = s.parse_text("CN=#0c03616263,O=#020105");
  ASSERT_TRUE(hex);
  EXPECT_EQ((*hex)[0].value, "abc");
  EXPECT_EQ((*hex)[1].value, "#020105");
}

TEST(name_set, malformed_text) {
  name_set s;
  for (const char* text : {"CN", "=x", "CN=a,", "CN=a\\", "CN=\\zz", "XYZZY=1", "CN=\"open", "CN=\\C3",
                           "CN=#0c0361", "CN=#xyz", "9.1=x", "CN=a+", "CN=a, "}) {
    auto r = s.parse_text(text);
    EXPECT_FALSE(r) << text;
    if (!r) EXPECT_EQ(r.error().code, error_code::bad_name) << text;
  }
}

TEST(name_set, certificate_and_text_compare_as_sets) {
  const loaded l = load("name_utf8.pem");
  name_set from_cert, from_text;
  ASSERT_TRUE(from_cert.read(l.cert.subject));
  ASSERT_TRUE(from_text.parse_text("CN=Aliyun, c=cn, O=阿里云计算有限公司, OU=Security, L=Hangzhou, S=Zhejiang"));
  EXPECT_TRUE(same_name(from_cert.attributes(), from_text.attributes()));
  ASSERT_TRUE(from_text.parse_text("CN=Aliyun,C=CN,O=阿里云计算有限公司,OU=Security,L=Hangzhou"));
  EXPECT_FALSE(same_name(from_cert.attributes(), from_text.attributes()));
  ASSERT_TRUE(from_text.parse_text("CN=aliyun,C=CN,O=阿里云计算有限公司,OU=Security,L=Hangzhou,ST=Zhejiang"));
  EXPECT_FALSE(same_name(from_cert.attributes(), from_text.attributes()));

  const loaded kms = load("chain_intermediate.pem");
  ASSERT_TRUE(from_cert.read(kms.cert.subject));
  ASSERT_TRUE(from_text.parse_text("CN=testCA,OU=kms,O=aliyun,C=CN"));
  EXPECT_TRUE(same_name(from_cert.attributes(), from_text.attributes()));

  const loaded esc = load("name_escaped.pem");
  ASSERT_TRUE(from_cert.read(esc.cert.subject));
  std::string rendered;
  ASSERT_TRUE(format_name(esc.cert.subject, rendered));
  ASSERT_TRUE(from_text.parse_text(rendered)) << rendered;
  EXPECT_TRUE(same_name(from_cert.attributes(), from_text.attributes())) << rendered;

  for (const char* file : {"name_bmp.pem", "name_universal.pem", "name_t61.der", "name_multivalued.pem"}) {
    const loaded other = load(file);
    ASSERT_TRUE(from_cert.read(other.cert.subject));
    ASSERT_TRUE(format_name(other.cert.subject, rendered));
    ASSERT_TRUE(from_text.parse_text(rendered)) << rendered;
    EXPECT_TRUE(same_name(from_cert.attributes(), from_text.attributes())) << file << ": " << rendered;
  }
}

TEST(name_set, case_rules) {
  EXPECT_TRUE(same_value(oids::country, "cn", "CN"));
  EXPECT_TRUE(same_value(oids::email_address, "A@Example.com", "a@example.COM"));
  EXPECT_FALSE(same_value(oids::common_name, "Aliyun", "aliyun"));
}

TEST(name_set, reuse_does_not_keep_old_entries) {
  name_set s;
  ASSERT_TRUE(s.parse_text("CN=a,O=b,OU=c"));
  ASSERT_TRUE(s.parse_text("CN=z"));
  ASSERT_EQ(s.attributes().size(), 1u);
  EXPECT_EQ(s.attributes()[0].value, "z");
}

}  // namespace
}  // namespace alicert::x509
