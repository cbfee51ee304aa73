// The documents the benchmarks run on: read from corpus/ (parse_<label> of
// every API, KMS as get + describe pairs), and built from them (CDN lists of
// N entries, streams); certificates.h generates the chains.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <vector>

#include "alicert/check/checker.h"
#include "alicert/responses/padded.h"

namespace bench {

/// One JSON document, as text (for the peers, which take std::string) and as
/// a padded buffer (for alicert and simdjson).
struct json_doc {
  std::string name;
  std::string text;
  alicert::padded_buffer padded;

  json_doc() = default;
  json_doc(std::string n, std::string t);
};

/// What one benchmark iteration processes: one document, or for KMS the pair
/// GetCertificate + DescribeCertificate (in that order: the describe is
/// checked against the get).
struct unit {
  std::string name;
  std::vector<json_doc> docs;
  std::size_t bytes{0};
  /// Every PEM field of the unit, unescaped, certificate first.
  std::vector<std::string> pems;
  /// The base64 body of every PEM block in `pems`, armour lines removed.
  std::vector<std::string> base64_bodies;
  /// The DER of every CERTIFICATE block, the checked certificate first.
  std::vector<std::vector<std::uint8_t>> cert_ders;
  /// The DER of every chain the check verifies, the checked certificate
  /// first, then the issuers the document gives it (KMS Certificate +
  /// CertificateChain, CDN HttpsCrt, gucd Cert, per-domain ServerCertificate).
  std::vector<std::vector<std::vector<std::uint8_t>>> chains;
  /// For the APIs whose entries carry no PEM (luco, slb): the certificates
  /// offered to them (check_options::certificates), so that their check pairs
  /// and does the work `alicert check` does. Points into a partner_store.
  std::span<const alicert::paired_certificate> partners;
};

/// Labels: cas = cas.DescribeClientCertificate, kms = the GetCertificate +
/// DescribeCertificate pair, cdn = cdn.DescribeCertificateInfoByID, gucd =
/// cas.GetUserCertificateDetail, luco = cas.ListUserCertificateOrder,
/// cdn_domain = cdn.DescribeDomainCertificateInfo, dcdn =
/// dcdn.DescribeDcdnDomainCertificateInfo, slb = slb.DescribeServerCertificates.
enum class api_kind { cas, kms, cdn, gucd, luco, cdn_domain, dcdn, slb };
inline constexpr std::array<api_kind, 8> all_apis{api_kind::cas,  api_kind::kms,        api_kind::cdn,
                                                  api_kind::gucd, api_kind::luco,       api_kind::cdn_domain,
                                                  api_kind::dcdn, api_kind::slb};
const char* api_label(api_kind a) noexcept;
/// False for luco and slb, whose documents embed no PEM: the benchmarks of
/// PEM decoding, DER reading and digests have nothing to run on there.
constexpr bool carries_pem(api_kind a) noexcept { return a != api_kind::luco && a != api_kind::slb; }

struct api_set {
  api_kind api;
  std::vector<unit> units;
  std::vector<std::string> skipped;  ///< files refused, with the reason
  [[nodiscard]] std::size_t total_bytes() const noexcept;
};

/// The reference instant for validity checks: fixed, so runs are comparable.
std::int64_t reference_now() noexcept;

/// Reads corpus/parse_<api>/ and keeps the documents alicert parses as that
/// API with a decodable certificate (luco and slb: with at least one entry,
/// since they carry none). `dir` is the corpus root.
api_set load_api(const std::string& dir, api_kind api);

/// Certificates offered for pairing, owning their text: the views
/// certificates_of() gives borrow from a parser that will parse again.
struct partner_store {
  std::deque<std::string> texts;  ///< a deque: appending never moves the strings the views point into
  std::vector<alicert::paired_certificate> certificates;
};

/// Appends to `out` the certificates_of() every document of `source`, copied.
void collect_partners(const api_set& source, partner_store& out);

/// Fills pems / base64_bodies / cert_ders of `u` from its documents.
void derive_pem(unit& u);

/// A CDN document whose CertInfo list holds `n` copies of the first entry of `source`.
unit make_cdn_list(const unit& source, std::size_t n);

/// `count` documents taken round-robin from `sets` (KMS pairs contribute both
/// documents, get first), one per line. `documents` receives the number written.
std::string make_stream(const std::vector<const api_set*>& sets, std::size_t count);

}  // namespace bench
