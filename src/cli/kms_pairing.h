// alicert CLI: pairing each kms.DescribeCertificate with the kms.GetCertificate
// of the same CertificateId in the same input, wherever it stands.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <functional>
#include <unordered_map>

#include "alicert/responses/parser.h"

namespace alicert::cli {

/// The GetCertificate documents of one input, by CertificateId. Views die at
/// the next parse, so the index keeps only where each document stands, and
/// re-parses it (with its own parser) when a DescribeCertificate asks for it.
/// The index is built on the first request, so an input without any
/// DescribeCertificate never pays for the extra pass.
class kms_pairing {
 public:
  /// `p` parses the GetCertificate documents (it must not be the parser of the
  /// main pass, whose view is still in use); `p` and `input` must outlive this.
  kms_pairing(parser& p, padded_view input) noexcept : parser_(&p), input_(input) {}

  /// The GetCertificate whose CertificateId is `certificate_id`, parsed now;
  /// null when the input has none. When there are several, the first in the
  /// input counts and `*ambiguous` (may be null) is set. The view lives until
  /// the next call or this object's end.
  const kms_get_view* find(std::string_view certificate_id, bool* ambiguous = nullptr);

 private:
  struct extent {
    std::size_t offset;
    std::size_t size;
    std::size_t count;  // GetCertificates with this id
  };
  void build_index();

  struct hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  parser* parser_;
  padded_view input_;
  bool indexed_{false};
  std::unordered_map<std::string, extent, hash, std::equal_to<>> by_id_;
  std::optional<result<document_view>> current_;
};

}  // namespace alicert::cli
