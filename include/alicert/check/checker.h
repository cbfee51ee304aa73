// alicert: the checker, which turns a parsed response plus the certificate it
// carries into findings (spec/responses.md, rightmost column; spec/report.md).
//
// Example:
//
//   alicert::parser p;
//   alicert::checker c;
//   auto doc = p.parse(input);
//   if (!doc) return;
//   const alicert::document_report& report = c.check(*doc, {.now = now});
//   for (const auto& cert : report.certificates)
//     for (const auto& f : cert.findings)
//       print(alicert::check_name(f.check), alicert::status_name(f.status), f.field);
//
// Lifetime: a report and every string in it borrow from the checker (derived
// text: hex, RFC 4514 names, notes), from the parser (the views and records)
// and from the input. It is valid until the checker's next check() or its
// destruction, and while the parser's document and the input are alive.
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "alicert/check/facts.h"
#include "alicert/check/finding.h"
#include "alicert/error.h"
#include "alicert/export.h"
#include "alicert/quirks.h"
#include "alicert/responses/document.h"
#include "alicert/time.h"

namespace alicert {

namespace internal {
struct checker_state;
}

/// How one link of a certificate's chain holds (docs/responses.md, Chains):
/// each certificate must be issued by the next, by name and by signature.
enum class link_status : std::uint8_t {
  verified,         ///< the names chain and the signature verifies with the next certificate's key
  name_mismatch,    ///< the issuer DN is not the next certificate's subject DN
  bad_signature,    ///< the names chain, but the signature does not verify with the next certificate's key
  key_id_mismatch,  ///< the Authority Key Identifier is not the next certificate's Subject Key Identifier
  unsupported,      ///< OpenSSL cannot verify this signature algorithm or key
  undecodable,      ///< the next PEM block is not a certificate alicert can read
};

/// The stable name of `s`, e.g. "bad_signature".
ALICERT_API std::string_view link_status_name(link_status s) noexcept;

/// One link: certificate `position` (1 = the certificate itself) and the next
/// one, its issuer. `reason` says why it fails (English, not a contract);
/// borrowed from the checker like the rest of the report.
struct chain_link {
  std::size_t position{1};
  link_status status{link_status::verified};
  std::string_view reason{};
};

/// One certificate of a document: what it says, and the findings about it.
struct certificate_report {
  /// The reported identifier (Identifier / CertificateId / CertId), as reported.
  reported_text id{};
  /// What the certificate says (`decoded` false when there is none to decode,
  /// e.g. a KMS DescribeCertificate checked without its GetCertificate).
  certificate_facts facts{};
  /// The findings, in check_id order: exactly one per check this API reports.
  /// Where an API reports one property in two fields (CAS Algorithm and
  /// FullAlgorithm), the one finding names both (`field` "Algorithm,FullAlgorithm").
  std::span<const finding> findings{};
  /// Quirks seen while checking (serial_leading_zeros, serial_decimal, der_*, pem_*).
  quirk_set quirks{};
  /// Every link of the chain the document carries (KMS CertificateChain, CDN
  /// HttpsCrt from its second block on), nearest first; empty without one.
  std::span<const chain_link> chain{};

  /// True when some finding is mismatch or invalid.
  [[nodiscard]] bool failed() const noexcept {
    for (const auto& f : findings)
      if (is_failure(f.status)) return true;
    return false;
  }
};

/// The report on one document: one entry per certificate (none for an error envelope).
struct document_report {
  std::span<const certificate_report> certificates{};
  /// The document's own quirks (from the parser) merged with those of every certificate.
  quirk_set quirks{};
  /// Set when the checker could not have the memory this report needed: the
  /// report then lists no certificate (the README's out-of-memory policy).
  bool out_of_memory{false};

  [[nodiscard]] bool failed() const noexcept {
    for (const auto& c : certificates)
      if (c.failed()) return true;
    return false;
  }
};

/// A certificate that another document of the same input carries, offered
/// to the entries that carry none: cas.ListUserCertificateOrder and
/// slb.DescribeServerCertificates pair with one by id, else by digest
/// (docs/siblings.md, sections 2 and 4). certificates_of() lists a document's.
struct paired_certificate {
  /// Its PEM text, the leaf first. Read during check() only.
  std::string_view pem{};
  /// The API and the field it came from: reports name it "<operation>.<key>",
  /// e.g. "GetUserCertificateDetail.Cert".
  api source{api::cas_get_user_certificate_detail};
  std::string_view key{};
  /// The cas.GetUserCertificateDetail `Id` and `CertIdentifier` it came with
  /// (empty for other APIs): the keys entries pair by first.
  std::string_view cas_id{};
  std::string_view cas_identifier{};
};

/// How to check one document.
struct check_options {
  /// The reference time for `validity_at_now`.
  utc_seconds now{};
  /// Set when more than one GetCertificate had the describe's CertificateId:
  /// `paired_get` is the first of them, and the `certificate` note says so.
  bool paired_get_ambiguous{false};
  /// For a kms.DescribeCertificate document: the GetCertificate response with
  /// the same CertificateId, if any. Only its PEM fields are read, during the
  /// call; it may come from another parser. Null: the certificate-dependent
  /// checks are `unverifiable`, and the `certificate` finding's note says that
  /// no GetCertificate was found within the pairing window (`alicert check`
  /// pairs documents within --pair-window). Ignored for every other API.
  const kms_get_view* paired_get{nullptr};
  /// For cas.ListUserCertificateOrder and slb.DescribeServerCertificates: the
  /// certificates of the other documents of the input, in input order (the
  /// first of several that fit counts, with quirk ambiguous_pair). Empty:
  /// every certificate-dependent check is `unverifiable`. Ignored for every other API.
  std::span<const paired_certificate> certificates{};
};

/// Appends the certificates `doc` carries, as candidates for pairing (one
/// per certificate field that is present: PCA X509Certificate, KMS
/// GetCertificate Certificate, CDN HttpsCrt and ServerCertificate / SSLPub,
/// CAS SSL Cert, SignCert and EncryptCert). Their strings borrow from `doc`:
/// copy them to keep them past the parser's next parse. Never throws: false
/// when `out` could not grow.
ALICERT_API bool certificates_of(const document_view& doc, std::vector<paired_certificate>& out) noexcept;

/// Reusable checker. Holds OpenSSL digest handles (fetched once), PEM
/// decoders and scratch buffers; once it has seen its largest document it no
/// longer allocates. Not thread-safe: use one per thread. Leaves the OpenSSL
/// error queue as it found it. A moved-from checker may only be destroyed or
/// assigned to.
class checker {
 public:
  /// Never throws: without memory for its state, every check() reports out_of_memory.
  ALICERT_API checker() noexcept;
  ALICERT_API ~checker();
  ALICERT_API checker(checker&&) noexcept;
  ALICERT_API checker& operator=(checker&&) noexcept;
  checker(const checker&) = delete;
  checker& operator=(const checker&) = delete;

  /// Checks every certificate of `doc`. Problems with the reported values or
  /// the certificate are findings, never errors, so there is always a report.
  /// The report borrows as stated at the top of this file. Typical cost:
  /// about 10 microseconds per CAS document.
  ALICERT_API const document_report& check(const document_view& doc, const check_options& options) noexcept;

 private:
  std::unique_ptr<internal::checker_state> state_;
  document_report report_;
};

}  // namespace alicert
