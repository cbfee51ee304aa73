// Test support for the check wing: what OpenSSL says about a certificate, in
// the terms the APIs report it (the oracle every test compares with).
#pragma once

#include "certs.h"

namespace checktest {

// -- the oracle ---------------------------------------------------------------

inline std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}
inline std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return s;
}

/// Lower-case hex of the serial's magnitude, no leading zeros, `-` when negative.
inline std::string serial_hex(X509* x) {
  BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), nullptr);
  char* h = BN_bn2hex(bn);
  std::string s = lower(h);
  OPENSSL_free(h);
  BN_free(bn);
  const bool neg = !s.empty() && s[0] == '-';
  if (neg) s.erase(0, 1);
  while (s.size() > 1 && s[0] == '0') s.erase(0, 1);
  return neg ? "-" + s : s;
}

inline std::string serial_decimal(X509* x) {
  BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), nullptr);
  char* d = BN_bn2dec(bn);
  std::string s = d;
  OPENSSL_free(d);
  BN_free(bn);
  return s;
}

inline std::int64_t epoch_of(const ASN1_TIME* t) {
  ASN1_TIME* epoch = ASN1_TIME_set(nullptr, 0);
  int days = 0, secs = 0;
  require(ASN1_TIME_diff(&days, &secs, epoch, t) == 1, "time diff");
  ASN1_TIME_free(epoch);
  return std::int64_t{days} * 86400 + secs;
}
inline std::int64_t not_before(X509* x) { return epoch_of(X509_get0_notBefore(x)); }
inline std::int64_t not_after(X509* x) { return epoch_of(X509_get0_notAfter(x)); }

/// `2020-10-13T03:09:00Z` (sep 'T', zone "Z") or Go's `2020-10-13 03:09:00 +0000 UTC`.
inline std::string format_time(std::int64_t t, bool go = false) {
  using namespace std::chrono;
  const sys_seconds tp{seconds{t}};
  const auto day = floor<days>(tp);
  const year_month_day ymd{day};
  const hh_mm_ss hms{tp - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, go ? "%04d-%02u-%02u %02d:%02d:%02d +0000 UTC" : "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

/// RFC 2253/4514 text of a Name, UTF-8.
inline std::string name_text(const X509_NAME* n) {
  BIO* b = BIO_new(BIO_s_mem());
  X509_NAME_print_ex(b, n, 0, (XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) | ASN1_STRFLGS_UTF8_CONVERT);
  return bio_text(b);
}
inline std::string subject_text(X509* x) { return name_text(X509_get_subject_name(x)); }
inline std::string issuer_text(X509* x) { return name_text(X509_get_issuer_name(x)); }

/// The first value of attribute `nid` in a Name, UTF-8 ("" when none).
inline std::string attribute(const X509_NAME* n, int nid) {
  const int i = X509_NAME_get_index_by_NID(n, nid, -1);
  if (i < 0) return {};
  unsigned char* utf8 = nullptr;
  const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(n, i)));
  std::string s(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(len));
  OPENSSL_free(utf8);
  return s;
}

inline std::string digest(X509* x, const EVP_MD* md) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  require(X509_digest(x, md, out, &n) == 1, "digest");
  std::string s;
  static const char* d = "0123456789abcdef";
  for (unsigned i = 0; i < n; ++i) {
    s += d[out[i] >> 4];
    s += d[out[i] & 15];
  }
  return s;
}

inline std::string hex_of(const unsigned char* p, int n, const char* sep = "", bool up = false) {
  std::string s;
  static const char* d = "0123456789abcdef";
  static const char* D = "0123456789ABCDEF";
  for (int i = 0; i < n; ++i) {
    if (i && *sep) s += sep;
    s += (up ? D : d)[p[i] >> 4];
    s += (up ? D : d)[p[i] & 15];
  }
  return s;
}

/// The SKI extension as KMS writes it: "79 36 26 DE ...".
inline std::string ski_kms(X509* x) {
  const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(x);
  if (!ski) return {};
  return hex_of(ASN1_STRING_get0_data(ski), ASN1_STRING_length(ski), " ", true);
}

/// SHA-1 of the subjectPublicKey bits (RFC 5280 method 1).
inline std::vector<unsigned char> key_sha1(X509* x) {
  const unsigned char* p = nullptr;
  int n = 0;
  X509_PUBKEY_get0_param(nullptr, &p, &n, nullptr, X509_get_X509_PUBKEY(x));
  std::vector<unsigned char> h(20);
  unsigned int len = 0;
  EVP_Digest(p, static_cast<std::size_t>(n), h.data(), &len, EVP_sha1(), nullptr);
  return h;
}

inline std::string pubkey_pem(X509* x) {
  BIO* b = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(b, X509_get0_pubkey(x));
  return bio_text(b);
}

