#!/usr/bin/env bash
# Open-ended fuzzing (a campaign), not part of scripts/test.sh. Builds the fuzz
# targets through fuzz/build.sh, then fuzzes them on every core: one libFuzzer
# process per target, as many at a time as there are cores, each with a
# random seed for a time budget. Every target keeps a working corpus under the
# build folder that grows from campaign to campaign (corpus/ is read, never
# written); findings (crash-, leak-, timeout-, oom-) are collected, minimized,
# and printed with the command that reproduces each and the `cp` that commits
# it as a regression file.
#
#   scripts/fuzz.sh                      # every target, 180 s each
#   scripts/fuzz.sh 600 der pem          # chosen targets, 600 s each
#   ALICERT_FUZZ_BUILD_DIR=/tmp/bf ALICERT_FUZZ_PARALLEL=1 scripts/fuzz.sh 60
#
# Layout under the build folder (build-fuzz/, or $ALICERT_FUZZ_BUILD_DIR):
#   fuzz-campaign/<target>/corpus/   the working corpus, kept between campaigns
#   fuzz-campaign/<target>/log*      this campaign's libFuzzer logs
#   fuzz-findings/<target>/          findings, and <finding>.min, its minimized form
# Exit status: 0 when no target found anything new, 1 when one did (or failed to run).
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=180
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
build=${ALICERT_FUZZ_BUILD_DIR:-$src/build-fuzz}
out=$build/out
campaign=$build/fuzz-campaign
findings=$build/fuzz-findings
parallel=${ALICERT_FUZZ_PARALLEL:-$(nproc)}
# A target restarts after a finding while its budget lasts, up to this many findings.
max_findings=${ALICERT_FUZZ_MAX_FINDINGS:-5}
limits=(-timeout=25 -rss_limit_mb=2560 -malloc_limit_mb=2048)

echo "fuzz: building the fuzz targets in $build" >&2
mkdir -p "$build"
env -u LIB_FUZZING_ENGINE -u CFLAGS -u CXXFLAGS -u CC -u CXX \
  OUT="$out" ALICERT_FUZZ_BUILD_DIR="$build" "$src/fuzz/build.sh" >"$build/fuzz-build.log" 2>&1 || {
  tail -n 40 "$build/fuzz-build.log" >&2
  echo "fuzz: the build failed (log: $build/fuzz-build.log)" >&2
  exit 1
}

if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for o in "$out"/*.options; do targets+=("$(basename "$o" .options)"); done
fi
for t in "${targets[@]}"; do
  [ -x "$out/$t" ] || { echo "fuzz: no target $t in $out" >&2; exit 1; }
done

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

list_findings() {
  find "$findings/$1" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' \) ! -name '*.*' 2>/dev/null | LC_ALL=C sort
}

# One target for the whole budget: libFuzzer with a random seed, restarted
# after a finding (it stops at the first) until the time is spent.
fuzz_target() {
  local t=$1 dir=$campaign/$1 bin=$out/$1 deadline=$((SECONDS + seconds)) round=0
  local args=(-print_final_stats=1 "${limits[@]}" -artifact_prefix="$findings/$t/")
  [ -f "$out/$t.dict" ] && args+=(-dict="$out/$t.dict")
  local max_len
  max_len=$(sed -n 's/^max_len *= *\([0-9]*\).*/\1/p' "$out/$t.options" 2>/dev/null | head -n 1)
  [ -n "$max_len" ] && args+=(-max_len="$max_len")
  local seeds=()
  [ -d "$src/corpus/$t" ] && seeds=("$src/corpus/$t")
  local before initial
  before=$(list_findings "$t" | wc -l)
  initial=$before
  while [ $((deadline - SECONDS)) -gt 0 ]; do
    round=$((round + 1))
    # New inputs go to the first folder only: the working corpus, not corpus/.
    (cd "$dir" && "$bin" "${args[@]}" -max_total_time=$((deadline - SECONDS)) "$dir/corpus" "${seeds[@]}") \
      >"$dir/log.$round" 2>&1 || true
    # Restart only after a new finding made while fuzzing: a seed that fails
    # while the corpus loads would fail again at once.
    local found=$before
    before=$(list_findings "$t" | wc -l)
    if ! grep -q 'INITED' "$dir/log.$round"; then
      grep -qE 'ERROR: |invariant violated|disagree' "$dir/log.$round" ||
        echo "fuzz: $t stopped before fuzzing (see $dir/log.$round)" >"$dir/broken"
      break
    fi
    [ "$before" -gt "$found" ] || break
    [ $((before - initial)) -ge "$max_findings" ] && break
  done
  echo "$round" >"$dir/rounds"
}

