// Whatever the input, the CLI exits 0, 1 or 2 with valid JSON Lines: never a
// crash, a hang or a signal.
#include <gtest/gtest.h>

#include <random>

#include "fixtures.h"
#include "harness.h"

namespace alicert_cli_test {
namespace {

void expect_well_behaved(const std::string& input, const std::string& what) {
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("in.json", input)}, "/dev/null", 60);
  ASSERT_FALSE(r.timed_out) << what;
  ASSERT_EQ(r.signal, 0) << what;
  ASSERT_TRUE(r.status == 0 || r.status == 1 || r.status == 2) << what << " status " << r.status;
  std::string problem;
  const auto records = parse_records(r.out, problem);
  ASSERT_TRUE(problem.empty()) << what << ": " << problem;
  ASSERT_FALSE(records.empty()) << what;
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].index, i) << what;
    EXPECT_LE(records[i].offset, input.size()) << what;
    if (i > 0) EXPECT_GT(records[i].offset, records[i - 1].offset) << what;
    if (records[i].error_code) EXPECT_EQ(r.status, 2) << what;
  }
}

TEST(CliRobustness, HandPickedOddities) {
  const std::string cases[] = {
      "\xff\xfe{}",
      "{\"RequestId\":\"\xc3\x28\"}",
      std::string("{\"RequestId\":\"a\0b\"}", 20),
      std::string(100000, '['),
      std::string(100000, '{'),
      "{\"Certificate\":{\"X509Certificate\":\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\"}}",
      "{\"CertificateId\":\"x\",\"Certificate\":\"not pem\",\"RequestId\":\"r\"}",
      "{\"CertInfos\":{\"CertInfo\":[{\"HttpsCrt\":\"-----BEGIN CERTIFICATE-----\"}]}}",
      "\"just a string\"",
      "42 43 [] null",
      "}{",
  };
  for (const auto& c : cases) expect_well_behaved(c, c.substr(0, 40));
}

TEST(CliRobustness, MutatedDocuments) {
  const std::string seeds[] = {fixtures::cas(), fixtures::kms_describe("kms-cert-1") + "\n" + fixtures::kms_get("kms-cert-1"),
                               fixtures::api_error()};
  std::mt19937 rng(20261123);
  for (int round = 0; round < 40; ++round) {
    std::string input = seeds[static_cast<std::size_t>(round) % 3];
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && !input.empty(); ++e) {
      const std::size_t at = rng() % input.size();
      switch (rng() % 4) {
        case 0: input[at] = static_cast<char>(rng() % 256); break;
        case 1: input.erase(at, 1 + rng() % 16); break;
        case 2: input.insert(at, 1, "{}[]\",:\\\n"[rng() % 9]); break;
        default: input.insert(at, input.substr(rng() % input.size(), 1 + rng() % 64)); break;
      }
    }
    expect_well_behaved(input, "round " + std::to_string(round));
  }
}

}  // namespace
}  // namespace alicert_cli_test
