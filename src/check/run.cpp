// Checking one certificate: the report's bookkeeping, loading what the
// checks compare with, and the certificate's facts.
#include "run.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "algorithms.h"
#include "alicert/check/compare.h"
#include "alicert/x509/general_name.h"
#include "alicert/x509/oid.h"

namespace alicert::internal {
namespace {

bool is_certificate_label(std::string_view label) noexcept {
  return label == "CERTIFICATE" || label == "X509 CERTIFICATE";
}

std::string_view as_text(std::span<const std::uint8_t> b) noexcept {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

}  // namespace

void run::begin(const reported_text& id) {
  state.reports.emplace_back();
  report_ = &state.reports.back();
  report_->id = id;
  state.report_ranges.push_back({state.findings.size(), state.findings.size(), state.sans.size(), state.sans.size(),
                                 state.links.size(), state.links.size(), state.warnings.size(),
                                 state.warnings.size()});
  cert_ = loaded_certificate{};
  key_ = reported_key_ = loaded_key{};
  subject_read_ = issuer_read_ = -1;
}

void run::end() {
  auto& range = state.report_ranges.back();
  range.findings_end = state.findings.size();
  range.sans_end = state.sans.size();
  range.links_end = state.links.size();
  range.warnings_end = state.warnings.size();
}

void run::emit(check_id c, const field_ref* const* fields, const outcome* outcomes, std::size_t n) {
  state.findings.push_back(merge(*this, c, fields, outcomes, n));
}

void run::load_certificate(const field_ref& pem, bool key_allowed) {
  cert_ = loaded_certificate{};
  const auto set = [&](finding_status st, std::string_view note) { cert_.verdict = {st, {}, note}; };
  if (pem.absent()) {
    cert_.why = "no certificate was reported";
    return set(finding_status::absent, {});
  }
  if (is_masked(pem.text)) {
    cert_.why = "the certificate is masked";
    return set(finding_status::masked, {});
  }
  cert_.why = "the certificate could not be decoded";
  auto decoded = state.pem_cert.decode(pem.text, &report_->quirks);
  const auto* blocks = decoded.value_ptr();
  if (blocks == nullptr) return set(finding_status::invalid, copy(message_of(decoded)));
  if (key_allowed && !blocks->empty() && blocks->front().label == "PUBLIC KEY") {
    cert_.why = "the field holds a public key, not a certificate";
    return set(finding_status::unverifiable, "a public key, not a certificate: nothing to compare it with");
  }
  if (blocks->empty() || !is_certificate_label(blocks->front().label))
    return set(finding_status::invalid, "the first PEM block is not a CERTIFICATE");
  auto read = x509::read_certificate(blocks->front().der);
  const auto* view = read.value_ptr();
  if (view == nullptr) return set(finding_status::invalid, copy(message_of(read)));
  cert_.ok = true;
  cert_.why = {};
  cert_.view = *view;
  cert_.blocks = *blocks;
  report_->quirks.merge(view->quirks);
  set(finding_status::match, {});
  key_ = loaded_key{true, view->public_key, true, {}};
  fill_facts();
}

void run::load_paired(const kms_get_view* get) {
  if (get == nullptr) {
    cert_ = loaded_certificate{};
    cert_.why = "no GetCertificate with this CertificateId was found within the pairing window";
    cert_.verdict = {finding_status::unverifiable, {}, cert_.why};
    return;
  }
  field_ref pem;
  pem.state = get->certificate.state;
  pem.text = get->certificate.text;
  load_certificate(pem);
  if (!cert_.ok) {
    cert_.why = "the paired GetCertificate has no decodable certificate";
    cert_.verdict = {finding_status::unverifiable, {}, cert_.why};
  } else {
    cert_.verdict = {finding_status::match, {},
                     options.paired_get_ambiguous
                         ? "more than one GetCertificate has this CertificateId; the first was used"
                         : "the certificate of the paired GetCertificate"};
  }
}

void run::load_partner(const paired_certificate* partner, std::string_view how, check_id by) {
  if (partner == nullptr) {
    cert_ = loaded_certificate{};
    cert_.why = "no certificate of the input pairs with this entry";
    cert_.verdict = {finding_status::unverifiable, {}, how};
    return;
  }
  field_ref pem;
  pem.state = field_state::present;
  pem.text = partner->pem;
  load_certificate(pem);
  if (!cert_.ok) {
    cert_.why = "the paired certificate cannot be decoded";
    cert_.verdict = {finding_status::unverifiable, {}, cert_.why};
  } else {
    cert_.verdict = {finding_status::match, {}, how};
    cert_.paired_by = by;
  }
}

outcome run::probe_certificate(const field_ref& pem) {
  if (is_masked(pem.text)) return {finding_status::masked, {}, {}};
  auto decoded = state.pem_aux.decode(pem.text, &report_->quirks);
  const auto* blocks = decoded.value_ptr();
  if (blocks == nullptr) return {finding_status::invalid, {}, copy(message_of(decoded))};
  if (blocks->empty() || !is_certificate_label(blocks->front().label))
    return {finding_status::invalid, {}, "the first PEM block is not a CERTIFICATE"};
  auto read = x509::read_certificate(blocks->front().der);
  if (!read) return {finding_status::invalid, {}, copy(message_of(read))};
  return {finding_status::match, {}, "decodes; the other fields are compared with the first certificate"};
}

void run::load_reported_key(const field_ref& pem) {
  reported_key_ = loaded_key{};
  if (pem.absent() || is_masked(pem.text)) {
    reported_key_.why = pem.absent() ? "no public key was reported" : "the public key is masked";
  } else if (auto blocks = state.pem_key.decode(pem.text, &report_->quirks); !blocks) {
    reported_key_.why = copy(message_of(blocks));
  } else if (blocks->empty() || blocks->front().label != "PUBLIC KEY") {
    reported_key_.why = "the first PEM block is not a PUBLIC KEY";
  } else if (auto spki = x509::read_public_key(blocks->front().der, &report_->quirks); !spki) {
    reported_key_.why = copy(message_of(spki));
  } else {
    reported_key_ = loaded_key{true, *spki, false, {}};
  }
  // The key checks compare with the certificate's key when there is one.
  if (!key_.ok) key_ = reported_key_.ok ? reported_key_ : loaded_key{false, {}, false, cert_.why};
  if (!key_.ok && !reported_key_.why.empty() && !pem.absent()) key_.why = reported_key_.why;
}

void run::fill_facts() {
  const x509::certificate_view& c = cert_.view;
  certificate_facts& f = report_->facts;
  f.decoded = true;
  // serial: lower-case hex of the magnitude, no leading zeros
  state.bytes.resize(c.serial.size());
  const x509::serial_magnitude mag = x509::integer_magnitude(c.serial, state.bytes);
  state.chars.resize(c.serial.size() * 2 + 2);
  std::size_t n = 0;
  if (mag.negative) state.chars[n++] = '-';
  std::string_view hex = to_hex(mag.magnitude, std::span<char>(state.chars).subspan(n));
  if (!hex.empty() && hex.front() == '0') hex.remove_prefix(1);
  if (hex.empty()) {
    f.serial = mag.negative ? "-0" : "0";
  } else {
    std::memmove(state.chars.data() + n, hex.data(), hex.size());
    f.serial = copy({state.chars.data(), n + hex.size()});
  }
  f.not_before = c.not_before;
  f.not_after = c.not_after;
  f.not_before_known = c.not_before_known;
  f.not_after_known = c.not_after_known;
  if (c.not_before_known && options.now < c.not_before)
    f.validity_at_now = validity_state::not_yet_valid;
  else if (c.not_after_known && options.now > c.not_after)
    f.validity_at_now = validity_state::expired;
  else
    f.validity_at_now = validity_state::valid;
  // Whole days to notAfter, rounded down (floor also below zero).
  const std::int64_t left = (c.not_after - options.now).count();
  f.expires_in_days = left >= 0 ? left / 86400 : -((-left + 86399) / 86400);
  // From the names as attribute sets, which most checks read anyway: one pass over each Name's DER.
  for (const bool subject : {true, false}) {
    auto text = name_text(subject);
    if (text) (subject ? f.subject : f.issuer) = copy(*text);
  }
  if (c.subject_alt_names) {
    x509::general_name_reader reader(*c.subject_alt_names);
    x509::general_name g;
    while (reader.next(g)) {
      certificate_san san;
      switch (g.kind) {
        case x509::general_name_kind::dns: san.type = san_kind::dns; break;
        case x509::general_name_kind::email: san.type = san_kind::email; break;
        case x509::general_name_kind::uri: san.type = san_kind::uri; break;
        case x509::general_name_kind::ip: san.type = san_kind::ip; break;
        default: continue;
      }
      if (san.type == san_kind::ip) {
        std::array<char, 64> buf{};
        const std::string_view text = format_ip(g.value, buf);
        if (text.empty()) continue;  // 8/32-octet forms belong to name constraints
        san.value = copy(text);
      } else {
        san.value = copy(as_text(g.value));
      }
      state.sans.push_back(san);
    }
  }
  f.key_algorithm = key_algorithm_name(c.public_key.type);
  f.key_size = static_cast<std::int32_t>(c.public_key.key_bits);
  state.chars.resize(c.signature_algorithm.oid.size() * 4 + 16);
  f.signature_algorithm = copy(x509::signature_algorithm_name(c.signature_algorithm.oid, state.chars));
  hygiene_warnings(*this);
}

std::span<const certificate_san> run::sans() const noexcept {
  const std::size_t b = state.report_ranges.back().sans_begin;
  return {state.sans.data() + b, state.sans.size() - b};
}

bool run::read_names(bool subject) {
  int& done = subject ? subject_read_ : issuer_read_;
  if (done < 0) done = (subject ? state.subject_set.read(cert_.view.subject).has_value() : read_issuer()) ? 1 : 0;
  return done == 1;
}

// issuer_set as it stands when it last read these very bytes; else read now.
bool run::read_issuer() {
  const std::span<const std::uint8_t> der = cert_.view.issuer.der;
  const std::vector<std::uint8_t>& kept = state.issuer_der;
  if (!kept.empty() && std::equal(der.begin(), der.end(), kept.begin(), kept.end())) return true;
  state.issuer_der.clear();  // until the read succeeds, nothing is kept
  state.issuer_text_known = false;
  if (!state.issuer_set.read(cert_.view.issuer)) return false;
  state.issuer_der.assign(der.begin(), der.end());
  return true;
}

// A Name's RFC 4514 text: from its attribute set when it reads as one (the
// issuer's kept with it), else straight from the DER.
result<std::string_view> run::name_text(bool subject) {
  if (!read_names(subject)) return x509::format_name(subject ? cert_.view.subject : cert_.view.issuer, state.name_text);
  if (subject) return state.subject_set.format(state.name_text);
  if (!state.issuer_text_known) {
    auto text = state.issuer_set.format(state.issuer_text);
    if (!text) return text;
    state.issuer_text_known = true;
  }
  return std::string_view{state.issuer_text};
}

std::span<const x509::name_attribute> run::subject_attrs() {
  return read_names(true) ? state.subject_set.attributes() : std::span<const x509::name_attribute>{};
}

std::span<const x509::name_attribute> run::issuer_attrs() {
  return read_names(false) ? state.issuer_set.attributes() : std::span<const x509::name_attribute>{};
}

std::string_view run::time_text(utc_seconds t) {
  std::array<char, 32> buf{};
  return copy(format_rfc3339(t, buf));
}

std::string_view run::int_text(std::int64_t v) {
  std::array<char, 24> buf{};
  auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  return copy({buf.data(), static_cast<std::size_t>(res.ptr - buf.data())});
}

std::string_view listed(run& r, const field_ref& f) {
  if (f.names == nullptr || !f.names->text.empty()) return f.text;
  std::string& out = r.scratch();
  for (const auto& e : f.names->entries) {
    if (!out.empty()) out += ", ";
    out += e.value;
  }
  return r.copy(out);
}

}  // namespace alicert::internal
