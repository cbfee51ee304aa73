#!/usr/bin/env bash
# The deterministic fuzz gate of scripts/test.sh: the same commit gives the
# same verdict on every machine. Builds every fuzz target with clang,
# libFuzzer, ASan and UBSan (through fuzz/build.sh), then per target:
#   1. replays every file of corpus/<target>/ (seeds and regress_* finds);
#   2. fuzzes for a fixed number of runs (the table below) with a fixed seed,
#      from those files, into an empty scratch corpus (corpus/ is never written).
# Any crash, leak, timeout, out-of-memory, sanitizer report or invariant abort
# fails the gate, with the input and the command that reproduces it.
#
#   scripts/fuzz_gate.sh                 # every target
#   scripts/fuzz_gate.sh der pem         # chosen targets
#   ALICERT_FUZZ_GATE_BUILD_DIR=/tmp/bf scripts/fuzz_gate.sh   # default build-fuzz-gate/
#   ALICERT_FUZZ_GATE_JOBS=1 scripts/fuzz_gate.sh               # targets at a time, default nproc
#
# Prints one line per target: result, executions, coverage `cov` and features
# `ft` of libFuzzer's final stats (equal on every run of the same commit), the
# files replayed and the seconds taken. Open-ended fuzzing is scripts/fuzz.sh.
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# ---- the gate's settings: change them on purpose, they change what it explores
# libFuzzer runs per target (seed replay included), sized for 5-25 s each on
# the 2-core development machine, check and stream about 50 s (303 s for all
# fifteen one after another; 159 s two at a time, stop 23).
declare -A runs=(
  [check]=20000
  [der]=200000
  [inner]=600000
  [parse_cas]=140000
  [parse_cdn]=60000
  [parse_error]=400000
  [parse_kms]=200000
  [parse_malformed]=350000
  [pem]=110000
  [stream]=18000
  [parse_gucd]=60000
  [parse_luco]=60000
  [parse_cdn_domain]=40000
  [parse_dcdn]=60000
  [parse_slb]=100000
)
seed=20261123
# Generous bounds: an input is a finding by what it does, never by how slow the machine is.
timeout_s=300
rss_limit_mb=4096
malloc_limit_mb=2048
# ----

# Its own build folder: the gate's flags differ from a campaign's (see below).
build=${ALICERT_FUZZ_GATE_BUILD_DIR:-$src/build-fuzz-gate}
out=$build/out
work=$build/fuzz-gate

