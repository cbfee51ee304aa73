// Test support for the check wing: certificates built with OpenSSL (the
// oracle), and response views built from them, field by field.
#pragma once

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "alicert/check.h"
#include "alicert/responses/document.h"
#include "alicert/responses/record.h"

namespace checktest {

struct x509_free {
  void operator()(X509* x) const noexcept { X509_free(x); }
};
struct pkey_free {
  void operator()(EVP_PKEY* k) const noexcept { EVP_PKEY_free(k); }
};
using x509_ptr = std::unique_ptr<X509, x509_free>;
using pkey_ptr = std::unique_ptr<EVP_PKEY, pkey_free>;

inline void require(bool ok, const char* what) {
  if (!ok) {
    ERR_print_errors_fp(stderr);
    throw std::runtime_error(what);
  }
}

enum class key_kind { rsa2048, rsa3072, rsa4096, p256, p384, p521, secp256k1, sm2, ed25519, ed448 };

inline const char* key_kind_name(key_kind k) {
  switch (k) {
    case key_kind::rsa2048: return "rsa2048";
    case key_kind::rsa3072: return "rsa3072";
    case key_kind::rsa4096: return "rsa4096";
    case key_kind::p256: return "p256";
    case key_kind::p384: return "p384";
    case key_kind::p521: return "p521";
    case key_kind::secp256k1: return "secp256k1";
    case key_kind::sm2: return "sm2";
    case key_kind::ed25519: return "ed25519";
    case key_kind::ed448: return "ed448";
  }
  return "?";
}

/// A key of `kind`, generated once per process (index 0..) and cached.
inline EVP_PKEY* key(key_kind kind, int index = 0) {
  static std::map<std::pair<int, int>, pkey_ptr> cache;
  auto& slot = cache[{static_cast<int>(kind), index}];
  if (!slot) {
    EVP_PKEY* k = nullptr;
    switch (kind) {
      case key_kind::rsa2048: k = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048}); break;
      case key_kind::rsa3072: k = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{3072}); break;
      case key_kind::rsa4096: k = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{4096}); break;
      case key_kind::p256: k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"); break;
      case key_kind::p384: k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"); break;
      case key_kind::p521: k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-521"); break;
      case key_kind::secp256k1: k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "secp256k1"); break;
      case key_kind::sm2: k = EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2"); break;
      case key_kind::ed25519: k = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"); break;
      case key_kind::ed448: k = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED448"); break;
    }
    require(k != nullptr, "keygen");
    slot.reset(k);
  }
  return slot.get();
}

/// One attribute of a Name; `multi` joins it to the previous RDN (a `+`).
struct name_part {
  std::string type;
  std::string value;
  bool multi = false;
  int string_type = MBSTRING_UTF8;
};
using name_parts = std::vector<name_part>;

inline X509_NAME* make_name(const name_parts& parts) {
  X509_NAME* n = X509_NAME_new();
  for (const auto& p : parts)
    require(X509_NAME_add_entry_by_txt(n, p.type.c_str(), p.string_type,
                                       reinterpret_cast<const unsigned char*>(p.value.data()),
                                       static_cast<int>(p.value.size()), -1, p.multi ? -1 : 0) == 1,
            "name entry");
  return n;
}

struct cert_spec {
  key_kind kind = key_kind::p256;
  int key_index = 0;
  name_parts subject = {{"C", "CN"}, {"O", "Example Org"}, {"OU", "Ops"}, {"L", "Hangzhou"},
                        {"ST", "Zhejiang"}, {"CN", "leaf.example.com"}};
  name_parts issuer;              ///< empty: the subject (self-issued)
  EVP_PKEY* issuer_key = nullptr; ///< null: the certificate's own key
  std::string serial_hex = "1a2b3c4d5e";
  bool serial_negative = false;
  std::string not_before = "20240101000000Z";
  std::string not_after = "20260101120000Z";
  std::string san = "DNS:leaf.example.com,DNS:*.api.example.com,IP:192.0.2.10";
  std::string ski = "hash";       ///< X509V3 text of the SKI, empty for none
  const char* md = "SHA256";      ///< digest; ignored for Ed25519/Ed448 and SM2 (SM3)
  bool pss = false;               ///< sign RSA-PSS
  std::string aki_hex;            ///< an AuthorityKeyIdentifier with this keyIdentifier; empty for none
  std::string basic_constraints;  ///< X509V3 text, e.g. "critical,CA:TRUE"; empty for none
  int version = 2;                ///< 0 for a v1 certificate (no extensions are added then)
};

