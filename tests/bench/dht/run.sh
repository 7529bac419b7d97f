#!/usr/bin/env bash
# hyperdht against npm hyperdht 6.34, in the same run, printed side by side:
#  - value codecs and ANNOUNCE verification (bench_dht_values / dht_values_node.js): medians of R runs
#  - lookup latency in a 20-node loopback network and storage bytes per record for 10k records
#    (bench_hyperdht_network / hyperdht_network_node.js)
#   tests/bench/dht/run.sh [RUNS] [ITERATIONS] [LOOKUPS] [RECORDS]
#   (build first: cmake --build build; npm ci in tests/interop). 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-5}; iterations=${2:-20000}; lookups=${3:-50}; records=${4:-10000}
exe=build/tests/bench/bench_dht_values
net=build/tests/bench/bench_hyperdht_network
for e in "$exe" "$net"; do
  [ -x "$e" ] || { echo "build first: cmake --preset default && cmake --build build" >&2; exit 1; }
done
echo "machine: $(nproc) cores, $(uname -r), node $(node --version)"
{
  "$exe" --runs "$runs" --iterations "$iterations"
  NODE_PATH=tests/interop/node_modules node tests/bench/dht/dht_values_node.js "$runs" "$iterations"
  "$net" --lookups "$lookups" --records "$records"
  NODE_PATH=tests/interop/node_modules node --expose-gc tests/bench/dht/hyperdht_network_node.js "$lookups" "$records"
} | python3 -c '
import json, sys
by = {}
for line in sys.stdin:
    if line.strip():
        r = json.loads(line)
        by.setdefault(r["figure"], {})[r["impl"]] = r["median"]
print("%-22s %14s %14s %9s" % ("figure", "C++ median", "Node median", "C++/Node"))
for fig, v in by.items():
    c, n = v.get("cpp", 0), v.get("node", 0)
    f = (lambda x: "%14d" % x) if max(c, n) >= 1000 else (lambda x: "%14.3f" % x)
    print("%-22s %s %s %9.2f" % (fig, f(c), f(n), c / n if n else float("nan")))
'
