#include "sdk_models_siblings.h"

#include <json/json.h>

namespace bench::sdk {
namespace {

// The SDK's statements, one per field, factored: the same Json::Value calls
// on the same non-const nodes (operator[] inserts a null member when the key
// is missing, as in the SDK), so the cost is the SDK's.
void text(Json::Value& node, const char* key, std::string& out) {
  if (!node[key].isNull()) out = node[key].asString();
}
// A JSON array where the SDK expects a string would throw; kept as its JSON
// text instead (the header's deviation), as sdk_models.cpp does for DomainList.
void text_or_json(Json::Value& node, const char* key, std::string& out) {
  if (!node[key].isNull()) out = node[key].isString() ? node[key].asString() : node[key].toStyledString();
}
void number(Json::Value& node, const char* key, long& out) {
  if (!node[key].isNull()) out = std::stol(node[key].asString());
}
void number(Json::Value& node, const char* key, int& out) {
  if (!node[key].isNull()) out = std::stoi(node[key].asString());
}
void boolean(Json::Value& node, const char* key, bool& out) {
  if (!node[key].isNull()) out = node[key].asString() == "true";
}

// The SDK loops `for (auto item : allNode)`; a list collapsed to one object
// (or a bare array where the SDK expects a wrapper) is read as the list it
// stands for (the header's deviation).
template <class F>
void each(Json::Value list, F&& one) {
  if (list.isArray()) {
    for (auto item : list) one(item);
  } else if (list.isObject()) {
    one(list);
  }
}

void tags(Json::Value list, std::vector<tag_item>& out) {
  each(std::move(list), [&](Json::Value& item) {
    tag_item t;
    text(item, "TagKey", t.tagKey);
    text(item, "TagValue", t.tagValue);
    out.push_back(t);
  });
}

}  // namespace

void parse_jsoncpp(const std::string& payload, gucd_result& out) {
  Json::Reader reader;
  Json::Value value;
  reader.parse(payload, value);
  out.requestId = value["RequestId"].asString();
  number(value, "Id", out.id);
  text(value, "CertIdentifier", out.certIdentifier);
  text(value, "Name", out.name);
  text(value, "InstanceId", out.instanceId);
  text(value, "ResourceGroupId", out.resourceGroupId);
  number(value, "OrderId", out.orderId);
  text(value, "Cert", out.cert);
  text(value, "SignCert", out.signCert);
  text(value, "EncryptCert", out.encryptCert);
  text(value, "Key", out.key);
  text(value, "SignPrivateKey", out.signPrivateKey);
  text(value, "EncryptPrivateKey", out.encryptPrivateKey);
  text(value, "Common", out.common);
  text_or_json(value, "Sans", out.sans);
  text(value, "Fingerprint", out.fingerprint);
  text(value, "Sha2", out.sha2);
  text(value, "CertSha2", out.certSha2);
  text(value, "SerialNo", out.serialNo);
  text(value, "Issuer", out.issuer);
  text(value, "OrgName", out.orgName);
  text(value, "Province", out.province);
  text(value, "City", out.city);
  text(value, "Country", out.country);
  number(value, "NotBefore", out.notBefore);
  number(value, "NotAfter", out.notAfter);
  text(value, "StartDate", out.startDate);
  text(value, "EndDate", out.endDate);
  boolean(value, "Expired", out.expired);
  boolean(value, "BuyInAliyun", out.buyInAliyun);
  text(value, "Algorithm", out.algorithm);
  each(value["CertChain"], [&](Json::Value& item) {
    gucd_cert_chain_item c;
    text(item, "CommonName", c.commonName);
    text(item, "IssuerCommonName", c.issuerCommonName);
    number(item, "NotBefore", c.notBefore);
    number(item, "NotAfter", c.notAfter);
    number(item, "RemainDay", c.remainDay);
    out.certChain.push_back(c);
  });
  tags(value["Tags"], out.tags);
}

void parse_jsoncpp(const std::string& payload, luco_result& out) {
  Json::Reader reader;
  Json::Value value;
  reader.parse(payload, value);
  out.requestId = value["RequestId"].asString();
  number(value, "TotalCount", out.totalCount);
  number(value, "CurrentPage", out.currentPage);
  number(value, "ShowSize", out.showSize);
  each(value["CertificateOrderList"], [&](Json::Value& item) {
    luco_order o;
    number(item, "CertificateId", o.certificateId);
    text(item, "Name", o.name);
    text(item, "InstanceId", o.instanceId);
    text(item, "ResourceGroupId", o.resourceGroupId);
    boolean(item, "Upload", o.upload);
    text(item, "Status", o.status);
    text(item, "CertType", o.certType);
    text(item, "CommonName", o.commonName);
    text_or_json(item, "Sans", o.sans);
    text(item, "Fingerprint", o.fingerprint);
    text(item, "Sha2", o.sha2);
    text(item, "SerialNo", o.serialNo);
    text(item, "Issuer", o.issuer);
    text(item, "OrgName", o.orgName);
    text(item, "Province", o.province);
    text(item, "City", o.city);
    text(item, "Country", o.country);
    text(item, "StartDate", o.startDate);
    text(item, "EndDate", o.endDate);
    number(item, "CertStartTime", o.certStartTime);
    number(item, "CertEndTime", o.certEndTime);
    boolean(item, "Expired", o.expired);
    text(item, "Algorithm", o.algorithm);
    number(item, "OrderId", o.orderId);
    text(item, "Domain", o.domain);
    text(item, "ProductName", o.productName);
    text(item, "RootBrand", o.rootBrand);
    out.certificateOrderList.push_back(o);
  });
}

void parse_jsoncpp(const std::string& payload, cdn_domain_result& out) {
  Json::Reader reader;
  Json::Value value;
  reader.parse(payload, value);
  out.requestId = value["RequestId"].asString();
  each(value["CertInfos"]["CertInfo"], [&](Json::Value& item) {
    cdn_domain_cert_info c;
    text(item, "DomainName", c.domainName);
    text(item, "CertDomainName", c.certDomainName);
    text(item, "ServerCertificate", c.serverCertificate);
    text(item, "ServerCertificateStatus", c.serverCertificateStatus);
    text(item, "CertExpireTime", c.certExpireTime);
    text(item, "CertStartTime", c.certStartTime);
    text(item, "CertOrg", c.certOrg);
    text(item, "CertId", c.certId);
    text(item, "CertName", c.certName);
    text(item, "CertRegion", c.certRegion);
    text(item, "CertType", c.certType);
    text(item, "CertLife", c.certLife);
    text(item, "Status", c.status);
    text(item, "CertUpdateTime", c.certUpdateTime);
    text(item, "DomainCnameStatus", c.domainCnameStatus);
    out.certInfos.push_back(c);
  });
}

void parse_jsoncpp(const std::string& payload, dcdn_result& out) {
  Json::Reader reader;
  Json::Value value;
  reader.parse(payload, value);
  out.requestId = value["RequestId"].asString();
  each(value["CertInfos"]["CertInfo"], [&](Json::Value& item) {
    dcdn_cert_info c;
    text(item, "DomainName", c.domainName);
    text(item, "CertDomainName", c.certDomainName);
    text(item, "SSLPub", c.sSLPub);
    text(item, "SSLProtocol", c.sSLProtocol);
    text(item, "CertExpireTime", c.certExpireTime);
    text(item, "CertOrg", c.certOrg);
    text(item, "CertId", c.certId);
    text(item, "CertName", c.certName);
    text(item, "CertRegion", c.certRegion);
    text(item, "CertType", c.certType);
    text(item, "CertLife", c.certLife);
    text(item, "Status", c.status);
    text(item, "CertUpdateTime", c.certUpdateTime);
    out.certInfos.push_back(c);
  });
}

void parse_jsoncpp(const std::string& payload, slb_result& out) {
  Json::Reader reader;
  Json::Value value;
  reader.parse(payload, value);
  out.requestId = value["RequestId"].asString();
  Json::Value list = value["ServerCertificates"];
  each(list.isArray() ? list : list["ServerCertificate"], [&](Json::Value& item) {
    slb_server_certificate c;
    text(item, "ServerCertificateId", c.serverCertificateId);
    text(item, "ServerCertificateName", c.serverCertificateName);
    text(item, "RegionId", c.regionId);
    text(item, "RegionIdAlias", c.regionIdAlias);
    text(item, "ResourceGroupId", c.resourceGroupId);
    text(item, "Fingerprint", c.fingerprint);
    text(item, "CommonName", c.commonName);
    // The wrapper, or (the header's deviation) a bare array or a string.
    Json::Value sans = item["SubjectAlternativeNames"];
    if (sans.isObject()) sans = sans["SubjectAlternativeName"];
    if (sans.isString()) c.subjectAlternativeNames.push_back(sans.asString());
    else if (sans.isArray())
      for (auto name : sans) c.subjectAlternativeNames.push_back(name.asString());
    text(item, "ExpireTime", c.expireTime);
    number(item, "ExpireTimeStamp", c.expireTimeStamp);
    text(item, "CreateTime", c.createTime);
    number(item, "CreateTimeStamp", c.createTimeStamp);
    number(item, "IsAliCloudCertificate", c.isAliCloudCertificate);
    text(item, "AliCloudCertificateId", c.aliCloudCertificateId);
    text(item, "AliCloudCertificateName", c.aliCloudCertificateName);
    text(item, "EncryptionAlgorithm", c.encryptionAlgorithm);
    number(item, "EncryptionKeyLength", c.encryptionKeyLength);
    text(item, "StandardType", c.standardType);
    tags(item["Tags"]["Tag"], c.tags);
    out.serverCertificates.push_back(c);
  });
}

}  // namespace bench::sdk
