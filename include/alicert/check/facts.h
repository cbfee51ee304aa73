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
};

}  // namespace alicert
