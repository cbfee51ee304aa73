#include "table.h"

#include <string_view>

#include "terminal_text.h"
#include "text_escape.h"

namespace alicert::cli {
namespace {

// Column layout of a finding: indent, check name, status, then the values.
constexpr std::size_t indent = 4;
constexpr std::size_t check_column = 24;   // "subject_key_identifier" is 22
constexpr std::size_t status_column = 14;  // "unverifiable" is 12
constexpr std::size_t value_column = indent + check_column + status_column;
// The block form: "        reported  " and its value.
constexpr std::string_view block_indent = "        ";
constexpr std::size_t label_width = 10;

std::string safe(std::string_view text) {
  std::string out;
  append_terminal_safe(out, text);
  return out;
}

void pad(std::string& line, std::size_t column) {
  const std::size_t w = display_width(line);
  line.append(w < column ? column - w : 1, ' ');
}

void end_line(std::string& out, std::string& line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out += line;
  out += '\n';
  line.clear();
}

// `label value` lines of the block form, the value fit to what is left.
void block_line(std::string& out, std::string_view label, const std::string& value, std::size_t columns,
                std::size_t focus) {
  std::string line(block_indent);
  line += label;
  pad(line, block_indent.size() + label_width);
  const std::size_t used = block_indent.size() + label_width;
  line += fit(value, columns > used ? columns - used : 1, focus);
  end_line(out, line);
}

}  // namespace

void table_renderer::finding_line(std::string& out, const finding& f) const {
  std::string line(indent, ' ');
  line += check_name(f.check);
  pad(line, indent + check_column);
  line += status_name(f.status);
  const std::string reported = safe(f.reported), actual = safe(f.actual), note = safe(f.note);
  // On a narrow terminal every value goes into the block form below.
  const bool narrow = columns_ < value_column + 16;
  const std::size_t room = narrow ? 0 : columns_ - value_column;
  if (f.status == finding_status::match && !narrow) {
    // They agree: one value says it, the certificate's (or the reported one).
    const std::string& value = actual.empty() ? reported : actual;
    if (!value.empty() || !note.empty()) pad(line, value_column);
    std::string rest = value;
    if (!note.empty()) rest += (value.empty() ? "(" : "  (") + note + ")";
    if (display_width(rest) > room && !value.empty()) rest = value;  // the note goes first
    line += fit(rest, room);
    end_line(out, line);
    return;
  }
  std::string one;
  if (!reported.empty() || !actual.empty())
    one = "reported " + (reported.empty() ? std::string("-") : reported) + " | actual " +
          (actual.empty() ? std::string("-") : actual);
  if (!note.empty()) one += (one.empty() ? "(" : "  (") + note + ")";
  if (!one.empty() && display_width(one) <= room) {
    pad(line, value_column);
    line += one;
    end_line(out, line);
    return;
  }
  end_line(out, line);
  // Too long for one line: a block, each value kept in view where the two differ.
  if (!reported.empty()) block_line(out, "reported", reported, columns_, difference_in(reported, actual));
  if (!actual.empty()) block_line(out, "actual", actual, columns_, difference_in(actual, reported));
  if (!note.empty()) block_line(out, "note", note, columns_, std::string_view::npos);
}

void table_renderer::certificate(std::string& out, const certificate_report& c) const {
  const certificate_facts& f = c.facts;
  const auto id = reported_id(c);
  std::string tail = f.decoded ? std::string("  (") + std::string(validity_state_name(f.validity_at_now)) + ")"
                               : std::string("  (no certificate to decode)");
  if (warn_days_ && within_warning(f, *warn_days_))
    tail += f.validity_at_now == validity_state::expired
                ? "  !! expired " + std::to_string(-f.expires_in_days) + " days ago"
                : "  !! expires in " + std::to_string(f.expires_in_days) + " days";
  std::string line = "  certificate ";
  const std::size_t room = columns_ > line.size() + tail.size() ? columns_ - line.size() - tail.size() : 1;
  line += fit(id ? safe(*id) : std::string("-"), room);
  line += tail;
  end_line(out, line);
  if (!f.decoded) return;
  char before_text[32];
  char after_text[32];
  const std::string_view not_before = f.not_before_known ? format_rfc3339(f.not_before, before_text) : "?";
  const std::string_view not_after = f.not_after_known ? format_rfc3339(f.not_after, after_text) : "?";
  const std::string serial = safe(f.serial);
  for (const certificate_warning& w : f.warnings) {
    line = "    warning ";
    line += warning_name(w.code);
    if (!w.detail.empty()) line += " (" + safe(w.detail) + ")";
    line = fit(line, columns_);
    end_line(out, line);
  }
  // Dates and serial on one line where they fit, else on lines of their own.
  line = "    " + std::string(not_before) + " .. " + std::string(not_after);
  if (display_width(line) + 9 + display_width(serial) <= columns_) {
    line += "  serial " + serial;
    end_line(out, line);
    return;
  }
  if (display_width(line) > columns_) {
    line = "    not before " + std::string(not_before);
    end_line(out, line);
    line = "    not after  " + std::string(not_after);
  }
  end_line(out, line);
  line = "    serial " + fit(serial, columns_ - 11);
  end_line(out, line);
}

void table_renderer::heading(std::string& out, const output_record& r) const {
  std::string rest = " #" + std::to_string(r.index) + " @" + std::to_string(r.offset) + "  " +
                     (r.kind ? std::string(api_name(*r.kind)) : std::string("-"));
  const std::size_t rest_width = display_width(rest);
  std::string line = fit(safe(r.input), columns_ > rest_width ? columns_ - rest_width : 1);
  line += rest;
  end_line(out, line);
  if (r.request_id) {
    line = "  request " + fit(safe(*r.request_id), columns_ - 10);
    end_line(out, line);
  }
  if (r.error != nullptr) {
    line = "  error ";
    line += error_name(r.error->code);
    if (!r.error->pointer.empty()) line += " at " + safe(r.error->pointer);
    line += " (offset " + std::to_string(r.error->offset) + "): " + safe(r.error->message);
    line = fit(line, columns_);
    end_line(out, line);
  }
  if (r.api_error != nullptr) {
    line = "  api error ";
    line += r.api_error->code.absent() ? std::string("-") : safe(r.api_error->code.text);
    if (!r.api_error->message.absent()) line += ": " + safe(r.api_error->message.text);
    line = fit(line, columns_);
    end_line(out, line);
  }
  if (!r.quirks.empty()) {
    // A list: wrapped at the width, never cut.
    line = "  quirks:";
    r.quirks.for_each([&](quirk q) {
      const std::string_view name = quirk_name(q);
      if (line.size() > 9 && display_width(line) + 3 + name.size() > columns_) {  // 3: ", " and a trailing ","
        line += ',';
        end_line(out, line);
        line = "         ";
      } else if (line.size() > 9) {
        line += ',';
      }
      line += ' ';
      line += name;
    });
    end_line(out, line);
  }
}

void table_renderer::render(std::string& out, const output_record& r) {
  ++documents_;
  if (r.error != nullptr) ++errors_;
  if (r.api_error != nullptr) ++api_errors_;
  heading(out, r);
  for (const auto& c : r.certificates) {
    ++certificates_;
    for (const auto& f : c.findings) ++statuses_[static_cast<std::size_t>(f.status)];
    certificate(out, c);
    for (const auto& f : c.findings) finding_line(out, f);
  }
}

void table_renderer::add_totals(const table_renderer& other) noexcept {
  documents_ += other.documents_;
  errors_ += other.errors_;
  api_errors_ += other.api_errors_;
  certificates_ += other.certificates_;
  for (std::size_t i = 0; i < statuses_.size(); ++i) statuses_[i] += other.statuses_[i];
}

void table_renderer::render_totals(std::string& out) const {
  // In the order a reader acts on them; what does not fit the width is left
  // off from the end, never cut in the middle.
  const auto count = [&](finding_status s) { return std::to_string(statuses_[static_cast<std::size_t>(s)]); };
  const std::string items[] = {
      std::to_string(documents_) + (documents_ == 1 ? " document" : " documents"),
      std::to_string(errors_) + (errors_ == 1 ? " error" : " errors"),
      count(finding_status::mismatch) + " mismatch",
      count(finding_status::invalid) + " invalid",
      count(finding_status::match) + " match",
      std::to_string(certificates_) + (certificates_ == 1 ? " certificate" : " certificates"),
      count(finding_status::masked) + " masked",
      count(finding_status::absent) + " absent",
      count(finding_status::unverifiable) + " unverifiable",
      std::to_string(api_errors_) + (api_errors_ == 1 ? " api error" : " api errors"),
  };
  std::string line = "total:";
  for (const std::string& item : items) {
    if (display_width(line) + 2 + item.size() > columns_) break;
    line += line.size() > 6 ? ", " : " ";
    line += item;
  }
  end_line(out, line);
}

}  // namespace alicert::cli
