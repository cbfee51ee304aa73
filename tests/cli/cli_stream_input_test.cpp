// `alicert check` on input that is not JSON and on a byte order mark: one
// error record per unbroken run of unparseable bytes, the documents around
// it still read; a mark is skipped with quirk utf8_bom (responses.md, Shared shapes).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "fixtures.h"
#include "harness.h"

namespace alicert_cli_test {
namespace {

const std::string bom = "\xEF\xBB\xBF";

bool not_json(const record& r) {
  return r.error_code == std::optional<std::string>("malformed_json") ||
         r.error_code == std::optional<std::string>("invalid_utf8");
}

bool has_quirk(const record& r, std::string_view q) {
  return std::find(r.quirks.begin(), r.quirks.end(), q) != r.quirks.end();
}

std::string data_file(const char* rel) { return std::string(ALICERT_TEST_DATA_DIR) + "/" + rel; }

std::string random_mebibyte(std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out(1 << 20, '\0');
  for (char& c : out) c = static_cast<char>(rng() & 0xFF);
  return out;
}

TEST(CliStreamInput, RandomMebibyteGivesFewRecordsAndExitsTwo) {
  // As `head -c 1M /dev/urandom | alicert check --json`, from a fixed seed.
  temp_dir dir;
  const auto file = dir.write("random.bin", random_mebibyte(1));
  for (const auto& r : {run_cli({"check", "--json", file}), run_cli({"check", "--json"}, file)}) {
    EXPECT_EQ(r.status, 2) << r.err.substr(0, 400);
    const auto records = records_of(r);
    ASSERT_GE(records.size(), 1u);
    EXPECT_LE(records.size(), 20u);
    for (const auto& rec : records) EXPECT_TRUE(rec.error_code);
  }
}

TEST(CliStreamInput, PemFileIsOneRecord) {
  for (const char* name : {"x509/rsa2048.pem", "x509/chain.pem"}) {
    const auto r = run_cli({"check", "--json", data_file(name)});
    EXPECT_EQ(r.status, 2) << name;
    const auto records = records_of(r);
    ASSERT_EQ(records.size(), 1u) << name;
    EXPECT_TRUE(not_json(records[0])) << name;
    EXPECT_EQ(records[0].offset, 0u);
  }
}

TEST(CliStreamInput, DerFileIsOneRecord) {
  for (const char* name : {"x509/rsa2048.der", "x509/ec_p256.der"}) {
    const auto r = run_cli({"check", "--json", data_file(name)});
    EXPECT_EQ(r.status, 2) << name;
    const auto records = records_of(r);
    ASSERT_EQ(records.size(), 1u) << name;
    EXPECT_TRUE(not_json(records[0])) << name;
  }
}

TEST(CliStreamInput, TenCasDocumentsWithABinaryLineInTheMiddle) {
  const std::string binary = read_whole(data_file("x509/rsa2048.der"));
  std::string input;
  for (int i = 0; i < 10; ++i) {
    if (i == 5) input += binary + "\n";
    input += fixtures::cas(fixtures::serial, "req-" + std::to_string(i)) + "\n";
  }
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("ten.ndjson", input)});
  EXPECT_EQ(r.status, 2);
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 11u);
  int next_request = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].index, i);
    if (i == 5) {
      EXPECT_TRUE(not_json(records[i]));
      EXPECT_EQ(records[i].offset, input.find(binary));
      continue;
    }
    EXPECT_FALSE(records[i].error_code) << i << ": " << records[i].error_message.value_or("");
    EXPECT_EQ(records[i].api, std::optional<std::string>("cas.DescribeClientCertificate"));
    EXPECT_EQ(records[i].request_id, std::optional<std::string>("req-" + std::to_string(next_request++)));
    ASSERT_EQ(records[i].certificates.size(), 1u);
  }
}

TEST(CliStreamInput, BrokenDocumentThenAGoodOneOnTheNextLine) {
  // Not JSON, and followed on its line by more fragments that are not either.
  const std::string broken = R"({"Certificate": {"Identifier": "cas-id-1",, "Days": 1}} and then some)";
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("in.ndjson", broken + "\n" + fixtures::cas() + "\n")});
  EXPECT_EQ(r.status, 2);
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(not_json(records[0]));
  EXPECT_FALSE(records[1].error_code);
  EXPECT_EQ(records[1].offset, broken.size() + 1);
  EXPECT_EQ(records[1].api, std::optional<std::string>("cas.DescribeClientCertificate"));
}

TEST(CliStreamInput, ByteOrderMarkBeforeADocument) {
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("bom.json", bom + fixtures::cas())});
  EXPECT_EQ(r.status, 0) << r.err;
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].index, 0u);
  EXPECT_EQ(records[0].offset, 3u);
  EXPECT_FALSE(records[0].error_code);
  EXPECT_TRUE(has_quirk(records[0], "utf8_bom"));
}

TEST(CliStreamInput, ByteOrderMarkBeforeEachNdjsonLine) {
  const std::string input = bom + fixtures::cas() + "\n" + bom + fixtures::api_error() + "\n";
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("bom.ndjson", input)});
  EXPECT_EQ(r.status, 0) << r.err;
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].offset, input.find(fixtures::api_error()));
  for (const auto& rec : records) {
    EXPECT_FALSE(rec.error_code);
    EXPECT_TRUE(has_quirk(rec, "utf8_bom"));
  }
}

TEST(CliStreamInput, OnlyAByteOrderMarkIsEmptyInput) {
  temp_dir dir;
  for (const std::string& content : {bom, bom + "\n"}) {
    const auto r = run_cli({"check", "--json", dir.write("bom.json", content)});
    EXPECT_EQ(r.status, 2);
    const auto records = records_of(r);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].error_code, std::optional<std::string>("empty_input"));
  }
}

}  // namespace
}  // namespace alicert_cli_test
