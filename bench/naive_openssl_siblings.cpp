// The usual OpenSSL check of the sibling APIs that embed a PEM
// (cas.GetUserCertificateDetail, cdn.DescribeDomainCertificateInfo,
// dcdn.DescribeDcdnDomainCertificateInfo), over the SDK-style models: the
// fields alicert's checker compares for them (docs/siblings.md, section 5),
// each compared as an application would, with the calls naive_openssl.h names.
#include <algorithm>
#include <cctype>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "naive_openssl.h"
#include "naive_openssl_common.h"

namespace bench::naive {
namespace {

constexpr std::int64_t utc8 = 8 * 3600;

// A PEM private key against the certificate it belongs with: its public half
// equals the certificate's key.
void private_key_check(const std::string& key_pem, X509* cert, tally& t) {
  if (key_pem.empty()) return;
  BIO* bio = BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  expect(t, key && cert && EVP_PKEY_eq(key, X509_get0_pubkey(cert)) == 1);
  EVP_PKEY_free(key);
  ERR_clear_error();  // a key that does not parse leaves its reason queued
}

std::string date_of(std::int64_t epoch) {
  const std::time_t s = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&s, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// StartDate / EndDate name no zone: the certificate time's UTC date, or its
// UTC+8 date (docs/siblings.md, decision 3); an ISO time counts by its date.
bool date_matches(const std::string& reported, std::int64_t epoch) {
  const std::string d = reported.substr(0, 10);
  return d == date_of(epoch) || d == date_of(epoch + utc8);
}

// The hex's length picks the digest of the DER (decision 2).
bool fingerprint_matches(X509* x, const std::string& reported) {
  const std::string want = norm_hex(reported, false);
  const EVP_MD* md = want.size() == 40   ? EVP_sha1()
                     : want.size() == 64 ? EVP_sha256()
                     : want.size() == 32 ? EVP_md5()
                                         : nullptr;
  if (!md) return false;
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  X509_digest(x, md, out, &n);
  return hex(out, n) == want;
}

std::string collapsed(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A CA's display name: the issuer's O or CN, or a whole-word prefix of one.
bool issuer_name_matches(X509* x, const std::string& reported) {
  const std::string r = collapsed(reported);
  X509_NAME* issuer = X509_get_issuer_name(x);
  for (int nid : {NID_organizationName, NID_commonName}) {
    const std::string v = collapsed(attr(issuer, nid));
    if (v.empty()) continue;
    if (v == r || (v.size() > r.size() && v.compare(0, r.size(), r) == 0 && v[r.size()] == ' ')) return true;
  }
  return false;
}

// An untyped name set against the DNS and IP SANs; the set plus the subject
// CN also matches (quirk sans_include_cn).
bool untyped_sans_match(X509* x, const std::string& reported) {
  std::vector<std::string> names = split_list(reported);
  for (auto& n : names) n = lower(n);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<std::string> actual = cert_sans(x, true);
  actual.erase(std::unique(actual.begin(), actual.end()), actual.end());
  if (names == actual) return true;
  actual.push_back(lower(attr(X509_get_subject_name(x), NID_commonName)));
  std::sort(actual.begin(), actual.end());
  actual.erase(std::unique(actual.begin(), actual.end()), actual.end());
  return names == actual;
}

// Each CertChain entry against the bundle's certificate of that subject and
// issuer CN; an entry the bundle lacks is unverifiable, not compared.
void chain_info(const std::vector<X509*>& bundle, const std::vector<sdk::gucd_cert_chain_item>& items, tally& t) {
  for (const auto& item : items)
    for (X509* x : bundle) {
      if (attr(X509_get_subject_name(x), NID_commonName) != item.commonName ||
          attr(X509_get_issuer_name(x), NID_commonName) != item.issuerCommonName)
        continue;
      expect(t, asn1_epoch(X509_get0_notBefore(x)) == item.notBefore / 1000 &&
                    asn1_epoch(X509_get0_notAfter(x)) == item.notAfter / 1000);
      break;
    }
}

// key_family, except that OpenSSL 3.0 reads an SM2 certificate's key (an
// id-ecPublicKey on the SM2 curve) as a provider key with no legacy id: its
// group says "SM2", as the API names it.
std::string family_of(EVP_PKEY* pk) {
  char group[64] = {};
  std::size_t len = 0;
  if (EVP_PKEY_get_group_name(pk, group, sizeof group, &len) == 1 && std::string_view(group, len) == "SM2") return "SM2";
  return key_family(pk);
}

// The fields GetUserCertificateDetail reports about its certificate `x`.
void gucd_fields(const sdk::gucd_result& r, X509* x, std::int64_t now, tally& t) {
  if (!r.serialNo.empty()) expect(t, serial_hex(x) == norm_hex(r.serialNo, true));
  const std::int64_t nb = asn1_epoch(X509_get0_notBefore(x));
  const std::int64_t na = asn1_epoch(X509_get0_notAfter(x));
  if (r.notBefore) expect(t, nb == r.notBefore / 1000);
  if (r.notAfter) expect(t, na == r.notAfter / 1000);
  if (!r.startDate.empty()) expect(t, date_matches(r.startDate, nb));
  if (!r.endDate.empty()) expect(t, date_matches(r.endDate, na));
  if (!r.sha2.empty() || !r.certSha2.empty()) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    X509_digest(x, EVP_sha256(), md, &n);
    const std::string actual = hex(md, n);
    if (!r.sha2.empty()) expect(t, actual == norm_hex(r.sha2, false));
    if (!r.certSha2.empty()) expect(t, actual == norm_hex(r.certSha2, false));
  }
  if (!r.fingerprint.empty()) expect(t, fingerprint_matches(x, r.fingerprint));
  X509_NAME* subject = X509_get_subject_name(x);
  if (!r.common.empty()) expect(t, attr(subject, NID_commonName) == r.common);
  // The purchaser's details, against the subject only: a subject without the
  // attribute (any DV certificate) leaves the field unverifiable.
  const std::pair<int, const std::string*> purchaser[] = {{NID_organizationName, &r.orgName},
                                                          {NID_stateOrProvinceName, &r.province},
                                                          {NID_localityName, &r.city},
                                                          {NID_countryName, &r.country}};
  for (const auto& [nid, reported] : purchaser) {
    if (reported->empty()) continue;
    const std::string actual = attr(subject, nid);
    if (!actual.empty()) expect(t, actual == *reported);
  }
  if (!r.sans.empty()) expect(t, untyped_sans_match(x, r.sans));
  if (!r.issuer.empty()) expect(t, issuer_name_matches(x, r.issuer));
  expect(t, (na <= now) == r.expired);
  EVP_PKEY* pk = X509_get0_pubkey(x);
  if (!r.algorithm.empty()) expect(t, pk && upper(r.algorithm) == family_of(pk));
  validity_now(x, now, t);
}

// One entry of CDN or DCDN DescribeDomainCertificateInfo, whichever names its fields.
struct domain_entry {
  const std::string& pem;
  const std::string& domain;
  const std::string& cert_domain;
  const std::string& expire;
  const std::string& start;  ///< empty for DCDN, which has no CertStartTime
  const std::string& org;
};

// An ISO 8601 time, Go's layout or a zoneless time read as UTC, which also
// matches at UTC+8.
bool time_matches(const std::string& reported, std::int64_t actual) {
  std::int64_t v = parse_time(reported, "%Y-%m-%dT%H:%M:%S");
  if (v < 0) v = parse_time(reported, "%Y-%m-%d %H:%M:%S");
  return v >= 0 && (v == actual || v - utc8 == actual);
}

void check_entry(const domain_entry& e, std::int64_t now, tally& t) {
  if (e.pem.empty()) return;  // HTTPS off: nothing to compare
  std::vector<X509*> chain = read_chain(e.pem);
  if (chain.empty()) {
    expect(t, false);
    return;
  }
  X509* leaf = chain.front();
  chain_check(leaf, std::vector<X509*>(chain.begin() + 1, chain.end()), t);
  // A leading dot is the wildcard form; X509_check_host reads it as "any subdomain".
  if (!e.domain.empty()) expect(t, X509_check_host(leaf, e.domain.data(), e.domain.size(), 0, nullptr) == 1);
  if (!e.cert_domain.empty()) {
    const std::string want = lower(e.cert_domain);
    const std::vector<std::string> names = cert_sans(leaf, true);
    expect(t, want == lower(attr(X509_get_subject_name(leaf), NID_commonName)) ||
                  std::find(names.begin(), names.end(), want) != names.end());
  }
  if (!e.expire.empty()) expect(t, time_matches(e.expire, asn1_epoch(X509_get0_notAfter(leaf))));
  if (!e.start.empty()) expect(t, time_matches(e.start, asn1_epoch(X509_get0_notBefore(leaf))));
  if (!e.org.empty()) expect(t, issuer_name_matches(leaf, e.org));
  validity_now(leaf, now, t);
  for (X509* x : chain) X509_free(x);
}

}  // namespace

void check(const sdk::gucd_result& r, std::int64_t now, tally& t) {
  // Cert is the certificate with its issuers; without it, SignCert (SM2).
  std::vector<X509*> bundle = read_chain(r.cert);
  X509* sign = r.signCert.empty() ? nullptr : read_pem(r.signCert);
  X509* encrypt = r.encryptCert.empty() ? nullptr : read_pem(r.encryptCert);
  X509* x = !bundle.empty() ? bundle.front() : sign;
  if (!r.cert.empty()) expect(t, !bundle.empty());
  if (!r.signCert.empty()) expect(t, sign != nullptr);
  if (!r.encryptCert.empty()) expect(t, encrypt != nullptr);
  if (!bundle.empty()) chain_check(bundle.front(), std::vector<X509*>(bundle.begin() + 1, bundle.end()), t);
  private_key_check(r.key, bundle.empty() ? nullptr : bundle.front(), t);
  private_key_check(r.signPrivateKey, sign, t);
  private_key_check(r.encryptPrivateKey, encrypt, t);
  if (x) {
    gucd_fields(r, x, now, t);
    chain_info(bundle.empty() ? std::vector<X509*>{x} : bundle, r.certChain, t);
  } else {
    expect(t, false);
  }
  for (X509* b : bundle) X509_free(b);
  X509_free(sign);
  X509_free(encrypt);
}

void check(const sdk::cdn_domain_result& r, std::int64_t now, tally& t) {
  for (const auto& c : r.certInfos)
    check_entry({c.serverCertificate, c.domainName, c.certDomainName, c.certExpireTime, c.certStartTime, c.certOrg},
                now, t);
}

void check(const sdk::dcdn_result& r, std::int64_t now, tally& t) {
  const std::string no_start;
  for (const auto& c : r.certInfos)
    check_entry({c.sSLPub, c.domainName, c.certDomainName, c.certExpireTime, no_start, c.certOrg}, now, t);
}

}  // namespace bench::naive
