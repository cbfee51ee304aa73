// The CLI's block-by-block splitter against the library's document_stream
// over the whole input: the same documents, offsets and verdicts, whatever
// the block size and whether the input is a file or a pipe, on inputs made
// of valid, broken, truncated, binary, pretty-printed and marked documents.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "alicert/responses/parser.h"
#include "document_splitter.h"
#include "fixtures.h"
#include "harness.h"

namespace alicert_cli_test {
namespace {

using alicert::cli::document_splitter;
using alicert::cli::input_source;
using alicert::cli::split_document;
using alicert::cli::split_status;

// What a record says, as text: enough to tell any two verdicts apart.
std::string describe(std::size_t index, std::size_t offset, const alicert::result<alicert::document_view>& r) {
  std::string s = std::to_string(index) + "@" + std::to_string(offset) + " ";
  if (r) {
    s += std::string(alicert::api_name(r->kind)) + " " + std::string(r->request_id.text);
    s += " q" + std::to_string(r->quirks.has(alicert::quirk::utf8_bom));
  } else {
    const auto& e = r.error();
    s += std::string(alicert::error_name(e.code)) + " " + std::to_string(e.offset) + " " +
         std::string(e.pointer.view()) + " " + std::string(e.message);
  }
  return s;
}

// The library over the whole input, as the CLI read inputs before.
std::vector<std::string> whole(const std::string& input) {
  const alicert::padded_buffer buffer(input);
  alicert::parser p;
  alicert::document_stream s(p, buffer);
  std::vector<std::string> out;
  while (s.next()) out.push_back(describe(s.index(), s.offset(), s.document()));
  if (out.empty()) out.push_back(describe(0, 0, p.parse(buffer)));
  return out;
}

std::vector<std::string> split(input_source& in, std::size_t block) {
  document_splitter::tuning t;
  t.block = block;
  document_splitter splitter(in, t);
  alicert::parser parsers[2];
  std::vector<std::string> out;
  for (std::size_t i = 0;; ++i) {
    split_document d;
    const split_status s = splitter.next(parsers[i % 2], d, true);
    if (s == split_status::end) break;
    EXPECT_EQ(s, split_status::document);
    out.push_back(describe(d.index, d.offset, d.doc));
  }
  return out;
}

std::vector<std::string> split_file(const std::string& input, std::size_t block) {
  temp_dir dir;
  const std::string path = dir.write("input", input);
  auto in = input_source::open(path);
  EXPECT_TRUE(in.has_value());
  return split(*in, block);
}

// Through a pipe written in random slices, so that reads end anywhere.
std::vector<std::string> split_pipe(const std::string& input, std::uint32_t seed) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  std::thread writer([&] {
    std::mt19937 rng(seed);
    std::size_t at = 0;
    while (at < input.size()) {
      const std::size_t n = std::min<std::size_t>(input.size() - at, 1 + rng() % 700);
      if (::write(fds[1], input.data() + at, n) != static_cast<ssize_t>(n)) break;
      at += n;
    }
    ::close(fds[1]);
  });
  const int saved = ::dup(STDIN_FILENO);
  ::dup2(fds[0], STDIN_FILENO);
  ::close(fds[0]);
  std::vector<std::string> out;
  {
    auto in = input_source::open("-");
    EXPECT_TRUE(in.has_value());
    out = split(*in, 512);
  }
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  writer.join();
  return out;
}

std::string pretty_document(int n) {
  return "{\n  \"RequestId\": \"pretty-" + std::to_string(n) +
         "\",\n  \"List\": [\n    {\n      \"a\": 1\n    },\n    {\"b\": [2, 3]}\n  ]\n}";
}

std::string piece(std::mt19937& rng, int n) {
  const std::string bom = "\xEF\xBB\xBF";
  switch (rng() % 20) {
    case 0: case 1: case 2: return fixtures::cas(fixtures::serial, "req-" + std::to_string(n));
    case 3: return fixtures::api_error("err-" + std::to_string(n));
    case 4: return fixtures::kms_describe("id-" + std::to_string(n % 3));
    case 5: return fixtures::kms_get("id-" + std::to_string(n % 3));
    case 6: return pretty_document(n);
    case 7: return "{\"RequestId\":,}";
    case 8: return "{\"RequestId\": \"open string\n";
    case 9: return "{\"a\": [1, 2";
    case 10: return "}}} ]";
    case 11: return std::to_string(n) + " \"bare\" [1,2] nul";
    case 12: return bom + fixtures::api_error("bom-" + std::to_string(n));
    case 13: return std::string(40, '[') + std::string(40, ']');
    case 14: return "\xEF\xBB";
    case 15: return "  \t \r";
    case 16: {
      std::string junk;
      for (int i = 0; i < 300; ++i) junk += static_cast<char>(rng() & 0xFF);
      return junk;
    }
    case 17: return "{\"x\": \"" + std::string(2000, 'y') + "\"} trailing";
    case 18: return "{\"RequestId\":\"esc\\\\\",\"a\":\"\\\n\"}";
    default: {
      const std::string doc = fixtures::cas(fixtures::serial, "cut-" + std::to_string(n));
      return doc.substr(0, rng() % doc.size());
    }
  }
}

std::string random_input(std::uint32_t seed) {
  std::mt19937 rng(seed);
  static const char* const separators[] = {"\n", "", " ", "\r\n", "\n\n  ", "\n{", "\n\xEF\xBB\xBF"};
  std::string input;
  const int pieces = 1 + static_cast<int>(rng() % 24);
  for (int i = 0; i < pieces; ++i) {
    input += piece(rng, i);
    input += separators[rng() % 7];
  }
  return input;
}

// Seeds 1 to 300, in six interleaved parts (seed % 6) so that ctest can run
// them side by side: under ASan the 300 took 43 s as one test, the tail of
// the whole suite.
class SplitterSeeds : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(SplitterSeeds, SameDocumentsAsTheWholeInputWhateverTheBlocks) {
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    if (seed % 6 != GetParam()) continue;
    const std::string input = random_input(seed);
    const auto expected = whole(input);
    // A block of one byte makes every byte a new end of the window (and
    // costs a parse per byte): on fewer inputs.
    if (seed <= 40) ASSERT_EQ(split_file(input, 1), expected) << "seed " << seed << ", block 1";
    for (const std::size_t block : {std::size_t{7}, std::size_t{97}, std::size_t{4096}})
      ASSERT_EQ(split_file(input, block), expected) << "seed " << seed << ", block " << block;
  }
}

