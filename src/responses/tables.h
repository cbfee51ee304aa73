// Internal: the field tables of the views, one row per JSON key.
#pragma once

#include <array>
#include <cstddef>

#include "alicert/responses/document.h"
#include "fields.h"

namespace alicert::internal {

#define ALICERT_FIELD(key, kind, owner, view, member)                                   \
  field_spec {                                                                          \
    key, field_kind::kind, target::owner, static_cast<std::uint16_t>(offsetof(view, member)) \
  }

// `Certificate` of CAS DescribeClientCertificate.
inline constexpr std::array cas_certificate_fields{
    ALICERT_FIELD("X509Certificate", text, cas, cas_certificate_view, x509_certificate),
    ALICERT_FIELD("Identifier", text, cas, cas_certificate_view, identifier),
    ALICERT_FIELD("SerialNumber", text, cas, cas_certificate_view, serial_number),
    ALICERT_FIELD("SubjectDN", text, cas, cas_certificate_view, subject_dn),
    ALICERT_FIELD("CommonName", text, cas, cas_certificate_view, common_name),
    ALICERT_FIELD("OrganizationUnit", text, cas, cas_certificate_view, organization_unit),
    ALICERT_FIELD("Organization", text, cas, cas_certificate_view, organization),
    ALICERT_FIELD("Locality", text, cas, cas_certificate_view, locality),
    ALICERT_FIELD("State", text, cas, cas_certificate_view, state),
    ALICERT_FIELD("CountryCode", text, cas, cas_certificate_view, country_code),
    ALICERT_FIELD("Sans", cas_sans, cas, cas_certificate_view, sans),
    ALICERT_FIELD("Status", text, cas, cas_certificate_view, status),
    ALICERT_FIELD("BeforeDate", millis, cas, cas_certificate_view, before_date),
    ALICERT_FIELD("AfterDate", millis, cas, cas_certificate_view, after_date),
    ALICERT_FIELD("Algorithm", text, cas, cas_certificate_view, algorithm),
    ALICERT_FIELD("KeySize", integer, cas, cas_certificate_view, key_size),
    ALICERT_FIELD("SignAlgorithm", text, cas, cas_certificate_view, sign_algorithm),
    ALICERT_FIELD("CertificateType", text, cas, cas_certificate_view, certificate_type),
    ALICERT_FIELD("ParentIdentifier", text, cas, cas_certificate_view, parent_identifier),
    ALICERT_FIELD("Sha2", text, cas, cas_certificate_view, sha2),
    ALICERT_FIELD("Md5", text, cas, cas_certificate_view, md5),
    ALICERT_FIELD("Days", integer, cas, cas_certificate_view, days),
    ALICERT_FIELD("ResourceGroupId", text, cas, cas_certificate_view, resource_group_id),
    ALICERT_FIELD("Tags", cas_tags, cas, cas_certificate_view, tags),
    ALICERT_FIELD("AliasName", text, cas, cas_certificate_view, alias_name),
    ALICERT_FIELD("CertChain", text, cas, cas_certificate_view, cert_chain),
    ALICERT_FIELD("CustomIdentifier", text, cas, cas_certificate_view, custom_identifier),
    ALICERT_FIELD("FullAlgorithm", text, cas, cas_certificate_view, full_algorithm),
    ALICERT_FIELD("Id", text, cas, cas_certificate_view, id),
    ALICERT_FIELD("UploadFlag", integer, cas, cas_certificate_view, upload_flag),
};

// One entry of CDN CertInfos.CertInfo.
inline constexpr std::array cdn_cert_info_fields{
    ALICERT_FIELD("CertId", text, cdn, cdn_cert_info_view, cert_id),
    ALICERT_FIELD("CertName", text, cdn, cdn_cert_info_view, cert_name),
    ALICERT_FIELD("CertType", text, cdn, cdn_cert_info_view, cert_type),
    ALICERT_FIELD("CreateTime", go_time, cdn, cdn_cert_info_view, create_time),
    ALICERT_FIELD("CertExpireTime", go_time, cdn, cdn_cert_info_view, cert_expire_time),
    ALICERT_FIELD("HttpsCrt", text, cdn, cdn_cert_info_view, https_crt),
    ALICERT_FIELD("DomainList", domain_list, cdn, cdn_cert_info_view, domain_list),
};

// The root object of every document except the structured `Certificate`
// (CAS) and `CertInfos` (CDN), which the walker reads itself. RequestId and
// CertificateId are read once and shared by the views that carry them.
inline constexpr std::array root_fields{
    ALICERT_FIELD("CertificateId", text, kms_describe, kms_describe_view, certificate_id),
    ALICERT_FIELD("Arn", text, kms_describe, kms_describe_view, arn),
    ALICERT_FIELD("ProtectionLevel", text, kms_describe, kms_describe_view, protection_level),
    ALICERT_FIELD("CreatedAt", iso_time, kms_describe, kms_describe_view, created_at),
    ALICERT_FIELD("UpdatedAt", iso_time, kms_describe, kms_describe_view, updated_at),
    ALICERT_FIELD("NotBefore", iso_time, kms_describe, kms_describe_view, not_before),
    ALICERT_FIELD("NotAfter", iso_time, kms_describe, kms_describe_view, not_after),
    ALICERT_FIELD("Issuer", text, kms_describe, kms_describe_view, issuer),
    ALICERT_FIELD("Subject", text, kms_describe, kms_describe_view, subject),
    ALICERT_FIELD("Serial", text, kms_describe, kms_describe_view, serial),
    ALICERT_FIELD("KeySpec", text, kms_describe, kms_describe_view, key_spec),
    ALICERT_FIELD("SignatureAlgorithm", text, kms_describe, kms_describe_view, signature_algorithm),
    ALICERT_FIELD("Status", text, kms_describe, kms_describe_view, status),
    ALICERT_FIELD("SubjectAlternativeNames", kms_sans, kms_describe, kms_describe_view,
                  subject_alternative_names),
    ALICERT_FIELD("SubjectKeyIdentifier", text, kms_describe, kms_describe_view, subject_key_identifier),
    ALICERT_FIELD("SubjectPublicKey", text, kms_describe, kms_describe_view, subject_public_key),
    ALICERT_FIELD("Tags", kms_tags, kms_describe, kms_describe_view, tags),
    ALICERT_FIELD("ExportablePrivateKey", boolean, kms_describe, kms_describe_view, exportable_private_key),
    ALICERT_FIELD("CertificateChain", text, kms_get, kms_get_view, certificate_chain),
    ALICERT_FIELD("Csr", text, kms_get, kms_get_view, csr),
    field_spec{"RequestId", field_kind::text, target::document, offsetof(document_view, request_id), true},
    field_spec{"Code", field_kind::text, target::api_error, offsetof(api_error_view, code), true},
    field_spec{"Message", field_kind::text, target::api_error, offsetof(api_error_view, message), true},
    field_spec{"HostId", field_kind::text, target::api_error, offsetof(api_error_view, host_id), true},
    field_spec{"Recommend", field_kind::text, target::api_error, offsetof(api_error_view, recommend), true},
    field_spec{"AccessDeniedDetail", field_kind::raw_json, target::api_error,
               offsetof(api_error_view, access_denied_detail), true},
};

#undef ALICERT_FIELD

// The first root key that only DescribeCertificate has (Arn .. ExportablePrivateKey).
inline constexpr std::size_t kms_describe_only_first = 1;
inline constexpr std::size_t kms_describe_only_last = 17;
// The root keys that only GetCertificate has (CertificateChain, Csr).
inline constexpr std::size_t kms_get_only_first = 18;
// walker::fields() marks the keys seen in a 64-bit set, one bit per row.
static_assert(cas_certificate_fields.size() <= 64 && cdn_cert_info_fields.size() <= 64 &&
              root_fields.size() <= 64);
static_assert(root_fields[kms_describe_only_first].key == "Arn");
static_assert(root_fields[kms_describe_only_last].key == "ExportablePrivateKey");
static_assert(root_fields[kms_get_only_first].key == "CertificateChain");
static_assert(root_fields[kms_get_only_first + 1].key == "Csr");

}  // namespace alicert::internal
