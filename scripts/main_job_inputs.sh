#!/usr/bin/env bash
# The main job's inputs, one path per line, relative to the project root:
# every positive response document of the shipped corpus (consistent by
# construction, corpus/README.md) and the error envelopes. Fuzz regressions
# (regress_*) are inputs that once broke a fuzz target, not documents the
# main job vouches for, so they are left out; tests/cli checks that the
# selection gives no error, no mismatch and no invalid finding.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shopt -s nullglob
for f in corpus/parse_{cas,kms,cdn,error,gucd,luco,cdn_domain,dcdn,slb}/*.json corpus/check/*; do
  case "$(basename "$f")" in regress_* | negative_* | README.md) continue ;; esac
  printf '%s\n' "$f"
done
