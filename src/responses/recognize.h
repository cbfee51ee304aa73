// Internal: which API a document is, from the keys its root held
// (docs/responses.md, Shared shapes: "Recognition").
#pragma once

#include <optional>

#include "walker.h"

namespace alicert::internal {

/// The API of a walked document, or none (unknown_shape): a document is
/// taken for an API by keys that only that API sends. `extra` gets the
/// quirks of the recognition itself (cert_infos_mixed, cert_infos_ambiguous).
std::optional<api> recognize(const walker& w, quirk_set& extra) noexcept;

/// The document of API `kind` the walk read: its view, its RequestId and the
/// quirks of its own reading (with those every API shares).
document_view view_of(parser_state& st, const walker& w, api kind, std::string_view json, std::size_t offset) noexcept;

}  // namespace alicert::internal
