// Names: reading the DER, RFC 4514 rendering, parsing reported DN text, comparing as sets.
#include "alicert/x509/name.h"

#include <exception>

#include "alicert/x509/oid.h"
#include "common/memory.h"
#include "x509/der_reader.h"

namespace alicert::x509 {
namespace {

using internal::bytes;
using internal::der_context;
using internal::der_cursor;
using internal::der_fault;

constexpr char hex_digits[] = "0123456789abcdef";

void put_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(const unsigned char* s, std::size_t n) noexcept {
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    char32_t cp = 0, min = 0;
    if ((c & 0xe0) == 0xc0) { len = 2; cp = c & 0x1fu; min = 0x80; }
    else if ((c & 0xf0) == 0xe0) { len = 3; cp = c & 0x0fu; min = 0x800; }
    else if ((c & 0xf8) == 0xf0) { len = 4; cp = c & 0x07u; min = 0x10000; }
    else return false;
    if (n - i < len) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3fu);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += len;
  }
  return true;
}

bool valid_utf8(std::string_view s) noexcept {
  return valid_utf8(reinterpret_cast<const unsigned char*>(s.data()), s.size());
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

bool append_primitive_utf8(std::uint8_t base, bytes v, std::string& out) {
  switch (base) {
    case tag::utf8_string:
      if (!valid_utf8(v.data(), v.size())) return false;
      out.append(reinterpret_cast<const char*>(v.data()), v.size());
      return true;
    case tag::numeric_string:
    case tag::printable_string:
    case tag::t61_string:
    case tag::ia5_string:
    case tag::visible_string:
      // One octet per character, read as Latin-1, as OpenSSL's ASN1_STRING_to_UTF8 does.
      for (std::uint8_t b : v) put_utf8(b, out);
      return true;
    case tag::bmp_string: {
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
        put_utf8(u, out);
      }
      return true;
    }
    case tag::universal_string: {
      if (v.size() % 4 != 0) return false;
      for (std::size_t i = 0; i < v.size(); i += 4) {
        const char32_t u = (static_cast<char32_t>(v[i]) << 24) | (static_cast<char32_t>(v[i + 1]) << 16) |
                           (static_cast<char32_t>(v[i + 2]) << 8) | v[i + 3];
        if (u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff)) return false;
        put_utf8(u, out);
      }
      return true;
    }
    default:
      return false;
  }
}

void append_hex(bytes b, std::string& out) {
  for (std::uint8_t x : b) {
    out += hex_digits[x >> 4];
    out += hex_digits[x & 0xf];
  }
}

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

// Escapes out[s..] in place, growing `out` only.
void escape_tail(std::string& out, std::size_t s) {
  const std::size_t e = out.size();
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

void append_type(bytes type, std::string& out) {
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
    out += '#';
    append_hex(e.value_der, out);
  }
}

error bad_name(std::size_t at, const char* what) { return error{error_code::bad_name, what, {}, at}; }

// The only failure a caller's buffer can add; no code fits better than this one.
error out_of_memory() { return internal::out_of_memory_error(); }

bool append_utf8_impl(std::uint8_t tag_octet, std::span<const std::uint8_t> value, std::string& out);
result<std::string_view> format_name_impl(name_view name, std::string& out);

