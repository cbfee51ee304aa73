#include "prometheus.h"

#include <charconv>

#include "common/chars.h"

namespace alicert::cli {
namespace {

void append_number(std::string& out, std::int64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_label(std::string& out, std::string_view name, std::string_view value, bool& first) {
  out += first ? '{' : ',';
  first = false;
  out += name;
  out += "=\"";
  append_label_value(out, value);
  out += '"';
}

// The first CN of an RFC 4514 name (RFC 4514 writes the most specific RDN
// first), unescaped: `\,` is a comma, `\c3\a9` two bytes.
std::string common_name_of(std::string_view rfc4514) {
  std::size_t begin = 0;
  while (begin < rfc4514.size()) {
    std::size_t end = begin;
    while (end < rfc4514.size() && rfc4514[end] != ',' && rfc4514[end] != '+') end += rfc4514[end] == '\\' ? 2 : 1;
    if (end > rfc4514.size()) end = rfc4514.size();
    const std::string_view rdn = rfc4514.substr(begin, end - begin);
    if (rdn.size() > 3 && rdn.substr(0, 3) == "CN=") {
      std::string value;
      for (std::size_t i = 3; i < rdn.size(); ++i) {
        if (rdn[i] != '\\' || i + 1 >= rdn.size()) {
          value += rdn[i];
        } else if (i + 2 < rdn.size() && internal::hex_value(rdn[i + 1]) >= 0 && internal::hex_value(rdn[i + 2]) >= 0) {
          value += static_cast<char>(internal::hex_value(rdn[i + 1]) * 16 + internal::hex_value(rdn[i + 2]));
          i += 2;
        } else {
          value += rdn[++i];
        }
      }
      return value;
    }
    begin = end + 1;
  }
  return {};
}

void family(std::string& out, std::string_view name, std::string_view help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += " gauge\n";
}

}  // namespace

void append_label_value(std::string& out, std::string_view value) {
  std::size_t i = 0;
  while (i < value.size()) {
    std::uint32_t cp = 0;
    const std::size_t n = internal::utf8_sequence(value, i, cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (cp == '\\') out += "\\\\";
    else if (cp == '"') out += "\\\"";
    else if (cp == '\n') out += "\\n";
    else out.append(value.data() + i, n);
    i += n;
  }
}

void prometheus_writer::add(const output_record& r) {
  if (r.error != nullptr) ++errors_;
  else if (r.api_error != nullptr) ++api_errors_;
  else ++ok_;
  for (const certificate_report& c : r.certificates) {
    series s;
    bool first = true;
    append_label(s.labels, "api", r.kind ? api_name(*r.kind) : std::string_view{}, first);
    append_label(s.labels, "id", reported_id(c).value_or(std::string_view{}), first);
    append_label(s.labels, "serial_number", c.facts.decoded ? c.facts.serial : std::string_view{}, first);
    append_label(s.labels, "subject_CN", c.facts.decoded ? common_name_of(c.facts.subject) : std::string_view{}, first);
    append_label(s.labels, "issuer_CN", c.facts.decoded ? common_name_of(c.facts.issuer) : std::string_view{}, first);
    append_label(s.labels, "input", r.input, first);
    s.labels += '}';
    s.decoded = c.facts.decoded && c.facts.not_before_known && c.facts.not_after_known;
    s.not_before = c.facts.not_before.time_since_epoch().count();
    s.not_after = c.facts.not_after.time_since_epoch().count();
    s.expired = c.facts.validity_at_now == validity_state::expired;
    for (const finding& f : c.findings) {
      ++findings_[static_cast<std::size_t>(f.check)][static_cast<std::size_t>(f.status)];
      if (is_failure(f.status)) ++s.failed_checks;
    }
    certificates_.push_back(std::move(s));
  }
}

void prometheus_writer::append(const prometheus_writer& later) {
  certificates_.insert(certificates_.end(), later.certificates_.begin(), later.certificates_.end());
  for (std::size_t c = 0; c < findings_.size(); ++c)
    for (std::size_t st = 0; st < findings_[c].size(); ++st) findings_[c][st] += later.findings_[c][st];
  ok_ += later.ok_;
  errors_ += later.errors_;
  api_errors_ += later.api_errors_;
}

void prometheus_writer::clear() noexcept {
  certificates_.clear();
  findings_ = {};
  ok_ = errors_ = api_errors_ = 0;
}

void prometheus_writer::finish(std::string& out) const {
  family(out, "x509_cert_not_before", "The date after which the certificate is valid, in Unix seconds.");
  for (const series& s : certificates_)
    if (s.decoded) {
      out += "x509_cert_not_before";
      out += s.labels;
      out += ' ';
      append_number(out, s.not_before);
      out += '\n';
    }
  family(out, "x509_cert_not_after", "The date after which the certificate expires, in Unix seconds.");
  for (const series& s : certificates_)
    if (s.decoded) {
      out += "x509_cert_not_after";
      out += s.labels;
      out += ' ';
      append_number(out, s.not_after);
      out += '\n';
    }
  family(out, "x509_cert_expired", "1 when the certificate has expired at the reference time, else 0.");
  for (const series& s : certificates_)
    if (s.decoded) {
      out += "x509_cert_expired";
      out += s.labels;
      out += s.expired ? " 1\n" : " 0\n";
    }
  family(out, "alicert_cert_failed_checks", "Findings of the certificate that are mismatch or invalid.");
  for (const series& s : certificates_) {
    out += "alicert_cert_failed_checks";
    out += s.labels;
    out += ' ';
    append_number(out, s.failed_checks);
    out += '\n';
  }
  family(out, "alicert_findings", "Findings of every certificate, by check and status.");
  for (unsigned c = 0; c < check_count; ++c)
    for (unsigned st = 0; st < 6; ++st) {
      if (findings_[c][st] == 0) continue;
      out += "alicert_findings{check=\"";
      out += check_name(static_cast<check_id>(c));
      out += "\",status=\"";
      out += status_name(static_cast<finding_status>(st));
      out += "\"} ";
      append_number(out, static_cast<std::int64_t>(findings_[c][st]));
      out += '\n';
    }
  family(out, "alicert_documents", "Documents read, by outcome.");
  const std::pair<const char*, std::uint64_t> docs[] = {{"ok", ok_}, {"error", errors_}, {"api_error", api_errors_}};
  for (const auto& [name, n] : docs) {
    out += "alicert_documents{status=\"";
    out += name;
    out += "\"} ";
    append_number(out, static_cast<std::int64_t>(n));
    out += '\n';
  }
}

}  // namespace alicert::cli
