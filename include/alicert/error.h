// alicert: typed errors and the result type every fallible call returns.
//
// No alicert function throws across the public API. A call that can fail
// returns `result<T>`: either its value, or an `error` naming what went wrong
// (a stable snake_case code), where (a JSON pointer into the document and a
// byte offset into the input) and a human-readable message. An error never
// allocates: its message is static text, its pointer lives in the error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "alicert/export.h"

namespace alicert {

/// What went wrong. The names returned by `error_name` are a stable contract
/// (they appear in `alicert check` output): new codes are only ever appended.
enum class error_code : std::uint8_t {
  // -- reading a JSON document (responses wing) --
  empty_input,            ///< no document at all (only whitespace)
  malformed_json,         ///< not valid JSON (RFC 8259)
  invalid_utf8,           ///< the input is not valid UTF-8
  depth_exceeded,         ///< nesting deeper than limits::max_depth
  document_too_large,     ///< larger than limits::max_document_bytes
  string_too_long,        ///< a string longer than limits::max_string_bytes
  too_many_certificates,  ///< a CDN list longer than limits::max_certificates
  too_many_sans,          ///< a SAN/domain list longer than limits::max_sans
  too_many_tags,          ///< a tag list longer than limits::max_tags
  too_many_pem_blocks,    ///< a PEM field with more than limits::max_pem_blocks blocks
  wrong_type,             ///< a value whose JSON type fits none of the accepted shapes
  number_out_of_range,    ///< an integer that does not fit int64_t
  unknown_shape,          ///< the document is none of the known APIs nor an error envelope
  unexpected_api,         ///< the caller asked for one API and the document is another
  invalid_inner_json,     ///< JSON text held inside a string that cannot be read even tolerantly
  // -- reading a certificate (x509 wing) --
  pem_no_block,           ///< no `-----BEGIN ...-----` armour found
  pem_bad_armour,         ///< BEGIN without a matching END, or mismatched labels
  pem_invalid_base64,     ///< a character between the armour lines that is neither base64 nor whitespace
  der_truncated,          ///< a DER length runs past the end of its parent
  der_bad_tag,            ///< an unexpected ASN.1 tag
  der_bad_length,         ///< an indefinite, over-long or non-minimal length
  der_bad_value,          ///< a value that its type does not allow (empty INTEGER, bad BOOLEAN, ...)
  der_trailing_data,      ///< bytes after the outermost SEQUENCE
  certificate_too_large,  ///< larger than limits::max_certificate_bytes
  bad_time,               ///< a date/time text in none of the accepted formats
  bad_name,               ///< a distinguished-name text that cannot be parsed (RFC 4514)
  bad_hex,                ///< a hex field holding something other than hex digits and separators
  // -- outside the library's parsing --
  io_error,               ///< a file could not be read
  out_of_memory,          ///< memory for the call could not be had (see the README's policy)
};

/// The stable snake_case name of `code`, e.g. "malformed_json".
ALICERT_API std::string_view error_name(error_code code) noexcept;

/// A general English explanation of `code` (static text; error::message is the specific one).
ALICERT_API std::string_view error_message(error_code code) noexcept;

/// A JSON pointer (RFC 6901) held in place, so that an error never allocates.
/// A pointer longer than `capacity` bytes is cut at a segment boundary and
/// marked truncated(): it then names an ancestor of the offending value.
class json_pointer {
 public:
  static constexpr std::size_t capacity = 191;

  constexpr json_pointer() noexcept = default;
  /// A pointer from its text (cut as above when longer than capacity).
  ALICERT_API explicit json_pointer(std::string_view text) noexcept;

  /// Appends `/key`, escaping `~` and `/` (RFC 6901 section 3).
  ALICERT_API void append_key(std::string_view key) noexcept;
  /// Appends `/index`.
  ALICERT_API void append_index(std::size_t index) noexcept;

  [[nodiscard]] constexpr std::string_view view() const noexcept { return {text_, size_}; }
  /// The pointer as a NUL-terminated string.
  [[nodiscard]] constexpr const char* c_str() const noexcept { return text_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] constexpr bool truncated() const noexcept { return truncated_; }
  constexpr operator std::string_view() const noexcept { return view(); }  // NOLINT: a pointer is text

  friend constexpr bool operator==(const json_pointer& a, std::string_view b) noexcept { return a.view() == b; }
  friend constexpr bool operator==(const json_pointer& a, const json_pointer& b) noexcept {
    return a.view() == b.view();
  }

 private:
  char text_[capacity + 1]{};
  std::uint8_t size_{0};
  bool truncated_{false};
};

/// A failure: what (code), why (message), where (pointer and offset). Copying
/// it is cheap and never allocates.
struct error {
  error_code code{error_code::malformed_json};
  /// Human-readable explanation, in English, in static storage. Not a
  /// contract: match on `code`.
  std::string_view message{};
  /// JSON pointer (RFC 6901) of the offending value, e.g. "/Certificate/BeforeDate";
  /// empty for the whole document or for errors outside JSON.
  json_pointer pointer{};
  /// Byte offset of the fault from the start of the input the caller passed in.
  std::size_t offset{0};
};

/// Either a `T` or an `error`. Mark of every fallible call; never throws.
template <class T>
class [[nodiscard]] result {
 public:
  result(T value) noexcept(std::is_nothrow_move_constructible_v<T>)  // NOLINT: implicit by design
      : state_(std::in_place_index<0>, std::move(value)) {}
  result(::alicert::error e) noexcept : state_(std::in_place_index<1>, std::move(e)) {}  // NOLINT

  /// True when the call succeeded.
  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  /// The value. Precondition: has_value() (as std::optional's operator*).
  [[nodiscard]] T& value() & noexcept { return *held<0>(); }
  [[nodiscard]] const T& value() const& noexcept { return *held<0>(); }
  [[nodiscard]] T&& value() && noexcept { return std::move(*held<0>()); }
  T* operator->() noexcept { return held<0>(); }
  const T* operator->() const noexcept { return held<0>(); }
  T& operator*() & noexcept { return value(); }
  const T& operator*() const& noexcept { return value(); }

  /// The value, or null when the call failed: the checked form of value().
  [[nodiscard]] T* value_ptr() noexcept { return std::get_if<0>(&state_); }
  [[nodiscard]] const T* value_ptr() const noexcept { return std::get_if<0>(&state_); }
  /// The error, or null when the call succeeded: the checked form of error().
  [[nodiscard]] const ::alicert::error* error_ptr() const noexcept { return std::get_if<1>(&state_); }

  /// The error. Precondition: !has_value().
  [[nodiscard]] const ::alicert::error& error() const noexcept { return *held<1>(); }

 private:
  // The alternative a precondition promises is there (as with std::optional's
  // operator*, breaking it is undefined); saying so lets the compiler drop
  // the null path it would otherwise warn about.
  template <std::size_t I>
  auto* held() noexcept {
    auto* p = std::get_if<I>(&state_);
    if (p == nullptr) __builtin_unreachable();
    return p;
  }
  template <std::size_t I>
  const auto* held() const noexcept {
    const auto* p = std::get_if<I>(&state_);
    if (p == nullptr) __builtin_unreachable();
    return p;
  }

  std::variant<T, ::alicert::error> state_;
};

}  // namespace alicert
