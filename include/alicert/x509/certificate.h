// alicert x509: a zero-copy view of an X.509 certificate (RFC 5280), its
// public key, and the public key of a PKCS#10 request.
//
// Compatibility rule: every certificate OpenSSL 3's d2i_X509 accepts is read
// (BER indefinite lengths, constructed strings, primitive SEQUENCE OF / SET OF
// encodings, any version number, times OpenSSL does not check until used,
// malformed extensions it parses lazily); each departure from DER is noted as
// a quirk. Some things OpenSSL refuses are read too: INTEGERs with redundant
// leading octets (with a quirk) and name values OpenSSL's canonical form
// refuses (invalid UTF-8, non-string types; rendered as #hex). Trailing bytes
// after the certificate are ignored, as d2i_X509 ignores them, with
// quirk::der_trailing_data; `der` then excludes them. A constructed (BER)
// string split in several segments cannot be viewed without a copy: its
// field is then unavailable (a SAN/SKI absent with quirk::der_bad_extension).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "alicert/error.h"
#include "alicert/export.h"
#include "alicert/quirks.h"
#include "alicert/time.h"
#include "alicert/x509/name.h"

namespace alicert::x509 {

/// An AlgorithmIdentifier. Spans borrow the DER.
struct algorithm_view {
  std::span<const std::uint8_t> der;         ///< the whole AlgorithmIdentifier TLV
  std::span<const std::uint8_t> oid;         ///< algorithm OID, content octets
  std::span<const std::uint8_t> parameters;  ///< the parameters TLV; empty when absent
};

/// The key families the report names. SM2 is an EC key on the SM2 curve.
enum class key_type : std::uint8_t { rsa, ec, sm2, ed25519, ed448, dsa, rsa_pss, unknown };

/// A SubjectPublicKeyInfo. Spans borrow the DER.
struct spki_view {
  std::span<const std::uint8_t> der;  ///< the whole SubjectPublicKeyInfo TLV
  algorithm_view algorithm;
  /// The namedCurve OID (content octets) when the parameters are an OID (EC,
  /// SM2); empty otherwise (explicit curves, other key types).
  std::span<const std::uint8_t> curve;
  std::span<const std::uint8_t> key;  ///< subjectPublicKey: the BIT STRING octets after the unused-bits octet
  std::uint8_t unused_bits{0};
  key_type type{key_type::unknown};
  /// RSA / RSA-PSS: bit length of the modulus; EC: the group order's bit length
  /// (P-256 256, P-384 384, P-521 521, secp256k1 256, SM2 256; explicit curves
  /// from their order); Ed25519 256; Ed448 456; DSA: bit length of p.
  /// 0 when it cannot be derived (unknown algorithm, malformed key).
  std::uint32_t key_bits{0};
};

/// A certificate. Every span borrows the DER passed to read_certificate and
/// dies with it; the view itself is a small value, cheap to copy.
struct certificate_view {
  std::span<const std::uint8_t> der;  ///< the whole certificate
  std::span<const std::uint8_t> tbs;  ///< the whole TBSCertificate TLV (what is signed)
  /// 1, 2 or 3. Other encoded numbers v (which OpenSSL accepts) give v + 1,
  /// clamped to 0 for negative or huge ones, with quirk::der_unusual_version.
  int version{1};
  std::span<const std::uint8_t> serial;  ///< serialNumber INTEGER content octets (two's complement)
  algorithm_view tbs_signature;          ///< the signature field inside TBSCertificate
  name_view issuer;
  /// notBefore / notAfter. When a time's text is no valid UTCTime (YYMMDDHHMMSSZ,
  /// 50-99 = 19xx) or GeneralizedTime, the matching *_known flag is false, the
  /// time is the epoch, and quirk::der_unreadable_time is noted.
  utc_seconds not_before{};
  utc_seconds not_after{};
  bool not_before_known{false};
  bool not_after_known{false};
  std::span<const std::uint8_t> not_before_text;  ///< the time's content octets, as written
  std::span<const std::uint8_t> not_after_text;
  name_view subject;
  spki_view public_key;
  std::span<const std::uint8_t> extensions;  ///< content of the Extensions SEQUENCE; empty when none
  /// The SubjectAltName value: a GeneralNames TLV, well-formed (walk it with
  /// general_name_reader). Absent when there is no SAN extension, or it is
  /// malformed or repeated (quirk::der_bad_extension), as OpenSSL's
  /// X509_get_ext_d2i reports it.
  std::optional<std::span<const std::uint8_t>> subject_alt_names;
  /// The SubjectKeyIdentifier: the inner OCTET STRING's content. Absent like
  /// subject_alt_names.
  std::optional<std::span<const std::uint8_t>> subject_key_identifier;
  /// The keyIdentifier of the AuthorityKeyIdentifier extension (the issuer's
  /// SKI, by RFC 5280 4.2.1.1); absent without one, or when it is malformed
  /// or repeated (quirk::der_bad_extension).
  std::optional<std::span<const std::uint8_t>> authority_key_identifier;
  /// BasicConstraints' cA: absent without the extension, or when it is
  /// malformed or repeated (quirk::der_bad_extension).
  std::optional<bool> basic_constraints_ca;
  algorithm_view signature_algorithm;        ///< the outer signatureAlgorithm
  std::span<const std::uint8_t> signature;   ///< signatureValue octets after the unused-bits octet
  quirk_set quirks;                          ///< how the DER departs from the strict form

