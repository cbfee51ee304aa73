// alicert: instants in the formats the APIs and X.509 use.
//
// Every instant is a UTC time point with one-second resolution (leap seconds
// are not representable, as in X.509). Parsers accept text and never allocate.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string_view>

#include "alicert/error.h"
#include "alicert/export.h"
#include "alicert/quirks.h"

namespace alicert {

/// A UTC instant, seconds since 1970-01-01T00:00:00Z (negative before).
using utc_seconds = std::chrono::sys_seconds;

/// Seconds since the epoch for a proleptic Gregorian civil date and time (UTC).
ALICERT_API std::int64_t civil_to_epoch(std::int64_t year, unsigned month, unsigned day,
                                        unsigned hour, unsigned minute, unsigned second) noexcept;

/// ISO 8601 / RFC 3339 as KMS sends it: `2020-10-13T03:05:03Z`, with optional
/// fractional seconds (quirk::date_fractional_seconds, truncated) and a
/// `+08:00`-style offset (quirk::date_numeric_offset). A space instead of `T`
/// is accepted. `quirks` may be null.
ALICERT_API result<utc_seconds> parse_iso8601(std::string_view text, quirk_set* quirks) noexcept;

/// Go's `time.Time` String() layout as CDN sends it: `2015-12-21 08:02:07 +0000 UTC`,
/// with optional fractional seconds and any numeric offset (the trailing zone
/// name is informative only). ISO 8601 is accepted too (quirk::date_iso8601_in_cdn).
ALICERT_API result<utc_seconds> parse_go_time(std::string_view text, quirk_set* quirks) noexcept;

/// Milliseconds since the epoch (CAS BeforeDate/AfterDate), floored to the second.
ALICERT_API utc_seconds from_epoch_millis(std::int64_t millis) noexcept;

/// ASN.1 UTCTime content octets (`YYMMDDHHMMSSZ`, RFC 5280 4.1.2.5.1: years
/// 50-99 are 19xx). Seconds are required and the zone must be `Z`.
ALICERT_API result<utc_seconds> parse_utc_time(std::span<const std::uint8_t> content) noexcept;

/// ASN.1 GeneralizedTime content octets (`YYYYMMDDHHMMSSZ`); fractional seconds
/// are tolerated and truncated (RFC 5280 forbids them, OpenSSL accepts them).
ALICERT_API result<utc_seconds> parse_generalized_time(std::span<const std::uint8_t> content) noexcept;

/// Writes `t` as RFC 3339 `YYYY-MM-DDTHH:MM:SSZ` into `out` (at least 32 bytes,
/// years outside 0..9999 are written with a sign) and returns the view of it.
ALICERT_API std::string_view format_rfc3339(utc_seconds t, std::span<char, 32> out) noexcept;

/// Whole days between two instants, rounded down and up (CAS `Days`).
struct day_span {
  std::int64_t floor;
  std::int64_t ceil;
};
ALICERT_API day_span days_between(utc_seconds from, utc_seconds to) noexcept;

}  // namespace alicert
