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

}  // namespace alicert::internal
