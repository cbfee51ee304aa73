// Internal: checking one certificate: what the checks compare (the reported
// field, the certificate or its key), the one verdict ladder they all go
// through, and the scratch they share.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "alicert/check/checker.h"
#include "alicert/x509/certificate.h"
#include "alicert/x509/pem.h"
#include "responses/schema.h"
#include "state.h"

namespace alicert::internal {

/// A reported field as a check sees it.
struct field_ref {
  std::string_view name;  ///< as the report names it, e.g. "SerialNumber", "GetCertificate.Csr"
  internal::shape how{internal::shape::text};
  field_state state{field_state::absent};
  std::string_view text{};  ///< as sent (a list sent as an array: empty; see listed())
  std::size_t offset{0};
  const reported_int* integer{nullptr};
  const reported_bool* boolean{nullptr};
  const reported_time* time{nullptr};
  const reported_names* names{nullptr};
  unsigned flags{0};               ///< the schema row's flags (schema.h)
  bool certificate_source{false};  ///< the field the certificate itself was read from

  [[nodiscard]] bool absent() const noexcept { return state == field_state::absent; }
};

/// The verdict on one field, before the fields of one check are merged.
struct outcome {
  finding_status status{finding_status::absent};
  std::string_view actual{};
  std::string_view note{};
};

/// The decoded certificate a document carries (or a KMS describe's pair).
struct loaded_certificate {
  bool ok{false};
  x509::certificate_view view{};
  std::span<const x509::pem_block> blocks{};  ///< every block of its PEM field
  std::string_view why{};                      ///< why there is none, for unverifiable notes
  outcome verdict{};                           ///< the `certificate` finding
  check_id paired_by{no_check};                ///< the digest check that paired an entry with it, if any
};

/// The key the key checks compare with: the certificate's, else a reported one.
struct loaded_key {
  bool ok{false};
  x509::spki_view key{};
  bool from_certificate{false};
  std::string_view why{};
};

/// Checking one certificate of a document.
class run {
 public:
  run(internal::checker_state& s, const check_options& o) noexcept : state(s), options(o) {}

  // -- the report -------------------------------------------------------------
  void begin(const reported_text& id);
  void end();
  void emit(check_id c, const field_ref* const* fields, const outcome* outcomes, std::size_t n);
  void emit(const finding& f) { state.findings.push_back(f); }
  [[nodiscard]] certificate_report& report() noexcept { return *report_; }
  quirk_set& quirks() noexcept { return report_->quirks; }

  // -- what the checks compare with ----------------------------------------------
  /// Decodes the certificate from `pem` (the `certificate` verdict kept in
  /// cert()). `key_allowed`: a PUBLIC KEY block there is no fault, only
  /// nothing to compare with (CDN's per-domain ServerCertificate).
  void load_certificate(const field_ref& pem, bool key_allowed = false);
  /// The paired GetCertificate's certificate, for a KMS describe.
  void load_paired(const kms_get_view* get);
  /// A certificate of another document, paired with this entry (pairing.cpp):
  /// `how` says by what, for the `certificate` note; null `pem`: none was found.
  void load_partner(const paired_certificate* partner, std::string_view how, check_id by);
  /// Whether `pem` alone decodes to a certificate (a second certificate
  /// field, as CAS SSL SignCert beside Cert): the `certificate` verdict on it.
  outcome probe_certificate(const field_ref& pem);
  /// A reported public key (KMS SubjectPublicKey): the key checks' basis when
  /// there is no certificate, and the `public_key` finding's reported value.
  void load_reported_key(const field_ref& pem);
  [[nodiscard]] const loaded_certificate& cert() const noexcept { return cert_; }
  [[nodiscard]] const loaded_key& key() const noexcept { return key_; }
  [[nodiscard]] const loaded_key& reported_key() const noexcept { return reported_key_; }
  [[nodiscard]] std::span<const certificate_san> sans() const noexcept;
  std::span<const x509::name_attribute> subject_attrs();
  std::span<const x509::name_attribute> issuer_attrs();
  /// False when the certificate's subject (or issuer) Name cannot be read as attributes.
  bool names_readable(bool subject) { return read_names(subject); }

  // -- scratch --------------------------------------------------------------------
  std::string_view copy(std::string_view s) { return state.arena.copy(s); }
  std::string_view time_text(utc_seconds t);
  std::string_view int_text(std::int64_t v);
  /// `s.join` cleared, for building a note or a list.
  std::string& scratch() {
    state.join.clear();
    return state.join;
  }

  internal::checker_state& state;
  const check_options& options;

 private:
  void fill_facts();
  bool read_names(bool subject);
  bool read_issuer();
  result<std::string_view> name_text(bool subject);

