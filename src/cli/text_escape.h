// alicert CLI: making arbitrary bytes safe to print, as JSON string content
// or as terminal text. The library hands out validated UTF-8, but the CLI
// never trusts that: invalid sequences become U+FFFD, never raw bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace alicert::cli {

/// The most bytes write_json_escaped() writes for `n` input bytes (every
/// byte as a six-byte \u escape).
constexpr std::size_t json_escaped_bound(std::size_t n) noexcept { return 6 * n; }

/// Writes `text` at `out` as the content of a JSON string (without the
/// quotes): `"` and `\` escaped, control characters as \n, \t, ... or \u00XX,
/// DEL, U+2028 and U+2029 as \u escapes, invalid UTF-8 as \ufffd. Always
/// valid JSON. `out` must have room for json_escaped_bound(text.size())
/// bytes; returns the end of what was written. The bytes that need none of
/// this are found sixteen at a time and copied as runs.
char* write_json_escaped(char* out, std::string_view text) noexcept;

/// As write_json_escaped(), appended to `out`.
void append_json_escaped(std::string& out, std::string_view text);

/// Appends `text` to `out` for a terminal: valid UTF-8 is kept, C0/C1 control
/// characters and DEL become `\xNN`, invalid UTF-8 becomes U+FFFD. Nothing a
/// terminal could interpret as an escape sequence gets through.
void append_terminal_safe(std::string& out, std::string_view text);

}  // namespace alicert::cli
