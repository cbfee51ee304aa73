// `chain_info` (CAS SSL CertChain): each reported entry against the
// certificate of `Cert`'s bundle with that subject CN and issuer CN, its
// NotBefore and NotAfter to the second. RemainDay depends on when the service
// answered and is not compared. One finding; the note lists each entry.
#include "alicert/check/compare.h"
#include "alicert/x509/oid.h"
#include "run.h"

namespace alicert::internal {
namespace {

// The first CN of `set`, read from `name`.
std::string_view common_name_of(x509::name_set& set, x509::name_view name) {
  auto attrs = set.read(name);
  if (!attrs) return {};
  for (const auto& a : *attrs)
    if (x509::same_oid(a.type, x509::oids::common_name)) return a.value;
  return {};
}

// The bundle certificate with this subject CN and issuer CN, if any.
bool find_in_bundle(run& r, std::string_view subject_cn, std::string_view issuer_cn, x509::certificate_view& out) {
  for (const x509::pem_block& b : r.cert().blocks) {
    auto c = x509::read_certificate(b.der);
    if (!c) continue;
    if (common_name_of(r.state.chain_a, c->subject) == subject_cn &&
        common_name_of(r.state.chain_b, c->issuer) == issuer_cn) {
      out = *c;
      return true;
    }
  }
  return false;
}


// One entry's verdict, its times compared where they are reported.
finding_status check_entry(run& r, const cas_chain_entry_view& e, std::string& note) {
  if (is_masked(e.common_name.text) || is_masked(e.issuer_common_name.text)) return finding_status::masked;
  if (e.not_before.state == field_state::unreadable || e.not_after.state == field_state::unreadable) {
    note += "a time cannot be read";
    return finding_status::invalid;
  }
  x509::certificate_view c;
  if (!find_in_bundle(r, e.common_name.value, e.issuer_common_name.value, c)) {
    note += "not in the bundle";
    return finding_status::unverifiable;
  }
  const bool before_ok = !e.not_before.present() || (c.not_before_known && e.not_before.value == c.not_before);
  const bool after_ok = !e.not_after.present() || (c.not_after_known && e.not_after.value == c.not_after);
  if (before_ok && after_ok) {
    note += "matches";
    return finding_status::match;
  }
  note += !before_ok ? "NotBefore differs (certificate " : "NotAfter differs (certificate ";
  note += r.time_text(!before_ok ? c.not_before : c.not_after);
  note += ')';
  return finding_status::mismatch;
}

}  // namespace

finding check_chain_info(run& r, const reported_list<cas_chain_entry_view>& chain, std::string_view key) {
  finding out;
  out.check = check_id::chain_info;
  out.field = key;
  out.status = finding_status::absent;
  if (!chain.present()) return out;
  out.offset = chain.offset;
  std::string& reported = r.scratch();
  for (const auto& e : chain.entries) {
    if (!reported.empty()) reported += ", ";
    reported += e.common_name.text;
    reported += " (issuer ";
    reported += e.issuer_common_name.text;
    reported += ')';
  }
  out.reported = r.copy(reported);
  if (!r.cert().ok) {
    out.status = finding_status::unverifiable;
    out.note = r.cert().why;
    return out;
  }
  std::string& note = r.scratch();  // nothing below uses the scratch
  out.status = finding_status::unverifiable;
  bool first = true;
  for (const auto& e : chain.entries) {
    note += first ? "" : "; ";
    first = false;
    note += e.common_name.text;
    note += ": ";
    const finding_status s = check_entry(r, e, note);
    if (merge_rank(s) < merge_rank(out.status)) out.status = s;
  }
  out.note = r.copy(note);
  return out;
}

}  // namespace alicert::internal
