// The structures under a document's root (walker.h): CAS `Certificate`, and
// the lists of entries, which all take one set of shapes: CDN and DCDN
// `CertInfos`, SLB `ServerCertificates` (a wrapper object holding the list
// under an item key), CAS SSL `CertificateOrderList` and `CertChain` (the
// list itself). A wrapper's list may collapse to one object, the wrapper may
// be missing (a bare array) or empty; a bare list may collapse to one object.
#include <cstring>

#include "alicert/limits.h"
#include "schemas/cas.h"
#include "schemas/cdn.h"
#include "schemas/cdn_domain.h"
#include "schemas/kms.h"
#include "schemas/slb.h"
#include "schemas/ssl.h"
#include "walker.h"

namespace alicert::internal {
namespace {

// The quirks a list records when it strays from its documented shape.
struct list_quirks {
  quirk single_object, bare_array, empty;
};
constexpr list_quirks cert_info_quirks{quirk::cert_info_single_object, quirk::cert_info_bare_array,
                                       quirk::cert_info_empty};
constexpr list_quirks generic_quirks{quirk::list_single_object, quirk::list_bare_array, quirk::list_empty};

// Each sink says which APIs read a list, and where entry i of each is read into.
constexpr api cert_info_apis[] = {api::cdn_describe_certificate_info, api::cdn_describe_domain_certificate_info,
                                  api::dcdn_describe_domain_certificate_info};

// CertInfos: each entry read as ByID's, CDN per-domain's and DCDN's at once;
// recognize.cpp decides whose it was.
struct cert_infos_sink {
  parser_state& st;
  list_quirks quirks{cert_info_quirks};
  [[nodiscard]] std::span<const api> owners() const noexcept { return cert_info_apis; }
  void resize(std::size_t n) {
    st.cdn_items.assign(n, cdn_cert_info_view{});
    st.cdn_domain_items.assign(n, cdn_domain_cert_info_view{});
    st.dcdn_domain_items.assign(n, cdn_domain_cert_info_view{});
  }
  std::array<reading, 3> readings(std::size_t i) noexcept {
    return {read_by<schemas::cdn_cert_info>(cert_info_apis[0], st.cdn_items[i]),
            read_by<schemas::cdn_domain_entry>(cert_info_apis[1], st.cdn_domain_items[i]),
            read_by<schemas::dcdn_domain_entry>(cert_info_apis[2], st.dcdn_domain_items[i])};
  }
};

// A list read by one API only.
template <const auto& Schema, class Entry>
struct single_sink {
  api owner;
  std::vector<Entry>& items;
  list_quirks quirks{generic_quirks};
  [[nodiscard]] std::span<const api> owners() const noexcept { return {&owner, 1}; }
  void resize(std::size_t n) { items.assign(n, Entry{}); }
  std::array<reading, 1> readings(std::size_t i) noexcept { return {read_by<Schema>(owner, items[i])}; }
};

// True when the object at `at` is `{}`.
bool empty_object(const char* at, const char* end) noexcept {
  const char* p = at + 1;
  while (p < end && is_json_space(*p)) ++p;
  return p < end && *p == '}';
}

enum structure_bit : std::uint8_t { cas_bit = 1, cert_infos_bit = 2, orders_bit = 4, servers_bit = 8, chain_bit = 16 };

}  // namespace

void walker::structure_quirk(quirk q, std::span<const api> owners) noexcept {
  for (api a : owners) quirks[static_cast<std::size_t>(a)].add(q);
}

void walker::structure_wrong_type(std::span<const api> owners, const char* message, const char* at) noexcept {
  for (api a : owners) wrong_type(a, message, at);
}

template <class Sink>
bool walker::entry_item(od::value& v, std::size_t index, Sink& sink) {
  const char* at = v.raw_json_token().data();
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  if (t != od::json_type::object) {
    if (!skip(v, depth_)) return false;
    structure_wrong_type(sink.owners(), "an entry of a list must be an object", at);
    return true;
  }
  od::object obj;
  if (auto e = v.get_object().get(obj)) return json_error(e, at);
  auto r = sink.readings(index);
  return object(obj, r, false);
}

// `empty_is_quirk`: an empty list is a deviation (a wrapper's), not a documented empty page.
template <class Sink>
bool walker::entry_items(od::array arr, const char* at, bool empty_is_quirk, Sink& sink) {
  std::size_t count = 0;
  if (auto e = arr.count_elements().get(count)) return json_error(e, nullptr);
  if (count > limits::max_certificates)
    return fail(error_code::too_many_certificates, "more certificates than the limit", at);
  if (count == 0 && empty_is_quirk) structure_quirk(sink.quirks.empty, sink.owners());
  // Sized before the walk: views are written in place and never move.
  sink.resize(count);
  std::size_t index = 0;
  for (auto item : arr) {
    if (auto e = item.error()) return json_error(e, nullptr);
    od::value& v = item_in_place(item);
    push({}, index);
    bool ok = index < count && entry_item(v, index, sink);
    pop();
    if (!ok) return fatal ? false : fail(error_code::malformed_json, "malformed list", at);
    ++index;
  }
  return true;
}

// `item_key` empty: the list stands bare; else it stands in a wrapper object under that key.
template <class Sink>
bool walker::entry_list(od::value& v, std::string_view item_key, Sink& sink) {
  const char* at = v.raw_json_token().data();
  const bool wrapped = !item_key.empty();
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  switch (t) {
    case od::json_type::array: {
      if (wrapped) structure_quirk(sink.quirks.bare_array, sink.owners());
      od::array arr;
      if (auto e = v.get_array().get(arr)) return json_error(e, at);
      return entry_items(arr, at, wrapped, sink);
    }
    case od::json_type::object: break;
    case od::json_type::null:
      if (wrapped) structure_quirk(sink.quirks.empty, sink.owners());
      return skip(v, depth_);
    default:
      if (!skip(v, depth_)) return false;
      structure_wrong_type(sink.owners(), "a list must be an object or an array", at);
      return true;
  }
  if (!wrapped) {
    if (empty_object(at, end_)) {
      structure_quirk(sink.quirks.empty, sink.owners());
      return skip(v, depth_);
    }
    structure_quirk(sink.quirks.single_object, sink.owners());
    sink.resize(1);
    return entry_item(v, 0, sink);
  }
  od::object obj;
  if (auto e = v.get_object().get(obj)) return json_error(e, at);
  bool found = false;
  for (auto f : obj) {
    if (auto e = f.error()) return json_error(e, nullptr);
    od::field& field = field_in_place(f);
    std::string_view key;
    if (auto e = key_of(field, key)) return json_error(e, nullptr);
    od::value& item = field.value();
    push(key);
    bool ok = true;
    if (key != item_key || found) {
      if (key == item_key) common_quirks.add(quirk::duplicate_key);
      ok = skip(item, depth_);
    } else {
      found = true;
      const char* item_at = item.raw_json_token().data();
      od::json_type it;
      if (auto e = item.type().get(it)) return json_error(e, item_at);
      if (it == od::json_type::array) {
        od::array arr;
        if (auto e = item.get_array().get(arr)) return json_error(e, item_at);
        ok = entry_items(arr, item_at, true, sink);
      } else if (it == od::json_type::object) {
        structure_quirk(sink.quirks.single_object, sink.owners());
        sink.resize(1);
        ok = entry_item(item, 0, sink);
      } else if (it == od::json_type::null) {
        structure_quirk(sink.quirks.empty, sink.owners());
        ok = skip(item, depth_);
      } else {
        ok = skip(item, depth_);
        if (ok) structure_wrong_type(sink.owners(), "the list in a wrapper must be a list or an object", item_at);
      }
    }
    pop();
    if (!ok) return false;
  }
  if (!found) structure_quirk(sink.quirks.empty, sink.owners());
  return true;
}

bool walker::root_structure(std::string_view key, od::value& v, bool& handled) {
  const auto once = [&](std::uint8_t bit) {
    handled = true;
    if (structures_seen_ & bit) {
      common_quirks.add(quirk::duplicate_key);
      return false;
    }
    structures_seen_ |= bit;
    return true;
  };
  if (key == schemas::cas_certificate_key) {
    handled = true;
    return cas_certificate(v);
  }
  if (key == schemas::cdn_list_key) {
    if (!once(cert_infos_bit)) return skip(v, depth_);
    cert_infos = true;
    cert_infos_sink sink{st_};
    return entry_list(v, schemas::cdn_list_item_key, sink);
  }
  if (key == schemas::luco_list_key) {
    if (!once(orders_bit)) return skip(v, depth_);
    marked[static_cast<std::size_t>(api::cas_list_user_certificate_order)] = true;
    single_sink<schemas::luco_entry, cas_certificate_order_view> sink{api::cas_list_user_certificate_order,
                                                                      st_.order_items};
    return entry_list(v, {}, sink);
  }
  if (key == schemas::slb_list_key) {
    if (!once(servers_bit)) return skip(v, depth_);
    marked[static_cast<std::size_t>(api::slb_describe_server_certificates)] = true;
    single_sink<schemas::slb_entry, slb_server_certificate_view> sink{api::slb_describe_server_certificates,
                                                                      st_.slb_items};
    return entry_list(v, schemas::slb_list_item_key, sink);
  }
  if (key == schemas::gucd_chain_key) {
    if (!once(chain_bit)) return skip(v, depth_);
    st_.cas_detail.cert_chain.offset = offset(v.raw_json_token().data());
    single_sink<schemas::gucd_chain_entry, cas_chain_entry_view> sink{api::cas_get_user_certificate_detail,
                                                                      st_.chain_entries};
    return entry_list(v, {}, sink);
  }
  return true;
}

// `Certificate`: an object in CAS (read here), a PEM string in KMS GetCertificate.
bool walker::cas_certificate(od::value& v) {
  const char* at = v.raw_json_token().data();
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  const bool seen = (structures_seen_ & cas_bit) != 0 || kms_certificate;
  if (t == od::json_type::object) {
    if (seen) {
      common_quirks.add(quirk::duplicate_key);
      return skip(v, depth_);
    }
    structures_seen_ |= cas_bit;
    marked[static_cast<std::size_t>(api::cas_describe_client_certificate)] = true;
    od::object obj;
    if (auto e = v.get_object().get(obj)) return json_error(e, at);
    reading r[] = {read_by<schemas::cas_certificate>(api::cas_describe_client_certificate, st_.cas.certificate)};
    return object(obj, r, false);
  }
  // Not an object: the GetCertificate field of that name.
  reading r[] = {read_by<schemas::kms_get>(api::kms_get_certificate, st_.kms_get)};
  bool other_case = false;
  const std::size_t row = r[0].ops->index->find(schemas::cas_certificate_key, other_case);
  if (seen) {
    common_quirks.add(quirk::duplicate_key);
    return skip(v, depth_);
  }
  raw_value raw;
  if (!raw_of(v, raw)) return false;
  if (raw.type == od::json_type::null) return true;
  if (raw.type != od::json_type::string && raw.type != od::json_type::number) {
    // Neither an object nor text: the CAS view is the only one with a structured Certificate.
    structures_seen_ |= cas_bit;
    marked[static_cast<std::size_t>(api::cas_describe_client_certificate)] = true;
    return wrong_type(api::cas_describe_client_certificate,
                      "Certificate must be an object (CAS) or a PEM string (KMS)", at);
  }
  kms_certificate = true;
  marked[static_cast<std::size_t>(api::kms_get_certificate)] = true;
  return r[0].ops->apply(*this, raw, row, r[0].view, api::kms_get_certificate);
}

}  // namespace alicert::internal
