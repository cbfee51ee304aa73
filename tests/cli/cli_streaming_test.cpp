// Streaming (report.md, Invocation): a record is out before the input ends
// on a pipe, memory stays bounded over a long stream, an oversized document
// or an unreadable file gives its error record and the rest is still read,
// and a non-JSON run longer than the reading window is one record.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "fixtures.h"
#include "harness.h"
#include "process.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define ALICERT_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define ALICERT_TEST_SANITIZED 1
#endif
#endif

namespace alicert_cli_test {
namespace {

// A CAS document that is valid JSON and larger than the 8 MiB document limit.
std::string oversized_document() {
  std::string doc = fixtures::cas();
  doc.insert(doc.size() - 2, ",\"Padding\":\"" + std::string(9u << 20, 'p') + "\"");
  return doc;
}

TEST(CliStreaming, RecordsComeOutBeforeThePipeEnds) {
  for (const char* jobs : {"1", "3"}) {
    SCOPED_TRACE(std::string("--jobs ") + jobs);
    cli_process cli({"check", "--json", "--jobs", jobs, "--now", "2030-01-01T00:00:00Z"});
    for (std::size_t i = 0; i < 3; ++i) {
      ASSERT_TRUE(cli.write(fixtures::cas(fixtures::serial, "req-" + std::to_string(i)) + "\n"));
      // The input is still open: the record must come all the same.
      const auto out = cli.read_lines(i + 1, 20);
      ASSERT_TRUE(out.has_value()) << "no record for document " << i << " within 20 s while the input stays open";
      std::string problem;
      const auto records = parse_records(*out, problem);
      ASSERT_EQ(records.size(), i + 1) << problem;
      EXPECT_EQ(records[i].index, i);
      EXPECT_EQ(records[i].request_id, std::optional<std::string>("req-" + std::to_string(i)));
    }
    cli.close_input();
    const run_result r = cli.wait(60);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(records_of(r).size(), 3u);
  }
}

// A run of `alicert check --json --jobs 2` over a pipe that `feed` writes
// (standard input is closed after it): the output's line count (none when it
// did not end within `timeout_s`), its last bytes, the run, its peak RSS.
struct piped_run {
  std::optional<std::size_t> lines;
  std::string tail;
  run_result r;
  long max_rss_kb = 0;
};

piped_run run_piped(const std::function<void(cli_process&)>& feed, int timeout_s) {
  piped_run out;
  cli_process cli({"check", "--json", "--jobs", "2", "--now", "2030-01-01T00:00:00Z"});
  std::thread writer([&] {
    feed(cli);
    cli.close_input();
  });
  out.lines = cli.drain_lines(timeout_s, &out.tail);
  writer.join();
  out.r = cli.wait(60, &out.max_rss_kb);
  return out;
}

TEST(CliStreaming, PeakMemoryStaysBoundedOverALongPipe) {
  constexpr std::size_t documents = 50000;
  const piped_run run = run_piped(
      [](cli_process& cli) {
        std::string block;
        for (std::size_t i = 0; i < documents; ++i) {
          block += i % 7 == 3 ? fixtures::api_error("e" + std::to_string(i))
                              : fixtures::cas(fixtures::serial, "r" + std::to_string(i));
          block += '\n';
          if (block.size() > (1u << 16) || i + 1 == documents) {
            if (!cli.write(block)) break;
            block.clear();
          }
        }
      },
      600);
  ASSERT_TRUE(run.lines.has_value()) << "the output did not end within 600 s";
  EXPECT_EQ(*run.lines, documents);
  EXPECT_EQ(run.r.status, 0) << run.r.err;
  EXPECT_NE(run.tail.find("\"index\":" + std::to_string(documents - 1) + ","), std::string::npos);
  // About 120 MiB went through; the CLI holds a few blocks and batches of it.
#if defined(ALICERT_TEST_SANITIZED)
  GTEST_SKIP() << "peak RSS " << run.max_rss_kb << " KiB: not bounded under a sanitizer's shadow memory";
#else
  EXPECT_LT(run.max_rss_kb, 48 * 1024) << "peak RSS " << run.max_rss_kb << " KiB";
#endif
}

// Regression: every parser of every batch (16 per batch, 2 * jobs + 2
// batches) kept the buffers of the largest document it had parsed, about
// five times its bytes, and a batch took 16 documents whatever their size:
// 40 documents of 2 MB through --jobs 2 peaked at 260 MB (275 MB with
// --jobs 4). A batch now goes out at 1 MiB of documents, and a parser that
// parsed more than 256 KiB starts afresh once its batch is checked: 111 MB.
TEST(CliStreaming, PeakMemoryOverLargeDocumentsFollowsTheJobs) {
  std::string padding = "\"Padding\":[";
  for (int i = 0; i < 2000; ++i) padding += (i == 0 ? "\"" : ",\"") + std::string(1000, 'x') + "\"";
  padding += "],";
  constexpr std::size_t documents = 40;
  const piped_run run = run_piped(
      [&](cli_process& cli) {
        for (std::size_t i = 0; i < documents; ++i) {
          std::string doc = fixtures::cas(fixtures::serial, "big" + std::to_string(i));
          doc.insert(1, padding);  // an unknown key, read past: the document stays a CAS one
          if (!cli.write(doc + "\n")) break;
        }
      },
      300);
  ASSERT_TRUE(run.lines.has_value()) << "the output did not end within 300 s";
  EXPECT_EQ(*run.lines, documents);
  EXPECT_EQ(run.r.status, 0) << run.r.err;
  EXPECT_NE(run.tail.find("\"request_id\":\"big" + std::to_string(documents - 1) + "\""), std::string::npos)
      << run.tail;
#if defined(ALICERT_TEST_SANITIZED)
  GTEST_SKIP() << "peak RSS " << run.max_rss_kb << " KiB: not bounded under a sanitizer's shadow memory";
#else
  EXPECT_LT(run.max_rss_kb, 180 * 1024) << "peak RSS " << run.max_rss_kb << " KiB";
#endif
}

TEST(CliStreaming, AnOversizedFileAmongGoodFiles) {
  temp_dir dir;
  const auto first = dir.write("first.json", fixtures::cas(fixtures::serial, "first"));
  const auto big = dir.write("big.json", oversized_document());
  const auto missing = (dir.path() / "missing.json").string();
  const auto last = dir.write("last.ndjson", fixtures::api_error("last-1") + "\n" + fixtures::cas(fixtures::serial, "last-2"));
  const auto r = run_cli({"check", "--json", first, big, missing, last});
  EXPECT_EQ(r.status, 2);
  const auto records = records_of(r);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[0].request_id, std::optional<std::string>("first"));
  EXPECT_FALSE(records[0].error_code);
  EXPECT_EQ(records[1].input, big);
  EXPECT_EQ(records[1].error_code, std::optional<std::string>("document_too_large"));
  EXPECT_EQ(records[1].offset, 0u);
  EXPECT_EQ(records[2].input, missing);
  EXPECT_EQ(records[2].error_code, std::optional<std::string>("io_error"));
  EXPECT_EQ(records[3].request_id, std::optional<std::string>("last-1"));
  EXPECT_EQ(records[4].request_id, std::optional<std::string>("last-2"));
  EXPECT_EQ(records[4].index, 1u);
  EXPECT_FALSE(records[4].error_code);
}

TEST(CliStreaming, AnOversizedDocumentInAStream) {
  // The stream goes on after the oversized document's end, as when the
  // whole input was read at once; through a pipe too.
  const std::string before = fixtures::cas(fixtures::serial, "before") + "\n";
  const std::string big = oversized_document();
  const std::string after = fixtures::cas(fixtures::serial, "after") + "\n";
  temp_dir dir;
  const auto file = dir.write("stream.ndjson", before + big + "\n" + after);
  for (const auto& r : {run_cli({"check", "--json", file}), run_cli({"check", "--json"}, file)}) {
    const auto records = records_of(r);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].error_code, std::optional<std::string>("document_too_large"));
    EXPECT_EQ(records[1].offset, before.size());
    EXPECT_EQ(records[2].request_id, std::optional<std::string>("after"));
    EXPECT_EQ(records[2].offset, before.size() + big.size() + 1);
    EXPECT_EQ(r.status, 2);
  }
}

