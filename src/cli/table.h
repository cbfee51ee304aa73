// alicert CLI: the human-readable rendering, a short table per document that
// fits the terminal (report.md), and one totals line at the end.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "record.h"

namespace alicert::cli {

/// Renders records as text lines of at most `columns` display columns, and
/// counts what it rendered for the totals line. Every value is made
/// terminal-safe; long values are shortened in the middle, keeping in view
/// where a reported value and the certificate's first differ.
class table_renderer {
 public:
  /// `warn_days`: --warn-days, whose certificates the table marks.
  table_renderer(std::size_t columns, std::optional<std::int64_t> warn_days) noexcept
      : columns_(columns), warn_days_(warn_days) {}

  /// Appends the lines of one record: a heading (input, index, offset, api),
  /// the request id, an error, the quirks, then per certificate its id,
  /// validity and serial and one line (or a short block) per finding.
  void render(std::string& out, const output_record& record);

  /// Appends the one totals line: documents, errors, certificates and the
  /// findings per status, the counts a reader acts on first.
  void render_totals(std::string& out) const;

  /// Counts what `other` rendered as rendered here too (threads each render
  /// with their own renderer; one totals line sums them).
  void add_totals(const table_renderer& other) noexcept;

 private:
  void heading(std::string& out, const output_record& r) const;
  void certificate(std::string& out, const certificate_report& c) const;
  void finding_line(std::string& out, const finding& f) const;

  std::size_t columns_;
  std::optional<std::int64_t> warn_days_;
  std::size_t documents_{0};
  std::size_t errors_{0};
  std::size_t api_errors_{0};
  std::size_t certificates_{0};
  std::array<std::size_t, 6> statuses_{};  // by finding_status
};

}  // namespace alicert::cli
