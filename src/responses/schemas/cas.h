// CAS (private CA) `DescribeClientCertificate`, API version 2020-06-30:
// `{"Certificate": {...}, "RequestId": "..."}` (docs/responses.md, section 1).
#pragma once

#include <array>

#include "alicert/responses/cas.h"
#include "responses/schema.h"

namespace alicert::internal::schemas {

using cas = cas_certificate_view;

/// The fields of `Certificate`.
inline constexpr std::array<field<cas>, 30> cas_certificate{{
    {"X509Certificate", &cas::x509_certificate, shape::pem, {check_id::certificate}, role::certificate_pem},
    {"Identifier", &cas::identifier, shape::text, {}, role::id},
    {"SerialNumber", &cas::serial_number, shape::hex, {check_id::serial}, role::serial},
    {"SubjectDN", &cas::subject_dn, shape::dn, {check_id::subject}, role::subject},
    {"CommonName", &cas::common_name, shape::text, {check_id::common_name}},
    {"OrganizationUnit", &cas::organization_unit, shape::text, {check_id::organizational_unit}},
    {"Organization", &cas::organization, shape::text, {check_id::organization}},
    {"Locality", &cas::locality, shape::text, {check_id::locality}},
    {"State", &cas::state, shape::text, {check_id::state}},
    {"CountryCode", &cas::country_code, shape::text, {check_id::country}},
    {"Sans", &cas::sans, shape::cas_sans, {check_id::sans}, role::sans},
    {"Status", &cas::status, shape::text, {}, role::status},
    {"BeforeDate", &cas::before_date, shape::millis, {check_id::not_before}, role::not_before},
    {"AfterDate", &cas::after_date, shape::millis, {check_id::not_after}, role::not_after},
    {"Algorithm", &cas::algorithm, shape::algorithm, {check_id::key_algorithm}, role::key_algorithm},
    {"KeySize", &cas::key_size, shape::integer, {check_id::key_size}, role::key_size},
    {"SignAlgorithm", &cas::sign_algorithm, shape::algorithm, {check_id::signature_algorithm},
     role::signature_algorithm},
    {"CertificateType", &cas::certificate_type, shape::text},
    {"ParentIdentifier", &cas::parent_identifier, shape::text},
    {"Sha2", &cas::sha2, shape::hex, {check_id::sha256}, role::sha256},
    {"Md5", &cas::md5, shape::hex, {check_id::md5}, role::md5},
    {"Days", &cas::days, shape::integer, {check_id::validity_days}},
    {"ResourceGroupId", &cas::resource_group_id, shape::text},
    {"Tags", &cas::tags, shape::cas_tags},
    {"AliasName", &cas::alias_name, shape::text},
    {"CertChain", &cas::cert_chain, shape::pem},
    {"CustomIdentifier", &cas::custom_identifier, shape::text},
    {"FullAlgorithm", &cas::full_algorithm, shape::sized_algorithm, {check_id::key_algorithm, check_id::key_size}},
    {"Id", &cas::id, shape::text},
    {"UploadFlag", &cas::upload_flag, shape::integer},
}};
static_assert(check_schema(cas_certificate));

/// The root object; `Certificate` (an object) is read by cas_certificate.
inline constexpr std::array<field<cas_response_view>, 1> cas_root{{
    {"RequestId", &cas_response_view::request_id, shape::text},
}};
static_assert(check_schema(cas_root));
inline constexpr std::string_view cas_certificate_key = "Certificate";

/// The keys inside a CAS `Sans` entry: {"Type": 2, "Value": "a.example.com"}.
inline constexpr std::string_view cas_sans_type_key = "Type";
inline constexpr std::string_view cas_sans_value_key = "Value";
/// The keys of one tag, CAS `{TagKey, TagValue}` and the `{Key, Value}` other APIs send.
inline constexpr std::array<std::string_view, 2> tag_key_keys{"TagKey", "Key"};
inline constexpr std::array<std::string_view, 2> tag_value_keys{"TagValue", "Value"};

}  // namespace alicert::internal::schemas
