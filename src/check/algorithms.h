// The check wing's reading of the algorithm names the APIs report: CAS
// Algorithm / FullAlgorithm / SignAlgorithm, KMS KeySpec / SignatureAlgorithm.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "alicert/x509/certificate.h"

namespace alicert::internal {

/// A key family as the APIs name it.
enum class key_family : std::uint8_t { unknown, rsa, ec, sm2, ed25519, ed448, dsa };

/// The family of a certificate's key type (RSA-PSS keys are RSA).
key_family family_of(x509::key_type t) noexcept;

/// "RSA", "EC", "SM2", "Ed25519", "Ed448" or "unknown" (the report's key_algorithm).
std::string_view key_algorithm_name(x509::key_type t) noexcept;

/// CAS Algorithm: RSA, ECC (also EC, ECDSA), SM2, Ed25519, Ed448, DSA, any case.
key_family parse_key_family(std::string_view text) noexcept;

/// CAS FullAlgorithm, e.g. RSA_2048, ECC_256, EC_P256, SM2_256: family and size (0 when none).
struct full_algorithm {
  key_family family{key_family::unknown};
  std::uint32_t bits{0};
};
full_algorithm parse_full_algorithm(std::string_view text) noexcept;

/// KMS KeySpec: RSA_2048, RSA_3072, RSA_4096, EC_P256, EC_P256K, EC_P384, EC_P521, EC_SM2.
struct key_spec {
  key_family family{key_family::unknown};
  std::uint32_t rsa_bits{0};               ///< RSA only
  std::span<const std::uint8_t> curve{};   ///< EC only: the named curve OID
};
key_spec parse_key_spec(std::string_view text) noexcept;

/// True when `key` is what `spec` describes. Precondition: spec.family != unknown.
bool key_matches_spec(const x509::spki_view& key, const key_spec& spec) noexcept;

/// A reported signature algorithm name (CAS SHA256WITHRSA, KMS RSA2048-SHA256,
/// ECDSA-SHA256, SM2-SM3, RSA_PSS_SHA_256, OpenSSL names...): the family of the
/// signing key and the signature OID. `oid` is empty when no OID is known for it.
struct signature_name {
  key_family family{key_family::unknown};
  std::span<const std::uint8_t> oid{};
};
signature_name parse_signature_name(std::string_view text) noexcept;

}  // namespace alicert::internal
