// The public inner_reader, and JSON string unescaping, shared by the parser
// and by decode_escaped_json.
#include "alicert/responses/inner.h"

#include <cstring>

#include "common/memory.h"
#include "inner_cursor.h"

namespace alicert::internal {

namespace {

// The one reading of JSON escapes: with a null `out`, it only checks them.
bool unescape_into(std::string_view in, char* out, std::size_t& written) noexcept {
  std::size_t n = 0;
  const auto put = [&](char ch) {
    if (out) out[n] = ch;
    ++n;
  };
  const char* p = in.data();
  const char* end = p + in.size();
  while (p != end) {
    // The run up to the next escape is copied whole: a private key's PEM is
    // 64-byte lines between `\n` escapes, and copying it a byte at a time
    // was an eighth of a GetUserCertificateDetail's parse (perf).
    const void* found = std::memchr(p, '\\', static_cast<std::size_t>(end - p));
    const char* escape = found != nullptr ? static_cast<const char*>(found) : end;
    const auto run = static_cast<std::size_t>(escape - p);
    if (out != nullptr && run != 0) std::memcpy(out + n, p, run);
    n += run;
    p = escape;
    if (p == end) break;
    ++p;
    if (p == end) return false;
    char e = *p++;
    switch (e) {
      case '"': put('"'); break;
      case '\\': put('\\'); break;
      case '/': put('/'); break;
      case 'b': put('\b'); break;
      case 'f': put('\f'); break;
      case 'n': put('\n'); break;
      case 'r': put('\r'); break;
      case 't': put('\t'); break;
      case 'u': {
        std::uint32_t cp;
        if (!inner::hex4(p, end, cp)) return false;
        p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          std::uint32_t lo;
          if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !inner::hex4(p + 2, end, lo) || lo < 0xDC00 ||
              lo > 0xDFFF)
            return false;
          p += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return false;
        }
        char buf[4];
        char* b = buf;
        put_utf8(b, cp);  // never longer than the 6-byte escape it replaces
        for (char* k = buf; k != b; ++k) put(*k);
        break;
      }
      default: return false;
    }
  }
  written = n;
  return true;
}

}  // namespace

bool unescape_json(std::string_view in, char* out, std::size_t& written) noexcept {
  return unescape_into(in, out, written);
}

bool valid_json_escapes(std::string_view in) noexcept {
  std::size_t written = 0;
  return unescape_into(in, nullptr, written);
}

}  // namespace alicert::internal

namespace alicert {

inner_reader::inner_reader() : scratch_(std::make_unique<internal::inner_scratch>()) {}
inner_reader::~inner_reader() = default;
inner_reader::inner_reader(inner_reader&&) noexcept = default;
inner_reader& inner_reader::operator=(inner_reader&&) noexcept = default;

result<std::span<const san_entry>> inner_reader::read_cas_sans(std::string_view text,
                                                               quirk_set& quirks) noexcept {
  return internal::guarded([&]() -> result<std::span<const san_entry>> {
    scratch_->arena.reset(text.size());
    scratch_->names.clear();
    auto n = internal::read_cas_sans(text, scratch_->arena, scratch_->names, quirks);
    if (!n) return n.error();
    return std::span<const san_entry>(scratch_->names);
  });
}

result<std::span<const san_entry>> inner_reader::read_name_list(std::string_view text,
                                                                name_list_kind kind,
                                                                quirk_set& quirks) noexcept {
  return internal::guarded([&]() -> result<std::span<const san_entry>> {
    scratch_->arena.reset(text.size());
    scratch_->names.clear();
    auto n = internal::read_name_list(text, kind, scratch_->arena, scratch_->names, quirks);
    if (!n) return n.error();
    return std::span<const san_entry>(scratch_->names);
  });
}

result<std::span<const tag>> inner_reader::read_tags(std::string_view text,
                                                     quirk_set& quirks) noexcept {
  return internal::guarded([&]() -> result<std::span<const tag>> {
    scratch_->arena.reset(text.size());
    scratch_->tags.clear();
    auto n = internal::read_tags(text, scratch_->arena, scratch_->tags, quirks);
    if (!n) return n.error();
    return std::span<const tag>(scratch_->tags);
  });
}

result<std::string_view> decode_escaped_json(std::string_view text, std::string& out) noexcept {
  if (!internal::guarded(
          [&] {
            out.resize(text.size());
            return true;
          },
          [] { return false; }))
    return internal::out_of_memory_error();
  std::size_t n = 0;
  if (!internal::unescape_json(text, out.data(), n))
    return error{error_code::invalid_inner_json, "bad escape sequence", {}, 0};
  out.resize(n);
  return std::string_view(out);
}

}  // namespace alicert

