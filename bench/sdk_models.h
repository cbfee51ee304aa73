// The peers' JSON side: the result models of the official Alibaba Cloud C++
// SDK (aliyun-openapi-cpp-sdk), parsed the way its generated model classes
// parse them: `Json::Reader reader; reader.parse(payload, value)`, then
// `if (!node["Key"].isNull()) field = node["Key"].asString();`, numeric fields
// through `std::stol(node["Key"].asString())`. The same models filled from
// nlohmann::json, written in the same style, are the second peer.
//
// Deviations from the SDK, each to keep the comparison fair to the peers:
// KMS SubjectAlternativeNames and CDN DomainList sent as a string holding
// JSON are kept as that string (the SDK would throw or drop them), so the
// naive check can still read them; a document that throws is counted.
#pragma once

#include <string>
#include <vector>

namespace bench::sdk {

struct cas_certificate {
  std::string x509Certificate, identifier, serialNumber, subjectDN, commonName, organizationUnit,
      organization, locality, state, countryCode, sans, status, algorithm, signAlgorithm,
      certificateType, parentIdentifier, sha2, md5;
  long beforeDate{0}, afterDate{0};
  int keySize{0}, days{0};
};
struct cas_result {
  std::string requestId;
  cas_certificate certificate;
};

struct kms_describe_result {
  std::string requestId, status, serial, createdAt, tags, subjectKeyIdentifier, issuer,
      signatureAlgorithm, notAfter, arn, certificateId, keySpec, protectionLevel, subjectPublicKey,
      subject, notBefore, updatedAt;
  std::vector<std::string> subjectAlternativeNames;
  std::string subjectAlternativeNamesText;  ///< when sent as a string (deviation, see above)
  bool exportablePrivateKey{false};
};
struct kms_get_result {
  std::string requestId, certificateId, certificate, certificateChain, csr;
};

struct cdn_cert_info {
  std::string certExpireTime, createTime, certType, certName, certId, domainList, httpsCrt;
};
struct cdn_result {
  std::string requestId;
  std::vector<cdn_cert_info> certInfos;
};

// JsonCpp, as the SDK. May throw (Json::LogicError, std::invalid_argument).
void parse_jsoncpp(const std::string& payload, cas_result& out);
void parse_jsoncpp(const std::string& payload, kms_describe_result& out);
void parse_jsoncpp(const std::string& payload, kms_get_result& out);
void parse_jsoncpp(const std::string& payload, cdn_result& out);

// nlohmann::json, same models, same style. May throw.
void parse_nlohmann(const std::string& payload, cas_result& out);
void parse_nlohmann(const std::string& payload, kms_describe_result& out);
void parse_nlohmann(const std::string& payload, kms_get_result& out);
void parse_nlohmann(const std::string& payload, cdn_result& out);

}  // namespace bench::sdk