struct cert {
  x509_ptr x;
  std::string pem;
  std::vector<std::uint8_t> der;
};

inline std::string bio_text(BIO* b) {
  char* p = nullptr;
  const long n = BIO_get_mem_data(b, &p);
  std::string s(p, static_cast<std::size_t>(n));
  BIO_free(b);
  return s;
}

inline cert finish(X509* x) {
  cert c;
  c.x.reset(x);
  BIO* b = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(b, x);
  c.pem = bio_text(b);
  unsigned char* der = nullptr;
  const int n = i2d_X509(x, &der);
  require(n > 0, "i2d_X509");
  c.der.assign(der, der + n);
  OPENSSL_free(der);
  return c;
}

inline void set_time(ASN1_TIME* t, const std::string& text) {
  require(ASN1_TIME_set_string_X509(t, text.c_str()) == 1, "time");
}

inline bool is_ed(key_kind k) { return k == key_kind::ed25519 || k == key_kind::ed448; }

inline void sign(X509* x, EVP_PKEY* signer, const cert_spec& s) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pctx = nullptr;
  const int type = EVP_PKEY_get_base_id(signer);
  const char* md = (type == EVP_PKEY_ED25519 || type == EVP_PKEY_ED448) ? nullptr
                   : type == EVP_PKEY_SM2 || EVP_PKEY_is_a(signer, "SM2") ? "SM3"
                                                                          : s.md;
  require(EVP_DigestSignInit_ex(ctx, &pctx, md, nullptr, nullptr, signer, nullptr) == 1, "sign init");
  if (s.pss) require(EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1, "pss");
  require(X509_sign_ctx(x, ctx) > 0, "sign");
  EVP_MD_CTX_free(ctx);
}

inline cert make_cert(const cert_spec& s) {
  X509* x = X509_new();
  require(X509_set_version(x, s.version) == 1, "version");
  BIGNUM* bn = nullptr;
  require(BN_hex2bn(&bn, s.serial_hex.c_str()) > 0, "serial");
  BN_set_negative(bn, s.serial_negative ? 1 : 0);
  ASN1_INTEGER* serial = BN_to_ASN1_INTEGER(bn, nullptr);
  BN_free(bn);
  X509_set_serialNumber(x, serial);
  ASN1_INTEGER_free(serial);
  set_time(X509_getm_notBefore(x), s.not_before);
  set_time(X509_getm_notAfter(x), s.not_after);
  X509_NAME* subject = make_name(s.subject);
  X509_set_subject_name(x, subject);
  X509_NAME* issuer = s.issuer.empty() ? X509_NAME_dup(subject) : make_name(s.issuer);
  X509_set_issuer_name(x, issuer);
  X509_NAME_free(subject);
  X509_NAME_free(issuer);
  EVP_PKEY* k = key(s.kind, s.key_index);
  require(X509_set_pubkey(x, k) == 1, "pubkey");
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
  if (!s.basic_constraints.empty() && s.version == 2) {
    X509_EXTENSION* e = X509V3_EXT_conf_nid(nullptr, &ctx, NID_basic_constraints, s.basic_constraints.c_str());
    require(e != nullptr, "basic constraints");
    X509_add_ext(x, e, -1);
    X509_EXTENSION_free(e);
  }
  if (!s.aki_hex.empty() && s.version == 2) {
    AUTHORITY_KEYID* akid = AUTHORITY_KEYID_new();
    long n = 0;
    unsigned char* bytes = OPENSSL_hexstr2buf(s.aki_hex.c_str(), &n);
    require(bytes != nullptr, "aki hex");
    akid->keyid = ASN1_OCTET_STRING_new();
    ASN1_OCTET_STRING_set(akid->keyid, bytes, static_cast<int>(n));
    OPENSSL_free(bytes);
    require(X509_add1_ext_i2d(x, NID_authority_key_identifier, akid, 0, X509V3_ADD_DEFAULT) == 1, "aki");
    AUTHORITY_KEYID_free(akid);
  }
  if (!s.san.empty() && s.version == 2) {
    X509_EXTENSION* e = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, s.san.c_str());
    require(e != nullptr, "san");
    X509_add_ext(x, e, -1);
    X509_EXTENSION_free(e);
  }
  if (!s.ski.empty() && s.version == 2) {
    X509_EXTENSION* e = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_key_identifier, s.ski.c_str());
    require(e != nullptr, "ski");
    X509_add_ext(x, e, -1);
    X509_EXTENSION_free(e);
  }
  sign(x, s.issuer_key ? s.issuer_key : k, s);
  return finish(x);
}

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

