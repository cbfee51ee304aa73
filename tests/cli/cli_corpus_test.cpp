// The CLI over the shared corpus (corpus/): every file gives well-formed
// records and the exit status its directory implies. Positive documents are
// consistent by construction (corpus/README.md): no mismatch, no invalid.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "harness.h"

namespace alicert_cli_test {
namespace {

namespace fs = std::filesystem;

// `prefix`: only the files whose name starts with it (negative_: the seeds that fail on purpose).
std::vector<fs::path> corpus_files(const std::string& dir, const std::string& ext = "", const std::string& prefix = "") {
  std::vector<fs::path> files;
  std::error_code ec;
  const fs::path root = fs::path(ALICERT_CORPUS_DIR) / dir;
  if (!fs::is_directory(root, ec)) return files;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const std::string name = entry.path().filename().string();
    // regress_* files are fuzzer findings replayed by their fuzz target, not fixtures;
    // negative_* seeds fail on purpose.
    const bool wanted = prefix.empty() ? name.rfind("regress_", 0) != 0 && name.rfind("negative_", 0) != 0
                                       : name.rfind(prefix, 0) == 0;
    if (entry.is_regular_file() && wanted &&
        (ext.empty() ? entry.path().filename() != "README.md" : entry.path().extension() == ext))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct checked {
  run_result run;
  std::vector<record> records;
};

checked check_file(const fs::path& file, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"check", "--json", "--now", "2026-01-01T00:00:00Z"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(file.string());
  checked c;
  c.run = run_cli(args, "/dev/null", 60);
  std::string problem;
  c.records = parse_records(c.run.out, problem);
  EXPECT_FALSE(c.run.timed_out) << file;
  EXPECT_EQ(c.run.signal, 0) << file;
  EXPECT_TRUE(problem.empty()) << file << ": " << problem;
  for (std::size_t i = 0; i < c.records.size(); ++i) {
    EXPECT_EQ(c.records[i].index, i) << file;
    EXPECT_EQ(c.records[i].input, file.string());
  }
  return c;
}

void expect_single_document_of(const std::string& dir, const std::string& api) {
  const auto files = corpus_files(dir, ".json");
  if (files.empty()) GTEST_SKIP() << "corpus/" << dir << " is empty";
  for (const auto& f : files) {
    const auto c = check_file(f);
    ASSERT_EQ(c.records.size(), 1u) << f << "\n" << c.run.out;
    const auto& r = c.records[0];
    EXPECT_FALSE(r.error_code) << f << ": " << r.error_code.value_or("") << " " << r.error_message.value_or("");
    EXPECT_EQ(r.api, std::optional<std::string>(api)) << f;
    EXPECT_EQ(c.run.status, 0) << f << "\n" << c.run.out;
  }
}

TEST(CliCorpus, Cas) { expect_single_document_of("parse_cas", "cas.DescribeClientCertificate"); }

TEST(CliCorpus, Cdn) { expect_single_document_of("parse_cdn", "cdn.DescribeCertificateInfoByID"); }

TEST(CliCorpus, SiblingApis) {
  expect_single_document_of("parse_gucd", "cas.GetUserCertificateDetail");
  expect_single_document_of("parse_luco", "cas.ListUserCertificateOrder");
  expect_single_document_of("parse_cdn_domain", "cdn.DescribeDomainCertificateInfo");
  expect_single_document_of("parse_dcdn", "dcdn.DescribeDcdnDomainCertificateInfo");
  expect_single_document_of("parse_slb", "slb.DescribeServerCertificates");
}

// The check target's chain seeds that fail on purpose: each fails as its name says.
TEST(CliCorpus, NegativeChainSeeds) {
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"negative_chain_impostor.json", {"mismatch", "bad_signature"}},
      {"negative_chain_impostor_kms.json", {"mismatch", "bad_signature"}},
      {"negative_chain_truncated.json", {"invalid", "undecodable"}},
      {"negative_chain_unsupported.json", {"unverifiable", "unsupported"}},
  };
  const auto files = corpus_files("check", "", "negative_");
  ASSERT_EQ(files.size(), expected.size());
  for (const auto& f : files) {
    const auto& [status, link] = expected.at(f.filename().string());
    const auto c = check_file(f);
    ASSERT_EQ(c.records.size(), 1u) << f;
    ASSERT_EQ(c.records[0].certificates.size(), 1u) << f;
    const finding* chain = c.records[0].certificates[0].find("chain");
    ASSERT_NE(chain, nullptr) << f;
    EXPECT_EQ(chain->status, status) << f;
    EXPECT_NE(chain->note.value_or("").find(link), std::string::npos) << f << ": " << chain->note.value_or("");
    EXPECT_EQ(c.records[0].certificates[0].find("certificate")->status, "match") << f;
  }
}

TEST(CliCorpus, ApiErrors) {
  expect_single_document_of("parse_error", "api_error");
  for (const auto& f : corpus_files("parse_error", ".json")) {
    const auto c = check_file(f);
    ASSERT_EQ(c.records.size(), 1u);
    EXPECT_TRUE(c.records[0].api_error_code || c.records[0].api_error_message) << f;
    EXPECT_TRUE(c.records[0].certificates.empty()) << f;
  }
}

TEST(CliCorpus, Malformed) {
  const auto files = corpus_files("parse_malformed", ".json");
  if (files.empty()) GTEST_SKIP() << "corpus/parse_malformed is empty";
  for (const auto& f : files) {
    const std::string name = f.filename().string();
    const auto sep = name.find("__");
    ASSERT_NE(sep, std::string::npos) << f << ": expected <error_code>__<case>.json";
    const std::string expected = name.substr(0, sep);
    const auto c = check_file(f);
    EXPECT_EQ(c.run.status, 2) << f;
    ASSERT_FALSE(c.records.empty()) << f;
    bool found = false;
    for (const auto& r : c.records) {
      if (r.error_code) {
        EXPECT_FALSE(r.api) << f;
        EXPECT_TRUE(r.certificates.empty()) << f;
      }
      found = found || r.error_code == expected;
    }
    EXPECT_TRUE(found) << f << ": no record with error code " << expected << "\n" << c.run.out;
  }
}

TEST(CliCorpus, KmsPairsInBothOrders) {
  const auto files = corpus_files("parse_kms", ".json");
  if (files.empty()) GTEST_SKIP() << "corpus/parse_kms is empty";
  std::map<std::string, std::pair<fs::path, fs::path>> pairs;  // case -> (describe, get)
  for (const auto& f : files) {
    const std::string name = f.filename().string();
    if (name.ends_with(".describe.json"))
      pairs[name.substr(0, name.size() - 14)].first = f;
    else if (name.ends_with(".get.json"))
      pairs[name.substr(0, name.size() - 9)].second = f;
    // Each file on its own.
    const auto alone = check_file(f);
    EXPECT_EQ(alone.run.status, 0) << f << "\n" << alone.run.out;
    ASSERT_EQ(alone.records.size(), 1u) << f;
    EXPECT_FALSE(alone.records[0].error_code) << f;
  }
  temp_dir dir;
  for (const auto& [name, paths] : pairs) {
    if (paths.first.empty() || paths.second.empty()) continue;
    const std::string describe = read_whole(paths.first);
    const std::string get = read_whole(paths.second);
    std::optional<std::string> describe_line[2];
    for (int order = 0; order < 2; ++order) {
      const auto file = dir.write(name + std::to_string(order) + ".ndjson",
                                  order == 0 ? describe + "\n" + get + "\n" : get + "\n" + describe + "\n");
      const auto c = check_file(file);
      ASSERT_EQ(c.records.size(), 2u) << name << " order " << order;
      EXPECT_EQ(c.run.status, 0) << name << " order " << order << "\n" << c.run.out;
      const record& d = c.records[order == 0 ? 0 : 1];
      const record& g = c.records[order == 0 ? 1 : 0];
      ASSERT_EQ(d.api, std::optional<std::string>("kms.DescribeCertificate")) << name;
      ASSERT_EQ(g.api, std::optional<std::string>("kms.GetCertificate")) << name;
      ASSERT_EQ(d.certificates.size(), 1u) << name;
      ASSERT_EQ(g.certificates.size(), 1u) << name;
      // Paired: the Describe record lists the Get's certificate.
      EXPECT_TRUE(d.certificates[0].serial.has_value()) << name;
      EXPECT_EQ(d.certificates[0].serial, g.certificates[0].serial) << name;
      EXPECT_EQ(d.certificates[0].sha256, g.certificates[0].sha256) << name;
      // The same verdicts whichever order.
      std::string verdicts;
      for (const auto& f : d.certificates[0].findings) verdicts += f.check + "=" + f.status + ";";
      describe_line[order] = verdicts;
    }
    EXPECT_EQ(describe_line[0], describe_line[1]) << name;
  }
}

TEST(CliCorpus, Streams) {
  const auto files = corpus_files("stream");
  if (files.empty()) GTEST_SKIP() << "corpus/stream is empty";
  for (const auto& f : files) {
    const std::string name = f.filename().string();
    const bool broken = name.find("malformed") != std::string::npos || name.find("truncated") != std::string::npos;
    const auto c = check_file(f);
    EXPECT_GE(c.records.size(), 2u) << f;
    std::size_t errors = 0;
    std::set<std::string> get_ids;
    for (const auto& r : c.records)
      if (r.api == std::optional<std::string>("kms.GetCertificate") && r.certificates.size() == 1 &&
          r.certificates[0].id)
        get_ids.insert(*r.certificates[0].id);
    for (std::size_t i = 0; i < c.records.size(); ++i) {
      if (i > 0) EXPECT_GT(c.records[i].offset, c.records[i - 1].offset) << f;
      if (c.records[i].error_code) ++errors;
      // A Describe whose Get is in the stream is paired: it lists the
      // certificate; one without stays unverifiable.
      if (c.records[i].api == std::optional<std::string>("kms.DescribeCertificate")) {
        ASSERT_EQ(c.records[i].certificates.size(), 1u) << f;
        const auto& id = c.records[i].certificates[0].id;
        EXPECT_EQ(c.records[i].certificates[0].serial.has_value(), id && get_ids.count(*id) == 1)
            << f << " record " << i;
      }
    }
    if (broken) {
      EXPECT_EQ(c.run.status, 2) << f;
      EXPECT_EQ(errors, 1u) << f << ": the broken document only\n" << c.run.out;
    } else {
      EXPECT_EQ(c.run.status, 0) << f << "\n" << c.run.out;
      EXPECT_EQ(errors, 0u) << f;
    }
    // The same stream through standard input gives the same records.
    const auto piped = run_cli({"check", "--json", "--now", "2026-01-01T00:00:00Z"}, f.string(), 60);
    std::string problem;
    const auto piped_records = parse_records(piped.out, problem);
    ASSERT_EQ(piped_records.size(), c.records.size()) << f;
    for (std::size_t i = 0; i < c.records.size(); ++i) {
      EXPECT_EQ(piped_records[i].input, "-");
      EXPECT_EQ(piped_records[i].offset, c.records[i].offset) << f;
      EXPECT_EQ(piped_records[i].api, c.records[i].api) << f;
    }
    EXPECT_EQ(piped.status, c.run.status) << f;
  }
}

TEST(CliCorpus, CheckSeeds) {
  const auto files = corpus_files("check");
  if (files.empty()) GTEST_SKIP() << "corpus/check is empty";
  for (const auto& f : files) {
    const auto c = check_file(f);
    EXPECT_EQ(c.run.status, 0) << f << "\n" << c.run.out;
    ASSERT_FALSE(c.records.empty()) << f;
    for (const auto& r : c.records) {
      EXPECT_FALSE(r.error_code) << f;
      if (r.api == std::optional<std::string>("kms.DescribeCertificate")) {
        ASSERT_EQ(r.certificates.size(), 1u) << f;
        EXPECT_TRUE(r.certificates[0].serial.has_value()) << f << ": paired";
      }
      // The lists' entries that name a certificate pair with the details around them.
      if (r.api == std::optional<std::string>("cas.ListUserCertificateOrder") ||
          r.api == std::optional<std::string>("slb.DescribeServerCertificates"))
        for (const auto& c : r.certificates)
          if (!c.id.value_or("").starts_with("order:"))
            EXPECT_TRUE(c.serial.has_value()) << f << ": entry " << c.id.value_or("?") << " paired";
    }
  }
}

TEST(CliCorpus, TableModeOverEverything) {
  std::vector<std::string> args{"check"};
  for (const char* dir : {"parse_cas", "parse_kms", "parse_cdn", "parse_error", "parse_malformed"})
    for (const auto& f : corpus_files(dir, ".json")) args.push_back(f.string());
  for (const char* dir : {"stream", "check"})
    for (const auto& f : corpus_files(dir)) args.push_back(f.string());
  if (args.size() == 1) GTEST_SKIP() << "corpus/ is empty";
  const auto r = run_cli(args, "/dev/null", 300);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.signal, 0);
  EXPECT_TRUE(r.status == 0 || r.status == 1 || r.status == 2);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace alicert_cli_test
