#include "sdk_models.h"

#include <json/json.h>
#include <nlohmann/json.hpp>

namespace bench::sdk {

// ---- JsonCpp, as aliyun-openapi-cpp-sdk's model classes ----

void parse_jsoncpp(const std::string& payload, cas_result& out) {
  Json::Reader reader;
  Json::Value value;
  reader.parse(payload, value);
  out.requestId = value["RequestId"].asString();
  auto certificateNode = value["Certificate"];
  auto& c = out.certificate;
  if (!certificateNode["X509Certificate"].isNull()) c.x509Certificate = certificateNode["X509Certificate"].asString();
  if (!certificateNode["Identifier"].isNull()) c.identifier = certificateNode["Identifier"].asString();
  if (!certificateNode["SerialNumber"].isNull()) c.serialNumber = certificateNode["SerialNumber"].asString();
  if (!certificateNode["SubjectDN"].isNull()) c.subjectDN = certificateNode["SubjectDN"].asString();
  if (!certificateNode["CommonName"].isNull()) c.commonName = certificateNode["CommonName"].asString();
  if (!certificateNode["OrganizationUnit"].isNull()) c.organizationUnit = certificateNode["OrganizationUnit"].asString();
  if (!certificateNode["Organization"].isNull()) c.organization = certificateNode["Organization"].asString();
  if (!certificateNode["Locality"].isNull()) c.locality = certificateNode["Locality"].asString();
  if (!certificateNode["State"].isNull()) c.state = certificateNode["State"].asString();
  if (!certificateNode["CountryCode"].isNull()) c.countryCode = certificateNode["CountryCode"].asString();
  if (!certificateNode["Sans"].isNull()) c.sans = certificateNode["Sans"].asString();
  if (!certificateNode["Status"].isNull()) c.status = certificateNode["Status"].asString();
  if (!certificateNode["BeforeDate"].isNull()) c.beforeDate = std::stol(certificateNode["BeforeDate"].asString());
  if (!certificateNode["AfterDate"].isNull()) c.afterDate = std::stol(certificateNode["AfterDate"].asString());
  if (!certificateNode["Algorithm"].isNull()) c.algorithm = certificateNode["Algorithm"].asString();
  if (!certificateNode["KeySize"].isNull()) c.keySize = std::stoi(certificateNode["KeySize"].asString());
  if (!certificateNode["SignAlgorithm"].isNull()) c.signAlgorithm = certificateNode["SignAlgorithm"].asString();
  if (!certificateNode["CertificateType"].isNull()) c.certificateType = certificateNode["CertificateType"].asString();
  if (!certificateNode["ParentIdentifier"].isNull()) c.parentIdentifier = certificateNode["ParentIdentifier"].asString();
  if (!certificateNode["Sha2"].isNull()) c.sha2 = certificateNode["Sha2"].asString();
  if (!certificateNode["Md5"].isNull()) c.md5 = certificateNode["Md5"].asString();
  if (!certificateNode["Days"].isNull()) c.days = std::stoi(certificateNode["Days"].asString());
}

void parse_jsoncpp(const std::string& payload, kms_describe_result& out) {
  Json::Reader reader;
  Json::Value value;
  reader.parse(payload, value);
  out.requestId = value["RequestId"].asString();
  auto sansNode = value["SubjectAlternativeNames"];
  if (sansNode.isString()) {
    out.subjectAlternativeNamesText = sansNode.asString();
  } else {
    auto allSubjectAlternativeNames = sansNode.isArray() ? sansNode : sansNode["SubjectAlternativeName"];
    for (const auto& item : allSubjectAlternativeNames) out.subjectAlternativeNames.push_back(item.asString());
  }
  if (!value["Status"].isNull()) out.status = value["Status"].asString();
  if (!value["Serial"].isNull()) out.serial = value["Serial"].asString();
  if (!value["CreatedAt"].isNull()) out.createdAt = value["CreatedAt"].asString();
  if (!value["Tags"].isNull()) out.tags = value["Tags"].isString() ? value["Tags"].asString() : value["Tags"].toStyledString();
  if (!value["SubjectKeyIdentifier"].isNull()) out.subjectKeyIdentifier = value["SubjectKeyIdentifier"].asString();
  if (!value["ExportablePrivateKey"].isNull()) out.exportablePrivateKey = value["ExportablePrivateKey"].asString() == "true";
  if (!value["Issuer"].isNull()) out.issuer = value["Issuer"].asString();
  if (!value["SignatureAlgorithm"].isNull()) out.signatureAlgorithm = value["SignatureAlgorithm"].asString();
  if (!value["NotAfter"].isNull()) out.notAfter = value["NotAfter"].asString();
  if (!value["Arn"].isNull()) out.arn = value["Arn"].asString();
  if (!value["CertificateId"].isNull()) out.certificateId = value["CertificateId"].asString();
  if (!value["KeySpec"].isNull()) out.keySpec = value["KeySpec"].asString();
  if (!value["ProtectionLevel"].isNull()) out.protectionLevel = value["ProtectionLevel"].asString();
  if (!value["SubjectPublicKey"].isNull()) out.subjectPublicKey = value["SubjectPublicKey"].asString();
  if (!value["Subject"].isNull()) out.subject = value["Subject"].asString();
  if (!value["NotBefore"].isNull()) out.notBefore = value["NotBefore"].asString();
  if (!value["UpdatedAt"].isNull()) out.updatedAt = value["UpdatedAt"].asString();
}

void parse_jsoncpp(const std::string& payload, kms_get_result& out) {
  Json::Reader reader;
  Json::Value value;
  reader.parse(payload, value);
  out.requestId = value["RequestId"].asString();
  if (!value["CertificateId"].isNull()) out.certificateId = value["CertificateId"].asString();
  if (!value["Certificate"].isNull()) out.certificate = value["Certificate"].asString();
  if (!value["CertificateChain"].isNull()) out.certificateChain = value["CertificateChain"].asString();
  if (!value["Csr"].isNull()) out.csr = value["Csr"].asString();
}

void parse_jsoncpp(const std::string& payload, cdn_result& out) {
  Json::Reader reader;
  Json::Value value;
  reader.parse(payload, value);
  out.requestId = value["RequestId"].asString();
  auto allCertInfosNode = value["CertInfos"]["CertInfo"];
  for (auto valueCertInfosCertInfo : allCertInfosNode) {
    cdn_cert_info certInfosObject;
    if (!valueCertInfosCertInfo["CertExpireTime"].isNull())
      certInfosObject.certExpireTime = valueCertInfosCertInfo["CertExpireTime"].asString();
    if (!valueCertInfosCertInfo["CreateTime"].isNull())
      certInfosObject.createTime = valueCertInfosCertInfo["CreateTime"].asString();
    if (!valueCertInfosCertInfo["CertType"].isNull())
      certInfosObject.certType = valueCertInfosCertInfo["CertType"].asString();
    if (!valueCertInfosCertInfo["CertName"].isNull())
      certInfosObject.certName = valueCertInfosCertInfo["CertName"].asString();
    if (!valueCertInfosCertInfo["CertId"].isNull())
      certInfosObject.certId = valueCertInfosCertInfo["CertId"].asString();
    if (!valueCertInfosCertInfo["DomainList"].isNull())
      certInfosObject.domainList = valueCertInfosCertInfo["DomainList"].isString()
                                       ? valueCertInfosCertInfo["DomainList"].asString()
                                       : valueCertInfosCertInfo["DomainList"].toStyledString();
    if (!valueCertInfosCertInfo["HttpsCrt"].isNull())
      certInfosObject.httpsCrt = valueCertInfosCertInfo["HttpsCrt"].asString();
    out.certInfos.push_back(certInfosObject);
  }
}

// ---- nlohmann::json, same models ----

namespace {
using njson = nlohmann::json;

const njson* member(const njson& o, const char* key) {
  if (!o.is_object()) return nullptr;
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return nullptr;
  return &*it;
}
void text(const njson& o, const char* key, std::string& out) {
  if (const njson* v = member(o, key)) out = v->is_string() ? v->get<std::string>() : v->dump();
}
template <class T>
void number(const njson& o, const char* key, T& out) {
  if (const njson* v = member(o, key)) {
    if (v->is_number()) out = v->get<T>();
    else out = static_cast<T>(std::stol(v->get<std::string>()));
  }
}
}  // namespace

void parse_nlohmann(const std::string& payload, cas_result& out) {
  const njson value = njson::parse(payload);
  text(value, "RequestId", out.requestId);
  const njson* node = member(value, "Certificate");
  if (!node) return;
  const njson& n = *node;
  auto& c = out.certificate;
  text(n, "X509Certificate", c.x509Certificate);
  text(n, "Identifier", c.identifier);
  text(n, "SerialNumber", c.serialNumber);
  text(n, "SubjectDN", c.subjectDN);
  text(n, "CommonName", c.commonName);
  text(n, "OrganizationUnit", c.organizationUnit);
  text(n, "Organization", c.organization);
  text(n, "Locality", c.locality);
  text(n, "State", c.state);
  text(n, "CountryCode", c.countryCode);
  text(n, "Sans", c.sans);
  text(n, "Status", c.status);
  number(n, "BeforeDate", c.beforeDate);
  number(n, "AfterDate", c.afterDate);
  text(n, "Algorithm", c.algorithm);
  number(n, "KeySize", c.keySize);
  text(n, "SignAlgorithm", c.signAlgorithm);
  text(n, "CertificateType", c.certificateType);
  text(n, "ParentIdentifier", c.parentIdentifier);
  text(n, "Sha2", c.sha2);
  text(n, "Md5", c.md5);
  number(n, "Days", c.days);
}

void parse_nlohmann(const std::string& payload, kms_describe_result& out) {
  const njson value = njson::parse(payload);
  text(value, "RequestId", out.requestId);
  if (const njson* sans = member(value, "SubjectAlternativeNames")) {
    if (sans->is_string()) {
      out.subjectAlternativeNamesText = sans->get<std::string>();
    } else {
      const njson* list = sans->is_array() ? sans : member(*sans, "SubjectAlternativeName");
      if (list && list->is_array())
        for (const auto& item : *list) out.subjectAlternativeNames.push_back(item.get<std::string>());
    }
  }
  text(value, "Status", out.status);
  text(value, "Serial", out.serial);
  text(value, "CreatedAt", out.createdAt);
  text(value, "Tags", out.tags);
  text(value, "SubjectKeyIdentifier", out.subjectKeyIdentifier);
  if (const njson* e = member(value, "ExportablePrivateKey"))
    out.exportablePrivateKey = e->is_boolean() ? e->get<bool>() : e->get<std::string>() == "true";
  text(value, "Issuer", out.issuer);
  text(value, "SignatureAlgorithm", out.signatureAlgorithm);
  text(value, "NotAfter", out.notAfter);
  text(value, "Arn", out.arn);
  text(value, "CertificateId", out.certificateId);
  text(value, "KeySpec", out.keySpec);
  text(value, "ProtectionLevel", out.protectionLevel);
  text(value, "SubjectPublicKey", out.subjectPublicKey);
  text(value, "Subject", out.subject);
  text(value, "NotBefore", out.notBefore);
  text(value, "UpdatedAt", out.updatedAt);
}

void parse_nlohmann(const std::string& payload, kms_get_result& out) {
  const njson value = njson::parse(payload);
  text(value, "RequestId", out.requestId);
  text(value, "CertificateId", out.certificateId);
  text(value, "Certificate", out.certificate);
  text(value, "CertificateChain", out.certificateChain);
  text(value, "Csr", out.csr);
}

void parse_nlohmann(const std::string& payload, cdn_result& out) {
  const njson value = njson::parse(payload);
  text(value, "RequestId", out.requestId);
  const njson* infos = member(value, "CertInfos");
  if (!infos) return;
  const njson* list = infos->is_array() ? infos : member(*infos, "CertInfo");
  if (!list) return;
  auto one = [&](const njson& item) {
    cdn_cert_info c;
    text(item, "CertExpireTime", c.certExpireTime);
    text(item, "CreateTime", c.createTime);
    text(item, "CertType", c.certType);
    text(item, "CertName", c.certName);
    text(item, "CertId", c.certId);
    text(item, "DomainList", c.domainList);
    text(item, "HttpsCrt", c.httpsCrt);
    out.certInfos.push_back(std::move(c));
  };
  if (list->is_array())
    for (const auto& item : *list) one(item);
  else
    one(*list);
}

}  // namespace bench::sdk
