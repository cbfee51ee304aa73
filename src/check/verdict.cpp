// The one verdict ladder, and the merge of the fields that feed one check.
#include <array>

#include "alicert/check/compare.h"
#include "common/chars.h"
#include "run.h"

namespace alicert::internal {
namespace {

// What a check compares with, besides the reported value.
enum class basis : std::uint8_t {
  none,         // the reported value alone (`certificate`: does it decode?)
  certificate,  // the decoded certificate
  key,          // the certificate's key, else a reported one (KMS SubjectPublicKey)
};

struct traits {
  basis needs;
  bool masks_per_part;  // lists and names: a masked entry hides only itself
};

constexpr traits traits_of(check_id c) noexcept {
  switch (c) {
    case check_id::certificate: return {basis::none, false};
    case check_id::key_spec:
    case check_id::subject_key_identifier: return {basis::key, false};
    case check_id::subject:
    case check_id::issuer:
    case check_id::sans:
    case check_id::domain_list: return {basis::certificate, true};
    default: return {basis::certificate, false};
  }
}

outcome compare(run& r, check_id c, const field_ref& f) {
  switch (c) {
    case check_id::certificate: return f.certificate_source ? r.cert().verdict : r.probe_certificate(f);
    case check_id::serial: return check_serial(r, f);
    case check_id::not_before:
    case check_id::not_after: return check_time(r, f, c);
    case check_id::validity_days: return check_days(r, f);
    case check_id::sha256:
    case check_id::md5: return check_digest(r, f, c);
    case check_id::subject:
    case check_id::issuer: return check_dn(r, f, c);
    case check_id::common_name:
    case check_id::organization:
    case check_id::organizational_unit:
    case check_id::locality:
    case check_id::state:
    case check_id::country: return check_attribute(r, f, c);
    case check_id::sans: return check_sans(r, f);
    case check_id::key_algorithm: return check_key_algorithm(r, f);
    case check_id::key_size: return check_key_size(r, f);
    case check_id::key_spec: return check_key_spec(r, f);
    case check_id::signature_algorithm: return check_signature_algorithm(r, f);
    case check_id::subject_key_identifier: return check_key_identifier(r, f);
    case check_id::public_key: return check_public_key(r, f);
    case check_id::domain_list: return check_domains(r, f);
    case check_id::chain: return check_chain(r, f);
    case check_id::csr_public_key: return check_csr(r, f);
    case check_id::fingerprint: return check_fingerprint(r, f);
    case check_id::issuer_name: return check_issuer_name(r, f);
    case check_id::cert_domain_name: return check_cert_domain_name(r, f);
    case check_id::expired: return check_expired(r, f);
    case check_id::private_key: return check_private_key(r, f);
    case check_id::chain_info: break;  // not a field's check: check_chain_info
  }
  return {finding_status::unverifiable, {}, "no check of this name"};
}


// PEM fields are not echoed: the input holds them.
bool pem(const field_ref& f) noexcept { return f.how == internal::shape::pem; }

std::string_view reported_of(run& r, const field_ref& f) {
  if (f.absent() || pem(f)) return {};
  // A private key never leaves the parser: its finding names what it is, not what it holds.
  if (f.how == internal::shape::private_key) return private_key_label(r, f);
  return f.names != nullptr ? listed(r, f) : f.text;
}

// A value that cannot be read is invalid whether or not there is anything to
// compare it with: text that should be hex and is not, a field the parser
// could not read.
// Why, or nothing when it can be read.
std::string_view unreadable(run& r, const field_ref& f) {
  if (f.state == field_state::unreadable) return "the reported value cannot be read";
  if (f.how != internal::shape::hex && f.how != internal::shape::hex_or_decimal) return {};
  // A serial may be negative: its sign is the serial check's to read.
  std::string_view text = internal::trim_ascii_space(f.text);
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  r.state.chars.resize(text.size() + 1);
  return normalize_hex(text, r.state.chars, false).empty() ? "not hexadecimal" : std::string_view{};
}

}  // namespace

outcome decide(run& r, check_id c, const field_ref& f) {
  const traits t = traits_of(c);
  if (f.absent()) return {finding_status::absent, {}, {}};
  if (!t.masks_per_part && is_masked(f.text)) return {finding_status::masked, {}, {}};
  if (t.needs != basis::none)
    if (const std::string_view why = unreadable(r, f); !why.empty()) return {finding_status::invalid, {}, why};
  if (t.needs == basis::certificate && !r.cert().ok) return {finding_status::unverifiable, {}, r.cert().why};
  if (t.needs == basis::key && !r.key().ok) return {finding_status::unverifiable, {}, r.key().why};
  return compare(r, c, f);
}

finding merge(run& r, check_id c, const field_ref* const* fields, const outcome* outcomes, std::size_t n) {
  finding out;
  out.check = c;
  if (n == 1) {
    const field_ref& f = *fields[0];
    out.status = outcomes[0].status;
    out.field = f.name;
    out.reported = reported_of(r, f);
    out.actual = outcomes[0].actual;
    out.note = outcomes[0].note;
    out.offset = f.absent() ? 0 : f.offset;
    return out;
  }
  // Several fields report one property: one finding names them all, each
  // compared with the certificate on its own.
  std::size_t present = 0;
  bool statuses_differ = false;
  out.status = finding_status::absent;
  for (std::size_t i = 0; i < n; ++i) {
    if (fields[i]->absent()) continue;
    if (present++ == 0) {
      out.offset = fields[i]->offset;
      out.status = outcomes[i].status;
    } else {
      statuses_differ = statuses_differ || outcomes[i].status != out.status;
      if (merge_rank(outcomes[i].status) < merge_rank(out.status)) out.status = outcomes[i].status;
    }
    if (out.actual.empty()) out.actual = outcomes[i].actual;
  }
  // `field` names the fields that were reported (the first when none was),
  // so a document that reports one of them reads as if the other did not exist.
  std::string& names = r.scratch();
  for (std::size_t i = 0; i < n; ++i) {
    if (fields[i]->absent()) continue;
    if (!names.empty()) names += ',';
    names += fields[i]->name;
  }
  out.field = names.empty() ? fields[0]->name : r.copy(names);
  // Each value first (a list's text is built in the scratch), then joined.
  std::array<std::string_view, 8> values{};
  for (std::size_t i = 0; i < n && i < values.size(); ++i) values[i] = reported_of(r, *fields[i]);
  std::string& reported = r.scratch();
  for (std::size_t i = 0; i < n && i < values.size(); ++i) {
    const std::string_view value = values[i];
    if (value.empty()) continue;
    if (!reported.empty()) reported += ", ";
    reported += value;
  }
  out.reported = r.copy(reported);
  if (present <= 1) {
    // One of them reported: the finding reads as that field's alone.
    for (std::size_t i = 0; i < n; ++i)
      if (!fields[i]->absent()) out.note = outcomes[i].note;
    return out;
  }
  std::string& note = r.scratch();
  for (std::size_t i = 0; i < n; ++i) {
    const field_ref& f = *fields[i];
    if (f.absent() || (!statuses_differ && outcomes[i].note.empty())) continue;
    if (!note.empty()) note += "; ";
    note += f.name;
    note += ": ";
    note += status_name(outcomes[i].status);
    if (!outcomes[i].note.empty()) {
      note += " (";
      note += outcomes[i].note;
      note += ')';
    }
  }
  out.note = r.copy(note);
  return out;
}

}  // namespace alicert::internal
