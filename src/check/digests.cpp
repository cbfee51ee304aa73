// `sha256`, `md5`, `fingerprint`: reported fingerprints against the digests
// of the DER (the fingerprint's length names its digest).
#include <array>

#include "alicert/check/compare.h"
#include "common/chars.h"
#include "run.h"

namespace alicert::internal {
namespace {

std::string_view hex_of(run& r, const std::array<std::uint8_t, EVP_MAX_MD_SIZE>& digest, unsigned size) {
  std::array<char, EVP_MAX_MD_SIZE * 2> hex{};
  return r.copy(to_hex(std::span<const std::uint8_t>(digest.data(), size), hex));
}

}  // namespace

void digest_facts(run& r, bool sha256, bool md5) {
  if (!r.cert().ok || (!sha256 && !md5)) return;
  certificate_facts& facts = r.report().facts;
  std::array<std::uint8_t, EVP_MAX_MD_SIZE> a{}, b{};
  unsigned a_size = 0, b_size = 0;
  if (sha256 && md5) {
    run_sha256_md5(r.state.sha256, r.state.md5, r.cert().view.der, a, a_size, b, b_size);
  } else {
    (sha256 ? a_size : b_size) = (sha256 ? r.state.sha256 : r.state.md5).run(r.cert().view.der, sha256 ? a : b);
  }
  if (a_size != 0) facts.sha256 = hex_of(r, a, a_size);
  if (b_size != 0) facts.md5 = hex_of(r, b, b_size);
}

namespace {

// `hex` (normalized) against digest `d` of the certificate, whose hex is `fact`.
outcome compare_digest(run& r, std::string_view hex, const digester& d, std::string_view fact, check_id c,
                       std::string_view note) {
  if (r.cert().paired_by == c)
    return {finding_status::match, fact, "the entry was paired with the certificate by this digest: a match by construction"};
  if (hex == fact) return {finding_status::match, fact, note};
  // OpenSSL's X509_digest hashes its re-encoding: the same for DER, another
  // digest for BER or non-minimal forms, which some consumers report.
  std::array<std::uint8_t, EVP_MAX_MD_SIZE> digest{};
  if (const unsigned n = reencoded_digest(r.cert().view.der, d.md(), digest); n != 0) {
    const std::string_view other = hex_of(r, digest, n);
    if (hex == other)
      return {finding_status::match, other, "the digest of the certificate re-encoded as DER (OpenSSL's X509_digest)"};
  }
  return {finding_status::mismatch, fact, note};
}

}  // namespace

outcome check_digest(run& r, const field_ref& f, check_id c) {
  const digester& d = c == check_id::sha256 ? r.state.sha256 : r.state.md5;
  const std::string_view fact = c == check_id::sha256 ? r.report().facts.sha256 : r.report().facts.md5;
  if (fact.empty()) return {finding_status::unverifiable, {}, "the digest is not available"};
  // As the APIs send it: the digest's hex in one case or the other, nothing
  // else. Normalizing it would give the fact itself.
  if (ascii_iequals(f.text, fact)) return compare_digest(r, fact, d, fact, c, {});
  r.state.chars.resize(f.text.size() + 1);
  const std::string_view hex = normalize_hex(f.text, r.state.chars, false);
  if (hex.empty()) return {finding_status::invalid, fact, "not hexadecimal"};
  return compare_digest(r, r.copy(hex), d, fact, c, {});
}

// No page names the fingerprint's digest: its length does (docs/siblings.md, decision 2).
outcome check_fingerprint(run& r, const field_ref& f) {
  r.state.chars.resize(f.text.size() + 1);
  const std::string_view hex = r.copy(normalize_hex(f.text, r.state.chars, false));
  const digester* d = nullptr;
  std::string_view note;
  switch (hex.size()) {
    case 40: d = &r.state.sha1; note = "SHA-1 of the DER (20 bytes)"; break;
    case 64: d = &r.state.sha256; note = "SHA-256 of the DER (32 bytes)"; break;
    case 32: d = &r.state.md5; note = "MD5 of the DER (16 bytes)"; break;
    default:
      return {finding_status::invalid, {}, "no digest has this length (20 bytes: SHA-1, 32: SHA-256, 16: MD5)"};
  }
  std::array<std::uint8_t, EVP_MAX_MD_SIZE> digest{};
  const unsigned n = d->run(r.cert().view.der, digest);
  if (n == 0) return {finding_status::unverifiable, {}, "the digest is not available"};
  return compare_digest(r, hex, *d, hex_of(r, digest, n), check_id::fingerprint, note);
}

}  // namespace alicert::internal
