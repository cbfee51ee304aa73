// --jobs and --pair-window (report.md, Invocation): the output is the same
// bytes for every number of threads, over the whole shipped corpus and over
// a large generated stream; a describe pairs with the GetCertificate of its
// id within the window only.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "fixtures.h"
#include "harness.h"

namespace alicert_cli_test {
namespace {

// Every file of the shipped corpus that is a document or a stream of them.
std::vector<std::string> corpus_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ALICERT_CORPUS_DIR)) {
    if (!entry.is_regular_file()) continue;
    const std::string path = entry.path().string();
    if (path.find("/keys/") != std::string::npos || entry.path().filename() == "README.md") continue;
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

void expect_same_for_every_job_count(const std::vector<std::string>& args) {
  const run_result one = run_cli([&] {
    std::vector<std::string> a{"check", "--jobs", "1"};
    a.insert(a.end(), args.begin(), args.end());
    return a;
  }());
  ASSERT_FALSE(one.timed_out);
  ASSERT_FALSE(one.out.empty());
  for (const char* jobs : {"2", "4"}) {
    std::vector<std::string> a{"check", "--jobs", jobs};
    a.insert(a.end(), args.begin(), args.end());
    const run_result many = run_cli(a);
    ASSERT_FALSE(many.timed_out);
    EXPECT_EQ(many.status, one.status) << jobs;
    EXPECT_TRUE(many.out == one.out) << "--jobs " << jobs << " wrote other bytes than --jobs 1 ("
                                     << many.out.size() << " against " << one.out.size() << ")";
    EXPECT_EQ(many.err, one.err) << jobs;
  }
}

TEST(CliJobs, TheWholeCorpusGivesTheSameBytesForEveryJobCount) {
  const auto files = corpus_files();
  ASSERT_GT(files.size(), 100u);
  for (const char* format : {"json", "table", "prometheus"}) {
    std::vector<std::string> args{"--format", format, "--now", "2026-06-01T00:00:00Z"};
    args.insert(args.end(), files.begin(), files.end());
    expect_same_for_every_job_count(args);
  }
}

TEST(CliJobs, TheMainJobSelectionGivesTheSameBytesForEveryJobCount) {
  const std::string root = ALICERT_SOURCE_DIR;
  const run_result list = run_shell("cd '" + root + "' && scripts/main_job_inputs.sh");
  ASSERT_EQ(list.status, 0) << list.err;
  std::vector<std::string> args{"--json", "--now", "2026-06-01T00:00:00Z"};
  std::size_t start = 0;
  while (start < list.out.size()) {
    const std::size_t end = list.out.find('\n', start);
    args.push_back(root + "/" + list.out.substr(start, end - start));
    start = end + 1;
  }
  expect_same_for_every_job_count(args);
}

// Many documents of every kind: KMS describes before and after their gets
// (some farther apart than the window), several gets of one id, broken and
// binary lines, error envelopes, byte order marks.
std::string large_stream(std::uint32_t seed, std::size_t documents) {
  std::mt19937 rng(seed);
  std::string out;
  for (std::size_t i = 0; i < documents; ++i) {
    const std::string id = "kms-" + std::to_string(rng() % 400);
    switch (rng() % 10) {
      case 0: case 1: out += fixtures::kms_describe(id, rng() % 5 == 0 ? "deadbeef" : fixtures::serial); break;
      case 2: case 3: out += fixtures::kms_get(id); break;
      case 4: out += fixtures::api_error("e" + std::to_string(i)); break;
      case 5: out += "{\"RequestId\": \"broken\",, }"; break;
      case 6: out += "\xEF\xBB\xBF" + fixtures::cas(fixtures::serial, "bom"); break;
      case 7: out += std::string("\x01\x02 not json \xFF"); break;
      default: out += fixtures::cas(rng() % 9 == 0 ? "deadbeef" : fixtures::serial, "c" + std::to_string(i));
    }
    out += '\n';
  }
  return out;
}

// One test per output form, so that ctest can run them side by side (under
// ASan the five took 28 s as one test).
struct large_stream_form {
  const char* name;
  std::vector<std::string> args;  // before the file
};

void PrintTo(const large_stream_form& form, std::ostream* os) { *os << form.name; }

class CliJobsLargeStream : public ::testing::TestWithParam<large_stream_form> {};

TEST_P(CliJobsLargeStream, GivesTheSameBytesForEveryJobCount) {
  temp_dir dir;
  std::vector<std::string> args = GetParam().args;
  args.push_back(dir.write("large.ndjson", large_stream(5, 6000)));
  expect_same_for_every_job_count(args);
}

INSTANTIATE_TEST_SUITE_P(
    CliJobs, CliJobsLargeStream,
    ::testing::Values(
        large_stream_form{"json_window_1024", {"--json", "--now", "2026-06-01T00:00:00Z", "--pair-window", "1024"}},
        large_stream_form{"json_window_3", {"--json", "--now", "2026-06-01T00:00:00Z", "--pair-window", "3"}},
        large_stream_form{"json_window_0", {"--json", "--now", "2026-06-01T00:00:00Z", "--pair-window", "0"}},
        large_stream_form{"table", {"--format", "table"}},
        large_stream_form{"prometheus", {"--format", "prometheus"}}),
    [](const ::testing::TestParamInfo<large_stream_form>& info) { return std::string(info.param.name); });

// The describe's `serial` finding: match when paired, unverifiable when not.
std::string serial_status(const std::vector<std::string>& args, std::size_t describe) {
  const run_result r = run_cli(args);
  std::string problem;
  const auto records = parse_records(r.out, problem);
  if (!problem.empty() || records.size() <= describe || records[describe].certificates.empty()) return problem;
  const finding* serial = records[describe].certificates[0].find("serial");
  return serial != nullptr ? serial->status : "no serial finding";
}

TEST(CliJobs, PairingReachesExactlyThePairWindow) {
  // A describe and its get with four documents between them: five apart.
  std::string between;
  for (int i = 0; i < 4; ++i) between += fixtures::api_error("between-" + std::to_string(i)) + "\n";
  temp_dir dir;
  const auto get_after = dir.write("after.ndjson", fixtures::kms_describe("k1") + "\n" + between + fixtures::kms_get("k1"));
  const auto get_before = dir.write("before.ndjson", fixtures::kms_get("k1") + "\n" + between + fixtures::kms_describe("k1"));
  for (const char* jobs : {"1", "3"}) {
    EXPECT_EQ(serial_status({"check", "--json", "--jobs", jobs, "--pair-window", "5", get_after}, 0), "match");
    EXPECT_EQ(serial_status({"check", "--json", "--jobs", jobs, "--pair-window", "4", get_after}, 0), "unverifiable");
    EXPECT_EQ(serial_status({"check", "--json", "--jobs", jobs, "--pair-window", "5", get_before}, 5), "match");
    EXPECT_EQ(serial_status({"check", "--json", "--jobs", jobs, "--pair-window", "4", get_before}, 5), "unverifiable");
    EXPECT_EQ(serial_status({"check", "--json", "--jobs", jobs, "--pair-window", "0", get_after}, 0), "unverifiable");
    EXPECT_EQ(serial_status({"check", "--json", "--jobs", jobs, get_after}, 0), "match");
  }
}

TEST(CliJobs, TheWindowSpansFiles) {
  // The FILEs are one sequence: a get two files away is still within a window of 2.
  temp_dir dir;
  const auto describe = dir.write("d.json", fixtures::kms_describe("k9"));
  const auto other = dir.write("o.json", fixtures::api_error());
  const auto get = dir.write("g.json", fixtures::kms_get("k9"));
  EXPECT_EQ(serial_status({"check", "--json", "--pair-window", "2", describe, other, get}, 0), "match");
  EXPECT_EQ(serial_status({"check", "--json", "--pair-window", "1", describe, other, get}, 0), "unverifiable");
}

TEST(CliJobs, AmbiguityCountsOnlyGetsWithinTheWindow) {
  std::string between;
  for (int i = 0; i < 6; ++i) between += fixtures::api_error() + "\n";
  // get, describe right after it, then a second get seven documents later.
  const std::string input =
      fixtures::kms_get("k2") + "\n" + fixtures::kms_describe("k2") + "\n" + between + fixtures::kms_get("k2") + "\n";
  temp_dir dir;
  const auto file = dir.write("two-gets.ndjson", input);
  const auto note = [&](const char* window) {
    const run_result r = run_cli({"check", "--json", "--pair-window", window, file});
    std::string problem;
    const auto records = parse_records(r.out, problem);
    if (records.size() < 2 || records[1].certificates.empty()) return std::string("no record: ") + problem;
    const finding* f = records[1].certificates[0].find("certificate");
    return f != nullptr ? f->note.value_or("") : std::string("no certificate finding");
  };
  EXPECT_NE(note("7").find("more than one GetCertificate"), std::string::npos) << note("7");
  EXPECT_EQ(note("6").find("more than one"), std::string::npos) << note("6");
  EXPECT_NE(note("6").find("paired GetCertificate"), std::string::npos) << note("6");
}

}  // namespace
}  // namespace alicert_cli_test
