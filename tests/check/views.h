// Test support for the check wing: response views built from certificates,
// field by field, and assertions on reports.
#pragma once

#include "oracle.h"

namespace checktest {

// -- views --------------------------------------------------------------------

/// Owns the text the views borrow.
class text_store {
 public:
  std::string_view keep(std::string s) {
    store_.push_back(std::move(s));
    return store_.back();
  }
  alicert::reported_text text(std::string s, std::size_t offset = 1) {
    alicert::reported_text r;
    r.state = alicert::field_state::present;
    r.text = keep(std::move(s));
    r.offset = offset;
    if (r.text.empty()) r.state = alicert::field_state::absent;
    r.value = r.text;
    return r;
  }
  alicert::reported_int integer(std::int64_t v) {
    alicert::reported_int r;
    r.state = alicert::field_state::present;
    r.text = keep(std::to_string(v));
    r.value = v;
    r.offset = 1;
    return r;
  }
  /// A time: `text` with its parsed `value` (or unreadable when !ok).
  alicert::reported_time time(std::string text, std::int64_t value, bool ok = true) {
    alicert::reported_time r;
    r.state = ok ? alicert::field_state::present : alicert::field_state::unreadable;
    r.text = keep(std::move(text));
    r.value = alicert::utc_seconds{std::chrono::seconds{value}};
    r.offset = 1;
    return r;
  }
  alicert::reported_names names(std::vector<alicert::san_entry> entries, std::string text = {}) {
    for (auto& e : entries) e.value = keep(std::string(e.value));
    lists_.push_back(std::move(entries));
    alicert::reported_names r;
    r.state = alicert::field_state::present;
    r.text = keep(std::move(text));
    r.entries = lists_.back();
    r.offset = 1;
    return r;
  }

 private:
  std::deque<std::string> store_;
  std::deque<std::vector<alicert::san_entry>> lists_;
};

/// A CAS response consistent with `c`.
struct cas_doc {
  text_store t;
  alicert::cas_response_view view;
  alicert::document_view doc;

  explicit cas_doc(const cert& c, key_kind k) {
    X509* x = c.x.get();
    auto& v = view.certificate;
    v.x509_certificate = t.text(c.pem);
    v.identifier = t.text("cas-0001");
    v.serial_number = t.text(serial_hex(x));
    const std::int64_t nb = not_before(x), na = not_after(x);
    v.before_date = t.time(std::to_string(nb * 1000 + 123), nb);
    v.after_date = t.time(std::to_string(na * 1000), na);
    const std::int64_t span = na - nb;
    v.days = t.integer(span / 86400 - ((span % 86400) < 0 ? 1 : 0));
    v.sha2 = t.text(upper(digest(x, EVP_sha256())));
    v.md5 = t.text(digest(x, EVP_md5()));
    v.subject_dn = t.text(subject_text(x));
    const X509_NAME* s = X509_get_subject_name(x);
    v.common_name = t.text(attribute(s, NID_commonName));
    v.organization = t.text(attribute(s, NID_organizationName));
    v.organization_unit = t.text(attribute(s, NID_organizationalUnitName));
    v.locality = t.text(attribute(s, NID_localityName));
    v.state = t.text(attribute(s, NID_stateOrProvinceName));
    v.country_code = t.text(attribute(s, NID_countryName));
    std::vector<alicert::san_entry> sans;
    for (const auto& o : sans_of(x)) {
      alicert::san_entry e;
      switch (o.type) {
        case GEN_EMAIL: e.type = alicert::san_type::email; e.type_code = 1; break;
        case GEN_DNS: e.type = alicert::san_type::dns; e.type_code = 2; break;
        case GEN_URI: e.type = alicert::san_type::uri; e.type_code = 6; break;
        default: e.type = alicert::san_type::ip; e.type_code = 7; break;
      }
      e.value = t.keep(o.value);
      sans.push_back(e);
    }
    v.sans = t.names(std::move(sans));
    v.algorithm = t.text(cas_algorithm(k));
    v.key_size = t.integer(key_bits(k));
    v.sign_algorithm = t.text(cas_sign_name(x));
    v.status = t.text("ISSUE");
    doc.kind = alicert::api::cas_describe_client_certificate;
    doc.cas = &view;
  }
  cas_doc(const cas_doc&) = delete;
};

/// A KMS DescribeCertificate consistent with `c` (and its GetCertificate).
struct kms_docs {
  text_store t;
  alicert::kms_describe_view describe;
  alicert::kms_get_view get;
  alicert::document_view describe_doc, get_doc;

