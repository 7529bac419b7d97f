#!/usr/bin/env bash
# README command 2: installs what is missing, builds, and runs the whole test suite.
#   scripts/test.sh            the default suite (well under 20 minutes on 2 cores)
#   scripts/test.sh --long     also the long soaks (label "long")
#   scripts/test.sh --asan     the same suite in the ASan+UBSan build (build-asan/)
#   scripts/test.sh --tsan     the engine tests in the TSan build (build-tsan/): the engine thread
#                              and its task queues, the Database facade, sync sessions, the store
#                              and UDX (override the selection with -- -R REGEX)
# Extra arguments after "--" go to ctest (e.g. scripts/test.sh -- -R store).
set -euo pipefail
cd "$(dirname "$0")/.."

preset=default
long=0
ctest_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --long) long=1 ;;
    --asan) preset=asan ;;
    --tsan) preset=tsan ;;
    --) shift; ctest_args+=("$@"); break ;;
    *) echo "test.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

bash scripts/setup.sh
(cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)

cmake --preset "$preset"
cmake --build --preset "$preset" -j"$(nproc)"

if [ "$long" = 0 ]; then
  ctest_args=(-LE long "${ctest_args[@]}")
fi
if [ "$preset" = tsan ]; then
  # tests/tsan.supp names only Qt's internals (the distribution's Qt is not built with TSan).
  export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1 die_after_fork=0 suppressions=$PWD/tests/tsan.supp}"
  if ! printf '%s\n' "${ctest_args[@]}" | grep -qx -- '-R'; then
    # The engine tests: one process each. Tests that start CLI processes (QProcess forks) are left
    # out: after a fork this TSan runtime reports stale stack accesses as races (README).
    ctest_args=(-R '^(unit_api_|unit_engine_|unit_sync_|unit_store_|unit_udx_)' -E 'unit_api_shared_ws_port' "${ctest_args[@]}")
  fi
fi
export PLURESDB_TEST_LONG=$long
# The keychain tests need a session bus and an unlocked secret service; everything else is
# indifferent to it. ctest-session.sh runs inside that private session.
exec dbus-run-session -- bash scripts/ctest-session.sh --preset "$preset" -j"$(nproc)" "${ctest_args[@]}"
