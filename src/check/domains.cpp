// `domain_list`: every domain CDN reports is covered by the certificate: by
// a DNS SAN (or the subject CN when there is none), wildcards per RFC 6125
// (one left-most label); `.example.com`, CDN's way of writing a wildcard
// domain, only by the SAN `*.example.com`; an IP address by an IP SAN of that
// address or a DNS SAN of the same text. A masked entry hides only itself.
// `cert_domain_name`: the name the service matched, as the certificate writes it.
#include "alicert/check/compare.h"
#include "alicert/x509/oid.h"
#include "common/chars.h"
#include "san_keys.h"

namespace alicert::internal {
namespace {

std::string_view trim(std::string_view s) noexcept { return internal::trim_ascii_space(s); }

// A wildcard the certificate may carry: `*.` then at least two labels.
bool usable_wildcard(std::string_view name) noexcept {
  return name.size() > 2 && name[0] == '*' && name[1] == '.' && name.find('.', 2) != std::string_view::npos;
}

}  // namespace

outcome check_domains(run& r, const field_ref& f) {
  // A list (ByID DomainList), or one name (the per-domain APIs' DomainName).
  const san_entry one{san_type::unspecified, 0, f.text};
  const std::span<const san_entry> entries = f.names != nullptr ? f.names->entries : std::span<const san_entry>(&one, 1);
  if (entries.empty()) return {finding_status::absent, {}, {}};  // the documented [""]
  const auto mine = r.sans();
  bool has_dns = false;
  for (const auto& c : mine) has_dns = has_dns || c.type == san_kind::dns;

  // What covers domains: the DNS names (the CN without them), as keys; the
  // wildcards again as the suffix after their `*`; the IP addresses.
  auto& names = r.state.keys_a;
  auto& suffixes = r.state.keys_b;
  names.clear();
  suffixes.clear();
  std::string& actual = r.scratch();
  const auto add_name = [&](std::string_view name) {
    names.push_back(san_key(r, san_kind::dns, name));
    if (usable_wildcard(name)) suffixes.push_back(san_key(r, san_kind::dns, name.substr(1)));
  };
  for (const auto& c : mine) {
    if (c.type == san_kind::ip) names.push_back(san_key(r, san_kind::ip, c.value));
    if (c.type == san_kind::dns) add_name(c.value);
    if (c.type == san_kind::ip || (c.type == san_kind::dns && has_dns)) {
      if (!actual.empty()) actual += ", ";
      actual += c.value;
    }
  }
  if (!has_dns)
    for (const auto& a : r.subject_attrs())
      if (x509::same_oid(a.type, x509::oids::common_name)) {
        add_name(a.value);
        if (!actual.empty()) actual += ", ";
        actual += a.value;
      }
  const std::string_view actual_text = r.copy(actual);
  sort_keys(names);
  sort_keys(suffixes);

  std::size_t masked = 0, missing = 0;
  std::string& note = r.scratch();
  for (const auto& e : entries) {
    const std::string_view domain = trim(e.value);
    if (is_masked(domain)) {
      ++masked;
      continue;
    }
    bool covered = false;
    san_kind kind = san_kind::dns;
    if (const std::string_view ip = san_key(r, san_kind::ip, domain); !ip.empty()) {
      kind = san_kind::ip;
      covered = has_key(names, ip) || has_key(names, san_key(r, san_kind::dns, domain));
    } else if (domain.size() > 1 && domain.front() == '.') {
      // `.example.com` stands for `*.example.com`: only that wildcard covers it.
      r.quirks().add(quirk::domain_list_leading_dot);
      std::string& star = r.state.key_text;
      star.clear();
      star += '*';
      star += domain;
      covered = has_key(names, san_key(r, san_kind::dns, r.copy(star)));
    } else {
      covered = has_key(names, san_key(r, san_kind::dns, domain));
      const std::size_t dot = domain.find('.');
      if (!covered && dot != 0 && dot != std::string_view::npos && domain.find('*') == std::string_view::npos)
        covered = has_key(suffixes, san_key(r, san_kind::dns, domain.substr(dot)));
    }
    if (covered) continue;
    note += missing++ ? ", " : "not covered by the certificate: ";
    note += kind_prefix(kind);
    note += domain;
  }
  if (missing > 0) return {finding_status::mismatch, actual_text, r.copy(note)};
  if (masked > 0) return {finding_status::masked, actual_text, "masked entries not compared; every other one is covered"};
  return {finding_status::match, actual_text,
          has_dns ? std::string_view{} : "covered by the common name (the certificate has no DNS names)"};
}

// Equal, ASCII case aside, to the subject CN or a DNS SAN as written: a
// wildcard equals only the same wildcard.
outcome check_cert_domain_name(run& r, const field_ref& f) {
  const std::string_view reported = trim(f.text);
  for (const auto& c : r.sans())
    if (c.type == san_kind::dns && internal::ascii_iequals(trim(c.value), reported))
      return {finding_status::match, c.value, "a DNS name of the certificate"};
  std::string_view cn;
  for (const auto& a : r.subject_attrs())
    if (x509::same_oid(a.type, x509::oids::common_name)) {
      if (cn.empty()) cn = a.value;
      if (internal::ascii_iequals(trim(a.value), reported))
        return {finding_status::match, r.copy(a.value), "the subject's common name"};
    }
  return {finding_status::mismatch, r.copy(cn), "neither the subject's common name nor a DNS name of the certificate"};
}

}  // namespace alicert::internal