  kms_docs(const cert& c, key_kind k, const std::string& chain_pem = {}, const std::string& csr = {}) {
    X509* x = c.x.get();
    describe.certificate_id = t.text("9a28de48-8d8b-484d-a766-dec4e1a2b3c4");
    describe.serial = t.text(upper(serial_hex(x)));
    describe.not_before = t.time(format_time(not_before(x)), not_before(x));
    describe.not_after = t.time(format_time(not_after(x)), not_after(x));
    describe.subject = t.text(subject_text(x));
    describe.issuer = t.text(issuer_text(x));
    describe.key_spec = t.text(kms_key_spec(k));
    describe.signature_algorithm = t.text(kms_sign_name(x));
    std::vector<alicert::san_entry> sans;
    for (const auto& o : sans_of(x))
      if (o.type == GEN_DNS || o.type == GEN_IPADD) sans.push_back({alicert::san_type::unspecified, 0, t.keep(o.value)});
    describe.subject_alternative_names = t.names(std::move(sans));
    describe.subject_key_identifier = t.text(ski_kms(x));
    describe.subject_public_key = t.text(pubkey_pem(x));
    describe.status = t.text("ACTIVE");
    get.certificate_id = describe.certificate_id;
    get.certificate = t.text(c.pem);
    get.certificate_chain = t.text(chain_pem);
    get.csr = t.text(csr);
    describe_doc.kind = alicert::api::kms_describe_certificate;
    describe_doc.kms_describe = &describe;
    get_doc.kind = alicert::api::kms_get_certificate;
    get_doc.kms_get = &get;
  }
  kms_docs(const kms_docs&) = delete;
};

/// A CDN response with one entry per certificate PEM (leaf first, then its chain).
struct cdn_doc {
  text_store t;
  std::vector<alicert::cdn_cert_info_view> infos;
  alicert::cdn_response_view view;
  alicert::document_view doc;

  void add(const cert& leaf, const std::string& chain_pem, std::vector<std::string> domains) {
    X509* x = leaf.x.get();
    alicert::cdn_cert_info_view i;
    i.cert_id = t.text(std::to_string(1644 + infos.size()));
    i.https_crt = t.text(leaf.pem + chain_pem);
    i.create_time = t.time(format_time(not_before(x), true), not_before(x));
    i.cert_expire_time = t.time(format_time(not_after(x), true), not_after(x));
    std::vector<alicert::san_entry> list;
    for (auto& d : domains) list.push_back({alicert::san_type::unspecified, 0, t.keep(d)});
    i.domain_list = t.names(std::move(list));
    infos.push_back(i);
    view.cert_infos = infos;
    doc.kind = alicert::api::cdn_describe_certificate_info;
    doc.cdn = &view;
  }
  cdn_doc() = default;
  cdn_doc(const cdn_doc&) = delete;
};

// -- assertions on reports ---------------------------------------------------

/// The findings of `r` for check `c` (all fields).
inline std::vector<alicert::finding> of(const alicert::certificate_report& r, alicert::check_id c) {
  std::vector<alicert::finding> out;
  for (const auto& f : r.findings)
    if (f.check == c) out.push_back(f);
  return out;
}

/// The status of the only finding of check `c` (throws when not exactly one).
inline alicert::finding_status status(const alicert::certificate_report& r, alicert::check_id c) {
  auto v = of(r, c);
  if (v.size() != 1) throw std::runtime_error("not exactly one finding for " + std::string(alicert::check_name(c)));
  return v.front().status;
}

/// The failures (mismatch / invalid) of a report, as "check:status:field" strings.
inline std::vector<std::string> failures(const alicert::certificate_report& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (alicert::is_failure(f.status))
      out.push_back(std::string(alicert::check_name(f.check)) + ":" + std::string(alicert::status_name(f.status)) +
                    ":" + std::string(f.field) + " reported=" + std::string(f.reported.substr(0, 80)) +
                    " actual=" + std::string(f.actual.substr(0, 80)) + " note=" + std::string(f.note));
  return out;
}

/// Every finding as "check=status" (for failure messages).
inline std::string dump(const alicert::certificate_report& r) {
  std::string s;
  for (const auto& f : r.findings) {
    s += std::string(alicert::check_name(f.check)) + "[" + std::string(f.field) + "]=" +
         std::string(alicert::status_name(f.status));
    if (!f.note.empty()) s += " (" + std::string(f.note) + ")";
    s += "; ";
  }
  return s;
}

inline alicert::utc_seconds at(std::int64_t t) { return alicert::utc_seconds{std::chrono::seconds{t}}; }

}  // namespace checktest