// -- views --------------------------------------------------------------------

/// Owns the text the views borrow.
class text_store {
 public:
  std::string_view keep(std::string s) {
    store_.push_back(std::move(s));
    return store_.back();
  }
  alicert::reported_text text(std::string s, std::size_t offset = 1) {
    alicert::reported_text r;
    r.state = alicert::field_state::present;
    r.text = keep(std::move(s));
    r.offset = offset;
    if (r.text.empty()) r.state = alicert::field_state::absent;
    r.value = r.text;
    return r;
  }
  alicert::reported_int integer(std::int64_t v) {
    alicert::reported_int r;
    r.state = alicert::field_state::present;
    r.text = keep(std::to_string(v));
    r.value = v;
    r.offset = 1;
    return r;
  }
  /// A time: `text` with its parsed `value` (or unreadable when !ok).
  alicert::reported_time time(std::string text, std::int64_t value, bool ok = true) {
    alicert::reported_time r;
    r.state = ok ? alicert::field_state::present : alicert::field_state::unreadable;
    r.text = keep(std::move(text));
    r.value = alicert::utc_seconds{std::chrono::seconds{value}};
    r.offset = 1;
    return r;
  }
  alicert::reported_names names(std::vector<alicert::san_entry> entries, std::string text = {}) {
    for (auto& e : entries) e.value = keep(std::string(e.value));
    lists_.push_back(std::move(entries));
    alicert::reported_names r;
    r.state = alicert::field_state::present;
    r.text = keep(std::move(text));
    r.entries = lists_.back();
    r.offset = 1;
    return r;
  }

 private:
  std::deque<std::string> store_;
  std::deque<std::vector<alicert::san_entry>> lists_;
};

/// A CAS response consistent with `c`.
struct cas_doc {
  text_store t;
  alicert::cas_response_view view;
  alicert::document_view doc;

  explicit cas_doc(const cert& c, key_kind k) {
    X509* x = c.x.get();
    auto& v = view.certificate;
    v.x509_certificate = t.text(c.pem);
    v.identifier = t.text("cas-0001");
    v.serial_number = t.text(serial_hex(x));
    const std::int64_t nb = not_before(x), na = not_after(x);
    v.before_date = t.time(std::to_string(nb * 1000 + 123), nb);
    v.after_date = t.time(std::to_string(na * 1000), na);
    const std::int64_t span = na - nb;
    v.days = t.integer(span / 86400 - ((span % 86400) < 0 ? 1 : 0));
    v.sha2 = t.text(upper(digest(x, EVP_sha256())));
    v.md5 = t.text(digest(x, EVP_md5()));
    v.subject_dn = t.text(subject_text(x));
    const X509_NAME* s = X509_get_subject_name(x);
    v.common_name = t.text(attribute(s, NID_commonName));
    v.organization = t.text(attribute(s, NID_organizationName));
    v.organization_unit = t.text(attribute(s, NID_organizationalUnitName));
    v.locality = t.text(attribute(s, NID_localityName));
    v.state = t.text(attribute(s, NID_stateOrProvinceName));
    v.country_code = t.text(attribute(s, NID_countryName));
    std::vector<alicert::san_entry> sans;
    for (const auto& o : sans_of(x)) {
      alicert::san_entry e;
      switch (o.type) {
        case GEN_EMAIL: e.type = alicert::san_type::email; e.type_code = 1; break;
        case GEN_DNS: e.type = alicert::san_type::dns; e.type_code = 2; break;
        case GEN_URI: e.type = alicert::san_type::uri; e.type_code = 6; break;
        default: e.type = alicert::san_type::ip; e.type_code = 7; break;
      }
      e.value = t.keep(o.value);
      sans.push_back(e);
    }
    v.sans = t.names(std::move(sans));
    v.algorithm = t.text(cas_algorithm(k));
    v.key_size = t.integer(key_bits(k));
    v.sign_algorithm = t.text(cas_sign_name(x));
    v.status = t.text("ISSUE");
    doc.kind = alicert::api::cas_describe_client_certificate;
    doc.cas = &view;
  }
  cas_doc(const cas_doc&) = delete;
};

/// A KMS DescribeCertificate consistent with `c` (and its GetCertificate).
struct kms_docs {
  text_store t;
  alicert::kms_describe_view describe;
  alicert::kms_get_view get;
  alicert::document_view describe_doc, get_doc;

