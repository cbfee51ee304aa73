// Test harness: the CLI running in a child process whose standard input and
// output are pipes the test holds, for tests that talk to it while it runs
// (records out before the input ends, memory over a long stream). Every
// wait has a deadline, so a failure cannot hang the test.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness.h"

namespace alicert_cli_test {

class cli_process {
 public:
  /// Starts the CLI (ALICERT_CLI_PATH) with `args`; standard error goes to
  /// a file (stderr_path), or to `stderr_fd` when it is not negative.
  explicit cli_process(const std::vector<std::string>& args, int stderr_fd = -1);
  /// Kills the child if it still runs.
  ~cli_process();
  cli_process(const cli_process&) = delete;
  cli_process& operator=(const cli_process&) = delete;

  /// Writes all of `text` to the child's standard input; false when it cannot.
  bool write(std::string_view text);
  /// Closes the child's standard input: its input ends.
  void close_input();
  /// Reads standard output until `lines` complete lines have come in all
  /// (counting what earlier calls read) or `timeout_s` seconds have passed;
  /// nullopt on timeout or end of output before that.
  std::optional<std::string> read_lines(std::size_t lines, int timeout_s);
  /// Reads standard output to its end (within `timeout_s`), counting lines
  /// and keeping only the last `keep` bytes; nullopt on timeout.
  std::optional<std::size_t> drain_lines(int timeout_s, std::string* tail = nullptr, std::size_t keep = 4096);
  /// Waits for the child (killing it after `timeout_s`); `max_rss_kb` gets
  /// its peak resident set size.
  run_result wait(int timeout_s, long* max_rss_kb = nullptr);

  [[nodiscard]] const std::string& stderr_path() const noexcept { return err_path_; }

 private:
  bool read_some(int timeout_ms);
  temp_dir scratch_;
  std::string err_path_;
  pid_t pid_{-1};
  int in_{-1};
  int out_{-1};
  std::string out_text_;
  std::size_t lines_{0};
  bool eof_{false};
};

}  // namespace alicert_cli_test
