#include "json_writer.h"

#include <charconv>
#include <cstring>

#include "text_escape.h"

namespace alicert::cli {

namespace {

void write_reported(json_writer& w, std::string_view name, const reported_text& field) {
  w.key(name);
  if (field.absent())
    w.null();
  else
    w.string(field.text);
}

void write_certificate(json_writer& w, const certificate_report& c) {
  const certificate_facts& f = c.facts;
  const auto fact = [&](std::string_view text) -> std::optional<std::string_view> {
    if (!f.decoded) return std::nullopt;
    return null_if_empty(text);
  };
  w.begin_object();
  w.key("id");
  w.optional_string(reported_id(c));
  w.key("serial");
  w.optional_string(fact(f.serial));
  // The dates as the facts hold them, known or not (report.md: null only when not decoded).
  w.key("not_before");
  if (f.decoded)
    w.timestamp(f.not_before);
  else
    w.null();
  w.key("not_after");
  if (f.decoded)
    w.timestamp(f.not_after);
  else
    w.null();
  w.key("subject");
  w.optional_string(f.decoded ? std::optional<std::string_view>(f.subject) : std::nullopt);
  w.key("issuer");
  w.optional_string(f.decoded ? std::optional<std::string_view>(f.issuer) : std::nullopt);
  w.key("sans");
  if (f.decoded) {
    w.begin_array();
    for (const auto& san : f.sans) {
      w.begin_object();
      w.key("type");
      w.string(san_kind_name(san.type));
      w.key("value");
      w.string(san.value);
      w.end_object();
    }
    w.end_array();
  } else {
    w.null();
  }
  w.key("sha256");
  w.optional_string(fact(f.sha256));
  w.key("md5");
  w.optional_string(fact(f.md5));
  w.key("key_algorithm");
  w.optional_string(fact(f.key_algorithm));
  w.key("key_size");
  if (f.decoded && f.key_size > 0)
    w.number(static_cast<std::int64_t>(f.key_size));
  else
    w.null();
  w.key("signature_algorithm");
  w.optional_string(fact(f.signature_algorithm));
  w.key("validity_at_now");
  w.optional_string(fact(validity_state_name(f.validity_at_now)));
  w.key("expires_in_days");
  if (f.decoded && f.not_after_known)
    w.number(f.expires_in_days);
  else
    w.null();
  w.key("warnings");
  if (f.decoded) {
    w.begin_array();
    for (const certificate_warning& warning : f.warnings) {
      w.begin_object();
      w.key("code");
      w.string(warning_name(warning.code));
      w.key("detail");
      w.optional_string(null_if_empty(warning.detail));
      w.end_object();
    }
    w.end_array();
  } else {
    w.null();
  }
  w.key("findings");
  w.begin_array();
  for (const auto& finding : c.findings) {
    w.begin_object();
    w.key("check");
    w.string(check_name(finding.check));
    w.key("status");
    w.string(status_name(finding.status));
    w.key("field");
    w.string(finding.field);
    w.key("reported");
    w.optional_string(null_if_empty(finding.reported));
    w.key("actual");
    w.optional_string(null_if_empty(finding.actual));
    w.key("note");
    w.optional_string(null_if_empty(finding.note));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void render_json_line(text_buffer& out, const output_record& r) {
  json_writer w(out);
  w.begin_object();
  w.key("input");
  w.string(r.input);
  w.key("index");
  w.number(static_cast<std::uint64_t>(r.index));
  w.key("offset");
  w.number(static_cast<std::uint64_t>(r.offset));
  w.key("api");
  if (r.kind)
    w.string(api_name(*r.kind));
  else
    w.null();
  w.key("request_id");
  w.optional_string(r.request_id);

  w.key("error");
  if (r.error != nullptr) {
    w.begin_object();
    w.key("code");
    w.string(error_name(r.error->code));
    w.key("message");
    w.string(r.error->message);
    w.key("path");
    w.string(r.error->pointer);
    w.key("offset");
    w.number(static_cast<std::uint64_t>(r.error->offset));
    w.end_object();
  } else {
    w.null();
  }

  w.key("api_error");
  if (r.api_error != nullptr) {
    w.begin_object();
    write_reported(w, "code", r.api_error->code);
    write_reported(w, "message", r.api_error->message);
    write_reported(w, "host_id", r.api_error->host_id);
    write_reported(w, "recommend", r.api_error->recommend);
    w.end_object();
  } else {
    w.null();
  }

  w.key("quirks");
  w.begin_array();
  r.quirks.for_each([&](quirk q) { w.string(quirk_name(q)); });
  w.end_array();

  w.key("certificates");
  w.begin_array();
  for (const auto& c : r.certificates) write_certificate(w, c);
  w.end_array();
  w.end_object();
  out.push('\n');
}

void render_json_line(std::string& out, const output_record& record) {
  text_buffer line;
  render_json_line(line, record);
  out += line.view();
}

}  // namespace alicert::cli
