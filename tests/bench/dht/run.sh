#!/usr/bin/env bash
# hyperdht value codecs and ANNOUNCE verification: C++ (bench_dht_values) and npm hyperdht 6.34
# (dht_values_node.js) on the same inputs in the same run; prints medians of R runs and C++/Node.
#   tests/bench/dht/run.sh [RUNS] [ITERATIONS]   (build first: cmake --build build; npm ci in tests/interop)
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-5}; iterations=${2:-20000}
exe=build/tests/bench/bench_dht_values
[ -x "$exe" ] || { echo "build first: cmake --preset default && cmake --build build" >&2; exit 1; }
echo "machine: $(nproc) cores, $(uname -r), node $(node --version)"
{
  "$exe" --runs "$runs" --iterations "$iterations"
  NODE_PATH=tests/interop/node_modules node tests/bench/dht/dht_values_node.js "$runs" "$iterations"
} | python3 -c '
import json, sys
by = {}
for line in sys.stdin:
    if line.strip():
        r = json.loads(line)
        by.setdefault(r["figure"], {})[r["impl"]] = r["median"]
print("%-22s %14s %14s %9s" % ("figure", "C++ median", "Node median", "C++/Node"))
for fig, v in by.items():
    print("%-22s %14d %14d %9.2f" % (fig, v["cpp"], v["node"], v["cpp"] / v["node"]))
'
