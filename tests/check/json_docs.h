// Test support: response documents as JSON *text*, shaped as
// scripts/make_corpus.py shapes them (cas_doc, kms_pair, cdn_info), with
// every reported value computed by OpenSSL from a certificate nobody here
// made. The documents go through the parser, unlike support.h's views.
#pragma once

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "support.h"

namespace jsondocs {

using checktest::x509_ptr;

/// `s` as a JSON string literal (UTF-8 kept as is, controls escaped).
inline std::string json_text(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

/// `[a,b,...]` of JSON string literals.
inline std::string string_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& s : items) out += (out.size() > 1 ? "," : "") + json_text(s);
  return out + "]";
}

/// An ordered JSON object whose values are already JSON text; set() replaces
/// a member in place (or appends it), so a mutation changes one field only.
struct object {
  std::vector<std::pair<std::string, std::string>> members;

  object& set(std::string_view key, std::string value) {
    for (auto& [k, v] : members)
      if (k == key) {
        v = std::move(value);
        return *this;
      }
    members.emplace_back(std::string(key), std::move(value));
    return *this;
  }
  [[nodiscard]] std::string text() const {
    std::string out = "{";
    for (const auto& [k, v] : members) out += (out.size() > 1 ? ",\n  " : "\n  ") + json_text(k) + ": " + v;
    return out + "\n}";
  }
};

inline std::string hex(const unsigned char* p, std::size_t n, const char* sep = "", bool up = false) {
  return checktest::hex_of(p, static_cast<int>(n), sep, up);
}

inline std::string digest_hex(const std::vector<std::uint8_t>& bytes, const EVP_MD* md) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  checktest::require(EVP_Digest(bytes.data(), bytes.size(), out, &n, md, nullptr) == 1, "EVP_Digest");
  return hex(out, n);
}

/// A Name as RFC 4514 text, UTF-8; `forward`: in DER order, as CAS's sample.
inline std::string name_text(const X509_NAME* n, bool forward) {
  unsigned long flags = (XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) | ASN1_STRFLGS_UTF8_CONVERT;
  if (forward) flags &= ~XN_FLAG_DN_REV;
  BIO* b = BIO_new(BIO_s_mem());
  X509_NAME_print_ex(b, n, 0, flags);
  return checktest::bio_text(b);
}

/// The Name with one attribute value changed (the first CN, else the last
/// attribute), as RFC 4514 text; nullopt for an empty Name.
inline std::optional<std::string> mutated_name_text(const X509_NAME* n, bool forward) {
  const int count = X509_NAME_entry_count(n);
  if (count == 0) return std::nullopt;
  X509_NAME* copy = X509_NAME_dup(n);
  int i = X509_NAME_get_index_by_NID(copy, NID_commonName, -1);
  if (i < 0) i = count - 1;
  X509_NAME_ENTRY* e = X509_NAME_get_entry(copy, i);
  unsigned char* utf8 = nullptr;
  const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e));
  checktest::require(len >= 0, "ASN1_STRING_to_UTF8");
  std::string value(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(len));
  OPENSSL_free(utf8);
  value += " (mutated)";
  // A plain type, not an MBSTRING one: no length limit of the attribute's table applies.
  checktest::require(X509_NAME_ENTRY_set_data(e, V_ASN1_UTF8STRING,
                                              reinterpret_cast<const unsigned char*>(value.data()),
                                              static_cast<int>(value.size())) == 1,
                     "X509_NAME_ENTRY_set_data");
  std::string text = name_text(copy, forward);
  X509_NAME_free(copy);
  return text;
}

/// What OpenSSL says about one certificate, in the terms the APIs report it.
struct facts {
  std::string serial, serial_next;  // lower-case hex magnitude; the magnitude + 1
  std::int64_t not_before{0}, not_after{0};
  std::int64_t days_floor{0}, days_ceil{0};
  std::string sha256, md5;
  // RFC 4514 text (reversed DER order) and, for CAS, in DER order; each also
  // with one attribute value changed (nullopt for an empty Name).
  std::string subject, issuer, subject_forward;
  std::optional<std::string> subject_mutated, issuer_mutated, subject_forward_mutated;
  std::string cn, o, ou, l, st, c;  // the subject's first value of each ("" when none)
  std::string issuer_cn;            // the issuer's first CN ("" when none)
  std::vector<checktest::oracle_san> sans;
  std::string cas_algorithm;  // RSA, ECC, SM2, Ed25519, Ed448; "" for another key type
  int key_bits{0};            // RSA modulus / EC curve bits; 0 when not derivable
  std::string kms_key_spec;   // RSA_2048, EC_P256, ...; "" when KMS has no spec for the key
  std::string cas_sign, cas_sign_other, kms_sign, kms_sign_other;  // "" when not known
  std::string ski;            // KMS style; from the extension, else RFC 5280 method 1
  bool ski_extension{false};
  std::string spki_pem;
};

