// The OID table and the conversions between content octets and dotted text.
#include "alicert/x509/oid.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "common/chars.h"

namespace alicert::x509 {
namespace {

template <std::uint8_t... B>
struct oid_bytes {
  static constexpr std::uint8_t value[] = {B...};
};
template <std::uint8_t... B>
constexpr std::span<const std::uint8_t> bytes() noexcept {
  return oid_bytes<B...>::value;
}

// Generated from OpenSSL 3.0's object table (OBJ_nid2sn / OBJ_nid2ln), with
// the RFC 4514 keywords as short names; tests/x509/oid_test.cpp checks it.
constexpr oid_info table[] = {
    {bytes<0x55, 0x04, 0x03>(), "2.5.4.3", "CN", "commonName", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x04>(), "2.5.4.4", "SN", "surname", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x05>(), "2.5.4.5", "serialNumber", "serialNumber", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x06>(), "2.5.4.6", "C", "countryName", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x07>(), "2.5.4.7", "L", "localityName", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x08>(), "2.5.4.8", "ST", "stateOrProvinceName", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x09>(), "2.5.4.9", "STREET", "streetAddress", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x0a>(), "2.5.4.10", "O", "organizationName", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x0b>(), "2.5.4.11", "OU", "organizationalUnitName", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x0c>(), "2.5.4.12", "title", "title", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x0d>(), "2.5.4.13", "description", "description", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x0f>(), "2.5.4.15", "businessCategory", "businessCategory", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x11>(), "2.5.4.17", "postalCode", "postalCode", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x29>(), "2.5.4.41", "name", "name", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x2a>(), "2.5.4.42", "GN", "givenName", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x2b>(), "2.5.4.43", "initials", "initials", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x2c>(), "2.5.4.44", "generationQualifier", "generationQualifier", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x2e>(), "2.5.4.46", "dnQualifier", "dnQualifier", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x41>(), "2.5.4.65", "pseudonym", "pseudonym", oid_kind::attribute},
    {bytes<0x55, 0x04, 0x61>(), "2.5.4.97", "organizationIdentifier", "organizationIdentifier", oid_kind::attribute},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01>(), "1.2.840.113549.1.9.1", "emailAddress", "emailAddress", oid_kind::attribute},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x02>(), "1.2.840.113549.1.9.2", "unstructuredName", "unstructuredName", oid_kind::attribute},
    {bytes<0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19>(), "0.9.2342.19200300.100.1.25", "DC", "domainComponent", oid_kind::attribute},
    {bytes<0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01>(), "0.9.2342.19200300.100.1.1", "UID", "userId", oid_kind::attribute},
    {bytes<0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x3c, 0x02, 0x01, 0x01>(), "1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL", "jurisdictionLocalityName", oid_kind::attribute},
    {bytes<0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x3c, 0x02, 0x01, 0x02>(), "1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST", "jurisdictionStateOrProvinceName", oid_kind::attribute},
    {bytes<0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x3c, 0x02, 0x01, 0x03>(), "1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC", "jurisdictionCountryName", oid_kind::attribute},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01>(), "1.2.840.113549.1.1.1", "rsaEncryption", "rsaEncryption", oid_kind::key_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a>(), "1.2.840.113549.1.1.10", "RSASSA-PSS", "rsassaPss", oid_kind::key_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01>(), "1.2.840.10045.2.1", "id-ecPublicKey", "id-ecPublicKey", oid_kind::key_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01>(), "1.2.840.10040.4.1", "DSA", "dsaEncryption", oid_kind::key_algorithm},
    {bytes<0x2b, 0x65, 0x70>(), "1.3.101.112", "ED25519", "ED25519", oid_kind::key_algorithm},
    {bytes<0x2b, 0x65, 0x71>(), "1.3.101.113", "ED448", "ED448", oid_kind::key_algorithm},
    {bytes<0x2b, 0x65, 0x6e>(), "1.3.101.110", "X25519", "X25519", oid_kind::key_algorithm},
    {bytes<0x2b, 0x65, 0x6f>(), "1.3.101.111", "X448", "X448", oid_kind::key_algorithm},
    {bytes<0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d>(), "1.2.156.10197.1.301", "SM2", "sm2", oid_kind::curve},
    {bytes<0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x01>(), "1.2.840.10045.3.1.1", "prime192v1", "prime192v1", oid_kind::curve},
    {bytes<0x2b, 0x81, 0x04, 0x00, 0x21>(), "1.3.132.0.33", "secp224r1", "secp224r1", oid_kind::curve},
    {bytes<0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07>(), "1.2.840.10045.3.1.7", "prime256v1", "prime256v1", oid_kind::curve},
    {bytes<0x2b, 0x81, 0x04, 0x00, 0x22>(), "1.3.132.0.34", "secp384r1", "secp384r1", oid_kind::curve},
    {bytes<0x2b, 0x81, 0x04, 0x00, 0x23>(), "1.3.132.0.35", "secp521r1", "secp521r1", oid_kind::curve},
    {bytes<0x2b, 0x81, 0x04, 0x00, 0x0a>(), "1.3.132.0.10", "secp256k1", "secp256k1", oid_kind::curve},
    {bytes<0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x07>(), "1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1", "brainpoolP256r1", oid_kind::curve},
    {bytes<0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0b>(), "1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1", "brainpoolP384r1", oid_kind::curve},
    {bytes<0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0d>(), "1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1", "brainpoolP512r1", oid_kind::curve},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x02>(), "1.2.840.113549.1.1.2", "RSA-MD2", "md2WithRSAEncryption", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x04>(), "1.2.840.113549.1.1.4", "RSA-MD5", "md5WithRSAEncryption", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05>(), "1.2.840.113549.1.1.5", "RSA-SHA1", "sha1WithRSAEncryption", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b>(), "1.2.840.113549.1.1.11", "RSA-SHA256", "sha256WithRSAEncryption", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c>(), "1.2.840.113549.1.1.12", "RSA-SHA384", "sha384WithRSAEncryption", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d>(), "1.2.840.113549.1.1.13", "RSA-SHA512", "sha512WithRSAEncryption", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0e>(), "1.2.840.113549.1.1.14", "RSA-SHA224", "sha224WithRSAEncryption", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0f>(), "1.2.840.113549.1.1.15", "RSA-SHA512/224", "sha512-224WithRSAEncryption", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x10>(), "1.2.840.113549.1.1.16", "RSA-SHA512/256", "sha512-256WithRSAEncryption", oid_kind::signature_algorithm},
    {bytes<0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x0d>(), "2.16.840.1.101.3.4.3.13", "id-rsassa-pkcs1-v1_5-with-sha3-224", "RSA-SHA3-224", oid_kind::signature_algorithm},
    {bytes<0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x0e>(), "2.16.840.1.101.3.4.3.14", "id-rsassa-pkcs1-v1_5-with-sha3-256", "RSA-SHA3-256", oid_kind::signature_algorithm},
    {bytes<0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x0f>(), "2.16.840.1.101.3.4.3.15", "id-rsassa-pkcs1-v1_5-with-sha3-384", "RSA-SHA3-384", oid_kind::signature_algorithm},
    {bytes<0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x10>(), "2.16.840.1.101.3.4.3.16", "id-rsassa-pkcs1-v1_5-with-sha3-512", "RSA-SHA3-512", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01>(), "1.2.840.10045.4.1", "ecdsa-with-SHA1", "ecdsa-with-SHA1", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x01>(), "1.2.840.10045.4.3.1", "ecdsa-with-SHA224", "ecdsa-with-SHA224", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02>(), "1.2.840.10045.4.3.2", "ecdsa-with-SHA256", "ecdsa-with-SHA256", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03>(), "1.2.840.10045.4.3.3", "ecdsa-with-SHA384", "ecdsa-with-SHA384", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04>(), "1.2.840.10045.4.3.4", "ecdsa-with-SHA512", "ecdsa-with-SHA512", oid_kind::signature_algorithm},
    {bytes<0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x09>(), "2.16.840.1.101.3.4.3.9", "id-ecdsa-with-sha3-224", "ecdsa_with_SHA3-224", oid_kind::signature_algorithm},
    {bytes<0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x0a>(), "2.16.840.1.101.3.4.3.10", "id-ecdsa-with-sha3-256", "ecdsa_with_SHA3-256", oid_kind::signature_algorithm},
    {bytes<0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x0b>(), "2.16.840.1.101.3.4.3.11", "id-ecdsa-with-sha3-384", "ecdsa_with_SHA3-384", oid_kind::signature_algorithm},
    {bytes<0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x0c>(), "2.16.840.1.101.3.4.3.12", "id-ecdsa-with-sha3-512", "ecdsa_with_SHA3-512", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x03>(), "1.2.840.10040.4.3", "DSA-SHA1", "dsaWithSHA1", oid_kind::signature_algorithm},
    {bytes<0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x01>(), "2.16.840.1.101.3.4.3.1", "dsa_with_SHA224", "dsa_with_SHA224", oid_kind::signature_algorithm},
    {bytes<0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x02>(), "2.16.840.1.101.3.4.3.2", "dsa_with_SHA256", "dsa_with_SHA256", oid_kind::signature_algorithm},
    {bytes<0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x83, 0x75>(), "1.2.156.10197.1.501", "SM2-SM3", "SM2-with-SM3", oid_kind::signature_algorithm},
    {bytes<0x55, 0x1d, 0x0e>(), "2.5.29.14", "subjectKeyIdentifier", "X509v3 Subject Key Identifier", oid_kind::extension},
    {bytes<0x55, 0x1d, 0x0f>(), "2.5.29.15", "keyUsage", "X509v3 Key Usage", oid_kind::extension},
    {bytes<0x55, 0x1d, 0x11>(), "2.5.29.17", "subjectAltName", "X509v3 Subject Alternative Name", oid_kind::extension},
    {bytes<0x55, 0x1d, 0x13>(), "2.5.29.19", "basicConstraints", "X509v3 Basic Constraints", oid_kind::extension},
    {bytes<0x55, 0x1d, 0x23>(), "2.5.29.35", "authorityKeyIdentifier", "X509v3 Authority Key Identifier", oid_kind::extension},
    {bytes<0x55, 0x1d, 0x25>(), "2.5.29.37", "extendedKeyUsage", "X509v3 Extended Key Usage", oid_kind::extension},
};

