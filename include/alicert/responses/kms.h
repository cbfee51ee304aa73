// alicert: the views of the KMS `DescribeCertificate` and `GetCertificate`
// responses, API version 2016-01-20 (flat objects). Strings borrow as stated
// in reported.h.
#pragma once

#include "alicert/responses/reported.h"

namespace alicert {

/// DescribeCertificate: reports fields about a certificate and embeds only its
/// public key; the certificate itself comes from GetCertificate.
struct kms_describe_view {
  reported_text certificate_id;            ///< CertificateId (pairs it with its GetCertificate)
  reported_text arn;                       ///< Arn
  reported_text protection_level;          ///< ProtectionLevel: SOFTWARE / HSM / other
  reported_time created_at;                ///< CreatedAt, ISO 8601
  reported_time updated_at;                ///< UpdatedAt, ISO 8601
  reported_time not_before;                ///< NotBefore, ISO 8601
  reported_time not_after;                 ///< NotAfter, ISO 8601
  reported_text issuer;                    ///< Issuer, DN text
  reported_text subject;                   ///< Subject, DN text
  reported_text serial;                    ///< Serial: hex, or decimal digits
  reported_text key_spec;                  ///< KeySpec: RSA_2048, EC_P256, EC_SM2, other
  reported_text signature_algorithm;       ///< SignatureAlgorithm: RSA2048-SHA256, ECDSA-SHA256, SM2-SM3, other
  reported_text status;                    ///< Status: PENDING / ACTIVE / DISABLE / REVOKED / other
  reported_names subject_alternative_names;///< SubjectAlternativeNames
  reported_text subject_key_identifier;    ///< SubjectKeyIdentifier: "79 36 26 DE ..."
  reported_text subject_public_key;        ///< SubjectPublicKey: PEM PUBLIC KEY
  reported_tags tags;                      ///< Tags
  reported_bool exportable_private_key;    ///< ExportablePrivateKey
  reported_text request_id;                ///< RequestId
};

/// GetCertificate: the certificate, its issuers and its CSR.
struct kms_get_view {
  reported_text certificate_id;     ///< CertificateId
  reported_text certificate;        ///< Certificate: PEM
  reported_text certificate_chain;  ///< CertificateChain: PEM blocks, the issuers
  reported_text csr;                ///< Csr: PEM CERTIFICATE REQUEST
  reported_text request_id;         ///< RequestId
};

}  // namespace alicert
