// The checker: every reported field of a document against its certificate
// (docs/responses.md, the rightmost column; docs/report.md). Which fields
// feed which checks comes from each API's schema; what a check compares is
// in its family's file; every verdict goes through the ladder of verdict.cpp.
#include "alicert/check/checker.h"

#include "common/memory.h"
#include "plan.h"
#include "responses/schemas/cas.h"
#include "responses/schemas/cdn.h"
#include "responses/schemas/kms.h"
#include "run.h"

namespace alicert {

namespace {

using internal::field_ref;
using internal::outcome;
using internal::run;
using internal::field;
using internal::member_kind;

// Fills `r` (a default field_ref) in place: a field_ref built here and
// copied out was read back before its byte-sized stores had landed, a
// store-forwarding stall per field (a third of check_view's own time).
template <class View>
void ref_of(const field<View>& f, const View& v, std::string_view name, field_ref& r) noexcept {
  r.name = name;
  r.how = f.how;
  const auto take = [&](const auto& reported) {
    r.state = reported.state;
    r.text = reported.text;
    r.offset = reported.offset;
  };
  switch (f.slot.kind) {
    case member_kind::text: take(v.*f.slot.text); break;
    case member_kind::integer: take(v.*f.slot.integer); r.integer = &(v.*f.slot.integer); break;
    case member_kind::boolean: take(v.*f.slot.boolean); r.boolean = &(v.*f.slot.boolean); break;
    case member_kind::time: take(v.*f.slot.time); r.time = &(v.*f.slot.time); break;
    case member_kind::names: take(v.*f.slot.names); r.names = &(v.*f.slot.names); break;
    case member_kind::tags: take(v.*f.slot.tags); break;
  }
}

// The name a report gives a field: its key, with the API's prefix if any.
std::string_view name_of(run& r, std::string_view prefix, std::string_view key) {
  if (prefix.empty()) return key;
  std::string& s = r.scratch();
  s += prefix;
  s += key;
  return r.copy(s);
}

// Checks one view by its schema: loads what the schema names as the
// certificate and the reported key, then runs the plan, one finding per check.
template <const auto& Schema, class View>
void check_view(run& r, const View& v, std::string_view prefix) {
  static constexpr auto plan = internal::make_plan(Schema);
  std::array<field_ref, Schema.size()> refs;
  for (std::size_t i = 0; i < Schema.size(); ++i) ref_of(Schema[i], v, name_of(r, prefix, Schema[i].key), refs[i]);
  for (std::size_t i = 0; i < Schema.size(); ++i)
    if (Schema[i].checks.has(check_id::certificate)) {
      refs[i].certificate_source = true;
      r.load_certificate(refs[i]);
    }
  for (std::size_t i = 0; i < Schema.size(); ++i)
    if (Schema[i].checks.has(check_id::public_key)) r.load_reported_key(refs[i]);
  bool sha256 = false, md5 = false;
  for (std::size_t i = 0; i < Schema.size(); ++i) {
    sha256 = sha256 || (Schema[i].checks.has(check_id::sha256) && !refs[i].absent());
    md5 = md5 || (Schema[i].checks.has(check_id::md5) && !refs[i].absent());
  }
  internal::digest_facts(r, sha256, md5);

  std::array<const field_ref*, 4> group{};
  std::array<outcome, 4> outcomes{};
  for (std::size_t s = 0; s < plan.size;) {
    const check_id c = plan.steps[s].check;
    std::size_t n = 0;
    for (; s < plan.size && plan.steps[s].check == c; ++s) {
      if (n == group.size()) continue;
      group[n] = &refs[plan.steps[s].row];
      outcomes[n] = internal::decide(r, c, *group[n]);
      ++n;
    }
    r.emit(c, group.data(), outcomes.data(), n);
  }
}

// A KMS DescribeCertificate: its certificate is the paired GetCertificate's,
// named as that API names it; its `certificate` finding says how it was found.
void check_kms_describe(run& r, const kms_describe_view& v) {
  r.load_paired(r.options.paired_get);
  field_ref certificate;
  for (const auto& f : internal::schemas::kms_get)
    if (f.checks.has(check_id::certificate)) certificate.name = name_of(r, internal::schemas::kms_get_field_prefix, f.key);
  certificate.how = internal::shape::pem;
  certificate.state = field_state::present;
  const outcome o = r.cert().verdict;
  const field_ref* refs[] = {&certificate};
  r.emit(check_id::certificate, refs, &o, 1);
  check_view<internal::schemas::kms_describe>(r, v, {});
}

}  // namespace

// Without the memory for its state, a checker is made all the same and each
// check reports out_of_memory.
checker::checker() noexcept
    : state_(internal::guarded(
          [] {
            auto s = std::make_unique<internal::checker_state>();
            s->findings.reserve(64);
            s->sans.reserve(32);
            s->reports.reserve(4);
            s->report_ranges.reserve(4);
            s->join.reserve(256);
            s->name_text.reserve(256);
            s->key_text.reserve(256);
            return s;
          },
          [] { return std::unique_ptr<internal::checker_state>(); })) {}
checker::~checker() = default;
checker::checker(checker&&) noexcept = default;
checker& checker::operator=(checker&&) noexcept = default;

const document_report& checker::check(const document_view& doc, const check_options& options) noexcept {
  internal::openssl_error_mark mark;
  if (!state_) {
    report_ = document_report{};
    report_.out_of_memory = true;
    return report_;
  }
  internal::checker_state& s = *state_;
  s.arena.reset();
  s.findings.clear();
  s.sans.clear();
  s.reports.clear();
  s.report_ranges.clear();
  s.links.clear();
  s.warnings.clear();
  // run::begin keeps a pointer into `reports`: sized before the run.
  if (!internal::guarded(
          [&] {
            s.reports.reserve(doc.cdn ? doc.cdn->cert_infos.size() : 1);
            return true;
          },
          [] { return false; })) {
    report_ = document_report{};
    report_.out_of_memory = true;
    return report_;
  }

  run r(s, options);
  const auto one = [&](const reported_text& id, auto&& body) {
    r.begin(id);
    body();
    r.end();
  };
  const bool complete = internal::guarded(
      [&] {
        if (doc.cas) {
          one(doc.cas->certificate.identifier,
              [&] { check_view<internal::schemas::cas_certificate>(r, doc.cas->certificate, {}); });
        } else if (doc.kms_describe) {
          one(doc.kms_describe->certificate_id, [&] { check_kms_describe(r, *doc.kms_describe); });
        } else if (doc.kms_get) {
          one(doc.kms_get->certificate_id, [&] {
            check_view<internal::schemas::kms_get>(r, *doc.kms_get, internal::schemas::kms_get_field_prefix);
          });
        } else if (doc.cdn) {
          for (const cdn_cert_info_view& entry : doc.cdn->cert_infos)
            one(entry.cert_id, [&] { check_view<internal::schemas::cdn_cert_info>(r, entry, {}); });
        }
        return true;
      },
      [] { return false; });
  if (!complete) {
    report_ = document_report{};
    report_.quirks = doc.quirks;
    report_.out_of_memory = true;
    return report_;
  }

  report_ = document_report{};
  report_.quirks = doc.quirks;
  for (std::size_t i = 0; i < s.reports.size(); ++i) {
    const auto& rg = s.report_ranges[i];
    certificate_report& c = s.reports[i];
    c.findings = std::span<const finding>(s.findings.data() + rg.findings_begin, rg.findings_end - rg.findings_begin);
    c.facts.sans = std::span<const certificate_san>(s.sans.data() + rg.sans_begin, rg.sans_end - rg.sans_begin);
    c.chain = std::span<const chain_link>(s.links.data() + rg.links_begin, rg.links_end - rg.links_begin);
    c.facts.warnings = std::span<const certificate_warning>(s.warnings.data() + rg.warnings_begin,
                                                            rg.warnings_end - rg.warnings_begin);
    report_.quirks.merge(c.quirks);
  }
  report_.certificates = s.reports;
  return report_;
}

}  // namespace alicert
