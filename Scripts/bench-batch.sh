#!/usr/bin/env bash
# End-to-end batch throughput (issue 16): 10 000 generated job lines per case (5 archetypes ×
# 8 zones × 10 set-points × 25 occupancies, Benchmarks/batch/sweep-*.json), run by the release
# `foyer batch` with 1 and 2 jobs; prints dwelling-years per second, wall time and peak memory.
# LINES=n keeps the first n lines of each case (default 10000); FOYER=path runs another build.
set -euo pipefail
cd "$(dirname "$0")/.."
FOYER=${FOYER:-./.build/release/foyer}
LINES=${LINES:-10000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
printf '%-28s %5s %7s %12s %9s %10s\n' case jobs lines "lines/s" "wall s" "peak MB"
for sweep in Benchmarks/batch/sweep-*.json; do
  name=$(basename "$sweep" .json); name=${name#sweep-}
  "$FOYER" batch expand "$sweep" -o "$WORK/all.jsonl" 2>/dev/null
  head -n "$LINES" "$WORK/all.jsonl" > "$WORK/jobs.jsonl"
  rm -f "$WORK/all.jsonl"
  for jobs in 1 2; do
    rm -f "$WORK/out.jsonl"
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$FOYER" batch "$WORK/jobs.jsonl" -o "$WORK/out.jsonl" --jobs "$jobs" --quiet
    read -r wall kb < "$WORK/time"
    lines=$(wc -l < "$WORK/out.jsonl")
    errors=$(grep -c '"status":"error"' "$WORK/out.jsonl" || true)
    if [ "$errors" != "0" ]; then echo "$name: $errors error records" >&2; exit 1; fi
    printf '%-28s %5s %7s %12.0f %9.1f %10.0f\n' "$name" "$jobs" "$lines" "$(awk -v l="$lines" -v w="$wall" 'BEGIN { print l / w }')" "$wall" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
  done
done