  /// True when the serial is negative (quirk::der_negative_serial).
  [[nodiscard]] bool serial_negative() const noexcept { return !serial.empty() && (serial[0] & 0x80) != 0; }
};

/// Reads a DER certificate. `der` must hold exactly one certificate. Errors
/// (offset = position in `der`): certificate_too_large past
/// limits::max_certificate_bytes; der_truncated, der_bad_tag, der_bad_length,
/// der_bad_value for malformed DER. Bytes after the certificate are not an
/// error: quirk::der_trailing_data, and `der` stops at the certificate's end.
ALICERT_API result<certificate_view> read_certificate(std::span<const std::uint8_t> der) noexcept;

/// Reads a bare SubjectPublicKeyInfo (the DER of a `PUBLIC KEY` PEM block, as
/// KMS ships it). Same errors as read_certificate; `quirks` may be null. Spans borrow `der`.
ALICERT_API result<spki_view> read_public_key(std::span<const std::uint8_t> der, quirk_set* quirks) noexcept;

/// A PKCS#10 CertificationRequest (RFC 2986). Spans borrow the DER.
struct csr_view {
  std::span<const std::uint8_t> der;   ///< the whole request
  std::span<const std::uint8_t> info;  ///< the CertificationRequestInfo TLV
  name_view subject;
  spki_view public_key;
  algorithm_view signature_algorithm;
  quirk_set quirks;
};

/// Reads a DER certificate request (a `CERTIFICATE REQUEST` PEM block). Same
/// errors as read_certificate.
ALICERT_API result<csr_view> read_csr(std::span<const std::uint8_t> der) noexcept;

/// A serial number as an unsigned magnitude.
struct serial_magnitude {
  std::span<const std::uint8_t> magnitude;  ///< big-endian, no leading zero octet (empty for zero)
  bool negative{false};
};

/// The minimal magnitude of an INTEGER's content octets (certificate_view::serial).
/// For a non-negative value it is a view into `integer`; for a negative one the
/// two's complement is undone into `scratch` (needs integer.size() octets), which
/// the result then borrows; an empty magnitude is returned when scratch is too small.
ALICERT_API serial_magnitude integer_magnitude(std::span<const std::uint8_t> integer,
                                               std::span<std::uint8_t> scratch) noexcept;

}  // namespace alicert::x509
