// The certificate reader on generated certificates, hand-made malformed DER,
// and mutants that OpenSSL accepts although they stray from DER.
#include <gtest/gtest.h>

#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "alicert/limits.h"
#include "alicert/x509/certificate.h"
#include "alicert/x509/der.h"
#include "alicert/x509/general_name.h"
#include "alicert/x509/oid.h"
#include "mutant_support.h"
#include "x509_test_support.h"

namespace alicert::x509 {
namespace {

using namespace mutants;

// The DER and the view into it, kept together so the view never dangles
// (a vector's buffer survives the move out of load()).
struct owned {
  bytes_t der;
  certificate_view cert;
};

owned load(const char* file) {
  owned o;
  o.der = test::load_der(test::x509_data(file));
  o.cert = must_read(o.der);
  return o;
}

struct key_case {
  const char* file;
  key_type type;
  std::uint32_t bits;
};

class key_types : public ::testing::TestWithParam<key_case> {};

// Test names from file names ("rsa2048.pem" -> "rsa2048_pem"), stable across builds.
std::string file_test_name(const char* file) {
  std::string name = file;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

TEST_P(key_types, type_and_size) {
  const key_case& c = GetParam();
  const bytes_t der = test::load_der(test::x509_data(c.file));
  ASSERT_FALSE(der.empty()) << c.file;
  const certificate_view cert = must_read(der);
  EXPECT_EQ(cert.public_key.type, c.type) << c.file;
  EXPECT_EQ(cert.public_key.key_bits, c.bits) << c.file;
  EXPECT_EQ(cert.version, 3);
  EXPECT_TRUE(cert.quirks.empty()) << c.file;
}

INSTANTIATE_TEST_SUITE_P(
    generated, key_types,
    ::testing::Values(key_case{"rsa512.pem", key_type::rsa, 512}, key_case{"rsa2048.pem", key_type::rsa, 2048},
                      key_case{"rsa3072.pem", key_type::rsa, 3072}, key_case{"rsa4096.pem", key_type::rsa, 4096},
                      key_case{"rsa2048.der", key_type::rsa, 2048}, key_case{"ec_p256.pem", key_type::ec, 256},
                      key_case{"ec_p384.pem", key_type::ec, 384}, key_case{"ec_p521.pem", key_type::ec, 521},
                      key_case{"ec_secp256k1.pem", key_type::ec, 256}, key_case{"ec_explicit.pem", key_type::ec, 256},
                      key_case{"sm2.pem", key_type::sm2, 256}, key_case{"ed25519.pem", key_type::ed25519, 256},
                      key_case{"ed448.pem", key_type::ed448, 456}, key_case{"rsa_pss.pem", key_type::rsa_pss, 2048},
                      key_case{"dsa2048.pem", key_type::dsa, 2048}),
    [](const auto& info) { return file_test_name(info.param.file); });

TEST(certificate, curves_and_signature_algorithms) {
  const owned p256_owned = load("ec_p256.pem");
  const certificate_view& p256 = p256_owned.cert;
  EXPECT_TRUE(same_oid(p256.public_key.curve, oids::prime256v1));
  EXPECT_TRUE(same_oid(p256.public_key.algorithm.oid, oids::ec_public_key));
  char scratch[64];
  EXPECT_EQ(signature_algorithm_name(p256.signature_algorithm.oid, scratch), "ecdsa-with-SHA256");
  const owned sm2_owned = load("sm2.pem");
  const certificate_view& sm2 = sm2_owned.cert;
  EXPECT_TRUE(same_oid(sm2.public_key.curve, oids::sm2));
  EXPECT_EQ(signature_algorithm_name(sm2.signature_algorithm.oid, scratch), "SM2-with-SM3");
  const owned explicit_curve_owned = load("ec_explicit.pem");
  const certificate_view& explicit_curve = explicit_curve_owned.cert;
  EXPECT_TRUE(explicit_curve.public_key.curve.empty());
  const owned rsa_owned = load("rsa2048.pem");
  const certificate_view& rsa = rsa_owned.cert;
  EXPECT_EQ(signature_algorithm_name(rsa.signature_algorithm.oid, scratch), "sha256WithRSAEncryption");
  EXPECT_EQ(rsa.signature_algorithm.der.size(), rsa.tbs_signature.der.size());
  const owned pss_owned = load("rsa_pss.pem");
  const certificate_view& pss = pss_owned.cert;
  EXPECT_EQ(signature_algorithm_name(pss.signature_algorithm.oid, scratch), "rsassaPss");
  EXPECT_FALSE(pss.signature_algorithm.parameters.empty());
  const owned ed_owned = load("ed25519.pem");
  const certificate_view& ed = ed_owned.cert;
  EXPECT_EQ(signature_algorithm_name(ed.signature_algorithm.oid, scratch), "ED25519");
  EXPECT_TRUE(ed.signature_algorithm.parameters.empty());
  EXPECT_EQ(ed.public_key.key.size(), 32u);
}

TEST(certificate, views_cover_the_der) {
  const bytes_t der = test::load_der(test::x509_data("chain_leaf.pem"));
  const certificate_view cert = must_read(der);
  EXPECT_EQ(cert.der.data(), der.data());
  EXPECT_EQ(cert.der.size(), der.size());
  EXPECT_EQ(cert.tbs.data(), der.data() + 4);
  EXPECT_GT(cert.signature.size(), 60u);  // ECDSA by the intermediate
  const owned inter_owned = load("chain_intermediate.pem");
  const certificate_view& inter = inter_owned.cert;
  const owned root_owned = load("chain_root.pem");
  const certificate_view& root = root_owned.cert;
  EXPECT_EQ(hex(cert.issuer.der), hex(inter.subject.der));
  EXPECT_EQ(hex(inter.issuer.der), hex(root.subject.der));
  EXPECT_EQ(hex(root.issuer.der), hex(root.subject.der));
  EXPECT_EQ(hex(cert.serial), "0a0b0c");
  ASSERT_TRUE(cert.subject_key_identifier);
  EXPECT_EQ(cert.subject_key_identifier->size(), 20u);
}

TEST(certificate, serials) {
  std::uint8_t scratch[32];
  const owned high_owned = load("serial_high_bit.pem");
  const certificate_view& high = high_owned.cert;
  EXPECT_EQ(hex(high.serial), "0080112233445566778899");
  EXPECT_FALSE(high.serial_negative());
  EXPECT_EQ(hex(integer_magnitude(high.serial, scratch).magnitude), "80112233445566778899");
  const owned twenty_owned = load("serial_20_bytes.pem");
  const certificate_view& twenty = twenty_owned.cert;
  EXPECT_EQ(twenty.serial.size(), 20u);
  const owned twenty_high_owned = load("serial_20_bytes_high_bit.pem");
  const certificate_view& twenty_high = twenty_high_owned.cert;
  EXPECT_EQ(twenty_high.serial.size(), 21u);
  EXPECT_EQ(integer_magnitude(twenty_high.serial, scratch).magnitude.size(), 20u);
  const owned zero_owned = load("serial_zero.pem");
  const certificate_view& zero = zero_owned.cert;
  EXPECT_EQ(hex(zero.serial), "00");
  EXPECT_TRUE(integer_magnitude(zero.serial, scratch).magnitude.empty());
}

TEST(certificate, integer_magnitude_of_negative_values) {
  std::uint8_t scratch[4];
  const std::uint8_t minus_one[] = {0xff};
  auto m = integer_magnitude(minus_one, scratch);
  EXPECT_TRUE(m.negative);
  EXPECT_EQ(hex(m.magnitude), "01");
  const std::uint8_t minus_256[] = {0xff, 0x00};
  EXPECT_EQ(hex(integer_magnitude(minus_256, scratch).magnitude), "0100");
  const std::uint8_t minus_128[] = {0x80};
  EXPECT_EQ(hex(integer_magnitude(minus_128, scratch).magnitude), "80");
  std::uint8_t tiny[1];
  const std::uint8_t big_negative[] = {0x80, 0x01};
  EXPECT_TRUE(integer_magnitude(big_negative, tiny).magnitude.empty());
}

utc_seconds at(std::int64_t y, unsigned mo, unsigned d, unsigned h, unsigned mi, unsigned s) {
  return utc_seconds{std::chrono::seconds{civil_to_epoch(y, mo, d, h, mi, s)}};
}

TEST(certificate, dates_from_1949_to_9999) {
  const owned a_owned = load("dates_1960_2060.pem");
  const certificate_view& a = a_owned.cert;
  EXPECT_EQ(a.not_before, at(1960, 1, 1, 0, 0, 0));
  EXPECT_EQ(a.not_after, at(2060, 1, 1, 0, 0, 0));
  EXPECT_LT(a.not_before.time_since_epoch().count(), 0);
  EXPECT_TRUE(a.not_before_known && a.not_after_known);
  const owned b_owned = load("dates_1950_2049.pem");
  const certificate_view& b = b_owned.cert;
  EXPECT_EQ(b.not_before, at(1950, 1, 1, 0, 0, 0));
  EXPECT_EQ(b.not_after, at(2049, 12, 31, 23, 59, 59));
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(b.not_before_text.data()), b.not_before_text.size()),
            "500101000000Z");
  const owned c_owned = load("dates_1949_9999.pem");
  const certificate_view& c = c_owned.cert;
  EXPECT_EQ(c.not_before, at(1949, 12, 31, 23, 59, 59));
  EXPECT_EQ(c.not_after, at(9999, 12, 31, 23, 59, 59));
  const owned leap_owned = load("dates_leap.pem");
  const certificate_view& leap = leap_owned.cert;
  EXPECT_EQ(leap.not_before, at(2024, 2, 29, 12, 0, 0));
}

TEST(certificate, version_1_without_extensions) {
  const owned v1_owned = load("v1.pem");
  const certificate_view& v1 = v1_owned.cert;
  EXPECT_EQ(v1.version, 1);
  EXPECT_TRUE(v1.extensions.empty());
  EXPECT_FALSE(v1.subject_alt_names);
  EXPECT_FALSE(v1.subject_key_identifier);
  EXPECT_TRUE(v1.quirks.empty());
}

TEST(certificate, subject_alt_names_of_every_kind) {
  const owned cert_owned = load("san_all.pem");
  const certificate_view& cert = cert_owned.cert;
  ASSERT_TRUE(cert.subject_alt_names);
  general_name_reader reader(*cert.subject_alt_names);
  general_name n;
  std::vector<std::pair<general_name_kind, std::string>> got;
  while (reader.next(n)) {
    std::string v = n.kind == general_name_kind::ip || n.kind == general_name_kind::registered_id ||
                            n.kind == general_name_kind::directory || n.kind == general_name_kind::other_name
                        ? hex(n.value)
                        : std::string(reinterpret_cast<const char*>(n.value.data()), n.value.size());
    got.emplace_back(n.kind, v);
  }
  EXPECT_FALSE(reader.malformed());
  ASSERT_EQ(got.size(), 9u);
  using k = general_name_kind;
  EXPECT_EQ(got[0], std::make_pair(k::dns, std::string("san.example.com")));
  EXPECT_EQ(got[1], std::make_pair(k::dns, std::string("*.wild.example.com")));
  EXPECT_EQ(got[2], std::make_pair(k::ip, std::string("c0000201")));
  EXPECT_EQ(got[3], std::make_pair(k::ip, std::string("20010db8000000000000000000000001")));
  EXPECT_EQ(got[4], std::make_pair(k::email, std::string("admin@example.com")));
  EXPECT_EQ(got[5], std::make_pair(k::uri, std::string("https://example.com/path?q=1")));
  EXPECT_EQ(got[6].first, k::directory);
  EXPECT_EQ(got[7].first, k::other_name);
  EXPECT_EQ(got[7].second, "0c0f75706e406578616d706c652e636f6d");  // UTF8String "upn@example.com"
  EXPECT_EQ(got[8], std::make_pair(k::registered_id, std::string("2a030405")));
}

TEST(general_names, malformed_input_stops) {
  const std::uint8_t not_a_sequence[] = {0x04, 0x00};
  general_name_reader a(not_a_sequence);
  general_name n;
  EXPECT_FALSE(a.next(n));
  EXPECT_TRUE(a.malformed());
  const std::uint8_t bad_tag[] = {0x30, 0x03, 0x0c, 0x01, 0x61};
  general_name_reader b(bad_tag);
  EXPECT_FALSE(b.next(n));
  EXPECT_TRUE(b.malformed());
  const std::uint8_t empty[] = {0x30, 0x00};
  general_name_reader c(empty);
  EXPECT_FALSE(c.next(n));
  EXPECT_FALSE(c.malformed());
}

TEST(certificate, public_key_and_csr) {
  const bytes_t leaf = test::load_der(test::x509_data("chain_leaf.pem"));
  const certificate_view cert = must_read(leaf);
  const bytes_t spki = test::load_der(test::x509_data("leaf_public_key.pem"));
  quirk_set q;
  auto key = read_public_key(spki, &q);
  ASSERT_TRUE(key);
  EXPECT_EQ(key->type, key_type::rsa);
  EXPECT_EQ(key->key_bits, 2048u);
  EXPECT_EQ(hex(key->der), hex(cert.public_key.der));
  const bytes_t csr_der = test::load_der(test::x509_data("leaf.csr"));
  auto csr = read_csr(csr_der);
  ASSERT_TRUE(csr) << csr.error().message;
  EXPECT_EQ(hex(csr->public_key.der), hex(cert.public_key.der));
  EXPECT_EQ(hex(csr->subject.der), hex(cert.subject.der));
  const bytes_t sm2 = test::load_der(test::x509_data("sm2_public_key.pem"));
  auto sm2_key = read_public_key(sm2, nullptr);
  ASSERT_TRUE(sm2_key);
  EXPECT_EQ(sm2_key->type, key_type::sm2);
  EXPECT_EQ(sm2_key->key_bits, 256u);
  auto not_a_key = read_public_key(leaf, nullptr);
  EXPECT_FALSE(not_a_key);
}

// d2i_X509 ignores bytes after the certificate, so alicert reads it too and
// says so with a quirk; the certificate's DER excludes the trailing bytes.
TEST(certificate, trailing_data_is_a_quirk_not_an_error) {
  const bytes_t der = test::read_bytes(test::x509_data("malformed/trailing_data.bin"));
  ASSERT_TRUE(test::openssl_parse(der));
  auto r = read_certificate(der);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->quirks.has(quirk::der_trailing_data));
  EXPECT_LT(r->der.size(), der.size());
  EXPECT_EQ(r->der.data(), der.data());
}

