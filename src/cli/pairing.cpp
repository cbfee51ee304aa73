#include "pairing.h"

namespace alicert::cli {

partner_keys partner_keys_wanted(const document_view& doc) noexcept {
  partner_keys keys;
  if (doc.kind == api::kms_describe_certificate && doc.kms_describe != nullptr &&
      doc.kms_describe->certificate_id.present())
    keys.add(partner_key_kind::kms_certificate_id, doc.kms_describe->certificate_id.value);
  return keys;
}

partner_keys partner_keys_offered(const document_view& doc) noexcept {
  partner_keys keys;
  if (doc.kind == api::kms_get_certificate && doc.kms_get != nullptr && doc.kms_get->certificate_id.present())
    keys.add(partner_key_kind::kms_certificate_id, doc.kms_get->certificate_id.value);
  return keys;
}

void set_partner(check_options& how, const document_view& doc, const document_view* partner,
                 bool ambiguous) noexcept {
  if (doc.kind == api::kms_describe_certificate && partner != nullptr && partner->kms_get != nullptr) {
    how.paired_get = partner->kms_get;
    how.paired_get_ambiguous = ambiguous;
  }
}

}  // namespace alicert::cli
