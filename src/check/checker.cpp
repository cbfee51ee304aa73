// The checker: every reported field of a document against its certificate
// (docs/responses.md, the rightmost column; docs/report.md). Which fields
// feed which checks comes from each API's schema; what a check compares is
// in its family's file; every verdict goes through the ladder of verdict.cpp.
#include "alicert/check/checker.h"

#include "common/memory.h"
#include "plan.h"
#include "responses/schemas/cas.h"
#include "responses/schemas/cdn.h"
#include "responses/schemas/cdn_domain.h"
#include "responses/schemas/kms.h"
#include "responses/schemas/slb.h"
#include "responses/schemas/ssl.h"
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
  r.flags = f.flags;
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
  // The certificate: the first certificate field that is reported (CAS SSL: Cert, else SignCert).
  constexpr std::size_t none = Schema.size();
  std::size_t source = none;
  for (std::size_t i = 0; i < Schema.size(); ++i) {
    if (!Schema[i].checks.has(check_id::certificate)) continue;
    if (source == none || (refs[source].absent() && !refs[i].absent())) source = i;
  }
  if (source != none) {
    refs[source].certificate_source = true;
    r.load_certificate(refs[source], Schema[source].checks.has(check_id::public_key));
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

// CAS SSL GetUserCertificateDetail: its fields against Cert (else SignCert),
// then CertChain's entries against Cert's bundle.
void check_cas_detail(run& r, const cas_certificate_detail_view& v) {
  check_view<internal::schemas::gucd>(r, v, {});
  r.emit(internal::check_chain_info(r, v.cert_chain, internal::schemas::gucd_chain_key));
}

// How reports name a field of another document: its operation and its key,
// "GetUserCertificateDetail.Cert" for the field Cert of cas.GetUserCertificateDetail.
std::string_view partner_field(run& r, api source, std::string_view key) {
  const std::string_view api_text = api_name(source);
  std::string& s = r.scratch();
  s += api_text.substr(api_text.find('.') + 1);
  s += '.';
  s += key;
  return r.copy(s);
}

// The field a detail's certificate comes from (what an unpaired entry lacks).
constexpr std::string_view detail_certificate_key() noexcept {
  for (const auto& f : internal::schemas::gucd)
    if (f.plays == internal::role::certificate_pem) return f.key;
  return {};
}

// An entry without a certificate (CAS SSL orders, SLB): paired with one of
// the input's, named as that document names it.
template <const auto& Schema, class Entry>
void check_paired_entry(run& r, const Entry& e, const internal::pairing& p) {
  r.load_partner(p.partner, p.how, p.by);
  if (p.ambiguous) r.quirks().add(quirk::ambiguous_pair);
  field_ref certificate;
  certificate.name = p.partner != nullptr ? partner_field(r, p.partner->source, p.partner->key)
                                          : partner_field(r, api::cas_get_user_certificate_detail, detail_certificate_key());
  certificate.how = internal::shape::pem;
  certificate.state = field_state::present;
  const outcome o = r.cert().verdict;
  const field_ref* refs[] = {&certificate};
  r.emit(check_id::certificate, refs, &o, 1);
  check_view<Schema>(r, e, {});
}

void check_server_certificate(run& r, const slb_server_certificate_view& e) {
  check_paired_entry<internal::schemas::slb_entry>(r, e, internal::pair_server_certificate(r, e));
  // The one rule: two reported fields are never compared with each other;
  // without a certificate their disagreement is only a note.
  if (!r.cert().ok) internal::note_times_disagree(r, e.expire_time, e.expire_time_stamp);
  internal::note_times_disagree(r, e.create_time, e.create_time_stamp);
}

// An order's id: its CertificateId, or `order:<OrderId>` for an order, which pairs with nothing.
reported_text order_id(run& r, const cas_certificate_order_view& e) {
  if (e.certificate_id.present() || !e.order_id.present()) return e.certificate_id;
  reported_text id = e.order_id;
  std::string& s = r.scratch();
  s += "order:";
  s += e.order_id.value;
  id.text = id.value = r.copy(s);
  return id;
}

// How many certificate reports a document needs.
std::size_t certificate_count(const document_view& doc) noexcept {
  if (doc.cdn) return doc.cdn->cert_infos.size();
  if (doc.cdn_domain) return doc.cdn_domain->cert_infos.size();
  if (doc.cas_orders) return doc.cas_orders->orders.size();
  if (doc.slb) return doc.slb->server_certificates.size();
  return 2;  // CAS SSL: Cert (or SignCert), and EncryptCert
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
  s.candidates.clear();
  s.key = {};
  // run::begin keeps a pointer into `reports`: sized before the run.
  if (!internal::guarded(
          [&] {
            s.reports.reserve(certificate_count(doc));
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
        } else if (doc.cas_detail) {
          one(doc.cas_detail->id, [&] { check_cas_detail(r, *doc.cas_detail); });
          if (!doc.cas_detail->encrypt_cert.absent())
            one(doc.cas_detail->id, [&] { check_view<internal::schemas::gucd_encrypt>(r, *doc.cas_detail, {}); });
        } else if (doc.cas_orders) {
          for (const cas_certificate_order_view& e : doc.cas_orders->orders)
            one(order_id(r, e), [&] {
              check_paired_entry<internal::schemas::luco_entry>(r, e, internal::pair_order(r, e));
            });
        } else if (doc.cdn_domain) {
          const bool dcdn = doc.kind == api::dcdn_describe_domain_certificate_info;
          for (const cdn_domain_cert_info_view& e : doc.cdn_domain->cert_infos)
            one(e.cert_id.present() ? e.cert_id : e.domain_name, [&] {
              if (dcdn)
                check_view<internal::schemas::dcdn_domain_entry>(r, e, {});
              else
                check_view<internal::schemas::cdn_domain_entry>(r, e, {});
            });
        } else if (doc.slb) {
          for (const slb_server_certificate_view& e : doc.slb->server_certificates)
            one(e.server_certificate_id, [&] { check_server_certificate(r, e); });
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

bool certificates_of(const document_view& doc, std::vector<paired_certificate>& out) noexcept {
  namespace sc = internal::schemas;
  return internal::guarded(
      [&] {
        // Every field its schema has check `certificate` read from.
        const auto offer = [&]<const auto& Schema, class View>(const View& v, std::string_view id = {},
                                                               std::string_view identifier = {}) {
          for (const auto& f : Schema)
            if (f.checks.has(check_id::certificate) && f.slot.kind == member_kind::text && (v.*f.slot.text).present())
              out.push_back(paired_certificate{(v.*f.slot.text).value, doc.kind, f.key, id, identifier});
        };
        if (doc.cas) offer.template operator()<sc::cas_certificate>(doc.cas->certificate);
        if (doc.kms_get) offer.template operator()<sc::kms_get>(*doc.kms_get);
        if (doc.cdn)
          for (const auto& e : doc.cdn->cert_infos) offer.template operator()<sc::cdn_cert_info>(e);
        if (doc.cdn_domain)
          for (const auto& e : doc.cdn_domain->cert_infos) {
            if (doc.kind == api::dcdn_describe_domain_certificate_info)
              offer.template operator()<sc::dcdn_domain_entry>(e);
            else
              offer.template operator()<sc::cdn_domain_entry>(e);
          }
        if (const cas_certificate_detail_view* d = doc.cas_detail) {
          offer.template operator()<sc::gucd>(*d, d->id.value, d->cert_identifier.value);
          offer.template operator()<sc::gucd_encrypt>(*d, d->id.value, d->cert_identifier.value);
        }
        return true;
      },
      [] { return false; });
}

}  // namespace alicert
