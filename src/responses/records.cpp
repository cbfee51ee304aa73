// The normalized records: every field whose schema row plays a role fills
// that member of certificate_record, so a new field or API needs no code here.
#include "records.h"

#include "schema.h"
#include "schemas/cas.h"
#include "schemas/cdn.h"
#include "schemas/cdn_domain.h"
#include "schemas/kms.h"
#include "schemas/slb.h"
#include "schemas/ssl.h"

namespace alicert::internal {
namespace {

reported_text certificate_record::*text_member(role r) noexcept {
  switch (r) {
    case role::id: return &certificate_record::id;
    case role::serial: return &certificate_record::serial;
    case role::subject: return &certificate_record::subject;
    case role::issuer: return &certificate_record::issuer;
    case role::sha256: return &certificate_record::sha256;
    case role::md5: return &certificate_record::md5;
    case role::key_algorithm: return &certificate_record::key_algorithm;
    case role::signature_algorithm: return &certificate_record::signature_algorithm;
    case role::status: return &certificate_record::status;
    case role::certificate_pem: return &certificate_record::certificate_pem;
    case role::public_key_pem: return &certificate_record::public_key_pem;
    default: return nullptr;
  }
}

template <const auto& Schema, class View>
void fill(certificate_record& out, const View& view) {
  for (const field<View>& f : Schema) {
    if (f.plays == role::none) continue;
    switch (f.slot.kind) {
      case member_kind::text:
        if (auto m = text_member(f.plays)) out.*m = view.*f.slot.text;
        break;
      case member_kind::time:
        if (f.plays == role::not_before) out.not_before = view.*f.slot.time;
        if (f.plays == role::not_after) out.not_after = view.*f.slot.time;
        break;
      case member_kind::names:
        if (f.plays == role::sans) out.sans = view.*f.slot.names;
        break;
      case member_kind::integer:
        if (f.plays == role::key_size) out.key_size = view.*f.slot.integer;
        break;
      default: break;
    }
  }
}

// One record per entry of a list.
template <const auto& Schema, class Entry>
void fill_list(const document_view& doc, std::span<const Entry> entries, const Entry* certificate_record::*link,
               std::vector<certificate_record>& out) {
  std::size_t index = 0;
  for (const Entry& c : entries) {
    certificate_record e;
    e.source = doc.kind;
    e.index = index++;
    fill<Schema>(e, c);
    e.*link = &c;
    out.push_back(e);
  }
}

}  // namespace

void build_records(const document_view& doc, std::vector<certificate_record>& out) {
  certificate_record r;
  r.source = doc.kind;
  if (doc.cas) {
    fill<schemas::cas_certificate>(r, doc.cas->certificate);
    r.cas = &doc.cas->certificate;
    out.push_back(r);
  } else if (doc.kms_describe) {
    fill<schemas::kms_describe>(r, *doc.kms_describe);
    r.kms_describe = doc.kms_describe;
    out.push_back(r);
  } else if (doc.kms_get) {
    fill<schemas::kms_get>(r, *doc.kms_get);
    r.kms_get = doc.kms_get;
    out.push_back(r);
  } else if (doc.cdn) {
    fill_list<schemas::cdn_cert_info>(doc, doc.cdn->cert_infos, &certificate_record::cdn, out);
  } else if (doc.cas_detail) {
    fill<schemas::gucd>(r, *doc.cas_detail);
    r.cas_detail = doc.cas_detail;
    out.push_back(r);
  } else if (doc.cas_orders) {
    fill_list<schemas::luco_entry>(doc, doc.cas_orders->orders, &certificate_record::cas_order, out);
  } else if (doc.cdn_domain) {
    if (doc.kind == api::dcdn_describe_domain_certificate_info)
      fill_list<schemas::dcdn_domain_entry>(doc, doc.cdn_domain->cert_infos, &certificate_record::cdn_domain, out);
    else
      fill_list<schemas::cdn_domain_entry>(doc, doc.cdn_domain->cert_infos, &certificate_record::cdn_domain, out);
  } else if (doc.slb) {
    fill_list<schemas::slb_entry>(doc, doc.slb->server_certificates, &certificate_record::slb, out);
  }
}

}  // namespace alicert::internal
