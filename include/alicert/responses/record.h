// alicert: one normalized certificate record across the APIs, for
// programs (inventories, expiry monitors) that want the same fields whatever
// API reported them. The API-specific view stays reachable through the
// pointers. Everything is borrowed from the parser as stated in reported.h.
#pragma once

#include <cstddef>

#include "alicert/responses/document.h"

namespace alicert {

struct certificate_record {
  api source{api::cas_describe_client_certificate};
  std::size_t index{0};              ///< position in a list of entries (CDN, DCDN, SLB, CAS orders); 0 otherwise
  reported_text id;                  ///< Identifier / CertificateId / CertId
  reported_text serial;              ///< SerialNumber / Serial
  reported_time not_before;          ///< BeforeDate / NotBefore / CreateTime
  reported_time not_after;           ///< AfterDate / NotAfter / CertExpireTime
  reported_text subject;             ///< SubjectDN / Subject
  reported_text issuer;              ///< Issuer (KMS only)
  reported_names sans;               ///< Sans / SubjectAlternativeNames / DomainList
  reported_text sha256;              ///< Sha2 (CAS only)
  reported_text md5;                 ///< Md5 (CAS only)
  reported_text key_algorithm;       ///< Algorithm (CAS) / KeySpec (KMS)
  reported_int key_size;             ///< KeySize (CAS only)
  reported_text signature_algorithm; ///< SignAlgorithm / SignatureAlgorithm
  reported_text status;              ///< Status
  reported_text certificate_pem;     ///< X509Certificate / Certificate / HttpsCrt
  reported_text public_key_pem;      ///< SubjectPublicKey (KMS DescribeCertificate)

  const cas_certificate_view* cas{nullptr};
  const kms_describe_view* kms_describe{nullptr};
  const kms_get_view* kms_get{nullptr};
  const cdn_cert_info_view* cdn{nullptr};
  const cas_certificate_detail_view* cas_detail{nullptr};
  const cas_certificate_order_view* cas_order{nullptr};
  const cdn_domain_cert_info_view* cdn_domain{nullptr};  ///< CDN or DCDN per-domain entry
  const slb_server_certificate_view* slb{nullptr};
};

}  // namespace alicert
