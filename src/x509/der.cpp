// The TLV reader: DER, plus the BER liberties OpenSSL 3's decoder takes.
#include "alicert/x509/der.h"

#include "alicert/x509/oid.h"

#include "x509/der_reader.h"

namespace alicert::internal {
namespace {

struct header {
  std::uint8_t id{0};
  std::uint32_t number{0};
  bool indefinite{false};
  std::size_t length{0};
  const std::uint8_t* content{nullptr};
};

bool read_header(const der_context& ctx, const std::uint8_t* p, const std::uint8_t* end,
                 header& h) noexcept {
  const std::uint8_t* start = p;
  if (p == end) return ctx.fail(error_code::der_truncated, p, "expected a tag, found the end");
  h.id = *p++;
  if ((h.id & 0x1f) == 0x1f) {
    std::uint32_t n = 0;
    for (;;) {
      if (p == end) return ctx.fail(error_code::der_truncated, start, "tag number runs past the end");
      const std::uint8_t b = *p++;
      if (n > (0x7fffffffu >> 7)) return ctx.fail(error_code::der_bad_tag, start, "tag number too large");
      n = (n << 7) | (b & 0x7fu);
      if ((b & 0x80) == 0) break;
    }
    h.number = n;
  } else {
    h.number = h.id & 0x1fu;
  }
  if (p == end) return ctx.fail(error_code::der_truncated, start, "length runs past the end");
  const std::uint8_t first = *p++;
  h.indefinite = false;
  if (first < 0x80) {
    h.length = first;
  } else if (first == 0x80) {
    if ((h.id & 0x20) == 0)
      return ctx.fail(error_code::der_bad_length, start, "indefinite length on a primitive encoding");
    h.indefinite = true;
    h.length = 0;
  } else {
    std::size_t count = first & 0x7fu;
    if (static_cast<std::size_t>(end - p) < count)
      return ctx.fail(error_code::der_truncated, start, "length octets run past the end");
    bool padded = false;
    // OpenSSL skips leading zero octets of a long-form length, so alicert does too.
    while (count > 0 && *p == 0) {
      ++p;
      --count;
      padded = true;
    }
    if (count > 8) return ctx.fail(error_code::der_bad_length, start, "length too large");
    std::uint64_t len = 0;
    for (; count > 0; --count) len = (len << 8) | *p++;
    if (padded || len < 0x80) ctx.note(quirk::der_non_minimal_length);
    if (len > static_cast<std::uint64_t>(end - p))
      return ctx.fail(error_code::der_truncated, start, "length runs past the end of its parent");
    h.length = static_cast<std::size_t>(len);
  }
  if (h.length > static_cast<std::size_t>(end - p))
    return ctx.fail(error_code::der_truncated, start, "length runs past the end of its parent");
  h.content = p;
  return true;
}

// Finds the end-of-contents pair closing an indefinite encoding without
// recursion, as OpenSSL's asn1_find_end does: count the open encodings.
bool find_end(const der_context& ctx, const std::uint8_t* start, const std::uint8_t* content,
              const std::uint8_t* end, const std::uint8_t*& eoc) noexcept {
  unsigned open = 1;
  const std::uint8_t* p = content;
  while (p != end) {
    if (end - p >= 2 && p[0] == 0 && p[1] == 0) {
      if (--open == 0) {
        eoc = p;
        return true;
      }
      p += 2;
      continue;
    }
    header h;
    if (!read_header(ctx, p, end, h)) return false;
    if (h.indefinite) {
      if (++open > max_der_nesting)
        return ctx.fail(error_code::der_bad_length, p, "indefinite lengths nested too deeply");
      p = h.content;
    } else {
      p = h.content + h.length;
    }
  }
  return ctx.fail(error_code::der_truncated, start, "indefinite length without end-of-contents");
}

}  // namespace

bool read_tlv_slow(const der_context& ctx, const std::uint8_t* p, const std::uint8_t* end,
                   x509::tlv& out) noexcept {
  header h;
  if (!read_header(ctx, p, end, h)) return false;
  out.identifier = h.id;
  out.number = h.number;
  out.constructed = (h.id & 0x20) != 0;
  out.indefinite = h.indefinite;
  if (h.indefinite) {
    const std::uint8_t* eoc = nullptr;
    if (!find_end(ctx, p, h.content, end, eoc)) return false;
    ctx.note(quirk::der_ber_encoding);
    out.value = bytes{h.content, static_cast<std::size_t>(eoc - h.content)};
    out.encoding = bytes{p, static_cast<std::size_t>(eoc + 2 - p)};
  } else {
    out.value = bytes{h.content, h.length};
    out.encoding = bytes{p, static_cast<std::size_t>(h.content + h.length - p)};
  }
  return true;
}

bool check_integer(const der_context& ctx, const x509::tlv& t) noexcept {
  const bytes v = t.value;
  if (v.empty()) return ctx.fail(error_code::der_bad_value, t.encoding.data(), "empty INTEGER");
  if (v.size() > 1 && ((v[0] == 0x00 && (v[1] & 0x80) == 0) || (v[0] == 0xff && (v[1] & 0x80) != 0)))
    ctx.note(quirk::der_non_minimal_integer);
  return true;
}

bool check_oid(const der_context& ctx, const x509::tlv& t) noexcept {
  if (!x509::valid_oid(t.value))
    return ctx.fail(error_code::der_bad_value, t.encoding.data(), "malformed OBJECT IDENTIFIER");
  return true;
}

namespace {

// One level of a constructed string's content, as asn1_collect walks it. The
// value of an indefinite encoding stops before its end-of-contents pair, so
// any pair met here stands inside a definite length: OpenSSL refuses it.
bool collect_level(const der_context& local, bytes content, unsigned depth, segment_sink& sink) noexcept {
  der_cursor c(local, content);
  while (!c.done()) {
    const std::uint8_t* p = c.position();
    if (content.data() + content.size() - p >= 2 && p[0] == 0 && p[1] == 0) return false;
    x509::tlv t;
    if (!c.next(t)) return false;
    if (t.constructed) {
      if (depth >= max_string_nesting || !collect_level(local, t.value, depth + 1, sink)) return false;
    } else if (!t.value.empty() && !sink.take(t.value)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool collect_string(const der_context& ctx, const x509::tlv& t, segment_sink& sink) noexcept {
  if (!t.constructed) return t.value.empty() || sink.take(t.value);
  der_fault fault;
  const der_context local{ctx.base, &fault, nullptr};
  return collect_level(local, t.value, 0, sink);
}

bool string_content(const der_context& ctx, const x509::tlv& t, bytes& content) noexcept {
  if (!t.constructed) {
    content = t.value;
    return true;
  }
  ctx.note(quirk::der_ber_encoding);
  // Empty segments add nothing: one non-empty segment is the content, in place.
  struct single final : segment_sink {
    bytes only;
    bool seen = false;
    bool take(bytes segment) noexcept override {
      if (seen) return false;
      seen = true;
      only = segment;
      return true;
    }
  } one;
  if (!collect_string(ctx, t, one)) return false;
  content = one.only;
  return true;
}

bool read_bit_string(const der_context& ctx, const x509::tlv& t, bytes& bits,
                     std::uint8_t& unused_bits) noexcept {
  bytes v;
  if (!string_content(ctx, t, v)) {
    bits = t.value;
    unused_bits = 0;
    return true;
  }
  if (v.empty()) return ctx.fail(error_code::der_bad_value, t.encoding.data(), "empty BIT STRING");
  if (v[0] > 7)
    return ctx.fail(error_code::der_bad_value, t.encoding.data(), "BIT STRING with more than 7 unused bits");
  unused_bits = v[0];
  bits = v.subspan(1);
  return true;
}

bool check_name(const der_context& ctx, const x509::tlv& name) noexcept {
  // A Name is an RDNSequence: SEQUENCE OF SET OF AttributeTypeAndValue.
  der_cursor rdns(ctx, name.value);
  while (!rdns.done()) {
    x509::tlv rdn;
    if (!rdns.expect_list(x509::tag::set, rdn, "expected the SET of a relative distinguished name"))
      return false;
    der_cursor atvs(ctx, rdn.value);
    while (!atvs.done()) {
      x509::tlv atv, type, value;
      if (!atvs.expect(x509::tag::sequence, atv, "expected an attribute SEQUENCE")) return false;
      der_cursor fields(ctx, atv.value);
      if (!fields.expect(x509::tag::oid, type, "expected an attribute type OID") ||
          !check_oid(ctx, type) || !fields.next(value) ||
          !fields.finish("extra data after an attribute value"))
        return false;
      // OpenSSL takes any universal type here but a few scalars; alicert
      // reads every value and leaves unreadable ones to be shown as #hex.
      const std::uint8_t base = static_cast<std::uint8_t>(value.identifier & ~0x20u);
      if (base != x509::tag::utf8_string && base != x509::tag::printable_string &&
          base != x509::tag::ia5_string)
        ctx.note(quirk::der_unusual_string_type);
      if (value.constructed && value.identifier != x509::tag::sequence) ctx.note(quirk::der_ber_encoding);
    }
  }
  return true;
}

std::uint32_t bit_length(bytes magnitude) noexcept {
  std::size_t i = 0;
  while (i < magnitude.size() && magnitude[i] == 0) ++i;
  if (i == magnitude.size()) return 0;
  std::uint32_t bits = static_cast<std::uint32_t>((magnitude.size() - i - 1) * 8);
  for (unsigned b = magnitude[i]; b != 0; b >>= 1) ++bits;
  return bits;
}

}  // namespace alicert::internal

namespace alicert::x509 {

result<tlv> read_tlv(std::span<const std::uint8_t> input, quirk_set* quirks) noexcept {
  internal::der_fault fault;
  internal::der_context ctx{input.data(), &fault, quirks};
  tlv out;
  if (!internal::read_tlv_at(ctx, input.data(), input.data() + input.size(), out))
    return internal::to_error(fault);
  return out;
}

}  // namespace alicert::x509
