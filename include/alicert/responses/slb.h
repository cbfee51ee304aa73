// alicert: the view of an SLB `DescribeServerCertificates` response, API
// version 2014-05-15: `{"ServerCertificates": {"ServerCertificate": [...]}, "RequestId": "..."}`.
// No entry carries its certificate: the checker compares an entry with a
// certificate paired by id or digest (checker.h). Strings borrow as stated in reported.h.
#pragma once

#include <span>

#include "alicert/responses/reported.h"

namespace alicert {

/// One server certificate.
struct slb_server_certificate_view {
  reported_text server_certificate_id;       ///< ServerCertificateId (the record id)
  reported_text server_certificate_name;     ///< ServerCertificateName
  reported_text region_id;                   ///< RegionId
  reported_text region_id_alias;             ///< RegionIdAlias (older pages)
  reported_text resource_group_id;           ///< ResourceGroupId
  reported_text fingerprint;                 ///< Fingerprint: colon-separated hex
  reported_text common_name;                 ///< CommonName
  reported_names subject_alternative_names;  ///< SubjectAlternativeNames
  reported_time expire_time;                 ///< ExpireTime: ISO 8601
  reported_time expire_time_stamp;           ///< ExpireTimeStamp: milliseconds
  reported_time create_time;                 ///< CreateTime: ISO 8601 (upload time)
  reported_time create_time_stamp;           ///< CreateTimeStamp: milliseconds
  reported_int is_ali_cloud_certificate;     ///< IsAliCloudCertificate: 0 / 1
  reported_text ali_cloud_certificate_id;    ///< AliCloudCertificateId: "0" or "" when not from CAS
  reported_text ali_cloud_certificate_name;  ///< AliCloudCertificateName
  reported_text encryption_algorithm;        ///< EncryptionAlgorithm (Go v1 model only)
  reported_int encryption_key_length;        ///< EncryptionKeyLength (Go v1 model only)
  reported_text standard_type;               ///< StandardType (Go v1 model only)
  reported_tags tags;                        ///< Tags: {"Tag": [{TagKey, TagValue}]}
};

/// A whole DescribeServerCertificates response.
struct slb_response_view {
  /// The entries, in document order. Borrowed from the parser.
  std::span<const slb_server_certificate_view> server_certificates;
  reported_text request_id;  ///< RequestId
};

}  // namespace alicert
