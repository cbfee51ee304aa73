// KMS `DescribeCertificate` and `GetCertificate`, API version 2016-01-20
// (docs/responses.md, section 2): flat objects.
#pragma once

#include <array>
#include <string_view>

#include "alicert/responses/kms.h"
#include "responses/schema.h"

namespace alicert::internal::schemas {

using kd = kms_describe_view;
using kg = kms_get_view;

/// DescribeCertificate. Distinctive: the keys no sibling API sends at its
/// root (SubjectAlternativeNames, Issuer, NotBefore, NotAfter, Tags and
/// Status are shared with SLB and CAS SSL responses, so they recognize
/// nothing). CertificateId, which GetCertificate shares, recognizes it only
/// when no other API's key is there.
inline constexpr std::array<field<kd>, 19> kms_describe{{
    {"CertificateId", &kd::certificate_id, shape::text, {}, role::id, fallback},
    {"Arn", &kd::arn, shape::text, {}, role::none, distinctive},
    {"ProtectionLevel", &kd::protection_level, shape::text, {}, role::none, distinctive},
    {"CreatedAt", &kd::created_at, shape::iso_time, {}, role::none, distinctive},
    {"UpdatedAt", &kd::updated_at, shape::iso_time, {}, role::none, distinctive},
    {"NotBefore", &kd::not_before, shape::iso_time, {check_id::not_before}, role::not_before},
    {"NotAfter", &kd::not_after, shape::iso_time, {check_id::not_after}, role::not_after},
    {"Issuer", &kd::issuer, shape::dn, {check_id::issuer}, role::issuer},
    {"Subject", &kd::subject, shape::dn, {check_id::subject}, role::subject, distinctive},
    {"Serial", &kd::serial, shape::hex_or_decimal, {check_id::serial}, role::serial, distinctive},
    {"KeySpec", &kd::key_spec, shape::algorithm, {check_id::key_spec}, role::key_algorithm, distinctive},
    {"SignatureAlgorithm", &kd::signature_algorithm, shape::algorithm, {check_id::signature_algorithm},
     role::signature_algorithm, distinctive},
    {"Status", &kd::status, shape::text, {}, role::status},
    {"SubjectAlternativeNames", &kd::subject_alternative_names, shape::kms_sans, {check_id::sans}, role::sans},
    {"SubjectKeyIdentifier", &kd::subject_key_identifier, shape::hex, {check_id::subject_key_identifier},
     role::none, distinctive},
    {"SubjectPublicKey", &kd::subject_public_key, shape::pem, {check_id::public_key}, role::public_key_pem,
     distinctive},
    {"Tags", &kd::tags, shape::kms_tags},
    {"ExportablePrivateKey", &kd::exportable_private_key, shape::boolean, {}, role::none, distinctive},
    {"RequestId", &kd::request_id, shape::text},
}};
static_assert(check_schema(kms_describe));

/// The key of the object XML-to-JSON wraps SubjectAlternativeNames in.
inline constexpr std::string_view kms_sans_wrapper_key = "SubjectAlternativeName";

/// GetCertificate. Its fields are named `GetCertificate.<key>` in reports,
/// since the DescribeCertificate it pairs with shares the report's vocabulary.
inline constexpr std::array<field<kg>, 5> kms_get{{
    {"CertificateId", &kg::certificate_id, shape::text, {}, role::id},
    {"Certificate", &kg::certificate, shape::pem, {check_id::certificate}, role::certificate_pem, distinctive},
    {"CertificateChain", &kg::certificate_chain, shape::pem, {check_id::chain}, role::none, distinctive},
    {"Csr", &kg::csr, shape::pem, {check_id::csr_public_key}, role::none, distinctive},
    {"RequestId", &kg::request_id, shape::text},
}};
static_assert(check_schema(kms_get));
inline constexpr std::string_view kms_get_field_prefix = "GetCertificate.";

}  // namespace alicert::internal::schemas
