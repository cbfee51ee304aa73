// Internal: byte-level scans of raw JSON text, outside simdjson.
//
// Used to delimit documents in a stream, and on the error path only to say
// where a fault that simdjson's stage 1 reports for the whole document (bad
// UTF-8, an unclosed string, a raw control character) actually is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "alicert/error.h"
#include "common/chars.h"

namespace alicert::internal {


/// The end of the JSON value that starts at `begin` (a bracket-and-string
/// scan; the value is not validated). An object or array ends after its
/// closing bracket, or at the end of a line holding an unterminated string,
/// or at the end of `in`. A scalar ends at whitespace or at `{` / `[`.
/// `closed`, when given, is set false when the value does not end with its
/// own closing bracket or quote: it runs to the end of `in` with brackets
/// or a string still open (a document cut short), or a string meets a raw
/// newline.
std::size_t value_end(std::string_view in, std::size_t begin, bool* closed = nullptr) noexcept;

/// True when a UTF-8 byte order mark (EF BB BF) starts at `at`.
inline bool is_bom_at(std::string_view in, std::size_t at) noexcept {
  return in.size() >= 3 && at <= in.size() - 3 && in[at] == '\xEF' && in[at + 1] == '\xBB' && in[at + 2] == '\xBF';
}

/// The first line that begins, after optional blanks (space, tab, CR) and an
/// optional byte order mark, with '{', whose first such byte (the mark or the
/// brace) is at or after `from`: that byte's offset, or in.size() when there
/// is none. Where a stream resumes after bytes that are not JSON.
std::size_t brace_line_at_or_after(std::string_view in, std::size_t from) noexcept;

/// How far a document in a stream reaches (see document_extent()).
struct extent {
  std::size_t end;
  /// True when the value had not closed where it was cut (at the next brace
  /// line, or at the end of the input): its bytes are not one JSON value.
  bool cut;
};

/// The extent of the document whose value starts at `begin`: value_end(),
/// except that a value that does not close (a string that meets a raw
/// newline or the end of `in`, an object or array that never closes or that
/// nests deeper than `max_depth` and does not close before the next brace
/// line after the point where it got too deep) is cut at the first brace
/// line after `begin` (whitespace before that line left out), or at the end
/// of `in`. A document that can still be valid JSON is never cut, whatever
/// brace lines it holds.
/// It is document_extent_bytewise()'s result, found 64 bytes at a time
/// (document_extent.cpp).
extent document_extent(std::string_view in, std::size_t begin, std::size_t max_depth) noexcept;

/// document_extent() byte by byte: its definition, and what it defers to
/// where the block scan cannot decide (a backslash outside strings, a value
/// nested deeper than `max_depth`, a value that is no object or array).
extent document_extent_bytewise(std::string_view in, std::size_t begin, std::size_t max_depth) noexcept;

/// Where document_extent() cuts a value that does not close: where the first
/// brace line after `begin` begins, the whitespace before it left out, or
/// the end of `in`.
extent cut_at_next_brace_line(std::string_view in, std::size_t begin) noexcept;

/// Offset of the first raw control character (< 0x20) inside a string, or in.size().
std::size_t first_unescaped_control(std::string_view in) noexcept;

/// Offset of the opening quote of a string left open at the end of `in`, or in.size().
std::size_t unclosed_string(std::string_view in) noexcept;

/// The JSON pointer (RFC 6901) of the value that holds byte `target` of
/// `json`, found by a tolerant scan (keys are taken as written).
json_pointer pointer_at(std::string_view json, std::size_t target) noexcept;

/// True when `token` is exactly one JSON number (RFC 8259 section 6), of any magnitude.
bool is_json_number(std::string_view token) noexcept;

}  // namespace alicert::internal