struct malformed_case {
  const char* file;
  error_code code;
};

class malformed : public ::testing::TestWithParam<malformed_case> {};

TEST_P(malformed, refused_with_code) {
  const bytes_t der = test::read_bytes(test::x509_data(std::string("malformed/") + GetParam().file));
  auto r = read_certificate(der);
  ASSERT_FALSE(r) << GetParam().file;
  EXPECT_EQ(r.error().code, GetParam().code) << GetParam().file << ": " << r.error().message;
  EXPECT_LE(r.error().offset, der.size());
  EXPECT_FALSE(test::openssl_parse(der)) << "OpenSSL accepts " << GetParam().file;
}

INSTANTIATE_TEST_SUITE_P(hand_made, malformed,
                         ::testing::Values(malformed_case{"truncated.bin", error_code::der_truncated},
                                           malformed_case{"overlong_length.bin", error_code::der_truncated},
                                           malformed_case{"length_too_long.bin", error_code::der_bad_length},
                                           malformed_case{"bad_tag.bin", error_code::der_bad_tag},
                                           malformed_case{"empty_sequence.bin", error_code::der_truncated},
                                           malformed_case{"empty.bin", error_code::der_truncated}),
                         [](const auto& info) { return file_test_name(info.param.file); });

TEST(certificate, too_large) {
  bytes_t big(limits::max_certificate_bytes + 1, 0);
  auto r = read_certificate(big);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, error_code::certificate_too_large);
}

