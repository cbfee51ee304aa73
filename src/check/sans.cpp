// `sans`: a reported SAN list against the certificate's subjectAltName, as
// sets. CAS reports typed entries (compared with the DNS, IP, email and URI
// SANs); KMS reports bare names, one untyped set against the DNS and IP SANs
// (a name matches a DNS SAN of the same text or an IP SAN of the same
// address). A masked entry hides only itself.
#include "alicert/check/compare.h"
#include "alicert/x509/oid.h"
#include "common/chars.h"
#include "san_keys.h"

namespace alicert::internal {
namespace {

std::string_view trim(std::string_view s) noexcept { return internal::trim_ascii_space(s); }

bool kind_of(san_type t, san_kind& k) noexcept {
  switch (t) {
    case san_type::dns: k = san_kind::dns; return true;
    case san_type::ip: k = san_kind::ip; return true;
    case san_type::email: k = san_kind::email; return true;
    case san_type::uri: k = san_kind::uri; return true;
    default: return false;
  }
}

// The form a DNS name or email compares in (san_key's, without the kind letter and case).
std::string_view comparable_name(std::string_view value) noexcept {
  value = trim(value);
  if (value.size() > 1 && value.back() == '.') value.remove_suffix(1);
  return value;
}

// Whether san_key gives `a` and `b` of kind `k` the same key, without building either.
bool same_key(san_kind k, std::string_view a, std::string_view b) noexcept {
  switch (k) {
    case san_kind::dns:
    case san_kind::email: return internal::ascii_iequals(comparable_name(a), comparable_name(b));
    case san_kind::uri: return trim(a) == trim(b);
    case san_kind::ip: {
      const ip_address x = parse_ip(a);
      return x.size != 0 && x == parse_ip(b);
    }
  }
  return false;
}

// The common case of a typed (CAS) list, decided without sorting: every
// entry unmasked, of a compared kind, and the same name as the certificate's
// compared name at its position, as many of each. The sorted comparison
// finds these equal too, and notes nothing.
bool same_in_order(const field_ref& f, std::span<const certificate_san> mine) noexcept {
  const auto& entries = f.names->entries;
  std::size_t j = 0;
  for (const auto& e : entries) {
    san_kind k{};
    if (is_masked(e.value) || !kind_of(e.type, k) || j == mine.size() || mine[j].type != k ||
        !same_key(k, e.value, mine[j].value))
      return false;
    ++j;
  }
  return j == mine.size();
}

}  // namespace

std::string_view san_key(run& r, san_kind k, std::string_view value) {
  const std::string_view key = san_key_view(r, k, value);
  return key.empty() ? key : r.copy(key);
}

std::string_view san_key_view(run& r, san_kind k, std::string_view value) {
  std::string& s = r.state.key_text;
  s.clear();
  switch (k) {
    case san_kind::dns:
    case san_kind::email: {
      value = trim(value);
      if (value.size() > 1 && value.back() == '.') value.remove_suffix(1);
      s += k == san_kind::dns ? 'd' : 'e';
      for (char c : value) s += internal::ascii_lower(c);
      break;
    }
    case san_kind::uri:
      s += 'u';
      s += trim(value);
      break;
    case san_kind::ip: {
      const ip_address a = parse_ip(value);
      if (a.size == 0) return {};
      s += 'i';
      s.append(reinterpret_cast<const char*>(a.bytes.data()), a.size);
      break;
    }
  }
  return s;
}

struct reported_tally {
  std::size_t masked{0};  // masked entries, each of which may stand for one name
  bool skipped{false};    // entries of GeneralName types that are not compared
};

// The certificate's compared names (r.state.keys_a) and the reported ones
// (r.state.keys_b), as sorted keys.
template <class Names, class Compared>
reported_tally sorted_keys(run& r, const field_ref& f, bool typed, const Names& mine, Compared compared) {
  auto& cert_keys = r.state.keys_a;
  auto& reported_keys = r.state.keys_b;
  cert_keys.clear();
  reported_keys.clear();
  for (const auto& c : mine)
    if (compared(c.type)) cert_keys.push_back(san_key(r, c.type, c.value));
  reported_tally t;
  for (const auto& e : f.names->entries) {
    if (is_masked(e.value)) {
      ++t.masked;
      continue;
    }
    san_kind k{};
    if (e.type != san_type::unspecified) {
      if (!kind_of(e.type, k)) {
        t.skipped = true;
        continue;
      }
      reported_keys.push_back(san_key(r, k, e.value));
    } else if (typed) {
      t.skipped = true;  // a bare name in a typed list has no kind to compare by
    } else {
      reported_keys.push_back(san_key(r, san_kind::dns, e.value));
      if (const auto ip = san_key(r, san_kind::ip, e.value); !ip.empty()) reported_keys.push_back(ip);
    }
  }
  sort_keys(cert_keys);
  sort_keys(reported_keys);
  return t;
}

outcome check_sans(run& r, const field_ref& f) {
  const bool typed = f.how == internal::shape::cas_sans;
  const auto compared = [&](san_kind k) { return typed || k == san_kind::dns || k == san_kind::ip; };
  const auto mine = r.sans();
  if (typed && same_in_order(f, mine)) {
    // Every name of the certificate is compared in a typed list.
    std::string& actual = r.scratch();
    for (const auto& c : mine) {
      if (!actual.empty()) actual += ", ";
      actual += c.value;
    }
    return {finding_status::match, r.copy(actual), {}};
  }
  const auto [masked, skipped] = sorted_keys(r, f, typed, mine, compared);
  const auto& cert_keys = r.state.keys_a;
  const auto& reported_keys = r.state.keys_b;

  std::string& actual = r.scratch();
  for (const auto& c : mine) {
    if (!compared(c.type)) continue;
    if (!actual.empty()) actual += ", ";
    actual += c.value;
  }
  const std::string_view actual_text = r.copy(actual);

  // CAS SSL reports the subject CN among the SANs (docs/siblings.md, section 1):
  // a reported name that is only the CN is noted, not missing.
  std::string_view cn;
  if (f.how == internal::shape::untyped_sans)
    for (const auto& a : r.subject_attrs())
      if (x509::same_oid(a.type, x509::oids::common_name)) cn = a.value;
  std::size_t only_cn = 0;

  // Reported names the certificate lacks, then certificate names not reported.
  std::size_t missing = 0, extra = 0;
  std::string& note = r.scratch();
  for (const auto& e : f.names->entries) {
    if (is_masked(e.value)) continue;
    san_kind k{};
    bool found = false;
    if (e.type != san_type::unspecified) {
      if (!kind_of(e.type, k)) continue;
      found = has_key(cert_keys, san_key_view(r, k, e.value));
    } else if (typed) {
      continue;
    } else {
      const std::string_view ip = san_key_view(r, san_kind::ip, e.value);
      k = ip.empty() ? san_kind::dns : san_kind::ip;
      found = has_key(cert_keys, ip) || has_key(cert_keys, san_key_view(r, san_kind::dns, e.value));
    }
    if (found) continue;
    if (!cn.empty() && internal::ascii_iequals(trim(e.value), trim(cn))) {
      ++only_cn;
      continue;
    }
    note += missing++ ? ", " : "not in the certificate: ";
    note += kind_prefix(k);
    note += e.value;
  }
  for (const auto& c : mine) {
    if (!compared(c.type) || has_key(reported_keys, san_key_view(r, c.type, c.value))) continue;
    note += extra++ ? ", " : (missing ? "; not reported: " : "not reported: ");
    note += kind_prefix(c.type);
    note += c.value;
  }
  // A masked entry may stand for one certificate name; no more.
  const bool mismatch = missing > 0 || extra > masked;
  if (skipped) note += note.empty() ? "entries of other GeneralName types not compared"
                                    : "; entries of other GeneralName types not compared";
  if (!mismatch && masked > 0) {
    return {finding_status::masked, actual_text, "masked entries not compared; every other one matches"};
  }
  if (!mismatch && only_cn > 0) {
    r.quirks().add(quirk::sans_include_cn);
    note += note.empty() ? "the reported names also hold the subject CN" : "; the reported names also hold the subject CN";
  }
  return {mismatch ? finding_status::mismatch : finding_status::match, actual_text, r.copy(note)};
}

}  // namespace alicert::internal
