// alicert: what a certificate itself says, as `alicert check` prints it
// (spec/report.md, "CERTIFICATE").
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "alicert/export.h"
#include "alicert/time.h"

namespace alicert {

/// The four reportable GeneralName kinds (other kinds are not listed).
enum class san_kind : std::uint8_t { dns, ip, email, uri };

/// The stable name of `k`: "dns", "ip", "email" or "uri".
ALICERT_API std::string_view san_kind_name(san_kind k) noexcept;

/// One subject alternative name of the certificate. IP addresses are rendered
/// as text (dotted quad, or RFC 5952 IPv6).
struct certificate_san {
  san_kind type{san_kind::dns};
  std::string_view value{};
};

/// A fact about the certificate itself that compliance scanners flag,
/// whatever the API reported (report.md, `warnings`). Names are a contract,
/// appended only.
enum class warning_code : std::uint8_t {
  rsa_key_below_2048,    ///< an RSA key of fewer than 2048 bits
  weak_signature_hash,   ///< signed with MD5 or SHA-1
  serial_not_positive,   ///< a serial of zero or below
  serial_over_20_bytes,  ///< a serial longer than RFC 5280's 20 octets
  version_1,             ///< a version 1 certificate (no extensions)
  leaf_is_ca,            ///< basicConstraints CA:TRUE on the certificate the API describes
  validity_inverted,     ///< notBefore after notAfter
};

/// The stable name of `w`, e.g. "weak_signature_hash".
ALICERT_API std::string_view warning_name(warning_code w) noexcept;

/// One warning, with what it is about (a key size, an algorithm name).
struct certificate_warning {
  warning_code code{warning_code::version_1};
  std::string_view detail{};
};

/// `validity_at_now`: the reference time compared with the certificate's dates.
enum class validity_state : std::uint8_t { valid, expired, not_yet_valid };

/// The stable name of `v`: "valid", "expired" or "not_yet_valid".
ALICERT_API std::string_view validity_state_name(validity_state v) noexcept;

/// The certificate's own fields. When `decoded` is false (no decodable
/// certificate) every other member is empty/zero and must be printed as null.
/// Strings borrow from the `checker` (see checker.h).
struct certificate_facts {
  bool decoded{false};
  /// Lower-case hex, no leading zeros ("0" for zero); a negative serial
  /// (quirk::der_negative_serial) is written as `-` and its magnitude.
  std::string_view serial{};
  utc_seconds not_before{};
  utc_seconds not_after{};
  /// False when the certificate's time text is unreadable (quirk::der_unreadable_time):
  /// the time above is then meaningless (print null) and the date checks are unverifiable.
  bool not_before_known{false};
  bool not_after_known{false};
  std::string_view subject{};             ///< RFC 4514
  std::string_view issuer{};              ///< RFC 4514
  std::span<const certificate_san> sans{};///< DNS, IP, email and URI entries, in certificate order
  /// SHA-256 / MD5 of the DER, lower-case hex; computed only when the response
  /// reports that fingerprint (CAS Sha2 / Md5), empty otherwise (print null).
  std::string_view sha256{};
  std::string_view md5{};
  std::string_view key_algorithm{};       ///< "RSA", "EC", "SM2", "Ed25519", "Ed448" or "unknown"
  std::int32_t key_size{0};               ///< RSA modulus bits, EC curve bits, 256 for SM2; 0 = unknown (print null)
  std::string_view signature_algorithm{}; ///< OpenSSL long name, or the dotted OID
  validity_state validity_at_now{validity_state::valid};
  /// Whole days from the reference time to notAfter, rounded down (negative
  /// once expired); meaningful when not_after_known.
  std::int64_t expires_in_days{0};
  /// Hygiene warnings, in warning_code order; they never change a verdict.
  std::span<const certificate_warning> warnings{};
};

}  // namespace alicert