// ---- mutants (mutant_support.h) ----

TEST(mutants, ber_lengths) {
  mutant_base m;
  const certificate_view indefinite = accepted(m.build(form::indefinite, form::indefinite));
  EXPECT_TRUE(indefinite.quirks.has(quirk::der_ber_encoding));
  EXPECT_EQ(indefinite.public_key.key_bits, 256u);
  const certificate_view long_length = accepted(m.build(form::long_length));
  EXPECT_TRUE(long_length.quirks.has(quirk::der_non_minimal_length));
  EXPECT_FALSE(long_length.quirks.has(quirk::der_ber_encoding));
}

TEST(mutants, serials) {
  mutant_base m;
  m.tbs[1].content = {0x80, 0x01};
  const bytes_t negative_der = m.build();
  const certificate_view negative = accepted(negative_der);
  EXPECT_TRUE(negative.serial_negative());
  EXPECT_TRUE(negative.quirks.has(quirk::der_negative_serial));
  std::uint8_t scratch[8];
  EXPECT_EQ(hex(integer_magnitude(negative.serial, scratch).magnitude), "7fff");
  // OpenSSL 3 refuses redundant leading octets; alicert reads them with a quirk.
  m.tbs[1].content = {0x00, 0x01};
  const bytes_t padded = m.build();
  const certificate_view p = must_read(padded);
  EXPECT_TRUE(p.quirks.has(quirk::der_non_minimal_integer));
  m.tbs[1].content = {};
  auto empty = read_certificate(m.build());
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, error_code::der_bad_value);
}

