#!/usr/bin/env bash
# The main job, from a fresh Debian 12 machine: installs what is missing,
# builds alicert in Release (build/release, installable with
# `cmake --install build/release`), and runs `alicert check` over the shipped
# corpus's positive documents (scripts/main_job_inputs.sh).
#   scripts/run.sh            readable table, ending with a totals line
#   scripts/run.sh --json     JSON Lines, as docs/report.md specifies
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build/release"

"$root/scripts/deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DALICERT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target alicert_cli -j"$(nproc)" >&2

mapfile -t inputs < <("$root/scripts/main_job_inputs.sh")
cd "$root"
exec "$build/src/alicert" check "$@" "${inputs[@]}"
