// Where a certificate's Name is rendered as RFC 4514 text: last RDN first,
// `+` inside a multi-valued RDN, OpenSSL's short names, special characters escaped.
#include "alicert/x509/name.h"

#include <array>

#include "alicert/x509/oid.h"
#include "common/memory.h"
#include "x509/name_parts.h"

namespace alicert::x509 {
namespace {

// How RFC 4514 escapes the character at i of a value spanning [s, e):
// 0 as is, 1 with a backslash, 2 as \XX.
int escape_class(unsigned char c, std::size_t i, std::size_t s, std::size_t e) noexcept {
  if (c < 0x20 || c == 0x7f) return 2;
  switch (c) {
    case '"': case '+': case ',': case ';': case '<': case '>': case '\\': return 1;
    case '#': return i == s ? 1 : 0;
    case ' ': return (i == s || i + 1 == e) ? 1 : 0;
    default: return 0;
  }
}

// The characters escaped wherever they are (escape_class != 0 anywhere).
constexpr std::array<bool, 256> make_always_escaped() {
  std::array<bool, 256> t{};
  for (unsigned c = 0; c < 0x20; ++c) t[c] = true;
  for (unsigned char c : {'\x7f', '"', '+', ',', ';', '<', '>', '\\'}) t[c] = true;
  return t;
}
constexpr std::array<bool, 256> always_escaped = make_always_escaped();

// Escapes out[s..] in place, growing `out` only.
void escape_tail(std::string& out, std::size_t s) {
  const std::size_t e = out.size();
  if (s == e) return;
  // Nearly every value needs nothing: no special character, no '#' or space
  // first, no space last.
  const auto first = static_cast<unsigned char>(out[s]), last = static_cast<unsigned char>(out[e - 1]);
  if (first != '#' && first != ' ' && last != ' ') {
    bool any = false;
    for (std::size_t i = s; i < e; ++i) any |= always_escaped[static_cast<unsigned char>(out[i])];
    if (!any) return;
  }
  std::size_t extra = 0;
  for (std::size_t i = s; i < e; ++i) {
    const int k = escape_class(static_cast<unsigned char>(out[i]), i, s, e);
    extra += static_cast<std::size_t>(k);
  }
  if (extra == 0) return;
  out.resize(e + extra);
  std::size_t w = e + extra;
  for (std::size_t i = e; i-- > s;) {
    const auto c = static_cast<unsigned char>(out[i]);
    const int k = escape_class(c, i, s, e);
    if (k == 2) {
      out[--w] = static_cast<char>("0123456789ABCDEF"[c & 0xf]);
      out[--w] = static_cast<char>("0123456789ABCDEF"[c >> 4]);
      out[--w] = '\\';
    } else {
      out[--w] = static_cast<char>(c);
      if (k == 1) out[--w] = '\\';
    }
  }
}

void append_type(std::span<const std::uint8_t> type, std::string& out) {
  const oid_info* info = find_oid(type);
  if (info && info->kind == oid_kind::attribute) {
    out += info->short_name;
    return;
  }
  const std::size_t at = out.size();
  out.resize(at + type.size() * 4 + 4);
  const std::string_view dotted = format_oid(type, {out.data() + at, type.size() * 4 + 4});
  out.resize(at + dotted.size());
}

void append_entry(const name_entry& e, std::string& out) {
  append_type(e.type, out);
  out += '=';
  const std::size_t s = out.size();
  if (append_utf8(e.tag, e.value, out)) {
    escape_tail(out, s);
  } else {
    internal::append_hex_value(e.value_der, out);
  }
}

// Writes entries k..0 (reverse DER order) by re-reading the Name for each:
// quadratic, for the rare Name with more entries than the local table holds.
void format_long_name(name_view name, std::size_t count, std::string& out) {
  out.clear();
  name_entry e;
  std::size_t previous_rdn = 0;
  for (std::size_t k = count; k-- > 0;) {
    name_reader again(name);
    for (std::size_t i = 0; i <= k; ++i) (void)again.next(e);
    if (k + 1 != count) out += e.rdn == previous_rdn ? '+' : ',';
    append_entry(e, out);
    previous_rdn = e.rdn;
  }
}

result<std::string_view> format_name_impl(name_view name, std::string& out) {
  out.clear();
  // Entries are rendered in DER order at the front of `out`, then copied in
  // reverse behind them, then the front is dropped: no buffer but `out`.
  struct piece {
    std::size_t start, size, rdn;
  };
  constexpr std::size_t local_max = 64;
  piece pieces[local_max];
  std::size_t count = 0;
  name_reader reader(name);
  name_entry e;
  while (reader.next(e)) {
    if (count < local_max) {
      const std::size_t s = out.size();
      append_entry(e, out);
      pieces[count] = piece{s, out.size() - s, e.rdn};
    }
    ++count;
  }
  if (reader.malformed()) return error{error_code::der_bad_value, "malformed Name", {}, 0};
  if (count > local_max) {
    format_long_name(name, count, out);
    return std::string_view{out};
  }
  const std::size_t forward = out.size();
  for (std::size_t k = count; k-- > 0;) {
    if (k + 1 != count) out += pieces[k].rdn == pieces[k + 1].rdn ? '+' : ',';
    out.append(out, pieces[k].start, pieces[k].size);
  }
  out.erase(0, forward);
  return std::string_view{out};
}

}  // namespace

result<std::string_view> format_name(name_view name, std::string& out) noexcept {
  return internal::guarded([&] { return format_name_impl(name, out); });
}

// The same text from the pairs already read: their types, their UTF-8 (or
// #hex) values and their RDN indices are what format_name_impl computes.
result<std::string_view> name_set::format(std::string& out) const noexcept {
  return internal::guarded([&]() -> result<std::string_view> {
    out.clear();
    for (std::size_t k = attrs_.size(); k-- > 0;) {
      const name_attribute& a = attrs_[k];
      if (k + 1 != attrs_.size()) out += a.rdn == attrs_[k + 1].rdn ? '+' : ',';
      append_type(a.type, out);
      out += '=';
      const std::size_t s = out.size();
      out += a.value;
      if (offsets_[k * 6 + 5] == 0) escape_tail(out, s);
    }
    return std::string_view{out};
  });
}

}  // namespace alicert::x509
