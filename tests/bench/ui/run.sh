#!/usr/bin/env bash
# Data browser over a large space: time to first paint and the longest GUI-thread stall while
# scrolling. The space (1M records by default) is made once in $TMPDIR and reused.
#   tests/bench/ui/run.sh [--records N] [--db DIR] [--steps S]     (build first)
set -euo pipefail
cd "$(dirname "$0")/../../.."
exe=build/tests/bench/ui/bench_browser
[ -x "$exe" ] || { echo "build first: cmake --preset default && cmake --build build" >&2; exit 1; }
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} exec "$exe" "$@"