// Writes v in decimal at out[at..]; false when it does not fit.
bool put_decimal(std::uint64_t v, std::span<char> out, std::size_t& at) noexcept {
  char digits[20];
  std::size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  if (out.size() - at < n) return false;
  while (n > 0) out[at++] = digits[--n];
  return true;
}

bool put_char(char c, std::span<char> out, std::size_t& at) noexcept {
  if (at == out.size()) return false;
  out[at++] = c;
  return true;
}

// A subidentifier too large for 64 bits: converted digit by digit in place,
// little-endian first, then reversed. `minus` is subtracted (the 80 folded
// into the first subidentifier under arc 2).
bool put_big(std::span<const std::uint8_t> sub, unsigned minus, std::span<char> out,
             std::size_t& at) noexcept {
  const std::size_t start = at;
  std::size_t len = 1;
  if (at == out.size()) return false;
  out[at] = 0;
  for (std::uint8_t octet : sub) {
    unsigned carry = octet & 0x7fu;
    for (std::size_t i = 0; i < len; ++i) {
      const unsigned d = static_cast<unsigned>(out[start + i]) * 128u + carry;
      out[start + i] = static_cast<char>(d % 10);
      carry = d / 10;
    }
    while (carry != 0) {
      if (start + len == out.size()) return false;
      out[start + len++] = static_cast<char>(carry % 10);
      carry /= 10;
    }
  }
  for (std::size_t i = 0; minus != 0 && i < len; ++i) {
    int d = out[start + i] - static_cast<int>(minus % 10);
    minus /= 10;
    if (d < 0) {
      d += 10;
      ++minus;
    }
    out[start + i] = static_cast<char>(d);
  }
  while (len > 1 && out[start + len - 1] == 0) --len;
  std::reverse(out.begin() + static_cast<std::ptrdiff_t>(start),
               out.begin() + static_cast<std::ptrdiff_t>(start + len));
  for (std::size_t i = 0; i < len; ++i) out[start + i] = static_cast<char>('0' + out[start + i]);
  at = start + len;
  return true;
}

}  // namespace

