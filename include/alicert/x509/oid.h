// alicert x509: object identifiers, as content octets, dotted text and names.
//
// An OID is handled as its DER content octets (no tag, no length): that is
// what the certificate holds, and comparing two OIDs is comparing bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "alicert/error.h"
#include "alicert/export.h"

namespace alicert::x509 {

/// What alicert knows an OID for.
enum class oid_kind : std::uint8_t {
  attribute,            ///< a name attribute type (CN, O, ...)
  key_algorithm,        ///< a SubjectPublicKeyInfo algorithm
  curve,                ///< a named elliptic curve
  signature_algorithm,  ///< a certificate signature algorithm
  extension,            ///< a certificate extension
};

/// One entry of the table of known OIDs. All views point to static storage.
struct oid_info {
  std::span<const std::uint8_t> der;  ///< content octets
  std::string_view dotted;            ///< e.g. "2.5.4.3"
  /// The RFC 4514 keyword where RFC 4514 defines one (CN, L, ST, O, OU, C,
  /// STREET, DC, UID), otherwise OpenSSL's short name (`OBJ_nid2sn`).
  std::string_view short_name;
  std::string_view long_name;  ///< OpenSSL's long name (`OBJ_nid2ln`), e.g. "sha256WithRSAEncryption"
  oid_kind kind;
};

/// The whole table (attribute types, key algorithms, curves, signature
/// algorithms, the extensions alicert reads). Static storage.
ALICERT_API std::span<const oid_info> known_oids() noexcept;

/// The table entry for `oid` (content octets), or null when alicert does not know it.
ALICERT_API const oid_info* find_oid(std::span<const std::uint8_t> oid) noexcept;

/// True when `oid` is well-formed content octets as OpenSSL requires: not
/// empty, no subidentifier starting with 0x80, the last octet ending a subidentifier.
ALICERT_API bool valid_oid(std::span<const std::uint8_t> oid) noexcept;

/// Writes the dotted text of `oid` (e.g. "1.2.840.113549.1.1.11") into `out`
/// and returns the view of it (borrows `out`). Arcs of any size are written
/// exactly. Returns an empty view when `oid` is not valid_oid() or `out` is too small
/// (4 characters per content octet always suffice).
ALICERT_API std::string_view format_oid(std::span<const std::uint8_t> oid, std::span<char> out) noexcept;

/// Encodes dotted text ("2.5.4.3") as content octets into `out`; returns how
/// many octets were written. Arcs up to 2^64-1. Errors: bad_name when the text
/// is not a dotted OID (at least two arcs, first 0..2, second < 40 under 0 and 1)
/// or `out` is too small (the text's length always suffices).
ALICERT_API result<std::size_t> parse_oid(std::string_view dotted, std::span<std::uint8_t> out) noexcept;

/// The name the report prints for a signature algorithm: OpenSSL's long name
/// when alicert knows the OID, otherwise its dotted text written into `scratch`
/// (borrowed by the result). Empty when the OID is malformed and `scratch` too small.
ALICERT_API std::string_view signature_algorithm_name(std::span<const std::uint8_t> oid,
                                                      std::span<char> scratch) noexcept;

/// Content octets of the OIDs other code compares with (static storage).
namespace oids {
inline constexpr std::uint8_t common_name[] = {0x55, 0x04, 0x03};
inline constexpr std::uint8_t country[] = {0x55, 0x04, 0x06};
inline constexpr std::uint8_t locality[] = {0x55, 0x04, 0x07};
inline constexpr std::uint8_t state[] = {0x55, 0x04, 0x08};
inline constexpr std::uint8_t organization[] = {0x55, 0x04, 0x0a};
inline constexpr std::uint8_t organizational_unit[] = {0x55, 0x04, 0x0b};
inline constexpr std::uint8_t email_address[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01};
inline constexpr std::uint8_t domain_component[] = {0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19};
inline constexpr std::uint8_t rsa_encryption[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01};
inline constexpr std::uint8_t rsassa_pss[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a};
inline constexpr std::uint8_t ec_public_key[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01};
inline constexpr std::uint8_t dsa[] = {0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01};
inline constexpr std::uint8_t ed25519[] = {0x2b, 0x65, 0x70};
inline constexpr std::uint8_t ed448[] = {0x2b, 0x65, 0x71};
inline constexpr std::uint8_t sm2[] = {0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d};
inline constexpr std::uint8_t prime256v1[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
inline constexpr std::uint8_t secp384r1[] = {0x2b, 0x81, 0x04, 0x00, 0x22};
inline constexpr std::uint8_t secp521r1[] = {0x2b, 0x81, 0x04, 0x00, 0x23};
inline constexpr std::uint8_t secp256k1[] = {0x2b, 0x81, 0x04, 0x00, 0x0a};
inline constexpr std::uint8_t subject_key_identifier[] = {0x55, 0x1d, 0x0e};
inline constexpr std::uint8_t subject_alt_name[] = {0x55, 0x1d, 0x11};
inline constexpr std::uint8_t basic_constraints[] = {0x55, 0x1d, 0x13};
inline constexpr std::uint8_t authority_key_identifier[] = {0x55, 0x1d, 0x23};
}  // namespace oids

/// True when two OIDs (content octets) are the same.
inline bool same_oid(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace alicert::x509
