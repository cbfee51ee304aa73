// `chain`: the issuers a document carries (KMS CertificateChain, CDN HttpsCrt
// from its second block on), nearest first: each certificate must be issued
// by the next one.
#include <algorithm>

#include "alicert/x509/name.h"
#include "run.h"

namespace alicert::check_detail {
namespace {

bool is_certificate_label(std::string_view label) noexcept {
  return label == "CERTIFICATE" || label == "X509 CERTIFICATE";
}

// `issued` names `issuer` as its issuer: byte for byte, or as attribute sets.
bool issued_by(run& r, const x509::certificate_view& issued, const x509::certificate_view& issuer) {
  const auto a = issued.issuer.der, b = issuer.subject.der;
  if (a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin())) return true;
  return r.state.chain_a.read(issued.issuer) && r.state.chain_b.read(issuer.subject) &&
         x509::same_name(r.state.chain_a.attributes(), r.state.chain_b.attributes());
}

}  // namespace

outcome check_chain(run& r, const field_ref& f) {
  std::span<const x509::pem_block> blocks;
  if (f.certificate_source) {
    // The certificate's own PEM: its issuers follow it.
    if (r.cert().blocks.size() < 2) return {finding_status::absent, {}, "no issuer certificates"};
    blocks = r.cert().blocks.subspan(1);
  } else {
    auto decoded = r.state.pem_chain.decode(f.text, &r.quirks());
    if (!decoded) return {finding_status::invalid, {}, r.copy(message_of(decoded))};
    blocks = *decoded;
  }
  x509::certificate_view previous = r.cert().view;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!is_certificate_label(blocks[i].label)) return {finding_status::invalid, {}, "a chain block is not a CERTIFICATE"};
    auto read = x509::read_certificate(blocks[i].der);
    const auto* next = read.value_ptr();
    if (next == nullptr) {
      std::string& note = r.scratch();
      note = "a chain certificate cannot be decoded: ";
      note += message_of(read);
      return {finding_status::invalid, {}, r.copy(note)};
    }
    r.quirks().merge(next->quirks);
    if (!issued_by(r, previous, *next)) {
      std::string& note = r.scratch();
      note += "certificate ";
      note += r.int_text(static_cast<std::int64_t>(i + 1));
      note += " was not issued by certificate ";
      note += r.int_text(static_cast<std::int64_t>(i + 2));
      note += " (issuer ";
      if (auto t = x509::format_name(previous.issuer, r.state.name_text)) note += *t;
      note += ", next subject ";
      if (auto t = x509::format_name(next->subject, r.state.name_text)) note += *t;
      note += ")";
      return {finding_status::mismatch, {}, r.copy(note)};
    }
    previous = *next;
  }
  std::string& note = r.scratch();
  note += r.int_text(static_cast<std::int64_t>(blocks.size()));
  note += blocks.size() == 1 ? " issuer certificate" : " issuer certificates";
  return {finding_status::match, {}, r.copy(note)};
}

}  // namespace alicert::check_detail
