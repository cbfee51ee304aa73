#include "terminal_text.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "common/chars.h"

namespace alicert::cli {
namespace {

constexpr std::string_view ellipsis = "\xE2\x80\xA6";  // U+2026, one column

// The sequence at text[i] (terminal-safe text is well-formed; a stray byte counts as one).
std::size_t sequence_at(std::string_view text, std::size_t i, std::uint32_t& cp) noexcept {
  const std::size_t n = internal::utf8_sequence(text, i, cp);
  if (n != 0) return n;
  cp = static_cast<unsigned char>(text[i]);
  return 1;
}

// East Asian Wide and Fullwidth ranges (UAX #11), the ones names use.
bool wide(std::uint32_t cp) noexcept {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

struct glyph {
  std::size_t begin;  // byte offset
  std::size_t size;   // bytes
  std::size_t width;  // columns
};

std::vector<glyph> glyphs_of(std::string_view text) {
  std::vector<glyph> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = sequence_at(text, i, cp);
    out.push_back({i, n, wide(cp) ? 2u : 1u});
    i += n;
  }
  return out;
}

// Glyphs [from, to) of `g` as text.
std::string_view slice(std::string_view text, const std::vector<glyph>& g, std::size_t from, std::size_t to) {
  if (from >= to) return {};
  return text.substr(g[from].begin, g[to - 1].begin + g[to - 1].size - g[from].begin);
}

// How many glyphs from `from` (forwards) fit in `columns`.
std::size_t take_forward(const std::vector<glyph>& g, std::size_t from, std::size_t columns) {
  std::size_t used = 0, k = from;
  while (k < g.size() && used + g[k].width <= columns) used += g[k++].width;
  return k - from;
}

// How many glyphs ending at `to` (backwards) fit in `columns`.
std::size_t take_backward(const std::vector<glyph>& g, std::size_t to, std::size_t columns) {
  std::size_t used = 0, k = to;
  while (k > 0 && used + g[k - 1].width <= columns) used += g[--k].width;
  return to - k;
}

}  // namespace

std::size_t display_width(std::string_view text) noexcept {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    i += sequence_at(text, i, cp);
    width += wide(cp) ? 2 : 1;
  }
  return width;
}

std::size_t first_difference(std::string_view a, std::string_view b) noexcept {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  if (i == a.size() && i == b.size()) return std::string_view::npos;
  // Back to the start of the character holding the first differing byte.
  while (i > 0 && (static_cast<unsigned char>(a[i < a.size() ? i : a.size() - 1]) & 0xC0) == 0x80) --i;
  return i;
}

namespace {

std::string_view trimmed(std::string_view s) noexcept {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Calls f(item, offset) for each comma-separated item of `text` until f returns true.
template <class F>
bool any_item(std::string_view text, F f) {
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find(',', begin);
    if (end == std::string_view::npos) end = text.size();
    if (f(text.substr(begin, end - begin), begin)) return true;
    begin = end + 1;
  }
  return false;
}

}  // namespace

std::size_t difference_in(std::string_view text, std::string_view other) noexcept {
  if (text.find(',') == std::string_view::npos && other.find(',') == std::string_view::npos)
    return first_difference(text, other);
  std::size_t found = std::string_view::npos;
  any_item(text, [&](std::string_view item, std::size_t at) {
    const std::string_view mine = trimmed(item);
    const bool shared = any_item(other, [&](std::string_view theirs, std::size_t) { return trimmed(theirs) == mine; });
    if (!shared) found = at + static_cast<std::size_t>(mine.data() - item.data());
    return !shared;
  });
  return found != std::string_view::npos ? found : first_difference(text, other);
}

std::string fit(std::string_view text, std::size_t columns, std::size_t focus) {
  if (display_width(text) <= columns) return std::string(text);
  if (columns <= 1) return std::string(columns == 1 ? ellipsis : "");
  const std::vector<glyph> g = glyphs_of(text);
  const auto width_of = [&](std::size_t from, std::size_t to) {
    std::size_t w = 0;
    for (std::size_t k = from; k < to; ++k) w += g[k].width;
    return w;
  };
  std::size_t focus_glyph = g.size();
  if (focus != std::string_view::npos)
    for (std::size_t k = 0; k < g.size(); ++k)
      if (g[k].begin + g[k].size > focus) {
        focus_glyph = k;
        break;
      }
  const std::size_t budget = columns - 1;  // one column for the ellipsis
  const std::size_t head = take_forward(g, 0, budget - budget / 3);
  // Enough context after the focus for the difference itself to show.
  constexpr std::size_t context = 6;
  std::string out;
  if (focus_glyph >= g.size() || focus_glyph + context <= head) {
    const std::size_t tail = take_backward(g, g.size(), budget - width_of(0, head));
    out = slice(text, g, 0, head);
    out += ellipsis;
    out += slice(text, g, g.size() - tail, g.size());
    return out;
  }
  // The difference lies past the head: a short head, then a window that
  // starts a little before the difference and runs as far as room allows.
  const std::size_t lead = take_forward(g, 0, budget / 4);
  const std::size_t start = focus_glyph > lead + context ? focus_glyph - context : lead;
  const std::size_t room = budget - width_of(0, lead);
  std::size_t window = take_forward(g, start, room);
  out = slice(text, g, 0, lead);
  out += ellipsis;
  if (start + window < g.size()) {
    window = take_forward(g, start, room - 1);  // a second ellipsis takes a column
    out += slice(text, g, start, start + window);
    out += ellipsis;
  } else {
    out += slice(text, g, start, start + window);
  }
  return out;
}

std::size_t output_columns() noexcept {
  std::size_t columns = 0;
  if (const char* env = std::getenv("COLUMNS"); env != nullptr && *env != '\0') {
    const std::string_view s(env);
    std::size_t v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size()) columns = v;
  }
  if (columns == 0 && isatty(STDOUT_FILENO) == 1) {
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) columns = ws.ws_col;
  }
  if (columns == 0) columns = 80;
  return columns < 40 ? 40 : columns;
}

}  // namespace alicert::cli
