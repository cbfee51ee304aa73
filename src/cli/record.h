// alicert CLI: one record per input document (report.md), what both renderers
// (JSON Lines, table) read. Everything in it borrows from the parser, the
// checker and the input: a record is built, rendered and dropped before the
// stream moves to the next document.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "alicert/check/checker.h"
#include "alicert/error.h"
#include "alicert/quirks.h"
#include "alicert/responses/document.h"

namespace alicert::cli {

/// One record: a document, or the error that stood in its place.
struct output_record {
  std::string_view input;                     ///< the path as given, or "-"
  std::size_t index{0};                       ///< position of the document in its input
  std::size_t offset{0};                      ///< byte offset of the document in its input
  std::optional<api> kind;                    ///< null when the document could not be parsed
  std::optional<std::string_view> request_id; ///< null when not reported
  const alicert::error* error{nullptr};       ///< set when the document (or the input) failed
  const api_error_view* api_error{nullptr};   ///< set for an error envelope
  quirk_set quirks;                           ///< the document's and its certificates'
  std::span<const certificate_report> certificates;
};

/// The reported identifier of a certificate, null when not reported.
[[nodiscard]] inline std::optional<std::string_view> reported_id(const certificate_report& c) noexcept {
  if (c.id.absent()) return std::nullopt;
  return c.id.text;
}

/// True when a decoded certificate is expired, or expires within `days` days
/// (`--warn-days`): what makes the exit status 3 and the table mark it.
[[nodiscard]] inline bool within_warning(const certificate_facts& f, std::int64_t days) noexcept {
  return f.decoded && f.not_after_known && (f.validity_at_now == validity_state::expired || f.expires_in_days <= days);
}

/// The record of a document that parsed and was checked: its place, what it
/// reported and the check's report (the renderers read both).
[[nodiscard]] inline output_record checked_record(std::string_view input, std::size_t index, std::size_t offset,
                                                  const document_view& doc, const document_report& report) noexcept {
  output_record r;
  r.input = input;
  r.index = index;
  r.offset = offset;
  r.kind = doc.kind;
  if (!doc.request_id.absent()) r.request_id = doc.request_id.text;
  r.api_error = doc.error;
  r.quirks = doc.quirks;
  r.quirks.merge(report.quirks);
  r.certificates = report.certificates;
  return r;
}

/// `text`, or null when empty (report.md prints unknown values as null).
[[nodiscard]] inline std::optional<std::string_view> null_if_empty(std::string_view text) noexcept {
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace alicert::cli
