// --warn-days (report.md): exit status 3 exactly when a certificate is
// expired or expires within N days, and nothing worse applies; the table
// marks it.
#include <gtest/gtest.h>

#include <string>

#include "harness.h"

namespace alicert_cli_test {
namespace {

// corpus/parse_cas/rsa2048_documented_shape.json: notBefore
// 2026-01-15T08:30:00Z, notAfter 2028-01-15T08:30:00Z.
const std::string document = std::string(ALICERT_CORPUS_DIR) + "/parse_cas/rsa2048_documented_shape.json";

int status_at(const std::string& now, const std::string& warn_days) {
  std::vector<std::string> args{"check", "--json", "--now", now};
  if (!warn_days.empty()) {
    args.push_back("--warn-days");
    args.push_back(warn_days);
  }
  args.push_back(document);
  return run_cli(args).status;
}

TEST(CliExpiry, WarnDaysAtTheBoundary) {
  // 2028-01-05T08:30:00Z: notAfter is exactly 10 days away.
  EXPECT_EQ(status_at("2028-01-05T08:30:00Z", "10"), 3);
  EXPECT_EQ(status_at("2028-01-05T08:30:00Z", "9"), 0);   // 10 days left: outside a 9-day window
  EXPECT_EQ(status_at("2028-01-05T08:29:59Z", "10"), 3);  // 10 days and a second: rounds down to 10
  EXPECT_EQ(status_at("2028-01-04T08:30:01Z", "10"), 3);  // a second under 11 days: 10
  EXPECT_EQ(status_at("2028-01-04T08:30:00Z", "10"), 0);  // 11 days left: N + 1
  EXPECT_EQ(status_at("2028-01-15T08:30:01Z", "0"), 3);   // expired
  EXPECT_EQ(status_at("2030-01-01T00:00:00Z", "0"), 3);   // long expired
  EXPECT_EQ(status_at("2025-01-01T00:00:00Z", "30"), 0);  // not yet valid, far from expiring
  EXPECT_EQ(status_at("2028-01-05T08:30:00Z", ""), 0);    // no --warn-days: never 3
}

TEST(CliExpiry, PriorityIsErrorsThenFindingsThenWarnings) {
  temp_dir dir;
  // an expiring certificate and a broken document: 2
  auto r = run_cli({"check", "--json", "--now", "2028-01-14T00:00:00Z", "--warn-days", "30", document,
                    dir.write("broken.json", "{\"Certificate\":")});
  EXPECT_EQ(r.status, 2);
  // an expiring certificate and a mismatch (a serial that is no hex): 1
  r = run_cli({"check", "--json", "--now", "2028-01-14T00:00:00Z", "--warn-days", "30", document,
               dir.write("bad.json", std::string("{\"Certificate\":{\"SerialNumber\":\"zz\",\"X509Certificate\":") +
                                         "\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\"}}")});
  EXPECT_EQ(r.status, 1) << r.out;
}

TEST(CliExpiry, TheTableMarksIt) {
  const auto r = run_cli({"check", "--now", "2028-01-05T08:30:00Z", "--warn-days", "10", document});
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.out.find("!! expires in 10 days"), std::string::npos) << r.out;
  const auto e = run_cli({"check", "--now", "2028-02-05T08:30:00Z", "--warn-days", "10", document});
  EXPECT_NE(e.out.find("!! expired 21 days ago"), std::string::npos) << e.out;
  const auto none = run_cli({"check", "--now", "2027-01-05T08:30:00Z", "--warn-days", "10", document});
  EXPECT_EQ(none.out.find("!!"), std::string::npos) << none.out;
}

TEST(CliExpiry, JsonCarriesExpiresInDays) {
  const auto r = run_cli({"check", "--json", "--now", "2028-01-05T08:30:00Z", document});
  std::string problem;
  const auto records = parse_records(r.out, problem);
  ASSERT_TRUE(problem.empty()) << problem;
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].certificates.size(), 1u);
  EXPECT_EQ(records[0].certificates[0].expires_in_days, std::optional<std::int64_t>(10));
}

}  // namespace
}  // namespace alicert_cli_test
