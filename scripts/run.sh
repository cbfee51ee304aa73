#!/usr/bin/env bash
# The main job, from a fresh Debian 12 machine: installs what is missing,
# builds alicert in Release, and runs `alicert check` over the shipped corpus
# (every positive response document, and the KMS describe+get pairs).
#   scripts/run.sh            readable table
#   scripts/run.sh --json     JSON Lines, as report.md specifies
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build/release"

"$root/scripts/deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DALICERT_BUILD_TESTS=OFF -DALICERT_INSTALL=OFF >/dev/null
cmake --build "$build" --target alicert_cli -j"$(nproc)" >&2

shopt -s nullglob
inputs=("$root"/corpus/parse_{cas,kms,cdn,error}/*.json "$root"/corpus/check/*)
exec "$build/src/alicert" check "$@" "${inputs[@]}"
