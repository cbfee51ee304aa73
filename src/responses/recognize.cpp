#include "recognize.h"

namespace alicert::internal {

namespace {

// `CertInfos` is shared by DescribeCertificateInfoByID and the per-domain
// APIs (docs/siblings.md, section 0): ByID's own keys win (with a note when
// per-domain keys stand beside them), then DCDN's two, then CDN's; entries
// with only the keys they all share (or none) are ByID's, with a note.
api cert_infos_api(const walker& w, quirk_set& extra) noexcept {
  const auto marked = [&](api a) { return w.marked[static_cast<std::size_t>(a)]; };
  const bool per_domain =
      marked(api::cdn_describe_domain_certificate_info) || marked(api::dcdn_describe_domain_certificate_info);
  if (marked(api::cdn_describe_certificate_info)) {
    if (per_domain) extra.add(quirk::cert_infos_mixed);
    return api::cdn_describe_certificate_info;
  }
  if (marked(api::dcdn_describe_domain_certificate_info)) return api::dcdn_describe_domain_certificate_info;
  if (marked(api::cdn_describe_domain_certificate_info)) return api::cdn_describe_domain_certificate_info;
  extra.add(quirk::cert_infos_ambiguous);
  return api::cdn_describe_certificate_info;
}

}  // namespace

std::optional<api> recognize(const walker& w, quirk_set& extra) noexcept {
  const auto marked = [&](api a) { return w.marked[static_cast<std::size_t>(a)]; };
  // In order of precedence:
  // - a structured `Certificate` is CAS's alone;
  // - a text `Certificate` is GetCertificate's, and so are CertificateChain
  //   and Csr when no key of DescribeCertificate stands beside them;
  // - `CertificateOrderList` and `ServerCertificates` are their APIs' alone;
  // - `CertInfos` is CDN's or its per-domain siblings' (cert_infos_api);
  // - DescribeCertificate by its own keys (Arn, KeySpec, ...), then the SSL
  //   service's detail by its own (Cert, Common, SerialNo, ...) unless a key
  //   of another flat API stands beside them, then DescribeCertificate by
  //   its CertificateId alone;
  // - an error envelope by its Code.
  // Keys that sibling APIs share (Issuer, NotBefore, SubjectAlternativeNames,
  // Tags, Status, ...) recognize nothing: a response of an API alicert does
  // not read is unknown_shape, never a supported API with meaningless findings.
  if (marked(api::cas_describe_client_certificate)) return api::cas_describe_client_certificate;
  if (w.kms_certificate || (marked(api::kms_get_certificate) && !marked(api::kms_describe_certificate)))
    return api::kms_get_certificate;
  if (marked(api::cas_list_user_certificate_order)) return api::cas_list_user_certificate_order;
  if (marked(api::slb_describe_server_certificates)) return api::slb_describe_server_certificates;
  if (w.cert_infos) return cert_infos_api(w, extra);
  if (marked(api::kms_describe_certificate)) return api::kms_describe_certificate;
  if (marked(api::cas_get_user_certificate_detail) && !w.gucd_excluded) return api::cas_get_user_certificate_detail;
  if (w.fallback_marked[static_cast<std::size_t>(api::kms_describe_certificate)]) return api::kms_describe_certificate;
  if (marked(api::api_error)) return api::api_error;
  return std::nullopt;
}

document_view view_of(parser_state& st, const walker& w, api kind, std::string_view json, std::size_t offset) noexcept {
  const auto owner = static_cast<std::size_t>(kind);
  document_view view;
  view.kind = kind;
  view.json = json;
  view.offset = offset;
  view.quirks = w.common_quirks;
  view.quirks.merge(w.quirks[owner]);
  switch (kind) {
    case api::cas_describe_client_certificate:
      view.cas = &st.cas;
      view.request_id = st.cas.request_id;
      break;
    case api::kms_describe_certificate:
      view.kms_describe = &st.kms_describe;
      view.request_id = st.kms_describe.request_id;
      break;
    case api::kms_get_certificate:
      view.kms_get = &st.kms_get;
      view.request_id = st.kms_get.request_id;
      break;
    case api::cdn_describe_certificate_info:
      st.cdn.cert_infos = st.cdn_items;
      view.cdn = &st.cdn;
      view.request_id = st.cdn.request_id;
      break;
    case api::api_error:
      view.error = &st.api_error;
      view.request_id = st.api_error.request_id;
      break;
    case api::cas_get_user_certificate_detail: {
      auto& chain = st.cas_detail.cert_chain;
      chain.entries = st.chain_entries;
      chain.state = chain.entries.empty() ? field_state::absent : field_state::present;
      // CertIdentifier is documented as `<Id>-cn-hangzhou`: another prefix is worth a note.
      const reported_text& id = st.cas_detail.id;
      const std::string_view ident = st.cas_detail.cert_identifier.value;
      if (id.present() && st.cas_detail.cert_identifier.present() &&
          !(ident.size() > id.value.size() && ident.substr(0, id.value.size()) == id.value &&
            ident[id.value.size()] == '-'))
        view.quirks.add(quirk::cert_identifier_id);
      view.cas_detail = &st.cas_detail;
      view.request_id = st.cas_detail.request_id;
      break;
    }
    case api::cas_list_user_certificate_order: {
      cas_certificate_order_list_view& l = st.cas_orders;
      l.orders = st.order_items;
      // A page that ends before TotalCount: the inventory is not all here.
      if (l.total_count.present() && l.current_page.present() && l.show_size.present() &&
          l.current_page.value >= 1 && l.show_size.value >= 0 && l.current_page.value < (INT64_MAX / 2) &&
          l.show_size.value < (INT64_MAX / 2) / l.current_page.value) {
        const std::int64_t seen = (l.current_page.value - 1) * l.show_size.value + static_cast<std::int64_t>(l.orders.size());
        if (seen < l.total_count.value) view.quirks.add(quirk::more_pages);
      }
      view.cas_orders = &l;
      view.request_id = l.request_id;
      break;
    }
    case api::cdn_describe_domain_certificate_info:
    case api::dcdn_describe_domain_certificate_info:
      st.cdn_domain.cert_infos =
          kind == api::cdn_describe_domain_certificate_info ? st.cdn_domain_items : st.dcdn_domain_items;
      view.cdn_domain = &st.cdn_domain;
      view.request_id = st.cdn_domain.request_id;
      break;
    case api::slb_describe_server_certificates:
      st.slb.server_certificates = st.slb_items;
      view.slb = &st.slb;
      view.request_id = st.slb.request_id;
      break;
  }
  return view;
}

}  // namespace alicert::internal
