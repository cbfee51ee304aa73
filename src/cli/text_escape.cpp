#include "text_escape.h"

#include <cstddef>
#include <cstdint>

#include "common/chars.h"

namespace alicert::cli {
namespace {


std::size_t utf8_sequence_length(std::string_view text, std::size_t i, std::uint32_t& cp) {
  return internal::utf8_sequence(text, i, cp);
}

void append_u_escape(std::string& out, std::uint32_t cp) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += internal::hex_digit(cp >> shift);
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
      out += internal::hex_digit(cp >> 4);
      out += internal::hex_digit(cp);
    } else {
      out.append(text.data() + i, n);
    }
    i += n;
  }
}

}  // namespace alicert::cli