for t in "${targets[@]}"; do
  mkdir -p "$campaign/$t/corpus" "$findings/$t"
  rm -f "$campaign/$t"/log.* "$campaign/$t/rounds" "$campaign/$t/broken"
  list_findings "$t" >"$campaign/$t/findings.before"
done

echo "fuzz: ${#targets[@]} targets, ${seconds}s each, $parallel at a time" >&2
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$parallel" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  echo "fuzz: $t started" >&2
  fuzz_target "$t" &
  running=$((running + 1))
done
wait || true

# A finding's report: why it fails, how to reproduce it, how to commit it.
report_finding() {
  local t=$1 f=$2 base kind known input why
  base=$(basename "$f")
  kind=${base%%-*}
  why() {
    "$out/$t" "${limits[@]}" "$1" 2>&1 | grep -m 1 -E \
      'invariant violated|disagree|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' || true
  }
  # libFuzzer names an artifact by the SHA-1 of its content: a corpus file
  # that fails is a fix gone missing, not a new finding.
  known=""
  if [ -d "$src/corpus/$t" ]; then
    known=$(cd "$src/corpus/$t" && sha1sum -- * 2>/dev/null | awk -v h="${base#*-}" '$1 == h { print $2; exit }')
  fi
  if [ -n "$known" ]; then
    report+=("$t: corpus/$t/$known fails, although it is a regression file (its fix is missing): $(why "$f")"
             "    reproduce: $out/$t $src/corpus/$t/$known")
    return
  fi
  [ -f "$f.min" ] || "$out/$t" -minimize_crash=1 -runs=20000 -max_total_time=120 "${limits[@]}" \
    -exact_artifact_path="$f.min" "$f" >"$f.minimize.log" 2>&1 || true
  input=$f
  [ -s "$f.min" ] && input=$f.min
  why=$(why "$input")
  report+=("$t: ${why:-$kind (the replay did not reproduce it)}"
           "    reproduce: $out/$t $input"
           "    commit:    cp $input $src/corpus/$t/regress_${kind}_${base#*-}   # then name it for what broke")
}

status=0
report=()
for t in "${targets[@]}"; do
  [ -f "$campaign/$t/broken" ] && { cat "$campaign/$t/broken" >&2; status=1; }
  while IFS= read -r f; do
    grep -qxF "$f" "$campaign/$t/findings.before" && continue
    status=1
    report_finding "$t" "$f"
  done < <(list_findings "$t")
done

printf '\n%-16s %12s %8s %8s %8s %8s %s\n' target execs cov ft corpus findings seed >&2
for t in "${targets[@]}"; do
  dir=$campaign/$t
  execs=0
  for log in "$dir"/log.*; do
    [ -f "$log" ] || continue
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    execs=$((execs + ${n:-0}))
  done
  last=$dir/log.$(cat "$dir/rounds" 2>/dev/null || echo 1)
  stats=$(grep -hE '^#[0-9]+[[:space:]]+(DONE|INITED|NEW|REDUCE|pulse|RELOAD)' "$last" 2>/dev/null | tail -n 1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$stats")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$stats")
  seed=$(sed -n 's/^INFO: Seed: //p' "$dir"/log.* 2>/dev/null | paste -sd, -)
  new=$(LC_ALL=C comm -13 "$dir/findings.before" <(list_findings "$t") | wc -l)
  files=$(find "$dir/corpus" -type f | wc -l)
  printf '%-16s %12s %8s %8s %8s %8s %s\n' "$t" "$execs" "${cov:-?}" "${ft:-?}" "$files" "$new" "${seed:-?}" >&2
done

if [ ${#report[@]} -gt 0 ]; then
  printf '\nfuzz: findings (minimized where libFuzzer could):\n' >&2
  printf '%s\n' "${report[@]}" >&2
  echo "fuzz: fix each, commit its regression file, and run scripts/fuzz_gate.sh" >&2
else
  echo "fuzz: no new finding" >&2
fi
exit "$status"
