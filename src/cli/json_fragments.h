// alicert CLI: the record writer's building blocks for objects of a fixed
// shape (a certificate, a finding): their keys, commas and braces are
// written as literal fragments, and each object reserves its room once, so
// the cost per value is its escaping alone. Every value goes through
// write_json_escaped(), so the text stays valid JSON whatever the values.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "rfc3339.h"
#include "text_escape.h"

namespace alicert::cli::fragments {

/// Writes the literal `text` (a fragment of the renderer's own).
template <std::size_t N>
char* put(char* p, const char (&text)[N]) noexcept {
  std::memcpy(p, text, N - 1);
  return p + N - 1;
}

/// Room a string value takes at most: quotes, escapes, or `null`.
constexpr std::size_t room(std::string_view s) noexcept { return json_escaped_bound(s.size()) + 4; }

/// Room for a number or a timestamp, with its quotes.
inline constexpr std::size_t number_room = 24;
inline constexpr std::size_t timestamp_room = rfc3339_bound + 2;

inline char* string(char* p, std::string_view s) noexcept {
  *p++ = '"';
  p = write_json_escaped(p, s);
  *p++ = '"';
  return p;
}

/// One of the library's stable names (check, status, SAN kind, validity,
/// warning, quirk, API, error code), quoted. They are ASCII letters, digits,
/// '_' and '.' only (tests/cli/render_test.cpp holds every one to that), so
/// escaping them would copy them unchanged: they are copied.
inline char* name(char* p, std::string_view s) noexcept {
  *p++ = '"';
  std::memcpy(p, s.data(), s.size());
  p += s.size();
  *p++ = '"';
  return p;
}

inline char* null(char* p) noexcept { return put(p, "null"); }

/// `s`, or null when it is empty (report.md writes unknown values as null).
inline char* string_or_null(char* p, std::string_view s) noexcept { return s.empty() ? null(p) : string(p, s); }

inline char* number(char* p, std::int64_t n) noexcept { return std::to_chars(p, p + 20, n).ptr; }

inline char* timestamp(char* p, utc_seconds t) noexcept {
  *p++ = '"';
  p = write_rfc3339(p, t);
  *p++ = '"';
  return p;
}

}  // namespace alicert::cli::fragments
