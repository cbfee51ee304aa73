// The pieces of the usual OpenSSL check that every API's check shares
// (naive_openssl.cpp for cas/kms/cdn, naive_openssl_siblings.cpp for the
// sibling APIs): what an application writes once on top of OpenSSL and
// JsonCpp. Plain functions, no caching, as such code is.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <json/json.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "naive_openssl.h"

namespace bench::naive {

/// Counts one comparison, and a mismatch when `ok` is false.
void expect(tally& t, bool ok);
std::string lower(std::string s);
std::string upper(std::string s);
/// Hex as the APIs write it: ':' and spaces dropped, lower case, a 0x prefix
/// dropped, leading zeros dropped when `strip_zeros`.
std::string norm_hex(const std::string& s, bool strip_zeros);
std::string hex(const unsigned char* p, unsigned n);
/// The first certificate of `pem` (PEM_read_bio_X509), or null.
X509* read_pem(const std::string& pem);
/// Every certificate of `pem`, in order (free each).
std::vector<X509*> read_chain(const std::string& pem);
std::int64_t asn1_epoch(const ASN1_TIME* t);
std::string serial_hex(X509* x);
std::string serial_dec(X509* x);
/// A DN as a sorted list of "type=value" (a naive split on commas).
std::vector<std::string> dn_set(std::string text);
/// X509_NAME_print_ex, RFC 2253.
std::string name_text(X509_NAME* n);
/// X509_NAME_get_text_by_NID; empty when the name has no such attribute.
std::string attr(X509_NAME* n, int nid);
/// The DNS, IP, email and URI SANs as "kind:value" (DNS and IP values alone
/// when `dns_ip_only`), sorted.
std::vector<std::string> cert_sans(X509* x, bool dns_ip_only);
/// JSON held in a string, read with JsonCpp (a trailing comma tolerated).
Json::Value inner_json(const std::string& text);
/// A list sent as a JSON array text or as comma-separated names.
std::vector<std::string> split_list(const std::string& text);
/// strptime with `format`, then optional fraction and zone offset; -1 when unreadable.
std::int64_t parse_time(const std::string& text, const char* format);
/// "RSA", "ECC", "SM2" or "OTHER".
std::string key_family(EVP_PKEY* pk);
/// "SHA256WITHRSA" style, from the signature algorithm.
std::string signature_name(X509* x);
/// One check: `now` within the certificate's validity.
void validity_now(X509* x, std::int64_t now, tally& t);
/// One check per link: each certificate issued by the next, names and signature.
void chain_check(X509* leaf, const std::vector<X509*>& issuers, tally& t);

}  // namespace bench::naive
