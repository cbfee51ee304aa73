// Internal: subject alternative names as comparable keys, shared by the
// `sans` and `domain_list` checks: a kind letter and the value in the form
// it compares in (DNS names and emails in lower case without a trailing dot,
// IP addresses as their bytes, URIs as written). Two names are equal when
// their keys are, so lists compare as sorted sets in O(n log n).
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "alicert/check/facts.h"
#include "run.h"

namespace alicert::internal {

/// The key of a name of kind `k` (empty when it is not one: an IP that does not parse).
std::string_view san_key(run& r, san_kind k, std::string_view value);

/// The same key, in the run's key buffer rather than its arena: valid until
/// the next san_key or san_key_view (for looking a key up, not keeping it).
std::string_view san_key_view(run& r, san_kind k, std::string_view value);

/// The kind prefix of a note entry: "dns:", "ip:", "email:", "uri:".
inline std::string_view kind_prefix(san_kind k) noexcept {
  switch (k) {
    case san_kind::dns: return "dns:";
    case san_kind::ip: return "ip:";
    case san_kind::email: return "email:";
    case san_kind::uri: return "uri:";
  }
  return "";
}

inline void sort_keys(std::vector<std::string_view>& keys) { std::sort(keys.begin(), keys.end()); }

inline bool has_key(const std::vector<std::string_view>& sorted, std::string_view key) {
  return !key.empty() && std::binary_search(sorted.begin(), sorted.end(), key);
}

}  // namespace alicert::internal
