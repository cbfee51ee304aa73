// `subject`, `issuer`: reported DN text against the certificate's Names, as
// sets of (type, value) pairs, a masked value hiding only its attribute;
// `common_name` (the subject's CN) and `organization`, `organizational_unit`,
// `locality`, `state`, `country` (the subject's or the issuer's).
#include <algorithm>
#include <array>

#include "alicert/check/compare.h"
#include "alicert/x509/oid.h"
#include "common/chars.h"
#include "run.h"

namespace alicert::internal {
namespace {

using x509::name_attribute;

// countryName, domainComponent or emailAddress (by size first: names are
// nearly all three-octet X.520 types).
bool case_insensitive(std::span<const std::uint8_t> type) noexcept {
  switch (type.size()) {
    case sizeof x509::oids::country: return x509::same_oid(type, x509::oids::country);
    case sizeof x509::oids::email_address: return x509::same_oid(type, x509::oids::email_address);
    case sizeof x509::oids::domain_component: return x509::same_oid(type, x509::oids::domain_component);
    default: return false;
  }
}
static_assert(sizeof x509::oids::country != sizeof x509::oids::email_address &&
              sizeof x509::oids::country != sizeof x509::oids::domain_component &&
              sizeof x509::oids::email_address != sizeof x509::oids::domain_component);

// The order of a name_set: by type, then by value as same_value compares it.
int compare_attrs(const name_attribute& a, const name_attribute& b) noexcept {
  if (a.type.size() != b.type.size()) return a.type.size() < b.type.size() ? -1 : 1;
  // Types are a few octets: compared here, as memcmp would, without the call.
  for (std::size_t i = 0; i < a.type.size(); ++i)
    if (a.type[i] != b.type[i]) return a.type[i] < b.type[i] ? -1 : 1;
  const bool fold = case_insensitive(a.type);
  const std::size_t n = std::min(a.value.size(), b.value.size());
  for (std::size_t i = 0; i < n; ++i) {
    const char x = fold ? internal::ascii_lower(a.value[i]) : a.value[i];
    const char y = fold ? internal::ascii_lower(b.value[i]) : b.value[i];
    if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
  }
  return a.value.size() == b.value.size() ? 0 : a.value.size() < b.value.size() ? -1 : 1;
}

bool same_type(const name_attribute& a, const name_attribute& b) noexcept { return x509::same_oid(a.type, b.type); }

// Is `x` in `sorted` (indices into `attrs` in compare_attrs order)?
bool contains(std::span<const name_attribute> attrs, const std::vector<std::uint32_t>& sorted,
              const name_attribute& x) noexcept {
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), x, [&](std::uint32_t i, const name_attribute& v) {
    return compare_attrs(attrs[i], v) < 0;
  });
  return it != sorted.end() && compare_attrs(attrs[*it], x) == 0;
}

void append_type(std::string& out, std::span<const std::uint8_t> type) {
  if (const x509::oid_info* info = x509::find_oid(type)) {
    out += info->short_name;
    return;
  }
  std::array<char, 160> buf{};
  const std::string_view dotted = x509::format_oid(type, buf);
  out += dotted.empty() ? std::string_view("?") : dotted;
}

void append_attr(std::string& out, const name_attribute& a) {
  append_type(out, a.type);
  out += '=';
  out += a.value;
}

// Which reported attributes the certificate lacks and which of its own are
// not reported, a masked value standing for one attribute of its own type.
// Sorted once, compared in O(n log n): a DN can be long.
bool same_attr(const name_attribute& a, const name_attribute& b) noexcept {
  return x509::same_oid(a.type, b.type) && (case_insensitive(a.type) ? internal::ascii_iequals(a.value, b.value)
                                                                     : a.value == b.value);
}

// The common case, decided without sorting: no attribute masked, and each
// side's attributes all found on the other side (compare_attrs == 0, which
// same_attr is), as the full comparison would find them. Tried in order, in
// reverse order (RFC 4514 text lists the DER's RDNs last first), then for
// names of up to 16 attributes pair by pair.
bool same_sets(std::span<const name_attribute> reported, std::span<const name_attribute> mine) noexcept {
  for (const name_attribute& a : reported)
    if (is_masked(a.value)) return false;
  const std::size_t n = reported.size();
  if (mine.size() == n) {
    bool forward = true, reverse = true;
    for (std::size_t i = 0; i < n && (forward || reverse); ++i) {
      forward = forward && same_attr(reported[i], mine[i]);
      reverse = reverse && same_attr(reported[i], mine[n - 1 - i]);
    }
    if (forward || reverse) return true;
  }
  if (n > 16 || mine.size() > 16) return false;
  const auto all_in = [](std::span<const name_attribute> xs, std::span<const name_attribute> ys) {
    for (const name_attribute& x : xs) {
      bool found = false;
      for (const name_attribute& y : ys)
        if (same_attr(x, y)) {
          found = true;
          break;
        }
      if (!found) return false;
    }
    return true;
  };
  return all_in(reported, mine) && all_in(mine, reported);
}

