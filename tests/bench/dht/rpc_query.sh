#!/usr/bin/env bash
# FIND_NODE query latency in a loopback hyperdht/testnet: the C++ node (bench_dht_rpc_query) and an
# npm dht-rpc 6.27 node against the same network in one run, side by side.
#   tests/bench/dht/rpc_query.sh [SIZE] [QUERIES]   (build first; npm ci in tests/interop)
set -euo pipefail
cd "$(dirname "$0")/../../.."
size=${1:-20}; queries=${2:-50}
exe=build/tests/bench/bench_dht_rpc_query
[ -x "$exe" ] || { echo "build first: cmake --preset default && cmake --build build" >&2; exit 1; }
echo "machine: $(nproc) cores, $(uname -r), node $(node --version); testnet of $size nodes, $queries queries"
NODE_PATH=tests/interop/node_modules node tests/bench/dht/dht_rpc_query_node.js "$exe" "$size" "$queries" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin if l.strip()]
keys = ["bootstrapMs", "medianMs", "p90Ms", "avgReplies", "tableSize"]
print("%-6s" % "impl" + "".join("%13s" % k for k in keys))
for r in rows:
    print("%-6s" % r["impl"] + "".join("%13s" % r[k] for k in keys))
'
