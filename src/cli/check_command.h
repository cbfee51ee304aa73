// alicert CLI: `alicert check`, the loop over inputs and documents.
#pragma once

#include <cstddef>

#include "args.h"

namespace alicert::cli {

/// Exit statuses of report.md.
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_errors = 2;
inline constexpr int exit_expiring = 3;

/// Checks every document of every input in `o`, writing each record as soon
/// as its document is checked, in input order: inputs are read in blocks,
/// and nothing is kept but the window of documents pairing needs. Returns
/// the exit status.
int run_check(const options& o);

/// The number of CPUs this process may run on (the default --jobs).
std::size_t available_cpus() noexcept;

}  // namespace alicert::cli
