#!/bin/sh
# Sync benchmark, side by side in one run (issue #7): a fresh peer receives N records of ~200 B over
# loopback (time until digests are equal; target <= 3 s) and live-op latency p50/p99, for our
# protocol (bench_sync: C++, TCP + secret-stream, SQLite on disk with fsync per batch) and for two
# Node peers speaking the PluresDB 2.x JSON protocol (legacy_json_bench.js, in-memory Maps).
#   tests/bench/sync/run.sh [BUILD_DIR=build] [N=100000] [M=1000]
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build}
n=${2:-100000}
m=${3:-1000}
export NODE_PATH="$root/tests/interop/node_modules"
cpp=$("$build/tests/bench/bench_sync" "$n" "$m" "${TMPDIR:-/tmp}")
# The same on a RAM disk: what the protocol costs without the disk's fsync per commit.
if [ -d /dev/shm ]; then cpp="$cpp
$("$build/tests/bench/bench_sync" "$n" "$m" /dev/shm)"; fi
node=$(node "$here/legacy_json_bench.js" "$n" "$m")
printf '%s\n%s\n' "$cpp" "$node" | node -e '
const rows = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse)
const f = (x) => x.toFixed(x < 10 ? 2 : 0)
console.log("implementation                           records  catch-up ms  live p50 ms  live p99 ms")
for (const r of rows) console.log(r.impl.padEnd(40), String(r.records).padStart(7), f(r.catchUpMs).padStart(12), f(r.liveP50Ms).padStart(12), f(r.liveP99Ms).padStart(12))
'