inline std::string csr_pem(EVP_PKEY* k, const std::string& cn = "csr.example.com") {
  X509_REQ* r = X509_REQ_new();
  X509_NAME* n = make_name({{"CN", cn}});
  X509_REQ_set_subject_name(r, n);
  X509_NAME_free(n);
  X509_REQ_set_pubkey(r, k);
  const int type = EVP_PKEY_get_base_id(k);
  const EVP_MD* md = (type == EVP_PKEY_ED25519 || type == EVP_PKEY_ED448) ? nullptr : EVP_sha256();
  if (EVP_PKEY_is_a(k, "SM2")) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    require(EVP_DigestSignInit_ex(ctx, nullptr, "SM3", nullptr, nullptr, k, nullptr) == 1, "csr sm2");
    require(X509_REQ_sign_ctx(r, ctx) > 0, "csr sign");
    EVP_MD_CTX_free(ctx);
  } else {
    require(X509_REQ_sign(r, k, md) > 0, "csr sign");
  }
  BIO* b = BIO_new(BIO_s_mem());
  PEM_write_bio_X509_REQ(b, r);
  X509_REQ_free(r);
  return bio_text(b);
}

/// One SAN of the certificate as the oracle sees it.
struct oracle_san {
  int type;  // GEN_DNS, GEN_IPADD, GEN_EMAIL, GEN_URI
  std::string value;
};
inline std::vector<oracle_san> sans_of(X509* x) {
  std::vector<oracle_san> out;
  auto* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr));
  if (!names) return out;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* g = sk_GENERAL_NAME_value(names, i);
    if (g->type == GEN_DNS || g->type == GEN_EMAIL || g->type == GEN_URI) {
      const ASN1_IA5STRING* s = g->d.ia5;
      out.push_back({g->type, std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                                          static_cast<std::size_t>(ASN1_STRING_length(s)))});
    } else if (g->type == GEN_IPADD) {
      STACK_OF(CONF_VALUE)* v = i2v_GENERAL_NAME(nullptr, const_cast<GENERAL_NAME*>(g), nullptr);
      require(v != nullptr && sk_CONF_VALUE_num(v) == 1, "ip text");
      out.push_back({g->type, sk_CONF_VALUE_value(v, 0)->value});  // OpenSSL's form: 2001:DB8:0:0:0:0:0:10
      sk_CONF_VALUE_pop_free(v, X509V3_conf_free);
    }
  }
  GENERAL_NAMES_free(names);
  return out;
}

/// CAS-style signature name of the certificate's signature algorithm.
inline std::string cas_sign_name(X509* x) {
  switch (X509_get_signature_nid(x)) {
    case NID_sha256WithRSAEncryption: return "SHA256WITHRSA";
    case NID_sha384WithRSAEncryption: return "SHA384WITHRSA";
    case NID_sha512WithRSAEncryption: return "SHA512WITHRSA";
    case NID_sha1WithRSAEncryption: return "SHA1WITHRSA";
    case NID_ecdsa_with_SHA256: return "SHA256WITHECDSA";
    case NID_ecdsa_with_SHA384: return "SHA384WITHECDSA";
    case NID_ecdsa_with_SHA512: return "SHA512WITHECDSA";
    case NID_SM2_with_SM3: return "SM3WITHSM2";
    case NID_ED25519: return "ED25519";
    case NID_ED448: return "ED448";
    case NID_rsassaPss: return "SHA256WITHRSA/PSS";
    default: return "UNKNOWN";
  }
}

/// KMS-style signature name.
inline std::string kms_sign_name(X509* x) {
  switch (X509_get_signature_nid(x)) {
    case NID_sha256WithRSAEncryption: return "RSA2048-SHA256";
    case NID_sha384WithRSAEncryption: return "RSA_PKCS1_SHA_384";
    case NID_ecdsa_with_SHA256: return "ECDSA-SHA256";
    case NID_ecdsa_with_SHA384: return "ECDSA_SHA_384";
    case NID_SM2_with_SM3: return "SM2-SM3";
    case NID_rsassaPss: return "RSA_PSS_SHA_256";
    default: return "UNKNOWN";
  }
}

inline std::string cas_algorithm(key_kind k) {
  switch (k) {
    case key_kind::rsa2048: case key_kind::rsa3072: case key_kind::rsa4096: return "RSA";
    case key_kind::sm2: return "SM2";
    case key_kind::ed25519: return "Ed25519";
    case key_kind::ed448: return "Ed448";
    default: return "ECC";
  }
}
inline int key_bits(key_kind k) {
  switch (k) {
    case key_kind::rsa2048: return 2048;
    case key_kind::rsa3072: return 3072;
    case key_kind::rsa4096: return 4096;
    case key_kind::p384: return 384;
    case key_kind::p521: return 521;
    case key_kind::ed448: return 456;
    default: return 256;
  }
}
inline std::string kms_key_spec(key_kind k) {
  switch (k) {
    case key_kind::rsa2048: return "RSA_2048";
    case key_kind::rsa3072: return "RSA_3072";
    case key_kind::rsa4096: return "RSA_4096";
    case key_kind::p256: return "EC_P256";
    case key_kind::p384: return "EC_P384";
    case key_kind::p521: return "EC_P521";
    case key_kind::secp256k1: return "EC_P256K";
    case key_kind::sm2: return "EC_SM2";
    default: return "ED25519";
  }
}

}  // namespace checktest
