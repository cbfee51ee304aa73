#include "text_escape.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "common/chars.h"

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#include <emmintrin.h>
#define ALICERT_ESCAPE_SSE2 1
#endif

namespace alicert::cli {
namespace {

std::size_t utf8_sequence_length(std::string_view text, std::size_t i, std::uint32_t& cp) {
  return internal::utf8_sequence(text, i, cp);
}

char* write_u_escape(char* out, std::uint32_t cp) noexcept {
  *out++ = '\\';
  *out++ = 'u';
  for (int shift = 12; shift >= 0; shift -= 4) *out++ = internal::hex_digit(cp >> shift);
  return out;
}

// The bytes a plain copy would get wrong (see copy_plain).
constexpr std::array<bool, 256> special_bytes() noexcept {
  std::array<bool, 256> t{};
  for (unsigned c = 0; c < 256; ++c) t[c] = c < 0x20u || c == '"' || c == '\\' || c >= 0x7Fu;
  return t;
}
constexpr std::array<bool, 256> special_byte = special_bytes();

// Eight bytes at a time without SIMD: a bit set at the high bit of each
// byte of `w` that is special. A borrow can only set bits above a byte
// that is special itself, so the lowest bit set is exact.
std::uint64_t special_bits(std::uint64_t w) noexcept {
  using internal::bytes_below;
  using internal::bytes_equal_to;
  constexpr std::uint64_t high = 0x8080808080808080ull;
  return bytes_equal_to(w, '"') | bytes_equal_to(w, '\\') | bytes_equal_to(w, 0x7Fu) | bytes_below(w, 0x20u) |
         (w & high);
}

// Copies bytes from `p` to `out` up to the first one that a plain copy
// would get wrong (`"`, `\\`, a control character, DEL, or any byte of a
// multi-byte sequence, which must be validated) or `end`; advances both.
// Blocks of sixteen bytes (SSE2) or eight are stored whole (the caller's
// room, six bytes per input byte, covers it): the part after a special byte
// is overwritten later. The last bytes of a run of at least a block are
// read as the block that ends with them, and stored over the bytes of the
// run already written, which are the same.
void copy_plain(const char*& p, const char* end, char*& out) noexcept {
  const char* const run = p;
#if defined(ALICERT_ESCAPE_SSE2)
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i del = _mm_set1_epi8(0x7F);
  const auto specials = [&](__m128i v) {
    // Signed: below 0x20 is every control character and every byte >= 0x80.
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, quote)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, del)));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(static_cast<const __m128i*>(static_cast<const void*>(p)));
    _mm_storeu_si128(static_cast<__m128i*>(static_cast<void*>(out)), v);
    if (const unsigned mask = specials(v); mask != 0) {
      const int k = __builtin_ctz(mask);
      p += k;
      out += k;
      return;
    }
    p += 16;
    out += 16;
  }
  if (p < end && end - run >= 16) {
    const auto left = static_cast<unsigned>(end - p);
    const __m128i v = _mm_loadu_si128(static_cast<const __m128i*>(static_cast<const void*>(end - 16)));
    _mm_storeu_si128(static_cast<__m128i*>(static_cast<void*>(out + left - 16)), v);
    const unsigned mask = specials(v) >> (16 - left);
    const unsigned k = mask != 0 ? static_cast<unsigned>(__builtin_ctz(mask)) : left;
    p += k;
    out += k;
    return;
  }
#endif
  while (end - p >= 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    std::memcpy(out, &w, 8);
    if (const std::uint64_t bits = special_bits(w); bits != 0) {
      const auto k = static_cast<unsigned>(__builtin_ctzll(bits)) / 8;
      p += k;
      out += k;
      return;
    }
    p += 8;
    out += 8;
  }
  if (p < end && end - run >= 8) {
    const auto left = static_cast<unsigned>(end - p);
    std::uint64_t w = 0;
    std::memcpy(&w, end - 8, 8);
    std::memcpy(out + left - 8, &w, 8);
    const std::uint64_t bits = special_bits(w) >> (8 * (8 - left));
    const unsigned k = bits != 0 ? static_cast<unsigned>(__builtin_ctzll(bits)) / 8 : left;
    p += k;
    out += k;
    return;
  }
  // Four to seven bytes (most names and short values): the first four and
  // the last four, overlapping, checked and stored as two words. Bytes past
  // them read as zero, which is special, but only above them: the low four
  // bytes' bits are exact.
  if (end - p >= 4 && end - run < 8) {
    const auto left = static_cast<std::size_t>(end - p);
    std::uint64_t head = 0, tail = 0;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, end - 4, 4);
    if (((special_bits(head) | special_bits(tail)) & 0x80808080ull) == 0) {
      std::memcpy(out, &head, 4);
      std::memcpy(out + left - 4, &tail, 4);
      p = end;
      out += left;
      return;
    }
  }
  // Short strings, and those with a special byte among their last bytes, a byte at a time, by table.
  while (p < end && !special_byte[static_cast<unsigned char>(*p)]) *out++ = *p++;
}

char* write_ascii_escape(char* out, char c) noexcept {
  const char* two = nullptr;
  switch (c) {
    case '"': two = "\\\""; break;
    case '\\': two = "\\\\"; break;
    case '\n': two = "\\n"; break;
    case '\r': two = "\\r"; break;
    case '\t': two = "\\t"; break;
    case '\b': two = "\\b"; break;
    case '\f': two = "\\f"; break;
    default: return write_u_escape(out, static_cast<unsigned char>(c));
  }
  *out++ = two[0];
  *out++ = two[1];
  return out;
}

}  // namespace

char* write_json_escaped(char* out, std::string_view text) noexcept {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* p = begin;
  while (p < end) {
    copy_plain(p, end, out);
    if (p == end) break;
    if (static_cast<unsigned char>(*p) < 0x80u) {
      out = write_ascii_escape(out, *p++);
      continue;
    }
    // Multi-byte sequences come in runs (CJK names): they are read one
    // after another before the search for the next special byte resumes.
    do {
      std::uint32_t cp = 0;
      const std::size_t n = utf8_sequence_length(text, static_cast<std::size_t>(p - begin), cp);
      if (n == 0) {
        out = write_u_escape(out, 0xFFFDu);
        ++p;
      } else if (cp == 0x2028u || cp == 0x2029u) {
        out = write_u_escape(out, cp);
        p += n;
      } else {
        std::memcpy(out, p, n);
        out += n;
        p += n;
      }
    } while (p < end && static_cast<unsigned char>(*p) >= 0x80u);
  }
  return out;
}

void append_json_escaped(std::string& out, std::string_view text) {
  const std::size_t at = out.size();
  out.resize(at + json_escaped_bound(text.size()));
  char* const end = write_json_escaped(out.data() + at, text);
  out.resize(static_cast<std::size_t>(end - out.data()));
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
