#!/usr/bin/env bash
# Builds the libFuzzer targets (preset "fuzz", clang + ASan/UBSan) and runs each for a given time.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     (default 60 s, every tests/fuzz/fuzz_*.cpp)
#   JOBS=N     build parallelism (default: nproc)
# Every target starts from its committed seed corpus (tests/fuzz/corpus/<name>/, read only) plus
# what earlier runs found (tests/fuzz/work/<name>/, not committed); crashes, leaks and timeouts
# (an input taking > 25 s) go to tests/fuzz/artifacts/<name>-*. Keep a crasher as a regression
# test by fixing the bug and copying the input into tests/fuzz/corpus/<name>/ (the default ctest
# suite replays every corpus, "fuzzcorpus_<name>"). At the end a table gives, per target, the
# executions, executions per second, the corpus size reached and the peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
jobs=${JOBS:-$(nproc)}
cmake --preset fuzz >/dev/null
cmake --build build-fuzz -j"$jobs" >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.cpp; do n=$(basename "$f" .cpp); targets+=("${n#fuzz_}"); done
fi
mkdir -p tests/fuzz/artifacts
status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "tests/fuzz/work/$t" "tests/fuzz/corpus/$t"
  echo "== fuzz_$t for ${seconds}s"
  start=$(date +%s)
  if ! "build-fuzz/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="tests/fuzz/artifacts/$t-" \
        "tests/fuzz/work/$t" "tests/fuzz/corpus/$t" 2>"tests/fuzz/work/$t.log"; then
    echo "fuzz_$t: FAILED (see tests/fuzz/work/$t.log and tests/fuzz/artifacts/)"; status=1
    result=FAILED
  else
    result=ok
  fi
  elapsed=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "tests/fuzz/work/$t.log" | grep -o '[0-9]*$' || echo 0)
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "tests/fuzz/work/$t.log" | grep -o '[0-9]*$' || echo 0)
  corpus=$(grep -o 'corp: [0-9]*/[0-9a-zA-Z]*' "tests/fuzz/work/$t.log" | tail -1 | cut -d' ' -f2 || true)
  rate=$(( elapsed > 0 ? ${execs:-0} / elapsed : 0 ))
  summary+=("$(printf '%-24s %-7s %8ss %12s %10s/s %12s %6s MB' "$t" "$result" "$elapsed" "${execs:-0}" "$rate" "${corpus:-?}" "${rss:-?}")")
done
echo
printf '%-24s %-7s %9s %12s %12s %12s %9s\n' target result time execs rate corpus peak
printf '%s\n' "${summary[@]}"
exit $status
