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
#include "responses/schemas/api_error.h"
#include "responses/schemas/cas.h"
#include "responses/schemas/cdn.h"
#include "responses/schemas/cdn_domain.h"
#include "responses/schemas/kms.h"
#include "responses/schemas/slb.h"
#include "responses/schemas/ssl.h"

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

// Every field of `v`, as its schema names it: a field added to a schema is
// touched without a line here.
template <const auto& Schema, class View>
void touch_fields(const View& v, view_context& cx, fingerprint& fp) {
  for (const auto& f : Schema) {
    fp.mix(f.key);
    switch (f.slot.kind) {
      case internal::member_kind::text: touch(v.*f.slot.text, cx, fp); break;
      case internal::member_kind::integer: touch(v.*f.slot.integer, cx, fp); break;
      case internal::member_kind::boolean: touch(v.*f.slot.boolean, cx, fp); break;
      case internal::member_kind::time: touch(v.*f.slot.time, cx, fp); break;
      case internal::member_kind::names: touch(v.*f.slot.names, cx, fp); break;
      case internal::member_kind::tags: touch(v.*f.slot.tags, cx, fp); break;
    }
  }
}

// The entries of a list, each by its schema.
template <const auto& Schema, class Entry>
void touch_entries(std::span<const Entry> entries, view_context& cx, fingerprint& fp) {
  ALICERT_FUZZ_CHECK(entries.size() <= limits::max_certificates, "more entries than limits::max_certificates");
  fp.mix(static_cast<std::uint64_t>(entries.size()));
  for (const Entry& e : entries) touch_fields<Schema>(e, cx, fp);
}

inline void touch(const reported_list<cas_chain_entry_view>& l, view_context& cx, fingerprint& fp) {
  touch_state(l.state, fp);
  ALICERT_FUZZ_CHECK(l.state != field_state::unreadable, "a list of entries is never unreadable");
  ALICERT_FUZZ_CHECK(l.present() != l.entries.empty(), "a present CertChain has entries, an absent one none");
  if (l.present()) touch_offset(l.offset, cx, fp);
  touch_entries<internal::schemas::gucd_chain_entry>(l.entries, cx, fp);
}

inline bool same_text(const reported_text& a, const reported_text& b) {
  return a.state == b.state && a.text == b.text && a.offset == b.offset;
}

inline void touch_typed_view(const document_view& d, view_context& cx, fingerprint& fp);

/// The document, its one view, and its quirks.
inline void touch(const document_view& d, view_context& cx, fingerprint& fp) {
  ALICERT_FUZZ_CHECK(static_cast<std::size_t>(d.kind) < api_count, "api out of range");
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
  touch_typed_view(d, cx, fp);
}

