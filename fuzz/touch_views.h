// Reads every accessor of a parsed document, its views and its records into a
// fingerprint, checking on the way what the headers promise about them
// (include/alicert/responses/*.h). Offsets enter the fingerprint relative to
// `base`, so one document gives the same fingerprint alone or inside a stream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "alicert/limits.h"
#include "alicert/responses.h"
#include "fuzz_common.h"

namespace alicert::fuzz {

struct view_context {
  const char* input{nullptr};  ///< the buffer the parser was given
  std::size_t input_size{0};
  std::size_t base{0};         ///< subtracted from every offset before it is mixed
  std::string scratch{};       ///< for decode_escaped_json
};

inline void touch_offset(std::size_t offset, view_context& cx, fingerprint& fp) {
  ALICERT_FUZZ_CHECK(offset < cx.input_size, "a reported value's offset lies outside the input");
  ALICERT_FUZZ_CHECK(offset >= cx.base, "a reported value's offset lies before its document");
  fp.mix(static_cast<std::uint64_t>(offset - cx.base));
}

inline void touch_state(field_state s, fingerprint& fp) {
  ALICERT_FUZZ_CHECK(s == field_state::absent || s == field_state::present || s == field_state::unreadable,
                     "field_state out of range");
  fp.mix(static_cast<std::uint64_t>(s));
}

inline std::uint64_t value_bits(std::string_view v, fingerprint& fp) {
  fp.mix(v);
  return v.size();
}
inline std::uint64_t value_bits(std::int64_t v, fingerprint&) { return static_cast<std::uint64_t>(v); }
inline std::uint64_t value_bits(bool v, fingerprint&) { return v ? 1 : 0; }
inline std::uint64_t value_bits(utc_seconds v, fingerprint&) {
  return static_cast<std::uint64_t>(v.time_since_epoch().count());
}

template <class T>
void touch(const reported<T>& r, view_context& cx, fingerprint& fp) {
  touch_state(r.state, fp);
  fp.mix(r.text);
  if (r.absent()) {
    ALICERT_FUZZ_CHECK(r.text.empty(), "an absent field has text");
    // reported.h says "0 when absent"; the parser keeps the place of a `null`
    // or `""` value (reported to the lead). Only its range is checked.
    if (r.offset != 0) touch_offset(r.offset, cx, fp);
    return;
  }
  touch_offset(r.offset, cx, fp);
  if (r.present()) fp.mix(value_bits(r.value, fp));
  (void)r.present();
  (void)r.absent();
}

inline void touch(const reported_names& n, view_context& cx, fingerprint& fp) {
  touch_state(n.state, fp);
  fp.mix(n.text);
  (void)n.present();
  if (n.state == field_state::absent) {
    ALICERT_FUZZ_CHECK(n.entries.empty(), "an absent name list has entries");
    // reported_names/reported_tags promise no zero offset when absent: `null` keeps its place.
    if (n.offset != 0) touch_offset(n.offset, cx, fp);
    return;
  }
  touch_offset(n.offset, cx, fp);
  ALICERT_FUZZ_CHECK(n.entries.size() <= limits::max_sans, "more names than limits::max_sans");
  fp.mix(static_cast<std::uint64_t>(n.entries.size()));
  for (const san_entry& e : n.entries) {
    ALICERT_FUZZ_CHECK(e.type <= san_type::other, "san_type out of range");
    fp.mix(static_cast<std::uint64_t>(e.type));
    fp.mix(static_cast<std::uint64_t>(e.type_code));
    fp.mix(e.value);
  }
}

inline void touch(const reported_tags& t, view_context& cx, fingerprint& fp) {
  touch_state(t.state, fp);
  fp.mix(t.text);
  (void)t.present();
  if (t.state == field_state::absent) {
    ALICERT_FUZZ_CHECK(t.entries.empty(), "an absent tag list has entries");
    // reported_names/reported_tags promise no zero offset when absent: `null` keeps its place.
    if (t.offset != 0) touch_offset(t.offset, cx, fp);
    return;
  }
  touch_offset(t.offset, cx, fp);
  ALICERT_FUZZ_CHECK(t.entries.size() <= limits::max_tags, "more tags than limits::max_tags");
  fp.mix(static_cast<std::uint64_t>(t.entries.size()));
  for (const tag& e : t.entries) {
    fp.mix(e.key);
    fp.mix(e.value);
    fp.mix(e.value_is_escaped_json ? 1u : 0u);
    if (e.value_is_escaped_json) {
      auto decoded = decode_escaped_json(e.value, cx.scratch);
      if (decoded) {
        fp.mix(*decoded);
        ALICERT_FUZZ_CHECK(decoded->size() <= e.value.size(), "decoding escapes made the text longer");
      } else {
        touch_error(decoded.error(), fp);
      }
    }
  }
}

inline void touch(const cas_response_view& v, view_context& cx, fingerprint& fp) {
  const cas_certificate_view& c = v.certificate;
  touch(c.x509_certificate, cx, fp);
  touch(c.identifier, cx, fp);
  touch(c.parent_identifier, cx, fp);
  touch(c.resource_group_id, cx, fp);
  touch(c.serial_number, cx, fp);
  touch(c.subject_dn, cx, fp);
  touch(c.common_name, cx, fp);
  touch(c.organization_unit, cx, fp);
  touch(c.organization, cx, fp);
  touch(c.locality, cx, fp);
  touch(c.state, cx, fp);
  touch(c.country_code, cx, fp);
  touch(c.sans, cx, fp);
  touch(c.status, cx, fp);
  touch(c.before_date, cx, fp);
  touch(c.after_date, cx, fp);
  touch(c.days, cx, fp);
  touch(c.algorithm, cx, fp);
  touch(c.key_size, cx, fp);
  touch(c.sign_algorithm, cx, fp);
  touch(c.certificate_type, cx, fp);
  touch(c.sha2, cx, fp);
  touch(c.md5, cx, fp);
  touch(c.tags, cx, fp);
  touch(c.alias_name, cx, fp);
  touch(c.cert_chain, cx, fp);
  touch(c.custom_identifier, cx, fp);
  touch(c.full_algorithm, cx, fp);
  touch(c.id, cx, fp);
  touch(c.upload_flag, cx, fp);
  touch(v.request_id, cx, fp);
}

inline void touch(const kms_describe_view& k, view_context& cx, fingerprint& fp) {
  touch(k.certificate_id, cx, fp);
  touch(k.arn, cx, fp);
  touch(k.protection_level, cx, fp);
  touch(k.created_at, cx, fp);
  touch(k.updated_at, cx, fp);
  touch(k.not_before, cx, fp);
  touch(k.not_after, cx, fp);
  touch(k.issuer, cx, fp);
  touch(k.subject, cx, fp);
  touch(k.serial, cx, fp);
  touch(k.key_spec, cx, fp);
  touch(k.signature_algorithm, cx, fp);
  touch(k.status, cx, fp);
  touch(k.subject_alternative_names, cx, fp);
  touch(k.subject_key_identifier, cx, fp);
  touch(k.subject_public_key, cx, fp);
  touch(k.tags, cx, fp);
  touch(k.exportable_private_key, cx, fp);
  touch(k.request_id, cx, fp);
}

inline void touch(const kms_get_view& k, view_context& cx, fingerprint& fp) {
  touch(k.certificate_id, cx, fp);
  touch(k.certificate, cx, fp);
  touch(k.certificate_chain, cx, fp);
  touch(k.csr, cx, fp);
  touch(k.request_id, cx, fp);
}

inline void touch(const cdn_cert_info_view& c, view_context& cx, fingerprint& fp) {
  touch(c.cert_id, cx, fp);
  touch(c.cert_name, cx, fp);
  touch(c.cert_type, cx, fp);
  touch(c.create_time, cx, fp);
  touch(c.cert_expire_time, cx, fp);
  touch(c.https_crt, cx, fp);
  touch(c.domain_list, cx, fp);
}

inline void touch(const cdn_response_view& v, view_context& cx, fingerprint& fp) {
  ALICERT_FUZZ_CHECK(v.cert_infos.size() <= limits::max_certificates, "more CertInfo than limits::max_certificates");
  fp.mix(static_cast<std::uint64_t>(v.cert_infos.size()));
  for (const cdn_cert_info_view& c : v.cert_infos) touch(c, cx, fp);
  touch(v.request_id, cx, fp);
}

inline void touch(const api_error_view& e, view_context& cx, fingerprint& fp) {
  touch(e.code, cx, fp);
  touch(e.message, cx, fp);
  touch(e.request_id, cx, fp);
  touch(e.host_id, cx, fp);
  touch(e.recommend, cx, fp);
  touch(e.access_denied_detail, cx, fp);
}

inline bool same_text(const reported_text& a, const reported_text& b) {
  return a.state == b.state && a.text == b.text && a.offset == b.offset;
}

/// The document, its one view, and its quirks.
inline void touch(const document_view& d, view_context& cx, fingerprint& fp) {
  ALICERT_FUZZ_CHECK(d.kind <= api::api_error, "api out of range");
  const std::string_view name = api_name(d.kind);
  ALICERT_FUZZ_CHECK(!name.empty() && name != "unknown", "api without a name");
  fp.mix(name);
  // A document starts where its input does, or, after a byte order mark
  // (quirk utf8_bom), past the mark and the whitespace around it (a stream
  // may already have stepped over them).
  if (d.quirks.has(quirk::utf8_bom)) {
    ALICERT_FUZZ_CHECK(d.offset >= cx.base, "a document starts before its input");
    const std::string_view lead(cx.input + cx.base, d.offset - cx.base);
    std::size_t marks = 0;
    for (std::size_t i = 0; i < lead.size(); ++i) {
      if (lead.substr(i, 3) == "\xEF\xBB\xBF") {
        ++marks;
        i += 2;
        continue;
      }
      ALICERT_FUZZ_CHECK(lead[i] == ' ' || lead[i] == '\t' || lead[i] == '\n' || lead[i] == '\r',
                         "more than whitespace and a byte order mark before a document");
    }
    ALICERT_FUZZ_CHECK(marks <= 1, "two byte order marks before a document");
  } else {
    ALICERT_FUZZ_CHECK(d.offset == cx.base, "document offset differs from where it starts");
  }
  ALICERT_FUZZ_CHECK(d.json.data() == cx.input + d.offset, "document_view::json does not start at its offset");
  ALICERT_FUZZ_CHECK(d.offset + d.json.size() <= cx.input_size, "document_view::json runs past the input");
  fp.mix(d.json);
  d.quirks.for_each([&](quirk q) {
    ALICERT_FUZZ_CHECK(static_cast<unsigned>(q) < quirk_count, "quirk out of range");
    const std::string_view qn = quirk_name(q);
    ALICERT_FUZZ_CHECK(!qn.empty() && qn != "unknown", "quirk without a name");
    fp.mix(qn);
  });
  (void)d.quirks.empty();
  touch(d.request_id, cx, fp);

  const int views = (d.cas != nullptr) + (d.kms_describe != nullptr) + (d.kms_get != nullptr) +
                    (d.cdn != nullptr) + (d.error != nullptr);
  ALICERT_FUZZ_CHECK(views == 1, "a document_view must have exactly one typed view");
  switch (d.kind) {
    case api::cas_describe_client_certificate:
      ALICERT_FUZZ_CHECK(d.cas, "kind is CAS but the CAS view is null");
      touch(*d.cas, cx, fp);
      ALICERT_FUZZ_CHECK(same_text(d.cas->request_id, d.request_id), "RequestId differs between document and view");
      break;
    case api::kms_describe_certificate:
      ALICERT_FUZZ_CHECK(d.kms_describe, "kind is KMS Describe but its view is null");
      touch(*d.kms_describe, cx, fp);
      ALICERT_FUZZ_CHECK(same_text(d.kms_describe->request_id, d.request_id),
                         "RequestId differs between document and view");
      break;
    case api::kms_get_certificate:
      ALICERT_FUZZ_CHECK(d.kms_get, "kind is KMS Get but its view is null");
      touch(*d.kms_get, cx, fp);
      ALICERT_FUZZ_CHECK(same_text(d.kms_get->request_id, d.request_id), "RequestId differs between document and view");
      break;
    case api::cdn_describe_certificate_info:
      ALICERT_FUZZ_CHECK(d.cdn, "kind is CDN but the CDN view is null");
      touch(*d.cdn, cx, fp);
      ALICERT_FUZZ_CHECK(same_text(d.cdn->request_id, d.request_id), "RequestId differs between document and view");
      break;
    case api::api_error:
      ALICERT_FUZZ_CHECK(d.error, "kind is api_error but its view is null");
      touch(*d.error, cx, fp);
      ALICERT_FUZZ_CHECK(same_text(d.error->request_id, d.request_id), "RequestId differs between document and view");
      break;
  }
}

/// parser::records(doc): one record per certificate, each pointing back to its view.
inline void touch_records(parser& p, const document_view& d, view_context& cx, fingerprint& fp) {
  const std::span<const certificate_record> records = p.records(d);
  std::size_t expected = 0;
  switch (d.kind) {
    case api::cas_describe_client_certificate:
    case api::kms_describe_certificate:
    case api::kms_get_certificate: expected = 1; break;
    case api::cdn_describe_certificate_info: expected = d.cdn->cert_infos.size(); break;
    case api::api_error: expected = 0; break;
  }
  ALICERT_FUZZ_CHECK(records.size() == expected, "records() count does not match the document");
  std::size_t index = 0;
  for (const certificate_record& r : records) {
    ALICERT_FUZZ_CHECK(r.source == d.kind, "a record's source differs from the document's kind");
    ALICERT_FUZZ_CHECK(d.kind != api::cdn_describe_certificate_info || r.index == index, "CDN record index");
    ++index;
    fp.mix(static_cast<std::uint64_t>(r.index));
    touch(r.id, cx, fp);
    touch(r.serial, cx, fp);
    touch(r.not_before, cx, fp);
    touch(r.not_after, cx, fp);
    touch(r.subject, cx, fp);
    touch(r.issuer, cx, fp);
    touch(r.sans, cx, fp);
    touch(r.sha256, cx, fp);
    touch(r.md5, cx, fp);
    touch(r.key_algorithm, cx, fp);
    touch(r.key_size, cx, fp);
    touch(r.signature_algorithm, cx, fp);
    touch(r.status, cx, fp);
    touch(r.certificate_pem, cx, fp);
    touch(r.public_key_pem, cx, fp);
    const int owners = (r.cas != nullptr) + (r.kms_describe != nullptr) + (r.kms_get != nullptr) + (r.cdn != nullptr);
    ALICERT_FUZZ_CHECK(owners == 1, "a record must point to exactly one view");
    if (r.cas) ALICERT_FUZZ_CHECK(r.cas == &d.cas->certificate, "record points to another CAS view");
    if (r.kms_describe) ALICERT_FUZZ_CHECK(r.kms_describe == d.kms_describe, "record points to another KMS view");
    if (r.kms_get) ALICERT_FUZZ_CHECK(r.kms_get == d.kms_get, "record points to another KMS view");
    if (r.cdn) ALICERT_FUZZ_CHECK(r.cdn == &d.cdn->cert_infos[r.index], "record points to another CDN entry");
  }
}

/// Fingerprint of a parse result: the whole document and its records, or the error.
/// The error's offset is mixed relative to cx.base too.
inline std::uint64_t touch_result(parser& p, const result<document_view>& r, view_context& cx) {
  fingerprint fp;
  if (r) {
    fp.mix(1u);
    touch(*r, cx, fp);
    touch_records(p, *r, cx, fp);
  } else {
    fp.mix(0u);
    const error& e = r.error();
    const std::string_view name = error_name(e.code);
    ALICERT_FUZZ_CHECK(!name.empty() && name != "unknown", "error_code without a name");
    ALICERT_FUZZ_CHECK(e.offset >= cx.base && e.offset <= cx.input_size, "error offset outside its document");
    // The message is no contract (error.h) and is not compared; code, pointer
    // and offset are.
    fp.mix(static_cast<std::uint64_t>(e.code));
    fp.mix(std::string_view(e.pointer));
    fp.mix(static_cast<std::uint64_t>(e.offset - cx.base));
  }
  return fp.value();
}

}  // namespace alicert::fuzz
