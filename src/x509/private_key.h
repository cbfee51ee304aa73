// Internal: the public half that a private key's DER carries, read without
// OpenSSL, so that the private_key check can answer `match` without OpenSSL
// 3.0's key decoders (about 0.2 ms per RSA key and 1 ms per EC key on this
// machine, most of it setting up the decoder chain). Only the forms whose
// public half is written out are read: RSA (n, e) and EC / SM2 keys that carry
// their point. Anything else, and any doubt, is `known == false`, and the
// caller asks OpenSSL.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "alicert/x509/certificate.h"

namespace alicert::internal {

/// Spans borrow the key's DER (which the caller wipes after use).
struct key_public_half {
  bool known{false};
  x509::key_type type{x509::key_type::unknown};
  std::span<const std::uint8_t> modulus, exponent;  ///< RSA: INTEGER contents
  std::span<const std::uint8_t> curve;              ///< EC / SM2: the namedCurve OID's content
  std::span<const std::uint8_t> point;              ///< EC / SM2: the publicKey BIT STRING's octets
  std::uint32_t key_bits{0};                        ///< as spki_view::key_bits
};

/// The public half of the private key `der`, whose PEM label is `label`
/// ("PRIVATE KEY": PKCS #8; "RSA PRIVATE KEY", "EC PRIVATE KEY": the
/// traditional forms).
key_public_half read_key_public_half(std::span<const std::uint8_t> der, std::string_view label) noexcept;

/// Whether `half` is the public key of `spki`: the same RSA modulus and
/// exponent, or the same curve and point octets. False says nothing (a
/// compressed point, a key of another form): ask OpenSSL. The one known
/// difference from OpenSSL: a point off the curve, the same in both, is one
/// key here, while OpenSSL decodes no such certificate key (tested in
/// tests/x509/private_key_half_test.cpp).
bool same_public_key(const key_public_half& half, const x509::spki_view& spki) noexcept;

}  // namespace alicert::internal
