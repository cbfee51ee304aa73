// alicert CLI: `--format prometheus`, the Prometheus text exposition format
// (report.md, Prometheus output). A metric family's lines must stand
// together, so the records are gathered and the text written once the input
// ends: a few numbers and labels per certificate, bounded totals.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "record.h"

namespace alicert::cli {

class prometheus_writer {
 public:
  /// Takes what the exposition needs from one record.
  void add(const output_record& record);
  /// Takes the records `later` took, as if they had been added here after
  /// this writer's own (threads each fill one writer; they are joined in
  /// input order).
  void append(const prometheus_writer& later);
  /// Forgets every record.
  void clear() noexcept;
  /// Appends the whole exposition to `out`.
  void finish(std::string& out) const;

 private:
  struct series {
    std::string labels;  // `{api="...",...}`, escaped
    bool decoded{false};
    std::int64_t not_before{0}, not_after{0};
    bool expired{false};
    std::uint32_t failed_checks{0};
  };
  std::vector<series> certificates_;
  std::array<std::array<std::uint64_t, 6>, check_count> findings_{};  // [check][status]
  std::uint64_t ok_{0}, errors_{0}, api_errors_{0};
};

/// Appends `value` as a label value of the exposition format: `\`, `"` and
/// line feeds escaped, invalid UTF-8 replaced (the format is UTF-8).
void append_label_value(std::string& out, std::string_view value);

}  // namespace alicert::cli
