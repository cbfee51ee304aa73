// Hygiene warnings (report.md, `warnings`), each on a certificate the corpus
// generator made for it (corpus/pem), read through a document as a user's is.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "alicert/check.h"
#include "alicert/responses.h"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') out += "\\n";
    else if (c == '"' || c == '\\') (out += '\\') += c;
    else out += c;
  }
  return out + "\"";
}

// The warnings of the certificate in corpus/pem/<name>.pem, by name.
std::vector<std::string> warnings_of(const std::string& name) {
  const std::string pem = read(std::string(ALICERT_CORPUS_DIR) + "/pem/" + name + ".pem");
  EXPECT_FALSE(pem.empty()) << name;
  const alicert::padded_buffer input("{\"Certificate\":{\"X509Certificate\":" + json_string(pem) + "}}");
  alicert::parser p;
  auto doc = p.parse(input);
  EXPECT_TRUE(doc.has_value()) << name;
  if (!doc) return {};
  alicert::checker ch;
  const auto& report = ch.check(*doc, {.now = alicert::utc_seconds{std::chrono::seconds{1767225600}}});
  EXPECT_EQ(report.certificates.size(), 1u);
  std::vector<std::string> out;
  for (const auto& w : report.certificates[0].facts.warnings) out.emplace_back(alicert::warning_name(w.code));
  return out;
}

using list = std::vector<std::string>;

TEST(Hygiene, EachWarningOnTheCertificateMadeForIt) {
  EXPECT_EQ(warnings_of("hyg-rsa1024"), list{"rsa_key_below_2048"});
  EXPECT_EQ(warnings_of("hyg-sha1"), list{"weak_signature_hash"});
  EXPECT_EQ(warnings_of("hyg-serial-zero"), list{"serial_not_positive"});
  EXPECT_EQ(warnings_of("hyg-serial-21-octets"), list{"serial_over_20_bytes"});
  EXPECT_EQ(warnings_of("hyg-validity-inverted"), list{"validity_inverted"});
  EXPECT_EQ(warnings_of("ss-v1-nosan"), list{"version_1"});
  EXPECT_EQ(warnings_of("root-rsa"), list{"leaf_is_ca"});  // a CA described as the certificate itself
}

TEST(Hygiene, ConsistentModernCertificatesHaveNone) {
  for (const char* name : {"leaf-rsa2048", "leaf-ec-p256", "leaf-sm2", "ss-ed25519", "kms-rsa-pss", "leaf-rsa4096"})
    EXPECT_EQ(warnings_of(name), list{}) << name;
}

TEST(Hygiene, ExpiresInDaysRoundsDown) {
  const std::string pem = read(std::string(ALICERT_CORPUS_DIR) + "/pem/leaf-rsa2048.pem");  // notAfter 2028-01-15T08:30:00Z
  const alicert::padded_buffer input("{\"Certificate\":{\"X509Certificate\":" + json_string(pem) + "}}");
  alicert::parser p;
  auto doc = p.parse(input);
  ASSERT_TRUE(doc.has_value());
  alicert::checker ch;
  const std::int64_t not_after = 1831537800;
  for (const auto& [now, days] : std::vector<std::pair<std::int64_t, std::int64_t>>{
           {not_after - 86400 * 10, 10}, {not_after - 86400 * 10 + 1, 9}, {not_after - 1, 0}, {not_after, 0},
           {not_after + 1, -1}, {not_after + 86400, -1}, {not_after + 86401, -2}}) {
    const auto& r = ch.check(*doc, {.now = alicert::utc_seconds{std::chrono::seconds{now}}});
    EXPECT_EQ(r.certificates[0].facts.expires_in_days, days) << now;
  }
}

}  // namespace
