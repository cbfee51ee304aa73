// Response documents for the CLI tests, built around one real certificate
// (RSA 2048, serial 1a2b3c4d, 2024-01-01T00:00:00Z .. 2034-01-01T00:00:00Z,
// subject and issuer C=CN,O=Example Org,CN=client.example.com, SANs
// DNS:client.example.com and IP:10.0.0.1).
#pragma once

#include <string>
#include <string_view>

namespace alicert_cli_test::fixtures {

inline constexpr std::string_view certificate_pem =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIDRDCCAiygAwIBAgIEGis8TTANBgkqhkiG9w0BAQsFADBAMQswCQYDVQQGEwJD\n"
    "TjEUMBIGA1UECgwLRXhhbXBsZSBPcmcxGzAZBgNVBAMMEmNsaWVudC5leGFtcGxl\n"
    "LmNvbTAeFw0yNDAxMDEwMDAwMDBaFw0zNDAxMDEwMDAwMDBaMEAxCzAJBgNVBAYT\n"
    "AkNOMRQwEgYDVQQKDAtFeGFtcGxlIE9yZzEbMBkGA1UEAwwSY2xpZW50LmV4YW1w\n"
    "bGUuY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2miSVyZdF56d\n"
    "20FUGyqLBXIeYkRSL0BAHXsC4AlkTe6o4JD8fZaQBZyOams8RHvJ7bBTm4NYsiRQ\n"
    "m+Nlov/J6a0p6yVM63kAGjLlusdV+sz9SkUS4vNZBmsOBWVbaTi5smg8yfVoLX07\n"
    "qzbGumg3NddpL4rgCpZG5Db02nPEXnBnDIbi54SXtJ8BRniLbUdB7U+ko+BZecMN\n"
    "j7kWJS5Xm9vIWUrhiE0BEaVXd/vnfoKLutQQR+2z/JQUU3AQPf9f1Agw73plCipA\n"
    "pkdwtKaIfuHvzU+nNK6cHhebpKQMpFzz43X3hGmgjRqT7tIoOgwuLk4jPnVk5PQC\n"
    "pr8sjKLfXwIDAQABo0YwRDAjBgNVHREEHDAaghJjbGllbnQuZXhhbXBsZS5jb22H\n"
    "BAoAAAEwHQYDVR0OBBYEFLZIUxDTF3+vfhzi0woscodbPsgmMA0GCSqGSIb3DQEB\n"
    "CwUAA4IBAQDVQuwGBSdxh7AcZ0jZUlNPYjEKw2/uvW14h/GJrU83tQ6yHO1es/wv\n"
    "hFrignkrET5Z7B5I7XwR//6xTUj9Yqjv5CJxDMVoTSIKfwUcTL/qIq2NRhLd3qtl\n"
    "UZ8h509kq1c+mdgbZ+6FE3aIDYmBJhvM49PMOsRprXCwVxGVxMEuZ89RBHtDC4Cn\n"
    "cMcAhYb6M7vsAJEEWmeSYsC5LUemIW0SyQ140QDR6wjQY706y1qDCT3LwDC+KiIp\n"
    "9XGaETyvXIopA+DyVytPcTJhTkbZ1Kn5OHuB5XyhsVoROufQuq5qssk/7uzc2AyT\n"
    "t/9u/3Rwugqt2wC5CdgzoJ16NjJI4SzE\n"
    "-----END CERTIFICATE-----\n";

inline constexpr std::string_view serial = "1a2b3c4d";
inline constexpr std::string_view sha256 = "761cb481780242441a57f89ed2077a0d22bed8637da8f104d5cb31334442afcb";
inline constexpr std::string_view md5 = "25549e07c4dd319e60ebbc36c1b81018";

/// `text` as the content of a JSON string.
inline std::string json_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += "\\n";
    else if (c == '"' || c == '\\')
      (out += '\\') += c;
    else
      out += c;
  }
  return out;
}

/// A CAS DescribeClientCertificate that agrees with the certificate, except
/// for the serial when one is given.
inline std::string cas(std::string_view reported_serial = serial, std::string_view request_id = "req-cas-1") {
  return std::string(R"({"RequestId":")") + std::string(request_id) +
         R"(","Certificate":{"Identifier":"cas-id-1","X509Certificate":")" + json_escape(certificate_pem) +
         R"(","SerialNumber":")" + std::string(reported_serial) +
         R"(","SubjectDN":"C=CN,O=Example Org,CN=client.example.com","CommonName":"client.example.com",)"
         R"("Organization":"Example Org","CountryCode":"CN","BeforeDate":1704067200000,"AfterDate":2019686400000,)"
         R"("Days":3653,"Algorithm":"RSA","KeySize":2048,"SignAlgorithm":"SHA256WITHRSA","Sha2":")" +
         std::string(sha256) + R"(","Md5":")" + std::string(md5) +
         R"(","Sans":"[{\"Type\":2,\"Value\":\"client.example.com\"},{\"Type\":7,\"Value\":\"10.0.0.1\"}]",)"
         R"("Status":"ISSUE","CertificateType":"CLIENT"}})";
}

/// A KMS DescribeCertificate of `id`, reporting `reported_serial`.
inline std::string kms_describe(std::string_view id, std::string_view reported_serial = serial) {
  return std::string(R"({"CertificateId":")") + std::string(id) + R"(","Serial":")" + std::string(reported_serial) +
         R"(","Subject":"CN=client.example.com,O=Example Org,C=CN","Issuer":"CN=client.example.com,O=Example Org,C=CN",)"
         R"("NotBefore":"2024-01-01T00:00:00Z","NotAfter":"2034-01-01T00:00:00Z","Status":"ACTIVE",)"
         R"("RequestId":"req-kms-describe"})";
}

/// A KMS GetCertificate of `id`, carrying the certificate.
inline std::string kms_get(std::string_view id) {
  return std::string(R"({"CertificateId":")") + std::string(id) + R"(","Certificate":")" +
         json_escape(certificate_pem) + R"(","RequestId":"req-kms-get"})";
}

/// An error envelope.
inline std::string api_error(std::string_view request_id = "req-err-1") {
  return std::string(R"({"RequestId":")") + std::string(request_id) +
         R"(","HostId":"kms.cn-hangzhou.aliyuncs.com","Code":"Certificate.NotFound",)"
         R"("Message":"The specified Certificate is not found.","Recommend":"https://api.aliyun.com/troubleshoot"})";
}

}  // namespace alicert_cli_test::fixtures
