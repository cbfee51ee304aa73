// alicert CLI: RFC 3339 timestamps for the record writer, written in place
// by the library's format_rfc3339 (alicert/time.h).
#pragma once

#include "alicert/time.h"

namespace alicert::cli {

/// The most bytes write_rfc3339() writes.
inline constexpr std::size_t rfc3339_bound = 32;

/// Writes `t` as `YYYY-MM-DDTHH:MM:SSZ` (years outside 0..9999 with their
/// sign and no padding) at `out`; returns the end.
char* write_rfc3339(char* out, utc_seconds t) noexcept;

}  // namespace alicert::cli
