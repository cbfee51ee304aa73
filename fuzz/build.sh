#!/usr/bin/env bash
# Builds alicert's fuzz targets the OSS-Fuzz way, through CMake.
#
# Under OSS-Fuzz (fuzz/oss-fuzz/build.sh calls this): $CC $CXX $CFLAGS
# $CXXFLAGS instrument everything, $LIB_FUZZING_ENGINE is linked into the fuzz
# targets only, and $OUT receives per target: the binary, <target>.dict,
# <target>.options and <target>_seed_corpus.zip (from corpus/<target>/).
#
# Run by hand, without those variables, it builds locally with clang,
# libFuzzer, ASan and UBSan into build-fuzz/ and puts the same files in
# build-fuzz/out/ (alicert is C++ only: $CC and $CFLAGS go unused):
#     fuzz/build.sh                      # or: ALICERT_FUZZ_BUILD_DIR=/tmp/b fuzz/build.sh
#     build-fuzz/out/parse_cas -dict=build-fuzz/out/parse_cas.dict corpus/parse_cas
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [ -z "${LIB_FUZZING_ENGINE:-}" ]; then
  # Local defaults: what OSS-Fuzz would pass for libFuzzer + ASan/UBSan.
  # -fsanitize=fuzzer-no-link instruments the library for coverage; the fuzz
  # targets get -fsanitize=fuzzer at link time through ALICERT_FUZZ_ENGINE.
  export CC=${CC:-clang}
  export CXX=${CXX:-clang++}
  # $ALICERT_FUZZ_EXTRA_CXXFLAGS is appended (scripts/fuzz_gate.sh turns off
  # the stack-depth coverage feature and the UBSan vptr check with it).
  san="-fsanitize=address,undefined -fno-sanitize-recover=all -fsanitize=fuzzer-no-link"
  export CFLAGS=${CFLAGS:-"-O1 -g -fno-omit-frame-pointer $san"}
  export CXXFLAGS=${CXXFLAGS:-"-O1 -g -fno-omit-frame-pointer $san ${ALICERT_FUZZ_EXTRA_CXXFLAGS:-}"}
  export LIB_FUZZING_ENGINE=-fsanitize=fuzzer
  export OUT=${OUT:-$src/build-fuzz/out}
fi
: "${OUT:?OUT must name the output folder}"

if [ -n "${ALICERT_FUZZ_BUILD_DIR:-}" ]; then
  build=$ALICERT_FUZZ_BUILD_DIR
elif [ -n "${WORK:-}" ]; then
  build=$WORK/alicert-fuzz          # OSS-Fuzz's scratch space
else
  build=$src/build-fuzz
fi
mkdir -p "$build" "$OUT"

generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
# The flags come from $CXXFLAGS alone: a build type of our own adds none of
# CMake's (-O2 -DNDEBUG), so asserts stay on while fuzzing. The fuzzers run
# where only $OUT exists (OSS-Fuzz's runner image): OpenSSL is linked
# statically, and the distribution ships simdjson only as a shared library,
# which is copied to $OUT/lib and found through the RPATH $ORIGIN/lib.
cmake -S "$src" -B "$build" "${generator[@]}" \
  -DCMAKE_BUILD_TYPE=Fuzz \
  -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="${CXXFLAGS:-}" \
  -DALICERT_BUILD_FUZZ=ON -DALICERT_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" \
  -DALICERT_BUILD_TESTS=OFF -DALICERT_BUILD_CLI=OFF -DALICERT_INSTALL=OFF \
  -DALICERT_BUILD_BENCH=OFF -DALICERT_SANITIZE= \
  -DOPENSSL_USE_STATIC_LIBS=TRUE -DCMAKE_BUILD_RPATH='$ORIGIN/lib' >/dev/null
cmake --build "$build" --target all_fuzzers -j "${ALICERT_FUZZ_JOBS:-$(nproc)}"

# The targets: every fuzz/<name>.cpp that defines LLVMFuzzerTestOneInput.
targets=()
for f in "$src"/fuzz/*.cpp; do
  name=$(basename "$f" .cpp)
  [ "$name" = replay_main ] && continue
  grep -q 'LLVMFuzzerTestOneInput(const' "$f" && targets+=("$name")
done

dict_for() {
  case "$1" in
    parse_* | stream | check) echo json.dict ;;
    inner) echo inner.dict ;;
    pem) echo pem.dict ;;
    der) echo der.dict ;;
    *) echo "" ;;
  esac
}

for t in "${targets[@]}"; do
  cp "$build/fuzz/$t" "$OUT/$t"
  dict=$(dict_for "$t")
  if [ -n "$dict" ]; then
    cp "$src/fuzz/dict/$dict" "$OUT/$t.dict"
  fi
  cp "$src/fuzz/options/$t.options" "$OUT/$t.options"
  rm -f "$OUT/${t}_seed_corpus.zip"
  if [ -d "$src/corpus/$t" ] && [ -n "$(ls -A "$src/corpus/$t")" ]; then
    (cd "$src/corpus/$t" && zip -q -r "$OUT/${t}_seed_corpus.zip" .)
  fi
done
mkdir -p "$OUT/lib"
for t in "${targets[@]}"; do
  ldd "$OUT/$t" 2>/dev/null | awk '/simdjson/ { print $3 }'
done | sort -u | while read -r lib; do
  # (Once copied, the RUNPATH resolves it in $OUT/lib itself.)
  if [ -f "$lib" ] && [ "$(cd "$(dirname "$lib")" && pwd -P)" != "$(cd "$OUT/lib" && pwd -P)" ]; then
    cp -L "$lib" "$OUT/lib/"
  fi
done
echo "fuzz/build.sh: ${#targets[@]} targets in $OUT: ${targets[*]}"
