// The public half of a private key read from its DER (src/x509/private_key.h):
// for the forms that write it out (RSA; EC and SM2 with their point) it is the
// key OpenSSL generated, and it matches exactly that key's certificate key;
// every other form, and every damaged one, is left to OpenSSL (known false).
#include <gtest/gtest.h>

#include <algorithm>

#include "alicert/x509/certificate.h"
#include "alicert/x509/pem.h"
#include "check/certs.h"
#include "x509/private_key.h"

namespace {

using checktest::key_kind;

std::vector<std::uint8_t> spki_der(EVP_PKEY* k) {
  unsigned char* der = nullptr;
  const int n = i2d_PUBKEY(k, &der);
  std::vector<std::uint8_t> out(der, der + (n > 0 ? n : 0));
  OPENSSL_free(der);
  return out;
}

struct read_back {
  std::string label;
  std::vector<std::uint8_t> der;
};

read_back decode(const std::string& pem) {
  alicert::x509::pem_decoder d;
  auto blocks = d.decode(pem, nullptr);
  if (!blocks || blocks->empty()) return {};
  return {std::string((*blocks)[0].label), {(*blocks)[0].der.begin(), (*blocks)[0].der.end()}};
}

TEST(PrivateKeyHalf, WrittenOutHalvesAreReadAndMatchOnlyTheirOwnKey) {
  struct expectation {
    key_kind kind;
    bool traditional;
    alicert::x509::key_type type;
  };
  const expectation cases[] = {
      {key_kind::rsa2048, false, alicert::x509::key_type::rsa}, {key_kind::rsa2048, true, alicert::x509::key_type::rsa},
      {key_kind::rsa4096, false, alicert::x509::key_type::rsa}, {key_kind::p256, false, alicert::x509::key_type::ec},
      {key_kind::p256, true, alicert::x509::key_type::ec},      {key_kind::p384, false, alicert::x509::key_type::ec},
      {key_kind::p521, true, alicert::x509::key_type::ec},      {key_kind::secp256k1, false, alicert::x509::key_type::ec},
      {key_kind::sm2, false, alicert::x509::key_type::sm2},
  };
  for (const auto& c : cases) {
    const std::string what = std::string(checktest::key_kind_name(c.kind)) + (c.traditional ? " traditional" : " pkcs8");
    const read_back key = decode(checktest::private_key_pem(checktest::key(c.kind), c.traditional));
    const auto half = alicert::internal::read_key_public_half(key.der, key.label);
    ASSERT_TRUE(half.known) << what;
    EXPECT_EQ(half.type, c.type) << what;
    EXPECT_EQ(half.key_bits, static_cast<std::uint32_t>(EVP_PKEY_get_bits(checktest::key(c.kind)))) << what;
    const auto own = spki_der(checktest::key(c.kind)), other = spki_der(checktest::key(c.kind, 1));
    const auto own_view = alicert::x509::read_public_key(own, nullptr);
    const auto other_view = alicert::x509::read_public_key(other, nullptr);
    ASSERT_TRUE(own_view && other_view) << what;
    EXPECT_TRUE(alicert::internal::same_public_key(half, *own_view)) << what;
    EXPECT_FALSE(alicert::internal::same_public_key(half, *other_view)) << what;
    const auto foreign = spki_der(checktest::key(c.kind == key_kind::p256 ? key_kind::rsa2048 : key_kind::p256));
    EXPECT_FALSE(alicert::internal::same_public_key(half, *alicert::x509::read_public_key(foreign, nullptr))) << what;
  }
}

TEST(PrivateKeyHalf, FormsWithoutAWrittenOutHalfAreLeftToOpenSSL) {
  for (key_kind k : {key_kind::ed25519, key_kind::ed448}) {
    const read_back key = decode(checktest::private_key_pem(checktest::key(k), false));
    EXPECT_FALSE(alicert::internal::read_key_public_half(key.der, key.label).known) << checktest::key_kind_name(k);
  }
  for (bool traditional : {false, true}) {
    checktest::pkey_ptr k(EVP_PKEY_dup(checktest::key(key_kind::p256)));
    ASSERT_EQ(EVP_PKEY_set_int_param(k.get(), "include-public", 0), 1);
    const read_back key = decode(checktest::private_key_pem(k.get(), traditional));
    EXPECT_FALSE(alicert::internal::read_key_public_half(key.der, key.label).known) << "no point, " << traditional;
    EXPECT_FALSE(key.der.empty());
  }
  // A compressed point is read, and matches no uncompressed certificate key byte for byte (OpenSSL decides).
  checktest::pkey_ptr k(EVP_PKEY_dup(checktest::key(key_kind::p256)));
  ASSERT_EQ(EVP_PKEY_set_utf8_string_param(k.get(), "point-format", "compressed"), 1);
  const read_back key = decode(checktest::private_key_pem(k.get(), false));
  const auto half = alicert::internal::read_key_public_half(key.der, key.label);
  const auto own = spki_der(checktest::key(key_kind::p256));
  EXPECT_FALSE(alicert::internal::same_public_key(half, *alicert::x509::read_public_key(own, nullptr)));
}

TEST(PrivateKeyHalf, DamagedKeysAreNeverKnown) {
  const read_back good = decode(checktest::private_key_pem(checktest::key(key_kind::rsa2048), false));
  const read_back ec = decode(checktest::private_key_pem(checktest::key(key_kind::p256), true));
  for (const read_back* k : {&good, &ec}) {
    // Every truncation in the first 64 octets, then every 97th.
    for (std::size_t n = 0; n < k->der.size(); n += (n < 64 ? 1 : 97)) {
      const std::vector<std::uint8_t> cut(k->der.begin(), k->der.begin() + static_cast<std::ptrdiff_t>(n));
      EXPECT_FALSE(alicert::internal::read_key_public_half(cut, k->label).known) << k->label << " cut at " << n;
    }
  }
  EXPECT_FALSE(alicert::internal::read_key_public_half(good.der, "EC PRIVATE KEY").known) << "a label of another form";
  EXPECT_FALSE(alicert::internal::read_key_public_half(good.der, "DSA PRIVATE KEY").known);
}

}  // namespace

