// The helpers of the usual OpenSSL check (naive_openssl_common.h).
#include "naive_openssl_common.h"

#include <arpa/inet.h>

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

namespace bench::naive {

void expect(tally& t, bool ok) {
  ++t.checks;
  if (!ok) ++t.mismatches;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Hex as the APIs write it: drop ':' and spaces, lower case, optionally no leading zeros.
std::string norm_hex(const std::string& s, bool strip_zeros) {
  std::string out;
  for (char c : s)
    if (c != ':' && c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.rfind("0x", 0) == 0) out.erase(0, 2);
  if (strip_zeros) {
    std::size_t z = 0;
    while (z + 1 < out.size() && out[z] == '0') ++z;
    out.erase(0, z);
  }
  return out;
}

std::string hex(const unsigned char* p, unsigned n) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (unsigned i = 0; i < n; ++i) {
    s += digits[p[i] >> 4];
    s += digits[p[i] & 15];
  }
  return s;
}

X509* read_pem(const std::string& pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  return x;
}

std::vector<X509*> read_chain(const std::string& pem) {
  std::vector<X509*> out;
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  while (X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) out.push_back(x);
  ERR_clear_error();  // the end of the chain leaves "no start line" on the queue
  BIO_free(bio);
  return out;
}

std::int64_t asn1_epoch(const ASN1_TIME* t) {
  std::tm tm{};
  if (!ASN1_TIME_to_tm(t, &tm)) return 0;
  return static_cast<std::int64_t>(timegm(&tm));
}

std::string serial_hex(X509* x) {
  BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get_serialNumber(x), nullptr);
  char* h = BN_bn2hex(bn);
  std::string s = norm_hex(h, true);
  OPENSSL_free(h);
  BN_free(bn);
  return s;
}

std::string serial_dec(X509* x) {
  BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get_serialNumber(x), nullptr);
  char* d = BN_bn2dec(bn);
  std::string s = d;
  OPENSSL_free(d);
  BN_free(bn);
  return s;
}

namespace {

// The non-empty comma-separated parts of `text`, spaces trimmed.
std::vector<std::string> split_on_commas(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string part = text.substr(start, comma - start);
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    if (!part.empty()) out.push_back(part);
    start = comma + 1;
  }
  return out;
}

}  // namespace

// A DN as a sorted list of "type=value" (RFC 2253 text split on commas; a
// naive split, as applications do).
std::vector<std::string> dn_set(std::string text) {
  std::vector<std::string> out = split_on_commas(text);
  for (std::string& part : out)
    if (part.rfind("S=", 0) == 0) part = "ST=" + part.substr(2);
  std::sort(out.begin(), out.end());
  return out;
}

std::string name_text(X509_NAME* n) {
  BIO* mem = BIO_new(BIO_s_mem());
  X509_NAME_print_ex(mem, n, 0, XN_FLAG_RFC2253);
  char* data = nullptr;
  const long len = BIO_get_mem_data(mem, &data);
  std::string s(data, static_cast<std::size_t>(len));
  BIO_free(mem);
  return s;
}

std::string attr(X509_NAME* n, int nid) {
  char buf[512];
  const int len = X509_NAME_get_text_by_NID(n, nid, buf, sizeof buf);
  return len < 0 ? std::string() : std::string(buf, static_cast<std::size_t>(len));
}

// The certificate's DNS, IP, email and URI names as "kind:value", sorted.
std::vector<std::string> cert_sans(X509* x, bool dns_ip_only) {
  std::vector<std::string> out;
  auto* gens = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr));
  if (!gens) return out;
  for (int i = 0; i < sk_GENERAL_NAME_num(gens); ++i) {
    const GENERAL_NAME* g = sk_GENERAL_NAME_value(gens, i);
    auto str = [](const ASN1_STRING* s) {
      return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                         static_cast<std::size_t>(ASN1_STRING_length(s)));
    };
    switch (g->type) {
      case GEN_DNS: out.push_back(dns_ip_only ? lower(str(g->d.dNSName)) : "dns:" + lower(str(g->d.dNSName))); break;
      case GEN_IPADD: {
        char buf[64] = {};
        const int len = ASN1_STRING_length(g->d.iPAddress);
        const unsigned char* p = ASN1_STRING_get0_data(g->d.iPAddress);
        if (len == 4) inet_ntop(AF_INET, p, buf, sizeof buf);
        else if (len == 16) inet_ntop(AF_INET6, p, buf, sizeof buf);
        out.push_back(dns_ip_only ? std::string(buf) : "ip:" + std::string(buf));
        break;
      }
      case GEN_EMAIL: if (!dns_ip_only) out.push_back("email:" + str(g->d.rfc822Name)); break;
      case GEN_URI: if (!dns_ip_only) out.push_back("uri:" + str(g->d.uniformResourceIdentifier)); break;
      default: break;
    }
  }
  GENERAL_NAMES_free(gens);
  std::sort(out.begin(), out.end());
  return out;
}

