// Internal: the schema mechanism. Each API's schema (schemas/*.h) names every
// field once: its JSON key, the view member it fills, its shape (how the
// value is read and compared), the checks it feeds and the record role it
// plays. The walker reads documents by it, parser::records() builds the
// normalized records by it, the checker takes its field names and its plan
// from it, and the fuzzers touch every field through it.
//
// A field's reader is chosen from the C++ type of its member at compile time
// (reported_text, reported_int, ...) and refined by its shape (milliseconds,
// ISO 8601 or Go time for a reported_time; CAS, KMS or CDN list for names).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "alicert/check/finding.h"
#include "alicert/responses/reported.h"
#include "common/chars.h"

namespace alicert::internal {

/// How a value is read and what it holds.
enum class shape : std::uint8_t {
  text,            ///< free text; a number is kept as its text
  pem,             ///< PEM text (a certificate, a chain, a key, a CSR)
  hex,             ///< hex text: serials, digests, key identifiers
  hex_or_decimal,  ///< hex, or decimal digits (KMS Serial)
  dn,              ///< distinguished-name text
  algorithm,       ///< an algorithm or key name (RSA, ECC, SHA256WITHRSA, RSA2048-SHA256, ...)
  sized_algorithm, ///< a key name with its size (CAS FullAlgorithm: RSA_2048, ECC_256)
  integer,         ///< an int64, or a string holding one
  boolean,         ///< true/false, or "true"/"false"
  millis,          ///< milliseconds since the epoch (CAS)
  iso_time,        ///< ISO 8601 (KMS)
  go_time,         ///< Go's time.Time layout (CDN)
  cas_sans,        ///< CAS Sans: typed {Type, Value} entries
  kms_sans,        ///< KMS SubjectAlternativeNames: bare names, maybe in a wrapper object
  domain_list,     ///< CDN DomainList: bare names
  cas_tags,        ///< CAS Tags
  kms_tags,        ///< KMS Tags
  raw_json,        ///< any JSON value kept as its raw text
  integer_text,    ///< an int64 id kept as its text (CAS SSL Id, CertificateId): a number, or a string holding one
  private_key,     ///< a PEM private key: read into memory the parser wipes, never echoed
  date,            ///< `YYYY-MM-DD` (CAS SSL StartDate/EndDate), or an ISO 8601 time whose date is used
  any_time,        ///< ISO 8601, Go's layout, or a zoneless `YYYY-MM-DD HH:MM:SS` read as UTC (CDN per-domain)
  untyped_sans,    ///< CAS SSL Sans: "a.com, b.com", a JSON array, a string holding one, one name
  slb_sans,        ///< SLB SubjectAlternativeNames: {"SubjectAlternativeName": [...]} and its collapsed forms
  int_or_bool,     ///< an int32 flag that may arrive as a boolean (SLB IsAliCloudCertificate)
};

/// Which member of the normalized certificate_record a field fills.
enum class role : std::uint8_t {
  none, id, serial, not_before, not_after, subject, issuer, sans, sha256, md5,
  key_algorithm, key_size, signature_algorithm, status, certificate_pem, public_key_pem,
};

/// Marks a field that no field of a check reads.
inline constexpr check_id no_check = static_cast<check_id>(0xff);

/// The C++ type of a field's member.
enum class member_kind : std::uint8_t { text, integer, boolean, time, names, tags };

/// A pointer to one reported<...> member of `View`, whichever its type.
template <class View>
struct member {
  member_kind kind;
  reported_text View::*text{nullptr};
  reported_int View::*integer{nullptr};
  reported_bool View::*boolean{nullptr};
  reported_time View::*time{nullptr};
  reported_names View::*names{nullptr};
  reported_tags View::*tags{nullptr};

  constexpr member(reported_text View::*m) noexcept : kind(member_kind::text), text(m) {}       // NOLINT
  constexpr member(reported_int View::*m) noexcept : kind(member_kind::integer), integer(m) {}  // NOLINT
  constexpr member(reported_bool View::*m) noexcept : kind(member_kind::boolean), boolean(m) {}  // NOLINT
  constexpr member(reported_time View::*m) noexcept : kind(member_kind::time), time(m) {}      // NOLINT
  constexpr member(reported_names View::*m) noexcept : kind(member_kind::names), names(m) {}   // NOLINT
  constexpr member(reported_tags View::*m) noexcept : kind(member_kind::tags), tags(m) {}      // NOLINT
};

/// The checks a field feeds (at most three: CAS FullAlgorithm feeds
/// key_algorithm and key_size; a CDN ServerCertificate, certificate, chain and public_key).
struct check_pair {
  check_id first{no_check};
  check_id second{no_check};
  check_id third{no_check};
  [[nodiscard]] constexpr bool has(check_id c) const noexcept {
    return c != no_check && (first == c || second == c || third == c);
  }
};

/// Field flags.
enum flag : std::uint8_t {
  distinctive = 1,       ///< only this API has the key: it recognizes the document
  any_case = 2,          ///< the key may arrive in another case (error envelopes: Code or code)
  fallback = 4,          ///< recognizes the API only when no API's distinctive key was seen
  secret = 8,            ///< a private key: unescaped into memory the parser wipes (shape::private_key)
  subject_only = 16,     ///< a name attribute of the purchaser: the subject's alone, unverifiable when it has none
};

/// One field of a schema.
template <class View>
struct field {
  using view_type = View;
  std::string_view key;
  member<View> slot;
  shape how;
  check_pair checks{};
  role plays{role::none};
  unsigned flags{0};

