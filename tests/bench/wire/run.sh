#!/usr/bin/env bash
# Wire benchmark: C++ (bench_wire) and the Node packages (wire_bench.js, tcp_node.js) side by side,
# alternating, in one run on this machine. Prints every round, then medians and C++/Node ratios against
# the targets of issue 3 (handshake <= 0.3x Node's time, record throughput >= 3x Node's), both in wall
# time and in process CPU time (the steadier figure when the machine is shared).
# Builds nothing: build first (cmake --build --preset default) and run `npm ci` in tests/interop.
#   tests/bench/wire/run.sh [ROUNDS=5] [MiB per run=128] [BUILD_DIR=build]
# Every socket is on 127.0.0.1.
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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One secret-stream-over-TCP transfer between two processes. $1: receiver command (prints PORT n, then a
# JSON line when done); $2: sender command, to which PORT and MiB are appended. (Word-split on purpose.)
tcp_run() {
  # shellcheck disable=SC2086
  $1 "$mib" > "$tmp/recv.out" &
  local pid=$!
  for _ in $(seq 1 200); do grep -q '^PORT ' "$tmp/recv.out" 2>/dev/null && break; sleep 0.05; done
  local port; port=$(sed -n 's/^PORT //p' "$tmp/recv.out")
  # shellcheck disable=SC2086
  $2 "$port" "$mib" > /dev/null
  wait "$pid"
  grep '^{' "$tmp/recv.out"
}

results=()
for r in $(seq 1 "$rounds"); do
  c=$("$bin" "$mib"); echo "round $r  $c"; results+=("$c")
  n=$(node "$here/wire_bench.js" "$mib"); echo "round $r  $n"; results+=("$n")
  c=$(tcp_run "$bin tcp-recv" "$bin tcp-send"); echo "round $r  $c"; results+=("$c")
  n=$(tcp_run "node $here/tcp_node.js recv" "node $here/tcp_node.js send"); echo "round $r  $n"; results+=("$n")
done
printf '%s\n' "${results[@]}" | node -e '
const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse)
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const pick = (impl, k) => median(lines.filter((l) => l.impl === impl && k in l).map((l) => l[k]))
const rows = [
  ["Noise IK handshake, both sides: wall ms", "ikMs", "time", 0.3],
  ["Noise IK handshake, both sides: CPU ms", "ikCpuMs", "time", 0.3],
  ["Noise XX handshake, both sides: wall ms", "xxMs", "time", 0.3],
  ["Noise XX handshake, both sides: CPU ms", "xxCpuMs", "time", 0.3],
  ["secret-stream records 1 KiB, enc+dec: wall MiB/s", "records1024MiBps", "rate", 3],
  ["secret-stream records 1 KiB, enc+dec: MiB per CPU-s", "records1024CpuMiBps", "rate", 3],
  ["secret-stream records 64 KiB, enc+dec: wall MiB/s", "records65536MiBps", "rate", 3],
  ["secret-stream records 64 KiB, enc+dec: MiB per CPU-s", "records65536CpuMiBps", "rate", 3],
  ["secret-stream over TCP, 2 processes, 64 KiB: wall MiB/s", "tcpMiBps", "rate", null],
  ["  same, receiver MiB per CPU-s", "tcpRecvCpuMiBps", "rate", null],
  ["bare secretstream push+pull 1 KiB: MiB per CPU-s (ref)", "crypto1024CpuMiBps", "rate", null],
  ["bare secretstream push+pull 64 KiB: MiB per CPU-s (ref)", "crypto65536CpuMiBps", "rate", null],
  ["one noise-curve-ed DH: CPU ms (ref)", "dhCpuMs", "time", null],
  ["one Ed25519 key pair: CPU ms (ref)", "kpCpuMs", "time", null]
]
console.log("\nmedians over " + lines.filter((l) => l.impl === "cpp" && "ikMs" in l).length + " rounds:")
console.log("metric".padEnd(58) + "C++".padStart(10) + "Node".padStart(10) + "C++/Node".padStart(10) + "  target")
for (const [name, k, kind, target] of rows) {
  const c = pick("cpp", k); const n = pick("node", k); const ratio = c / n
  let verdict = ""
  if (target !== null) verdict = kind === "time" ? "<= " + target + "x: " + (ratio <= target ? "met" : "NOT met") : ">= " + target + "x: " + (ratio >= target ? "met" : "NOT met")
  console.log(name.padEnd(58) + String(+c.toFixed(4)).padStart(10) + String(+n.toFixed(4)).padStart(10) + ratio.toFixed(2).padStart(10) + "  " + verdict)
}
// What the targets leave room for. A handshake cannot cost less than its DHs and key pairs (both
// sides, IK: 8 DH + 2 key pairs, XX: 6 DH + 2), which both implementations take from libsodium;
// record throughput cannot exceed the bare cipher (the "bare secretstream" rows, push+pull).
const dh = pick("cpp", "dhCpuMs"); const kp = pick("cpp", "kpCpuMs")
console.log("\nfloors (C++ CPU time of the libsodium calls alone) against Node:")
for (const [name, k, ndh] of [["IK", "ikCpuMs", 8], ["XX", "xxCpuMs", 6]]) {
  const floor = ndh * dh + 2 * kp; const node = pick("node", k)
  console.log(("Noise " + name + " handshake floor: " + ndh + " DH + 2 key pairs, CPU ms").padEnd(58) + String(+floor.toFixed(4)).padStart(10) + String(+node.toFixed(4)).padStart(10) + (floor / node).toFixed(2).padStart(10) + "  lowest ratio possible with libsodium (target 0.3)")
}
for (const size of [1024, 65536]) {
  const bare = pick("cpp", "crypto" + size + "CpuMiBps"); const node = pick("node", "records" + size + "CpuMiBps")
  console.log(("records " + (size / 1024) + " KiB ceiling: bare cipher, MiB per CPU-s").padEnd(58) + String(+bare.toFixed(1)).padStart(10) + String(+node.toFixed(1)).padStart(10) + (bare / node).toFixed(2).padStart(10) + "  highest ratio possible with libsodium (target 3)")
}
'