outcome compare_names(run& r, std::span<const name_attribute> reported, std::span<const name_attribute> mine,
                      std::string_view actual) {
  if (same_sets(reported, mine)) return {finding_status::match, actual, {}};
  const auto by = [](std::span<const name_attribute> a) {
    return [a](std::uint32_t x, std::uint32_t y) { return compare_attrs(a[x], a[y]) < 0; };
  };
  auto& sorted_mine = r.state.order_a;  // every attribute of the certificate
  auto& unmasked = r.state.order_b;     // the reported attributes that can be compared
  auto& masks = r.state.order_c;        // the masked ones
  sorted_mine.clear();
  unmasked.clear();
  masks.clear();
  for (std::uint32_t i = 0; i < mine.size(); ++i) sorted_mine.push_back(i);
  for (std::uint32_t i = 0; i < reported.size(); ++i) (is_masked(reported[i].value) ? masks : unmasked).push_back(i);
  std::sort(sorted_mine.begin(), sorted_mine.end(), by(mine));
  std::sort(unmasked.begin(), unmasked.end(), by(reported));
  std::sort(masks.begin(), masks.end(), by(reported));  // by type first: one run per type

  // marks: per reported attribute 1 = not in the certificate; per certificate
  // attribute (offset by reported.size()) 2 = not reported, 3 = paired with a missing one.
  auto& marks = r.state.marks;
  marks.assign(reported.size() + mine.size(), 0);
  std::size_t differences = 0;
  for (std::uint32_t i : unmasked)
    if (!contains(mine, sorted_mine, reported[i])) {
      marks[i] = 1;
      ++differences;
    }
  std::size_t cursor = 0;
  for (std::uint32_t j : sorted_mine) {
    const name_attribute& c = mine[j];
    if (contains(reported, unmasked, c)) continue;
    while (cursor < masks.size() && compare_attrs(reported[masks[cursor]], c) < 0 &&
           !same_type(reported[masks[cursor]], c))
      ++cursor;
    if (cursor < masks.size() && same_type(reported[masks[cursor]], c)) {
      ++cursor;  // this mask stands for this attribute
      continue;
    }
    marks[reported.size() + j] = 2;
    ++differences;
  }
  if (differences == 0)
    return {masks.empty() ? finding_status::match : finding_status::masked, actual,
            masks.empty() ? std::string_view{} : "masked attributes not compared; every other one matches"};

  // The note: a missing and an unreported attribute of one type read as one
  // that differs; then what is left on either side.
  std::string& note = r.scratch();
  const auto separator = [&](std::string_view label, bool& first) {
    if (first) {
      if (!note.empty()) note += "; ";
      note += label;
      first = false;
    } else {
      note += ", ";
    }
  };
  bool first = true;
  std::size_t tries = 0;  // pairs are looked for among the first few: a note, not a diff tool
  for (std::uint32_t i = 0; i < reported.size() && tries < 64; ++i) {
    if (marks[i] != 1) continue;
    ++tries;
    for (std::uint32_t j = 0; j < mine.size(); ++j) {
      std::uint8_t& m = marks[reported.size() + j];
      if (m != 2 || !same_type(reported[i], mine[j])) continue;
      m = 3;
      marks[i] = 3;
      separator("differs: ", first);
      append_type(note, reported[i].type);
      note += " (reported ";
      note += reported[i].value;
      note += ", certificate ";
      note += mine[j].value;
      note += ')';
      break;
    }
  }
  first = true;
  for (std::uint32_t i = 0; i < reported.size() && note.size() <= 2048; ++i)
    if (marks[i] == 1) {
      separator("not in the certificate: ", first);
      append_attr(note, reported[i]);
    }
  first = true;
  for (std::uint32_t j = 0; j < mine.size() && note.size() <= 2048; ++j)
    if (marks[reported.size() + j] == 2) {
      separator("not reported: ", first);
      append_attr(note, mine[j]);
    }
  return {finding_status::mismatch, actual, r.copy(note)};
}

std::span<const std::uint8_t> attribute_type(check_id c) noexcept {
  switch (c) {
    case check_id::common_name: return x509::oids::common_name;
    case check_id::organization: return x509::oids::organization;
    case check_id::organizational_unit: return x509::oids::organizational_unit;
    case check_id::locality: return x509::oids::locality;
    case check_id::state: return x509::oids::state;
    default: return x509::oids::country;
  }
}

// The first value of `type` in `attrs`, and whether any equals `value`.
bool find_value(std::span<const name_attribute> attrs, std::span<const std::uint8_t> type, std::string_view value,
                std::string_view& first) noexcept {
  bool found = false;
  for (const auto& a : attrs) {
    if (!x509::same_oid(a.type, type)) continue;
    if (first.empty()) first = a.value;
    if (x509::same_value(type, a.value, value)) found = true;
  }
  return found;
}

}  // namespace

