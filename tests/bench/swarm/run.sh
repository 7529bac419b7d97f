#!/bin/sh
# Join → first connection, C++ swarm vs Node hyperswarm, on a loopback testnet. Usage:
#   tests/bench/swarm/run.sh [BUILD_DIR] [RUNS]
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build}
export NODE_PATH="$root/tests/interop/node_modules"
export PLURESDB_INTEROP_DIR="$root/tests/interop"
exec "$build/tests/bench/bench_swarm_join" "${2:-20}"
