// `alicert check`: one record per document, in input order, exit statuses.
#include <gtest/gtest.h>

#include <filesystem>

#include "fixtures.h"
#include "harness.h"

namespace alicert_cli_test {
namespace {

void expect_clean_exit(const run_result& r) {
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.signal, 0);
}

TEST(CliCheck, MatchingCasDocumentExitsZero) {
  temp_dir dir;
  const auto file = dir.write("cas.json", fixtures::cas());
  const auto r = run_cli({"check", "--json", file});
  expect_clean_exit(r);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 1u);
  const auto& rec = records[0];
  EXPECT_EQ(rec.input, file);
  EXPECT_EQ(rec.index, 0u);
  EXPECT_EQ(rec.offset, 0u);
  EXPECT_EQ(rec.api, std::optional<std::string>("cas.DescribeClientCertificate"));
  EXPECT_EQ(rec.request_id, std::optional<std::string>("req-cas-1"));
  EXPECT_FALSE(rec.error_code);
  EXPECT_FALSE(rec.api_error_code);
  ASSERT_EQ(rec.certificates.size(), 1u);
  const auto& c = rec.certificates[0];
  EXPECT_EQ(c.id, std::optional<std::string>("cas-id-1"));
  EXPECT_EQ(c.serial, std::optional<std::string>(fixtures::serial));
  EXPECT_EQ(c.not_before, std::optional<std::string>("2024-01-01T00:00:00Z"));
  EXPECT_EQ(c.not_after, std::optional<std::string>("2034-01-01T00:00:00Z"));
  EXPECT_EQ(c.sha256, std::optional<std::string>(fixtures::sha256));
  EXPECT_EQ(c.md5, std::optional<std::string>(fixtures::md5));
  EXPECT_EQ(c.key_algorithm, std::optional<std::string>("RSA"));
  EXPECT_EQ(c.key_size, std::optional<std::int64_t>(2048));
  EXPECT_EQ(c.signature_algorithm, std::optional<std::string>("sha256WithRSAEncryption"));
  const auto* serial = c.find("serial");
  ASSERT_NE(serial, nullptr);
  EXPECT_EQ(serial->status, "match");
  EXPECT_EQ(serial->field, "SerialNumber");
  for (const auto& f : c.findings) EXPECT_NE(f.status, "mismatch") << f.check;
}

TEST(CliCheck, MismatchExitsOne) {
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("cas.json", fixtures::cas("deadbeef"))});
  expect_clean_exit(r);
  EXPECT_EQ(r.status, 1) << r.out;
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].certificates.size(), 1u);
  const auto* serial = records[0].certificates[0].find("serial");
  ASSERT_NE(serial, nullptr);
  EXPECT_EQ(serial->status, "mismatch");
  EXPECT_EQ(serial->reported, std::optional<std::string>("deadbeef"));
}

TEST(CliCheck, ApiErrorDocument) {
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("err.json", fixtures::api_error())});
  expect_clean_exit(r);
  EXPECT_EQ(r.status, 0);
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 1u);
  const auto& rec = records[0];
  EXPECT_EQ(rec.api, std::optional<std::string>("api_error"));
  EXPECT_EQ(rec.request_id, std::optional<std::string>("req-err-1"));
  EXPECT_FALSE(rec.error_code);
  EXPECT_EQ(rec.api_error_code, std::optional<std::string>("Certificate.NotFound"));
  EXPECT_EQ(rec.api_error_message, std::optional<std::string>("The specified Certificate is not found."));
  EXPECT_EQ(rec.api_error_host_id, std::optional<std::string>("kms.cn-hangzhou.aliyuncs.com"));
  EXPECT_EQ(rec.api_error_recommend, std::optional<std::string>("https://api.aliyun.com/troubleshoot"));
  EXPECT_TRUE(rec.certificates.empty());
}

TEST(CliCheck, OneRecordPerDocumentInInputOrderWithOffsets) {
  // NDJSON and plain concatenation in one stream.
  const std::string docs[] = {fixtures::api_error("r0"), fixtures::cas(fixtures::serial, "r1"),
                              fixtures::api_error("r2"), fixtures::api_error("r3")};
  const std::string separators[] = {"\n", "", "  \r\n\n", "\n"};
  std::string input;
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < 4; ++i) {
    offsets.push_back(input.size());
    input += docs[i];
    input += separators[i];
  }
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("stream.ndjson", input)});
  expect_clean_exit(r);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(records[i].index, i);
    EXPECT_EQ(records[i].offset, offsets[i]) << i;
    EXPECT_EQ(records[i].request_id, std::optional<std::string>("r" + std::to_string(i)));
  }
}

