// alicert x509: one ASN.1 TLV at a time, as OpenSSL's decoder reads it.
//
// The reader follows DER and tolerates what OpenSSL 3's BER decoder accepts:
// long-form lengths where short would do (quirk::der_non_minimal_length) and
// indefinite lengths on constructed encodings (quirk::der_ber_encoding).
// Nothing is copied: every span points into the caller's input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "alicert/error.h"
#include "alicert/export.h"
#include "alicert/quirks.h"

namespace alicert::x509 {

/// Identifier octets of the universal and context tags a certificate uses.
namespace tag {
inline constexpr std::uint8_t boolean = 0x01;
inline constexpr std::uint8_t integer = 0x02;
inline constexpr std::uint8_t bit_string = 0x03;
inline constexpr std::uint8_t octet_string = 0x04;
inline constexpr std::uint8_t null = 0x05;
inline constexpr std::uint8_t oid = 0x06;
inline constexpr std::uint8_t utf8_string = 0x0c;
inline constexpr std::uint8_t numeric_string = 0x12;
inline constexpr std::uint8_t printable_string = 0x13;
inline constexpr std::uint8_t t61_string = 0x14;
inline constexpr std::uint8_t videotex_string = 0x15;
inline constexpr std::uint8_t ia5_string = 0x16;
inline constexpr std::uint8_t utc_time = 0x17;
inline constexpr std::uint8_t generalized_time = 0x18;
inline constexpr std::uint8_t graphic_string = 0x19;
inline constexpr std::uint8_t visible_string = 0x1a;
inline constexpr std::uint8_t general_string = 0x1b;
inline constexpr std::uint8_t universal_string = 0x1c;
inline constexpr std::uint8_t bmp_string = 0x1e;
inline constexpr std::uint8_t sequence = 0x30;
inline constexpr std::uint8_t set = 0x31;
/// [n] with the constructed bit, as EXPLICIT tags and IMPLICIT SEQUENCEs are written.
constexpr std::uint8_t context_constructed(unsigned n) noexcept {
  return static_cast<std::uint8_t>(0xa0u | n);
}
/// [n] without the constructed bit, as IMPLICIT primitive types are written.
constexpr std::uint8_t context_primitive(unsigned n) noexcept {
  return static_cast<std::uint8_t>(0x80u | n);
}
}  // namespace tag

/// One type-length-value. Spans borrow the input given to read_tlv and die with it.
struct tlv {
  /// The first identifier octet: class (bits 8-7), constructed (bit 6) and the
  /// tag number, or 0x1f in the low bits when the number follows in more octets.
  std::uint8_t identifier{0};
  std::uint32_t number{0};   ///< the tag number, also when written in several octets
  bool constructed{false};   ///< bit 6 of the identifier
  bool indefinite{false};    ///< BER indefinite length, ended by an end-of-contents pair
  std::span<const std::uint8_t> value;     ///< content octets (without the end-of-contents pair)
  std::span<const std::uint8_t> encoding;  ///< the whole TLV: identifier, length, content (and EOC)
};

/// Reads the TLV at the start of `input`; bytes after it are left alone (see
/// tlv::encoding for how many were used). Errors: der_truncated when the
/// length runs past `input`, der_bad_length for a length that cannot be
/// represented (more than 8 significant octets) or an indefinite length on a
/// primitive encoding, der_bad_tag for a tag number above 2^31. `quirks` may be null.
ALICERT_API result<tlv> read_tlv(std::span<const std::uint8_t> input, quirk_set* quirks) noexcept;

}  // namespace alicert::x509
