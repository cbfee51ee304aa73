#!/usr/bin/env bash
# Installs the Debian packages alicert needs that are missing, and nothing else.
#   scripts/deps.sh            library, CLI and tests
#   scripts/deps.sh fuzz       + clang and libFuzzer
#   scripts/deps.sh bench      + the benchmark peers (JsonCpp, nlohmann-json, mbedTLS)
set -euo pipefail

# ca-certificates: the check tests' differential corpus (tests/check/ca_bundle_test.cpp)
packages=(cmake g++ make ninja-build pkg-config openssl ca-certificates libsimdjson-dev libssl-dev libgtest-dev)
for extra in "$@"; do
  case "$extra" in
    fuzz) packages+=(clang libfuzzer-14-dev libclang-rt-14-dev zip) ;;
    bench) packages+=(libbenchmark-dev libjsoncpp-dev nlohmann-json3-dev libmbedtls-dev) ;;
    *) echo "deps.sh: unknown extra '$extra' (fuzz, bench)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps.sh: installing ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
