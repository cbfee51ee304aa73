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
// A program of its own (JsonCpp + OpenSSL only, no alicert), built by
// scripts/bench.sh with the helpers the library benchmark's OpenSSL peer
// uses (naive_openssl_common.cpp), so both peers check alike.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <json/json.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include "naive_openssl_common.h"

namespace {

using namespace bench::naive;

// The Sans string holds JSON; the documented sample has a trailing comma,
// so a failed parse is retried without it.
std::vector<std::string> reported_sans(const std::string& text) {
  const Json::Value v = inner_json(text);
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

void check_certificate(const Json::Value& c, X509* x, tally& t) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  X509_digest(x, EVP_sha256(), md, &n);
  expect(t, hex(md, n) == norm_hex(text_of(c["Sha2"]), false));
  X509_digest(x, EVP_md5(), md, &n);
  expect(t, hex(md, n) == norm_hex(text_of(c["Md5"]), false));
  expect(t, serial_hex(x) == norm_hex(text_of(c["SerialNumber"]), true));
  const std::int64_t nb = asn1_epoch(X509_get0_notBefore(x));
  const std::int64_t na = asn1_epoch(X509_get0_notAfter(x));
  expect(t, nb == number_of(c["BeforeDate"]) / 1000);
  expect(t, na == number_of(c["AfterDate"]) / 1000);
  const std::int64_t days = number_of(c["Days"]);
  expect(t, (na - nb) / 86400 == days || (na - nb + 86399) / 86400 == days);
  X509_NAME* subject = X509_get_subject_name(x);
  X509_NAME* issuer = X509_get_issuer_name(x);
  expect(t, dn_set(name_text(subject)) == dn_set(text_of(c["SubjectDN"])));
  expect(t, attr(subject, NID_commonName) == text_of(c["CommonName"]));
  const std::pair<int, const char*> either[] = {{NID_organizationName, "Organization"},
                                                {NID_organizationalUnitName, "OrganizationUnit"},
                                                {NID_localityName, "Locality"},
                                                {NID_stateOrProvinceName, "State"},
                                                {NID_countryName, "CountryCode"}};
  for (const auto& [nid, key] : either) {
    const std::string reported = text_of(c[key]);
    expect(t, reported.empty() || attr(subject, nid) == reported || attr(issuer, nid) == reported);
  }
  expect(t, reported_sans(text_of(c["Sans"])) == cert_sans(x, false));
  EVP_PKEY* pk = X509_get0_pubkey(x);
  expect(t, pk != nullptr && key_family(pk) == text_of(c["Algorithm"]));
  expect(t, pk != nullptr && EVP_PKEY_get_bits(pk) == number_of(c["KeySize"]));
  expect(t, X509_get_signature_nid(x) != NID_undef);
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
      expect(t, false);
    } else {
      request_id = text_of(doc["RequestId"]);
      const Json::Value& c = doc["Certificate"];
      const std::string pem = text_of(c["X509Certificate"]);
      X509* x = read_pem(pem);
      if (x == nullptr) {
        expect(t, false);
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
