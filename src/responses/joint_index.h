// Internal: the keys of several schemas in one table, for an object that is
// read against all of them at once (the root: walker.h).
//
// Looking a key up in each schema's key_index costs one lookup per schema,
// and a key a schema lacks (most keys, for all but one schema) falls to that
// index's scan of every row: 19 comparisons for KMS, 26 for the CAS root.
// Over a GetUserCertificateDetail that was a quarter of the parse (perf, the
// finds and the memcmp they call). Here every key any of the schemas has is
// placed once, with its row in each schema, as that schema's own find gives
// it (computed at compile time by calling it). A key that is not in the
// table is in no schema, except perhaps as another case of an any_case key:
// only then does the caller ask each schema.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "common/chars.h"
#include "schema.h"

namespace alicert::internal {

/// The rows of one key in N schemas, found with one lookup.
template <std::size_t N>
class joint_index {
 public:
  /// Up to this many distinct keys over the schemas (a schema has at most 64).
  static constexpr std::size_t capacity = 256;
  static_assert(N <= 32, "other_case is a 32-bit set");

  constexpr explicit joint_index(const std::array<const key_index*, N>& schemas) noexcept : schemas_(schemas) {
    for (std::size_t s = 0; s < N; ++s) {
      for (std::size_t row = 0; row < schemas[s]->size(); ++row) {
        const std::string_view key = schemas[s]->key(row);
        if (schemas[s]->is_any_case(row)) add_any_case(key);
        if (slot_of(key) != npos) continue;
        if (count_ == capacity) {
          complete_ = false;
          return;
        }
        entry& e = entries_[count_];
        e.key = key;
        for (std::size_t t = 0; t < N; ++t) {
          bool other_case = false;
          const std::size_t found = schemas[t]->find(key, other_case);
          e.rows[t] = found == key_index::npos ? no_row : static_cast<std::uint8_t>(found);
          if (other_case) e.other_case |= std::uint32_t{1} << t;
        }
        for (std::size_t probe = hash(key);; probe = (probe + 1) % slots) {
          if (slots_[probe] == 0) {
            slots_[probe] = static_cast<std::uint16_t>(++count_);
            break;
          }
        }
      }
    }
  }

  /// The schemas, in the order of the rows.
  [[nodiscard]] constexpr const std::array<const key_index*, N>& schemas() const noexcept { return schemas_; }

  /// The rows of `key` in each schema (key_index::npos where it has none)
  /// and, by bit, the schemas where it matched an any_case key in another
  /// case. False when only each schema's own find can tell (an other-case
  /// key, or a table that could not hold every key).
  [[nodiscard]] bool find(std::string_view key, std::span<std::size_t, N> rows,
                          std::uint32_t& other_case) const noexcept {
    if (!complete_) return false;
    const std::size_t at = slot_of(key);
    if (at == npos) {
      for (std::size_t i = 0; i < any_case_count_; ++i)
        if (ascii_iequals(any_case_[i], key)) return false;
      for (std::size_t& r : rows) r = key_index::npos;
      other_case = 0;
      return true;
    }
    const entry& e = entries_[at];
    for (std::size_t t = 0; t < N; ++t) rows[t] = e.rows[t] == no_row ? key_index::npos : e.rows[t];
    other_case = e.other_case;
    return true;
  }

 private:
  static constexpr std::size_t slots = 2 * capacity;  // open addressing, at most half full
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  static constexpr std::uint8_t no_row = 0xff;

  struct entry {
    std::string_view key{};
    std::array<std::uint8_t, N> rows{};
    std::uint32_t other_case{0};
  };

  // The length and four bytes tell apart the keys of these APIs well enough
  // for short probe runs, and cost the same whatever the key's length.
  static constexpr std::size_t hash(std::string_view k) noexcept {
    if (k.empty()) return 0;
    const auto b = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(k[i])); };
    const std::size_t n = k.size();
    return (n * 131u + b(0) * 31u + b(n / 2) * 17u + b(n - 1) * 7u + b(n > 1 ? 1 : 0)) % slots;
  }

  [[nodiscard]] constexpr std::size_t slot_of(std::string_view key) const noexcept {
    for (std::size_t probe = hash(key);; probe = (probe + 1) % slots) {
      const std::uint16_t s = slots_[probe];
      if (s == 0) return npos;
      if (entries_[s - 1u].key == key) return s - 1u;
    }
  }

  constexpr void add_any_case(std::string_view key) noexcept {
    for (std::size_t i = 0; i < any_case_count_; ++i)
      if (ascii_iequals(any_case_[i], key)) return;
    if (any_case_count_ == any_case_.size()) {
      complete_ = false;
      return;
    }
    any_case_[any_case_count_++] = key;
  }

  std::array<const key_index*, N> schemas_;
  std::array<entry, capacity> entries_{};
  std::array<std::uint16_t, slots> slots_{};
  std::size_t count_{0};
  std::array<std::string_view, 16> any_case_{};
  std::size_t any_case_count_{0};
  bool complete_{true};
};

}  // namespace alicert::internal
