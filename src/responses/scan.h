// Internal: byte-level scans of raw JSON text, outside simdjson.
//
// Used to delimit documents in a stream, and on the error path only to say
// where a fault that simdjson's stage 1 reports for the whole document (bad
// UTF-8, an unclosed string, a raw control character) actually is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "alicert/responses/parser.h"

namespace alicert::internal {

inline bool is_json_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// The end of the JSON value that starts at `begin` (a bracket-and-string
/// scan; the value is not validated). An object or array ends after its
/// closing bracket, or at the end of a line holding an unterminated string,
/// or at the end of `in`. A scalar ends at whitespace or at `{` / `[`.
/// `closed`, when given, is set false when the value runs to the end of `in`
/// with brackets still open (a document cut short).
std::size_t value_end(std::string_view in, std::size_t begin, bool* closed = nullptr) noexcept;

// internal::line_object (declared in parser.h, which document_stream needs):
// a document that starts a line with '{' after one that never closed, where
// it starts and where value_end() would end it (npos when it does not close).

/// For a value at `begin` that value_end() found unclosed: every later line
/// that starts with '{', each with its end, found in one pass (so a run of
/// truncated NDJSON lines costs linear time, not quadratic). Appends to `out`.
void line_objects_after(std::string_view in, std::size_t begin, std::vector<line_object>& out);

/// Offset of the first byte that is not part of valid UTF-8 (RFC 3629), or
/// in.size() when all of it is valid.
std::size_t first_invalid_utf8(std::string_view in) noexcept;

/// Offset of the first raw control character (< 0x20) inside a string, or in.size().
std::size_t first_unescaped_control(std::string_view in) noexcept;

/// Offset of the opening quote of a string left open at the end of `in`, or in.size().
std::size_t unclosed_string(std::string_view in) noexcept;

/// The JSON pointer (RFC 6901) of the value that holds byte `target` of
/// `json`, found by a tolerant scan (keys are taken as written).
std::string pointer_at(std::string_view json, std::size_t target);

/// True when `token` is exactly one JSON number (RFC 8259 section 6), of any magnitude.
bool is_json_number(std::string_view token) noexcept;

}  // namespace alicert::internal
