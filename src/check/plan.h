// Internal: an API's plan, derived from its schema at compile time: the
// checks in report order, each with the fields that feed it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "responses/schema.h"

namespace alicert::internal {

struct plan_step {
  check_id check{internal::no_check};
  std::uint8_t row{0};
};

/// Every (check, field) pair of `Schema`, in check_id order, then field order.
template <class View, std::size_t N>
struct plan {
  std::array<plan_step, 2 * N> steps{};
  std::size_t size{0};
};

template <class View, std::size_t N>
constexpr plan<View, N> make_plan(const std::array<internal::field<View>, N>& schema) noexcept {
  plan<View, N> p;
  for (unsigned c = 0; c < check_count; ++c)
    for (std::size_t row = 0; row < N; ++row)
      if (schema[row].checks.has(static_cast<check_id>(c)))
        p.steps[p.size++] = plan_step{static_cast<check_id>(c), static_cast<std::uint8_t>(row)};
  return p;
}

}  // namespace alicert::internal
