#include "table.h"

#include <string_view>

#include "text_escape.h"

namespace alicert::cli {
namespace {

constexpr std::size_t max_value_bytes = 72;

/// The terminal-safe form of `text`, shortened to about max_value_bytes on a
/// character boundary.
std::string shown(std::string_view text) {
  std::string out;
  append_terminal_safe(out, text);
  if (out.size() > max_value_bytes) {
    std::size_t cut = max_value_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0u) == 0x80u) --cut;
    out.resize(cut);
    out += "...";
  }
  return out;
}

std::string shown_or_dash(std::optional<std::string_view> text) { return text ? shown(*text) : "-"; }

void pad_to(std::string& out, std::size_t line_start, std::size_t column) {
  const std::size_t used = out.size() - line_start;
  out.append(used < column ? column - used : 1, ' ');
}

void render_finding(std::string& out, const finding& f) {
  const std::size_t start = out.size();
  out += "    ";
  out += check_name(f.check);
  pad_to(out, start, 28);
  out += status_name(f.status);
  pad_to(out, start, 42);
  const bool values = !f.reported.empty() || !f.actual.empty();
  if (values) {
    out += "reported ";
    out += shown_or_dash(null_if_empty(f.reported));
    out += " | actual ";
    out += shown_or_dash(null_if_empty(f.actual));
  }
  if (!f.note.empty()) {
    out += values ? "  (" : "(";
    out += shown(f.note);
    out += ')';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += '\n';
}

void render_certificate(std::string& out, const certificate_report& c) {
  const certificate_facts& f = c.facts;
  out += "  certificate ";
  out += shown_or_dash(reported_id(c));
  if (f.decoded) {
    char not_before[32];
    char not_after[32];
    out += "  serial ";
    out += shown(f.serial);
    out += "  valid ";
    out += format_rfc3339(f.not_before, not_before);
    out += " .. ";
    out += format_rfc3339(f.not_after, not_after);
    out += " (";
    out += validity_state_name(f.validity_at_now);
    out += ')';
  } else {
    out += "  (no certificate to decode)";
  }
  out += '\n';
  for (const auto& finding : c.findings) render_finding(out, finding);
}

}  // namespace

void render_table(std::string& out, const output_record& r) {
  out += shown(r.input);
  out += " #";
  out += std::to_string(r.index);
  out += " @";
  out += std::to_string(r.offset);
  out += "  ";
  out += r.kind ? std::string(api_name(*r.kind)) : std::string("-");
  if (r.request_id) {
    out += "  request ";
    out += shown(*r.request_id);
  }
  out += '\n';
  if (r.error != nullptr) {
    out += "  error ";
    out += error_name(r.error->code);
    if (!r.error->pointer.empty()) {
      out += " at ";
      out += shown(r.error->pointer);
    }
    out += " (offset ";
    out += std::to_string(r.error->offset);
    out += "): ";
    out += shown(r.error->message);
    out += '\n';
  }
  if (r.api_error != nullptr) {
    out += "  api error ";
    out += r.api_error->code.absent() ? std::string("-") : shown(r.api_error->code.text);
    if (!r.api_error->message.absent()) {
      out += ": ";
      out += shown(r.api_error->message.text);
    }
    out += '\n';
  }
  if (!r.quirks.empty()) {
    out += "  quirks:";
    bool first = true;
    r.quirks.for_each([&](quirk q) {
      out += first ? " " : ", ";
      out += quirk_name(q);
      first = false;
    });
    out += '\n';
  }
  for (const auto& c : r.certificates) render_certificate(out, c);
}

}  // namespace alicert::cli
