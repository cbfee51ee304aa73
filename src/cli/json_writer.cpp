#include "json_writer.h"

#include <charconv>
#include <cstring>

#include "json_fragments.h"
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

namespace f = fragments;

// One SAN: {"type":...,"value":...}.
char* write_san(char* p, const certificate_san& san, bool first) noexcept {
  if (!first) *p++ = ',';
  p = f::put(p, "{\"type\":");
  p = f::name(p, san_kind_name(san.type));
  p = f::put(p, ",\"value\":");
  p = f::string(p, san.value);
  *p++ = '}';
  return p;
}

void write_finding(text_buffer& out, const finding& x, bool first) {
  const std::string_view check = check_name(x.check);
  const std::string_view status = status_name(x.status);
  char* p = out.reserve(80 + f::room(check) + f::room(status) + f::room(x.field) + f::room(x.reported) +
                        f::room(x.actual) + f::room(x.note));
  if (!first) *p++ = ',';
  p = f::put(p, "{\"check\":");
  p = f::name(p, check);
  p = f::put(p, ",\"status\":");
  p = f::name(p, status);
  p = f::put(p, ",\"field\":");
  p = f::string(p, x.field);
  p = f::put(p, ",\"reported\":");
  p = f::string_or_null(p, x.reported);
  p = f::put(p, ",\"actual\":");
  p = f::string_or_null(p, x.actual);
  p = f::put(p, ",\"note\":");
  p = f::string_or_null(p, x.note);
  *p++ = '}';
  out.commit(p);
}

// "id" .. "issuer": what identifies the certificate.
void write_identity(text_buffer& out, const certificate_report& c, bool first) {
  const certificate_facts& facts = c.facts;
  char* p = out.reserve(128 + f::room(c.id.text) + f::room(facts.serial) + f::room(facts.subject) +
                        f::room(facts.issuer) + 2 * f::timestamp_room);
  if (!first) *p++ = ',';
  p = f::put(p, "{\"id\":");
  p = c.id.absent() ? f::null(p) : f::string(p, c.id.text);
  p = f::put(p, ",\"serial\":");
  p = facts.decoded ? f::string_or_null(p, facts.serial) : f::null(p);
  // The dates as the facts hold them, known or not (null only when not decoded).
  p = f::put(p, ",\"not_before\":");
  p = facts.decoded ? f::timestamp(p, facts.not_before) : f::null(p);
  p = f::put(p, ",\"not_after\":");
  p = facts.decoded ? f::timestamp(p, facts.not_after) : f::null(p);
  p = f::put(p, ",\"subject\":");
  p = facts.decoded ? f::string(p, facts.subject) : f::null(p);
  p = f::put(p, ",\"issuer\":");
  p = facts.decoded ? f::string(p, facts.issuer) : f::null(p);
  out.commit(p);
}

void write_sans(text_buffer& out, const certificate_facts& facts) {
  out.append(",\"sans\":");
  if (!facts.decoded) {
    out.append("null");
    return;
  }
  out.push('[');
  bool first = true;
  for (const certificate_san& san : facts.sans) {
    char* p = out.reserve(32 + f::room(san_kind_name(san.type)) + f::room(san.value));
    out.commit(write_san(p, san, first));
    first = false;
  }
  out.push(']');
}

// "sha256" .. "expires_in_days": what was computed from the certificate.
void write_computed(text_buffer& out, const certificate_facts& facts) {
  const auto fact = [&](char* p, std::string_view text) {
    return facts.decoded ? f::string_or_null(p, text) : f::null(p);
  };
  const std::string_view validity = validity_state_name(facts.validity_at_now);
  char* p = out.reserve(160 + f::room(facts.sha256) + f::room(facts.md5) + f::room(facts.key_algorithm) +
                        f::room(facts.signature_algorithm) + f::room(validity) + 2 * f::number_room);
  p = f::put(p, ",\"sha256\":");
  p = fact(p, facts.sha256);
  p = f::put(p, ",\"md5\":");
  p = fact(p, facts.md5);
  p = f::put(p, ",\"key_algorithm\":");
  p = fact(p, facts.key_algorithm);
  p = f::put(p, ",\"key_size\":");
  p = facts.decoded && facts.key_size > 0 ? f::number(p, static_cast<std::int64_t>(facts.key_size)) : f::null(p);
  p = f::put(p, ",\"signature_algorithm\":");
  p = fact(p, facts.signature_algorithm);
  p = f::put(p, ",\"validity_at_now\":");
  p = facts.decoded ? f::name(p, validity) : f::null(p);
  p = f::put(p, ",\"expires_in_days\":");
  p = facts.decoded && facts.not_after_known ? f::number(p, facts.expires_in_days) : f::null(p);
  out.commit(p);
}

void write_warnings(text_buffer& out, const certificate_facts& facts) {
  out.append(",\"warnings\":");
  if (!facts.decoded) {
    out.append("null");
    return;
  }
  out.push('[');
  bool first = true;
  for (const certificate_warning& w : facts.warnings) {
    const std::string_view code = warning_name(w.code);
    char* p = out.reserve(32 + f::room(code) + f::room(w.detail));
    if (!first) *p++ = ',';
    p = f::put(p, "{\"code\":");
    p = f::name(p, code);
    p = f::put(p, ",\"detail\":");
    p = f::string_or_null(p, w.detail);
    *p++ = '}';
    out.commit(p);
    first = false;
  }
  out.push(']');
}

void write_certificate(text_buffer& out, const certificate_report& c, bool first) {
  write_identity(out, c, first);
  write_sans(out, c.facts);
  write_computed(out, c.facts);
  write_warnings(out, c.facts);
  out.append(",\"findings\":[");
  bool first_finding = true;
  for (const finding& x : c.findings) {
    write_finding(out, x, first_finding);
    first_finding = false;
  }
  out.append("]}");
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
    w.name(api_name(*r.kind));
  else
    w.null();
  w.key("request_id");
  w.optional_string(r.request_id);

  w.key("error");
  if (r.error != nullptr) {
    w.begin_object();
    w.key("code");
    w.name(error_name(r.error->code));
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
  r.quirks.for_each([&](quirk q) { w.name(quirk_name(q)); });
  w.end_array();

  w.key("certificates");
  w.begin_array();
  bool first = true;
  for (const certificate_report& c : r.certificates) {
    write_certificate(out, c, first);
    first = false;
  }
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
