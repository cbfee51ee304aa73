// GeneralName decoding, shared by the SAN check in read_certificate and the public reader.
#include "alicert/x509/general_name.h"
#include "alicert/x509/oid.h"

#include "x509/der_reader.h"

namespace alicert::internal {
namespace {

// The value checks OpenSSL's X509_NAME decoder makes: a tag of ASN1_PRINTABLE's
// mask, then the content's canonical form. alicert's own Name reader is more
// lenient; inside a SAN, though, OpenSSL's verdict decides whether the SAN
// exists at all.
bool openssl_name_value(const der_context& ctx, const x509::tlv& value) noexcept {
  if ((value.identifier & 0xc0) != 0 || value.number >= 31) return false;
  switch (value.number) {
    case 16:  // SEQUENCE: kept as its encoding, but it must be constructed
      return value.constructed;
    case 3: case 7: case 8: case 9: case 11: case 12: case 13: case 14: case 15: case 18: case 19:
    case 20: case 22: case 28: case 29: case 30:
      return openssl_string(ctx, value, value.number, string_rules::canonical);
    default:
      return false;
  }
}

bool openssl_name(const der_context& ctx, const x509::tlv& name) noexcept {
  if (!check_name(ctx, name)) return false;
  der_cursor rdns(ctx, name.value);
  while (!rdns.done()) {
    x509::tlv rdn;
    if (!rdns.next(rdn)) return false;
    der_cursor atvs(ctx, rdn.value);
    while (!atvs.done()) {
      x509::tlv atv, type, value;
      if (!atvs.next(atv)) return false;
      der_cursor fields(ctx, atv.value);
      if (!fields.next(type) || !fields.next(value)) return false;
      if (!openssl_name_value(ctx, value))
        return ctx.fail(error_code::der_bad_value, value.encoding.data(), "name value OpenSSL refuses");
    }
  }
  return true;
}

// An ANY value (the otherName value) as OpenSSL's ASN1_ANY decoder takes it:
// other classes are kept raw; SEQUENCE and SET must be constructed; other
// universal types decode by their tag, so their content must fit the type.
bool openssl_any(const der_context& ctx, const x509::tlv& v) noexcept {
  if ((v.identifier & 0xc0) != 0) return true;
  const auto type = v.number;
  if (type == 16 || type == 17) return v.constructed;
  if (v.constructed) {
    if (type == 1 || type == 2 || type == 5 || type == 6 || type == 10) return false;  // must be primitive
    return openssl_string(ctx, v, type, string_rules::decoder);
  }
  const bytes content = v.value;
  switch (type) {
    case 1: return content.size() == 1;                 // BOOLEAN
    case 5: return content.empty();                     // NULL
    case 6: return x509::valid_oid(content);            // OBJECT IDENTIFIER
    case 2:                                             // INTEGER, ENUMERATED: minimal
    case 10:
      return !content.empty() &&
             !(content.size() > 1 && ((content[0] == 0x00 && (content[1] & 0x80) == 0) ||
                                      (content[0] == 0xff && (content[1] & 0x80) != 0)));
    default: return openssl_string(ctx, v, type, string_rules::decoder);  // BIT STRING, BMP/Universal lengths
  }
}

// EDIPartyName ::= SEQUENCE { nameAssigner [0] DirectoryString OPTIONAL, partyName [1] DirectoryString }
bool edi_party(const der_context& ctx, bytes content) noexcept {
  der_cursor c(ctx, content);
  for (unsigned n = 0; n < 2; ++n) {
    x509::tlv wrapper, value;
    bool present = false;
    if (!c.optional(x509::tag::context_constructed(n), wrapper, present)) return false;
    if (!present) {
      if (n == 1) return ctx.fail(error_code::der_bad_tag, c.position(), "ediPartyName without partyName");
      continue;
    }
    der_cursor w(ctx, wrapper.value);
    if (!w.next(value) || !w.finish("extra data in an ediPartyName")) return false;
    const auto base = value.number;
    if ((value.identifier & 0xc0) != 0 || (base != 12 && base != 19 && base != 20 && base != 28 && base != 30))
      return ctx.fail(error_code::der_bad_tag, value.encoding.data(), "ediPartyName is no DirectoryString");
    // A DirectoryString gets no canonical form: only the decoder's checks apply.
    if (!openssl_string(ctx, value, base, string_rules::decoder))
      return ctx.fail(error_code::der_bad_value, value.encoding.data(), "ediPartyName string OpenSSL refuses");
  }
  return c.finish("extra data after an ediPartyName");
}

}  // namespace

bool read_general_name(const der_context& ctx, der_cursor& c, x509::general_name& out) noexcept {
  x509::tlv t;
  if (!c.next(t)) return false;
  if ((t.identifier & 0xc0) != 0x80 || t.number > 8)
    return ctx.fail(error_code::der_bad_tag, t.encoding.data(), "expected a GeneralName context tag");
  out.kind = static_cast<x509::general_name_kind>(t.number);
  out.der = t.encoding;
  out.type_id = {};
  out.value = t.value;
  using kind = x509::general_name_kind;
  switch (out.kind) {
    case kind::email:
    case kind::dns:
    case kind::uri:
    case kind::ip:
      // (Also when OpenSSL could not join the segments: then it drops the SAN too.)
      if (!string_content(ctx, t, out.value))
        return ctx.fail(error_code::der_bad_value, t.encoding.data(), "GeneralName string in several BER segments");
      return true;
    case kind::registered_id:
      if (t.constructed) return ctx.fail(error_code::der_bad_tag, t.encoding.data(), "constructed registeredID");
      return check_oid(ctx, t);
    case kind::x400:
      if (!t.constructed) return ctx.fail(error_code::der_bad_tag, t.encoding.data(), "primitive GeneralName SEQUENCE");
      return true;
    case kind::edi_party:
      if (!t.constructed) return ctx.fail(error_code::der_bad_tag, t.encoding.data(), "primitive GeneralName SEQUENCE");
      return edi_party(ctx, t.value);
    case kind::directory: {
      if (!t.constructed) return ctx.fail(error_code::der_bad_tag, t.encoding.data(), "primitive directoryName");
      der_cursor inner(ctx, t.value);
      x509::tlv name;
      if (!inner.expect_list(x509::tag::sequence, name, "expected the directoryName Name") || !openssl_name(ctx, name) ||
          !inner.finish("extra data after a directoryName"))
        return false;
      out.value = name.encoding;
      return true;
    }
    case kind::other_name: {
      if (!t.constructed) return ctx.fail(error_code::der_bad_tag, t.encoding.data(), "primitive otherName");
      der_cursor inner(ctx, t.value);
      x509::tlv type, wrapper, value;
      if (!inner.expect(x509::tag::oid, type, "expected the otherName type-id") || !check_oid(ctx, type) ||
          !inner.expect(x509::tag::context_constructed(0), wrapper, "expected the otherName [0] value") ||
          !inner.finish("extra data after an otherName"))
        return false;
      der_cursor v(ctx, wrapper.value);
      if (!v.next(value) || !v.finish("extra data in an otherName value")) return false;
      if (!openssl_any(ctx, value))
        return ctx.fail(error_code::der_bad_value, value.encoding.data(), "otherName value OpenSSL refuses");
      out.type_id = type.value;
      out.value = value.encoding;
      return true;
    }
  }
  return true;
}

}  // namespace alicert::internal

namespace alicert::x509 {

general_name_reader::general_name_reader(std::span<const std::uint8_t> der) noexcept
    : base_(der.data()), p_(der.data()), end_(der.data()) {
  internal::der_fault fault;
  const internal::der_context ctx{der.data(), &fault, nullptr};
  tlv seq;
  if (!internal::read_tlv_at(ctx, der.data(), der.data() + der.size(), seq) || !internal::is_list(seq.identifier, tag::sequence)) {
    malformed_ = true;
    return;
  }
  p_ = seq.value.data();
  end_ = seq.value.data() + seq.value.size();
}

bool general_name_reader::next(general_name& out) noexcept {
  if (malformed_ || p_ == end_) return false;
  internal::der_fault fault;
  const internal::der_context ctx{base_, &fault, nullptr};
  internal::der_cursor c(ctx, {p_, static_cast<std::size_t>(end_ - p_)});
  if (!internal::read_general_name(ctx, c, out)) {
    malformed_ = true;
    return false;
  }
  p_ = c.position();
  return true;
}

}  // namespace alicert::x509
