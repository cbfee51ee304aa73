#include "certificates.h"

#include <ctime>
#include <memory>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace bench {
namespace {

struct x509_free_t {
  void operator()(X509* x) const noexcept { X509_free(x); }
};
struct pkey_free_t {
  void operator()(EVP_PKEY* k) const noexcept { EVP_PKEY_free(k); }
};
struct md_ctx_free_t {
  void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};
using x509_ptr = std::unique_ptr<X509, x509_free_t>;
using pkey_ptr = std::unique_ptr<EVP_PKEY, pkey_free_t>;

void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("bench certificates: OpenSSL failed at ") + what);
}

void add_ext(X509* issuer, X509* subject, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer, subject, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  require(ext != nullptr, "X509V3_EXT_conf_nid");
  X509_add_ext(subject, ext, -1);
  X509_EXTENSION_free(ext);
}

// How a certificate is signed: the digest (null for EdDSA) and the padding.
struct signing {
  const char* md{"SHA256"};
  bool pss{false};
};

void sign(X509* x, EVP_PKEY* signer, signing how) {
  std::unique_ptr<EVP_MD_CTX, md_ctx_free_t> ctx(EVP_MD_CTX_new());
  require(ctx != nullptr, "EVP_MD_CTX_new");
  EVP_PKEY_CTX* pctx = nullptr;
  require(EVP_DigestSignInit_ex(ctx.get(), &pctx, how.md, nullptr, nullptr, signer, nullptr) == 1,
          "EVP_DigestSignInit_ex");
  if (how.pss) require(EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1, "PSS padding");
  require(X509_sign_ctx(x, ctx.get()) > 0, "X509_sign_ctx");
}

// Issues a certificate for `key` named `cn`, signed by issuer/issuer_key (self-signed when null).
x509_ptr issue(EVP_PKEY* key, const char* cn, bool ca, X509* issuer, EVP_PKEY* issuer_key, long serial,
               signing how = {}) {
  x509_ptr x(X509_new());
  require(x != nullptr, "X509_new");
  X509_set_version(x.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x.get()), serial);
  const std::time_t now = static_cast<std::time_t>(reference_now());
  ASN1_TIME_set(X509_getm_notBefore(x.get()), now - 30L * 86400);
  ASN1_TIME_set(X509_getm_notAfter(x.get()), now + (ca ? 3650L : 365L) * 86400);
  X509_set_pubkey(x.get(), key);
  X509_NAME* name = X509_get_subject_name(x.get());
  auto entry = [&](const char* field, const char* value) {
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_ASC, reinterpret_cast<const unsigned char*>(value), -1, -1, 0);
  };
  entry("C", "CN");
  entry("O", "Alibaba Cloud Benchmark");
  entry("CN", cn);
  X509* signer = issuer ? issuer : x.get();
  X509_set_issuer_name(x.get(), X509_get_subject_name(signer));
  add_ext(signer, x.get(), NID_subject_key_identifier, "hash");
  if (issuer) add_ext(signer, x.get(), NID_authority_key_identifier, "keyid:always");
  if (ca) {
    add_ext(signer, x.get(), NID_basic_constraints, "critical,CA:TRUE");
    add_ext(signer, x.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_ext(signer, x.get(), NID_subject_alt_name, "DNS:www.example.com,DNS:example.com,DNS:*.cdn.example.com");
    add_ext(signer, x.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment");
  }
  sign(x.get(), issuer_key ? issuer_key : key, how);
  return x;
}

std::string to_pem(X509* x) {
  BIO* bio = BIO_new(BIO_s_mem());
  require(bio != nullptr && PEM_write_bio_X509(bio, x) == 1, "PEM_write_bio_X509");
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string s(data, static_cast<std::size_t>(n));
  BIO_free(bio);
  return s;
}

std::vector<std::uint8_t> to_der(X509* x) {
  unsigned char* der = nullptr;
  const int n = i2d_X509(x, &der);
  require(n > 0, "i2d_X509");
  std::vector<std::uint8_t> out(der, der + n);
  OPENSSL_free(der);
  return out;
}

std::string go_time(const ASN1_TIME* t) {
  std::tm tm{};
  ASN1_TIME_to_tm(t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S +0000 UTC", &tm);
  return buf;
}

// A CDN document of one entry whose HttpsCrt is `pem`, dated as `leaf`.
unit cdn_document(const std::string& name, const std::string& pem, X509* leaf) {
  nlohmann::json entry;
  entry["CertId"] = "9001";
  entry["CertName"] = name;
  entry["CertType"] = "upload";
  entry["CreateTime"] = go_time(X509_get0_notBefore(leaf));
  entry["CertExpireTime"] = go_time(X509_get0_notAfter(leaf));
  entry["HttpsCrt"] = pem;
  entry["DomainList"] = "www.example.com,example.com,img.cdn.example.com";
  nlohmann::json out;
  out["CertInfos"]["CertInfo"] = nlohmann::json::array({entry});
  out["RequestId"] = "5C3AE8C4-0000-4000-8000-000000000000";
  unit u;
  u.name = name;
  u.docs.emplace_back(u.name, out.dump(2));
  u.bytes = u.docs.front().text.size();
  derive_pem(u);
  return u;
}

// leaf, int3, int2, int1 (root not sent, as servers do).
struct generated_chain {
  std::vector<x509_ptr> certs;
  std::string pems[4];
};

const generated_chain& rsa_chain() {
  static const generated_chain c = [] {
    generated_chain g;
    std::vector<pkey_ptr> keys;
    for (int i = 0; i < 5; ++i) keys.emplace_back(EVP_RSA_gen(2048));
    x509_ptr root = issue(keys[0].get(), "Bench Root CA", true, nullptr, nullptr, 1);
    x509_ptr i1 = issue(keys[1].get(), "Bench Intermediate 1", true, root.get(), keys[0].get(), 2);
    x509_ptr i2 = issue(keys[2].get(), "Bench Intermediate 2", true, i1.get(), keys[1].get(), 3);
    x509_ptr i3 = issue(keys[3].get(), "Bench Intermediate 3", true, i2.get(), keys[2].get(), 4);
    x509_ptr leaf = issue(keys[4].get(), "www.example.com", false, i3.get(), keys[3].get(), 0x1234567890abcdefL);
    g.certs.push_back(std::move(leaf));
    g.certs.push_back(std::move(i3));
    g.certs.push_back(std::move(i2));
    g.certs.push_back(std::move(i1));
    for (int i = 0; i < 4; ++i) g.pems[i] = to_pem(g.certs[static_cast<std::size_t>(i)].get());
    return g;
  }();
  return c;
}

pkey_ptr make_key(key_type k) {
  EVP_PKEY* key = nullptr;
  switch (k) {
    case key_type::rsa2048:
    case key_type::rsa2048_pss: key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{2048}); break;
    case key_type::rsa3072: key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{3072}); break;
    case key_type::rsa4096: key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{4096}); break;
    case key_type::p256: key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"); break;
    case key_type::p384: key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"); break;
    case key_type::p521: key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-521"); break;
    case key_type::secp256k1: key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "secp256k1"); break;
    case key_type::ed25519: key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"); break;
    case key_type::ed448: key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED448"); break;
    case key_type::sm2: key = EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2"); break;
  }
  require(key != nullptr, "EVP_PKEY_Q_keygen");
  return pkey_ptr(key);
}

