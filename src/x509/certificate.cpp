// The certificate, public key and certificate request readers (RFC 5280, RFC 2986).
#include "alicert/x509/certificate.h"

#include "alicert/limits.h"
#include "alicert/x509/general_name.h"
#include "alicert/x509/oid.h"
#include "x509/der_reader.h"

namespace alicert::internal {

using x509::tlv;
namespace tag = x509::tag;

namespace {

bool expect_string(der_cursor& c, std::uint8_t id, tlv& out, const char* what) noexcept {
  const std::uint8_t constructed = static_cast<std::uint8_t>(id | 0x20);
  return c.expect(c.at(constructed) ? constructed : id, out, what);
}

bool read_algorithm(der_cursor& c, x509::algorithm_view& out, const char* what) noexcept {
  tlv seq, oid;
  if (!c.expect(tag::sequence, seq, what)) return false;
  der_cursor fields(c.context(), seq.value);
  if (!fields.expect(tag::oid, oid, "expected an algorithm OID") || !check_oid(c.context(), oid))
    return false;
  out.der = seq.encoding;
  out.oid = oid.value;
  out.parameters = {};
  if (!fields.done()) {
    tlv params;
    if (!fields.next(params)) return false;
    out.parameters = params.encoding;
  }
  return fields.finish("extra data after the algorithm parameters");
}


// Key details are best effort: OpenSSL accepts a certificate whose key it
// cannot decode, so a malformed key only leaves key_bits at 0.
void classify_key(x509::spki_view& k) noexcept {
  der_fault scratch_fault;
  const der_context ctx{k.der.data(), &scratch_fault, nullptr};
  const bytes alg = k.algorithm.oid;
  tlv params;
  bool has_params = false;
  if (!k.algorithm.parameters.empty()) has_params = read_tlv_at(ctx, k.algorithm.parameters.data(),
                                                                k.algorithm.parameters.data() + k.algorithm.parameters.size(), params);
  auto first_integer_bits = [&](bytes seq_der, unsigned skip) -> std::uint32_t {
    tlv seq, v;
    if (!read_tlv_at(ctx, seq_der.data(), seq_der.data() + seq_der.size(), seq) || seq.identifier != tag::sequence)
      return 0;
    der_cursor c(ctx, seq.value);
    for (unsigned i = 0; i < skip; ++i)
      if (!c.next(v)) return 0;
    if (!c.expect(tag::integer, v, "")) return 0;
    return bit_length(v.value);
  };

  if (x509::same_oid(alg, x509::oids::rsa_encryption) || x509::same_oid(alg, x509::oids::rsassa_pss)) {
    k.type = x509::same_oid(alg, x509::oids::rsa_encryption) ? x509::key_type::rsa : x509::key_type::rsa_pss;
    // OpenSSL ignores unused bits in the key's BIT STRING; so does alicert.
    k.key_bits = first_integer_bits(k.key, 0);
  } else if (x509::same_oid(alg, x509::oids::ec_public_key)) {
    k.type = x509::key_type::ec;
    if (has_params && params.identifier == tag::oid) {
      k.curve = params.value;
      if (x509::same_oid(params.value, x509::oids::sm2)) k.type = x509::key_type::sm2;
      k.key_bits = named_curve_bits(params.value);
    } else if (has_params && params.identifier == tag::sequence) {
      // Explicit ECParameters: version, fieldID, curve, base, then the order.
      k.key_bits = first_integer_bits(params.encoding, 4);
    }
  } else if (x509::same_oid(alg, x509::oids::sm2)) {
    k.type = x509::key_type::sm2;
    k.key_bits = 256;
    if (has_params && params.identifier == tag::oid) k.curve = params.value;
  } else if (x509::same_oid(alg, x509::oids::ed25519)) {
    k.type = x509::key_type::ed25519;
    k.key_bits = 256;
  } else if (x509::same_oid(alg, x509::oids::ed448)) {
    k.type = x509::key_type::ed448;
    k.key_bits = 456;
  } else if (x509::same_oid(alg, x509::oids::dsa)) {
    k.type = x509::key_type::dsa;
    if (has_params && params.identifier == tag::sequence) k.key_bits = first_integer_bits(params.encoding, 0);
  }
}

bool read_spki(der_cursor& c, x509::spki_view& out) noexcept {
  const der_context& ctx = c.context();
  tlv seq, bits;
  if (!c.expect(tag::sequence, seq, "expected a SubjectPublicKeyInfo SEQUENCE")) return false;
  der_cursor fields(ctx, seq.value);
  out = x509::spki_view{};
  out.der = seq.encoding;
  if (!read_algorithm(fields, out.algorithm, "expected the public key AlgorithmIdentifier") ||
      !expect_string(fields, tag::bit_string, bits, "expected the subjectPublicKey BIT STRING") ||
      !read_bit_string(ctx, bits, out.key, out.unused_bits) ||
      !fields.finish("extra data after the subjectPublicKey"))
    return false;
  classify_key(out);
  return true;
}

bool read_time(der_cursor& c, utc_seconds& when, bool& known, bytes& text) noexcept {
  const der_context& ctx = c.context();
  tlv t;
  if (!c.next(t)) return false;
  const auto base = static_cast<std::uint8_t>(t.identifier & ~0x20u);
  if (base != tag::utc_time && base != tag::generalized_time)
    return ctx.fail(error_code::der_bad_tag, t.encoding.data(), "expected a UTCTime or GeneralizedTime");
  known = false;
  when = utc_seconds{};
  if (string_content(ctx, t, text)) {
    auto parsed = base == tag::utc_time ? parse_utc_time(text) : parse_generalized_time(text);
    // A leap second is no time OpenSSL can use (ASN1_TIME_to_tm refuses it).
    const std::size_t second_at = base == tag::utc_time ? 10 : 12;
    const bool leap = text.size() > second_at + 1 && text[second_at] == '6' && text[second_at + 1] == '0';
    if (parsed && !leap) {
      when = *parsed;
      known = true;
    }
  } else {
    text = t.value;
  }
  // OpenSSL checks a time's text only when it is used, so a bad one is no reason to refuse.
  if (!known) ctx.note(quirk::der_unreadable_time);
  return true;
}

// A [1]/[2] unique identifier: an IMPLICIT BIT STRING.
bool skip_unique_id(der_cursor& c, unsigned n) noexcept {
  const std::uint8_t prim = tag::context_primitive(n), cons = tag::context_constructed(n);
  if (!c.at(prim) && !c.at(cons)) return true;
  tlv t;
  if (!c.next(t)) return false;
  bytes bits;
  std::uint8_t unused = 0;
  return read_bit_string(c.context(), t, bits, unused);
}

// Quirks seen on the way (a BER string in a name) are the certificate's.
bool valid_general_names(bytes der, quirk_set* quirks) noexcept {
  der_fault fault;
  const der_context ctx{der.data(), &fault, quirks};
  tlv seq;
  if (!read_tlv_at(ctx, der.data(), der.data() + der.size(), seq) || !is_list(seq.identifier, tag::sequence))
    return false;
  der_cursor c(ctx, seq.value);
  x509::general_name name;
  while (!c.done())
    if (!read_general_name(ctx, c, name)) return false;
  return true;
}

// AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, ... }
std::optional<bytes> key_identifier_of(bytes value) noexcept {
  der_fault fault;
  const der_context local{value.data(), &fault, nullptr};
  tlv seq, first;
  if (!read_tlv_at(local, value.data(), value.data() + value.size(), seq) || seq.identifier != tag::sequence ||
      seq.encoding.size() != value.size())
    return std::nullopt;
  der_cursor c(local, seq.value);
  if (c.done() || !c.next(first) || first.identifier != tag::context_primitive(0)) return std::nullopt;
  return first.value;
}

// An AuthorityKeyIdentifier without a keyIdentifier (issuer and serial only) is well-formed.
bool aki_present_without_id(bytes value) noexcept {
  der_fault fault;
  const der_context local{value.data(), &fault, nullptr};
  tlv seq;
  return read_tlv_at(local, value.data(), value.data() + value.size(), seq) && seq.identifier == tag::sequence &&
         seq.encoding.size() == value.size();
}

// BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
std::optional<bool> ca_of(bytes value) noexcept {
  der_fault fault;
  const der_context local{value.data(), &fault, nullptr};
  tlv seq, first;
  if (!read_tlv_at(local, value.data(), value.data() + value.size(), seq) || seq.identifier != tag::sequence ||
      seq.encoding.size() != value.size())
    return std::nullopt;
  der_cursor c(local, seq.value);
  if (c.done()) return false;
  if (!c.next(first)) return std::nullopt;
  if (first.identifier != tag::boolean) return first.identifier == tag::integer ? std::optional<bool>(false) : std::nullopt;
  if (first.value.size() != 1) return std::nullopt;
  return first.value[0] != 0;
}

bool read_extensions(der_cursor& tbs, x509::certificate_view& cert) noexcept {
  const der_context& ctx = tbs.context();
  tlv wrapper, list;
  if (!tbs.expect(tag::context_constructed(3), wrapper, "expected [3] extensions")) return false;
  der_cursor w(ctx, wrapper.value);
  if (!w.expect_list(tag::sequence, list, "expected the Extensions SEQUENCE") ||
      !w.finish("extra data after the Extensions SEQUENCE"))
    return false;
  cert.extensions = list.value;
  unsigned san_count = 0, ski_count = 0, aki_count = 0, bc_count = 0;
  bytes san_value, ski_value, aki_value, bc_value;
  bool san_ber = false, ski_ber = false, aki_ber = false, bc_ber = false;
  der_cursor exts(ctx, list.value);
  // Out of the loop: each is read before it is used, and GCC zeroes 48-byte
  // locals with rep stos, whose start-up cost was a third of this reader's time.
  tlv ext, oid, critical, value;
  while (!exts.done()) {
    bool has_critical = false;
    if (!exts.expect(tag::sequence, ext, "expected an Extension SEQUENCE")) return false;
    der_cursor f(ctx, ext.value);
    if (!f.expect(tag::oid, oid, "expected an extension OID") || !check_oid(ctx, oid) ||
        !f.optional(tag::boolean, critical, has_critical))
      return false;
    if (has_critical && critical.value.size() != 1)
      return ctx.fail(error_code::der_bad_value, critical.encoding.data(), "BOOLEAN of the wrong length");
    if (!expect_string(f, tag::octet_string, value, "expected the extension's OCTET STRING") ||
        !f.finish("extra data after an extension value"))
      return false;
    bytes content;
    const bool readable = string_content(ctx, value, content);
    if (x509::same_oid(oid.value, x509::oids::subject_alt_name)) {
      ++san_count;
      san_value = content;
      san_ber = !readable;
    } else if (x509::same_oid(oid.value, x509::oids::subject_key_identifier)) {
      ++ski_count;
      ski_value = content;
      ski_ber = !readable;
    } else if (x509::same_oid(oid.value, x509::oids::authority_key_identifier)) {
      ++aki_count;
      aki_value = content;
      aki_ber = !readable;
    } else if (x509::same_oid(oid.value, x509::oids::basic_constraints)) {
      ++bc_count;
      bc_value = content;
      bc_ber = !readable;
    }
  }
  if (aki_count == 1 && !aki_ber) cert.authority_key_identifier = key_identifier_of(aki_value);
  if (aki_count != 0 && !cert.authority_key_identifier && !aki_present_without_id(aki_value))
    ctx.note(quirk::der_bad_extension);
  if (bc_count == 1 && !bc_ber) cert.basic_constraints_ca = ca_of(bc_value);
  if (bc_count != 0 && !cert.basic_constraints_ca) ctx.note(quirk::der_bad_extension);
  // OpenSSL decodes extensions lazily, so malformed or repeated ones do not
  // make the certificate unreadable; X509_get_ext_d2i then reports them absent.
  if (san_count == 1 && !san_ber && valid_general_names(san_value, ctx.quirks)) {
    tlv seq;
    der_fault fault;
    const der_context local{san_value.data(), &fault, nullptr};
    (void)read_tlv_at(local, san_value.data(), san_value.data() + san_value.size(), seq);
    cert.subject_alt_names = seq.encoding;
  } else if (san_count != 0) {
    ctx.note(quirk::der_bad_extension);
  }
  if (ski_count == 1 && !ski_ber) {
    tlv inner;
    bytes id;
    der_fault fault;
    const der_context local{ski_value.data(), &fault, nullptr};
    if (read_tlv_at(local, ski_value.data(), ski_value.data() + ski_value.size(), inner) &&
        (inner.identifier & ~0x20u) == tag::octet_string && string_content(ctx, inner, id))
      cert.subject_key_identifier = id;
  }
  if (ski_count != 0 && !cert.subject_key_identifier) ctx.note(quirk::der_bad_extension);
  return true;
}

bool read_version(der_cursor& tbs, int& version) noexcept {
  const der_context& ctx = tbs.context();
  version = 1;
  if (!tbs.at(tag::context_constructed(0))) return true;
  tlv wrapper, v;
  if (!tbs.next(wrapper)) return false;
  der_cursor w(ctx, wrapper.value);
  if (!w.expect(tag::integer, v, "expected the version INTEGER") || !check_integer(ctx, v) ||
      !w.finish("extra data after the version"))
    return false;
  // Redundant sign octets aside, more than 4 octets is out of any sensible range.
  const bytes c = v.value;
  const bool negative = (c[0] & 0x80) != 0;
  std::size_t i = 0;
  while (i + 1 < c.size() && c[i] == (negative ? 0xff : 0x00) && ((c[i + 1] & 0x80) != 0) == negative) ++i;
  const bool huge = c.size() - i > 4;
  std::int64_t n = negative ? -1 : 0;
  for (; !huge && i < c.size(); ++i) n = n * 256 + c[i];
  if (!huge && n >= 1 && n <= 2) {
    version = static_cast<int>(n) + 1;
    return true;
  }
  ctx.note(quirk::der_unusual_version);
  version = (huge || n < 0 || n > 1'000'000) ? 0 : static_cast<int>(n) + 1;
  return true;
}

bool read_tbs(der_cursor& outer, x509::certificate_view& cert) noexcept {
  const der_context& ctx = outer.context();
  tlv tbs_tlv, serial, issuer, validity, subject;
  if (!outer.expect(tag::sequence, tbs_tlv, "expected the TBSCertificate SEQUENCE")) return false;
  cert.tbs = tbs_tlv.encoding;
  der_cursor tbs(ctx, tbs_tlv.value);
  if (!read_version(tbs, cert.version)) return false;
  if (!tbs.expect(tag::integer, serial, "expected the serialNumber INTEGER") || !check_integer(ctx, serial))
    return false;
  cert.serial = serial.value;
  if (cert.serial_negative()) ctx.note(quirk::der_negative_serial);
  if (!read_algorithm(tbs, cert.tbs_signature, "expected the signature AlgorithmIdentifier") ||
      !tbs.expect_list(tag::sequence, issuer, "expected the issuer Name") || !check_name(ctx, issuer) ||
      !tbs.expect(tag::sequence, validity, "expected the Validity SEQUENCE"))
    return false;
  cert.issuer = x509::name_view{issuer.encoding};
  der_cursor v(ctx, validity.value);
  if (!read_time(v, cert.not_before, cert.not_before_known, cert.not_before_text) ||
      !read_time(v, cert.not_after, cert.not_after_known, cert.not_after_text) ||
      !v.finish("extra data after notAfter") ||
      !tbs.expect_list(tag::sequence, subject, "expected the subject Name") || !check_name(ctx, subject))
    return false;
  cert.subject = x509::name_view{subject.encoding};
  if (!read_spki(tbs, cert.public_key) || !skip_unique_id(tbs, 1) || !skip_unique_id(tbs, 2)) return false;
  if (tbs.at(tag::context_constructed(3)) && !read_extensions(tbs, cert)) return false;
  return tbs.finish("extra data at the end of TBSCertificate");
}

result<tlv> outer_sequence(const der_context& ctx, bytes der, const char* what) noexcept {
  if (der.size() > limits::max_certificate_bytes)
    return error{error_code::certificate_too_large, "larger than limits::max_certificate_bytes", {}, 0};
  der_cursor top(ctx, der);
  tlv seq;
  if (!top.expect(tag::sequence, seq, what)) return to_error(*ctx.fault);
  // d2i_X509, d2i_PUBKEY and d2i_X509_REQ stop at the end of the outer
  // SEQUENCE and ignore what follows, so a PEM block with trailing bytes is a
  // certificate to OpenSSL: read it too, note it, and leave the bytes out.
  if (!top.done() && ctx.quirks) ctx.quirks->add(quirk::der_trailing_data);
  return seq;
}

}  // namespace

std::uint32_t named_curve_bits(bytes curve) noexcept {
  struct curve_size {
    std::span<const std::uint8_t> oid;
    std::uint32_t bits;
  };
  static constexpr std::uint8_t prime192v1[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x01};
  static constexpr std::uint8_t secp224r1[] = {0x2b, 0x81, 0x04, 0x00, 0x21};
  static constexpr std::uint8_t brainpool256[] = {0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x07};
  static constexpr std::uint8_t brainpool384[] = {0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0b};
  static constexpr std::uint8_t brainpool512[] = {0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0d};
  static constexpr curve_size sizes[] = {
      {x509::oids::prime256v1, 256}, {x509::oids::secp384r1, 384}, {x509::oids::secp521r1, 521},
      {x509::oids::secp256k1, 256},  {x509::oids::sm2, 256},       {prime192v1, 192},
      {secp224r1, 224},              {brainpool256, 256},          {brainpool384, 384},
      {brainpool512, 512},
  };
  for (const curve_size& s : sizes)
    if (x509::same_oid(s.oid, curve)) return s.bits;
  return 0;
}

}  // namespace alicert::internal

