// alicert CLI: from one document to its rendered record: the check (with
// the document's partner when it has one) and the rendering in the format
// asked for. Each thread has its own record_maker, so its checker, parsers
// and table renderer are never shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "alicert/check/checker.h"
#include "alicert/responses/parser.h"
#include "alicert/time.h"
#include "args.h"
#include "pairing.h"
#include "prometheus.h"
#include "table.h"
#include "text_buffer.h"

namespace alicert::cli {

/// How records are made, the same for every thread.
struct record_settings {
  output_format format{output_format::table};
  std::optional<std::int64_t> warn_days;
  utc_seconds now{};
  std::size_t columns{80};  ///< the table's width
};

/// What consecutive records leave behind, in input order: their text and
/// what the exit status and the closing totals need.
struct rendered_records {
  text_buffer out;                ///< for standard output
  std::string err;                ///< diagnostics, for standard error
  prometheus_writer prometheus;   ///< --format prometheus: written once the input ends
  bool errors{false};             ///< a document or an input failed
  bool findings{false};           ///< a finding is mismatch or invalid
  bool warned{false};             ///< --warn-days: a certificate expires within the window
  void clear() noexcept;
};

/// Where a record stands: its input, its position there.
struct record_place {
  std::string_view input;
  std::size_t index{0};
  std::size_t offset{0};
};

class record_maker {
 public:
  explicit record_maker(const record_settings& settings)
      : settings_(settings), table_(settings.columns, settings.warn_days) {}

  /// Checks `doc` (or reports its error), with `partner` when it has one
  /// (null: none within the window, or it wants none) and the `certificates`
  /// gathered for it, and renders it.
  void make(const record_place& at, const result<document_view>& doc, const document_view* partner, bool ambiguous,
            rendered_records& into, std::span<const paired_certificate> certificates = {});

  /// As make(), for a document kept as bytes while its window was open:
  /// parsed again, with its partners (none when none were found) parsed
  /// again from theirs: the first is a KMS describe's partner; the
  /// certificates of all are what a certificate list's entries pair with.
  void make_again(const record_place& at, const padded_buffer& doc, const partner_list& partners, bool ambiguous,
                  rendered_records& into);

  /// What this thread's table rendered, for the totals line.
  [[nodiscard]] const table_renderer& table() const noexcept { return table_; }

 private:
  void emit(const output_record& r, rendered_records& into);
  record_settings settings_;
  checker checker_;
  table_renderer table_;
  parser again_;    // a waiting document, parsed again
  void gather(const partner_list& partners);
  parser partner_;  // its partner, parsed again
  // The certificates gathered from the partners, copied out of each
  // partner's parse: the strings they borrow are in `gathered_text_`.
  std::vector<paired_certificate> gathered_;
  std::vector<paired_certificate> listed_;
  std::string gathered_text_;
};

}  // namespace alicert::cli
