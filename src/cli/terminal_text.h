// alicert CLI: text for a terminal of a given width. Widths are display
// columns (East Asian wide characters take two), and shortening cuts whole
// characters, in the middle, so that the start and end of a value stay
// visible; when two values differ, the place where they first differ is
// kept in view, since that is what a reader must see.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace alicert::cli {

/// Display columns of terminal-safe UTF-8 `text` (see append_terminal_safe).
std::size_t display_width(std::string_view text) noexcept;

/// Byte index of the first character where `a` and `b` differ, or npos when equal.
std::size_t first_difference(std::string_view a, std::string_view b) noexcept;

/// Where `text` departs from `other`, as a byte index into `text` (npos when
/// equal). Lists and names (comma-separated: SANs, domains, DNs) are compared
/// item by item, whatever their order: the first item of `text` that `other`
/// lacks; other values at their first differing character.
std::size_t difference_in(std::string_view text, std::string_view other) noexcept;

/// `text` (terminal-safe UTF-8) shortened to at most `columns` display columns
/// with `…` where characters were left out. Kept: the start, the end, and,
/// when `focus` (a byte index into `text`) is given, the characters around it.
std::string fit(std::string_view text, std::size_t columns, std::size_t focus = std::string_view::npos);

/// The width `alicert check` lays its table out for: $COLUMNS when it holds a
/// number, else the width of the terminal on standard output, else 80; never
/// below 40.
std::size_t output_columns() noexcept;

}  // namespace alicert::cli