INSTANTIATE_TEST_SUITE_P(Splitter, SplitterSeeds, ::testing::Range<std::uint32_t>(0, 6),
                         [](const ::testing::TestParamInfo<std::uint32_t>& info) {
                           return "seed_mod6_" + std::to_string(info.param);
                         });

TEST(Splitter, SameDocumentsThroughAPipe) {
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    const std::string input = random_input(seed * 7919);
    ASSERT_EQ(split_pipe(input, seed), whole(input)) << "seed " << seed * 7919;
  }
}

TEST(Splitter, InputsWithoutADocument) {
  for (const std::string input : {std::string(), std::string("  \n\t"), std::string("\xEF\xBB\xBF"),
                                  std::string(" \xEF\xBB\xBF\n ")}) {
    ASSERT_EQ(split_file(input, 1), whole(input));
    ASSERT_EQ(split_file(input, 4096), whole(input));
  }
}

TEST(Splitter, ShortReadsAtEveryPlaceOfACorpusStream) {
  // Multi-line documents whose inner lines begin with '{', cut by every block size from 1 to 64.
  std::string input;
  for (int i = 0; i < 8; ++i) input += fixtures::kms_describe("k" + std::to_string(i)) + "\n" + pretty_document(i);
  const auto expected = whole(input);
  for (std::size_t block = 1; block <= 64; ++block) ASSERT_EQ(split_file(input, block), expected) << block;
}

// The splitter reuses a chunk once no document borrows it: a document kept
// (as the pairing window keeps its offers) still reads its own bytes after
// many more chunks were read, while those let go are reused around it.
TEST(Splitter, KeptDocumentsKeepTheirBytesWhileChunksAreReused) {
  std::string input;
  for (int i = 0; i < 400; ++i) input += fixtures::cas(fixtures::serial, "keep-" + std::to_string(i)) + "\n";
  temp_dir dir;
  const std::string path = dir.write("input", input);
  for (const std::size_t block : {std::size_t{512}, std::size_t{4096}}) {
    auto in = input_source::open(path);
    ASSERT_TRUE(in.has_value());
    document_splitter::tuning t;
    t.block = block;
    document_splitter splitter(*in, t);
    alicert::parser p;
    std::vector<split_document> kept;
    std::size_t handed = 0;
    for (;;) {
      split_document d;
      if (splitter.next(p, d, true) == split_status::end) break;
      ASSERT_TRUE(d.doc.has_value()) << handed;
      ++handed;
      if (handed % 7 == 0) kept.push_back(std::move(d));  // the others go at once
    }
    EXPECT_EQ(handed, 400u);
    ASSERT_FALSE(kept.empty());
    for (const split_document& d : kept)
      EXPECT_EQ(d.text, std::string_view(input).substr(d.offset, d.text.size())) << "block " << block << ", document " << d.index;
  }
}

}  // namespace
}  // namespace alicert_cli_test
