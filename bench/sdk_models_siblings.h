// The peers' JSON side for the sibling APIs (docs/siblings.md): result
// models in the style of the official C++ SDK's generated classes, parsed as
// sdk_models.h describes (Json::Reader, `node["Key"].isNull()` then
// `asString()`, numbers through `std::stol(node["Key"].asString())`, booleans
// as `asString() == "true"`). Fields: every one docs/siblings.md lists.
//
// Deviations, as in sdk_models.h, each to keep the comparison fair to the
// peers (the SDK would throw or read nothing): a list collapsed to one object
// (CertInfo, CertChain, CertificateOrderList, ServerCertificate) is read as a
// one-element list, a bare ServerCertificates or SubjectAlternativeNames
// array as the list, a SubjectAlternativeNames string as one name, and a Sans
// sent as a JSON array is kept as its JSON text, which the naive check reads.
#pragma once

#include <string>
#include <vector>

namespace bench::sdk {

struct tag_item {
  std::string tagKey, tagValue;
};

/// cas.GetUserCertificateDetail (2020-04-07).
struct gucd_cert_chain_item {
  std::string commonName, issuerCommonName;
  long notBefore{0}, notAfter{0};
  int remainDay{0};
};
struct gucd_result {
  std::string requestId, certIdentifier, name, instanceId, resourceGroupId, cert, signCert, encryptCert, key,
      signPrivateKey, encryptPrivateKey, common, sans, fingerprint, sha2, certSha2, serialNo, issuer, orgName,
      province, city, country, startDate, endDate, algorithm;
  long id{0}, orderId{0}, notBefore{0}, notAfter{0};
  bool expired{false}, buyInAliyun{false};
  std::vector<gucd_cert_chain_item> certChain;
  std::vector<tag_item> tags;
};

/// cas.ListUserCertificateOrder (2020-04-07).
struct luco_order {
  std::string name, instanceId, resourceGroupId, status, certType, commonName, sans, fingerprint, sha2, serialNo,
      issuer, orgName, province, city, country, startDate, endDate, algorithm, domain, productName, rootBrand;
  long certificateId{0}, orderId{0}, certStartTime{0}, certEndTime{0};
  bool upload{false}, expired{false};
};
struct luco_result {
  std::string requestId;
  long totalCount{0}, currentPage{0}, showSize{0};
  std::vector<luco_order> certificateOrderList;
};

/// cdn.DescribeDomainCertificateInfo (2018-05-10).
struct cdn_domain_cert_info {
  std::string domainName, certDomainName, serverCertificate, serverCertificateStatus, certExpireTime, certStartTime,
      certOrg, certId, certName, certRegion, certType, certLife, status, certUpdateTime, domainCnameStatus;
};
struct cdn_domain_result {
  std::string requestId;
  std::vector<cdn_domain_cert_info> certInfos;
};

/// dcdn.DescribeDcdnDomainCertificateInfo (2018-01-15).
struct dcdn_cert_info {
  std::string domainName, certDomainName, sSLPub, sSLProtocol, certExpireTime, certOrg, certId, certName,
      certRegion, certType, certLife, status, certUpdateTime;
};
struct dcdn_result {
  std::string requestId;
  std::vector<dcdn_cert_info> certInfos;
};

/// slb.DescribeServerCertificates (2014-05-15).
struct slb_server_certificate {
  std::string serverCertificateId, serverCertificateName, regionId, regionIdAlias, resourceGroupId, fingerprint,
      commonName, expireTime, createTime, aliCloudCertificateId, aliCloudCertificateName, encryptionAlgorithm,
      standardType;
  long expireTimeStamp{0}, createTimeStamp{0};
  int isAliCloudCertificate{0}, encryptionKeyLength{0};
  std::vector<std::string> subjectAlternativeNames;
  std::vector<tag_item> tags;
};
struct slb_result {
  std::string requestId;
  std::vector<slb_server_certificate> serverCertificates;
};

// JsonCpp, as the SDK. May throw (Json::LogicError, std::invalid_argument).
void parse_jsoncpp(const std::string& payload, gucd_result& out);
void parse_jsoncpp(const std::string& payload, luco_result& out);
void parse_jsoncpp(const std::string& payload, cdn_domain_result& out);
void parse_jsoncpp(const std::string& payload, dcdn_result& out);
void parse_jsoncpp(const std::string& payload, slb_result& out);

}  // namespace bench::sdk