namespace {

// Where the DER reading and OpenSSL differ: a key and a certificate key that
// carry the same point, not on the curve. The reader compares the octets and
// calls them one key (the private_key check says match); OpenSSL refuses to
// decode such a certificate key at all (its path says unverifiable). Kept:
// the point is what the key says of itself either way, and validating it
// would take OpenSSL's decoders, which the reader exists to avoid.
TEST(PrivateKeyHalf, APointOffTheCurveIsOneKeyByItsOctetsWhereOpenSSLReadsNone) {
  EVP_PKEY* k = checktest::key(key_kind::p256);
  std::vector<std::uint8_t> spki = spki_der(k);
  read_back key = decode(checktest::private_key_pem(k, false));
  ASSERT_GE(spki.size(), 65u);
  const std::vector<std::uint8_t> point(spki.end() - 65, spki.end());  // 04 || X || Y
  ASSERT_EQ(point[0], 0x04);
  const auto at = std::search(key.der.begin(), key.der.end(), point.begin(), point.end());
  ASSERT_NE(at, key.der.end()) << "the PKCS #8 key carries its point";
  spki.back() ^= 0x01;  // Y + or - 1: off the curve
  *(at + 64) ^= 0x01;
  const auto view = alicert::x509::read_public_key(spki, nullptr);
  ASSERT_TRUE(view);
  const auto half = alicert::internal::read_key_public_half(key.der, key.label);
  ASSERT_TRUE(half.known);
  EXPECT_TRUE(alicert::internal::same_public_key(half, *view));
  const unsigned char* p = spki.data();
  EVP_PKEY* openssl = d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size()));
  EXPECT_EQ(openssl, nullptr) << "OpenSSL 3.0 decodes no point off the curve";
  EVP_PKEY_free(openssl);
  ERR_clear_error();
}

}  // namespace