signing signing_of(key_type k) noexcept {
  switch (k) {
    case key_type::rsa2048_pss: return {"SHA256", true};
    case key_type::p384: return {"SHA384", false};
    case key_type::p521: return {"SHA512", false};
    case key_type::ed25519:
    case key_type::ed448: return {nullptr, false};
    case key_type::sm2: return {"SM3", false};
    default: return {"SHA256", false};
  }
}

}  // namespace

std::vector<key_type> all_key_types() {
  return {key_type::rsa2048, key_type::rsa2048_pss, key_type::rsa3072, key_type::rsa4096,
          key_type::p256,    key_type::p384,        key_type::p521,    key_type::secp256k1,
          key_type::ed25519, key_type::ed448,       key_type::sm2};
}

const char* key_type_label(key_type k) noexcept {
  switch (k) {
    case key_type::rsa2048: return "rsa2048";
    case key_type::rsa2048_pss: return "rsa2048_pss";
    case key_type::rsa3072: return "rsa3072";
    case key_type::rsa4096: return "rsa4096";
    case key_type::p256: return "p256";
    case key_type::p384: return "p384";
    case key_type::p521: return "p521";
    case key_type::secp256k1: return "secp256k1";
    case key_type::ed25519: return "ed25519";
    case key_type::ed448: return "ed448";
    case key_type::sm2: return "sm2";
  }
  return "?";
}

unit make_chain_document(std::size_t length) {
  const generated_chain& g = rsa_chain();
  std::string pem;
  for (std::size_t i = 0; i < length && i < 4; ++i) pem += g.pems[i];
  unit u = cdn_document("chain_" + std::to_string(length), pem, g.certs.front().get());
  return u;
}

signed_pair make_signed_pair(key_type k) {
  const pkey_ptr ca_key = make_key(k);
  const pkey_ptr leaf_key = make_key(key_type::p256);
  const std::string ca_name = std::string("Bench CA ") + key_type_label(k);
  const signing how = signing_of(k);
  x509_ptr ca = issue(ca_key.get(), ca_name.c_str(), true, nullptr, nullptr, 1, how);
  x509_ptr leaf = issue(leaf_key.get(), "www.example.com", false, ca.get(), ca_key.get(), 0x1234567890abcdefL, how);
  const std::string leaf_pem = to_pem(leaf.get());
  signed_pair p;
  p.ca_der = to_der(ca.get());
  p.leaf_der = to_der(leaf.get());
  p.with_chain = cdn_document(std::string("chain_") + key_type_label(k), leaf_pem + to_pem(ca.get()), leaf.get());
  p.without_chain = cdn_document(std::string("leaf_") + key_type_label(k), leaf_pem, leaf.get());
  return p;
}

}  // namespace bench
