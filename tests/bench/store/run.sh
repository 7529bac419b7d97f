#!/usr/bin/env bash
# Store benchmark: prints local puts/s, merged ops/s, the floor of a merged op (the store's SQL alone)
# and the plain-SQLite baseline, median of 5 runs.
#   tests/bench/store/run.sh [--records N] [--runs R] [--dir DIR]   (build first: cmake --build build)
set -euo pipefail
cd "$(dirname "$0")/../../.."
exe=build/tests/bench/bench_store
[ -x "$exe" ] || { echo "build first: cmake --preset default && cmake --build build" >&2; exit 1; }
echo "machine: $(nproc) cores, $(uname -r), disk of $(df -h --output=target "${TMPDIR:-/tmp}" | tail -1)"
exec "$exe" "$@"
