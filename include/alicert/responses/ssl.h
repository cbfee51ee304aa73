// alicert: the views of the SSL Certificates Service (CAS) responses, API
// version 2020-04-07: `GetUserCertificateDetail` (a flat object) and
// `ListUserCertificateOrder` (`{"CertificateOrderList": [...], ...}`).
// Strings borrow as stated in reported.h.
//
// Private keys: `key`, `sign_private_key` and `encrypt_private_key` hold PEM
// private keys. Their text is a view of the input, or of memory the parser
// wipes before it reads its next document and when it is destroyed; nothing
// alicert writes (reports, errors, quirk notes) ever contains a byte of them.
#pragma once

#include "alicert/responses/reported.h"

namespace alicert {

/// One entry of GetUserCertificateDetail's `CertChain`.
struct cas_chain_entry_view {
  reported_text common_name;         ///< CommonName
  reported_text issuer_common_name;  ///< IssuerCommonName
  reported_time not_before;          ///< NotBefore, milliseconds since the epoch
  reported_time not_after;           ///< NotAfter, milliseconds since the epoch
  reported_int remain_day;           ///< RemainDay: depends on when the service answered; never compared
};

/// A whole GetUserCertificateDetail response.
struct cas_certificate_detail_view {
  reported_text id;                   ///< Id (int64; kept as its text: the record id)
  reported_text cert_identifier;      ///< CertIdentifier, `<Id>-cn-hangzhou`
  reported_text name;                 ///< Name
  reported_text instance_id;          ///< InstanceId
  reported_text resource_group_id;    ///< ResourceGroupId
  reported_int order_id;              ///< OrderId
  reported_text cert;                 ///< Cert: PEM, leaf then any issuers
  reported_text sign_cert;            ///< SignCert: PEM (SM2 signing certificate)
  reported_text encrypt_cert;         ///< EncryptCert: PEM (SM2 encryption certificate)
  reported_text key;                  ///< Key: PEM private key (see the file comment)
  reported_text sign_private_key;     ///< SignPrivateKey: PEM private key
  reported_text encrypt_private_key;  ///< EncryptPrivateKey: PEM private key
  reported_text common;               ///< Common: the primary domain
  reported_names sans;                ///< Sans: "a.com,b.com", a JSON array, or a string holding one
  reported_text fingerprint;          ///< Fingerprint: hex (SHA-1 for 40 digits)
  reported_text sha2;                 ///< Sha2: SHA-256, hex
  reported_text cert_sha2;            ///< CertSha2: SHA-256, hex (newest SDK model only)
  reported_text serial_no;            ///< SerialNo: hex, maybe padded with a zero
  reported_text issuer;               ///< Issuer: the CA's display name (not a DN)
  reported_text org_name;             ///< OrgName (of the purchaser)
  reported_text province;             ///< Province
  reported_text city;                 ///< City
  reported_text country;              ///< Country
  reported_time not_before;           ///< NotBefore: milliseconds
  reported_time not_after;            ///< NotAfter: milliseconds
  reported_time start_date;           ///< StartDate: `YYYY-MM-DD` (midnight UTC of that date)
  reported_time end_date;             ///< EndDate: `YYYY-MM-DD`
  reported_bool expired;              ///< Expired
  reported_bool buy_in_aliyun;        ///< BuyInAliyun
  reported_text algorithm;            ///< Algorithm: RSA / ECC / SM2
  reported_list<cas_chain_entry_view> cert_chain;  ///< CertChain
  reported_tags tags;                 ///< Tags
  reported_text request_id;           ///< RequestId
};

/// One entry of ListUserCertificateOrder's `CertificateOrderList`: a
/// certificate (OrderType CERT/UPLOAD) or an order (CPACK/BUY).
struct cas_certificate_order_view {
  reported_text certificate_id;     ///< CertificateId (int64, kept as its text: the record id)
  reported_text name;               ///< Name
  reported_text instance_id;        ///< InstanceId
  reported_text resource_group_id;  ///< ResourceGroupId
  reported_bool upload;             ///< Upload
  reported_text status;             ///< Status
  reported_text cert_type;          ///< CertType: DV / OV / EV / FREE
  reported_text common_name;        ///< CommonName
  reported_names sans;              ///< Sans, comma-separated
  reported_text fingerprint;        ///< Fingerprint: hex
  reported_text sha2;               ///< Sha2: SHA-256, hex
  reported_text serial_no;          ///< SerialNo: hex
  reported_text issuer;             ///< Issuer: the CA's display name
  reported_text org_name;           ///< OrgName
  reported_text province;           ///< Province
  reported_text city;               ///< City
  reported_text country;            ///< Country
  reported_time start_date;         ///< StartDate: `YYYY-MM-DD`
  reported_time end_date;           ///< EndDate: `YYYY-MM-DD`
  reported_time cert_start_time;    ///< CertStartTime: milliseconds
  reported_time cert_end_time;      ///< CertEndTime: milliseconds
  reported_bool expired;            ///< Expired
  reported_text algorithm;          ///< Algorithm
  reported_text order_id;           ///< OrderId (int64, kept as its text: the id of an order)
  reported_text domain;             ///< Domain
  reported_text product_name;       ///< ProductName
  reported_text root_brand;         ///< RootBrand
};

/// A whole ListUserCertificateOrder response.
struct cas_certificate_order_list_view {
  /// The entries, in document order. Borrowed from the parser.
  std::span<const cas_certificate_order_view> orders;
  reported_int total_count;   ///< TotalCount
  reported_int current_page;  ///< CurrentPage
  reported_int show_size;     ///< ShowSize
  reported_text request_id;   ///< RequestId
};

}  // namespace alicert
