#include "naive_openssl.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include <json/json.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "naive_openssl_common.h"

namespace bench::naive {

void check(const sdk::cas_result& r, std::int64_t now, tally& t) {
  const auto& c = r.certificate;
  X509* x = read_pem(c.x509Certificate);
  if (!x) {
    expect(t, false);
    return;
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  X509_digest(x, EVP_sha256(), md, &n);
  expect(t, hex(md, n) == norm_hex(c.sha2, false));
  X509_digest(x, EVP_md5(), md, &n);
  expect(t, hex(md, n) == norm_hex(c.md5, false));
  expect(t, serial_hex(x) == norm_hex(c.serialNumber, true));
  const std::int64_t nb = asn1_epoch(X509_get0_notBefore(x));
  const std::int64_t na = asn1_epoch(X509_get0_notAfter(x));
  expect(t, nb == c.beforeDate / 1000);
  expect(t, na == c.afterDate / 1000);
  expect(t, (na - nb) / 86400 == c.days || (na - nb + 86399) / 86400 == c.days);
  X509_NAME* subject = X509_get_subject_name(x);
  X509_NAME* issuer = X509_get_issuer_name(x);
  expect(t, dn_set(name_text(subject)) == dn_set(c.subjectDN));
  expect(t, attr(subject, NID_commonName) == c.commonName);
  const std::pair<int, const std::string*> by_either[] = {{NID_organizationName, &c.organization},
                                                          {NID_organizationalUnitName, &c.organizationUnit},
                                                          {NID_localityName, &c.locality},
                                                          {NID_stateOrProvinceName, &c.state},
                                                          {NID_countryName, &c.countryCode}};
  for (const auto& [nid, reported] : by_either)
    expect(t, reported->empty() || attr(subject, nid) == *reported || attr(issuer, nid) == *reported);
  // Sans: the string holding JSON, read with JsonCpp.
  std::vector<std::string> sans;
  for (const auto& e : inner_json(c.sans)) {
    const int type = e["Type"].isString() ? std::stoi(e["Type"].asString()) : e["Type"].asInt();
    const std::string v = e["Value"].asString();
    if (type == 1) sans.push_back("email:" + v);
    else if (type == 2) sans.push_back("dns:" + lower(v));
    else if (type == 6) sans.push_back("uri:" + v);
    else if (type == 7) sans.push_back("ip:" + v);
  }
  std::sort(sans.begin(), sans.end());
  expect(t, sans == cert_sans(x, false));
  EVP_PKEY* pk = X509_get0_pubkey(x);
  expect(t, pk && upper(c.algorithm) == key_family(pk));
  expect(t, pk && EVP_PKEY_get_bits(pk) == c.keySize);
  expect(t, signature_name(x) == upper(c.signAlgorithm));
  validity_now(x, now, t);
  X509_free(x);
}

void check(const sdk::kms_describe_result& d, const sdk::kms_get_result& g, std::int64_t now, tally& t) {
  X509* x = read_pem(g.certificate);
  if (!x) {
    expect(t, false);
    return;
  }
  // GetCertificate on its own: the chain and the CSR.
  const std::vector<X509*> issuers = read_chain(g.certificateChain);
  chain_check(x, issuers, t);
  for (X509* i : issuers) X509_free(i);
  EVP_PKEY* pk = X509_get0_pubkey(x);
  if (!g.csr.empty()) {
    BIO* bio = BIO_new_mem_buf(g.csr.data(), static_cast<int>(g.csr.size()));
    X509_REQ* req = PEM_read_bio_X509_REQ(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    expect(t, req && EVP_PKEY_eq(X509_REQ_get0_pubkey(req), pk) == 1);
    X509_REQ_free(req);
  }
  // DescribeCertificate against the certificate.
  const std::string serial = norm_hex(d.serial, true);
  expect(t, serial_hex(x) == serial || serial_dec(x) == d.serial);
  expect(t, asn1_epoch(X509_get0_notBefore(x)) == parse_time(d.notBefore, "%Y-%m-%dT%H:%M:%S"));
  expect(t, asn1_epoch(X509_get0_notAfter(x)) == parse_time(d.notAfter, "%Y-%m-%dT%H:%M:%S"));
  expect(t, dn_set(name_text(X509_get_subject_name(x))) == dn_set(d.subject));
  expect(t, dn_set(name_text(X509_get_issuer_name(x))) == dn_set(d.issuer));
  std::vector<std::string> sans = d.subjectAlternativeNames;
  if (!d.subjectAlternativeNamesText.empty()) sans = split_list(d.subjectAlternativeNamesText);
  for (auto& s : sans) s = lower(s);
  std::sort(sans.begin(), sans.end());
  expect(t, sans == cert_sans(x, true));
  // KeySpec and the public key.
  std::string spec = key_family(pk) == "RSA" ? "RSA_" + std::to_string(EVP_PKEY_get_bits(pk)) : "";
  if (key_family(pk) == "ECC") {
    char group[64] = {};
    std::size_t len = 0;
    EVP_PKEY_get_group_name(pk, group, sizeof group, &len);
    spec = std::strcmp(group, "prime256v1") == 0 ? "EC_P256" : std::strcmp(group, "secp256k1") == 0 ? "EC_P256K" : group;
  } else if (key_family(pk) == "SM2") {
    spec = "EC_SM2";
  }
  expect(t, spec == d.keySpec);
  {
    BIO* bio = BIO_new_mem_buf(d.subjectPublicKey.data(), static_cast<int>(d.subjectPublicKey.size()));
    EVP_PKEY* reported = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    expect(t, reported && EVP_PKEY_eq(reported, pk) == 1);
    EVP_PKEY_free(reported);
    ERR_clear_error();
  }
  // SubjectKeyIdentifier: the extension, and SHA-1 of the key bits (RFC 5280 method 1).
  const std::string ski = norm_hex(d.subjectKeyIdentifier, false);
  const ASN1_OCTET_STRING* ext = X509_get0_subject_key_id(x);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  X509_pubkey_digest(x, EVP_sha1(), md, &n);
  expect(t, (ext && hex(ASN1_STRING_get0_data(ext), static_cast<unsigned>(ASN1_STRING_length(ext))) == ski) ||
                hex(md, n) == ski);
  // SignatureAlgorithm: family and digest, e.g. RSA2048-SHA256 against SHA256WITHRSA.
  const std::string sig = signature_name(x);
  const std::string reported = upper(d.signatureAlgorithm);
  const bool digest_ok = sig.find(reported.substr(reported.find('-') + 1)) != std::string::npos;
  expect(t, digest_ok && (reported.rfind("RSA", 0) == 0) == (sig.find("RSA") != std::string::npos));
  validity_now(x, now, t);
  X509_free(x);
}

void check(const sdk::cdn_result& r, std::int64_t now, tally& t) {
  for (const auto& info : r.certInfos) {
    std::vector<X509*> chain = read_chain(info.httpsCrt);
    if (chain.empty()) {
      expect(t, false);
      continue;
    }
    X509* leaf = chain.front();
    chain_check(leaf, std::vector<X509*>(chain.begin() + 1, chain.end()), t);
    expect(t, asn1_epoch(X509_get0_notBefore(leaf)) == parse_time(info.createTime, "%Y-%m-%d %H:%M:%S"));
    expect(t, asn1_epoch(X509_get0_notAfter(leaf)) == parse_time(info.certExpireTime, "%Y-%m-%d %H:%M:%S"));
    for (const auto& domain : split_list(info.domainList))
      expect(t, X509_check_host(leaf, domain.data(), domain.size(), 0, nullptr) == 1);
    validity_now(leaf, now, t);
    for (X509* x : chain) X509_free(x);
  }
}

}  // namespace bench::naive