  kms_docs(const cert& c, key_kind k, const std::string& chain_pem = {}, const std::string& csr = {}) {
    X509* x = c.x.get();
    describe.certificate_id = t.text("9a28de48-8d8b-484d-a766-dec4e1a2b3c4");
    describe.serial = t.text(upper(serial_hex(x)));
    describe.not_before = t.time(format_time(not_before(x)), not_before(x));
    describe.not_after = t.time(format_time(not_after(x)), not_after(x));
    describe.subject = t.text(subject_text(x));
    describe.issuer = t.text(issuer_text(x));
    describe.key_spec = t.text(kms_key_spec(k));
    describe.signature_algorithm = t.text(kms_sign_name(x));
    std::vector<alicert::san_entry> sans;
    for (const auto& o : sans_of(x))
      if (o.type == GEN_DNS || o.type == GEN_IPADD) sans.push_back({alicert::san_type::unspecified, 0, t.keep(o.value)});
    describe.subject_alternative_names = t.names(std::move(sans));
    describe.subject_key_identifier = t.text(ski_kms(x));
    describe.subject_public_key = t.text(pubkey_pem(x));
    describe.status = t.text("ACTIVE");
    get.certificate_id = describe.certificate_id;
    get.certificate = t.text(c.pem);
    get.certificate_chain = t.text(chain_pem);
    get.csr = t.text(csr);
    describe_doc.kind = alicert::api::kms_describe_certificate;
    describe_doc.kms_describe = &describe;
    get_doc.kind = alicert::api::kms_get_certificate;
    get_doc.kms_get = &get;
  }
  kms_docs(const kms_docs&) = delete;
};

/// A CDN response with one entry per certificate PEM (leaf first, then its chain).
struct cdn_doc {
  text_store t;
  std::vector<alicert::cdn_cert_info_view> infos;
  alicert::cdn_response_view view;
  alicert::document_view doc;

  void add(const cert& leaf, const std::string& chain_pem, std::vector<std::string> domains) {
    X509* x = leaf.x.get();
    alicert::cdn_cert_info_view i;
    i.cert_id = t.text(std::to_string(1644 + infos.size()));
    i.https_crt = t.text(leaf.pem + chain_pem);
    i.create_time = t.time(format_time(not_before(x), true), not_before(x));
    i.cert_expire_time = t.time(format_time(not_after(x), true), not_after(x));
    std::vector<alicert::san_entry> list;
    for (auto& d : domains) list.push_back({alicert::san_type::unspecified, 0, t.keep(d)});
    i.domain_list = t.names(std::move(list));
    infos.push_back(i);
    view.cert_infos = infos;
    doc.kind = alicert::api::cdn_describe_certificate_info;
    doc.cdn = &view;
  }
  cdn_doc() = default;
  cdn_doc(const cdn_doc&) = delete;
};

// -- assertions on reports ---------------------------------------------------

/// The findings of `r` for check `c` (all fields).
inline std::vector<alicert::finding> of(const alicert::certificate_report& r, alicert::check_id c) {
  std::vector<alicert::finding> out;
  for (const auto& f : r.findings)
    if (f.check == c) out.push_back(f);
  return out;
}

/// The status of the only finding of check `c` (throws when not exactly one).
inline alicert::finding_status status(const alicert::certificate_report& r, alicert::check_id c) {
  auto v = of(r, c);
  if (v.size() != 1) throw std::runtime_error("not exactly one finding for " + std::string(alicert::check_name(c)));
  return v.front().status;
}

/// The failures (mismatch / invalid) of a report, as "check:status:field" strings.
inline std::vector<std::string> failures(const alicert::certificate_report& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (alicert::is_failure(f.status))
      out.push_back(std::string(alicert::check_name(f.check)) + ":" + std::string(alicert::status_name(f.status)) +
                    ":" + std::string(f.field) + " reported=" + std::string(f.reported.substr(0, 80)) +
                    " actual=" + std::string(f.actual.substr(0, 80)) + " note=" + std::string(f.note));
  return out;
}

/// Every finding as "check=status" (for failure messages).
inline std::string dump(const alicert::certificate_report& r) {
  std::string s;
  for (const auto& f : r.findings) {
    s += std::string(alicert::check_name(f.check)) + "[" + std::string(f.field) + "]=" +
         std::string(alicert::status_name(f.status));
    if (!f.note.empty()) s += " (" + std::string(f.note) + ")";
    s += "; ";
  }
  return s;
}

inline alicert::utc_seconds at(std::int64_t t) { return alicert::utc_seconds{std::chrono::seconds{t}}; }

}  // namespace checktest
