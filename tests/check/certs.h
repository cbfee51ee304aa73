// Test support for the check wing: keys and certificates built with OpenSSL,
// field by field (cert_spec).
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

/// `k` as a PEM private key: PKCS #8, or OpenSSL's traditional form.
inline std::string private_key_pem(EVP_PKEY* k, bool traditional = false) {
  BIO* b = BIO_new(BIO_s_mem());
  if (traditional)
    PEM_write_bio_PrivateKey_traditional(b, k, nullptr, nullptr, 0, nullptr, nullptr);
  else
    PEM_write_bio_PrivateKey(b, k, nullptr, nullptr, 0, nullptr, nullptr);
  return bio_text(b);
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

}  // namespace checktest