std::span<const oid_info> known_oids() noexcept { return table; }

namespace {

// The row the scan below finds for each X.520 attribute type 2.5.4.x (x < 128,
// one content octet after 55 04), or -1: names are nearly all of these, and
// each of their attributes is looked up.
constexpr std::array<std::int16_t, 128> make_x520_rows() {
  std::array<std::int16_t, 128> rows{};
  for (auto& r : rows) r = -1;
  for (std::size_t i = 0; i < std::size(table); ++i) {
    const auto der = table[i].der;
    if (der.size() == 3 && der[0] == 0x55 && der[1] == 0x04 && der[2] < 0x80 && rows[der[2]] < 0)
      rows[der[2]] = static_cast<std::int16_t>(i);
  }
  return rows;
}
constexpr std::array<std::int16_t, 128> x520_rows = make_x520_rows();

// Every other OID: the rows that end in each octet, in table order (the scan's
// order, so the first that matches is the scan's); a bucket that overflows
// sends its lookups to the scan.
struct last_octet_rows {
  std::array<std::array<std::int16_t, 6>, 256> rows{};
  std::array<bool, 256> overflow{};
};
constexpr last_octet_rows make_last_octet_rows() {
  last_octet_rows r{};
  for (auto& bucket : r.rows)
    for (auto& row : bucket) row = -1;
  for (std::size_t i = 0; i < std::size(table); ++i) {
    const std::uint8_t last = table[i].der.back();
    auto& bucket = r.rows[last];
    std::size_t k = 0;
    while (k < bucket.size() && bucket[k] >= 0) ++k;
    if (k == bucket.size()) r.overflow[last] = true;
    else bucket[k] = static_cast<std::int16_t>(i);
  }
  return r;
}
constexpr last_octet_rows by_last_octet = make_last_octet_rows();

}  // namespace

