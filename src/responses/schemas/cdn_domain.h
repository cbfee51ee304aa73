// CDN `DescribeDomainCertificateInfo` (2018-05-10) and DCDN
// `DescribeDcdnDomainCertificateInfo` (2018-01-15): the `CertInfos` envelope
// of DescribeCertificateInfoByID with per-domain entries (docs/siblings.md, section 3).
#pragma once

#include <array>

#include "alicert/responses/cdn_domain.h"
#include "responses/schema.h"

namespace alicert::internal::schemas {

using dc = cdn_domain_cert_info_view;

/// A CDN entry. Distinctive: every key ByID does not have (recognize.cpp
/// weighs them against ByID's own).
inline constexpr std::array<field<dc>, 15> cdn_domain_entry{{
    {"DomainName", &dc::domain_name, shape::text, {check_id::domain_list}, role::none, distinctive},
    {"CertDomainName", &dc::cert_domain_name, shape::text, {check_id::cert_domain_name}, role::none, distinctive},
    {"ServerCertificate", &dc::server_certificate, shape::pem,
     {check_id::certificate, check_id::chain, check_id::public_key}, role::certificate_pem, distinctive},
    {"ServerCertificateStatus", &dc::server_certificate_status, shape::text, {}, role::status, distinctive},
    {"CertExpireTime", &dc::cert_expire_time, shape::any_time, {check_id::not_after}, role::not_after},
    {"CertStartTime", &dc::cert_start_time, shape::any_time, {check_id::not_before}, role::not_before, distinctive},
    {"CertOrg", &dc::cert_org, shape::text, {check_id::issuer_name}, role::none, distinctive},
    {"CertId", &dc::cert_id, shape::text, {}, role::id},
    {"CertName", &dc::cert_name, shape::text},
    {"CertRegion", &dc::cert_region, shape::text, {}, role::none, distinctive},
    {"CertType", &dc::cert_type, shape::text},
    {"CertLife", &dc::cert_life, shape::text, {}, role::none, distinctive},
    {"Status", &dc::status, shape::text, {}, role::none, distinctive},
    {"CertUpdateTime", &dc::cert_update_time, shape::text, {}, role::none, distinctive},
    {"DomainCnameStatus", &dc::domain_cname_status, shape::text, {}, role::none, distinctive},
}};
static_assert(check_schema(cdn_domain_entry));

/// A DCDN entry: CDN's fields, SSLPub and SSLProtocol for ServerCertificate
/// and ServerCertificateStatus (the two keys that recognize DCDN), no
/// CertStartTime or DomainCnameStatus.
inline constexpr std::array<field<dc>, 13> dcdn_domain_entry{{
    {"DomainName", &dc::domain_name, shape::text, {check_id::domain_list}},
    {"CertDomainName", &dc::cert_domain_name, shape::text, {check_id::cert_domain_name}},
    {"SSLPub", &dc::server_certificate, shape::pem, {check_id::certificate, check_id::chain, check_id::public_key},
     role::certificate_pem, distinctive},
    {"SSLProtocol", &dc::server_certificate_status, shape::text, {}, role::status, distinctive},
    {"CertExpireTime", &dc::cert_expire_time, shape::any_time, {check_id::not_after}, role::not_after},
    {"CertOrg", &dc::cert_org, shape::text, {check_id::issuer_name}},
    {"CertId", &dc::cert_id, shape::text, {}, role::id},
    {"CertName", &dc::cert_name, shape::text},
    {"CertRegion", &dc::cert_region, shape::text},
    {"CertType", &dc::cert_type, shape::text},
    {"CertLife", &dc::cert_life, shape::text},
    {"Status", &dc::status, shape::text},
    {"CertUpdateTime", &dc::cert_update_time, shape::text},
}};
static_assert(check_schema(dcdn_domain_entry));

inline constexpr std::array<field<cdn_domain_response_view>, 1> cdn_domain_root{{
    {"RequestId", &cdn_domain_response_view::request_id, shape::text},
}};
static_assert(check_schema(cdn_domain_root));

}  // namespace alicert::internal::schemas
