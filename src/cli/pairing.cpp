#include "pairing.h"

namespace alicert::cli {

partner_keys partner_keys_wanted(const document_view& doc) noexcept {
  partner_keys keys;
  if (doc.kind == api::kms_describe_certificate && doc.kms_describe != nullptr &&
      doc.kms_describe->certificate_id.present())
    keys.add(partner_key_kind::kms_certificate_id, doc.kms_describe->certificate_id.value);
  if (wants_certificates(doc)) keys.add(partner_key_kind::any_certificate, {});
  return keys;
}

bool wants_certificates(const document_view& doc) noexcept {
  // Their entries carry no PEM (docs/siblings.md, sections 2 and 4).
  return (doc.cas_orders != nullptr && !doc.cas_orders->orders.empty()) ||
         (doc.slb != nullptr && !doc.slb->server_certificates.empty());
}

partner_keys partner_keys_offered(const document_view& doc, std::vector<paired_certificate>& scratch) noexcept {
  partner_keys keys;
  if (doc.kind == api::kms_get_certificate && doc.kms_get != nullptr && doc.kms_get->certificate_id.present())
    keys.add(partner_key_kind::kms_certificate_id, doc.kms_get->certificate_id.value);
  scratch.clear();
  // A document whose certificates could not be listed (no memory) offers none.
  if (certificates_of(doc, scratch) && !scratch.empty()) keys.add(partner_key_kind::any_certificate, {});
  return keys;
}

void set_partner(check_options& how, const document_view& doc, const document_view* partner, bool ambiguous,
                 std::span<const paired_certificate> certificates) noexcept {
  if (doc.kind == api::kms_describe_certificate && partner != nullptr && partner->kms_get != nullptr) {
    how.paired_get = partner->kms_get;
    how.paired_get_ambiguous = ambiguous;
  }
  if (wants_certificates(doc)) how.certificates = certificates;
}

}  // namespace alicert::cli
