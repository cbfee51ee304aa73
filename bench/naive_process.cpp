// naive_process: the straightforward whole-process peer of `alicert check
// --json` for scripts/bench.sh: what an application would write to check a
// stream of CAS DescribeClientCertificate responses (one per line) without
// alicert. Each line is parsed with JsonCpp's Json::Reader (as the official
// C++ SDK does), the PEM read with PEM_read_bio_X509, and the reported
// SHA-256 and MD5 (X509_digest), serial (BN_bn2hex), dates (ASN1_TIME_to_tm),
// validity days, subject DN and name fields (X509_NAME_print_ex,
// X509_NAME_get_text_by_NID), SANs (X509_get_ext_d2i), key algorithm and
// size, and signature algorithm compared with the certificate's. One line
// per document on standard output: its request id, checks and mismatches.
//
//   naive_process FILE > results
//
// Standalone (JsonCpp + OpenSSL only), built by scripts/bench.sh.
#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <json/json.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace {

struct tally {
  int checks = 0;
  int mismatches = 0;
  void expect(bool ok) {
    ++checks;
    if (!ok) ++mismatches;
  }
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string norm_hex(const std::string& s, bool strip_zeros) {
  std::string out;
  for (char c : s)
    if (c != ':' && c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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

std::string serial_hex(X509* x) {
  BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get_serialNumber(x), nullptr);
  char* h = BN_bn2hex(bn);
  std::string s = norm_hex(h, true);
  OPENSSL_free(h);
  BN_free(bn);
  return s;
}

std::int64_t epoch(const ASN1_TIME* t) {
  std::tm tm{};
  if (!ASN1_TIME_to_tm(t, &tm)) return 0;
  return static_cast<std::int64_t>(timegm(&tm));
}

std::vector<std::string> dn_set(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string part = text.substr(start, comma - start);
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    if (part.rfind("S=", 0) == 0) part = "ST=" + part.substr(2);
    if (!part.empty()) out.push_back(part);
    start = comma + 1;
  }
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

std::vector<std::string> cert_sans(X509* x) {
  std::vector<std::string> out;
  auto* gens = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr));
  if (!gens) return out;
  for (int i = 0; i < sk_GENERAL_NAME_num(gens); ++i) {
    const GENERAL_NAME* g = sk_GENERAL_NAME_value(gens, i);
    const auto str = [](const ASN1_STRING* s) {
      return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                         static_cast<std::size_t>(ASN1_STRING_length(s)));
    };
    if (g->type == GEN_DNS) {
      out.push_back("dns:" + lower(str(g->d.dNSName)));
    } else if (g->type == GEN_IPADD) {
      char buf[64] = {};
      const int len = ASN1_STRING_length(g->d.iPAddress);
      const unsigned char* p = ASN1_STRING_get0_data(g->d.iPAddress);
      if (len == 4) inet_ntop(AF_INET, p, buf, sizeof buf);
      else if (len == 16) inet_ntop(AF_INET6, p, buf, sizeof buf);
      out.push_back("ip:" + std::string(buf));
    } else if (g->type == GEN_EMAIL) {
      out.push_back("email:" + str(g->d.rfc822Name));
    } else if (g->type == GEN_URI) {
      out.push_back("uri:" + str(g->d.uniformResourceIdentifier));
    }
  }
  GENERAL_NAMES_free(gens);
  std::sort(out.begin(), out.end());
  return out;
}

