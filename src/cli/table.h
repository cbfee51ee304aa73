// alicert CLI: the human-readable rendering, a short table per document.
#pragma once

#include <string>

#include "record.h"

namespace alicert::cli {

/// Appends the record as a few lines of text to `out`: a heading (input,
/// index, api, request id), then per certificate its id, serial and validity
/// and one line per finding (check, status, reported vs actual). Every value
/// is made terminal-safe; long values are shortened.
void render_table(std::string& out, const output_record& record);

}  // namespace alicert::cli
