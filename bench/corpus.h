// The documents the benchmarks run on: read from corpus/ (parse_cas, parse_kms
// pairs, parse_cdn), and built from them (CDN lists of N entries, streams);
// certificates.h generates the chains.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

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
};

enum class api_kind { cas, kms, cdn };
const char* api_label(api_kind a) noexcept;

struct api_set {
  api_kind api;
  std::vector<unit> units;
  std::vector<std::string> skipped;  ///< files refused, with the reason
  [[nodiscard]] std::size_t total_bytes() const noexcept;
};

/// The reference instant for validity checks: fixed, so runs are comparable.
std::int64_t reference_now() noexcept;

/// Reads corpus/parse_<api>/ and keeps the documents alicert parses as that
/// API with a decodable certificate. `dir` is the corpus root.
api_set load_api(const std::string& dir, api_kind api);

/// Fills pems / base64_bodies / cert_ders of `u` from its documents.
void derive_pem(unit& u);

/// A CDN document whose CertInfo list holds `n` copies of the first entry of `source`.
unit make_cdn_list(const unit& source, std::size_t n);

/// `count` documents taken round-robin from `sets` (KMS pairs contribute both
/// documents, get first), one per line. `documents` receives the number written.
std::string make_stream(const std::vector<const api_set*>& sets, std::size_t count);

}  // namespace bench
