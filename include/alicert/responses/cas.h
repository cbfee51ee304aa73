// alicert: the view of a CAS (private CA) `DescribeClientCertificate` response,
// API version 2020-06-30: `{"Certificate": {...}, "RequestId": "..."}`.
// Field names follow the API; every field is a `reported<...>` (reported.h),
// whose strings borrow from the input or the parser as stated there.
#pragma once

#include "alicert/responses/reported.h"

namespace alicert {

/// `Certificate` of a DescribeClientCertificate response.
struct cas_certificate_view {
  reported_text x509_certificate;   ///< X509Certificate: the PEM certificate
  reported_text identifier;         ///< Identifier
  reported_text parent_identifier;  ///< ParentIdentifier
  reported_text resource_group_id;  ///< ResourceGroupId
  reported_text serial_number;      ///< SerialNumber, hex as sent
  reported_text subject_dn;         ///< SubjectDN, RFC 4514-style text
  reported_text common_name;        ///< CommonName
  reported_text organization_unit;  ///< OrganizationUnit
  reported_text organization;       ///< Organization
  reported_text locality;           ///< Locality
  reported_text state;              ///< State
  reported_text country_code;       ///< CountryCode
  reported_names sans;              ///< Sans: a string holding a JSON array (or an array)
  reported_text status;             ///< Status: ISSUE / REVOKE / any other text
  reported_time before_date;        ///< BeforeDate: milliseconds since the epoch
  reported_time after_date;         ///< AfterDate: milliseconds since the epoch
  reported_int days;                ///< Days
  reported_text algorithm;          ///< Algorithm: RSA / ECC / SM2 / other
  reported_int key_size;            ///< KeySize
  reported_text sign_algorithm;     ///< SignAlgorithm, e.g. SHA256WITHRSA
  reported_text certificate_type;   ///< CertificateType: CLIENT / SERVER / other
  reported_text sha2;               ///< Sha2: SHA-256 fingerprint, hex
  reported_text md5;                ///< Md5: MD5 fingerprint, hex
  reported_tags tags;               ///< Tags
  // Newer fields, present in recent responses.
  reported_text alias_name;         ///< AliasName
  reported_text cert_chain;         ///< CertChain (PEM blocks)
  reported_text custom_identifier;  ///< CustomIdentifier
  reported_text full_algorithm;     ///< FullAlgorithm, e.g. RSA_2048
  reported_text id;                 ///< Id
  reported_int upload_flag;         ///< UploadFlag
};

/// A whole DescribeClientCertificate response.
struct cas_response_view {
  cas_certificate_view certificate;
  reported_text request_id;  ///< RequestId
};

}  // namespace alicert