  certificate_report* report_{nullptr};
  loaded_certificate cert_{};
  loaded_key key_{}, reported_key_{};
  int subject_read_{-1}, issuer_read_{-1};  // -1 not yet, 0 failed, 1 read
};

/// The value of a list as text: as sent when it was a string, else its entries joined.
std::string_view listed(run& r, const field_ref& f);

/// The message of a failed result, or nothing.
template <class T>
std::string_view message_of(const result<T>& res) noexcept {
  const auto* e = res.error_ptr();
  return e != nullptr ? std::string_view(e->message) : std::string_view{};
}

// -- the check families, one file each: the comparison step of the ladder ------
outcome check_serial(run& r, const field_ref& f);            // serial.cpp
outcome check_time(run& r, const field_ref& f, check_id c);  // validity.cpp
outcome check_days(run& r, const field_ref& f);              // validity.cpp
outcome check_digest(run& r, const field_ref& f, check_id c);  // digests.cpp
/// The certificate's SHA-256 and/or MD5 into its facts: each done when the
/// API reports that fingerprint, even masked; both in one pass.  // digests.cpp
void digest_facts(run& r, bool sha256, bool md5);
outcome check_dn(run& r, const field_ref& f, check_id c);      // names.cpp
outcome check_attribute(run& r, const field_ref& f, check_id c);  // names.cpp
outcome check_sans(run& r, const field_ref& f);              // sans.cpp
outcome check_domains(run& r, const field_ref& f);           // domains.cpp
outcome check_key_algorithm(run& r, const field_ref& f);     // keys.cpp
outcome check_key_size(run& r, const field_ref& f);          // keys.cpp
outcome check_key_spec(run& r, const field_ref& f);          // keys.cpp
outcome check_signature_algorithm(run& r, const field_ref& f);  // keys.cpp
outcome check_key_identifier(run& r, const field_ref& f);    // keys.cpp
outcome check_public_key(run& r, const field_ref& f);        // keys.cpp
outcome check_csr(run& r, const field_ref& f);               // keys.cpp
outcome check_chain(run& r, const field_ref& f);             // chain.cpp
outcome check_fingerprint(run& r, const field_ref& f);       // digests.cpp
outcome check_issuer_name(run& r, const field_ref& f);       // names.cpp
outcome check_cert_domain_name(run& r, const field_ref& f);  // domains.cpp
outcome check_expired(run& r, const field_ref& f);           // validity.cpp
outcome check_private_key(run& r, const field_ref& f);       // private_key.cpp
/// The `private_key` finding's reported text: "(private key)", its type and size, never a byte of it.
std::string_view private_key_label(run& r, const field_ref& f);  // private_key.cpp
/// `chain_info`: CAS SSL CertChain's entries against the certificates of the bundle (chain_info.cpp).
finding check_chain_info(run& r, const reported_list<cas_chain_entry_view>& chain, std::string_view key);
/// Quirk reported_times_disagree when two reported times of one property
/// differ (to the second), with nothing else to say about them (validity.cpp).
void note_times_disagree(run& r, const reported_time& a, const reported_time& b);

/// The certificate an entry without one pairs with (pairing.cpp): by id,
/// else by digest (docs/siblings.md, sections 2 and 4).
struct pairing {
  const paired_certificate* partner{nullptr};
  std::string_view how{};        ///< for the `certificate` note
  check_id by{no_check};         ///< the digest check it paired by, if it did
  bool ambiguous{false};         ///< another candidate fitted too
};
pairing pair_order(run& r, const cas_certificate_order_view& e);
pairing pair_server_certificate(run& r, const slb_server_certificate_view& e);
/// The hygiene warnings of the loaded certificate, into the state (hygiene.cpp).
void hygiene_warnings(run& r);

/// The one verdict ladder every check goes through (verdict.cpp): absent,
/// then masked, then nothing to compare with (unverifiable), then unreadable
/// (invalid), then the comparison of the check's family.
outcome decide(run& r, check_id c, const field_ref& f);

/// Where a status stands when the verdicts of several fields (or entries)
/// make one finding: mismatch, invalid, masked, match, unverifiable, absent.
constexpr int merge_rank(finding_status s) noexcept {
  switch (s) {
    case finding_status::mismatch: return 0;
    case finding_status::invalid: return 1;
    case finding_status::masked: return 2;
    case finding_status::match: return 3;
    case finding_status::unverifiable: return 4;
    case finding_status::absent: return 5;
  }
  return 5;
}

/// One finding from the outcomes of every field that feeds check `c`
/// (verdict.cpp): the first of mismatch, invalid, masked, match,
/// unverifiable that any present field got, absent when none is present.
finding merge(run& r, check_id c, const field_ref* const* fields, const outcome* outcomes, std::size_t n);

}  // namespace alicert::internal
