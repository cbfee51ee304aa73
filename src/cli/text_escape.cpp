#include "text_escape.h"

#include <cstddef>
#include <cstdint>

namespace alicert::cli {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

/// Length of the well-formed UTF-8 sequence at text[i] (RFC 3629: no
/// overlongs, no surrogates, nothing above U+10FFFF), or 0 when ill-formed.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i, std::uint32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t b0 = byte(i);
  const std::size_t left = text.size() - i;
  const auto cont = [&](std::size_t k) { return (byte(i + k) & 0xC0u) == 0x80u; };
  if (b0 < 0x80u) {
    cp = b0;
    return 1;
  }
  if (b0 >= 0xC2u && b0 <= 0xDFu) {
    if (left < 2 || !cont(1)) return 0;
    cp = ((b0 & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu);
    return 2;
  }
  if (b0 >= 0xE0u && b0 <= 0xEFu) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    cp = ((b0 & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
    if (cp < 0x800u || (cp >= 0xD800u && cp <= 0xDFFFu)) return 0;
    return 3;
  }
  if (b0 >= 0xF0u && b0 <= 0xF4u) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    cp = ((b0 & 0x07u) << 18) | ((byte(i + 1) & 0x3Fu) << 12) | ((byte(i + 2) & 0x3Fu) << 6) |
         (byte(i + 3) & 0x3Fu);
    if (cp < 0x10000u || cp > 0x10FFFFu) return 0;
    return 4;
  }
  return 0;
}

void append_u_escape(std::string& out, std::uint32_t cp) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += hex_digits[(cp >> shift) & 0xFu];
}

}  // namespace

void append_json_escaped(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size() + 2);
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_sequence_length(text, i, cp);
    if (n == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (n == 1) {
      const char c = text[i];
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (cp < 0x20u || cp == 0x7Fu)
            append_u_escape(out, cp);
          else
            out += c;
      }
    } else if (cp == 0x2028u || cp == 0x2029u) {
      append_u_escape(out, cp);
    } else {
      out.append(text.data() + i, n);
    }
    i += n;
  }
}

void append_terminal_safe(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_sequence_length(text, i, cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    if (cp < 0x20u || cp == 0x7Fu || (cp >= 0x80u && cp <= 0x9Fu)) {
      out += "\\x";
      if (cp > 0xFFu) cp = 0xFFu;
      out += hex_digits[(cp >> 4) & 0xFu];
      out += hex_digits[cp & 0xFu];
    } else {
      out.append(text.data() + i, n);
    }
    i += n;
  }
}

}  // namespace alicert::cli
