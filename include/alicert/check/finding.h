// alicert: one finding, the verdict on one reported field.
//
// The names returned by `check_name` and `status_name` are the contract of
// `alicert check --json` (docs: spec/report.md, "FINDING"): they never change,
// new values are only ever appended.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "alicert/export.h"

namespace alicert {

/// What a finding is about: one of the 31 checks of the report contract.
enum class check_id : std::uint8_t {
  certificate,             ///< the PEM decoded to one well-formed X.509 certificate
  serial,                  ///< SerialNumber / Serial
  not_before,              ///< BeforeDate / NotBefore / CreateTime
  not_after,               ///< AfterDate / NotAfter / CertExpireTime
  validity_days,           ///< Days (CAS)
  sha256,                  ///< Sha2 (CAS)
  md5,                     ///< Md5 (CAS)
  subject,                 ///< SubjectDN / Subject
  issuer,                  ///< Issuer (KMS)
  common_name,             ///< CommonName (CAS)
  organization,            ///< Organization (CAS)
  organizational_unit,     ///< OrganizationUnit (CAS)
  locality,                ///< Locality (CAS)
  state,                   ///< State (CAS)
  country,                 ///< CountryCode (CAS)
  sans,                    ///< Sans / SubjectAlternativeNames
  key_algorithm,           ///< Algorithm / FullAlgorithm (CAS)
  key_size,                ///< KeySize / FullAlgorithm (CAS)
  key_spec,                ///< KeySpec (KMS)
  signature_algorithm,     ///< SignAlgorithm / SignatureAlgorithm
  subject_key_identifier,  ///< SubjectKeyIdentifier (KMS)
  public_key,              ///< SubjectPublicKey (KMS)
  domain_list,             ///< DomainList (CDN)
  chain,                   ///< GetCertificate.CertificateChain / HttpsCrt blocks 2..n
  csr_public_key,          ///< GetCertificate.Csr
  fingerprint,             ///< Fingerprint (CAS SSL, SLB): the digest its length names, of the DER
  issuer_name,             ///< Issuer (CAS SSL) / CertOrg (CDN, DCDN): the CA's display name
  cert_domain_name,        ///< CertDomainName (CDN, DCDN)
  expired,                 ///< Expired (CAS SSL)
  private_key,             ///< Key / SignPrivateKey / EncryptPrivateKey (CAS SSL): the key pair's public half
  chain_info,              ///< CertChain (CAS SSL): each entry against the bundle's certificates
};

/// Number of check_id values (0 .. check_count-1).
inline constexpr unsigned check_count = static_cast<unsigned>(check_id::chain_info) + 1;

/// The stable snake_case name of `c`, e.g. "subject_key_identifier".
ALICERT_API std::string_view check_name(check_id c) noexcept;

/// The verdict.
enum class finding_status : std::uint8_t {
  match,         ///< the reported value agrees with the certificate
  mismatch,      ///< it disagrees
  invalid,       ///< the reported value cannot be read (bad date, bad PEM, non-hex text)
  masked,        ///< a documentation-style mask (a run of 4+ `*`, or an IP with an `XX` octet)
  absent,        ///< the API did not report the field (null, missing or empty)
  unverifiable,  ///< nothing to compare with (no certificate, or not derivable for this key)
};

/// The stable name of `s`, e.g. "unverifiable".
ALICERT_API std::string_view status_name(finding_status s) noexcept;

/// True for the statuses that make `alicert check` exit with 1 (mismatch, invalid).
[[nodiscard]] constexpr bool is_failure(finding_status s) noexcept {
  return s == finding_status::mismatch || s == finding_status::invalid;
}

/// One finding. Every string is borrowed (from the input, the parser, or the
/// `checker` that produced it): see checker.h for how long it lives.
struct finding {
  check_id check{check_id::certificate};
  finding_status status{finding_status::absent};
  /// The API field name, e.g. "SerialNumber", "GetCertificate.CertificateChain".
  std::string_view field{};
  /// The value as the API reported it (empty when absent). Lists (SANs, domains)
  /// sent as arrays are rendered as comma-separated text. Empty for PEM fields
  /// (certificate, chain, csr_public_key, public_key): the input holds them.
  std::string_view reported{};
  /// What the certificate says (empty when unknown or not meaningful, as for
  /// PEM fields): hex lower-case, dates RFC 3339, names RFC 4514, lists comma-separated.
  std::string_view actual{};
  /// A short English explanation: which side matched (subject/issuer), which
  /// entries differ, which quirk applied. Not a contract.
  std::string_view note{};
  /// Byte offset of the reported JSON value in the caller's input (0 when absent).
  std::size_t offset{0};
};

}  // namespace alicert
