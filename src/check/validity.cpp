// `not_before`, `not_after`, `validity_days`, `expired`: reported times (to
// the second; dates to the day), validity days and the expired flag against
// the certificate's validity.
#include "common/time_parse.h"
#include "run.h"

namespace alicert::internal {
namespace {

constexpr std::chrono::seconds utc8{8 * 3600};

utc_seconds midnight_of(utc_seconds t) noexcept {
  const std::int64_t s = t.time_since_epoch().count();
  const std::int64_t day = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
  return utc_seconds{std::chrono::seconds{day * 86400}};
}

}  // namespace

outcome check_time(run& r, const field_ref& f, check_id c) {
  const x509::certificate_view& v = r.cert().view;
  const bool before = c == check_id::not_before;
  if (!(before ? v.not_before_known : v.not_after_known))
    return {finding_status::unverifiable, {}, "the certificate's time cannot be read"};
  const utc_seconds actual = before ? v.not_before : v.not_after;
  const utc_seconds reported = f.time->value;
  if (f.how == internal::shape::date) {
    // `YYYY-MM-DD` names no zone: the certificate's UTC date, or its date in UTC+8 (decision 3).
    if (reported == midnight_of(actual)) return {finding_status::match, r.time_text(actual), "the UTC date"};
    if (reported == midnight_of(actual + utc8)) {
      r.quirks().add(quirk::date_utc8);
      return {finding_status::match, r.time_text(actual), "the date in UTC+8"};
    }
    return {finding_status::mismatch, r.time_text(actual), "compared to the day"};
  }
  if (reported == actual) return {finding_status::match, r.time_text(actual), {}};
  // A time without a zone was read as UTC; the service may have meant UTC+8.
  if (f.how == internal::shape::any_time && is_zoneless_time(f.text) && reported - utc8 == actual) {
    r.quirks().add(quirk::time_utc8);
    return {finding_status::match, r.time_text(actual), "the time in UTC+8"};
  }
  return {finding_status::mismatch, r.time_text(actual), {}};
}

outcome check_expired(run& r, const field_ref& f) {
  const x509::certificate_view& v = r.cert().view;
  if (!v.not_after_known) return {finding_status::unverifiable, {}, "the certificate's notAfter cannot be read"};
  const bool expired = v.not_after < r.options.now;
  std::string& note = r.scratch();
  note += expired ? "notAfter is before --now (" : "notAfter is not before --now (";
  note += r.time_text(r.options.now);
  note += ')';
  return {f.boolean->value == expired ? finding_status::match : finding_status::mismatch,
          expired ? "true" : "false", r.copy(note)};
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

void note_times_disagree(run& r, const reported_time& a, const reported_time& b) {
  if (a.present() && b.present() && a.value != b.value) r.quirks().add(quirk::reported_times_disagree);
}

}  // namespace alicert::internal
