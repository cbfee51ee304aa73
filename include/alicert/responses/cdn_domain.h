// alicert: the view of the per-domain certificate responses of CDN
// `DescribeDomainCertificateInfo` (2018-05-10) and DCDN
// `DescribeDcdnDomainCertificateInfo` (2018-01-15):
// `{"CertInfos": {"CertInfo": [ {...} ]}, "RequestId": "..."}`, one entry per
// accelerated domain. DCDN names two fields differently (SSLPub, SSLProtocol);
// both fill the same members. Strings borrow as stated in reported.h.
#pragma once

#include <span>

#include "alicert/responses/reported.h"

namespace alicert {

/// One entry: the certificate serving one domain.
struct cdn_domain_cert_info_view {
  reported_text domain_name;                ///< DomainName: the accelerated domain (`.example.com` is a wildcard)
  reported_text cert_domain_name;           ///< CertDomainName: the name that matches the certificate
  reported_text server_certificate;         ///< ServerCertificate (CDN) / SSLPub (DCDN): PEM
  reported_text server_certificate_status;  ///< ServerCertificateStatus (CDN) / SSLProtocol (DCDN): on / off
  reported_time cert_expire_time;           ///< CertExpireTime: ISO 8601 (also Go's layout, or zoneless UTC)
  reported_time cert_start_time;            ///< CertStartTime (CDN only)
  reported_text cert_org;                   ///< CertOrg: the issuing CA's display name
  reported_text cert_id;                    ///< CertId
  reported_text cert_name;                  ///< CertName
  reported_text cert_region;                ///< CertRegion
  reported_text cert_type;                  ///< CertType: free / cas / upload
  reported_text cert_life;                  ///< CertLife
  reported_text status;                     ///< Status
  reported_text cert_update_time;           ///< CertUpdateTime
  reported_text domain_cname_status;        ///< DomainCnameStatus (CDN only)
};

/// A whole per-domain response (CDN or DCDN: document_view::kind says which).
struct cdn_domain_response_view {
  /// The entries, in document order. Borrowed from the parser.
  std::span<const cdn_domain_cert_info_view> cert_infos;
  reported_text request_id;  ///< RequestId
};

}  // namespace alicert
