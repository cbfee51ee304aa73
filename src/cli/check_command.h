// alicert CLI: `alicert check`, the loop over inputs and documents.
#pragma once

#include "args.h"

namespace alicert::cli {

/// Exit statuses of report.md.
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_errors = 2;
inline constexpr int exit_expiring = 3;

/// Checks every document of every input in `o`, printing one record per
/// document as it goes (nothing is accumulated but the KMS index of the input
/// at hand). Returns the exit status.
int run_check(const options& o);

}  // namespace alicert::cli