outcome check_dn(run& r, const field_ref& f, check_id c) {
  const bool subject = c == check_id::subject;
  const std::string_view actual = subject ? r.report().facts.subject : r.report().facts.issuer;
  auto parsed = r.state.reported_set.parse_text(f.text);
  if (!parsed) {
    if (is_masked(f.text)) return {finding_status::masked, {}, {}};  // the whole DN is one mask
    return {finding_status::invalid, actual, r.copy(message_of(parsed))};
  }
  if (!r.names_readable(subject))
    return {finding_status::unverifiable, actual, "the certificate's name cannot be read"};
  return compare_names(r, r.state.reported_set.attributes(), subject ? r.subject_attrs() : r.issuer_attrs(), actual);
}

outcome check_attribute(run& r, const field_ref& f, check_id c) {
  const auto type = attribute_type(c);
  std::string_view subject_value, issuer_value;
  const bool in_subject = find_value(r.subject_attrs(), type, f.text, subject_value);
  if ((f.flags & internal::subject_only) != 0) {
    // The purchaser's organization and place (CAS SSL): a DV certificate names none of them.
    if (subject_value.empty())
      return {finding_status::unverifiable, {}, "the subject has no such attribute (as in any DV certificate)"};
    return {in_subject ? finding_status::match : finding_status::mismatch, r.copy(subject_value),
            in_subject ? "matches the subject" : "the subject's value differs"};
  }
  if (c == check_id::common_name) {
    // The subject's CN only: a CommonName that is the issuer's describes another certificate.
    const bool in_issuer = find_value(r.issuer_attrs(), type, f.text, issuer_value);
    if (in_subject)
      return {finding_status::match, r.copy(subject_value),
              in_issuer ? "matches the subject and the issuer" : "matches the subject"};
    return {finding_status::mismatch, r.copy(subject_value),
            in_issuer             ? "the issuer's common name, not the subject's"
            : subject_value.empty() ? "the subject has no common name"
                                    : "the subject's common name differs"};
  }
  // The documentation describes O/OU/L/ST/C as the issuing CA's: either name may hold them.
  const bool in_issuer = find_value(r.issuer_attrs(), type, f.text, issuer_value);
  if (in_subject || in_issuer)
    return {finding_status::match, r.copy(in_subject ? subject_value : issuer_value),
            in_subject && in_issuer ? "matches the subject and the issuer"
            : in_subject            ? "matches the subject"
                                    : "matches the issuer"};
  return {finding_status::mismatch, r.copy(!subject_value.empty() ? subject_value : issuer_value),
          "neither the subject nor the issuer has this value"};
}

namespace {

// A display name as compared: ASCII case folded, whitespace runs as one space, trimmed.
std::string_view folded_name(run& r, std::string_view text) {
  std::string& s = r.state.key_text;
  s.clear();
  bool space = false;
  for (char ch : internal::trim_ascii_space(text)) {
    if (internal::is_ascii_space(ch)) {
      space = true;
      continue;
    }
    if (space) s += ' ';
    space = false;
    s += internal::ascii_lower(ch);
  }
  return r.copy(s);
}

}  // namespace

// A CA's display name (CAS SSL Issuer, CDN CertOrg) is no DN: it is the
// issuer's O or CN, or a whole-word prefix of one ("GlobalSign" for
// "GlobalSign nv-sa").
outcome check_issuer_name(run& r, const field_ref& f) {
  if (!r.names_readable(false)) return {finding_status::unverifiable, {}, "the certificate's issuer cannot be read"};
  const std::string_view reported = folded_name(r, f.text);
  std::string_view first;
  // Equal first, then prefixes: an exact CN beats a prefix of the O.
  for (const bool prefix : {false, true})
    for (const name_attribute& a : r.issuer_attrs()) {
      const bool o = x509::same_oid(a.type, x509::oids::organization);
      if (!o && !x509::same_oid(a.type, x509::oids::common_name)) continue;
      if (first.empty()) first = a.value;
      const std::string_view mine = folded_name(r, a.value);
      if (!prefix && mine == reported)
        return {finding_status::match, r.copy(a.value), o ? "the issuer's O" : "the issuer's CN"};
      if (prefix && !reported.empty() && mine.size() > reported.size() &&
          mine.substr(0, reported.size()) == reported && !internal::is_ascii_alnum(mine[reported.size()])) {
        r.quirks().add(quirk::issuer_name_prefix);
        return {finding_status::match, r.copy(a.value),
                o ? "a whole-word prefix of the issuer's O" : "a whole-word prefix of the issuer's CN"};
      }
    }
  return {finding_status::mismatch, r.copy(first), "neither the issuer's O nor its CN"};
}

}  // namespace alicert::internal
