// The key checks: `key_algorithm`, `key_size` (CAS Algorithm, KeySize,
// FullAlgorithm), `key_spec` (KMS KeySpec), `signature_algorithm`,
// `subject_key_identifier`, `public_key` (KMS SubjectPublicKey) and
// `csr_public_key` (KMS GetCertificate.Csr): each against the certificate's
// key, or its signature; on their own, KeySpec and the key identifier
// against the reported public key.
#include <algorithm>
#include <array>

#include "algorithms.h"
#include "alicert/check/compare.h"
#include "alicert/x509/oid.h"
#include "run.h"

namespace alicert::internal {
namespace {

bool same_bytes(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

}  // namespace

outcome check_key_algorithm(run& r, const field_ref& f) {
  const key_family reported = f.how == internal::shape::sized_algorithm ? parse_full_algorithm(f.text).family
                                                                          : parse_key_family(f.text);
  const key_family mine = family_of(r.cert().view.public_key.type);
  const std::string_view actual = r.report().facts.key_algorithm;
  if (reported == key_family::unknown) return {finding_status::unverifiable, actual, "unknown algorithm name"};
  if (mine == key_family::unknown)
    return {finding_status::unverifiable, actual, "the certificate's key type is not known"};
  return {reported == mine ? finding_status::match : finding_status::mismatch, actual, {}};
}

outcome check_key_size(run& r, const field_ref& f) {
  std::int64_t reported = 0;
  if (f.how == internal::shape::sized_algorithm) {
    reported = parse_full_algorithm(f.text).bits;
    if (reported == 0) return {finding_status::unverifiable, {}, "no key size in this algorithm name"};
  } else {
    reported = f.integer->value;
  }
  const std::uint32_t bits = r.cert().view.public_key.key_bits;
  if (bits == 0) return {finding_status::unverifiable, {}, "the key size cannot be derived for this key"};
  return {reported == bits ? finding_status::match : finding_status::mismatch, r.int_text(bits), {}};
}

outcome check_key_spec(run& r, const field_ref& f) {
  const loaded_key& k = r.key();
  const std::string_view actual = key_algorithm_name(k.key.type);
  const key_spec spec = parse_key_spec(f.text);
  if (spec.family == key_family::unknown) return {finding_status::unverifiable, actual, "unknown key spec"};
  if (key_matches_spec(k.key, spec)) return {finding_status::match, actual, {}};
  return {finding_status::mismatch, actual,
          k.from_certificate ? "the certificate's key differs" : "SubjectPublicKey differs"};
}

outcome check_signature_algorithm(run& r, const field_ref& f) {
  const signature_name sig = parse_signature_name(f.text);
  const std::string_view actual = r.report().facts.signature_algorithm;
  if (sig.oid.empty()) return {finding_status::unverifiable, actual, "no signature algorithm is known by this name"};
  // The name says the family of the issuer's key and the hash: the
  // certificate's signatureAlgorithm OID says both.
  const bool ok = x509::same_oid(sig.oid, r.cert().view.signature_algorithm.oid);
  return {ok ? finding_status::match : finding_status::mismatch, actual,
          ok && x509::same_oid(sig.oid, x509::oids::rsassa_pss) ? "RSA-PSS parameters not compared" : ""};
}

outcome check_key_identifier(run& r, const field_ref& f) {
  r.state.chars.resize(f.text.size() + 1);
  const std::string_view hex = normalize_hex(f.text, r.state.chars, false);
  if (hex.empty()) return {finding_status::invalid, {}, "not hexadecimal"};
  const loaded_certificate& c = r.cert();
  if (c.ok && c.view.subject_key_identifier) {
    std::array<char, 256> buf{};
    const auto ext = *c.view.subject_key_identifier;
    const std::string_view actual = r.copy(ext.size() <= 128 ? to_hex(ext, buf) : std::string_view{});
    return {hex == actual ? finding_status::match : finding_status::mismatch, actual,
            "compared with the certificate's extension"};
  }
  // No extension to compare with: RFC 5280 section 4.2.1.2's two methods over the key's bits.
  std::array<std::uint8_t, EVP_MAX_MD_SIZE> h{};
  if (r.state.sha1.run(r.key().key.key, h) != 20)
    return {finding_status::unverifiable, {}, "SHA-1 is not available"};
  std::array<std::uint8_t, 8> method2{};
  std::copy(h.begin() + 12, h.begin() + 20, method2.begin());
  method2[0] = static_cast<std::uint8_t>(0x40 | (method2[0] & 0x0f));
  std::array<char, 40> b1{}, b2{};
  const std::string_view one = to_hex(std::span<const std::uint8_t>(h.data(), 20), b1), two = to_hex(method2, b2);
  if (hex == one) return {finding_status::match, r.copy(one), "RFC 5280 method 1 (SHA-1 of the key)"};
  if (hex == two) return {finding_status::match, r.copy(two), "RFC 5280 method 2 (0100 and 60 bits of SHA-1 of the key)"};
  // Other methods are allowed: not a mismatch.
  return {finding_status::unverifiable, r.copy(one), "not derived from the key by RFC 5280 method 1 or 2"};
}

outcome check_public_key(run& r, const field_ref& f) {
  // A field that may hold a certificate or a key (CDN's per-domain ServerCertificate) held a certificate.
  if (f.certificate_source) return {finding_status::absent, {}, "the field holds a certificate, not a public key"};
  const loaded_key& k = r.reported_key();
  if (!k.ok) return {finding_status::invalid, {}, k.why};
  const bool same = same_bytes(k.key.der, r.cert().view.public_key.der);
  return {same ? finding_status::match : finding_status::mismatch, {},
          same ? "" : "the certificate carries another public key"};
}

outcome check_csr(run& r, const field_ref& f) {
  auto blocks = r.state.pem_aux.decode(f.text, &r.quirks());
  if (!blocks) return {finding_status::invalid, {}, r.copy(message_of(blocks))};
  if (blocks->empty() ||
      (blocks->front().label != "CERTIFICATE REQUEST" && blocks->front().label != "NEW CERTIFICATE REQUEST"))
    return {finding_status::invalid, {}, "the first PEM block is not a CERTIFICATE REQUEST"};
  auto req = x509::read_csr(blocks->front().der);
  if (!req) return {finding_status::invalid, {}, r.copy(message_of(req))};
  const bool same = same_bytes(req->public_key.der, r.cert().view.public_key.der);
  return {same ? finding_status::match : finding_status::mismatch, {},
          same ? "" : "the request carries another public key"};
}

}  // namespace alicert::internal
