#!/usr/bin/env bash
# Builds the libFuzzer targets (preset "fuzz", clang + ASan/UBSan) and runs each for a given time.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     (default 60 s, every target)
# New inputs go to tests/fuzz/work/<name>/ (not committed); crashes to tests/fuzz/artifacts/.
# Keep a crasher as a regression test by copying it into tests/fuzz/corpus/<name>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
cmake --preset fuzz >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.cpp; do n=$(basename "$f" .cpp); targets+=("${n#fuzz_}"); done
fi
mkdir -p tests/fuzz/artifacts
status=0
for t in "${targets[@]}"; do
  mkdir -p "tests/fuzz/work/$t" "tests/fuzz/corpus/$t"
  echo "== fuzz_$t for ${seconds}s"
  if ! "build-fuzz/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="tests/fuzz/artifacts/$t-" "tests/fuzz/work/$t" "tests/fuzz/corpus/$t" \
        2>"tests/fuzz/work/$t.log"; then
    echo "fuzz_$t: FAILED (see tests/fuzz/work/$t.log and tests/fuzz/artifacts/)"; status=1
  fi
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "tests/fuzz/work/$t.log" || true
done
exit $status
