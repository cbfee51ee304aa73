#!/usr/bin/env bash
# The CLI's threads under ThreadSanitizer: builds the CLI and its tests with
# Clang and -fsanitize=thread (build/tsan), runs the tests that drive more
# than one thread (--jobs, streaming, pairing, the splitter), then checks a
# 10,000-document stream with --jobs 1, 2 and 4 and compares the outputs.
# Any race report, any failed test or any difference exits non-zero.
#
# Not part of scripts/test.sh, which must stay within CI's time (this takes
# about 4 minutes on two cores).
#
#   scripts/tsan.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build/tsan
"$root/scripts/deps.sh" fuzz

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DALICERT_SANITIZE=thread -DALICERT_INSTALL=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target alicert_cli alicert_cli_tests

# halt_on_error=0: every report of a run, not only the first; TSan's exit
# status (66) still fails the run. The CLI tests run the CLI as a child
# process, whose reports fail the test that ran it.
export TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1"
"$build/tests/alicert_cli_tests" --gtest_filter='*Jobs*:*Stream*:*Pairing*:*Splitter*:Pipeline.*'

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$root/corpus/parse_cas" "$root/corpus/parse_kms" "$work/stream.ndjson" <<'GEN'
import glob, os, sys
docs = []
for folder in sys.argv[1:3]:
    docs += [open(f, "rb").read().replace(b"\r", b" ").replace(b"\n", b" ").strip() + b"\n"
             for f in sorted(glob.glob(os.path.join(folder, "*.json")))]
with open(sys.argv[3], "wb") as o:
    for i in range(10000):
        o.write(docs[i % len(docs)])
GEN
status=0
for jobs in 1 2 4; do
  rc=0
  "$build/src/alicert" check --json --jobs "$jobs" --now 2024-06-01T00:00:00Z "$work/stream.ndjson" \
    >"$work/out-$jobs.json" 2>"$work/err-$jobs.txt" || rc=$?
  if [ "$rc" -gt 1 ] || grep -q ThreadSanitizer "$work/err-$jobs.txt"; then
    echo "tsan.sh: --jobs $jobs exited $rc:" >&2
    head -n 40 "$work/err-$jobs.txt" >&2
    status=1
  fi
  if [ "$jobs" != 1 ] && ! cmp -s "$work/out-1.json" "$work/out-$jobs.json"; then
    echo "tsan.sh: --jobs $jobs wrote other records than --jobs 1" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "tsan.sh: no race reported; --jobs 1, 2 and 4 wrote the same records"
exit "$status"
