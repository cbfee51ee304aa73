#!/usr/bin/env bash
# Fuzz smoke test: builds every fuzz target with clang, libFuzzer, ASan and
# UBSan (through fuzz/build.sh), then runs each one for a bounded time from a
# COPY of its seed folder corpus/<target>/ (corpus/ is never written). Any
# crash, leak, timeout, out-of-memory or sanitizer report fails the run.
#
#   scripts/fuzz_smoke.sh                 # every target, 25 s each
#   scripts/fuzz_smoke.sh 60 der pem      # chosen targets, 60 s each
#   ALICERT_FUZZ_BUILD_DIR=/tmp/bf scripts/fuzz_smoke.sh
#
# Prints one line per target (executions, coverage `cov`, features `ft` from
# libFuzzer's final stats). Exit status 0 when every target ran clean, 1 when
# one failed: its log, the input that failed and a reproduction command are
# kept under <build>/fuzz-smoke/<target>/.
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=25
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
build=${ALICERT_FUZZ_BUILD_DIR:-$src/build-fuzz}
out=$build/out
work=$build/fuzz-smoke

# Local defaults of fuzz/build.sh (clang, libFuzzer, ASan+UBSan), whatever the
# caller's environment says about OSS-Fuzz.
echo "fuzz_smoke: building the fuzz targets in $build" >&2
mkdir -p "$build"
env -u LIB_FUZZING_ENGINE -u CFLAGS -u CXXFLAGS -u CC -u CXX \
  OUT="$out" ALICERT_FUZZ_BUILD_DIR="$build" "$src/fuzz/build.sh" >"$build/fuzz-smoke-build.log" 2>&1 || {
  tail -n 40 "$build/fuzz-smoke-build.log" >&2
  echo "fuzz_smoke: the build failed (log: $build/fuzz-smoke-build.log)" >&2
  exit 1
}

if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for o in "$out"/*.options; do targets+=("$(basename "$o" .options)"); done
fi

rm -rf "$work"
mkdir -p "$work"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
printf '%-16s %-6s %12s %8s %8s %s\n' target result execs cov ft corpus >&2
for t in "${targets[@]}"; do
  bin=$out/$t
  [ -x "$bin" ] || { echo "fuzz_smoke: no target $t in $out" >&2; failed+=("$t"); continue; }
  dir=$work/$t
  mkdir -p "$dir/corpus"
  if [ -d "$src/corpus/$t" ]; then cp -R "$src/corpus/$t/." "$dir/corpus/"; fi
  seeds=$(find "$dir/corpus" -type f | wc -l)

  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$dir/")
  [ -f "$out/$t.dict" ] && args+=(-dict="$out/$t.dict")
  max_len=$(sed -n 's/^max_len *= *\([0-9]*\).*/\1/p' "$out/$t.options" 2>/dev/null | head -n 1)
  [ -n "$max_len" ] && args+=(-max_len="$max_len")

  rc=0
  (cd "$dir" && "$bin" "${args[@]}" "$dir/corpus") >"$dir/log" 2>&1 || rc=$?

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
  last=$(grep -E '^#[0-9]+[[:space:]]+(DONE|INITED|NEW|REDUCE|pulse|RELOAD)' "$dir/log" | tail -n 1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  files=$(find "$dir/corpus" -type f | wc -l)
  artifacts=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' -o -name 'slow-unit-*' \) | grep -v slow-unit || true)
  result=ok
  if [ "$rc" -ne 0 ] || [ -n "$artifacts" ] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$dir/log"; then
    result=FAILED
    failed+=("$t")
  fi
  printf '%-16s %-6s %12s %8s %8s %s\n' "$t" "$result" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$seeds->$files" >&2
  if [ "$result" = FAILED ]; then
    grep -m 3 -E 'invariant violated|disagree|ERROR: |runtime error:' "$dir/log" | sed 's/^/    /' >&2 || true
    for a in $artifacts; do
      echo "    input: $a" >&2
      echo "    reproduce: $bin $a" >&2
    done
    echo "    log: $dir/log" >&2
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz_smoke: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz_smoke: all ${#targets[@]} targets ran ${seconds}s each without a finding" >&2
