// The scans that follow the stream past the reading window: a document's
// end found block after block, as the library's stream finds it in one
// buffer, and the lines where the stream resumes after bytes that are not JSON.
#include <gtest/gtest.h>

#include <string>

#include "stream_recovery.h"

namespace alicert_cli_test {
namespace {

using alicert::cli::find_brace_line;
using alicert::cli::last_brace_line;
using alicert::cli::value_skipper;
using alicert::cli::value_stop;

// Feeds `text` to a skipper `block` bytes at a time: where it stopped, and how.
std::pair<std::size_t, value_stop> skip(const std::string& text, std::size_t block) {
  value_skipper s(text[0]);
  for (std::size_t at = 0; at < text.size(); at += block) {
    const std::size_t n = std::min(text.size(), at + block);
    const auto step = s.feed(text.data(), at, n);
    if (step.stop != value_stop::more) return {step.at, step.stop};
    EXPECT_EQ(step.at, n);
  }
  return {text.size(), value_stop::more};
}

TEST(StreamRecovery, ADocumentEndsWhereItsBracketsClose) {
  const std::string doc = R"({"a": "x}\"]", "b": [1, {"c": "\\"}], "d": "{["} tail)";
  for (std::size_t block = 1; block <= doc.size(); ++block) {
    const auto [at, stop] = skip(doc, block);
    ASSERT_EQ(stop, value_stop::closed) << block;
    ASSERT_EQ(at, doc.find(" tail")) << block;
  }
}

TEST(StreamRecovery, ARawNewlineInAStringCutsTheDocument) {
  const std::string open = "{\"a\": \"no end\nnext line";
  const std::string escaped = "{\"a\": \"back\\\nslash";
  for (std::size_t block = 1; block <= 8; ++block) {
    EXPECT_EQ(skip(open, block), std::make_pair(open.find('\n'), value_stop::cut)) << block;
    EXPECT_EQ(skip(escaped, block), std::make_pair(escaped.find('\n'), value_stop::cut)) << block;
  }
}

TEST(StreamRecovery, NestingDeeperThanAnyDocumentCutsIt) {
  // limits::max_depth levels under the root are allowed: one more is not.
  const std::string ok = std::string(33, '[') + std::string(33, ']');
  const std::string deep = std::string(34, '[') + std::string(34, ']');
  EXPECT_EQ(skip(ok, 5), std::make_pair(ok.size(), value_stop::closed));
  EXPECT_EQ(skip(deep, 5), std::make_pair(std::size_t{33}, value_stop::cut));
}

TEST(StreamRecovery, ScalarsAndBareStrings) {
  EXPECT_EQ(skip("12345 {", 2), std::make_pair(std::size_t{5}, value_stop::closed));
  EXPECT_EQ(skip("tru[e", 1), std::make_pair(std::size_t{3}, value_stop::closed));
  EXPECT_EQ(skip("\"a\\\"b\" x", 3), std::make_pair(std::size_t{6}, value_stop::closed));
  EXPECT_EQ(skip("\"open\nx", 3), std::make_pair(std::size_t{5}, value_stop::cut));
  EXPECT_EQ(skip("{\"unfinished\": [1, 2", 4).second, value_stop::more);
}

TEST(StreamRecovery, BraceLines) {
  const std::string text = "junk\n  {\"a\":1}\n\t\xEF\xBB\xBF {\"b\":2}\nmore junk\n";
  auto first = find_brace_line(text.data(), 0, text.size(), false);
  ASSERT_TRUE(first.found);
  EXPECT_EQ(first.at, text.find('{'));
  auto second = find_brace_line(text.data(), first.at + 1, text.size(), false);
  ASSERT_TRUE(second.found);
  EXPECT_EQ(second.at, text.find('\xEF'));  // the mark, where the document's bytes begin
  EXPECT_FALSE(find_brace_line(text.data(), second.at + 1, text.size(), false).found);
  EXPECT_EQ(last_brace_line(text.data(), 0, text.size()), second.at);
  EXPECT_EQ(last_brace_line(text.data(), second.at + 1, text.size()), text.size());
  // A line start counts when the search begins there.
  EXPECT_TRUE(find_brace_line("{x", 0, 2, true).found);
  EXPECT_FALSE(find_brace_line("{x", 0, 2, false).found);
}

TEST(StreamRecovery, ALineThatIsNotSettledYetIsSearchedAgain) {
  // Blanks, or a partial byte order mark, up to the end: decided once more bytes come.
  for (const std::string text : {std::string("x\n  \t"), std::string("x\n \xEF\xBB")}) {
    const auto r = find_brace_line(text.data(), 0, text.size(), false);
    EXPECT_FALSE(r.found);
    EXPECT_TRUE(r.at_line_start);
    EXPECT_EQ(r.at, 2u);
    const std::string more = text + "{";
    const auto again = find_brace_line(more.data(), r.at, more.size(), r.at_line_start);
    EXPECT_EQ(again.found, text.find('\xEF') == std::string::npos) << "a partial mark before a brace is no mark";
  }
  const auto none = find_brace_line("no newline", 0, 10, false);
  EXPECT_FALSE(none.found);
  EXPECT_FALSE(none.at_line_start);
  EXPECT_EQ(none.at, 10u);
}

}  // namespace
}  // namespace alicert_cli_test
