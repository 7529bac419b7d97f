#!/usr/bin/env bash
# Wire benchmark: C++ (bench_wire) and the Node packages (wire_bench.js) side by side, alternating, in
# one run on this machine. Prints per-round figures, then medians and C++/Node ratios against the
# targets of issue 3 (handshake <= 0.3x Node's time, record throughput >= 3x Node's).
# Builds nothing: build first (cmake --build --preset default), and `npm ci` in tests/interop.
#   tests/bench/wire/run.sh [ROUNDS=5] [MiB per record run=128] [BUILD_DIR=build]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
rounds=${1:-5}
mib=${2:-128}
build=${3:-$root/build}
bin="$build/tests/bench/wire/bench_wire"
[ -x "$bin" ] || { echo "run.sh: $bin not built (cmake --build --preset default)" >&2; exit 1; }
export NODE_PATH="$root/tests/interop/node_modules"
[ -d "$NODE_PATH/@hyperswarm/secret-stream" ] || { echo "run.sh: run npm ci in tests/interop first" >&2; exit 1; }

results=()
for r in $(seq 1 "$rounds"); do
  c=$("$bin" "$mib"); echo "round $r  $c"; results+=("$c")
  n=$(node "$here/wire_bench.js" "$mib"); echo "round $r  $n"; results+=("$n")
done
printf '%s\n' "${results[@]}" | node -e '
const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse)
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const pick = (impl, k) => median(lines.filter((l) => l.impl === impl).map((l) => l[k]))
const rows = [
  ["Noise IK handshake, both sides (ms)", "ikMs", "time", 0.3],
  ["Noise XX handshake, both sides (ms)", "xxMs", "time", 0.3],
  ["secret-stream records 1 KiB (MiB/s)", "records1024MiBps", "rate", 3],
  ["secret-stream records 64 KiB (MiB/s)", "records65536MiBps", "rate", 3],
  ["bare secretstream push+pull 1 KiB (MiB/s, reference)", "crypto1024MiBps", "rate", null],
  ["bare secretstream push+pull 64 KiB (MiB/s, reference)", "crypto65536MiBps", "rate", null]
]
console.log("\nmedians over " + lines.length / 2 + " rounds:")
console.log("metric".padEnd(56) + "C++".padStart(10) + "Node".padStart(10) + "C++/Node".padStart(10) + "  target")
for (const [name, k, kind, target] of rows) {
  const c = pick("cpp", k); const n = pick("node", k); const ratio = c / n
  let verdict = ""
  if (target !== null) verdict = kind === "time" ? (ratio <= target ? "<= " + target + "x: met" : "<= " + target + "x: NOT met") : (ratio >= target ? ">= " + target + "x: met" : ">= " + target + "x: NOT met")
  console.log(name.padEnd(56) + String(c).padStart(10) + String(n).padStart(10) + ratio.toFixed(2).padStart(10) + "  " + verdict)
}
'
