#include "rfc3339.h"

#include <charconv>
#include <cstdint>

namespace alicert::cli {
namespace {

char* two_digits(char* out, unsigned v) noexcept {
  *out++ = static_cast<char>('0' + v / 10);
  *out++ = static_cast<char>('0' + v % 10);
  return out;
}

}  // namespace

char* write_rfc3339(char* out, utc_seconds t) noexcept {
  const std::int64_t secs = t.time_since_epoch().count();
  std::int64_t days = secs / 86400;
  std::int64_t rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  // Howard Hinnant's civil_from_days, as the library's format_rfc3339.
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  if (month <= 2) ++year;
  if (year >= 0 && year <= 9999) {
    const auto y = static_cast<unsigned>(year);
    out = two_digits(out, y / 100);
    out = two_digits(out, y % 100);
  } else {
    if (year >= 0) *out++ = '+';
    out = std::to_chars(out, out + 21, year).ptr;
  }
  *out++ = '-';
  out = two_digits(out, month);
  *out++ = '-';
  out = two_digits(out, day);
  *out++ = 'T';
  const auto r = static_cast<unsigned>(rem);
  out = two_digits(out, r / 3600);
  *out++ = ':';
  out = two_digits(out, r / 60 % 60);
  *out++ = ':';
  out = two_digits(out, r % 60);
  *out++ = 'Z';
  return out;
}

}  // namespace alicert::cli
