// alicert CLI: the command line, `alicert check [--json] [--now RFC3339] [--jobs N]
// [--pair-window N] [FILE ...]`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "alicert/time.h"

namespace alicert::cli {

/// How records are written (report.md).
enum class output_format { table, json, prometheus };

/// What the command line asks for.
struct options {
  enum class action { check, help, version, usage_error };
  action what{action::usage_error};
  output_format format{output_format::table};  ///< --format, or --json
  std::optional<std::int64_t> warn_days;       ///< --warn-days N
  std::size_t jobs{0};           ///< --jobs N; 0: the number of CPUs
  std::size_t pair_window{1024}; ///< --pair-window N
  bool now_given{false};       ///< --now was on the command line
  utc_seconds now{};           ///< the --now instant (meaningful when now_given)
  std::vector<std::string_view> inputs;  ///< files; "-" is standard input; empty means "-"
  std::string message;         ///< for usage_error: what was wrong
};

/// Reads argv (argv[0] is the program name). Never exits, never prints.
options parse_args(std::span<char* const> argv);

/// The one-line usage, for standard error after a usage error.
std::string_view usage_text() noexcept;

/// The full --help text.
std::string_view help_text() noexcept;

/// The most --jobs and --pair-window accept.
inline constexpr std::size_t max_jobs = 256;
inline constexpr std::size_t max_pair_window = 1000000;

}  // namespace alicert::cli
