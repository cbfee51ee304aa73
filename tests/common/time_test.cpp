// The date and time formats of the three APIs and of X.509.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "alicert/time.h"

namespace alicert {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

std::int64_t epoch(std::int64_t y, unsigned mo, unsigned d, unsigned h = 0, unsigned mi = 0, unsigned s = 0) {
  return civil_to_epoch(y, mo, d, h, mi, s);
}

std::int64_t seconds(const result<utc_seconds>& r) { return r->time_since_epoch().count(); }

std::span<const std::uint8_t> asn1(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

std::string rfc3339(std::int64_t s) {
  char buf[32];
  return std::string(format_rfc3339(utc_seconds{std::chrono::seconds{s}}, std::span<char, 32>{buf}));
}

TEST(civil_to_epoch, known_instants) {
  EXPECT_EQ(epoch(1970, 1, 1), 0);
  EXPECT_EQ(epoch(2000, 3, 1), 951868800);
  EXPECT_EQ(epoch(1969, 12, 31, 23, 59, 59), -1);
  EXPECT_EQ(epoch(1950, 1, 1), -631152000);
  EXPECT_EQ(epoch(2038, 1, 19, 3, 14, 8), 2147483648);
  EXPECT_EQ(epoch(9999, 12, 31, 23, 59, 59), 253402300799);
}

TEST(parse_iso8601, kms_forms) {
  quirk_set q;
  auto plain = parse_iso8601("2020-10-13T03:05:03Z", &q);
  ASSERT_TRUE(plain);
  EXPECT_EQ(seconds(plain), epoch(2020, 10, 13, 3, 5, 3));
  EXPECT_TRUE(q.empty());
  auto frac = parse_iso8601("2020-10-13T03:05:03.999Z", &q);
  ASSERT_TRUE(frac);
  EXPECT_EQ(seconds(frac), epoch(2020, 10, 13, 3, 5, 3));
  EXPECT_TRUE(q.has(quirk::date_fractional_seconds));
  q.clear();
  auto offset = parse_iso8601("2020-10-13T11:05:03+08:00", &q);
  ASSERT_TRUE(offset);
  EXPECT_EQ(seconds(offset), epoch(2020, 10, 13, 3, 5, 3));
  EXPECT_TRUE(q.has(quirk::date_numeric_offset));
  q.clear();
  auto zero_offset = parse_iso8601("2020-10-13T03:05:03+00:00", &q);
  ASSERT_TRUE(zero_offset);
  EXPECT_FALSE(q.has(quirk::date_numeric_offset));
  auto negative = parse_iso8601("2020-10-12T22:05:03-0500", nullptr);
  ASSERT_TRUE(negative);
  EXPECT_EQ(seconds(negative), epoch(2020, 10, 13, 3, 5, 3));
  auto space = parse_iso8601("2020-10-13 03:05:03Z", nullptr);
  ASSERT_TRUE(space);
  EXPECT_EQ(seconds(space), epoch(2020, 10, 13, 3, 5, 3));
  auto before_1970 = parse_iso8601("1969-07-20T20:17:40Z", nullptr);
  ASSERT_TRUE(before_1970);
  EXPECT_EQ(seconds(before_1970), -14182940);
}

TEST(parse_iso8601, refusals) {
  for (const char* text : {"", "2020-10-13", "2020-10-13T03:05:03", "2020-13-13T03:05:03Z", "2021-02-29T00:00:00Z",
                           "2020-10-13T24:00:00Z", "2020-10-13T03:05:03Zjunk", "2020-10-13T03:05:03.Z",
                           "2020-10-13T03:05:03+25:00", "20201013T030503Z"}) {
    auto r = parse_iso8601(text, nullptr);
    EXPECT_FALSE(r) << text;
    if (!r) EXPECT_EQ(r.error().code, error_code::bad_time);
  }
  EXPECT_TRUE(parse_iso8601("2020-02-29T00:00:00Z", nullptr));
}

TEST(parse_go_time, cdn_forms) {
  quirk_set q;
  auto plain = parse_go_time("2015-12-21 08:02:07 +0000 UTC", &q);
  ASSERT_TRUE(plain);
  EXPECT_EQ(seconds(plain), epoch(2015, 12, 21, 8, 2, 7));
  EXPECT_TRUE(q.empty());
  auto frac = parse_go_time("2015-12-21 16:02:07.123456789 +0800 CST", &q);
  ASSERT_TRUE(frac);
  EXPECT_EQ(seconds(frac), epoch(2015, 12, 21, 8, 2, 7));
  EXPECT_TRUE(q.has(quirk::date_fractional_seconds));
  EXPECT_TRUE(q.has(quirk::date_numeric_offset));
  q.clear();
  auto iso = parse_go_time("2015-12-21T08:02:07Z", &q);
  ASSERT_TRUE(iso);
  EXPECT_EQ(seconds(iso), epoch(2015, 12, 21, 8, 2, 7));
  EXPECT_TRUE(q.has(quirk::date_iso8601_in_cdn));
  EXPECT_TRUE(parse_go_time("2015-12-21 08:02:07 +0000", nullptr));
  for (const char* text : {"2015-12-21 08:02:07", "2015-12-21 08:02:07 UTC", "2015-12-21 08:02:07 +0000 U.T.C",
                           "21/12/2015 08:02:07 +0000 UTC"})
    EXPECT_FALSE(parse_go_time(text, nullptr)) << text;
}

TEST(from_epoch_millis, floors) {
  EXPECT_EQ(from_epoch_millis(1634283958000).time_since_epoch().count(), 1634283958);
  EXPECT_EQ(from_epoch_millis(1634283958999).time_since_epoch().count(), 1634283958);
  EXPECT_EQ(from_epoch_millis(-1).time_since_epoch().count(), -1);
  EXPECT_EQ(from_epoch_millis(-1000).time_since_epoch().count(), -1);
  EXPECT_EQ(from_epoch_millis(-1001).time_since_epoch().count(), -2);
  EXPECT_EQ(from_epoch_millis(0).time_since_epoch().count(), 0);
}

TEST(parse_utc_time, century_boundary_at_49_50) {
  auto y49 = parse_utc_time(asn1("491231235959Z"));
  ASSERT_TRUE(y49);
  EXPECT_EQ(seconds(y49), epoch(2049, 12, 31, 23, 59, 59));
  auto y50 = parse_utc_time(asn1("500101000000Z"));
  ASSERT_TRUE(y50);
  EXPECT_EQ(seconds(y50), epoch(1950, 1, 1));
  auto y99 = parse_utc_time(asn1("991231235959Z"));
  ASSERT_TRUE(y99);
  EXPECT_EQ(seconds(y99), epoch(1999, 12, 31, 23, 59, 59));
  auto y00 = parse_utc_time(asn1("000101000000Z"));
  ASSERT_TRUE(y00);
  EXPECT_EQ(seconds(y00), epoch(2000, 1, 1));
  for (const char* text : {"", "4912312359Z", "491231235959", "491231235959+0800", "491331235959Z",
                           "490230000000Z", "491231235959Zx", "4912312359.5Z"})
    EXPECT_FALSE(parse_utc_time(asn1(text))) << text;
}

TEST(parse_generalized_time, range_and_fractions) {
  auto max = parse_generalized_time(asn1("99991231235959Z"));
  ASSERT_TRUE(max);
  EXPECT_EQ(seconds(max), 253402300799);
  auto old = parse_generalized_time(asn1("19491231235959Z"));
  ASSERT_TRUE(old);
  EXPECT_EQ(seconds(old), epoch(1949, 12, 31, 23, 59, 59));
  auto frac = parse_generalized_time(asn1("20500101000000.123Z"));
  ASSERT_TRUE(frac);
  EXPECT_EQ(seconds(frac), epoch(2050, 1, 1));
  auto leap = parse_generalized_time(asn1("20000229000000Z"));
  ASSERT_TRUE(leap);
  for (const char* text : {"", "20500101000000", "20500101000000.Z", "21000229000000Z", "2050010100Z",
                           "20500101000000+0000"})
    EXPECT_FALSE(parse_generalized_time(asn1(text))) << text;
}

TEST(format_rfc3339, round_trips) {
  EXPECT_EQ(rfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(rfc3339(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(rfc3339(epoch(1950, 1, 1)), "1950-01-01T00:00:00Z");
  EXPECT_EQ(rfc3339(253402300799), "9999-12-31T23:59:59Z");
  EXPECT_EQ(rfc3339(epoch(2024, 2, 29, 12, 34, 56)), "2024-02-29T12:34:56Z");
  EXPECT_EQ(rfc3339(epoch(10000, 1, 1)), "+10000-01-01T00:00:00Z");
  for (std::int64_t s : {std::int64_t{0}, std::int64_t{-86401}, std::int64_t{1634283958}, epoch(1901, 3, 4, 5, 6, 7)}) {
    auto back = parse_iso8601(rfc3339(s), nullptr);
    ASSERT_TRUE(back);
    EXPECT_EQ(seconds(back), s);
  }
}

// The text is the one the former snprintf formats gave ("%04lld-..." within
// years 0..9999, "%+lld-..." outside), over the whole range of the type.
std::string rfc3339_by_printf(std::int64_t s) {
  std::int64_t days = s / 86400, rem = s % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  const year_month_day ymd{sys_days{std::chrono::days{days}}};
  const long long year = static_cast<int>(ymd.year());
  char buf[64];
  std::snprintf(buf, sizeof buf, year >= 0 && year <= 9999 ? "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ"
                                                          : "%+lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                year, static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60),
                static_cast<long long>(rem % 60));
  return buf;
}

TEST(format_rfc3339, same_text_as_printf) {
  std::vector<std::int64_t> instants{0, -1, 1, 59, 60, 86399, 86400, -86400, -86401, 951868800, 253402300799,
                                     253402300800, epoch(0, 1, 1), epoch(0, 1, 1) - 1, epoch(-1, 12, 31, 23, 59, 59),
                                     epoch(-9999, 1, 1), epoch(32767, 12, 31, 23, 59, 59)};
  std::uint64_t x = 0x9e3779b97f4a7c15u;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    // Within chrono's calendar (years -32767..32767), where the reference can compute.
    instants.push_back(static_cast<std::int64_t>(x % 1800000000000u) - 900000000000);
  }
  for (std::int64_t s : instants) EXPECT_EQ(rfc3339(s), rfc3339_by_printf(s)) << s;
  // Beyond chrono's calendar: the sign and every digit of the year.
  EXPECT_EQ(rfc3339(std::numeric_limits<std::int64_t>::max()).substr(0, 13), "+292277026596");
  EXPECT_EQ(rfc3339(std::numeric_limits<std::int64_t>::min()).substr(0, 13), "-292277022657");
}

TEST(days_between, floor_and_ceil) {
  const auto t = [](std::int64_t s) { return utc_seconds{std::chrono::seconds{s}}; };
  auto whole = days_between(t(0), t(365 * 86400));
  EXPECT_EQ(whole.floor, 365);
  EXPECT_EQ(whole.ceil, 365);
  auto part = days_between(t(0), t(365 * 86400 - 1));
  EXPECT_EQ(part.floor, 364);
  EXPECT_EQ(part.ceil, 365);
  auto negative = days_between(t(86400), t(0));
  EXPECT_EQ(negative.floor, -1);
  EXPECT_EQ(negative.ceil, -1);
  auto negative_part = days_between(t(100), t(0));
  EXPECT_EQ(negative_part.floor, -1);
  EXPECT_EQ(negative_part.ceil, 0);
  auto across_epoch = days_between(t(epoch(1960, 1, 1)), t(epoch(2060, 1, 1)));
  EXPECT_EQ(across_epoch.floor, 36525);
}

}  // namespace
}  // namespace alicert
