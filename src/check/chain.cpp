// `chain`: the issuers a document carries (KMS CertificateChain, CDN HttpsCrt
// from its second block on), nearest first. Each certificate must be issued
// by the next one: its issuer DN is the next one's subject DN, and its
// signature verifies with the next one's public key (signature.cpp). Every
// link is reported (certificate_report::chain); the finding says the worst.
#include <algorithm>

#include "alicert/x509/name.h"
#include "run.h"

namespace alicert::internal {
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

// The note of a link that fails by its names: both names, so the reader sees which.
std::string_view name_note(run& r, const x509::certificate_view& issued, const x509::certificate_view& issuer) {
  std::string& note = r.scratch();
  note += "its issuer ";
  if (auto t = x509::format_name(issued.issuer, r.state.name_text)) note += *t;
  note += " is not the next subject ";
  if (auto t = x509::format_name(issuer.subject, r.state.name_text)) note += *t;
  return r.copy(note);
}

chain_link check_link(run& r, std::size_t position, const x509::certificate_view& issued,
                      const x509::certificate_view& issuer) {
  if (!issued_by(r, issued, issuer)) return {position, link_status::name_mismatch, name_note(r, issued, issuer)};
  std::string_view why;
  switch (r.state.verifier.verify(issued, issuer.public_key.der, why)) {
    case signature_verifier::verdict::valid:
      // Where both carry them, the issued certificate's AKI names the issuer's SKI.
      if (issued.authority_key_identifier && issuer.subject_key_identifier &&
          !std::equal(issued.authority_key_identifier->begin(), issued.authority_key_identifier->end(),
                      issuer.subject_key_identifier->begin(), issuer.subject_key_identifier->end()))
        return {position, link_status::key_id_mismatch,
                "its Authority Key Identifier is not the next certificate's Subject Key Identifier"};
      return {position, link_status::verified, {}};
    case signature_verifier::verdict::invalid: return {position, link_status::bad_signature, why};
    case signature_verifier::verdict::unsupported: return {position, link_status::unsupported, why};
  }
  return {position, link_status::unsupported, why};
}

// The finding's status for a link: mismatches first, then what could not be
// read, then what could not be verified.
int severity(link_status s) noexcept {
  switch (s) {
    case link_status::name_mismatch:
    case link_status::bad_signature:
    case link_status::key_id_mismatch: return 3;
    case link_status::undecodable: return 2;
    case link_status::unsupported: return 1;
    case link_status::verified: return 0;
  }
  return 0;
}

outcome summarize(run& r, std::span<const chain_link> links) {
  const chain_link* worst = nullptr;
  for (const chain_link& l : links)
    if (worst == nullptr || severity(l.status) > severity(worst->status)) worst = &l;
  std::string& note = r.scratch();
  if (worst == nullptr || worst->status == link_status::verified) {
    note += r.int_text(static_cast<std::int64_t>(links.size()));
    note += links.size() == 1 ? " issuer certificate, verified" : " issuer certificates, each link verified";
    return {finding_status::match, {}, r.copy(note)};
  }
  note += "link ";
  note += r.int_text(static_cast<std::int64_t>(worst->position));
  note += " (certificate ";
  note += r.int_text(static_cast<std::int64_t>(worst->position));
  note += " and its issuer ";
  note += r.int_text(static_cast<std::int64_t>(worst->position + 1));
  note += "): ";
  note += link_status_name(worst->status);
  if (!worst->reason.empty()) {
    note += ": ";
    note += worst->reason;
  }
  const std::string_view text = r.copy(note);
  switch (severity(worst->status)) {
    case 3: return {finding_status::mismatch, {}, text};
    case 2: return {finding_status::invalid, {}, text};
    default: return {finding_status::unverifiable, {}, text};
  }
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
  const std::size_t first = r.state.links.size();
  x509::certificate_view previous = r.cert().view;
  bool have_previous = true;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::size_t position = i + 1;
    std::string_view why = "a chain block is not a CERTIFICATE";
    const x509::certificate_view* next = nullptr;
    auto read = x509::read_certificate(blocks[i].der);
    if (is_certificate_label(blocks[i].label)) {
      next = read.value_ptr();
      if (next == nullptr) {
        std::string& note = r.scratch();
        note = "a chain certificate cannot be decoded: ";
        note += message_of(read);
        why = r.copy(note);
      }
    }
    if (next == nullptr) {
      r.state.links.push_back({position, link_status::undecodable, why});
      have_previous = false;
      continue;
    }
    r.quirks().merge(next->quirks);
    if (have_previous) r.state.links.push_back(check_link(r, position, previous, *next));
    previous = *next;
    have_previous = true;
  }
  return summarize(r, std::span<const chain_link>(r.state.links.data() + first, r.state.links.size() - first));
}

}  // namespace alicert::internal
