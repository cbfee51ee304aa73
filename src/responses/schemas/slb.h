// SLB `DescribeServerCertificates`, API version 2014-05-15:
// `{"ServerCertificates": {"ServerCertificate": [...]}, "RequestId": "..."}`
// (docs/siblings.md, section 4).
#pragma once

#include <array>
#include <string_view>

#include "alicert/responses/slb.h"
#include "responses/schema.h"

namespace alicert::internal::schemas {

using sc = slb_server_certificate_view;

/// One entry. No PEM: every check needs a paired certificate (checker.h).
inline constexpr std::array<field<sc>, 19> slb_entry{{
    {"ServerCertificateId", &sc::server_certificate_id, shape::text, {}, role::id},
    {"ServerCertificateName", &sc::server_certificate_name, shape::text},
    {"RegionId", &sc::region_id, shape::text},
    {"RegionIdAlias", &sc::region_id_alias, shape::text},
    {"ResourceGroupId", &sc::resource_group_id, shape::text},
    {"Fingerprint", &sc::fingerprint, shape::hex, {check_id::fingerprint}},
    {"CommonName", &sc::common_name, shape::text, {check_id::common_name}},
    {"SubjectAlternativeNames", &sc::subject_alternative_names, shape::slb_sans, {check_id::sans}, role::sans},
    {"ExpireTime", &sc::expire_time, shape::iso_time, {check_id::not_after}, role::not_after},
    {"ExpireTimeStamp", &sc::expire_time_stamp, shape::millis, {check_id::not_after}},
    {"CreateTime", &sc::create_time, shape::iso_time},
    {"CreateTimeStamp", &sc::create_time_stamp, shape::millis},
    {"IsAliCloudCertificate", &sc::is_ali_cloud_certificate, shape::int_or_bool},
    {"AliCloudCertificateId", &sc::ali_cloud_certificate_id, shape::text},
    {"AliCloudCertificateName", &sc::ali_cloud_certificate_name, shape::text},
    {"EncryptionAlgorithm", &sc::encryption_algorithm, shape::algorithm, {check_id::key_algorithm},
     role::key_algorithm},
    {"EncryptionKeyLength", &sc::encryption_key_length, shape::integer, {check_id::key_size}, role::key_size},
    {"StandardType", &sc::standard_type, shape::text},
    {"Tags", &sc::tags, shape::kms_tags},
}};
static_assert(check_schema(slb_entry));

inline constexpr std::array<field<slb_response_view>, 1> slb_root{{
    {"RequestId", &slb_response_view::request_id, shape::text},
}};
static_assert(check_schema(slb_root));
/// `ServerCertificates`: {"ServerCertificate": [...]}, collapsed or bare like CertInfos.
inline constexpr std::string_view slb_list_key = "ServerCertificates";
inline constexpr std::string_view slb_list_item_key = "ServerCertificate";

}  // namespace alicert::internal::schemas