char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_alpha(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct alias {
  std::string_view name;
  std::span<const std::uint8_t> oid;
};
constexpr alias aliases[] = {
    {"S", oids::state},
    {"E", oids::email_address},
    {"email", oids::email_address},
    {"SP", oids::state},
};

// The OID of an attribute keyword, or empty when unknown.
std::span<const std::uint8_t> keyword_oid(std::string_view word) noexcept {
  for (const alias& a : aliases)
    if (iequal(a.name, word)) return a.oid;
  for (const oid_info& info : known_oids())
    if (info.kind == oid_kind::attribute && (iequal(info.short_name, word) || iequal(info.long_name, word)))
      return info.der;
  return {};
}

// Scans an attribute type at text[i..]; on success sets `end` past it.
bool scan_type(std::string_view text, std::size_t i, std::size_t& end) noexcept {
  if (i >= text.size()) return false;
  std::size_t j = i;
  if (text.size() - i > 4 && iequal(text.substr(i, 4), "oid.") && is_digit(text[i + 4])) j += 4;
  if (is_digit(text[j])) {
    while (j < text.size() && (is_digit(text[j]) || text[j] == '.')) ++j;
  } else if (is_alpha(text[j])) {
    while (j < text.size() && (is_alpha(text[j]) || is_digit(text[j]) || text[j] == '-')) ++j;
  } else {
    return false;
  }
  end = j;
  return true;
}

// After an unescaped ',' or '+' at text[i]: does a `type =` follow? When it
// does not, the character is taken as part of the value: the APIs are known
// to leave commas in organization names unescaped ("Co., Ltd.").
bool separator_follows(std::string_view text, std::size_t i) noexcept {
  std::size_t j = i + 1;
  while (j < text.size() && is_space(text[j])) ++j;
  if (j == text.size()) return true;  // a dangling separator, reported as such by the caller
  std::size_t end = 0;
  if (!scan_type(text, j, end)) return false;
  while (end < text.size() && is_space(text[end])) ++end;
  return end < text.size() && text[end] == '=';
}

}  // namespace

// ---- reading the DER ----

name_reader::name_reader(name_view name) noexcept
    : base_(name.der.data()), rdns_(nullptr), rdns_end_(nullptr), atvs_(nullptr), atvs_end_(nullptr) {
  der_fault fault;
  const der_context ctx{base_, &fault, nullptr};
  tlv seq;
  if (!internal::read_tlv_at(ctx, name.der.data(), name.der.data() + name.der.size(), seq) ||
      !internal::is_list(seq.identifier, tag::sequence)) {
    malformed_ = true;
    return;
  }
  rdns_ = seq.value.data();
  rdns_end_ = rdns_ + seq.value.size();
}

bool name_reader::next(name_entry& out) noexcept {
  if (malformed_) return false;
  der_fault fault;
  const der_context ctx{base_, &fault, nullptr};
  while (atvs_ == atvs_end_) {
    if (rdns_ == rdns_end_) return false;
    der_cursor rdns(ctx, {rdns_, static_cast<std::size_t>(rdns_end_ - rdns_)});
    tlv set;
    if (!rdns.expect_list(tag::set, set, "")) {
      malformed_ = true;
      return false;
    }
    if (started_) ++rdn_;
    started_ = true;
    rdns_ = rdns.position();
    atvs_ = set.value.data();
    atvs_end_ = atvs_ + set.value.size();
  }
  der_cursor atvs(ctx, {atvs_, static_cast<std::size_t>(atvs_end_ - atvs_)});
  tlv atv, type, value;
  if (!atvs.expect(tag::sequence, atv, "")) {
    malformed_ = true;
    return false;
  }
  der_cursor fields(ctx, atv.value);
  if (!fields.expect(tag::oid, type, "") || !valid_oid(type.value) || !fields.next(value) || !fields.done()) {
    malformed_ = true;
    return false;
  }
  atvs_ = atvs.position();
  out.rdn = rdn_;
  out.type = type.value;
  out.tag = value.identifier;
  out.value = value.value;
  out.value_der = value.encoding;
  return true;
}

bool append_utf8(std::uint8_t tag_octet, std::span<const std::uint8_t> value, std::string& out) noexcept {
  const std::size_t before = out.size();
  return internal::guarded([&] { return append_utf8_impl(tag_octet, value, out); },
                           [&] {
                             out.resize(before);  // shrinking never allocates
                             return false;
                           });
}

