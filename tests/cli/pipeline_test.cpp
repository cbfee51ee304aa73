// The checking pipeline's memory (report.md, Streaming): records are written
// as soon as they are next in input order, and the main thread reads ahead
// of a slow document by a bounded number of output slots, so the slots it
// makes stay bounded whatever the input's length. Before, with --jobs > 1, a
// record was written only when the main thread ran out of batches: with
// workers that kept up, every record of a file waited in memory to the end
// (peak RSS 20.7 MB at 10,000 CAS documents, 35.2 MB at 1,000,000).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "check_command.h"
#include "document_splitter.h"
#include "fixtures.h"
#include "harness.h"
#include "input.h"
#include "output.h"
#include "pipeline.h"

namespace alicert_cli_test {
namespace {

using namespace alicert::cli;

// A corpus document on one line (the stream is NDJSON).
std::string one_line(const std::filesystem::path& p) {
  std::string text = read_whole(p);
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return text;
}

struct pipeline_run {
  std::size_t documents = 0;
  std::size_t slots = 0;
  std::size_t lines = 0;  // records written
};

// Runs `file` through a pipeline of `jobs` as check_command does, records to `out_path`.
pipeline_run run_pipeline(const std::string& file, std::size_t jobs, const std::string& out_path) {
  const int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  EXPECT_GE(fd, 0);
  pipeline_run r;
  {
    output_sink out(fd);
    diagnostics err(false);
    record_settings settings;
    settings.format = output_format::json;
    check_pipeline pipeline(settings, jobs, /*pair_window=*/0, out, err);
    auto source = input_source::open(file);
    EXPECT_TRUE(source.has_value());
    if (source) {
      document_splitter splitter(*source);
      for (;;) {
        split_document doc;
        if (splitter.next(pipeline.parser_for_next(), doc, false) == split_status::end) break;
        pipeline.add(file, doc);
      }
    }
    pipeline.finish();
    r.documents = pipeline.documents();
    r.slots = pipeline.slots_made();
  }
  ::close(fd);
  const std::string written = read_whole(out_path);
  r.lines = static_cast<std::size_t>(std::count(written.begin(), written.end(), '\n'));
  return r;
}

TEST(Pipeline, OutputSlotsStayBoundedWhateverTheInputsLength) {
  temp_dir dir;
  // Small CAS documents, and now and then a CDN list of ten certificates
  // (a hundred times the work of one): while a worker checks that one, the
  // others would free batches for the main thread to fill.
  const std::string heavy = one_line(std::filesystem::path(ALICERT_CORPUS_DIR) / "parse_cdn" / "list_of_ten.json");
  std::string input;
  constexpr std::size_t documents = 12000;
  for (std::size_t i = 0; i < documents; ++i) {
    input += i % 1000 == 500 ? heavy : fixtures::cas(fixtures::serial, "p" + std::to_string(i));
    input += '\n';
  }
  const std::string file = dir.write("long.ndjson", input);
  const std::string out = (dir.path() / "records.ndjson").string();
  for (const std::size_t jobs : {2u, 4u}) {
    SCOPED_TRACE("jobs " + std::to_string(jobs));
    const pipeline_run r = run_pipeline(file, jobs, out);
    EXPECT_EQ(r.documents, documents);
    EXPECT_EQ(r.lines, documents);  // every record written
    // At most 4 * jobs + 4 slots wait to be written (the pipeline's bound)
    // and one more is being filled: 16 documents each, not the input's 750.
    EXPECT_LE(r.slots, 4 * jobs + 5);
  }
}

}  // namespace
}  // namespace alicert_cli_test
