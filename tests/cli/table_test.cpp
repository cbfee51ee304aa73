// The table (report.md: fits the terminal's width, values shortened in the
// middle without hiding where two values differ, one totals line at the end).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "harness.h"
#include "terminal_text.h"

namespace alicert_cli_test {
namespace {

using alicert::cli::difference_in;
using alicert::cli::display_width;
using alicert::cli::first_difference;
using alicert::cli::fit;

TEST(TerminalText, WidthCountsWideCharactersTwice) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("阿里云"), 6u);
  EXPECT_EQ(display_width("München"), 7u);
}

TEST(TerminalText, FitKeepsShortTextAndCutsLongTextInTheMiddle) {
  EXPECT_EQ(fit("short", 10), "short");
  const std::string hex = "f79f23271705695df34ad9aee7cd8207aa7491f852a9c76c6dbdd597cba7af5b";
  const std::string cut = fit(hex, 20);
  EXPECT_LE(display_width(cut), 20u);
  EXPECT_EQ(cut.substr(0, 8), hex.substr(0, 8));                  // the start
  EXPECT_EQ(cut.substr(cut.size() - 4), hex.substr(hex.size() - 4));  // the end
  EXPECT_NE(cut.find("\xE2\x80\xA6"), std::string::npos);
}

TEST(TerminalText, FitNeverSplitsAWideCharacter) {
  const std::string name = "O=阿里云计算有限公司阿里云计算有限公司阿里云计算有限公司";
  for (std::size_t w = 2; w < 40; ++w) {
    const std::string cut = fit(name, w);
    EXPECT_LE(display_width(cut), w) << w;
    EXPECT_EQ(display_width(cut), alicert::cli::display_width(cut));
  }
}

TEST(TerminalText, FitKeepsTheDifferenceInView) {
  const std::string a = "C=CN,O=Example Tech Co.,OU=Security,L=Hangzhou,ST=Zhejiang,CN=www.example.com,"
                        "emailAddress=admin@example.com";
  const std::string b = "C=CN,O=Example Tech Co.,OU=Security,L=Hangzhuo,ST=Zhejiang,CN=www.example.com,"
                        "emailAddress=admin@example.com";
  const std::size_t at = first_difference(a, b);
  ASSERT_EQ(at, a.find("Hangzhou") + 6);
  for (std::size_t w : {24u, 30u, 40u, 60u}) {
    const std::string fa = fit(a, w, at), fb = fit(b, w, at);
    EXPECT_LE(display_width(fa), w);
    EXPECT_NE(fa.find("ou"), std::string::npos) << w << " " << fa;
    EXPECT_NE(fb.find("uo"), std::string::npos) << w << " " << fb;
    // Without the focus the middle cut hides it: the focus is what keeps it.
    EXPECT_EQ(fit(a, w).find("Hangzhou"), std::string::npos) << w;
  }
}

TEST(TerminalText, DifferenceInComparesListsItemByItem) {
  // Same attributes in another order, one value changed: the changed item.
  const std::string reported = "C=CN,L=Hangzhuo,CN=a.example.com";
  const std::string actual = "CN=a.example.com,L=Hangzhou,C=CN";
  EXPECT_EQ(difference_in(reported, actual), reported.find("L=Hangzhuo"));
  EXPECT_EQ(difference_in(actual, reported), actual.find("L=Hangzhou"));
  EXPECT_EQ(difference_in("a.com, b.com", "b.com, a.com"), first_difference("a.com, b.com", "b.com, a.com"));
  EXPECT_EQ(difference_in("abc", "abc"), std::string::npos);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

TEST(Table, MainJobFitsEightyColumnsAndEndsWithTotals) {
  const std::string root = ALICERT_SOURCE_DIR;
  const run_result r = run_shell("cd '" + root + "' && COLUMNS=80 \"$ALICERT\" check --now 2026-06-01T00:00:00Z "
                                 "$(scripts/main_job_inputs.sh)");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_GT(lines.size(), 100u);
  for (const auto& l : lines) EXPECT_LE(display_width(l), 80u) << l;
  const std::string& last = lines.back();
  EXPECT_EQ(last.rfind("total: ", 0), 0u) << last;
  EXPECT_NE(last.find(" documents"), std::string::npos) << last;
  EXPECT_NE(last.find("0 mismatch"), std::string::npos) << last;
  EXPECT_NE(last.find("0 invalid"), std::string::npos) << last;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_NE(lines[i].rfind("total: ", 0), 0u) << i;
}

TEST(Table, WidthFollowsColumns) {
  const std::string root = ALICERT_SOURCE_DIR;
  for (int columns : {40, 100, 160}) {
    const run_result r = run_shell("cd '" + root + "' && COLUMNS=" + std::to_string(columns) +
                                   " \"$ALICERT\" check corpus/parse_cas/*.json");
    for (const auto& l : lines_of(r.out)) EXPECT_LE(display_width(l), static_cast<std::size_t>(columns)) << l;
  }
}

TEST(Table, AMismatchShowsWhereTheValuesDiffer) {
  const std::string root = ALICERT_SOURCE_DIR;
  const run_result r =
      run_shell("cd '" + root + "' && sed 's/L=Hangzhou/L=Hangzhuo/' corpus/parse_cas/rsa2048_documented_shape.json"
                                " | COLUMNS=80 \"$ALICERT\" check -");
  EXPECT_EQ(r.status, 1) << r.err;
  const auto lines = lines_of(r.out);
  bool reported = false, actual = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find("subject") == std::string::npos || lines[i].find("mismatch") == std::string::npos) continue;
    for (std::size_t k = i + 1; k < lines.size() && lines[k].rfind("        ", 0) == 0; ++k) {
      if (lines[k].find("reported") != std::string::npos) reported = lines[k].find("Hangzhuo") != std::string::npos;
      if (lines[k].find("actual") != std::string::npos) actual = lines[k].find("Hangzhou") != std::string::npos;
    }
  }
  EXPECT_TRUE(reported && actual) << r.out;
  EXPECT_EQ(lines.back().rfind("total: 1 document, 0 errors, 1 mismatch", 0), 0u) << lines.back();
}

}  // namespace
}  // namespace alicert_cli_test