TEST(mutants, versions) {
  mutant_base m;
  m.tbs[0].content = enc(0x02, {0x05});
  const certificate_view v6 = accepted(m.build());
  EXPECT_EQ(v6.version, 6);
  EXPECT_TRUE(v6.quirks.has(quirk::der_unusual_version));
  m.tbs[0].content = enc(0x02, {0x00});
  const certificate_view explicit_v1 = accepted(m.build());
  EXPECT_EQ(explicit_v1.version, 1);
  EXPECT_TRUE(explicit_v1.quirks.has(quirk::der_unusual_version));
  m.tbs[0].content = enc(0x02, {0xff});
  EXPECT_EQ(accepted(m.build()).version, 0);
}

TEST(mutants, unreadable_times) {
  mutant_base m;
  const std::string garbage = "garbage00000Z";
  const auto validity = children(m.tbs[4].content);
  m.tbs[4].content = cat({enc(0x17, bytes_t(garbage.begin(), garbage.end())), enc(validity[1].tag, validity[1].content)});
  const certificate_view c = accepted(m.build());
  EXPECT_FALSE(c.not_before_known);
  EXPECT_TRUE(c.not_after_known);
  EXPECT_TRUE(c.quirks.has(quirk::der_unreadable_time));
  m.tbs[4].content = cat({enc(0x04, {}), enc(0x04, {})});
  auto wrong_type = read_certificate(m.build());
  ASSERT_FALSE(wrong_type);
  EXPECT_EQ(wrong_type.error().code, error_code::der_bad_tag);
}