const oid_info* find_oid(std::span<const std::uint8_t> oid) noexcept {
  if (oid.size() == 3 && oid[0] == 0x55 && oid[1] == 0x04 && oid[2] < 0x80) {
    const int row = x520_rows[oid[2]];
    return row < 0 ? nullptr : &table[row];
  }
  if (oid.empty()) return nullptr;
  if (!by_last_octet.overflow[oid.back()]) {
    for (const std::int16_t row : by_last_octet.rows[oid.back()]) {
      if (row < 0) return nullptr;
      if (same_oid(table[row].der, oid)) return &table[row];
    }
    return nullptr;
  }
  for (const oid_info& info : table)
    if (same_oid(info.der, oid)) return &info;
  return nullptr;
}

bool valid_oid(std::span<const std::uint8_t> oid) noexcept {
  if (oid.empty() || (oid.back() & 0x80) != 0) return false;
  bool at_start = true;
  for (std::uint8_t b : oid) {
    if (at_start && b == 0x80) return false;
    at_start = (b & 0x80) == 0;
  }
  return true;
}

std::string_view format_oid(std::span<const std::uint8_t> oid, std::span<char> out) noexcept {
  if (!valid_oid(oid)) return {};
  std::size_t at = 0;
  std::size_t i = 0;
  bool first = true;
  while (i < oid.size()) {
    std::size_t j = i;
    while (oid[j] & 0x80) ++j;
    const auto sub = oid.subspan(i, j + 1 - i);
    i = j + 1;
    // Nine octets carry 63 bits; a tenth fits when the first adds at most one.
    const bool small = sub.size() <= 9 || (sub.size() == 10 && sub[0] <= 0x81);
    std::uint64_t v = 0;
    if (small)
      for (std::uint8_t b : sub) v = (v << 7) | (b & 0x7fu);
    if (first) {
      first = false;
      if (small && v < 80) {
        if (!put_decimal(v / 40, out, at) || !put_char('.', out, at) || !put_decimal(v % 40, out, at))
          return {};
        continue;
      }
      if (!put_char('2', out, at) || !put_char('.', out, at)) return {};
      if (small ? !put_decimal(v - 80, out, at) : !put_big(sub, 80, out, at)) return {};
      continue;
    }
    if (!put_char('.', out, at)) return {};
    if (small ? !put_decimal(v, out, at) : !put_big(sub, 0, out, at)) return {};
  }
  return {out.data(), at};
}

result<std::size_t> parse_oid(std::string_view dotted, std::span<std::uint8_t> out) noexcept {
  auto bad = [&](const char* why) { return error{error_code::bad_name, why, {}, 0}; };
  std::uint64_t arcs_first = 0;
  std::size_t count = 0, at = 0, i = 0;
  while (i <= dotted.size()) {
    std::size_t j = i;
    std::uint64_t v = 0;
    while (j < dotted.size() && internal::is_ascii_digit(dotted[j])) {
      const auto d = static_cast<std::uint64_t>(dotted[j] - '0');
      if (v > (UINT64_MAX - d) / 10) return bad("OID arc too large");
      v = v * 10 + d;
      ++j;
    }
    if (j == i) return bad("empty or non-numeric OID arc");
    if (j < dotted.size() && dotted[j] != '.') return bad("OID text holds something other than digits and dots");
    if (count == 0) {
      if (v > 2) return bad("the first OID arc must be 0, 1 or 2");
      arcs_first = v;
    } else {
      if (count == 1) {
        if (arcs_first < 2 && v >= 40) return bad("the second OID arc must be below 40");
        if (v > UINT64_MAX - arcs_first * 40) return bad("OID arc too large");
        v += arcs_first * 40;
      }
      std::uint8_t tmp[10];
      std::size_t n = 0;
      do {
        tmp[n++] = static_cast<std::uint8_t>(v & 0x7f);
        v >>= 7;
      } while (v != 0);
      if (out.size() - at < n) return bad("OID does not fit the output");
      while (n > 0) {
        --n;
        out[at++] = static_cast<std::uint8_t>(tmp[n] | (n != 0 ? 0x80 : 0));
      }
    }
    ++count;
    i = j + 1;
  }
  if (count < 2) return bad("an OID needs at least two arcs");
  return at;
}

std::string_view signature_algorithm_name(std::span<const std::uint8_t> oid,
                                          std::span<char> scratch) noexcept {
  if (const oid_info* info = find_oid(oid)) return info->long_name;
  return format_oid(oid, scratch);
}

}  // namespace alicert::x509
