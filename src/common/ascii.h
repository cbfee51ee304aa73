// Internal: ASCII case folding, the one definition every wing uses (API keys,
// tag keys, algorithm names, hex, DNS names: none is locale-dependent).
#pragma once

#include <cstddef>
#include <string_view>

namespace alicert::internal {

constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

constexpr bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

}  // namespace alicert::internal