echo "fuzz_gate: building the fuzz targets in $build" >&2
mkdir -p "$build"
# Local defaults of fuzz/build.sh (clang, libFuzzer, ASan+UBSan), whatever the
# caller's environment says about OSS-Fuzz, with two things ASLR moves taken out:
# - the stack-depth feature: under ASan every frame is realigned to 32 bytes,
#   so the depth an input reaches depends on where ASLR put the stack;
# - UBSan's vptr check: it looks each (vtable, type) pair up in a 128-slot
#   cache indexed by a hash of the vtable's address, and a hit and a miss are
#   different edges. Where ASLR loads libsimdjson decides which pairs share a
#   slot: about one run in 40 of parse_cdn_domain missed where the others hit,
#   one edge less from the very first seeds (cov 1416/ft 3542 against
#   1400/3345 after 40,000 runs). The ASan+UBSan ctest keeps the vptr check.
env -u LIB_FUZZING_ENGINE -u CFLAGS -u CXXFLAGS -u CC -u CXX \
  ALICERT_FUZZ_EXTRA_CXXFLAGS="-fno-sanitize-coverage=stack-depth -fno-sanitize=vptr" \
  OUT="$out" ALICERT_FUZZ_BUILD_DIR="$build" "$src/fuzz/build.sh" >"$build/fuzz-gate-build.log" 2>&1 || {
  tail -n 40 "$build/fuzz-gate-build.log" >&2
  echo "fuzz_gate: the build failed (log: $build/fuzz-gate-build.log)" >&2
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
# Fixed, not inherited: the sanitizers' settings are part of the verdict.
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# simdjson picks its kernel by CPU, and its kernels report some malformed input
# differently, which leads alicert down other paths: the gate pins one that
# every x86-64 CPU of the last fifteen years runs (fallback elsewhere).
simdjson=fallback
if [ "$(uname -m)" = x86_64 ] && grep -qw sse4_2 /proc/cpuinfo && grep -qw pclmulqdq /proc/cpuinfo; then
  simdjson=westmere
fi
export SIMDJSON_FORCE_IMPLEMENTATION=$simdjson
echo "fuzz_gate: simdjson implementation $simdjson, seed $seed" >&2

sanitizer_report='ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|invariant violated|disagree'

# A failed target's evidence: the first lines that say why, the inputs, how to reproduce.
explain() {
  local log=$1
  shift
  grep -m 3 -E "$sanitizer_report|SUMMARY" "$log" | sed 's/^/    /' >&2 || true
  for input in "$@"; do
    echo "    input: $input" >&2
    echo "    reproduce: ASAN_OPTIONS=$ASAN_OPTIONS UBSAN_OPTIONS=$UBSAN_OPTIONS" \
      "SIMDJSON_FORCE_IMPLEMENTATION=$simdjson $bin $input" >&2
  done
  echo "    log: $log" >&2
}

# One target, start to end: its table line (and, when it fails, the evidence)
# on standard error; returns non-zero when it fails.
gate_one() {
  local t=$1
  local bin=$out/$t
  local dir=$work/$t
  local n started rc seeds names args max_len execs done_line cov ft artifacts result culprit f
  mkdir -p "$dir/corpus"
  if [ ! -x "$bin" ]; then
    echo "fuzz_gate: no target $t in $out" >&2
    return 1
  fi
  n=${runs[$t]:-}
  if [ -z "$n" ]; then
    echo "fuzz_gate: no run count for $t: add it to the table in scripts/fuzz_gate.sh" >&2
    return 1
  fi
  started=$SECONDS

  # The seeds in name order, never the file system's: libFuzzer runs them in
  # the order given (then sorts them by size, keeping that order for ties).
  seeds=()
  if [ -d "$src/corpus/$t" ]; then
    while IFS= read -r f; do seeds+=("$f"); done < <(find "$src/corpus/$t" -type f | LC_ALL=C sort)
  fi
  for f in "${seeds[@]}"; do
    case $f in *,*) echo "fuzz_gate: a corpus file name holds a comma, which -seed_inputs cannot list: $f" >&2; exit 1 ;; esac
  done

  # 1. Replay, whole files (no -max_len), each run once.
  rc=0
  if [ ${#seeds[@]} -gt 0 ]; then
    (cd "$dir" && "$bin" -timeout="$timeout_s" -rss_limit_mb="$rss_limit_mb" -malloc_limit_mb="$malloc_limit_mb" \
      "${seeds[@]}") >"$dir/replay.log" 2>&1 || rc=$?
  fi
  if [ "$rc" -ne 0 ] || grep -qE "$sanitizer_report" "$dir/replay.log" 2>/dev/null; then
    printf '%-16s %-6s %10s %7s %7s %9s %5s\n' "$t" FAILED - - - "${#seeds[@]}" $((SECONDS - started)) >&2
    culprit=$(sed -n 's/^Running: //p' "$dir/replay.log" | tail -n 1)
    echo "    a corpus file fails on replay" >&2
    explain "$dir/replay.log" "${culprit:-?}"
    return 1
  fi

  # 2. Fuzz: fixed seed and run count, no reloading, an empty corpus folder.
  # -use_cmp=0: comparison operands become mutations, and among them are
  # stack and code addresses, which ASLR changes from run to run; without it
  # the same seed makes the same inputs (the dictionaries carry the tokens).
  # The process sees the same argv, environment and file names on every
  # machine (a link to the binary, relative paths, copies of the seeds and
  # dictionary, env -i): libFuzzer's own allocations then have the same sizes,
  # so the heap is laid out alike, and code whose path depends on how two
  # allocations are ordered (a pointer compared with another buffer's) takes
  # the same path.
  mkdir -p "$dir/seeds"
  names=()
  for f in "${seeds[@]}"; do
    cp "$f" "$dir/seeds/"
    names+=("seeds/$(basename "$f")")
  done
  printf '%s' "$(printf '%s\n' "${names[@]}" | paste -sd, -)" >"$dir/seeds.list"
  ln -sf "$bin" "$dir/target"
  args=(-seed="$seed" -runs="$n" -reload=0 -use_cmp=0 -timeout="$timeout_s" -rss_limit_mb="$rss_limit_mb"
        -malloc_limit_mb="$malloc_limit_mb" -print_final_stats=1 -artifact_prefix=./)
  [ ${#seeds[@]} -gt 0 ] && args+=(-seed_inputs=@seeds.list)
  if [ -f "$out/$t.dict" ]; then
    cp "$out/$t.dict" "$dir/dict"
    args+=(-dict=dict)
  fi
  max_len=$(sed -n 's/^max_len *= *\([0-9]*\).*/\1/p' "$out/$t.options" 2>/dev/null | head -n 1)
  [ -n "$max_len" ] && args+=(-max_len="$max_len")
  (cd "$dir" && env -i ASAN_OPTIONS="$ASAN_OPTIONS" UBSAN_OPTIONS="$UBSAN_OPTIONS" \
    SIMDJSON_FORCE_IMPLEMENTATION="$simdjson" ./target "${args[@]}" corpus) \
    >"$dir/fuzz.log" 2>&1 || rc=$?

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/fuzz.log" | tail -n 1)
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$dir/fuzz.log" | tail -n 1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")
  artifacts=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' \) | LC_ALL=C sort)
  result=ok
  if [ "$rc" -ne 0 ] || [ -n "$artifacts" ] || [ -z "$done_line" ] || grep -qE "$sanitizer_report" "$dir/fuzz.log"; then
    result=FAILED
  fi
  printf '%-16s %-6s %10s %7s %7s %9s %5s\n' "$t" "$result" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${#seeds[@]}" \
    $((SECONDS - started)) >&2
  if [ "$result" = FAILED ]; then
    # shellcheck disable=SC2086 # one artifact path per word
    explain "$dir/fuzz.log" $artifacts
    echo "    the whole run again: scripts/fuzz_gate.sh $t" >&2
    return 1
  fi
}

# The targets run side by side, one per core: each is its own process with
# its own seed, run count and folder, so running beside another changes none
# of its inputs or figures (the timeout is generous for a loaded machine).
# check and stream take about three times as long as any other: they start
# first, so the others fill the other core around them. The table is printed
# in the targets' order once all have ended, whatever order they ended in.
jobs=${ALICERT_FUZZ_GATE_JOBS:-$(nproc)}
order=()
for t in check stream; do
  for u in "${targets[@]}"; do [ "$u" = "$t" ] && order+=("$t"); done
done
for t in "${targets[@]}"; do
  case $t in check | stream) ;; *) order+=("$t") ;; esac
done
echo "fuzz_gate: ${#targets[@]} targets, $jobs at a time" >&2
gate_started=$SECONDS
running=0
for t in "${order[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  (
    rc=0
    gate_one "$t" 2>"$work/$t.report" || rc=$?
    echo "$rc" >"$work/$t.status"
  ) &
  running=$((running + 1))
done
wait

failed=()
printf '%-16s %-6s %10s %7s %7s %9s %5s\n' target result execs cov ft replayed secs >&2
for t in "${targets[@]}"; do
  cat "$work/$t.report" >&2 2>/dev/null || true
  [ "$(cat "$work/$t.status" 2>/dev/null)" = 0 ] || failed+=("$t")
done
echo "fuzz_gate: $((SECONDS - gate_started)) s for the ${#targets[@]} targets" >&2

if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz_gate: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz_gate: all ${#targets[@]} targets replayed their corpus and ran their fixed runs without a finding" >&2
