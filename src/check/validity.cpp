// `not_before`, `not_after`, `validity_days`: reported times (to the second)
// and validity days against the certificate's validity.
#include "run.h"

namespace alicert::internal {

outcome check_time(run& r, const field_ref& f, check_id c) {
  const x509::certificate_view& v = r.cert().view;
  const bool before = c == check_id::not_before;
  if (!(before ? v.not_before_known : v.not_after_known))
    return {finding_status::unverifiable, {}, "the certificate's time cannot be read"};
  const utc_seconds actual = before ? v.not_before : v.not_after;
  return {f.time->value == actual ? finding_status::match : finding_status::mismatch, r.time_text(actual), {}};
}

outcome check_days(run& r, const field_ref& f) {
  const x509::certificate_view& v = r.cert().view;
  if (!v.not_before_known || !v.not_after_known)
    return {finding_status::unverifiable, {}, "the certificate's validity cannot be read"};
  const day_span d = days_between(v.not_before, v.not_after);
  std::string_view actual = r.int_text(d.floor);
  if (d.floor != d.ceil) {
    std::string& s = r.scratch();
    s += actual;
    s += " or ";
    s += r.int_text(d.ceil);
    actual = r.copy(s);
  }
  const bool ok = f.integer->value == d.floor || f.integer->value == d.ceil;
  return {ok ? finding_status::match : finding_status::mismatch, actual, {}};
}

}  // namespace alicert::internal
