// Pairing an entry that carries no certificate (CAS SSL ListUserCertificateOrder,
// SLB DescribeServerCertificates) with a certificate of another document of
// the input (check_options::certificates): by id first, as Terraform's
// provider and certimate pair them, else by digest. The first candidate in
// input order counts; a second that fits too is noted (ambiguous_pair).
#include <array>

#include "alicert/check/compare.h"
#include "run.h"

namespace alicert::internal {
namespace {

// The digests of candidate `i`, computed once per check() (state.candidates).
const candidate_digests& digests_of(run& r, std::size_t i) {
  auto& cache = r.state.candidates;
  if (cache.size() <= i) cache.resize(r.options.certificates.size());
  candidate_digests& d = cache[i];
  if (d.done) return d;
  d.done = true;
  auto blocks = r.state.pem_aux.decode(r.options.certificates[i].pem, nullptr);
  if (!blocks || blocks->empty()) return d;
  const auto der = blocks->front().der;
  std::array<std::uint8_t, EVP_MAX_MD_SIZE> h{};
  const auto hex = [&](const digester& g, std::string_view& out) {
    std::array<char, EVP_MAX_MD_SIZE * 2> buf{};
    if (const unsigned n = g.run(der, h); n != 0) out = r.copy(to_hex(std::span<const std::uint8_t>(h.data(), n), buf));
  };
  hex(r.state.sha256, d.sha256);
  hex(r.state.sha1, d.sha1);
  hex(r.state.md5, d.md5);
  return d;
}

// Reported hex, normalized (empty when absent, masked or not hex).
std::string_view reported_hex(run& r, const reported_text& f) {
  if (!f.present() || is_masked(f.text)) return {};
  r.state.chars.resize(f.text.size() + 1);
  return r.copy(normalize_hex(f.text, r.state.chars, false));
}

// The first candidate `fits`, noting a second one.
template <class Fits>
pairing first_fit(run& r, Fits&& fits) {
  pairing p;
  const auto& all = r.options.certificates;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!fits(i)) continue;
    if (p.partner != nullptr) {
      p.ambiguous = true;
      break;
    }
    p.partner = &all[i];
  }
  return p;
}

// By the digest a fingerprint's length names, or by Sha2.
pairing by_digest(run& r, std::string_view sha2, std::string_view fingerprint) {
  if (!sha2.empty()) {
    pairing p = first_fit(r, [&](std::size_t i) { return digests_of(r, i).sha256 == sha2; });
    if (p.partner) {
      p.how = "the certificate of the input whose SHA-256 is Sha2";
      p.by = check_id::sha256;
      return p;
    }
  }
  if (fingerprint.empty()) return {};
  pairing p = first_fit(r, [&](std::size_t i) {
    const candidate_digests& d = digests_of(r, i);
    return d.sha1 == fingerprint || d.sha256 == fingerprint || d.md5 == fingerprint;
  });
  if (p.partner) {
    p.how = "the certificate of the input whose digest is Fingerprint";
    p.by = check_id::fingerprint;
  }
  return p;
}

// `id` before the first '-' of a CertIdentifier (`<Id>-cn-hangzhou`).
std::string_view identifier_prefix(std::string_view identifier) noexcept {
  return identifier.substr(0, identifier.find('-'));
}

}  // namespace

pairing pair_order(run& r, const cas_certificate_order_view& e) {
  if (e.certificate_id.present()) {
    const std::string_view id = e.certificate_id.value;
    pairing p = first_fit(r, [&](std::size_t i) {
      const paired_certificate& c = r.options.certificates[i];
      return c.cas_id == id || (!c.cas_identifier.empty() && identifier_prefix(c.cas_identifier) == id);
    });
    if (p.partner) {
      p.how = "the certificate of the GetUserCertificateDetail whose Id is this CertificateId";
      return p;
    }
  }
  pairing p = by_digest(r, reported_hex(r, e.sha2), reported_hex(r, e.fingerprint));
  if (!p.partner) p.how = "no certificate of the input has this CertificateId, Sha2 or Fingerprint";
  return p;
}

pairing pair_server_certificate(run& r, const slb_server_certificate_view& e) {
  const std::string_view id = e.ali_cloud_certificate_id.value;
  // A numeric CAS id only (decision 8); "0" or "" when the certificate is not from CAS.
  if (e.is_ali_cloud_certificate.present() && e.is_ali_cloud_certificate.value == 1 && !id.empty() && id != "0") {
    pairing p = first_fit(r, [&](std::size_t i) {
      const paired_certificate& c = r.options.certificates[i];
      return c.cas_id == id || c.cas_identifier == id;
    });
    if (p.partner) {
      p.how = "the certificate of the GetUserCertificateDetail whose Id is AliCloudCertificateId";
      return p;
    }
  }
  pairing p = by_digest(r, {}, reported_hex(r, e.fingerprint));
  if (!p.partner) p.how = "no certificate of the input has this AliCloudCertificateId or Fingerprint";
  return p;
}

}  // namespace alicert::internal