TEST(mutants, extensions_read_lazily_like_openssl) {
  const bytes_t san_oid(std::begin(oids::subject_alt_name), std::end(oids::subject_alt_name));
  const bytes_t ski_oid(std::begin(oids::subject_key_identifier), std::end(oids::subject_key_identifier));
  const bytes_t good_san = enc(0x30, enc(0x82, {'a', '.', 'c', 'o', 'm'}));
  mutant_base m;
  auto with = [&](const bytes_t& exts) {
    m.tbs[7] = node{0xa3, enc(0x30, exts)};
    return m.build();
  };
  const bytes_t good_der = with(cat({extension(san_oid, good_san), extension(ski_oid, enc(0x04, {1, 2}))}));
  const certificate_view good = accepted(good_der);
  ASSERT_TRUE(good.subject_alt_names);
  EXPECT_EQ(hex(*good.subject_alt_names), hex(good_san));
  ASSERT_TRUE(good.subject_key_identifier);
  EXPECT_EQ(hex(*good.subject_key_identifier), "0102");
  EXPECT_TRUE(good.quirks.empty());

  const certificate_view bad = accepted(with(cat({extension(san_oid, {0x30, 0x05, 0x82, 0x01}), extension(ski_oid, {0x05})})));
  EXPECT_FALSE(bad.subject_alt_names);
  EXPECT_FALSE(bad.subject_key_identifier);
  EXPECT_TRUE(bad.quirks.has(quirk::der_bad_extension));

  const certificate_view twice = accepted(with(cat({extension(san_oid, good_san), extension(san_oid, good_san)})));
  EXPECT_FALSE(twice.subject_alt_names);
  EXPECT_TRUE(twice.quirks.has(quirk::der_bad_extension));

  // BER: a constructed OCTET STRING of one segment is still viewable in place.
  const bytes_t one_segment = with(extension(san_oid, enc(0x04, good_san), 0x24));
  const certificate_view constructed = accepted(one_segment);
  ASSERT_TRUE(constructed.subject_alt_names);
  EXPECT_EQ(hex(*constructed.subject_alt_names), hex(good_san));
  EXPECT_TRUE(constructed.quirks.has(quirk::der_ber_encoding));
  // Several segments would need a copy: the SAN is then unavailable (OpenSSL joins them).
  const bytes_t first(good_san.begin(), good_san.begin() + 3), rest(good_san.begin() + 3, good_san.end());
  const certificate_view split = accepted(with(extension(san_oid, cat({enc(0x04, first), enc(0x04, rest)}), 0x24)));
  EXPECT_FALSE(split.subject_alt_names);
  EXPECT_TRUE(split.quirks.has(quirk::der_bad_extension));

  const certificate_view none = accepted(with({}));
  EXPECT_FALSE(none.subject_alt_names);
  EXPECT_TRUE(none.extensions.empty());

  // A critical flag of two octets is refused by both.
  const bytes_t two_octet_bool = with(enc(0x30, cat({enc(0x06, san_oid), enc(0x01, {0, 0}), enc(0x04, good_san)})));
  EXPECT_FALSE(test::openssl_parse(two_octet_bool));
  EXPECT_FALSE(read_certificate(two_octet_bool));
}

