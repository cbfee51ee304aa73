// The command line itself: --help, --version, usage errors, --now.
#include <gtest/gtest.h>

#include <regex>

#include "fixtures.h"
#include "harness.h"

namespace alicert_cli_test {
namespace {

TEST(CliArgs, HelpPrintsUsageOnStdoutAndExitsZero) {
  const auto r = run_cli({"--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("alicert check [--json | --format table|json|prometheus] [--now RFC3339]"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(CliArgs, CheckHelpIsHelpToo) {
  const auto r = run_cli({"check", "--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("usage:"), std::string::npos);
}

TEST(CliArgs, VersionPrintsTheVersion) {
  const auto r = run_cli({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(std::regex_match(r.out, std::regex("alicert [0-9]+\\.[0-9]+\\.[0-9]+[^\\n]*\\n"))) << r.out;
}

TEST(CliArgs, NoArgumentsIsAUsageError) {
  const auto r = run_cli({});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("usage:"), std::string::npos);
}

TEST(CliArgs, UnknownOptionIsAUsageErrorOnStderr) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--frobnicate"}, {"check", "--frobnicate"}, {"check", "-x", "file.json"}, {"verify"}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.status, 2) << args.back();
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_NE(r.err.find("usage:"), std::string::npos) << r.err;
  }
}

TEST(CliArgs, NowNeedsAnRfc3339Time) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"check", "--now"}, {"check", "--now", "yesterday"}, {"check", "--now=2024-13-01T00:00:00Z"}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.status, 2) << args.back();
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find("usage:"), std::string::npos);
  }
}

TEST(CliArgs, UsageErrorsAreTerminalSafe) {
  const auto r = run_cli({"check", "--\x1b[31mred"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
}

TEST(CliArgs, NowChangesValidityAtNow) {
  temp_dir dir;
  const auto file = dir.write("cas.json", fixtures::cas());
  const struct {
    const char* now;
    const char* validity;
  } cases[] = {{"2020-06-01T00:00:00Z", "not_yet_valid"},
               {"2030-06-01T12:00:00Z", "valid"},
               {"2030-06-01T20:00:00+08:00", "valid"},
               {"2040-06-01T00:00:00Z", "expired"}};
  for (const auto& c : cases) {
    const auto r = run_cli({"check", "--json", "--now", c.now, file});
    ASSERT_FALSE(r.timed_out);
    std::string problem;
    const auto records = parse_records(r.out, problem);
    ASSERT_TRUE(problem.empty()) << problem;
    ASSERT_EQ(records.size(), 1u);
    ASSERT_EQ(records[0].certificates.size(), 1u);
    EXPECT_EQ(records[0].certificates[0].validity_at_now, std::optional<std::string>(c.validity)) << c.now;
    EXPECT_EQ(r.status, 0) << c.now << "\n" << r.out;
  }
  // The --now=VALUE spelling too.
  const auto r = run_cli({"check", "--json", "--now=2040-06-01T00:00:00Z", file});
  std::string problem;
  const auto records = parse_records(r.out, problem);
  ASSERT_EQ(records.size(), 1u) << problem;
  ASSERT_EQ(records[0].certificates.size(), 1u);
  EXPECT_EQ(records[0].certificates[0].validity_at_now, std::optional<std::string>("expired"));
}

TEST(CliArgs, DefaultNowIsTheCurrentTime) {
  // The fixture is valid from 2024 to 2034; the tests run in between.
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("cas.json", fixtures::cas())});
  std::string problem;
  const auto records = parse_records(r.out, problem);
  ASSERT_EQ(records.size(), 1u) << problem;
  ASSERT_EQ(records[0].certificates.size(), 1u);
  EXPECT_EQ(records[0].certificates[0].validity_at_now, std::optional<std::string>("valid"));
}

TEST(CliArgs, DoubleDashEndsOptions) {
  temp_dir dir;
  dir.write("--json", fixtures::api_error());
  const auto r = run_shell("cd '" + dir.path().string() + "' && \"$ALICERT\" check --json -- --json");
  std::string problem;
  const auto records = parse_records(r.out, problem);
  ASSERT_EQ(records.size(), 1u) << problem << r.err;
  EXPECT_EQ(records[0].input, "--json");
  EXPECT_EQ(r.status, 0);
}

}  // namespace
}  // namespace alicert_cli_test