// The Sans string holds JSON; the documented sample has a trailing comma,
// so a failed parse is retried without it.
std::vector<std::string> reported_sans(const std::string& text) {
  Json::Reader reader;
  Json::Value v;
  if (!reader.parse(text, v)) {
    std::string fixed = text;
    const std::size_t close = fixed.rfind(']');
    if (close != std::string::npos && close > 0 && fixed[close - 1] == ',') fixed.erase(close - 1, 1);
    reader.parse(fixed, v);
  }
  std::vector<std::string> out;
  for (const auto& e : v) {
    const int type = e["Type"].isString() ? std::atoi(e["Type"].asCString()) : e["Type"].asInt();
    const std::string value = e["Value"].asString();
    if (type == 1) out.push_back("email:" + value);
    else if (type == 2) out.push_back("dns:" + lower(value));
    else if (type == 6) out.push_back("uri:" + value);
    else if (type == 7) out.push_back("ip:" + value);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string text_of(const Json::Value& v) { return v.isString() ? v.asString() : v.isNull() ? "" : v.toStyledString(); }

std::int64_t number_of(const Json::Value& v) {
  if (v.isString()) return std::atoll(v.asCString());
  return v.isNumeric() ? v.asInt64() : 0;
}

std::string key_family(EVP_PKEY* pk) {
  switch (EVP_PKEY_get_base_id(pk)) {
    case EVP_PKEY_RSA: return "RSA";
    case EVP_PKEY_EC: return "ECC";
    case EVP_PKEY_SM2: return "SM2";
    default: return "OTHER";
  }
}

void check_certificate(const Json::Value& c, X509* x, tally& t) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  X509_digest(x, EVP_sha256(), md, &n);
  t.expect(hex(md, n) == norm_hex(text_of(c["Sha2"]), false));
  X509_digest(x, EVP_md5(), md, &n);
  t.expect(hex(md, n) == norm_hex(text_of(c["Md5"]), false));
  t.expect(serial_hex(x) == norm_hex(text_of(c["SerialNumber"]), true));
  const std::int64_t nb = epoch(X509_get0_notBefore(x));
  const std::int64_t na = epoch(X509_get0_notAfter(x));
  t.expect(nb == number_of(c["BeforeDate"]) / 1000);
  t.expect(na == number_of(c["AfterDate"]) / 1000);
  const std::int64_t days = number_of(c["Days"]);
  t.expect((na - nb) / 86400 == days || (na - nb + 86399) / 86400 == days);
  X509_NAME* subject = X509_get_subject_name(x);
  X509_NAME* issuer = X509_get_issuer_name(x);
  t.expect(dn_set(name_text(subject)) == dn_set(text_of(c["SubjectDN"])));
  t.expect(attr(subject, NID_commonName) == text_of(c["CommonName"]));
  const std::pair<int, const char*> either[] = {{NID_organizationName, "Organization"},
                                                {NID_organizationalUnitName, "OrganizationUnit"},
                                                {NID_localityName, "Locality"},
                                                {NID_stateOrProvinceName, "State"},
                                                {NID_countryName, "CountryCode"}};
  for (const auto& [nid, key] : either) {
    const std::string reported = text_of(c[key]);
    t.expect(reported.empty() || attr(subject, nid) == reported || attr(issuer, nid) == reported);
  }
  t.expect(reported_sans(text_of(c["Sans"])) == cert_sans(x));
  EVP_PKEY* pk = X509_get0_pubkey(x);
  t.expect(pk != nullptr && key_family(pk) == text_of(c["Algorithm"]));
  t.expect(pk != nullptr && EVP_PKEY_get_bits(pk) == number_of(c["KeySize"]));
  t.expect(X509_get_signature_nid(x) != NID_undef);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: naive_process FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "naive_process: cannot read %s\n", argv[1]);
    return 2;
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  std::size_t documents = 0, mismatched = 0;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++documents;
    Json::Reader reader;
    Json::Value doc;
    tally t;
    std::string request_id;
    if (!reader.parse(line, doc) || !doc.isObject()) {
      t.expect(false);
    } else {
      request_id = text_of(doc["RequestId"]);
      const Json::Value& c = doc["Certificate"];
      const std::string pem = text_of(c["X509Certificate"]);
      BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
      X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
      BIO_free(bio);
      if (x == nullptr) {
        t.expect(false);
      } else {
        check_certificate(c, x, t);
        X509_free(x);
      }
    }
    if (t.mismatches != 0) ++mismatched;
    std::cout << "{\"request_id\":\"" << request_id << "\",\"checks\":" << t.checks << ",\"mismatches\":" << t.mismatches
              << "}\n";
  }
  std::cout.flush();
  std::fprintf(stderr, "naive_process: %zu documents, %zu with a mismatch\n", documents, mismatched);
  return mismatched != 0 ? 1 : 0;
}
