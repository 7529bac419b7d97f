#!/usr/bin/env bash
# Builds the libFuzzer targets (preset "fuzz", clang + ASan/UBSan) and runs each for a given time.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET[:SECONDS] ...]   (default 60 s, every tests/fuzz/fuzz_*.cpp)
#   JOBS=N     build parallelism (default 2)
#   NICE=N     run the fuzzers under `nice -n N` (default 0)
#   RUNS=N     also stop each target after N executions (libFuzzer -runs)
#   FUZZ_ARGS  extra libFuzzer flags for every target
# Every target starts from its committed seed corpus (tests/fuzz/corpus/<name>/, read only) plus
# what earlier runs found (tests/fuzz/work/<name>/, not committed); crashes, leaks and timeouts
# (an input taking > 25 s) go to tests/fuzz/artifacts/<name>-*. Keep a crasher as a regression
# test by fixing the bug and copying the input into tests/fuzz/corpus/<name>/ (the default ctest
# suite replays every corpus, "fuzzcorpus_<name>"). A small corpus to commit:
#   build-fuzz/tests/fuzz/fuzz_<name> -merge=1 tests/fuzz/corpus/<name> tests/fuzz/work/<name>
# At the end a table gives, per target, the executions, executions per second (wall clock, and per
# second of CPU the fuzzer got: the machine may be shared), the corpus size reached and the peak memory.
#
# Per-target flags live in tests/fuzz/<name>.options (one libFuzzer flag a line, '#' comments), e.g.
# a -max_len that fits what the decoder can receive. Run-time settings, for speed without weakening
# the checks (override them by setting the variables yourself):
# - ASan keeps 2 frames of each allocation's stack (not 30) and a 64 MB quarantine: unwinding and
#   storing 30 frames for every malloc halved the speed of the small decoders, and the 256 MB
#   quarantine made the kernel clear pages all the time. Rerun a crasher with
#   ASAN_OPTIONS=malloc_context_size=30 for the full allocation and free stacks.
# - UBSan stops at the first finding (halt_on_error), so undefined behaviour counts as a crash.
# - Qt's log output is off (QT_LOGGING_RULES): a decoder that warns on bad input would otherwise
#   write to stderr for every input.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
jobs=${JOBS:-2}
nicelevel=${NICE:-0}
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=2:quarantine_size_mb=64}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export QT_LOGGING_RULES=${QT_LOGGING_RULES:-*=false}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.cpp; do n=$(basename "$f" .cpp); targets+=("${n#fuzz_}"); done
fi
build=()
for t in "${targets[@]}"; do build+=("fuzz_${t%%:*}"); done
cmake --preset fuzz >/dev/null
cmake --build build-fuzz -j"$jobs" --target "${build[@]}" >/dev/null  # only the fuzz targets

mkdir -p tests/fuzz/artifacts
status=0
summary=()
for spec in "${targets[@]}"; do
  t=${spec%%:*}
  secs=$seconds
  [ "$spec" != "$t" ] && secs=${spec#*:}
  mkdir -p "tests/fuzz/work/$t" "tests/fuzz/corpus/$t"
  opts=()
  if [ -f "tests/fuzz/$t.options" ]; then
    while read -r line; do
      line=${line%%#*}
      for o in $line; do opts+=("$o"); done
    done <"tests/fuzz/$t.options"
  fi
  [ -n "${RUNS:-}" ] && opts+=("-runs=$RUNS")
  # shellcheck disable=SC2206
  [ -n "${FUZZ_ARGS:-}" ] && opts+=($FUZZ_ARGS)
  echo "== fuzz_$t for ${secs}s ${opts[*]}"
  start=$(date +%s)
  TIMEFORMAT='%U %S'
  if { time nice -n "$nicelevel" "build-fuzz/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=25 \
         -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="tests/fuzz/artifacts/$t-" "${opts[@]}" \
         "tests/fuzz/work/$t" "tests/fuzz/corpus/$t" 2>"tests/fuzz/work/$t.log"; } 2>"tests/fuzz/work/$t.time"; then
    result=ok
  else
    echo "fuzz_$t: FAILED (see tests/fuzz/work/$t.log and tests/fuzz/artifacts/)"; status=1
    result=FAILED
  fi
  elapsed=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "tests/fuzz/work/$t.log" | grep -o '[0-9]*$' || echo 0)
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "tests/fuzz/work/$t.log" | grep -o '[0-9]*$' || echo 0)
  corpus=$(grep -o 'corp: [0-9]*/[0-9a-zA-Z]*' "tests/fuzz/work/$t.log" | tail -1 | cut -d' ' -f2 || true)
  cpu=$(awk '{ printf "%d", $1 + $2 + 0.5 }' "tests/fuzz/work/$t.time" 2>/dev/null || echo 0)
  rate=$(( elapsed > 0 ? ${execs:-0} / elapsed : 0 ))
  cpurate=$(( cpu > 0 ? ${execs:-0} / cpu : 0 ))
  summary+=("$(printf '%-24s %-7s %7ss %7ss %12s %10s/s %10s/s %12s %6s MB' "$t" "$result" "$elapsed" "$cpu" \
    "${execs:-0}" "$rate" "$cpurate" "${corpus:-?}" "${rss:-?}")")
done
echo
printf '%-24s %-7s %8s %8s %12s %12s %12s %12s %9s\n' target result time cpu execs rate cpu-rate corpus peak
printf '%s\n' "${summary[@]}"
exit $status
