#!/usr/bin/env bash
# Every test, from a fresh Debian 12 machine: installs what is missing, then
#   1. builds with GCC and runs the whole ctest suite (unit, CLI, corpus
#      replay through the fuzz targets, install + consumer package test);
#   2. builds the unit tests with Clang under AddressSanitizer and
#      UndefinedBehaviorSanitizer and runs them;
#   3. builds the libFuzzer targets as OSS-Fuzz would, replays each target's
#      corpus and fuzzes it for a fixed number of runs with a fixed seed
#      (scripts/fuzz_gate.sh: the same commit always gets the same verdict).
# Any failure stops it with a non-zero status.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=$(nproc)
step() { printf '\n== %s\n' "$*"; }

step "dependencies"
"$root/scripts/deps.sh" fuzz

step "GCC build and ctest"
# -g1 (line tables and functions, no variable locations): what a failing
# test's backtrace needs; the same code as -g, compiled about 30% faster
# (the check tests: 37.5 s against 26.2 s on 2 cores, stop 23).
cmake -S "$root" -B "$root/build/gcc" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" -DCMAKE_CXX_COMPILER=g++ -DALICERT_BUILD_FUZZ=ON
cmake --build "$root/build/gcc" -j"$jobs"
ctest --test-dir "$root/build/gcc" -j"$jobs" --output-on-failure

step "Clang build with AddressSanitizer + UndefinedBehaviorSanitizer and ctest"
cmake -S "$root" -B "$root/build/asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_COMPILER=clang++ -DALICERT_SANITIZE=address,undefined -DALICERT_INSTALL=OFF
cmake --build "$root/build/asan" -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir "$root/build/asan" -j"$jobs" --output-on-failure

step "fuzz gate: corpus replay and fixed-seed fuzzing of each target"
"$root/scripts/fuzz_gate.sh"
