// The public half of a private key, from its DER (RFC 5208 PKCS #8, RFC 8017
// RSAPrivateKey, RFC 5915 ECPrivateKey). Strict: every field of the forms it
// knows must be there, in order, and anything else is left to OpenSSL.
#include "x509/private_key.h"

#include <algorithm>

#include "alicert/x509/oid.h"
#include "x509/der_reader.h"

namespace alicert::internal {

using x509::tlv;
namespace tag = x509::tag;

namespace {

bool is_integer(der_cursor& c, tlv& t) noexcept { return c.expect(tag::integer, t, "") && check_integer(c.context(), t); }

bool small_integer(der_cursor& c, std::uint8_t value) noexcept {
  tlv t;
  return is_integer(c, t) && t.value.size() == 1 && t.value[0] == value;
}

// RSAPrivateKey: version 0 (two primes), n, e, d, p, q, dP, dQ, qInv.
bool read_rsa(const der_context& ctx, bytes der, key_public_half& out) noexcept {
  tlv seq, n, e, other;
  der_cursor top(ctx, der);
  if (!top.expect(tag::sequence, seq, "") || !top.done()) return false;
  der_cursor f(ctx, seq.value);
  if (!small_integer(f, 0) || !is_integer(f, n) || !is_integer(f, e)) return false;
  for (int i = 0; i < 6; ++i)
    if (!is_integer(f, other)) return false;
  if (!f.done()) return false;
  out.modulus = n.value;
  out.exponent = e.value;
  out.key_bits = bit_length(n.value);
  return out.key_bits != 0;
}

// ECPrivateKey: version 1, privateKey, [0] parameters (a namedCurve), [1]
// publicKey. `curve` comes from PKCS #8's AlgorithmIdentifier when wrapped.
bool read_ec(const der_context& ctx, bytes der, bytes curve, key_public_half& out) noexcept {
  tlv seq, scalar, params, public_key;
  der_cursor top(ctx, der);
  if (!top.expect(tag::sequence, seq, "") || !top.done()) return false;
  der_cursor f(ctx, seq.value);
  bool has_params = false, has_public = false;
  if (!small_integer(f, 1) || !f.expect(tag::octet_string, scalar, "") || scalar.value.empty() ||
      !f.optional(tag::context_constructed(0), params, has_params) ||
      !f.optional(tag::context_constructed(1), public_key, has_public) || !f.done() || !has_public)
    return false;
  if (has_params) {
    der_cursor p(ctx, params.value);
    tlv oid;
    if (!p.expect(tag::oid, oid, "") || !p.done() || !check_oid(ctx, oid)) return false;
    if (!curve.empty() && !x509::same_oid(curve, oid.value)) return false;  // two curves: OpenSSL decides
    curve = oid.value;
  }
  der_cursor pk(ctx, public_key.value);
  tlv bits;
  bytes point;
  std::uint8_t unused = 0;
  if (curve.empty() || !pk.expect(tag::bit_string, bits, "") || !pk.done() ||
      !read_bit_string(ctx, bits, point, unused) || unused != 0 || point.empty())
    return false;
  out.curve = curve;
  out.point = point;
  out.key_bits = named_curve_bits(curve);
  out.type = x509::same_oid(curve, x509::oids::sm2) ? x509::key_type::sm2 : x509::key_type::ec;
  return out.key_bits != 0;
}

// PrivateKeyInfo: version 0 or 1, the AlgorithmIdentifier, the key in an
// OCTET STRING, then optional attributes and (version 1) a public key.
bool read_pkcs8(const der_context& ctx, bytes der, key_public_half& out) noexcept {
  tlv seq, version, alg, oid, key;
  der_cursor top(ctx, der);
  if (!top.expect(tag::sequence, seq, "") || !top.done()) return false;
  der_cursor f(ctx, seq.value);
  if (!is_integer(f, version) || version.value.size() != 1 || version.value[0] > 1 ||
      !f.expect(tag::sequence, alg, "") || !f.expect(tag::octet_string, key, ""))
    return false;
  der_cursor a(ctx, alg.value);
  if (!a.expect(tag::oid, oid, "") || !check_oid(ctx, oid)) return false;
  tlv params;
  bool has_params = !a.done();
  if (has_params && !a.next(params)) return false;
  if (!a.done()) return false;
  if (x509::same_oid(oid.value, x509::oids::rsa_encryption)) {
    if (has_params && params.identifier != tag::null) return false;
    out.type = x509::key_type::rsa;
    return read_rsa(ctx, key.value, out);
  }
  if (x509::same_oid(oid.value, x509::oids::ec_public_key)) {
    if (!has_params || params.identifier != tag::oid || !check_oid(ctx, params)) return false;
    return read_ec(ctx, key.value, params.value, out);
  }
  return false;  // RSA-PSS, EdDSA, DSA, SM2 under its own OID, ...: OpenSSL reads them
}

// Two INTEGER contents of the same value (both minimal DER, so byte-equal).
bool same_integer(bytes a, bytes b) noexcept { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

}  // namespace

key_public_half read_key_public_half(bytes der, std::string_view label) noexcept {
  der_fault fault;
  const der_context ctx{der.data(), &fault, nullptr};
  key_public_half out;
  bool ok = false;
  if (label == "PRIVATE KEY") {
    ok = read_pkcs8(ctx, der, out);
  } else if (label == "RSA PRIVATE KEY") {
    out.type = x509::key_type::rsa;
    ok = read_rsa(ctx, der, out);
  } else if (label == "EC PRIVATE KEY") {
    ok = read_ec(ctx, der, {}, out);
  }
  if (!ok) return {};
  out.known = true;
  return out;
}

bool same_public_key(const key_public_half& half, const x509::spki_view& spki) noexcept {
  if (!half.known) return false;
  if (half.type == x509::key_type::rsa) {
    if (spki.type != x509::key_type::rsa || spki.unused_bits != 0) return false;
    // The certificate's RSAPublicKey: n, e.
    der_fault fault;
    const der_context ctx{spki.key.data(), &fault, nullptr};
    der_cursor top(ctx, spki.key);
    tlv seq, n, e;
    if (!top.expect(tag::sequence, seq, "") || !top.done()) return false;
    der_cursor f(ctx, seq.value);
    return is_integer(f, n) && is_integer(f, e) && f.done() && same_integer(n.value, half.modulus) &&
           same_integer(e.value, half.exponent);
  }
  if (half.type != spki.type || spki.unused_bits != 0 || spki.curve.empty()) return false;
  return x509::same_oid(spki.curve, half.curve) && same_integer(spki.key, half.point);
}

}  // namespace alicert::internal