TEST(CliCheck, MalformedDocumentInTheMiddleExitsTwoAndTheOthersAreReported) {
  const std::string input = fixtures::api_error("r0") + "\n" + R"({"RequestId": "r1", "Code": })" + "\n" +
                            fixtures::cas(fixtures::serial, "r2") + "\n";
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("mixed.ndjson", input)});
  expect_clean_exit(r);
  EXPECT_EQ(r.status, 2);
  const auto records = records_of(r);
  ASSERT_GE(records.size(), 3u) << r.out;
  EXPECT_EQ(records.front().api, std::optional<std::string>("api_error"));
  EXPECT_FALSE(records.front().error_code);
  EXPECT_EQ(records.back().api, std::optional<std::string>("cas.DescribeClientCertificate"));
  EXPECT_EQ(records.back().request_id, std::optional<std::string>("r2"));
  EXPECT_EQ(records.back().certificates.size(), 1u);
  bool saw_error = false;
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].index, i);
    if (i > 0) EXPECT_GT(records[i].offset, records[i - 1].offset);
    if (records[i].error_code) {
      saw_error = true;
      EXPECT_FALSE(records[i].api);
      EXPECT_EQ(*records[i].error_code, "malformed_json");
      EXPECT_GE(records[i].error_offset, records[i].offset);
      EXPECT_TRUE(records[i].certificates.empty());
    }
  }
  EXPECT_TRUE(saw_error);
  EXPECT_FALSE(r.err.empty()) << "a diagnostic on stderr";
}

TEST(CliCheck, ErrorsWinOverMismatches) {
  const std::string input = fixtures::cas("deadbeef") + "\n{\"unknown\": true}\n";
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("both.ndjson", input)});
  expect_clean_exit(r);
  EXPECT_EQ(r.status, 2);
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].error_code, std::optional<std::string>("unknown_shape"));
  EXPECT_FALSE(records[1].api);
}

TEST(CliCheck, UnreadableFileGivesOneRecordAndTheOtherFilesGoOn) {
  temp_dir dir;
  const auto good = dir.write("good.json", fixtures::api_error());
  const auto missing = (dir.path() / "missing.json").string();
  const auto r = run_cli({"check", "--json", missing, good, dir.path().string()});
  expect_clean_exit(r);
  EXPECT_EQ(r.status, 2);
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 3u) << r.out;
  EXPECT_EQ(records[0].input, missing);
  EXPECT_EQ(records[0].index, 0u);
  EXPECT_EQ(records[0].offset, 0u);
  EXPECT_FALSE(records[0].api);
  EXPECT_EQ(records[0].error_code, std::optional<std::string>("io_error"));
  EXPECT_TRUE(records[0].certificates.empty());
  EXPECT_EQ(records[1].input, good);
  EXPECT_EQ(records[1].api, std::optional<std::string>("api_error"));
  // A directory is not a readable file either.
  EXPECT_EQ(records[2].input, dir.path().string());
  EXPECT_EQ(records[2].error_code, std::optional<std::string>("io_error"));
  EXPECT_NE(r.err.find("missing.json"), std::string::npos) << r.err;
}

TEST(CliCheck, UnreadablePermissionsGiveIoError) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads everything";
  temp_dir dir;
  const auto file = dir.write("secret.json", fixtures::api_error());
  std::filesystem::permissions(file, std::filesystem::perms::none);
  const auto r = run_cli({"check", "--json", file});
  EXPECT_EQ(r.status, 2);
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error_code, std::optional<std::string>("io_error"));
}

TEST(CliCheck, EmptyInputIsAnError) {
  temp_dir dir;
  for (const char* content : {"", "  \n\t\n"}) {
    const auto r = run_cli({"check", "--json", dir.write("empty.json", content)});
    expect_clean_exit(r);
    EXPECT_EQ(r.status, 2);
    const auto records = records_of(r);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].error_code, std::optional<std::string>("empty_input"));
    EXPECT_FALSE(records[0].api);
  }
}

