// Test support: the sibling APIs' documents (docs/siblings.md) as JSON text,
// every reported value computed by OpenSSL from a certificate nobody here
// made, as json_docs.h does for the first three APIs.
#pragma once

#include "json_docs.h"

namespace jsondocs {

/// `YYYY-MM-DD`, the UTC date of `t`.
inline std::string utc_date(std::int64_t t) { return checktest::format_time(t).substr(0, 10); }

/// The issuer's display name as the services report it: its O, else its CN.
inline std::string issuer_display_name(X509* x) {
  const X509_NAME* i = X509_get_issuer_name(x);
  const std::string o = checktest::attribute(i, NID_organizationName);
  return o.empty() ? checktest::attribute(i, NID_commonName) : o;
}

/// The DNS and IP SANs, as the untyped lists of CAS SSL and SLB carry them.
inline std::vector<std::string> untyped_sans(const facts& f) {
  std::vector<std::string> names;
  for (const auto& s : f.sans)
    if (s.type == GEN_DNS || s.type == GEN_IPADD) names.push_back(s.value);
  return names;
}

inline std::string comma_joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

/// A text value, or null when there is none (the services leave it out).
inline std::string text_or_null(const std::string& v) { return v.empty() ? "null" : json_text(v); }

/// A numeric id for the certificate, stable across runs.
inline std::string ssl_id(const certificate& c) {
  return std::to_string(9000000 + std::stoul(c.f.sha256.substr(0, 5), nullptr, 16));
}

inline std::string sha1_hex(const certificate& c, const char* sep = "", bool up = true) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  checktest::require(EVP_Digest(c.der.data(), c.der.size(), out, &n, EVP_sha1(), nullptr) == 1, "EVP_Digest");
  return hex(out, n, sep, up);
}

/// The CAS SSL Algorithm: RSA, ECC or SM2 (nothing for other key types).
inline std::string ssl_algorithm(const facts& f) {
  return f.cas_algorithm == "RSA" || f.cas_algorithm == "ECC" || f.cas_algorithm == "SM2" ? f.cas_algorithm : "";
}

// What the SSL Certificates Service's detail and order entries both report.
inline void ssl_shared_fields(object& o, const certificate& c) {
  const facts& f = c.f;
  o.set("Sans", text_or_null(comma_joined(untyped_sans(f))))
      .set("Fingerprint", json_text(sha1_hex(c)))
      .set("Sha2", json_text(checktest::upper(f.sha256)))
      .set("SerialNo", json_text(f.serial))
      .set("Issuer", text_or_null(issuer_display_name(c.x.get())))
      .set("OrgName", text_or_null(f.o))
      .set("Province", text_or_null(f.st))
      .set("City", text_or_null(f.l))
      .set("Country", text_or_null(f.c))
      .set("StartDate", json_text(utc_date(f.not_before)))
      .set("EndDate", json_text(utc_date(f.not_after)))
      .set("Expired", checktest::at(f.not_after) < checktest::at(1767225600) ? "true" : "false")
      .set("Algorithm", text_or_null(ssl_algorithm(f)));
}

// cas.GetUserCertificateDetail: a flat object; CertChain names the one certificate (a root).
inline object gucd_fields(const certificate& c) {
  const facts& f = c.f;
  const std::string id = ssl_id(c);
  const std::string chain = "[{\"CommonName\": " + json_text(f.cn) + ", \"IssuerCommonName\": " +
                            json_text(f.issuer_cn) +
                            ", \"NotBefore\": " + millis(f.not_before) + ", \"NotAfter\": " + millis(f.not_after) +
                            ", \"RemainDay\": 100}]";
  object o;
  o.set("Id", id)
      .set("CertIdentifier", json_text(id + "-cn-hangzhou"))
      .set("Name", json_text(c.file))
      .set("Cert", json_text(c.pem))
      .set("Common", text_or_null(f.cn));
  ssl_shared_fields(o, c);
  o.set("NotBefore", millis(f.not_before))
      .set("NotAfter", millis(f.not_after))
      .set("BuyInAliyun", "false")
      .set("CertChain", chain)
      .set("RequestId", json_text("gucd-" + id));
  return o;
}

// cas.ListUserCertificateOrder: one CERT entry, paired by CertificateId.
inline object luco_fields(const certificate& c) {
  const facts& f = c.f;
  object o;
  o.set("CertificateId", ssl_id(c))
      .set("Name", json_text(c.file))
      .set("Status", json_text("ISSUED"))
      .set("CertType", json_text("DV"))
      .set("CommonName", text_or_null(f.cn));
  ssl_shared_fields(o, c);
  o.set("CertStartTime", millis(f.not_before)).set("CertEndTime", millis(f.not_after));
  return o;
}

inline std::string luco_document(const object& o) {
  return "{\"CertificateOrderList\": [" + o.text() +
         "], \"TotalCount\": 1, \"CurrentPage\": 1, \"ShowSize\": 50, \"RequestId\": \"luco-1\"}\n";
}

// cdn.DescribeDomainCertificateInfo / dcdn.DescribeDcdnDomainCertificateInfo:
// one entry, the domain a name the certificate covers.
inline object cdn_domain_fields(const certificate& c, bool dcdn) {
  const facts& f = c.f;
  const auto domains = cdn_domains(f);
  const auto dns = dns_names(f);
  object o;
  o.set("DomainName", text_or_null(domains.empty() ? std::string() : domains.front()))
      .set("CertDomainName", text_or_null(dns.empty() ? f.cn : dns.front()))
      .set(dcdn ? "SSLPub" : "ServerCertificate", json_text(c.pem))
      .set(dcdn ? "SSLProtocol" : "ServerCertificateStatus", json_text("on"))
      .set("CertExpireTime", iso(f.not_after))
      .set("CertOrg", text_or_null(issuer_display_name(c.x.get())))
      .set("CertId", json_text(ssl_id(c)))
      .set("CertName", json_text(c.file))
      .set("CertType", json_text("cas"))
      .set("Status", json_text("success"));
  if (!dcdn) o.set("CertStartTime", iso(f.not_before));
  return o;
}

inline std::string cdn_domain_document(const object& o) {
  return "{\"CertInfos\": {\"CertInfo\": [" + o.text() + "]}, \"RequestId\": \"domain-1\"}\n";
}

// slb.DescribeServerCertificates: one entry from CAS, paired by AliCloudCertificateId.
inline object slb_fields(const certificate& c) {
  const facts& f = c.f;
  object o;
  o.set("ServerCertificateId", json_text("idkp-" + ssl_id(c) + "-cn-hangzhou"))
      .set("ServerCertificateName", json_text(c.file))
      .set("RegionId", json_text("cn-hangzhou"))
      .set("Fingerprint", json_text(sha1_hex(c, ":", false)))
      .set("CommonName", text_or_null(f.cn))
      .set("SubjectAlternativeNames", "{\"SubjectAlternativeName\": " + string_array(untyped_sans(f)) + "}")
      .set("ExpireTime", iso(f.not_after))
      .set("ExpireTimeStamp", millis(f.not_after))
      .set("CreateTime", iso(f.not_before))
      .set("CreateTimeStamp", millis(f.not_before))
      .set("IsAliCloudCertificate", "1")
      .set("AliCloudCertificateId", json_text(ssl_id(c)));
  return o;
}

inline std::string slb_document(const object& o) {
  return "{\"ServerCertificates\": {\"ServerCertificate\": [" + o.text() + "]}, \"RequestId\": \"slb-1\"}\n";
}

}  // namespace jsondocs
