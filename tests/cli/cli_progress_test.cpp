// The progress line (report.md): on a terminal, for a large input, standard
// error shows documents, bytes and the rate, and the line is cleared at the
// end. (Standard error that is not a terminal: cli_streaming_test.cpp.)
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "fixtures.h"
#include "harness.h"
#include "process.h"

namespace alicert_cli_test {
namespace {

// A pseudo-terminal: the child writes to `slave`, the test reads `master`.
struct pty {
  int master{-1};
  int slave{-1};
  pty() {
    master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) return;
    const char* name = ::ptsname(master);
    if (name != nullptr) slave = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  }
  ~pty() {
    if (slave >= 0) ::close(slave);
    if (master >= 0) ::close(master);
  }
  // Everything written to the terminal so far (waits up to `ms` for more).
  std::string read_available(int ms) const {
    std::string out;
    for (;;) {
      pollfd p{master, POLLIN, 0};
      if (::poll(&p, 1, ms) <= 0) return out;
      char buf[4096];
      const ssize_t n = ::read(master, buf, sizeof buf);
      if (n <= 0) return out;
      out.append(buf, static_cast<std::size_t>(n));
    }
  }
};

TEST(CliProgress, ShownOnATerminalForALargeInputAndClearedAtTheEnd) {
  pty terminal;
  if (terminal.slave < 0) GTEST_SKIP() << "no pseudo-terminal available";
  std::string input;
  for (int i = 0; i < 12000; ++i) input += fixtures::api_error("e" + std::to_string(i)) + "\n";
  temp_dir dir;
  const auto file = dir.write("many.ndjson", input);
  std::string seen;
  {
    cli_process cli({"check", "--json", file}, terminal.slave);
    cli.close_input();
    const auto lines = cli.drain_lines(120);
    ASSERT_TRUE(lines.has_value());
    EXPECT_EQ(*lines, 12000u);
    const run_result r = cli.wait(60);
    EXPECT_EQ(r.status, 0);
  }
  seen = terminal.read_available(200);
  EXPECT_NE(seen.find("alicert: "), std::string::npos) << seen;
  EXPECT_NE(seen.find(" documents, "), std::string::npos) << seen;
  EXPECT_NE(seen.find(" MiB, "), std::string::npos) << seen;
  EXPECT_NE(seen.find(" documents/s"), std::string::npos) << seen;
  // Cleared at the end: the last thing written returns to the line's start and erases it.
  ASSERT_GE(seen.size(), 4u);
  EXPECT_EQ(seen.substr(seen.size() - 4), "\r\x1b[K") << seen;
}

TEST(CliProgress, NotShownOnATerminalForASmallInput) {
  pty terminal;
  if (terminal.slave < 0) GTEST_SKIP() << "no pseudo-terminal available";
  temp_dir dir;
  const auto file = dir.write("few.ndjson", fixtures::api_error() + "\n" + fixtures::cas() + "\n");
  {
    cli_process cli({"check", "--json", file}, terminal.slave);
    cli.close_input();
    ASSERT_TRUE(cli.drain_lines(60).has_value());
    EXPECT_EQ(cli.wait(60).status, 0);
  }
  EXPECT_EQ(terminal.read_available(100), "");
}

}  // namespace
}  // namespace alicert_cli_test
