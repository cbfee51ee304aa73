// alicert CLI: making arbitrary bytes safe to print, as JSON string content
// or as terminal text. The library hands out validated UTF-8, but the CLI
// never trusts that: invalid sequences become U+FFFD, never raw bytes.
#pragma once

#include <string>
#include <string_view>

namespace alicert::cli {

/// Appends `text` to `out` as the content of a JSON string (without the
/// quotes): `"` and `\` escaped, control characters as \n, \t, ... or \u00XX,
/// U+2028/U+2029 as \u escapes, invalid UTF-8 as \ufffd. Always valid JSON.
void append_json_escaped(std::string& out, std::string_view text);

/// Appends `text` to `out` for a terminal: valid UTF-8 is kept, C0/C1 control
/// characters and DEL become `\xNN`, invalid UTF-8 becomes U+FFFD. Nothing a
/// terminal could interpret as an escape sequence gets through.
void append_terminal_safe(std::string& out, std::string_view text);

}  // namespace alicert::cli