  [[nodiscard]] constexpr bool is(flag f) const noexcept { return (flags & f) != 0; }
};

/// True when `how` is a reading of the member type `kind` (a schema that
/// pairs them otherwise does not compile: see check_schema).
constexpr bool shape_fits(member_kind kind, shape how) noexcept {
  switch (kind) {
    case member_kind::text:
      return how == shape::text || how == shape::pem || how == shape::hex || how == shape::hex_or_decimal ||
             how == shape::dn || how == shape::algorithm || how == shape::sized_algorithm || how == shape::raw_json ||
             how == shape::integer_text || how == shape::private_key;
    case member_kind::integer: return how == shape::integer || how == shape::int_or_bool;
    case member_kind::boolean: return how == shape::boolean;
    case member_kind::time:
      return how == shape::millis || how == shape::iso_time || how == shape::go_time || how == shape::date ||
             how == shape::any_time;
    case member_kind::names:
      return how == shape::cas_sans || how == shape::kms_sans || how == shape::domain_list ||
             how == shape::untyped_sans || how == shape::slb_sans;
    case member_kind::tags: return how == shape::cas_tags || how == shape::kms_tags;
  }
  return false;
}

/// Compile-time checks of a schema: shapes fit members, keys are unique,
/// private keys are read as secrets.
template <class View, std::size_t N>
constexpr bool check_schema(const std::array<field<View>, N>& s) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (!shape_fits(s[i].slot.kind, s[i].how)) return false;
    if ((s[i].how == shape::private_key) != s[i].is(secret)) return false;
    for (std::size_t j = i + 1; j < N; ++j)
      if (s[i].key == s[j].key) return false;
  }
  return N <= 64;  // the walker marks the keys seen in a 64-bit set
}

/// A hash index over a schema's keys: a key is found with one comparison
/// instead of a scan. Keys it cannot place (bucket overflow), keys in
/// another case and unknown keys fall back to the scan, so the row found is
/// always the scan's. Built at compile time: no run-time state.
class key_index {
 public:
  template <class View, std::size_t N>
  constexpr explicit key_index(const std::array<field<View>, N>& s) noexcept : size_(N) {
    for (std::size_t i = 0; i < N; ++i) {
      keys_[i] = s[i].key;
      any_case_[i] = s[i].is(any_case);
      for (auto& slot : buckets_[hash(s[i].key)])
        if (slot == 0) {
          slot = static_cast<std::uint8_t>(i + 1);
          break;
        }
    }
  }

  /// The row of `key`, or npos. `other_case` is set when it matched an any_case key in another case.
  [[nodiscard]] constexpr std::size_t find(std::string_view key, bool& other_case) const noexcept {
    for (std::uint8_t slot : buckets_[hash(key)]) {
      if (slot == 0) break;
      if (keys_[slot - 1u] == key) return slot - 1u;
    }
    for (std::size_t i = 0; i < size_; ++i)
      if (keys_[i] == key || (any_case_[i] && ascii_iequals(keys_[i], key))) {
        other_case = keys_[i] != key;
        return i;
      }
    return npos;
  }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// The rows, for an index over several schemas (joint_index.h).
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr std::string_view key(std::size_t row) const noexcept { return keys_[row]; }
  [[nodiscard]] constexpr bool is_any_case(std::size_t row) const noexcept { return any_case_[row]; }

 private:
  static constexpr std::size_t hash(std::string_view k) noexcept {
    if (k.empty()) return 0;
    return (k.size() * 31u + static_cast<unsigned char>(k.front()) * 7u + static_cast<unsigned char>(k.back())) & 63u;
  }
  std::array<std::string_view, 64> keys_{};
  std::array<bool, 64> any_case_{};
  std::array<std::array<std::uint8_t, 4>, 64> buckets_{};
  std::size_t size_;
};

}  // namespace alicert::internal
