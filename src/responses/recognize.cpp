#include "recognize.h"

namespace alicert::internal {

std::optional<api> recognize(const walker& w) noexcept {
  const auto marked = [&](api a) { return w.marked[static_cast<std::size_t>(a)]; };
  // In order of precedence:
  // - a structured `Certificate` is CAS's alone;
  // - a text `Certificate` is GetCertificate's, and so are CertificateChain
  //   and Csr when no key of DescribeCertificate stands beside them;
  // - `CertInfos` is CDN's;
  // - DescribeCertificate by its own keys (CertificateId, KeySpec, Arn, ...);
  // - an error envelope by its Code.
  // Keys that sibling APIs share (Issuer, NotBefore, SubjectAlternativeNames,
  // Tags, Status, ...) recognize nothing: a response of an API alicert does
  // not read is unknown_shape, never a supported API with meaningless findings.
  if (marked(api::cas_describe_client_certificate)) return api::cas_describe_client_certificate;
  if (w.kms_certificate || (marked(api::kms_get_certificate) && !marked(api::kms_describe_certificate)))
    return api::kms_get_certificate;
  // CertInfos alone is shared with the per-domain siblings: entries with none
  // of ByID's own keys (HttpsCrt, CreateTime, DomainList) but keys of theirs
  // are theirs.
  if (w.cert_infos && (marked(api::cdn_describe_certificate_info) || !w.foreign_key_seen))
    return api::cdn_describe_certificate_info;
  if (w.cert_infos) return std::nullopt;
  if (marked(api::kms_describe_certificate) || w.fallback_marked[static_cast<std::size_t>(api::kms_describe_certificate)])
    return api::kms_describe_certificate;
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
  }
  return view;
}

}  // namespace alicert::internal