TEST(CliCheck, StandardInputByDashAndByDefault) {
  temp_dir dir;
  const auto file = dir.write("in.ndjson", fixtures::api_error("a") + "\n" + fixtures::api_error("b") + "\n");
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"check", "--json"}, {"check", "--json", "-"}}) {
    const auto r = run_cli(args, file);
    expect_clean_exit(r);
    EXPECT_EQ(r.status, 0);
    const auto records = records_of(r);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].input, "-");
    EXPECT_EQ(records[1].request_id, std::optional<std::string>("b"));
  }
}

TEST(CliCheck, LargeStreamThroughAPipe) {
  // Well past the reader's first buffer, through a pipe (no file size known).
  std::string input;
  const std::size_t n = 20000;
  for (std::size_t i = 0; i < n; ++i) input += fixtures::api_error("r" + std::to_string(i)) + "\n";
  temp_dir dir;
  const auto file = dir.write("big.ndjson", input);
  const auto r = run_shell("cat '" + file + "' | \"$ALICERT\" check --json");
  expect_clean_exit(r);
  EXPECT_EQ(r.status, 0) << r.err;
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), n);
  for (std::size_t i = 0; i < n; i += 997) {
    EXPECT_EQ(records[i].index, i);
    EXPECT_EQ(records[i].request_id, std::optional<std::string>("r" + std::to_string(i)));
  }
}

TEST(CliCheck, ClosedStdoutIsNotASignal) {
  std::string input;
  for (int i = 0; i < 5000; ++i) input += fixtures::api_error() + "\n";
  temp_dir dir;
  const auto file = dir.write("big.ndjson", input);
  // The shell reports the CLI's own status through a file.
  const auto status_file = (dir.path() / "status").string();
  const auto r = run_shell("( \"$ALICERT\" check --json '" + file + "'; echo $? > '" + status_file +
                           "' ) | head -c 100 > /dev/null");
  expect_clean_exit(r);
  const auto status = read_whole(status_file);
  EXPECT_TRUE(status == "0\n" || status == "2\n") << "status " << status;
}

TEST(CliCheck, EveryStringIsEscaped) {
  temp_dir dir;
  // Control characters, quotes, backslashes and non-ASCII in reported values.
  const std::string doc =
      R"({"RequestId":"q\"uote\\back\u0001\u001f\n\t\u007f\u2028é中","HostId":"h","Code":"C\u0000ode","Message":"m"})";
  // A path with bytes that are not UTF-8 and a control character.
  const std::string odd_name = std::string("odd\xff\xfe\x01name.json");
  dir.write(odd_name, doc);
  const auto path = (dir.path() / odd_name).string();
  const auto r = run_cli({"check", "--json", path, path + ".missing"});
  expect_clean_exit(r);
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 2u) << r.out;
  EXPECT_EQ(records[0].request_id, std::optional<std::string>("q\"uote\\back\x01\x1f\n\t\x7f\u2028é中"));
  EXPECT_EQ(records[0].api_error_code, std::optional<std::string>(std::string("C\0ode", 5)));
  EXPECT_NE(records[0].input.find("\xef\xbf\xbd"), std::string::npos) << "invalid UTF-8 became U+FFFD";
  EXPECT_EQ(records[1].error_code, std::optional<std::string>("io_error"));
}

TEST(CliCheck, TableOutputWithoutJson) {
  temp_dir dir;
  const std::string input = fixtures::cas("deadbeef", "req-table") + "\n{]\n";
  const auto r = run_cli({"check", dir.write("t.ndjson", input)});
  expect_clean_exit(r);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("cas.DescribeClientCertificate"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("req-table"), std::string::npos);
  EXPECT_NE(r.out.find("cas-id-1"), std::string::npos);
  EXPECT_NE(r.out.find("serial"), std::string::npos);
  EXPECT_NE(r.out.find("mismatch"), std::string::npos);
  EXPECT_NE(r.out.find("deadbeef"), std::string::npos);
  EXPECT_NE(r.out.find("malformed_json"), std::string::npos);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_FALSE(r.err.empty());
  std::string problem;
  (void)parse_records(r.out, problem);
  EXPECT_FALSE(problem.empty()) << "the table is not JSON";
}

TEST(CliCheck, TableIsTerminalSafe) {
  temp_dir dir;
  const std::string doc = R"({"RequestId":"evil\u001b[2J\u009b31m","HostId":"h","Code":"c","Message":"\u0007bell"})";
  const auto r = run_cli({"check", dir.write("evil.json", doc)});
  expect_clean_exit(r);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\xc2\x9b"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace alicert_cli_test
