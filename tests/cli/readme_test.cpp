// Every example of README.md runs as written (the two commands aside, which
// CI and the main-job test run): the documentation cannot rot.
//
// README conventions this test reads:
//   ```console  `$ command` lines, each run with /bin/sh from the project root;
//               the lines after one, up to the next `$`, are its output, where
//               `...` matches any text. Each command must exit 0 (an example
//               of a failing command shows `; echo "exit $?"`).
//   ```sh       a script, run with `set -e` from the project root.
//   ```cpp      the library example, saved as example.cpp before any script runs.
//   A block right after `<!-- readme-test: skip (why) -->` is not run.
// The scripts run in a scratch copy of the source tree (no build folders),
// with this build's `alicert` first on PATH, DESTDIR set to a scratch folder
// (so `cmake --install` installs there) and PKG_CONFIG_PATH pointing into it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "harness.h"

namespace alicert_cli_test {
namespace {

namespace fs = std::filesystem;

struct block {
  std::string lang;
  std::vector<std::string> lines;
  std::size_t line_no{0};  // of the opening fence, 1-based
};

std::vector<block> readme_blocks(const std::string& text) {
  std::vector<block> blocks;
  std::istringstream in(text);
  std::string line, previous;
  std::size_t no = 0;
  block* open = nullptr;
  bool skip = false;
  while (std::getline(in, line)) {
    ++no;
    if (open == nullptr && line.rfind("```", 0) == 0 && line.size() > 3) {
      skip = previous.rfind("<!-- readme-test: skip", 0) == 0;
      blocks.push_back({line.substr(3), {}, no});
      open = &blocks.back();
    } else if (open != nullptr && line == "```") {
      if (skip) blocks.pop_back();
      open = nullptr;
    } else if (open != nullptr) {
      open->lines.push_back(line);
    }
    if (!line.empty()) previous = line;
  }
  return blocks;
}

// `expected` with `...` as a wildcard, against one whole line.
bool line_matches(const std::string& expected, const std::string& actual) {
  std::vector<std::string> pieces;
  std::size_t from = 0;
  for (std::size_t at; (at = expected.find("...", from)) != std::string::npos; from = at + 3)
    pieces.push_back(expected.substr(from, at - from));
  pieces.push_back(expected.substr(from));
  if (pieces.size() == 1) return expected == actual;
  if (actual.compare(0, pieces.front().size(), pieces.front()) != 0) return false;
  std::size_t pos = pieces.front().size();
  for (std::size_t i = 1; i + 1 < pieces.size(); ++i) {
    const std::size_t at = actual.find(pieces[i], pos);
    if (at == std::string::npos) return false;
    pos = at + pieces[i].size();
  }
  const std::string& last = pieces.back();
  return actual.size() >= pos + last.size() && actual.compare(actual.size() - last.size(), last.size(), last) == 0;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

TEST(Readme, LineMatcherHonoursWildcards) {
  EXPECT_TRUE(line_matches("a...c", "abbbc"));
  EXPECT_TRUE(line_matches("{\"x\":1,...}", "{\"x\":1,\"y\":2}"));
  EXPECT_FALSE(line_matches("a...c", "abbbd"));
  EXPECT_FALSE(line_matches("exit 0", "exit 1"));
  EXPECT_TRUE(line_matches("...", "anything"));
}

TEST(Readme, EveryExampleRunsAsWritten) {
#ifndef ALICERT_README_TEST
  GTEST_SKIP() << "needs a build with install rules and without sanitizers (the GCC build of scripts/test.sh)";
#else
  const fs::path source = ALICERT_SOURCE_DIR;
  const std::vector<block> blocks = readme_blocks(read_whole(source / "README.md"));
  ASSERT_FALSE(blocks.empty());

  temp_dir scratch;
  const fs::path root = scratch.path() / "src";
  const fs::path destdir = scratch.path() / "destdir";
  fs::create_directories(root);
  const run_result copy = run_shell("tar -C " + shell_quote(source.string()) +
                                    " --exclude=./.git --exclude='./build*' -cf - . | tar -C " +
                                    shell_quote(root.string()) + " -xf -");
  ASSERT_EQ(copy.status, 0) << copy.err;

  const std::string env = "export PATH=" + shell_quote(fs::path(ALICERT_CLI_PATH).parent_path().string()) +
                          ":\"$PATH\"; export DESTDIR=" + shell_quote(destdir.string()) +
                          "; export PKG_CONFIG_PATH=" + shell_quote((destdir / "usr/local/lib/pkgconfig").string()) +
                          ":" + shell_quote((destdir / "usr/local/lib/x86_64-linux-gnu/pkgconfig").string()) +
                          "; cd " + shell_quote(root.string()) + " || exit 99; ";

  std::size_t commands = 0, scripts = 0, programs = 0;
  for (const block& b : blocks)
    if (b.lang == "cpp") {
      std::ofstream(root / "example.cpp") << [&] {
        std::string text;
        for (const auto& l : b.lines) text += l + "\n";
        return text;
      }();
      ++programs;
      break;
    }
  for (const block& b : blocks) {
    if (b.lang == "console") {
      for (std::size_t i = 0; i < b.lines.size();) {
        ASSERT_EQ(b.lines[i].rfind("$ ", 0), 0u) << "README.md:" << b.line_no + 1 + i << ": output without a command";
        const std::string command = b.lines[i].substr(2);
        std::vector<std::string> expected;
        for (++i; i < b.lines.size() && b.lines[i].rfind("$ ", 0) != 0; ++i) expected.push_back(b.lines[i]);
        const run_result r = run_shell(env + command, 300);
        ++commands;
        EXPECT_EQ(r.status, 0) << "README.md: `" << command << "`\n" << r.out << r.err;
        std::vector<std::string> actual;
        std::istringstream out(r.out);
        for (std::string l; std::getline(out, l);) actual.push_back(l);
        ASSERT_EQ(actual.size(), expected.size()) << "README.md: `" << command << "` printed:\n" << r.out;
        for (std::size_t k = 0; k < expected.size(); ++k)
          EXPECT_TRUE(line_matches(expected[k], actual[k]))
              << "README.md: `" << command << "` line " << k + 1 << "\nexpected: " << expected[k]
              << "\nactual:   " << actual[k];
      }
    } else if (b.lang == "sh") {
      std::string script = env + "set -e\n";
      for (const auto& l : b.lines) script += l + "\n";
      const run_result r = run_shell(script, 900);
      ++scripts;
      EXPECT_EQ(r.status, 0) << "README.md:" << b.line_no << ": the script failed\n" << r.out << r.err;
    }
  }
  EXPECT_GE(commands, 3u);
  EXPECT_GE(scripts, 2u);  // the embedding section: configure/build/install, then the pkg-config build
  EXPECT_EQ(programs, 1u);
#endif
}

}  // namespace
}  // namespace alicert_cli_test
