#!/usr/bin/env bash
# Time to connect across the NAT lab's emulated consistent NATs (tests/nat/natlab.py), C++ vs Node:
# a listener behind NAT A, a connector behind NAT B (both plain masquerade, consistent mapping),
# timed from starting the connector to its `REMOTE` line (process start, DHT bootstrap, relayed
# handshake, holepunch). Pairs are interleaved run by run so machine load hits both alike; medians.
#   tests/bench/nat/run.sh [RUNS]        (default 10; root; build first; npm ci in tests/interop)
# Packets stay inside the namespaces the lab creates.
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-10}
cli=build/app/pluresdb-cli
[ -x "$cli" ] || { echo "build first: cmake --preset default && cmake --build --preset default" >&2; exit 1; }
echo "machine: $(nproc) cores, $(uname -r), node $(node --version)"
exec python3 tests/nat/natlab.py bench --cli "$cli" --runs "$runs"