TEST(mutants, names) {
  mutant_base m;
  auto subject = [&](std::uint8_t tag, const bytes_t& value) {
    m.tbs[5].content = enc(0x31, enc(0x30, cat({enc(0x06, {0x55, 0x04, 0x03}), enc(tag, value)})));
    return m.build();
  };
  const certificate_view bmp = accepted(subject(0x1e, {0x00, 'a', 0x00, 'b'}));
  EXPECT_TRUE(bmp.quirks.has(quirk::der_unusual_string_type));
  const certificate_view constructed = accepted(subject(0x2c, cat({enc(0x0c, {'a', 'b'}), enc(0x0c, {'c'})})));
  EXPECT_TRUE(constructed.quirks.has(quirk::der_ber_encoding));
  accepted(subject(0x30, enc(0x02, {0x01})));
  m.tbs[5].content = {};
  accepted(m.build());
  m.tbs[5].content = enc(0x31, {});
  accepted(m.build());
  // Object identifiers OpenSSL refuses: empty, a 0x80 lead octet, cut short.
  for (const bytes_t& oid : {bytes_t{}, bytes_t{0x55, 0x80, 0x03}, bytes_t{0x55, 0x84}}) {
    m.tbs[5].content = enc(0x31, enc(0x30, cat({enc(0x06, oid), enc(0x0c, {'x'})})));
    EXPECT_FALSE(test::openssl_parse(m.build()));
    auto r = read_certificate(m.build());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, error_code::der_bad_value);
  }
}

TEST(mutants, keys_and_signatures) {
  mutant_base m;
  const bytes_t unknown_alg = {0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x0a, 0x03, 0x03};
  m.tbs[6].content = cat({enc(0x30, enc(0x06, unknown_alg)), enc(0x03, {0x00, 'k', 'e', 'y'})});
  const certificate_view unknown = accepted(m.build());
  EXPECT_EQ(unknown.public_key.type, key_type::unknown);
  EXPECT_EQ(unknown.public_key.key_bits, 0u);
  const bytes_t rsa(std::begin(oids::rsa_encryption), std::end(oids::rsa_encryption));
  m.tbs[6].content = cat({enc(0x30, cat({enc(0x06, rsa), enc(0x05, {})})), enc(0x03, {0x00, 'k', 'e', 'y'})});
  const certificate_view garbage_rsa = accepted(m.build());
  EXPECT_EQ(garbage_rsa.public_key.type, key_type::rsa);
  EXPECT_EQ(garbage_rsa.public_key.key_bits, 0u);

  mutant_base s;
  s.sig = node{0x23, cat({enc(0x03, bytes_t(s.sig.content.begin(), s.sig.content.begin() + 10)),
                          enc(0x03, cat({bytes_t{0}, bytes_t(s.sig.content.begin() + 10, s.sig.content.end())}))})};
  EXPECT_TRUE(accepted(s.build()).quirks.has(quirk::der_ber_encoding));
  mutant_base u;
  u.sig.content[0] = 8;
  EXPECT_FALSE(test::openssl_parse(u.build()));
  EXPECT_EQ(read_certificate(u.build()).error().code, error_code::der_bad_value);
  mutant_base extra;
  extra.tbs.push_back(node{0x04, {'x'}});
  EXPECT_FALSE(test::openssl_parse(extra.build()));
  EXPECT_EQ(read_certificate(extra.build()).error().code, error_code::der_bad_length);
}

TEST(mutants, every_truncation_is_refused_without_reading_past_the_end) {
  const bytes_t der = test::load_der(test::x509_data("san_all.pem"));
  for (std::size_t n = 0; n < der.size(); ++n) {
    // A fresh copy of exactly n bytes, so that ASan catches any read past it.
    const bytes_t cut(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(n));
    auto r = read_certificate(cut);
    EXPECT_FALSE(r) << n;
  }
}

}  // namespace
}  // namespace alicert::x509