namespace detail {

inline std::string hash_name(int md) {
  switch (md) {
    case NID_md5: return "MD5";
    case NID_sha1: return "SHA1";
    case NID_sha224: return "SHA224";
    case NID_sha256: return "SHA256";
    case NID_sha384: return "SHA384";
    case NID_sha512: return "SHA512";
    case NID_sm3: return "SM3";
    default: return {};
  }
}

// CAS (SHA256WITHRSA) and KMS (RSA_PKCS1_SHA_256) names for a signature of
// family `pk` with hash `h`; "" when neither API has a name for it.
inline std::pair<std::string, std::string> sign_names(int pk, const std::string& h) {
  if (h.empty()) return {};
  const std::string kms_hash = h == "MD5" || h == "SM3" ? h : "SHA_" + h.substr(3);
  if (pk == NID_rsaEncryption) return {h + "WITHRSA", "RSA_PKCS1_" + kms_hash};
  if (pk == NID_X9_62_id_ecPublicKey) return {h + "WITHECDSA", "ECDSA_" + kms_hash};
  if (pk == NID_sm2 && h == "SM3") return {"SM3WITHSM2", "SM2-SM3"};
  return {};
}

inline void signature_facts(X509* x, facts& f) {
  const int sig = X509_get_signature_nid(x);
  int md = NID_undef, pk = NID_undef;
  if (sig == NID_ED25519 || sig == NID_ED448) {
    f.cas_sign = f.kms_sign = sig == NID_ED25519 ? "ED25519" : "ED448";
    f.cas_sign_other = "SHA256WITHRSA";
    f.kms_sign_other = "RSA_PKCS1_SHA_256";
    return;
  }
  if (sig == NID_rsassaPss) {  // the hash is in the parameters, which neither name carries
    f.cas_sign = "SHA256WITHRSAANDMGF1";
    f.kms_sign = "RSA_PSS_SHA_256";
    f.cas_sign_other = "SHA256WITHRSA";
    f.kms_sign_other = "RSA_PKCS1_SHA_256";
    return;
  }
  if (OBJ_find_sigid_algs(sig, &md, &pk) != 1) return;
  const std::string h = hash_name(md);
  std::tie(f.cas_sign, f.kms_sign) = sign_names(pk, h);
  std::tie(f.cas_sign_other, f.kms_sign_other) = sign_names(pk, h == "SHA256" ? "SHA384" : "SHA256");
  if (pk == NID_sm2) std::tie(f.cas_sign_other, f.kms_sign_other) = sign_names(NID_rsaEncryption, "SHA256");
}

inline void key_facts(X509* x, facts& f) {
  EVP_PKEY* k = X509_get0_pubkey(x);
  checktest::require(k != nullptr, "X509_get0_pubkey");
  BIO* b = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(b, k);
  f.spki_pem = checktest::bio_text(b);
  const int id = EVP_PKEY_get_base_id(k);
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    f.cas_algorithm = "RSA";
    f.key_bits = EVP_PKEY_get_bits(k);
    f.kms_key_spec = "RSA_" + std::to_string(f.key_bits);
  } else if (id == EVP_PKEY_EC || id == EVP_PKEY_SM2) {
    char group[80] = {};
    std::size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(k, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) != 1)
      return;  // an explicit curve: no name, no size, no spec
    const std::string g = group;
    f.key_bits = EVP_PKEY_get_bits(k);
    f.cas_algorithm = g == "SM2" ? "SM2" : "ECC";
    f.kms_key_spec = g == "prime256v1" ? "EC_P256"
                     : g == "secp384r1" ? "EC_P384"
                     : g == "secp521r1" ? "EC_P521"
                     : g == "secp256k1" ? "EC_P256K"
                     : g == "SM2"       ? "EC_SM2"
                                        : "";
  } else if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448) {
    f.cas_algorithm = id == EVP_PKEY_ED25519 ? "Ed25519" : "Ed448";
  }
}

inline void ski_facts(X509* x, facts& f) {
  if (const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(x)) {
    f.ski = hex(ASN1_STRING_get0_data(ski), static_cast<std::size_t>(ASN1_STRING_length(ski)), " ", true);
    f.ski_extension = true;
  } else {
    const auto h = checktest::key_sha1(x);
    f.ski = hex(h.data(), h.size(), " ", true);
  }
}

}  // namespace detail

