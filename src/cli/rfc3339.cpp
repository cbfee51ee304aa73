#include "rfc3339.h"

#include <span>

namespace alicert::cli {

// The library's formatter (by hand, no printf) writes straight into the
// record: one home for the date text.
char* write_rfc3339(char* out, utc_seconds t) noexcept {
  const std::string_view text = format_rfc3339(t, std::span<char, rfc3339_bound>(out, rfc3339_bound));
  return out + text.size();
}

}  // namespace alicert::cli
