// Private keys never leave the parser (docs/siblings.md): documents whose
// `Key`, `SignPrivateKey` and `EncryptPrivateKey` hold a real key, or a
// marker, go through every output format and every error path (truncated,
// malformed, over a limit, another API's shape), and no piece of a key comes
// out on standard output or standard error.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "harness.h"

namespace alicert_cli_test {
namespace {

// A key made by the openssl CLI, which nobody here wrote, and its certificate.
struct key_pair {
  std::string key_pem, cert_pem;
};

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

key_pair make_key_pair(const temp_dir& dir) {
  const std::string d = dir.path().string();
  const auto r = run_shell("cd '" + d + "' && openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem "
                           "-subj /CN=private.example.com -days 30 2>/dev/null");
  EXPECT_EQ(r.status, 0) << "openssl req: " << r.err;
  return {read_file(dir.path() / "key.pem"), read_file(dir.path() / "cert.pem")};
}

// The JSON form of a string, for building documents.
std::string json_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '"' || c == '\\') out += std::string("\\") + c;
    else out += c;
  }
  return out + "\"";
}

constexpr std::string_view marker = "QXJpdmF0ZUtleU1hcmtlcjdGNzM5QTBCQ0Q0RTVGNjc4OUFCQ0RFRg";

// A "key" whose base64 is the marker: not a key OpenSSL can read.
std::string marker_key() {
  return "-----BEGIN PRIVATE KEY-----\n" + std::string(marker) + "\n-----END PRIVATE KEY-----\n";
}

// The pieces that must not come out: each base64 line of the key, every
// 12-byte window of the marker.
std::vector<std::string> secrets(const key_pair& k) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < k.key_pem.size()) {
    const std::size_t end = k.key_pem.find('\n', at);
    const std::string line = k.key_pem.substr(at, end - at);
    if (line.size() >= 12 && line.find("-----") == std::string::npos) out.push_back(line);
    if (end == std::string::npos) break;
    at = end + 1;
  }
  for (std::size_t i = 0; i + 12 <= marker.size(); ++i) out.emplace_back(marker.substr(i, 12));
  return out;
}

std::string detail(const key_pair& k, std::string_view key_value_json) {
  return R"({"Id": 4242, "CertIdentifier": "4242-cn-hangzhou", "Common": "private.example.com", "Cert": )" +
         json_quoted(k.cert_pem) + R"(, "Key": )" + std::string(key_value_json) + R"(, "SignPrivateKey": )" +
         json_quoted(marker_key()) + R"(, "EncryptCert": )" + json_quoted(k.cert_pem) + R"(, "EncryptPrivateKey": )" +
         std::string(key_value_json) + R"(, "RequestId": "r-key"})";
}

// Every document shape that carries a key, good and broken.
std::vector<std::pair<std::string, std::string>> documents(const key_pair& k) {
  const std::string good = detail(k, json_quoted(k.key_pem));
  std::vector<std::pair<std::string, std::string>> d = {
      {"good.json", good},
      {"marker.json", detail(k, json_quoted(marker_key()))},
      // Cut inside the Key string: a truncated last document.
      {"truncated.json", good.substr(0, good.find("\"Key\"") + 200)},
      // A bad escape right after part of the key.
      {"malformed.json", detail(k, "\"" + std::string(marker) + "\\q\"")},
      // Another API's shape (CDN DescribeCdnCertificateDetail): unknown_shape.
      {"unknown.json", R"({"CertId": 1, "CertName": "c", "Cert": )" + json_quoted(k.cert_pem) + R"(, "Key": )" +
                           json_quoted(k.key_pem) + "}"},
      // Over the string limit: the key's text repeated past 1 MiB.
      {"huge.json", [&] {
         std::string big;
         while (big.size() < 1100000) big += std::string(marker);
         return detail(k, "\"" + big + "\"");
       }()},
      // A stream: the good document, a broken line holding the key, the good one again.
      {"stream.ndjson", good + "\n{\"Key\": \"" + std::string(marker) + "\n" + good + "\n"},
  };
  return d;
}

TEST(CliPrivateKey, NoPieceOfAKeyComesOutInAnyFormatOrErrorPath) {
  temp_dir dir;
  const key_pair k = make_key_pair(dir);
  ASSERT_NE(k.key_pem.find("PRIVATE KEY"), std::string::npos);
  const auto forbidden = secrets(k);
  ASSERT_GT(forbidden.size(), 20u);
  std::vector<std::string> files;
  for (const auto& [name, text] : documents(k)) files.push_back(dir.write(name, text));

  std::size_t runs = 0;
  for (const std::vector<std::string>& format :
       {std::vector<std::string>{"--json"}, {"--format", "table"}, {"--format", "prometheus"}}) {
    std::vector<std::string> args = {"check", "--now", "2026-12-01T00:00:00Z"};
    args.insert(args.end(), format.begin(), format.end());
    // All files at once, and each on its own (on standard input too).
    std::vector<std::vector<std::string>> invocations;
    auto all = args;
    all.insert(all.end(), files.begin(), files.end());
    invocations.push_back(all);
    for (const auto& f : files) {
      auto one = args;
      one.push_back(f);
      invocations.push_back(one);
    }
    for (const auto& argv : invocations) {
      const auto r = run_cli(argv);
      ++runs;
      ASSERT_FALSE(r.timed_out);
      ASSERT_EQ(r.signal, 0);
      EXPECT_TRUE(r.status == 0 || r.status == 1 || r.status == 2) << r.status;
      for (const auto& s : forbidden) {
        EXPECT_EQ(r.out.find(s), std::string::npos) << "a piece of a key on standard output: " << s;
        EXPECT_EQ(r.err.find(s), std::string::npos) << "a piece of a key on standard error: " << s;
      }
    }
    for (const auto& f : files) {
      const auto r = run_cli(args, f);
      ++runs;
      for (const auto& s : forbidden) {
        EXPECT_EQ(r.out.find(s), std::string::npos) << "stdin " << f << ": " << s;
        EXPECT_EQ(r.err.find(s), std::string::npos) << "stdin " << f << ": " << s;
      }
    }
  }
  EXPECT_EQ(runs, 3u * (1 + 2 * documents(k).size()));

  // And the key was checked, not merely skipped: the good document's keys are matched.
  const auto r = run_cli({"check", "--json", "--now", "2026-12-01T00:00:00Z", files[0]});
  std::string problem;
  const auto records = parse_records(r.out, problem);
  ASSERT_TRUE(problem.empty()) << problem;
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].certificates.size(), 2u);
  const finding* key = records[0].certificates[0].find("private_key");
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->field, "Key,SignPrivateKey");
  EXPECT_EQ(key->status, "invalid");  // Key matches; SignPrivateKey is the marker, no key OpenSSL reads
  const finding* encrypt = records[0].certificates[1].find("private_key");
  ASSERT_NE(encrypt, nullptr);
  EXPECT_EQ(encrypt->status, "match");
  EXPECT_EQ(encrypt->reported, std::optional<std::string>("(private key) RSA 2048"));
}

}  // namespace
}  // namespace alicert_cli_test
