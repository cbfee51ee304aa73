// SSL Certificates Service (CAS) `GetUserCertificateDetail` and
// `ListUserCertificateOrder`, API version 2020-04-07 (docs/siblings.md,
// sections 1 and 2).
#pragma once

#include <array>
#include <string_view>

#include "alicert/responses/ssl.h"
#include "responses/schema.h"

namespace alicert::internal::schemas {

using gd = cas_certificate_detail_view;
using ce = cas_chain_entry_view;
using co = cas_certificate_order_view;
using cl = cas_certificate_order_list_view;

/// GetUserCertificateDetail: a flat object. Distinctive: the keys that no
/// other API sends at its root (Cert, SignCert, EncryptCert, Common,
/// CertIdentifier, SerialNo, BuyInAliyun); a document that also has one of
/// gucd_excluding_keys is not this API's. Reported fields are compared with
/// `Cert`, else `SignCert`; `EncryptCert` is a certificate of its own
/// (gucd_encrypt). The key rows feed private_key against the certificate
/// their name pairs with.
inline constexpr std::array<field<gd>, 32> gucd{{
    {"Id", &gd::id, shape::integer_text, {}, role::id},
    {"CertIdentifier", &gd::cert_identifier, shape::text, {}, role::none, distinctive},
    {"Name", &gd::name, shape::text},
    {"InstanceId", &gd::instance_id, shape::text},
    {"ResourceGroupId", &gd::resource_group_id, shape::text},
    {"OrderId", &gd::order_id, shape::integer},
    {"Cert", &gd::cert, shape::pem, {check_id::certificate, check_id::chain}, role::certificate_pem, distinctive},
    {"SignCert", &gd::sign_cert, shape::pem, {check_id::certificate}, role::none, distinctive},
    {"EncryptCert", &gd::encrypt_cert, shape::pem, {}, role::none, distinctive},
    {"Key", &gd::key, shape::private_key, {check_id::private_key}, role::none, secret},
    {"SignPrivateKey", &gd::sign_private_key, shape::private_key, {check_id::private_key}, role::none, secret},
    {"EncryptPrivateKey", &gd::encrypt_private_key, shape::private_key, {}, role::none, secret},
    {"Common", &gd::common, shape::text, {check_id::common_name}, role::none, distinctive},
    {"Sans", &gd::sans, shape::untyped_sans, {check_id::sans}, role::sans},
    {"Fingerprint", &gd::fingerprint, shape::hex, {check_id::fingerprint}},
    {"Sha2", &gd::sha2, shape::hex, {check_id::sha256}, role::sha256},
    {"CertSha2", &gd::cert_sha2, shape::hex, {check_id::sha256}},
    {"SerialNo", &gd::serial_no, shape::hex, {check_id::serial}, role::serial, distinctive},
    {"Issuer", &gd::issuer, shape::text, {check_id::issuer_name}},
    {"OrgName", &gd::org_name, shape::text, {check_id::organization}, role::none, subject_only},
    {"Province", &gd::province, shape::text, {check_id::state}, role::none, subject_only},
    {"City", &gd::city, shape::text, {check_id::locality}, role::none, subject_only},
    {"Country", &gd::country, shape::text, {check_id::country}, role::none, subject_only},
    {"NotBefore", &gd::not_before, shape::millis, {check_id::not_before}, role::not_before},
    {"NotAfter", &gd::not_after, shape::millis, {check_id::not_after}, role::not_after},
    {"StartDate", &gd::start_date, shape::date, {check_id::not_before}},
    {"EndDate", &gd::end_date, shape::date, {check_id::not_after}},
    {"Expired", &gd::expired, shape::boolean, {check_id::expired}},
    {"BuyInAliyun", &gd::buy_in_aliyun, shape::boolean, {}, role::none, distinctive},
    {"Algorithm", &gd::algorithm, shape::algorithm, {check_id::key_algorithm}, role::key_algorithm},
    {"Tags", &gd::tags, shape::cas_tags},
    {"RequestId", &gd::request_id, shape::text},
}};
static_assert(check_schema(gucd));
/// Keys that make a flat object another API's: KMS (CertificateId), CDN and
/// DCDN DescribeCdnCertificateDetail (CertId, CertName, with Cert and Key).
inline constexpr std::array<std::string_view, 3> gucd_excluding_keys{"CertificateId", "CertId", "CertName"};

/// The second certificate of an SM2 pair: EncryptCert, and the key it pairs with.
/// A check-only plan over the same view (the walk reads by gucd).
inline constexpr std::array<field<gd>, 2> gucd_encrypt{{
    {"EncryptCert", &gd::encrypt_cert, shape::pem, {check_id::certificate}},
    {"EncryptPrivateKey", &gd::encrypt_private_key, shape::private_key, {check_id::private_key}, role::none, secret},
}};
static_assert(check_schema(gucd_encrypt));

/// `CertChain`: a list of these (or one, collapsed); checked as one chain_info finding.
inline constexpr std::string_view gucd_chain_key = "CertChain";
inline constexpr std::array<field<ce>, 5> gucd_chain_entry{{
    {"CommonName", &ce::common_name, shape::text},
    {"IssuerCommonName", &ce::issuer_common_name, shape::text},
    {"NotBefore", &ce::not_before, shape::millis},
    {"NotAfter", &ce::not_after, shape::millis},
    {"RemainDay", &ce::remain_day, shape::integer},
}};
static_assert(check_schema(gucd_chain_entry));

/// ListUserCertificateOrder: `CertificateOrderList` recognizes it.
inline constexpr std::string_view luco_list_key = "CertificateOrderList";
inline constexpr std::array<field<cl>, 4> luco_root{{
    {"TotalCount", &cl::total_count, shape::integer},
    {"CurrentPage", &cl::current_page, shape::integer},
    {"ShowSize", &cl::show_size, shape::integer},
    {"RequestId", &cl::request_id, shape::text},
}};
static_assert(check_schema(luco_root));

/// One entry. No PEM: every check needs a paired certificate (checker.h).
inline constexpr std::array<field<co>, 27> luco_entry{{
    {"CertificateId", &co::certificate_id, shape::integer_text, {}, role::id},
    {"Name", &co::name, shape::text},
    {"InstanceId", &co::instance_id, shape::text},
    {"ResourceGroupId", &co::resource_group_id, shape::text},
    {"Upload", &co::upload, shape::boolean},
    {"Status", &co::status, shape::text, {}, role::status},
    {"CertType", &co::cert_type, shape::text},
    {"CommonName", &co::common_name, shape::text, {check_id::common_name}},
    {"Sans", &co::sans, shape::untyped_sans, {check_id::sans}, role::sans},
    {"Fingerprint", &co::fingerprint, shape::hex, {check_id::fingerprint}},
    {"Sha2", &co::sha2, shape::hex, {check_id::sha256}, role::sha256},
    {"SerialNo", &co::serial_no, shape::hex, {check_id::serial}, role::serial},
    {"Issuer", &co::issuer, shape::text, {check_id::issuer_name}},
    {"OrgName", &co::org_name, shape::text, {check_id::organization}, role::none, subject_only},
    {"Province", &co::province, shape::text, {check_id::state}, role::none, subject_only},
    {"City", &co::city, shape::text, {check_id::locality}, role::none, subject_only},
    {"Country", &co::country, shape::text, {check_id::country}, role::none, subject_only},
    {"StartDate", &co::start_date, shape::date, {check_id::not_before}, role::not_before},
    {"EndDate", &co::end_date, shape::date, {check_id::not_after}, role::not_after},
    {"CertStartTime", &co::cert_start_time, shape::millis, {check_id::not_before}},
    {"CertEndTime", &co::cert_end_time, shape::millis, {check_id::not_after}},
    {"Expired", &co::expired, shape::boolean, {check_id::expired}},
    {"Algorithm", &co::algorithm, shape::algorithm, {check_id::key_algorithm}, role::key_algorithm},
    {"OrderId", &co::order_id, shape::integer_text},
    {"Domain", &co::domain, shape::text},
    {"ProductName", &co::product_name, shape::text},
    {"RootBrand", &co::root_brand, shape::text},
}};
static_assert(check_schema(luco_entry));

}  // namespace alicert::internal::schemas
