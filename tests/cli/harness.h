// Test harness for the alicert command-line tool: runs the built binary
// (ALICERT_CLI_PATH) in a child process and reads its JSON Lines back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alicert_cli_test {

/// How a run ended and what it printed.
struct run_result {
  int status{-1};        ///< exit status; -1 when it did not exit normally
  int signal{0};         ///< the signal that ended it, 0 when none
  bool timed_out{false}; ///< killed after the time limit
  std::string out;
  std::string err;
};

/// Runs the CLI with `args` (argv[1..]); standard input from `stdin_path`
/// (default /dev/null). Never hangs: the child is killed after `timeout_s`.
run_result run_cli(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null",
                   int timeout_s = 120);

/// Runs `/bin/sh -c script` with the CLI's path in $ALICERT (for pipes).
run_result run_shell(const std::string& script, int timeout_s = 120);

/// One finding, as read back.
struct finding {
  std::string check, status, field;
  std::optional<std::string> reported, actual, note;
};

/// One certificate, as read back.
struct certificate {
  std::optional<std::string> id, serial, not_before, not_after, subject, issuer, sha256, md5,
      key_algorithm, signature_algorithm, validity_at_now;
  std::optional<std::int64_t> key_size;
  std::optional<std::int64_t> expires_in_days;
  std::vector<std::string> warnings;  ///< their codes
  std::vector<finding> findings;
  [[nodiscard]] const finding* find(std::string_view check) const;
};

/// One record, as read back.
struct record {
  std::string input;
  std::uint64_t index{0}, offset{0};
  std::optional<std::string> api, request_id;
  std::optional<std::string> error_code, error_message, error_path;
  std::uint64_t error_offset{0};
  std::optional<std::string> api_error_code, api_error_message, api_error_host_id, api_error_recommend;
  std::vector<std::string> quirks;
  std::vector<certificate> certificates;
};

/// Parses JSON Lines output. Each line must be one valid JSON object with
/// exactly report.md's keys, in its order; on any violation `problem` says
/// what and the result is empty.
std::vector<record> parse_records(const std::string& out, std::string& problem);

/// The records of a run that ended by itself (no time-out, no signal), each
/// of these a test failure, as is output parse_records() refuses.
std::vector<record> records_of(const run_result& r);

/// A temporary directory removed at destruction.
class temp_dir {
 public:
  temp_dir();
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to a file named `name` in the directory; returns its path.
  std::string write(const std::string& name, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

/// A file's whole content.
std::string read_whole(const std::filesystem::path& p);

}  // namespace alicert_cli_test
