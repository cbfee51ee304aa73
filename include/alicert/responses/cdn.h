// alicert: the view of a CDN `DescribeCertificateInfoByID` response, API
// version 2018-05-10: `{"CertInfos": {"CertInfo": [ {...} ]}, "RequestId": "..."}`.
// Strings borrow as stated in reported.h.
#pragma once

#include <span>

#include "alicert/responses/reported.h"

namespace alicert {

/// One entry of `CertInfos.CertInfo`.
struct cdn_cert_info_view {
  reported_text cert_id;           ///< CertId (string, or a number kept as its text)
  reported_text cert_name;         ///< CertName
  reported_text cert_type;         ///< CertType: free / cas / upload / other
  reported_time create_time;       ///< CreateTime, `2015-12-21 08:02:07 +0000 UTC`
  reported_time cert_expire_time;  ///< CertExpireTime, same layout
  reported_text https_crt;         ///< HttpsCrt: PEM, leaf first then issuers
  reported_names domain_list;      ///< DomainList
};

/// A whole DescribeCertificateInfoByID response.
struct cdn_response_view {
  /// The certificates, in document order (none for `{}` or an empty list).
  /// Borrowed from the parser.
  std::span<const cdn_cert_info_view> cert_infos;
  reported_text request_id;  ///< RequestId
};

}  // namespace alicert
