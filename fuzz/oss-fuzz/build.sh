#!/bin/bash -eu
# OSS-Fuzz entry point: everything happens in the project's own fuzz/build.sh.
"$SRC/alicert/fuzz/build.sh"
