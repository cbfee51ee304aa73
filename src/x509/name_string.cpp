// Where an X.509 string value (UTF8String, PrintableString, BMPString, ...)
// becomes UTF-8, as OpenSSL's ASN1_STRING_to_UTF8 reads it.
#include "alicert/x509/name.h"

#include "common/chars.h"
#include "common/memory.h"
#include "x509/der_reader.h"
#include "x509/name_parts.h"

namespace alicert::x509 {
namespace {

using internal::bytes;
using internal::der_context;
using internal::der_cursor;
using internal::der_fault;

void append_code_point(char32_t cp, std::string& out) {
  char buf[4];
  char* end = buf;
  internal::put_utf8(end, cp);
  out.append(buf, static_cast<std::size_t>(end - buf));
}

// Concatenates the primitive segments of a BER constructed string.
bool collect_segments(bytes content, std::string& out, unsigned depth) {
  if (depth > internal::max_der_nesting) return false;
  der_fault fault;
  const der_context ctx{content.data(), &fault, nullptr};
  der_cursor c(ctx, content);
  while (!c.done()) {
    tlv t;
    if (!c.next(t)) return false;
    if (t.constructed) {
      if (!collect_segments(t.value, out, depth + 1)) return false;
    } else {
      out.append(reinterpret_cast<const char*>(t.value.data()), t.value.size());
    }
  }
  return true;
}

// UTF-16 big-endian; a surrogate pair is one character, a lone surrogate is no string.
bool append_bmp(bytes v, std::string& out) {
  if (v.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < v.size(); i += 2) {
    char32_t u = static_cast<char32_t>((v[i] << 8) | v[i + 1]);
    if (u >= 0xd800 && u <= 0xdbff && i + 3 < v.size()) {
      const char32_t lo = static_cast<char32_t>((v[i + 2] << 8) | v[i + 3]);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
        i += 2;
      }
    }
    if (u >= 0xd800 && u <= 0xdfff) return false;
    append_code_point(u, out);
  }
  return true;
}

// UCS-4 big-endian.
bool append_universal(bytes v, std::string& out) {
  if (v.size() % 4 != 0) return false;
  for (std::size_t i = 0; i < v.size(); i += 4) {
    const char32_t u = (static_cast<char32_t>(v[i]) << 24) | (static_cast<char32_t>(v[i + 1]) << 16) |
                       (static_cast<char32_t>(v[i + 2]) << 8) | v[i + 3];
    if (u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff)) return false;
    append_code_point(u, out);
  }
  return true;
}

bool is_ascii(bytes v) noexcept {
  std::uint8_t any = 0;
  for (std::uint8_t b : v) any |= b;
  return any < 0x80;
}

bool append_primitive_utf8(std::uint8_t base, bytes v, std::string& out) {
  const std::string_view text{reinterpret_cast<const char*>(v.data()), v.size()};
  switch (base) {
    case tag::utf8_string:
      if (!internal::valid_utf8(text)) return false;
      out += text;
      return true;
    case tag::numeric_string:
    case tag::printable_string:
    case tag::t61_string:
    case tag::ia5_string:
    case tag::visible_string:
      // One octet per character, read as Latin-1, as OpenSSL's ASN1_STRING_to_UTF8 does:
      // ASCII, as these nearly always are, is its own UTF-8.
      if (is_ascii(v)) {
        out += text;
        return true;
      }
      for (std::uint8_t b : v) append_code_point(b, out);
      return true;
    case tag::bmp_string: return append_bmp(v, out);
    case tag::universal_string: return append_universal(v, out);
    default: return false;
  }
}

bool append_utf8_impl(std::uint8_t tag_octet, bytes value, std::string& out) {
  if ((tag_octet & 0xc0) != 0) return false;  // only universal string types
  const auto base = static_cast<std::uint8_t>(tag_octet & 0x1fu);
  const std::size_t before = out.size();
  bool ok = false;
  if ((tag_octet & 0x20) != 0) {
    if (base == (tag::sequence & 0x1f) || base == (tag::set & 0x1f)) return false;
    // BER segments: gather them first, since a character may straddle two.
    std::string joined;
    ok = collect_segments(value, joined, 0) &&
         append_primitive_utf8(base, {reinterpret_cast<const std::uint8_t*>(joined.data()), joined.size()}, out);
  } else {
    ok = append_primitive_utf8(base, value, out);
  }
  if (!ok) out.resize(before);
  return ok;
}

}  // namespace

bool append_utf8(std::uint8_t tag_octet, std::span<const std::uint8_t> value, std::string& out) noexcept {
  const std::size_t before = out.size();
  return internal::guarded([&] { return append_utf8_impl(tag_octet, value, out); },
                           [&] {
                             out.resize(before);  // shrinking never allocates
                             return false;
                           });
}

}  // namespace alicert::x509

namespace alicert::internal {

void append_hex_value(std::span<const std::uint8_t> der, std::string& out) {
  out += '#';
  for (std::uint8_t x : der) {
    out += hex_digit(x >> 4);
    out += hex_digit(x);
  }
}

}  // namespace alicert::internal
