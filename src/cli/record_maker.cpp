#include "record_maker.h"

#include <string>

#include "json_writer.h"
#include "text_escape.h"

namespace alicert::cli {
namespace {

void diagnose(const output_record& r, std::string& err) {
  if (r.error == nullptr) return;
  err += "alicert: ";
  append_terminal_safe(err, r.input);
  if (r.error->code != error_code::io_error) {
    err += ": document ";
    err += std::to_string(r.index);
    err += " at offset ";
    err += std::to_string(r.offset);
  }
  err += ": ";
  err += error_name(r.error->code);
  if (!r.error->pointer.empty()) {
    err += " at ";
    append_terminal_safe(err, r.error->pointer);
  }
  if (!r.error->message.empty()) {
    err += ": ";
    append_terminal_safe(err, r.error->message);
  }
  err += '\n';
}

constexpr alicert::error no_memory_to_check{error_code::out_of_memory, "no memory to check the document", {}, 0};

}  // namespace

void rendered_records::clear() noexcept {
  out.clear();
  err.clear();
  prometheus.clear();
  errors = findings = warned = false;
}

void record_maker::make(const record_place& at, const result<document_view>& doc, const document_view* partner,
                        bool ambiguous, rendered_records& into, std::span<const paired_certificate> certificates) {
  output_record r;
  r.input = at.input;
  r.index = at.index;
  r.offset = at.offset;
  const document_view* d = doc.value_ptr();
  if (d == nullptr) {
    r.error = doc.error_ptr();
    into.errors = true;
    emit(r, into);
    return;
  }
  check_options how;
  how.now = settings_.now;
  set_partner(how, *d, partner, ambiguous, certificates);
  const document_report& report = checker_.check(*d, how);
  if (report.out_of_memory) {
    r.kind = d->kind;
    if (!d->request_id.absent()) r.request_id = d->request_id.text;
    r.api_error = d->error;
    r.quirks = d->quirks;
    r.error = &no_memory_to_check;
    into.errors = true;
    emit(r, into);
    return;
  }
  if (report.failed()) into.findings = true;
  emit(checked_record(at.input, at.index, at.offset, *d, report), into);
}

void record_maker::make_again(const record_place& at, const padded_buffer& doc, const partner_list& partners,
                              bool ambiguous, rendered_records& into) {
  // The same bytes parse to the same view they had when they were first read.
  const result<document_view> self = again_.parse(doc);
  if (self && wants_certificates(*self)) {
    gather(partners);
    make(at, self, nullptr, ambiguous, into, gathered_);
    return;
  }
  std::optional<result<document_view>> other;
  if (!partners.empty()) other.emplace(partner_.parse(partners.front().text));
  const document_view* partner_view = other && *other ? &**other : nullptr;
  make(at, self, partner_view, ambiguous, into);
}

// One parser serves every partner in turn, so each one's certificates are
// copied out before the next parse: their texts into one buffer, the views
// pointed at it once it has stopped growing.
void record_maker::gather(const partner_list& partners) {
  gathered_.clear();
  gathered_text_.clear();
  struct span_at {
    std::size_t at, size;
  };
  struct copied {
    span_at pem, id, identifier;
  };
  std::vector<copied> places;
  const auto keep = [&](std::string_view s) {
    const span_at where{gathered_text_.size(), s.size()};
    gathered_text_ += s;
    return where;
  };
  for (const partner_bytes& bytes : partners) {
    const result<document_view> other = partner_.parse(bytes.text);
    listed_.clear();
    if (!other || !certificates_of(*other, listed_)) continue;  // no memory: this partner offers nothing
    for (const paired_certificate& c : listed_) {
      places.push_back({keep(c.pem), keep(c.cas_id), keep(c.cas_identifier)});
      // The key names a schema field: static text, not the parse's.
      gathered_.push_back(paired_certificate{{}, c.source, c.key, {}, {}});
    }
  }
  const std::string_view text = gathered_text_;
  const auto view = [&](span_at s) { return text.substr(s.at, s.size); };
  for (std::size_t i = 0; i < gathered_.size(); ++i) {
    gathered_[i].pem = view(places[i].pem);
    gathered_[i].cas_id = view(places[i].id);
    gathered_[i].cas_identifier = view(places[i].identifier);
  }
}

void record_maker::emit(const output_record& r, rendered_records& into) {
  diagnose(r, into.err);
  if (settings_.warn_days)
    for (const certificate_report& c : r.certificates)
      if (within_warning(c.facts, *settings_.warn_days)) into.warned = true;
  switch (settings_.format) {
    case output_format::json: render_json_line(into.out, r); break;
    case output_format::table: {
      std::string text;
      table_.render(text, r);
      into.out.append(text);
      break;
    }
    case output_format::prometheus: into.prometheus.add(r); break;
  }
}

}  // namespace alicert::cli