namespace alicert::x509 {

using internal::der_context;
using internal::der_cursor;
using internal::der_fault;
using internal::bytes;

result<certificate_view> read_certificate(std::span<const std::uint8_t> der) noexcept {
  certificate_view cert;
  der_fault fault;
  const der_context ctx{der.data(), &fault, &cert.quirks};
  auto outer = internal::outer_sequence(ctx, der, "expected the Certificate SEQUENCE");
  if (!outer) return outer.error();
  cert.der = outer->encoding;
  der_cursor fields(ctx, outer->value);
  tlv sig;
  std::uint8_t unused = 0;
  if (!internal::read_tbs(fields, cert) ||
      !internal::read_algorithm(fields, cert.signature_algorithm, "expected the signatureAlgorithm") ||
      !internal::expect_string(fields, tag::bit_string, sig, "expected the signatureValue BIT STRING") ||
      !internal::read_bit_string(ctx, sig, cert.signature, unused) ||
      !fields.finish("extra data after the signatureValue"))
    return internal::to_error(fault);
  return cert;
}

result<spki_view> read_public_key(std::span<const std::uint8_t> der, quirk_set* quirks) noexcept {
  der_fault fault;
  const der_context ctx{der.data(), &fault, quirks};
  auto outer = internal::outer_sequence(ctx, der, "expected the SubjectPublicKeyInfo SEQUENCE");
  if (!outer) return outer.error();
  der_cursor top(ctx, outer->encoding);
  spki_view key;
  if (!internal::read_spki(top, key)) return internal::to_error(fault);
  return key;
}

result<csr_view> read_csr(std::span<const std::uint8_t> der) noexcept {
  csr_view csr;
  der_fault fault;
  const der_context ctx{der.data(), &fault, &csr.quirks};
  auto outer = internal::outer_sequence(ctx, der, "expected the CertificationRequest SEQUENCE");
  if (!outer) return outer.error();
  csr.der = outer->encoding;
  der_cursor fields(ctx, outer->value);
  tlv info, version, subject, attributes, sig;
  bool has_attributes = false;
  bytes sig_bits;
  std::uint8_t unused = 0;
  if (!fields.expect(tag::sequence, info, "expected the CertificationRequestInfo")) return internal::to_error(fault);
  csr.info = info.encoding;
  der_cursor inner(ctx, info.value);
  if (!inner.expect(tag::integer, version, "expected the request version") ||
      !internal::check_integer(ctx, version) ||
      !inner.expect_list(tag::sequence, subject, "expected the subject Name") || !internal::check_name(ctx, subject) ||
      !internal::read_spki(inner, csr.public_key) ||
      !inner.optional(tag::context_constructed(0), attributes, has_attributes) ||
      !inner.finish("extra data after the request attributes") ||
      !internal::read_algorithm(fields, csr.signature_algorithm, "expected the signatureAlgorithm") ||
      !internal::expect_string(fields, tag::bit_string, sig, "expected the signature BIT STRING") ||
      !internal::read_bit_string(ctx, sig, sig_bits, unused) || !fields.finish("extra data after the signature"))
    return internal::to_error(fault);
  csr.subject = name_view{subject.encoding};
  return csr;
}

serial_magnitude integer_magnitude(std::span<const std::uint8_t> integer, std::span<std::uint8_t> scratch) noexcept {
  if (integer.empty()) return {};
  if ((integer[0] & 0x80) == 0) {
    std::size_t i = 0;
    while (i < integer.size() && integer[i] == 0) ++i;
    return {integer.subspan(i), false};
  }
  if (scratch.size() < integer.size()) return {{}, true};
  unsigned carry = 1;
  for (std::size_t i = integer.size(); i-- > 0;) {
    const unsigned v = (~integer[i] & 0xffu) + carry;
    scratch[i] = static_cast<std::uint8_t>(v);
    carry = v >> 8;
  }
  std::size_t i = 0;
  while (i < integer.size() && scratch[i] == 0) ++i;
  return {std::span<const std::uint8_t>{scratch.data() + i, integer.size() - i}, true};
}

}  // namespace alicert::x509