// JSON held in a string, read with JsonCpp; the documented trailing comma
// makes the first parse fail, so the comma is removed and the parse retried.
Json::Value inner_json(const std::string& text) {
  Json::Reader reader;
  Json::Value v;
  if (reader.parse(text, v)) return v;
  std::string fixed = text;
  const std::size_t close = fixed.rfind(']');
  if (close != std::string::npos) {
    std::size_t k = close;
    while (k > 0 && std::isspace(static_cast<unsigned char>(fixed[k - 1]))) --k;
    if (k > 0 && fixed[k - 1] == ',') fixed.erase(k - 1, 1);
  }
  Json::Value w;
  reader.parse(fixed, w);
  return w;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  if (!text.empty() && text.front() == '[') {
    for (const auto& item : inner_json(text))
      if (item.isString() && !item.asString().empty()) out.push_back(item.asString());
    return out;
  }
  return split_on_commas(text);
}

std::int64_t parse_time(const std::string& text, const char* format) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), format, &tm);
  if (!end) return -1;
  std::int64_t t = static_cast<std::int64_t>(timegm(&tm));
  if (*end == '.')
    for (++end; std::isdigit(static_cast<unsigned char>(*end));) ++end;
  while (*end == ' ') ++end;
  if (*end == '+' || *end == '-') {
    const int sign = *end == '-' ? -1 : 1;
    int hh = 0, mm = 0;
    if (std::sscanf(end + 1, "%2d:%2d", &hh, &mm) == 2 || std::sscanf(end + 1, "%2d%2d", &hh, &mm) == 2)
      t -= sign * (hh * 3600 + mm * 60);
  }
  return t;
}

std::string key_family(EVP_PKEY* pk) {
  switch (EVP_PKEY_get_base_id(pk)) {
    case EVP_PKEY_RSA: return "RSA";
    case EVP_PKEY_EC: return "ECC";
    case EVP_PKEY_SM2: return "SM2";
    default: return "OTHER";
  }
}

// "SHA256WITHRSA" style, from the signature algorithm.
std::string signature_name(X509* x) {
  int md = 0, pk = 0;
  if (!OBJ_find_sigid_algs(X509_get_signature_nid(x), &md, &pk)) return "";
  std::string s = OBJ_nid2sn(md);
  s += "WITH";
  s += pk == NID_rsaEncryption ? "RSA" : pk == NID_X9_62_id_ecPublicKey ? "ECDSA" : OBJ_nid2sn(pk);
  std::string u;
  for (char c : s)
    if (c != '-') u += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

void validity_now(X509* x, std::int64_t now, tally& t) {
  std::time_t n = static_cast<std::time_t>(now);
  expect(t, X509_cmp_time(X509_get0_notBefore(x), &n) < 0 && X509_cmp_time(X509_get0_notAfter(x), &n) > 0);
}

void chain_check(X509* leaf, const std::vector<X509*>& issuers, tally& t) {
  X509* prev = leaf;
  for (X509* next : issuers) {
    // X509_check_issued compares names and key identifiers only; the signature
    // is what alicert verifies too (issue 10), so the usual check verifies it.
    EVP_PKEY* key = X509_get0_pubkey(next);
    expect(t, X509_check_issued(next, prev) == X509_V_OK && key != nullptr && X509_verify(prev, key) == 1);
    prev = next;
  }
}

}  // namespace bench::naive