inline facts facts_of(X509* x, const std::vector<std::uint8_t>& der) {
  facts f;
  f.serial = checktest::serial_hex(x);
  BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), nullptr);
  BN_set_negative(bn, 0);
  BN_add_word(bn, 1);
  char* h = BN_bn2hex(bn);
  f.serial_next = checktest::lower(h);
  OPENSSL_free(h);
  BN_free(bn);
  while (f.serial_next.size() > 1 && f.serial_next[0] == '0') f.serial_next.erase(0, 1);
  f.not_before = checktest::not_before(x);
  f.not_after = checktest::not_after(x);
  const std::int64_t span = f.not_after - f.not_before;
  f.days_floor = span >= 0 ? span / 86400 : -((-span + 86399) / 86400);
  f.days_ceil = f.days_floor + (span % 86400 != 0 ? 1 : 0);
  f.sha256 = digest_hex(der, EVP_sha256());
  f.md5 = digest_hex(der, EVP_md5());
  const X509_NAME* s = X509_get_subject_name(x);
  const X509_NAME* i = X509_get_issuer_name(x);
  f.subject_forward = name_text(s, true);
  f.subject = name_text(s, false);
  f.issuer = name_text(i, false);
  f.subject_mutated = mutated_name_text(s, false);
  f.issuer_mutated = mutated_name_text(i, false);
  f.subject_forward_mutated = mutated_name_text(s, true);
  f.cn = checktest::attribute(s, NID_commonName);
  f.o = checktest::attribute(s, NID_organizationName);
  f.ou = checktest::attribute(s, NID_organizationalUnitName);
  f.l = checktest::attribute(s, NID_localityName);
  f.st = checktest::attribute(s, NID_stateOrProvinceName);
  f.c = checktest::attribute(s, NID_countryName);
  f.issuer_cn = checktest::attribute(i, NID_commonName);
  f.sans = checktest::sans_of(x);
  detail::key_facts(x, f);
  detail::signature_facts(x, f);
  detail::ski_facts(x, f);
  return f;
}

/// The DNS SANs of `f`.
inline std::vector<std::string> dns_names(const facts& f) {
  std::vector<std::string> out;
  for (const auto& s : f.sans)
    if (s.type == GEN_DNS) out.push_back(s.value);
  return out;
}

/// CAS Sans: a string holding a JSON array of {"Type", "Value"} (1 email, 2 DNS,
/// 6 URI, 7 IP), in the documented layout, trailing comma included (make_corpus.py's
/// default "doc_trailing"): `[ {"Type": 2, "Value": "a.com"}, ]`.
inline std::string cas_sans(const std::vector<checktest::oracle_san>& sans, std::string_view extra_dns = {}) {
  std::string inner = "[ ";
  const auto add = [&](int type, std::string_view value) {
    inner += "{\"Type\": " + std::to_string(type) + ", \"Value\": " + json_text(value) + "}, ";
  };
  for (const auto& s : sans)
    add(s.type == GEN_EMAIL ? 1 : s.type == GEN_DNS ? 2 : s.type == GEN_URI ? 6 : 7, s.value);
  if (!extra_dns.empty()) add(2, extra_dns);
  return json_text(inner + "]");
}

/// KMS SubjectAlternativeNames: a string holding a JSON array of the DNS and IP names.
inline std::string kms_sans(const std::vector<checktest::oracle_san>& sans, std::string_view extra = {}) {
  std::vector<std::string> names;
  for (const auto& s : sans)
    if (s.type == GEN_DNS || s.type == GEN_IPADD) names.push_back(s.value);
  if (!extra.empty()) names.emplace_back(extra);
  return json_text(string_array(names));
}

/// One certificate, and what the documents report about it.
struct certificate {
  std::string file;
  std::string pem;  // the file's own text, as the APIs would carry it
  std::vector<std::uint8_t> der;
  x509_ptr x;
  facts f;
};

// -- the documents, as scripts/make_corpus.py shapes them ------------------------

inline std::string text_digest(std::string_view text, const EVP_MD* md, const char* sep = "", bool up = false) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  checktest::require(EVP_Digest(text.data(), text.size(), out, &n, md, nullptr) == 1, "EVP_Digest");
  return hex(out, n, sep, up);
}

inline std::string millis(std::int64_t t) { return std::to_string(t * 1000); }
inline std::string iso(std::int64_t t) { return json_text(checktest::format_time(t)); }
inline std::string go(std::int64_t t) { return json_text(checktest::format_time(t, true)); }