namespace {
bool append_utf8_impl(std::uint8_t tag_octet, std::span<const std::uint8_t> value, std::string& out) {
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

result<std::string_view> format_name(name_view name, std::string& out) noexcept {
  return internal::guarded([&] { return format_name_impl(name, out); });
}

namespace {
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
  bool overflow = false;
  name_reader reader(name);
  name_entry e;
  while (reader.next(e)) {
    if (count >= local_max) {
      overflow = true;
      ++count;
      continue;
    }
    const std::size_t s = out.size();
    append_entry(e, out);
    pieces[count++] = piece{s, out.size() - s, e.rdn};
  }
  if (reader.malformed()) return error{error_code::der_bad_value, "malformed Name", {}, 0};
  if (!overflow) {
    const std::size_t forward = out.size();
    for (std::size_t k = count; k-- > 0;) {
      if (k + 1 != count) out += pieces[k].rdn == pieces[k + 1].rdn ? '+' : ',';
      out.append(out, pieces[k].start, pieces[k].size);
    }
    out.erase(0, forward);
    return std::string_view{out};
  }
  // More entries than the local table holds: quadratic, but correct.
  out.clear();
  std::size_t previous_rdn = 0;
  for (std::size_t k = count; k-- > 0;) {
    name_reader again(name);
    for (std::size_t i = 0; i <= k; ++i) (void)again.next(e);
    if (k + 1 != count) out += e.rdn == previous_rdn ? '+' : ',';
    append_entry(e, out);
    previous_rdn = e.rdn;
  }
  return std::string_view{out};
}
}  // namespace

// ---- name sets ----

void name_set::finish() {
  attrs_.clear();
  for (std::size_t i = 0; i + 4 < offsets_.size(); i += 5) {
    name_attribute a;
    a.type = {reinterpret_cast<const std::uint8_t*>(storage_.data()) + offsets_[i], offsets_[i + 1]};
    a.value = std::string_view{storage_}.substr(offsets_[i + 2], offsets_[i + 3]);
    a.rdn = offsets_[i + 4];
    attrs_.push_back(a);
  }
}

result<std::span<const name_attribute>> name_set::read(name_view name) noexcept {
  return internal::guarded([&] { return read_impl(name); },
                           [&]() -> result<std::span<const name_attribute>> {
                             offsets_.clear();
                             attrs_.clear();
                             return out_of_memory();
                           });
}

result<std::span<const name_attribute>> name_set::parse_text(std::string_view text) noexcept {
  return internal::guarded([&] { return parse_text_impl(text); },
                           [&]() -> result<std::span<const name_attribute>> {
                             offsets_.clear();
                             attrs_.clear();
                             return out_of_memory();
                           });
}

result<std::span<const name_attribute>> name_set::read_impl(name_view name) {
  storage_.clear();
  offsets_.clear();
  attrs_.clear();
  name_reader reader(name);
  name_entry e;
  while (reader.next(e)) {
    const std::size_t type_at = storage_.size();
    storage_.append(reinterpret_cast<const char*>(e.type.data()), e.type.size());
    const std::size_t value_at = storage_.size();
    if (!append_utf8(e.tag, e.value, storage_)) {
      storage_ += '#';
      append_hex(e.value_der, storage_);
    }
    offsets_.insert(offsets_.end(), {type_at, e.type.size(), value_at, storage_.size() - value_at, e.rdn});
  }
  if (reader.malformed()) {
    offsets_.clear();
    return error{error_code::der_bad_value, "malformed Name", {}, 0};
  }
  finish();
  return std::span<const name_attribute>{attrs_};
}

result<std::span<const name_attribute>> name_set::parse_text_impl(std::string_view text) {
  storage_.clear();
  offsets_.clear();
  attrs_.clear();
  std::size_t i = 0, rdn = 0;
  auto skip_spaces = [&] {
    while (i < text.size() && is_space(text[i])) ++i;
  };
  skip_spaces();
  if (i == text.size()) return std::span<const name_attribute>{attrs_};
  while (true) {
    skip_spaces();
    // -- the attribute type --
    std::size_t type_end = 0;
    if (!scan_type(text, i, type_end)) return bad_name(i, "expected an attribute type");
    std::string_view word = text.substr(i, type_end - i);
    const std::size_t type_at = storage_.size();
    if (is_digit(word.back()) && (is_digit(word[0]) || iequal(word.substr(0, 4), "oid."))) {
      if (!is_digit(word[0])) word.remove_prefix(4);
      std::uint8_t oid[128];
      auto n = parse_oid(word, oid);
      if (!n) return bad_name(i, "malformed dotted OID");
      storage_.append(reinterpret_cast<const char*>(oid), *n);
    } else {
      const auto oid = keyword_oid(word);
      if (oid.empty()) return bad_name(i, "unknown attribute type");
      storage_.append(reinterpret_cast<const char*>(oid.data()), oid.size());
    }
    const std::size_t type_size = storage_.size() - type_at;
    i = type_end;
    skip_spaces();
    if (i == text.size() || text[i] != '=') return bad_name(i, "expected '=' after the attribute type");
    ++i;
    skip_spaces();

    // -- the value --
    const std::size_t value_at = storage_.size();
    if (i < text.size() && text[i] == '#') {
      const std::size_t start = i++;
      std::size_t j = i;
      while (j < text.size() && hex_value(text[j]) >= 0) ++j;
      if (j == i || (j - i) % 2 != 0) return bad_name(start, "malformed #hex value");
      scratch_.clear();
      for (std::size_t k = i; k < j; k += 2)
        scratch_ += static_cast<char>(hex_value(text[k]) * 16 + hex_value(text[k + 1]));
      const bytes der{reinterpret_cast<const std::uint8_t*>(scratch_.data()), scratch_.size()};
      auto t = read_tlv(der, nullptr);
      if (!t || t->encoding.size() != der.size()) return bad_name(start, "#hex value is not one BER value");
      if (!append_utf8(t->identifier, t->value, storage_)) {
        storage_ += '#';
        append_hex(der, storage_);
      }
      i = j;
      skip_spaces();
    } else if (i < text.size() && text[i] == '"') {
      const std::size_t start = i++;
      bool closed = false;
      while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
          closed = true;
          ++i;
          break;
        }
        if (c == '\\') {
          if (i + 1 >= text.size()) return bad_name(i, "backslash at the end of the text");
          const int hi = hex_value(text[i + 1]);
          if (hi >= 0 && i + 2 < text.size() && hex_value(text[i + 2]) >= 0) {
            storage_ += static_cast<char>(hi * 16 + hex_value(text[i + 2]));
            i += 3;
          } else {
            storage_ += text[i + 1];
            i += 2;
          }
          continue;
        }
        storage_ += c;
        ++i;
      }
      if (!closed) return bad_name(start, "unterminated quoted value");
      skip_spaces();
    } else {
      std::size_t keep = storage_.size();  // length without trailing unescaped spaces
      while (i < text.size()) {
        const char c = text[i];
        if ((c == ',' || c == '+') && separator_follows(text, i)) break;
        if (c == '\\') {
          if (i + 1 >= text.size()) return bad_name(i, "backslash at the end of the text");
          const char n = text[i + 1];
          const int hi = hex_value(n);
          if (hi >= 0 && i + 2 < text.size() && hex_value(text[i + 2]) >= 0) {
            storage_ += static_cast<char>(hi * 16 + hex_value(text[i + 2]));
            i += 3;
          } else if (!is_alpha(n) && !is_digit(n) && static_cast<unsigned char>(n) >= 0x20 &&
                     static_cast<unsigned char>(n) < 0x7f) {
            storage_ += n;
            i += 2;
          } else {
            return bad_name(i, "invalid escape in a value");
          }
          keep = storage_.size();
          continue;
        }
        storage_ += c;
        ++i;
        if (!is_space(c)) keep = storage_.size();
      }
      storage_.resize(keep);
    }
    if (!valid_utf8(std::string_view{storage_}.substr(value_at)))
      return bad_name(i, "value is not valid UTF-8 after unescaping");
    offsets_.insert(offsets_.end(), {type_at, type_size, value_at, storage_.size() - value_at, rdn});

    if (i == text.size()) break;
    if (text[i] == ',' || text[i] == ';') {
      ++rdn;
    } else if (text[i] != '+') {
      return bad_name(i, "expected ',' or '+' between attributes");
    }
    ++i;
  }
  finish();
  return std::span<const name_attribute>{attrs_};
}

bool same_value(std::span<const std::uint8_t> type, std::string_view a, std::string_view b) noexcept {
  if (same_oid(type, oids::country) || same_oid(type, oids::domain_component) ||
      same_oid(type, oids::email_address))
    return iequal(a, b);
  return a == b;
}

bool same_name(std::span<const name_attribute> a, std::span<const name_attribute> b) noexcept {
  auto contains = [](std::span<const name_attribute> set, const name_attribute& x) {
    for (const name_attribute& y : set)
      if (same_oid(x.type, y.type) && same_value(x.type, x.value, y.value)) return true;
    return false;
  };
  for (const name_attribute& x : a)
    if (!contains(b, x)) return false;
  for (const name_attribute& x : b)
    if (!contains(a, x)) return false;
  return true;
}

}  // namespace alicert::x509
