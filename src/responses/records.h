// Internal: the normalized certificate records, built from the schemas' roles.
#pragma once

#include <vector>

#include "alicert/responses/document.h"
#include "alicert/responses/record.h"

namespace alicert::internal {

/// Appends the records of `doc` to `out` (one per certificate the document describes).
void build_records(const document_view& doc, std::vector<certificate_record>& out);

}  // namespace alicert::internal
