// The main job (`scripts/run.sh --json`) over exactly its selection
// (scripts/main_job_inputs.sh): every document parses, no finding is
// mismatch or invalid, every record is JSON, exit status 0. A document that is
// not consistent (or a fuzz regression) in the selection fails this test.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "harness.h"

namespace alicert_cli_test {
namespace {

TEST(MainJob, SelectionIsConsistentAndExitsZero) {
  const std::string root = ALICERT_SOURCE_DIR;
  const run_result list = run_shell("cd '" + root + "' && scripts/main_job_inputs.sh");
  ASSERT_EQ(list.status, 0) << list.err;
  std::vector<std::string> args{"check", "--json"};
  std::istringstream in(list.out);
  for (std::string path; std::getline(in, path);) {
    EXPECT_EQ(path.find("regress_"), std::string::npos) << path << ": a fuzz regression in the main job";
    args.push_back(root + "/" + path);
  }
  ASSERT_GT(args.size(), 40u) << "the main job selects too few documents:\n" << list.out;

  const run_result r = run_cli(args);
  std::string problem;
  const std::vector<record> records = parse_records(r.out, problem);
  ASSERT_TRUE(problem.empty()) << problem;
  EXPECT_GE(records.size(), args.size() - 2);
  for (const record& rec : records) {
    EXPECT_FALSE(rec.error_code) << rec.input << " #" << rec.index << ": " << rec.error_code.value_or("");
    for (const certificate& c : rec.certificates)
      for (const finding& f : c.findings)
        EXPECT_TRUE(f.status != "mismatch" && f.status != "invalid")
            << rec.input << " #" << rec.index << ": " << f.check << " " << f.status << " ("
            << f.note.value_or("") << ")";
  }
  EXPECT_EQ(r.status, 0) << r.err;
}

}  // namespace
}  // namespace alicert_cli_test
