// alicert: one parsed response document, whichever API it came from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "alicert/export.h"
#include "alicert/quirks.h"
#include "alicert/responses/api_error.h"
#include "alicert/responses/cas.h"
#include "alicert/responses/cdn.h"
#include "alicert/responses/cdn_domain.h"
#include "alicert/responses/kms.h"
#include "alicert/responses/slb.h"
#include "alicert/responses/ssl.h"

namespace alicert {

/// The kind of a response document.
enum class api : std::uint8_t {
  cas_describe_client_certificate,  ///< "cas.DescribeClientCertificate"
  kms_describe_certificate,         ///< "kms.DescribeCertificate"
  kms_get_certificate,              ///< "kms.GetCertificate"
  cdn_describe_certificate_info,    ///< "cdn.DescribeCertificateInfoByID"
  api_error,                        ///< "api_error": the error envelope
  cas_get_user_certificate_detail,        ///< "cas.GetUserCertificateDetail"
  cas_list_user_certificate_order,        ///< "cas.ListUserCertificateOrder"
  cdn_describe_domain_certificate_info,   ///< "cdn.DescribeDomainCertificateInfo"
  dcdn_describe_domain_certificate_info,  ///< "dcdn.DescribeDcdnDomainCertificateInfo"
  slb_describe_server_certificates,       ///< "slb.DescribeServerCertificates"
};

/// Number of api values (0 .. api_count-1); new APIs are only ever appended.
inline constexpr std::size_t api_count = static_cast<std::size_t>(api::slb_describe_server_certificates) + 1;

/// The stable name of `a` used in reports, e.g. "kms.GetCertificate".
ALICERT_API std::string_view api_name(api a) noexcept;

/// A parsed document. Exactly one of the typed views is non-null, the one
/// `kind` names. The views, and every string they hold, are borrowed from the
/// parser and the input (see reported.h): valid until the parser's next parse
/// or destruction, and while the input is alive.
struct document_view {
  api kind{api::api_error};
  /// The document's own bytes in the input.
  std::string_view json{};
  /// Byte offset of the document in the input (non-zero in a stream).
  std::size_t offset{0};
  /// Every tolerated deviation seen in this document.
  quirk_set quirks{};
  /// RequestId, whichever API.
  reported_text request_id{};

  const cas_response_view* cas{nullptr};
  const kms_describe_view* kms_describe{nullptr};
  const kms_get_view* kms_get{nullptr};
  const cdn_response_view* cdn{nullptr};
  const api_error_view* error{nullptr};
  const cas_certificate_detail_view* cas_detail{nullptr};
  const cas_certificate_order_list_view* cas_orders{nullptr};
  /// Both cdn.DescribeDomainCertificateInfo and dcdn.DescribeDcdnDomainCertificateInfo.
  const cdn_domain_response_view* cdn_domain{nullptr};
  const slb_response_view* slb{nullptr};
};

}  // namespace alicert
