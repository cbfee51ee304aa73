#include "check_command.h"

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "alicert/responses/parser.h"
#include "alicert/check/checker.h"
#include "input.h"
#include "json_writer.h"
#include "kms_pairing.h"
#include "record.h"
#include "prometheus.h"
#include "table.h"
#include "terminal_text.h"
#include "text_escape.h"

namespace alicert::cli {

namespace {

class run_state {
 public:
  run_state(const options& o, utc_seconds now)
      : format_(o.format), warn_days_(o.warn_days), now_(now), table_(output_columns(), o.warn_days) {}

  void check_input(std::string_view name);
  /// report.md's priority: 2, then 1, then 3, then 0.
  [[nodiscard]] int exit_status() const noexcept {
    if (errors_ || write_failed_) return exit_errors;
    if (findings_) return exit_findings;
    return warned_ ? exit_expiring : exit_ok;
  }
  [[nodiscard]] bool write_failed() const noexcept { return write_failed_; }
  /// The table's closing totals line (nothing for JSON Lines).
  void finish();

 private:
  void emit(const output_record& r);
  void write_line();
  void diagnose(const output_record& r);
  void check_document(output_record& r, const result<document_view>& doc, kms_pairing& pairing);

  output_format format_;
  std::optional<std::int64_t> warn_days_;
  bool errors_{false};
  bool findings_{false};
  bool warned_{false};
  bool write_failed_{false};
  parser parser_;
  parser pairing_parser_;  // GetCertificate documents, for kms_pairing
  utc_seconds now_;
  checker checker_;
  table_renderer table_;
  prometheus_writer prometheus_;
  std::string line_;
};

void run_state::emit(const output_record& r) {
  if (write_failed_) return;
  if (warn_days_)
    for (const certificate_report& c : r.certificates)
      if (within_warning(c.facts, *warn_days_)) warned_ = true;
  line_.clear();
  switch (format_) {
    case output_format::json: render_json_line(line_, r); break;
    case output_format::table: table_.render(line_, r); break;
    case output_format::prometheus: prometheus_.add(r); return;
  }
  write_line();
}

void run_state::finish() {
  if (format_ == output_format::json || write_failed_) return;
  line_.clear();
  if (format_ == output_format::table)
    table_.render_totals(line_);
  else
    prometheus_.finish(line_);
  write_line();
}

void run_state::write_line() {
  if (std::fwrite(line_.data(), 1, line_.size(), stdout) != line_.size()) {
    write_failed_ = true;
    std::fputs("alicert: cannot write to standard output\n", stderr);
  }
}

void run_state::diagnose(const output_record& r) {
  if (r.error == nullptr) return;
  std::string msg = "alicert: ";
  append_terminal_safe(msg, r.input);
  if (r.error->code != error_code::io_error) {
    msg += ": document ";
    msg += std::to_string(r.index);
    msg += " at offset ";
    msg += std::to_string(r.offset);
  }
  msg += ": ";
  msg += error_name(r.error->code);
  if (!r.error->pointer.empty()) {
    msg += " at ";
    append_terminal_safe(msg, r.error->pointer);
  }
  if (!r.error->message.empty()) {
    msg += ": ";
    append_terminal_safe(msg, r.error->message);
  }
  msg += '\n';
  std::fputs(msg.c_str(), stderr);
}

void run_state::check_document(output_record& r, const result<document_view>& doc,
                               kms_pairing& pairing) {
  if (!doc) {
    r.error = &doc.error();
    errors_ = true;
    return;
  }
  const document_view& d = *doc;
  r.kind = d.kind;
  if (!d.request_id.absent()) r.request_id = d.request_id.text;
  r.api_error = d.error;
  r.quirks = d.quirks;
  check_options how;
  how.now = now_;
  if (d.kind == api::kms_describe_certificate && d.kms_describe != nullptr &&
      d.kms_describe->certificate_id.present())
    how.paired_get = pairing.find(d.kms_describe->certificate_id.value, &how.paired_get_ambiguous);
  const document_report& report = checker_.check(d, how);
  if (report.out_of_memory) {
    static constexpr alicert::error no_memory{error_code::out_of_memory, "no memory to check the document", {}, 0};
    r.error = &no_memory;
    errors_ = true;
    return;
  }
  r.quirks.merge(report.quirks);
  r.certificates = report.certificates;
  if (report.failed()) findings_ = true;
}

void run_state::check_input(std::string_view name) {
  auto bytes = input_bytes::read(name);
  if (!bytes) {
    output_record r;
    r.input = name;
    r.error = &bytes.error();
    errors_ = true;
    diagnose(r);
    emit(r);
    return;
  }
  const padded_view input = bytes->view();
  kms_pairing pairing(pairing_parser_, input);
  document_stream stream(parser_, input);
  std::size_t documents = 0;
  while (!write_failed_ && stream.next()) {
    ++documents;
    output_record r;
    r.input = name;
    r.index = stream.index();
    r.offset = stream.offset();
    check_document(r, stream.document(), pairing);
    diagnose(r);
    emit(r);
  }
  if (documents == 0 && !write_failed_) {
    // No document at all: the record carries the parser's own verdict on the
    // whole input (empty_input for an empty or blank one).
    const auto whole = parser_.parse(input);
    output_record r;
    r.input = name;
    alicert::error empty;
    empty.code = error_code::empty_input;
    empty.message = "no document in the input";
    if (!whole) {
      r.error = &whole.error();
    } else {
      r.error = &empty;
    }
    errors_ = true;
    diagnose(r);
    emit(r);
  }
}

}  // namespace

int run_check(const options& o) {
  const utc_seconds now =
      o.now_given ? o.now : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  run_state state(o, now);
  if (o.inputs.empty()) {
    state.check_input("-");
  } else {
    for (const auto name : o.inputs) {
      if (state.write_failed()) break;
      state.check_input(name);
    }
  }
  state.finish();
  if (std::fflush(stdout) != 0 && !state.write_failed()) {
    std::fputs("alicert: cannot write to standard output\n", stderr);
    return exit_errors;
  }
  return state.exit_status();
}

}  // namespace alicert::cli
