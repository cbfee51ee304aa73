// Internal: the API date parsers without an error object, for the parser's
// hot path, where an unreadable date is a field state and must not allocate.
#pragma once

#include <string_view>

#include "alicert/quirks.h"
#include "alicert/time.h"

namespace alicert::internal {

/// As parse_iso8601 / parse_go_time; returns null on success, else why not.
const char* parse_iso8601_into(std::string_view text, quirk_set* quirks, utc_seconds& out) noexcept;
const char* parse_go_time_into(std::string_view text, quirk_set* quirks, utc_seconds& out) noexcept;
/// `YYYY-MM-DD`: midnight UTC of that date. An ISO 8601 date-time is
/// accepted too, for its date as written.
const char* parse_date_into(std::string_view text, quirk_set* quirks, utc_seconds& out) noexcept;
/// ISO 8601; Go's layout; or `YYYY-MM-DD HH:MM:SS` without a zone, read as
/// UTC (quirk date_zoneless; a check may also try UTC+8, see is_zoneless_time).
const char* parse_any_time_into(std::string_view text, quirk_set* quirks, utc_seconds& out) noexcept;
/// True for a date-time without a zone (`YYYY-MM-DD HH:MM:SS[.fff]`).
bool is_zoneless_time(std::string_view text) noexcept;

}  // namespace alicert::internal