TEST(CliStreaming, ANonJsonRunLongerThanTheWindowIsOneRecord) {
  std::mt19937 rng(11);
  std::string junk(10u << 20, '\0');
  for (char& c : junk) {
    c = static_cast<char>(rng() & 0xFF);
    if (c == '\n' || c == '{') c = 'x';  // no line of it begins with a brace
  }
  const std::string before = fixtures::cas(fixtures::serial, "before") + "\n";
  temp_dir dir;
  const auto file = dir.write("junk.ndjson", before + junk + "\n" + fixtures::cas(fixtures::serial, "after") + "\n");
  const auto records = records_of(run_cli({"check", "--json", file}));
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].request_id, std::optional<std::string>("before"));
  EXPECT_TRUE(records[1].error_code);
  EXPECT_EQ(records[1].offset, before.size());
  EXPECT_EQ(records[2].request_id, std::optional<std::string>("after"));
  EXPECT_EQ(records[2].index, 2u);
}

TEST(CliStreaming, AWhitespaceOnlyInputLargerThanTheLimit) {
  temp_dir dir;
  const auto file = dir.write("blank.json", std::string(9u << 20, ' '));
  const auto records = records_of(run_cli({"check", "--json", file}));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error_code, std::optional<std::string>("document_too_large"));
}

TEST(CliStreaming, NoProgressLineWhenStandardErrorIsNotATerminal) {
  // Large enough for the progress line (more than 10,000 documents), but
  // standard error is a file: it stays empty.
  std::string input;
  for (int i = 0; i < 12000; ++i) input += fixtures::api_error("e" + std::to_string(i)) + "\n";
  temp_dir dir;
  const auto r = run_cli({"check", "--json", dir.write("many.ndjson", input)});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(records_of(r).size(), 12000u);
  EXPECT_EQ(r.err, "");
}

}  // namespace
}  // namespace alicert_cli_test
