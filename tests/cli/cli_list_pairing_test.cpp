// Certificate lists (cas.ListUserCertificateOrder, slb.DescribeServerCertificates)
// carry no PEM: the CLI gathers the certificates of the documents within
// --pair-window of each list, and the library pairs every entry with one by
// id, else by digest (docs/siblings.md, sections 2 and 4).
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "fixtures.h"
#include "harness.h"

namespace alicert_cli_test {
namespace {

namespace fs = std::filesystem;

bool is_list(const record& r) {
  return r.api == std::optional<std::string>("cas.ListUserCertificateOrder") ||
         r.api == std::optional<std::string>("slb.DescribeServerCertificates");
}

// The documents of a corpus file, one a line: the details first, the list last.
std::vector<std::string> lines_of(const std::string& name) {
  std::istringstream in(read_whole(fs::path(ALICERT_CORPUS_DIR) / "check" / name));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

std::vector<record> check_lines(const std::vector<std::string>& lines, std::vector<std::string> extra = {}) {
  temp_dir dir;
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  std::vector<std::string> args{"check", "--json", "--now", "2027-01-01T00:00:00Z"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(dir.write("lists.ndjson", text));
  auto records = records_of(run_cli(args));
  EXPECT_EQ(records.size(), lines.size());
  return records;
}

const record& the_list(const std::vector<record>& records) {
  for (const auto& r : records)
    if (is_list(r)) return r;
  ADD_FAILURE() << "no list among the records";
  return records.front();
}

// What a list's entries were found to be, entry by entry: every finding's
// check, status and note.
std::vector<std::string> verdicts(const record& list) {
  std::vector<std::string> out;
  for (const auto& c : list.certificates) {
    std::string v = c.id.value_or("?") + (c.serial ? " paired:" : " unpaired:");
    for (const auto& f : c.findings) v += " " + f.check + "=" + f.status + "(" + f.note.value_or("") + ")";
    out.push_back(v);
  }
  return out;
}

void expect_all_paired(const record& list, const std::string& what) {
  ASSERT_FALSE(list.certificates.empty()) << what;
  for (const auto& c : list.certificates) {
    EXPECT_TRUE(c.serial.has_value()) << what << ": entry " << c.id.value_or("?") << " is paired";
    const finding* cert = c.find("certificate");
    ASSERT_NE(cert, nullptr) << what;
    EXPECT_EQ(cert->status, "match") << what << ": " << c.id.value_or("?");
  }
}

void expect_none_paired(const record& list, const std::string& what) {
  ASSERT_FALSE(list.certificates.empty()) << what;
  for (const auto& c : list.certificates) {
    EXPECT_FALSE(c.serial.has_value()) << what << ": entry " << c.id.value_or("?") << " is not paired";
    const finding* cert = c.find("certificate");
    ASSERT_NE(cert, nullptr) << what;
    EXPECT_EQ(cert->status, "unverifiable") << what;
  }
}

class CliListPairing : public ::testing::TestWithParam<const char*> {};

// The details before the list (as the corpus file has them) or after it pair the same way.
TEST_P(CliListPairing, DetailsBeforeOrAfterTheListPairAlike) {
  std::vector<std::string> lines = lines_of(GetParam());
  ASSERT_GE(lines.size(), 2u);
  const auto before = check_lines(lines);
  std::rotate(lines.begin(), lines.end() - 1, lines.end());  // the list first
  const auto after = check_lines(lines);
  expect_all_paired(the_list(before), "details before");
  expect_all_paired(the_list(after), "details after");
  EXPECT_EQ(verdicts(the_list(before)), verdicts(the_list(after)));
}

// Documents beyond the window are not gathered; within it they are.
TEST_P(CliListPairing, ThePairWindowBoundsWhatIsGathered) {
  const std::vector<std::string> corpus = lines_of(GetParam());
  constexpr std::size_t fillers = 5;
  std::vector<std::string> lines{corpus.back()};  // the list, then fillers, then the details
  for (std::size_t i = 0; i < fillers; ++i) lines.push_back(fixtures::api_error("req-filler-" + std::to_string(i)));
  lines.insert(lines.end(), corpus.begin(), corpus.end() - 1);
  const std::size_t details = corpus.size() - 1;
  expect_none_paired(the_list(check_lines(lines, {"--pair-window", std::to_string(fillers)})), "window = fillers");
  expect_none_paired(the_list(check_lines(lines, {"--pair-window", "0"})), "window 0");
  expect_all_paired(the_list(check_lines(lines, {"--pair-window", std::to_string(fillers + details)})),
                    "window reaches every detail");
  // The default window (1024) reaches them too.
  expect_all_paired(the_list(check_lines(lines)), "default window");
}

// Every worker count checks a list with the same gathered certificates.
TEST_P(CliListPairing, JobCountsAgree) {
  const std::vector<std::string> lines = lines_of(GetParam());
  const auto one = check_lines(lines, {"--jobs", "1"});
  const auto two = check_lines(lines, {"--jobs", "2"});
  EXPECT_EQ(verdicts(the_list(one)), verdicts(the_list(two)));
}

INSTANTIATE_TEST_SUITE_P(Corpus, CliListPairing,
                         ::testing::Values("luco_orders_with_details.ndjson", "slb_with_details.ndjson"));

// A list with nothing around it: every entry unpaired.
TEST(CliListPairingAlone, AListAloneIsUnverifiable) {
  for (const char* name : {"luco_orders_with_details.ndjson", "slb_with_details.ndjson"}) {
    const auto records = check_lines({lines_of(name).back()});
    ASSERT_EQ(records.size(), 1u);
    expect_none_paired(records[0], name);
  }
}

// An SLB entry that names no CAS certificate pairs by its fingerprint only:
// a certificate of another API (a PCA document) that is not its own is not
// taken for it, while the detail that has it is.
TEST(CliListPairingAlone, AnUnrelatedCertificateIsNotTaken) {
  const std::vector<std::string> corpus = lines_of("slb_with_details.ndjson");
  const auto alone = check_lines({fixtures::cas(), corpus.back()});
  expect_none_paired(the_list(alone), "a PCA certificate only");
  const auto with = check_lines({fixtures::cas(), corpus[0], corpus[1], corpus.back()});
  expect_all_paired(the_list(with), "with the details");
}

}  // namespace
}  // namespace alicert_cli_test
