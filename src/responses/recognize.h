// Internal: which API a document is, from the keys its root held
// (docs/responses.md, Shared shapes: "Recognition").
#pragma once

#include <optional>

#include "walker.h"

namespace alicert::internal {

/// The API of a walked document, or none (unknown_shape): a document is
/// taken for an API by keys that only that API sends.
std::optional<api> recognize(const walker& w) noexcept;

}  // namespace alicert::internal