// cas_doc: the fields of `Certificate`.
inline object cas_fields(const certificate& c) {
  const facts& f = c.f;
  object o;
  o.set("X509Certificate", json_text(c.pem))
      .set("Identifier", json_text(f.sha256.substr(0, 32)))
      .set("SerialNumber", json_text(f.serial))
      .set("SubjectDN", json_text(f.subject_forward))
      .set("CommonName", json_text(f.cn))
      .set("OrganizationUnit", json_text(f.ou))
      .set("Organization", json_text(f.o))
      .set("Locality", json_text(f.l))
      .set("State", json_text(f.st))
      .set("CountryCode", json_text(f.c))
      .set("Sans", cas_sans(f.sans))
      .set("Status", json_text("ISSUE"))
      .set("BeforeDate", millis(f.not_before))
      .set("AfterDate", millis(f.not_after))
      .set("Algorithm", json_text(f.cas_algorithm))
      .set("KeySize", std::to_string(f.key_bits))
      .set("SignAlgorithm", json_text(f.cas_sign))
      .set("CertificateType", json_text("ROOT"))
      .set("ParentIdentifier", json_text(f.sha256.substr(32)))
      .set("Sha2", json_text(f.sha256))
      .set("Md5", json_text(f.md5))
      .set("Days", std::to_string(f.days_floor))
      .set("ResourceGroupId", json_text("rg-acfmzabcdefghij"));
  // What alicert could not derive the generator would not report either.
  if (f.cas_algorithm.empty()) o.set("Algorithm", "null");
  if (f.key_bits == 0) o.set("KeySize", "null");
  if (f.cas_sign.empty()) o.set("SignAlgorithm", "null");
  return o;
}

inline std::string cas_document(const object& o) {
  return "{\"Certificate\": " + o.text() + ",\n\"RequestId\": \"5B2D5B41-0000-4000-A000-CAB0CAB0CAB0\"}\n";
}

inline std::string kms_certificate_id(const certificate& c) {
  const std::string h = c.f.sha256;
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-4" + h.substr(13, 3) + "-a" + h.substr(17, 3) + "-" +
         h.substr(20, 12);
}

// kms_pair: DescribeCertificate, flat.
inline object kms_fields(const certificate& c) {
  const facts& f = c.f;
  const std::string id = kms_certificate_id(c);
  object o;
  o.set("Status", json_text("ACTIVE"))
      .set("ProtectionLevel", json_text("SOFTWARE"))
      .set("RequestId", json_text("kms-d-" + id))
      .set("Issuer", json_text(f.issuer))
      .set("CertificateId", json_text(id))
      .set("CreatedAt", iso(f.not_before))
      .set("KeySpec", f.kms_key_spec.empty() ? "null" : json_text(f.kms_key_spec))
      .set("SubjectAlternativeNames", kms_sans(f.sans))
      .set("SignatureAlgorithm", f.kms_sign.empty() ? "null" : json_text(f.kms_sign))
      .set("SubjectKeyIdentifier", json_text(f.ski))
      .set("NotAfter", iso(f.not_after))
      .set("UpdatedAt", iso(f.not_before))
      .set("Subject", json_text(f.subject))
      .set("Serial", json_text(f.serial))
      .set("SubjectPublicKey", json_text(f.spki_pem))
      .set("NotBefore", iso(f.not_before))
      .set("Arn", json_text("acs:kms:cn-hangzhou:1594986938260000:certificate/" + id))
      .set("Tags", "{\"env\": \"test\"}")
      .set("ExportablePrivateKey", "false");
  return o;
}

// kms_pair: GetCertificate, which carries the certificate (no chain: a root).
inline std::string kms_get_document(const certificate& c) {
  const std::string id = kms_certificate_id(c);
  return "{\"CertificateId\": " + json_text(id) + ",\n\"Certificate\": " + json_text(c.pem) +
         ",\n\"CertificateChain\": \"\",\n\"RequestId\": " + json_text("kms-g-" + id) + "}\n";
}

// cdn_info: DomainList from the DNS SANs (wildcards aside), else the subject CN.
inline std::vector<std::string> cdn_domains(const facts& f) {
  std::vector<std::string> d;
  for (const auto& n : dns_names(f))
    if (n.rfind("*.", 0) != 0) d.push_back(n);
  if (d.empty() && dns_names(f).empty()) d.push_back(f.cn);  // no CN either: the documented [""]
  return d;
}

inline object cdn_fields(const certificate& c) {
  object o;
  o.set("CertId", json_text(std::to_string(16440000 + std::stoul(c.f.sha256.substr(0, 4), nullptr, 16))))
      .set("CertName", json_text(c.file))
      .set("CreateTime", go(c.f.not_before))
      .set("HttpsCrt", json_text(c.pem))
      .set("CertType", json_text("upload"))
      .set("CertExpireTime", go(c.f.not_after))
      .set("DomainList", string_array(cdn_domains(c.f)));
  return o;
}

inline std::string cdn_document(const object& o) {
  return "{\"CertInfos\": {\"CertInfo\": [" + o.text() +
         "]},\n\"RequestId\": \"5B2D5B41-0000-4000-A000-CD0CD0CD0CD0\"}\n";
}

}  // namespace jsondocs
