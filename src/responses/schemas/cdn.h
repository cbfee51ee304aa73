// CDN `DescribeCertificateInfoByID`, API version 2018-05-10:
// `{"CertInfos": {"CertInfo": [ {...} ]}, "RequestId": "..."}` (docs/responses.md, section 3).
#pragma once

#include <array>
#include <string_view>

#include "alicert/responses/cdn.h"
#include "responses/schema.h"

namespace alicert::internal::schemas {

using ci = cdn_cert_info_view;

/// One entry of CertInfos. HttpsCrt, CreateTime and DomainList are ByID's own.
inline constexpr std::array<field<ci>, 7> cdn_cert_info{{
    {"CertId", &ci::cert_id, shape::text, {}, role::id},
    {"CertName", &ci::cert_name, shape::text},
    {"CertType", &ci::cert_type, shape::text},
    {"CreateTime", &ci::create_time, shape::go_time, {check_id::not_before}, role::not_before, distinctive},
    {"CertExpireTime", &ci::cert_expire_time, shape::go_time, {check_id::not_after}, role::not_after},
    {"HttpsCrt", &ci::https_crt, shape::pem, {check_id::certificate, check_id::chain}, role::certificate_pem,
     distinctive},
    {"DomainList", &ci::domain_list, shape::domain_list, {check_id::domain_list}, role::sans, distinctive},
}};
static_assert(check_schema(cdn_cert_info));

inline constexpr std::array<field<cdn_response_view>, 1> cdn_root{{
    {"RequestId", &cdn_response_view::request_id, shape::text},
}};
static_assert(check_schema(cdn_root));
/// `CertInfos`: {"CertInfo": [...]}, {"CertInfo": {...}}, {}, or a bare array.
inline constexpr std::string_view cdn_list_key = "CertInfos";
inline constexpr std::string_view cdn_list_item_key = "CertInfo";

}  // namespace alicert::internal::schemas
