// Date and time parsing for the three API formats and the two ASN.1 ones.
#include "alicert/time.h"

#include "common/chars.h"
#include "common/time_parse.h"

#include <cstdint>

namespace alicert {
namespace {

using bytes = std::span<const std::uint8_t>;

error time_error(std::string_view message, std::size_t offset = 0) noexcept {
  return error{error_code::bad_time, message, {}, offset};
}

// A small cursor over text; every read is bounds-checked.
struct cursor {
  const char* p;
  const char* end;
  [[nodiscard]] bool done() const noexcept { return p == end; }
  [[nodiscard]] char peek() const noexcept { return p == end ? '\0' : *p; }
  bool accept(char c) noexcept {
    if (p != end && *p == c) { ++p; return true; }
    return false;
  }
  // Exactly n decimal digits.
  bool digits(unsigned n, unsigned& out) noexcept {
    if (static_cast<std::size_t>(end - p) < n) return false;
    unsigned v = 0;
    for (unsigned i = 0; i < n; ++i) {
      char c = p[i];
      if (c < '0' || c > '9') return false;
      v = v * 10 + static_cast<unsigned>(c - '0');
    }
    p += n;
    out = v;
    return true;
  }
  // Fractional seconds: any number of digits after '.' or ','.
  bool fraction() noexcept {
    if (p == end || (*p != '.' && *p != ',')) return false;
    const char* q = p + 1;
    while (q != end && internal::is_ascii_digit(*q)) ++q;
    if (q == p + 1) return false;
    p = q;
    return true;
  }
  void skip_spaces() noexcept {
    while (p != end && *p == ' ') ++p;
  }
};

bool valid_civil(std::int64_t year, unsigned month, unsigned day, unsigned hour, unsigned minute,
                 unsigned second) noexcept {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
  static constexpr unsigned month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  unsigned limit = month_days[month - 1] + (month == 2 && leap ? 1u : 0u);
  return day <= limit;
}

// A leap second (60) is folded onto the next second's start, as OpenSSL does.
utc_seconds make_time(std::int64_t year, unsigned month, unsigned day, unsigned hour, unsigned minute,
                      unsigned second, std::int64_t offset_seconds) noexcept {
  return utc_seconds{std::chrono::seconds{civil_to_epoch(year, month, day, hour, minute, second) -
                                          offset_seconds}};
}

// `+hh:mm`, `+hhmm`, `+hh`, `-...`; returns false when the text is not an offset.
bool numeric_offset(cursor& c, std::int64_t& seconds) noexcept {
  char sign = c.peek();
  if (sign != '+' && sign != '-') return false;
  ++c.p;
  unsigned hh = 0, mm = 0;
  if (!c.digits(2, hh)) return false;
  if (c.accept(':')) {
    if (!c.digits(2, mm)) return false;
  } else if (!c.done() && internal::is_ascii_digit(c.peek())) {
    if (!c.digits(2, mm)) return false;
  }
  if (hh > 23 || mm > 59) return false;
  seconds = (static_cast<std::int64_t>(hh) * 3600 + mm * 60) * (sign == '-' ? -1 : 1);
  return true;
}

// `YYYY-MM-DD?hh:mm:ss[.fff]` where ? is `T`, `t` or a space.
bool date_and_clock(cursor& c, bool& fractional, unsigned (&f)[6]) noexcept {
  if (!c.digits(4, f[0]) || !c.accept('-') || !c.digits(2, f[1]) || !c.accept('-') ||
      !c.digits(2, f[2]))
    return false;
  if (!(c.accept('T') || c.accept('t') || c.accept(' '))) return false;
  if (!c.digits(2, f[3]) || !c.accept(':') || !c.digits(2, f[4]) || !c.accept(':') ||
      !c.digits(2, f[5]))
    return false;
  fractional = c.fraction();
  return valid_civil(f[0], f[1], f[2], f[3], f[4], f[5]);
}

}  // namespace

std::int64_t civil_to_epoch(std::int64_t year, unsigned month, unsigned day, unsigned hour,
                            unsigned minute, unsigned second) noexcept {
  // Howard Hinnant's days_from_civil.
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = era * 146097 + static_cast<std::int64_t>(doe) - 719468;
  return days * 86400 + hour * 3600 + minute * 60 + second;
}

const char* internal::parse_iso8601_into(std::string_view text, quirk_set* quirks, utc_seconds& out) noexcept {
  cursor c{text.data(), text.data() + text.size()};
  unsigned f[6];
  bool fractional = false;
  if (!date_and_clock(c, fractional, f)) return "not an ISO 8601 date-time";
  std::int64_t offset = 0;
  bool numeric = false;
  if (c.accept('Z') || c.accept('z')) {
  } else if (numeric_offset(c, offset)) {
    numeric = true;
  } else {
    return "ISO 8601 date-time without a zone (Z or +hh:mm)";
  }
  if (!c.done()) return "trailing text after an ISO 8601 date-time";
  if (quirks) {
    if (fractional) quirks->add(quirk::date_fractional_seconds);
    if (numeric && offset != 0) quirks->add(quirk::date_numeric_offset);
  }
  out = make_time(f[0], f[1], f[2], f[3], f[4], f[5], offset);
  return nullptr;
}

const char* internal::parse_go_time_into(std::string_view text, quirk_set* quirks, utc_seconds& out) noexcept {
  cursor c{text.data(), text.data() + text.size()};
  unsigned f[6];
  bool fractional = false;
  if (!date_and_clock(c, fractional, f)) return "not a `2006-01-02 15:04:05 -0700 MST` time";
  std::int64_t offset = 0;
  bool iso = false;
  if (c.accept('Z') || c.accept('z')) {
    iso = true;
  } else if (c.peek() == '+' || c.peek() == '-') {
    if (!numeric_offset(c, offset)) return "bad UTC offset";
    iso = true;
  } else {
    c.skip_spaces();
    if (!numeric_offset(c, offset)) return "Go time without a numeric offset";
    c.skip_spaces();
    // The zone abbreviation (UTC, CST, ...) is informative only: letters, digits, +/-.
    while (!c.done()) {
      char ch = c.peek();
      bool ok = internal::is_ascii_alnum(ch) || ch == '+' || ch == '-';
      if (!ok) return "bad zone name in a Go time";
      ++c.p;
    }
  }
  if (!c.done()) return "trailing text after a date-time";
  if (quirks) {
    if (fractional) quirks->add(quirk::date_fractional_seconds);
    if (offset != 0) quirks->add(quirk::date_numeric_offset);
    if (iso) quirks->add(quirk::date_iso8601_in_cdn);
  }
  out = make_time(f[0], f[1], f[2], f[3], f[4], f[5], offset);
  return nullptr;
}

const char* internal::parse_date_into(std::string_view text, quirk_set* quirks, utc_seconds& out) noexcept {
  cursor c{text.data(), text.data() + text.size()};
  unsigned y = 0, m = 0, d = 0;
  if (!c.digits(4, y) || !c.accept('-') || !c.digits(2, m) || !c.accept('-') || !c.digits(2, d) ||
      !valid_civil(y, m, d, 0, 0, 0))
    return "not a `YYYY-MM-DD` date";
  if (!c.done()) {
    utc_seconds ignored{};
    if (parse_iso8601_into(text, quirks, ignored) != nullptr) return "trailing text after a `YYYY-MM-DD` date";
  }
  out = make_time(y, m, d, 0, 0, 0, 0);
  return nullptr;
}

bool internal::is_zoneless_time(std::string_view text) noexcept {
  cursor c{text.data(), text.data() + text.size()};
  unsigned f[6];
  bool fractional = false;
  return date_and_clock(c, fractional, f) && c.done();
}

const char* internal::parse_any_time_into(std::string_view text, quirk_set* quirks, utc_seconds& out) noexcept {
  if (parse_iso8601_into(text, quirks, out) == nullptr) return nullptr;
  if (is_zoneless_time(text)) {
    cursor c{text.data(), text.data() + text.size()};
    unsigned f[6];
    bool fractional = false;
    (void)date_and_clock(c, fractional, f);
    if (quirks) {
      quirks->add(quirk::date_zoneless);
      if (fractional) quirks->add(quirk::date_fractional_seconds);
    }
    out = make_time(f[0], f[1], f[2], f[3], f[4], f[5], 0);
    return nullptr;
  }
  quirk_set ignored;  // Go's layout is a known shape here: no date_iso8601_in_cdn
  if (parse_go_time_into(text, quirks ? &ignored : nullptr, out) == nullptr) {
    if (quirks && ignored.has(quirk::date_fractional_seconds)) quirks->add(quirk::date_fractional_seconds);
    if (quirks && ignored.has(quirk::date_numeric_offset)) quirks->add(quirk::date_numeric_offset);
    return nullptr;
  }
  return "not an ISO 8601, Go or `YYYY-MM-DD HH:MM:SS` date-time";
}

result<utc_seconds> parse_iso8601(std::string_view text, quirk_set* quirks) noexcept {
  utc_seconds t{};
  if (const char* why = internal::parse_iso8601_into(text, quirks, t)) return time_error(why);
  return t;
}

result<utc_seconds> parse_go_time(std::string_view text, quirk_set* quirks) noexcept {
  utc_seconds t{};
  if (const char* why = internal::parse_go_time_into(text, quirks, t)) return time_error(why);
  return t;
}

utc_seconds from_epoch_millis(std::int64_t millis) noexcept {
  std::int64_t s = millis / 1000;
  if (millis % 1000 < 0) --s;  // floor, also before 1970
  return utc_seconds{std::chrono::seconds{s}};
}

namespace {

bool asn1_digits(bytes b, std::size_t at, unsigned n, unsigned& out) noexcept {
  if (b.size() < at + n) return false;
  unsigned v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (b[i] < '0' || b[i] > '9') return false;
    v = v * 10 + (b[i] - '0');
  }
  out = v;
  return true;
}

result<utc_seconds> asn1_clock(bytes b, std::size_t at, std::int64_t year, unsigned month,
                               bool allow_fraction) noexcept {
  unsigned day = 0, hour = 0, minute = 0, second = 0;
  if (!asn1_digits(b, at, 2, day) || !asn1_digits(b, at + 2, 2, hour) ||
      !asn1_digits(b, at + 4, 2, minute) || !asn1_digits(b, at + 6, 2, second))
    return time_error("ASN.1 time needs day, hour, minute and second digits");
  std::size_t i = at + 8;
  if (allow_fraction && i < b.size() && b[i] == '.') {
    std::size_t j = i + 1;
    while (j < b.size() && internal::is_ascii_digit(b[j])) ++j;
    if (j == i + 1) return time_error("empty fraction in GeneralizedTime");
    i = j;
  }
  if (i + 1 != b.size() || b[i] != 'Z') return time_error("ASN.1 time must end in Z");
  if (!valid_civil(year, month, day, hour, minute, second)) return time_error("no such date");
  return make_time(year, month, day, hour, minute, second, 0);
}

}  // namespace

