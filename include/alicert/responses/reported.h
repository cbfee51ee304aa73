// alicert: the value of one reported field, as every response view holds it.
//
// Lifetime (applies to every view in include/alicert/responses/): a
// `std::string_view` in a reported field points either into the caller's
// input buffer (the JSON string had no escapes) or into the `alicert::parser`
// that produced it (it had escapes, or it came from JSON held inside a
// string). It is valid until that parser parses again or is destroyed, and
// while the input buffer is alive and unchanged, whichever ends first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "alicert/time.h"

namespace alicert {

/// What the API said about a field.
enum class field_state : std::uint8_t {
  absent,      ///< missing, `null`, or empty text: the API did not report it
  present,     ///< reported and read: `value` holds it
  unreadable,  ///< reported, but its text is not a value of the field's type
               ///< (an unparseable date, "12ab" in a number); `text` holds it
};

/// One reported field: its state, its original text, where it stood, and
/// (when present) its typed value. `T` is std::string_view, std::int64_t,
/// bool or utc_seconds.
template <class T>
struct reported {
  field_state state{field_state::absent};
  /// The value as the API wrote it (the unescaped JSON string, or the token of
  /// a JSON number/boolean). Empty when absent. Borrowed: see the file comment.
  std::string_view text{};
  /// Byte offset of the JSON value in the caller's input (0 when the key was missing;
  /// a `null` or `""` value keeps its offset).
  std::size_t offset{0};
  /// The typed value; meaningful only when state == present.
  T value{};

  [[nodiscard]] bool present() const noexcept { return state == field_state::present; }
  [[nodiscard]] bool absent() const noexcept { return state == field_state::absent; }
};

using reported_text = reported<std::string_view>;
using reported_int = reported<std::int64_t>;
using reported_bool = reported<bool>;
using reported_time = reported<utc_seconds>;

/// The kind of a subject alternative name as the APIs report it (CAS `Sans`
/// Type codes; KMS and CDN report bare names, whose kind is `unspecified`).
enum class san_type : std::uint8_t {
  unspecified,  ///< a bare name (KMS SubjectAlternativeNames, CDN DomainList)
  email,        ///< CAS Type 1
  dns,          ///< CAS Type 2
  uri,          ///< CAS Type 6
  ip,           ///< CAS Type 7
  other,        ///< any other CAS Type code (kept in `type_code`)
};

/// One reported subject alternative name (or CDN domain).
struct san_entry {
  san_type type{san_type::unspecified};
  std::int64_t type_code{0};   ///< the CAS Type number as sent; 0 for bare names
  std::string_view value{};    ///< borrowed, see the file comment
};

/// A reported list of names (CAS Sans, KMS SubjectAlternativeNames, CDN DomainList).
struct reported_names {
  /// absent: not reported; present: `entries` holds them (possibly none, as
  /// for "[]"); unreadable: `text` is not a list even read tolerantly.
  field_state state{field_state::absent};
  std::string_view text{};   ///< the raw value when it was a string, else empty
  std::size_t offset{0};
  std::span<const san_entry> entries{};  ///< borrowed from the parser

  [[nodiscard]] bool present() const noexcept { return state == field_state::present; }
};

/// One tag. `value` is kept as sent; when it holds escaped JSON text (CAS
/// TagValue sample) `value_is_escaped_json` is set and `decode_escaped_json`
/// (inner.h) gives its decoded form.
struct tag {
  std::string_view key{};
  std::string_view value{};
  bool value_is_escaped_json{false};
};

/// A reported tag list (CAS Tags, KMS Tags).
struct reported_tags {
  /// absent / present (`entries`) / unreadable (`text` kept as opaque text,
  /// quirk::tags_unparseable; never an error).
  field_state state{field_state::absent};
  std::string_view text{};
  std::size_t offset{0};
  std::span<const tag> entries{};

  [[nodiscard]] bool present() const noexcept { return state == field_state::present; }
};

/// A reported list of entries that are objects of their own (CAS
/// GetUserCertificateDetail `CertChain`). `absent` when the key is missing,
/// `null` or the list is empty.
template <class Entry>
struct reported_list {
  field_state state{field_state::absent};
  std::size_t offset{0};
  std::span<const Entry> entries{};  ///< borrowed from the parser

  [[nodiscard]] bool present() const noexcept { return state == field_state::present; }
};

}  // namespace alicert
