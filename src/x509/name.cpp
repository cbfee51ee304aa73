// Names: reading a certificate's Name (its DER), holding one as a set of
// pairs, comparing two sets. Strings become UTF-8 in name_string.cpp; RFC 4514
// rendering is name_format.cpp; reported DN text is parsed in name_text.cpp.
#include "alicert/x509/name.h"

#include "alicert/x509/oid.h"
#include "common/chars.h"
#include "common/memory.h"
#include "x509/der_reader.h"
#include "x509/name_parts.h"

namespace alicert::x509 {
namespace {

using internal::der_context;
using internal::der_cursor;
using internal::der_fault;

}  // namespace

// ---- reading the DER ----

name_reader::name_reader(name_view name) noexcept
    : base_(name.der.data()), rdns_(nullptr), rdns_end_(nullptr), atvs_(nullptr), atvs_end_(nullptr) {
  der_fault fault;
  const der_context ctx{base_, &fault, nullptr};
  tlv seq;
  if (!internal::read_tlv_at(ctx, name.der.data(), name.der.data() + name.der.size(), seq) ||
      !internal::is_list(seq.identifier, tag::sequence)) {
    malformed_ = true;
    return;
  }
  rdns_ = seq.value.data();
  rdns_end_ = rdns_ + seq.value.size();
}

bool name_reader::next(name_entry& out) noexcept {
  if (malformed_) return false;
  der_fault fault;
  const der_context ctx{base_, &fault, nullptr};
  while (atvs_ == atvs_end_) {
    if (rdns_ == rdns_end_) return false;
    der_cursor rdns(ctx, {rdns_, static_cast<std::size_t>(rdns_end_ - rdns_)});
    tlv set;
    if (!rdns.expect_list(tag::set, set, "")) {
      malformed_ = true;
      return false;
    }
    if (started_) ++rdn_;
    started_ = true;
    rdns_ = rdns.position();
    atvs_ = set.value.data();
    atvs_end_ = atvs_ + set.value.size();
  }
  der_cursor atvs(ctx, {atvs_, static_cast<std::size_t>(atvs_end_ - atvs_)});
  tlv atv, type, value;
  if (!atvs.expect(tag::sequence, atv, "")) {
    malformed_ = true;
    return false;
  }
  der_cursor fields(ctx, atv.value);
  if (!fields.expect(tag::oid, type, "") || !valid_oid(type.value) || !fields.next(value) || !fields.done()) {
    malformed_ = true;
    return false;
  }
  atvs_ = atvs.position();
  out.rdn = rdn_;
  out.type = internal::halves(type.value);
  out.tag = value.identifier;
  out.value = internal::halves(value.value);
  out.value_der = internal::halves(value.encoding);
  return true;
}

// ---- name sets ----

void name_set::finish() {
  attrs_.clear();
  for (std::size_t i = 0; i + 5 < offsets_.size(); i += 6) {
    name_attribute a;
    a.type = {reinterpret_cast<const std::uint8_t*>(storage_.data()) + offsets_[i], offsets_[i + 1]};
    a.value = std::string_view{storage_}.substr(offsets_[i + 2], offsets_[i + 3]);
    a.rdn = offsets_[i + 4];
    attrs_.push_back(a);
  }
}

result<std::span<const name_attribute>> name_set::read(name_view name) noexcept {
  return internal::guarded([&] { return read_impl(name); },
                           [&]() -> result<std::span<const name_attribute>> {
                             offsets_.clear();
                             attrs_.clear();
                             return internal::out_of_memory_error();
                           });
}

result<std::span<const name_attribute>> name_set::parse_text(std::string_view text) noexcept {
  return internal::guarded([&] { return parse_text_impl(text); },
                           [&]() -> result<std::span<const name_attribute>> {
                             offsets_.clear();
                             attrs_.clear();
                             return internal::out_of_memory_error();
                           });
}

result<std::span<const name_attribute>> name_set::read_impl(name_view name) {
  storage_.clear();
  offsets_.clear();
  attrs_.clear();
  name_reader reader(name);
  name_entry e;
  while (reader.next(e)) {
    const std::size_t type_at = storage_.size();
    storage_.append(reinterpret_cast<const char*>(e.type.data()), e.type.size());
    const std::size_t value_at = storage_.size();
    const bool string = append_utf8(e.tag, e.value, storage_);
    if (!string) internal::append_hex_value(e.value_der, storage_);
    offsets_.insert(offsets_.end(),
                    {type_at, e.type.size(), value_at, storage_.size() - value_at, e.rdn, string ? 0u : 1u});
  }
  if (reader.malformed()) {
    offsets_.clear();
    return error{error_code::der_bad_value, "malformed Name", {}, 0};
  }
  finish();
  return std::span<const name_attribute>{attrs_};
}

bool same_value(std::span<const std::uint8_t> type, std::string_view a, std::string_view b) noexcept {
  if (same_oid(type, oids::country) || same_oid(type, oids::domain_component) ||
      same_oid(type, oids::email_address))
    return internal::ascii_iequals(a, b);
  return a == b;
}

bool same_name(std::span<const name_attribute> a, std::span<const name_attribute> b) noexcept {
  auto contains = [](std::span<const name_attribute> set, const name_attribute& x) {
    for (const name_attribute& y : set)
      if (same_oid(x.type, y.type) && same_value(x.type, x.value, y.value)) return true;
    return false;
  };
  for (const name_attribute& x : a)
    if (!contains(b, x)) return false;
  for (const name_attribute& x : b)
    if (!contains(a, x)) return false;
  return true;
}

}  // namespace alicert::x509
