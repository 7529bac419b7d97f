#!/usr/bin/env bash
# hyperdht connect time on loopback, C++ (all-C++ DHT) versus Node (hyperdht/testnet), medians of
# RUNS fresh client nodes each, printed side by side. 127.0.0.1 only.
#   tests/bench/dht/connect.sh [RUNS]   (build first; npm ci in tests/interop)
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-20}
exe=build/tests/bench/bench_hyperdht_connect
[ -x "$exe" ] || { echo "build first: cmake --build --preset default --target bench_hyperdht_connect" >&2; exit 1; }
echo "machine: $(nproc) cores, $(uname -r), node $(node --version), load $(cut -d' ' -f1-3 /proc/loadavg)"
{
  "$exe" --runs "$runs"
  NODE_PATH=tests/interop/node_modules node tests/bench/dht/hyperdht_connect_node.js "$runs"
} | python3 -c '
import json, sys
by = {}
for line in sys.stdin:
    if line.strip().startswith("{"):
        r = json.loads(line)
        by.setdefault(r["figure"], {})[r["impl"]] = r
print("%-22s %12s %12s %9s" % ("figure", "C++ median", "Node median", "C++/Node"))
for fig, v in by.items():
    c, n = v.get("cpp", {}), v.get("node", {})
    cm, nm = c.get("median", 0), n.get("median", 0)
    print("%-22s %12.2f %12.2f %9.2f   (n=%s/%s, failures %s/%s)" % (fig, cm, nm, cm / nm if nm else float("nan"),
          c.get("n"), n.get("n"), c.get("failures"), n.get("failures")))
'