/// The one typed view of a document, by its API's schema.
inline void touch_typed_view(const document_view& d, view_context& cx, fingerprint& fp) {
  const int views = (d.cas != nullptr) + (d.kms_describe != nullptr) + (d.kms_get != nullptr) +
                    (d.cdn != nullptr) + (d.error != nullptr) + (d.cas_detail != nullptr) +
                    (d.cas_orders != nullptr) + (d.cdn_domain != nullptr) + (d.slb != nullptr);
  ALICERT_FUZZ_CHECK(views == 1, "a document_view must have exactly one typed view");
  namespace sc = internal::schemas;
  const auto check_request_id = [&](const reported_text& r) {
    ALICERT_FUZZ_CHECK(same_text(r, d.request_id), "RequestId differs between document and view");
  };
  switch (d.kind) {
    case api::cas_describe_client_certificate:
      ALICERT_FUZZ_CHECK(d.cas, "kind is CAS but the CAS view is null");
      touch_fields<sc::cas_root>(*d.cas, cx, fp);
      touch_fields<sc::cas_certificate>(d.cas->certificate, cx, fp);
      check_request_id(d.cas->request_id);
      break;
    case api::kms_describe_certificate:
      ALICERT_FUZZ_CHECK(d.kms_describe, "kind is KMS Describe but its view is null");
      touch_fields<sc::kms_describe>(*d.kms_describe, cx, fp);
      check_request_id(d.kms_describe->request_id);
      break;
    case api::kms_get_certificate:
      ALICERT_FUZZ_CHECK(d.kms_get, "kind is KMS Get but its view is null");
      touch_fields<sc::kms_get>(*d.kms_get, cx, fp);
      check_request_id(d.kms_get->request_id);
      break;
    case api::cdn_describe_certificate_info:
      ALICERT_FUZZ_CHECK(d.cdn, "kind is CDN but the CDN view is null");
      touch_fields<sc::cdn_root>(*d.cdn, cx, fp);
      touch_entries<sc::cdn_cert_info>(d.cdn->cert_infos, cx, fp);
      check_request_id(d.cdn->request_id);
      break;
    case api::api_error:
      ALICERT_FUZZ_CHECK(d.error, "kind is api_error but its view is null");
      touch_fields<sc::api_error>(*d.error, cx, fp);
      check_request_id(d.error->request_id);
      break;
    case api::cas_get_user_certificate_detail:
      ALICERT_FUZZ_CHECK(d.cas_detail, "kind is CAS SSL detail but its view is null");
      touch_fields<sc::gucd>(*d.cas_detail, cx, fp);
      touch(d.cas_detail->cert_chain, cx, fp);
      check_request_id(d.cas_detail->request_id);
      break;
    case api::cas_list_user_certificate_order:
      ALICERT_FUZZ_CHECK(d.cas_orders, "kind is CAS SSL orders but its view is null");
      touch_fields<sc::luco_root>(*d.cas_orders, cx, fp);
      touch_entries<sc::luco_entry>(d.cas_orders->orders, cx, fp);
      check_request_id(d.cas_orders->request_id);
      break;
    case api::cdn_describe_domain_certificate_info:
    case api::dcdn_describe_domain_certificate_info:
      ALICERT_FUZZ_CHECK(d.cdn_domain, "kind is per-domain CDN/DCDN but its view is null");
      touch_fields<sc::cdn_domain_root>(*d.cdn_domain, cx, fp);
      if (d.kind == api::cdn_describe_domain_certificate_info)
        touch_entries<sc::cdn_domain_entry>(d.cdn_domain->cert_infos, cx, fp);
      else
        touch_entries<sc::dcdn_domain_entry>(d.cdn_domain->cert_infos, cx, fp);
      check_request_id(d.cdn_domain->request_id);
      break;
    case api::slb_describe_server_certificates:
      ALICERT_FUZZ_CHECK(d.slb, "kind is SLB but its view is null");
      touch_fields<sc::slb_root>(*d.slb, cx, fp);
      touch_entries<sc::slb_entry>(d.slb->server_certificates, cx, fp);
      check_request_id(d.slb->request_id);
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
    case api::kms_get_certificate:
    case api::cas_get_user_certificate_detail: expected = 1; break;
    case api::cdn_describe_certificate_info: expected = d.cdn->cert_infos.size(); break;
    case api::api_error: expected = 0; break;
    case api::cas_list_user_certificate_order: expected = d.cas_orders->orders.size(); break;
    case api::cdn_describe_domain_certificate_info:
    case api::dcdn_describe_domain_certificate_info: expected = d.cdn_domain->cert_infos.size(); break;
    case api::slb_describe_server_certificates: expected = d.slb->server_certificates.size(); break;
  }
  ALICERT_FUZZ_CHECK(records.size() == expected, "records() count does not match the document");
  std::size_t index = 0;
  for (const certificate_record& r : records) {
    ALICERT_FUZZ_CHECK(r.source == d.kind, "a record's source differs from the document's kind");
    ALICERT_FUZZ_CHECK(r.index == index, "a record's index is its place in the list");
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
    const int owners = (r.cas != nullptr) + (r.kms_describe != nullptr) + (r.kms_get != nullptr) + (r.cdn != nullptr) +
                       (r.cas_detail != nullptr) + (r.cas_order != nullptr) + (r.cdn_domain != nullptr) +
                       (r.slb != nullptr);
    ALICERT_FUZZ_CHECK(owners == 1, "a record must point to exactly one view");
    if (r.cas_detail) ALICERT_FUZZ_CHECK(r.cas_detail == d.cas_detail, "record points to another CAS SSL view");
    if (r.cas_order) ALICERT_FUZZ_CHECK(r.cas_order == &d.cas_orders->orders[r.index], "record points to another order");
    if (r.cdn_domain)
      ALICERT_FUZZ_CHECK(r.cdn_domain == &d.cdn_domain->cert_infos[r.index], "record points to another entry");
    if (r.slb) ALICERT_FUZZ_CHECK(r.slb == &d.slb->server_certificates[r.index], "record points to another entry");
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
