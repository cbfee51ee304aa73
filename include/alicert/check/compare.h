// alicert: the comparison rules the checks apply to reported text
// (spec/responses.md, "Shared shapes"). Pure functions: no allocation, no
// OpenSSL. Public so that callers holding such text alone (and the fuzzers)
// can apply the same rules.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "alicert/export.h"

namespace alicert {

/// True when `text` is a documentation-style mask: it holds a run of four or
/// more `*`, or it is an IPv4 address with at least one octet written `XX`
/// (either case), such as `192.0.XX.XX`. Nothing else is a mask.
ALICERT_API bool is_masked(std::string_view text) noexcept;

/// Normalizes reported hex (serials, fingerprints, key identifiers): drops
/// ASCII whitespace and `:`, an optional `0x`/`0X` prefix, and, when
/// `strip_leading_zeros`, leading `0` digits (at least one digit is kept);
/// writes lower-case digits into `out`. Returns the view of `out`, or an
/// empty view when `text` holds any other character, no digit at all, or
/// does not fit in `out`. `*leading_zeros` (may be null) is set when zeros were stripped.
ALICERT_API std::string_view normalize_hex(std::string_view text, std::span<char> out,
                                           bool strip_leading_zeros,
                                           bool* leading_zeros = nullptr) noexcept;

/// Lower-case hex of `bytes` into `out` (2 characters per byte); empty when it does not fit.
ALICERT_API std::string_view to_hex(std::span<const std::uint8_t> bytes, std::span<char> out) noexcept;

/// An IP address: 4 bytes (IPv4) or 16 (IPv6).
struct ip_address {
  std::array<std::uint8_t, 16> bytes{};
  std::uint8_t size{0};  ///< 4 or 16; 0 when not an address
  [[nodiscard]] std::span<const std::uint8_t> view() const noexcept { return {bytes.data(), size}; }
  friend bool operator==(const ip_address& a, const ip_address& b) noexcept {
    if (a.size != b.size) return false;
    for (std::size_t i = 0; i < a.size; ++i)
      if (a.bytes[i] != b.bytes[i]) return false;
    return true;
  }
};

/// Parses IPv4 dotted-quad or IPv6 text (RFC 4291 section 2.2, with an
/// embedded dotted quad; optional surrounding `[ ]`). `size` is 0 when `text` is neither.
ALICERT_API ip_address parse_ip(std::string_view text) noexcept;

/// Writes an address (4 or 16 bytes) as text, IPv6 per RFC 5952, into `out`
/// (46 bytes suffice); empty view for another size.
ALICERT_API std::string_view format_ip(std::span<const std::uint8_t> address, std::span<char> out) noexcept;

/// ASCII case-insensitive equality of DNS names, ignoring one trailing dot on either side.
ALICERT_API bool dns_equal(std::string_view a, std::string_view b) noexcept;

/// RFC 6125 section 6.4: does the certificate's DNS identifier `pattern`
/// (possibly `*.example.com`, a wildcard as the whole left-most label only)
/// cover the domain `name`? A wildcard matches exactly one label; a reported
/// wildcard `name` is covered only by the same wildcard.
ALICERT_API bool dns_covers(std::string_view pattern, std::string_view name) noexcept;

}  // namespace alicert