result<utc_seconds> parse_utc_time(bytes content) noexcept {
  unsigned yy = 0, month = 0;
  if (!asn1_digits(content, 0, 2, yy) || !asn1_digits(content, 2, 2, month))
    return time_error("UTCTime needs YYMM");
  std::int64_t year = yy >= 50 ? 1900 + yy : 2000 + yy;
  return asn1_clock(content, 4, year, month, false);
}

result<utc_seconds> parse_generalized_time(bytes content) noexcept {
  unsigned yyyy = 0, month = 0;
  if (!asn1_digits(content, 0, 4, yyyy) || !asn1_digits(content, 4, 2, month))
    return time_error("GeneralizedTime needs YYYYMM");
  return asn1_clock(content, 6, yyyy, month, true);
}

namespace {

// `v` as exactly `width` decimal digits (v < 10^width).
char* put_digits(char* p, unsigned v, int width) noexcept {
  for (int i = width; i-- > 0;) {
    p[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return p + width;
}

// `v` in decimal, no padding.
char* put_decimal(char* p, std::uint64_t v) noexcept {
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0) *p++ = digits[--n];
  return p;
}

}  // namespace

std::string_view format_rfc3339(utc_seconds t, std::span<char, 32> out) noexcept {
  const std::int64_t secs = t.time_since_epoch().count();
  std::int64_t days = secs / 86400;
  std::int64_t rem = secs % 86400;
  if (rem < 0) { rem += 86400; --days; }
  // Howard Hinnant's civil_from_days.
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
  // By hand, not snprintf: this runs for every reported date a check echoes.
  char* p = out.data();
  if (year >= 0 && year <= 9999) {
    p = put_digits(p, static_cast<unsigned>(year), 4);
  } else {
    *p++ = year < 0 ? '-' : '+';
    const std::uint64_t mag = year < 0 ? ~static_cast<std::uint64_t>(year) + 1 : static_cast<std::uint64_t>(year);
    p = put_decimal(p, mag);
  }
  const auto hour = static_cast<unsigned>(rem / 3600), minute = static_cast<unsigned>(rem / 60 % 60),
             second = static_cast<unsigned>(rem % 60);
  *p++ = '-';
  p = put_digits(p, month, 2);
  *p++ = '-';
  p = put_digits(p, day, 2);
  *p++ = 'T';
  p = put_digits(p, hour, 2);
  *p++ = ':';
  p = put_digits(p, minute, 2);
  *p++ = ':';
  p = put_digits(p, second, 2);
  *p++ = 'Z';
  return {out.data(), static_cast<std::size_t>(p - out.data())};
}

day_span days_between(utc_seconds from, utc_seconds to) noexcept {
  const std::int64_t s = (to - from).count();
  std::int64_t fl = s / 86400;
  if (s % 86400 < 0) --fl;
  const std::int64_t ce = fl + (s % 86400 != 0 ? 1 : 0);
  return {fl, ce};
}

}  // namespace alicert
