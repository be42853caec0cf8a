#!/usr/bin/env bash
# Builds Foyer's fuzz targets with libFuzzer and AddressSanitizer and runs each for
# FUZZ_SECONDS (default 600), two at a time (the machine's cores), seeded with the shipped
# archetypes and tariffs, the seeds in Fuzz/Seeds and, when ../shared is present, the real
# weather files. Crashes are written to Fuzz/artifacts/<target>/; each run's last status line
# (executions, coverage) is printed at the end. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-600}"
TARGETS="${FUZZ_TARGETS:-FuzzDwelling FuzzTariff FuzzLoadCurve FuzzEPW}"
JOBS="${FUZZ_JOBS:-2}"

# Always a clean build: an incremental one has been seen to keep a caller compiled against an
# older layout of a changed struct (a stack-buffer-overflow reported by ASan in the harness
# itself, gone after a clean build). A fuzz run is minutes long; the build is not the cost.
rm -rf .build
# libFuzzer brings its own main; SwiftPM gives executables one too: both lead to the same loop.
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xlinker --allow-multiple-definition --scratch-path .build 2>&1 | grep -v "spill_area" | tail -3

corpus() { mkdir -p "corpus/$1"; for source in "${@:2}"; do cp -n $source "corpus/$1/" 2>/dev/null || true; done; }
corpus FuzzDwelling "../Buildings/fr/*.json" "../Buildings/be/*.json" "../Buildings/validation/*.json"
corpus FuzzTariff "../Tariffs/fr/*/*.json" "../Tariffs/be/*/*.json"
corpus FuzzLoadCurve "Seeds/load-curve/*.csv"
corpus FuzzEPW "Seeds/epw/*.epw"
if [ -d ../../shared/weather/rt2012 ]; then corpus FuzzEPW "../../shared/weather/rt2012/*.epw"; fi

run() {
  local target="$1"
  mkdir -p "artifacts/$target" logs
  # -max_len: the whole archetype and tariff files; the first 64 kB of a weather file.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 OPENBLAS_NUM_THREADS=1 ".build/release/$target" "corpus/$target" \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="artifacts/$target/" -print_final_stats=1 > "logs/$target.log" 2>&1 || true
  echo "$target: $(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "logs/$target.log" | tail -1)"
  echo "$target: $(grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "logs/$target.log" | tr '\n' ' ')"
  local crashes; crashes=$(ls "artifacts/$target" | wc -l)
  echo "$target: $crashes crash/timeout/oom artifact(s) in Fuzz/artifacts/$target"
}
export -f run; export SECONDS_PER_TARGET
printf '%s\n' $TARGETS | xargs -P "$JOBS" -I{} bash -c 'run {}'
