#!/usr/bin/env bash
# The Spark job (Scripts/spark/foyer_batch.py) in Spark local mode against a local `foyer batch`
# run: the same records, byte for byte, line for line (issue 16). Used by `make spark-test`.
#
#   Scripts/spark/test-local.sh [path/to/foyer]       (default: $FOYER, else ./.build/debug/foyer)
#
# Needs Java 17 (Debian: apt-get install openjdk-17-jre-headless) and python3 with venv; makes or
# reuses a venv with PySpark (Scripts/spark/requirements.txt) in $FOYER_SPARK_VENV (default
# ~/.cache/foyer/spark-venv). Jobs: Scripts/spark/test-sweep.json (300 lines, 5R1C) with a few
# EN ISO 52016-1, energy and label jobs and deliberately bad lines spread among them.
set -euo pipefail
cd "$(dirname "$0")/../.."
FOYER=${1:-${FOYER:-./.build/debug/foyer}}
VENV=${FOYER_SPARK_VENV:-$HOME/.cache/foyer/spark-venv}
PARTITIONS=${PARTITIONS:-4}
PYTHON=${PYTHON:-python3}

if [ ! -x "$FOYER" ]; then
  echo "spark test: no foyer binary at $FOYER (build it: swift build, or give its path)" >&2; exit 2
fi
FOYER=$(cd "$(dirname "$FOYER")" && pwd)/$(basename "$FOYER")
if ! command -v java >/dev/null 2>&1; then
  echo "spark test: java is missing: Spark needs Java 17 (Debian: apt-get install openjdk-17-jre-headless)" >&2; exit 2
fi
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
if [ "${java_major:-0}" -lt 17 ]; then
  echo "spark test: java ${java_major:-?} found, Spark 3.5 here is tested with 17 (Debian: openjdk-17-jre-headless)" >&2; exit 2
fi

# The venv, made once and kept while requirements.txt does not change.
stamp="$VENV/.foyer-requirements"
if ! cmp -s Scripts/spark/requirements.txt "$stamp" || ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
  echo "spark test: making the PySpark venv in $VENV"
  if ! "$PYTHON" -m venv --clear "$VENV"; then
    echo "spark test: $PYTHON cannot make a venv (Debian: apt-get install python3-venv)" >&2; exit 2
  fi
  "$VENV/bin/pip" install -q --disable-pip-version-check -r Scripts/spark/requirements.txt
  cp Scripts/spark/requirements.txt "$stamp"
fi
export PYSPARK_PYTHON="$VENV/bin/python" PYSPARK_DRIVER_PYTHON="$VENV/bin/python"
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=localhost
unset SPARK_HOME

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
start=$(date +%s)

# 300 sweep lines, and the extra lines below each inserted every 20 lines so that every partition
# gets some: other models and outputs, jobs without an id (line-N), warnings, and bad lines.
"$FOYER" batch expand Scripts/spark/test-sweep.json -o "$WORK/sweep.jsonl" 2>/dev/null
{
  cat <<'EOF'
{"id":"iso-energy-label","dwelling":"fr/sfh-1949-1974","weather":"H1c","model":"iso52016","compute":["simulation","energy","label"],"tags":{"case":"full"}}
{"dwelling":"fr/sfh-1975-1989","weather":"H2b","model":"5r1c","compute":["simulation","energy"]}
{"id":"bad-archetype","dwelling":"fr/sfh-1850","model":"5r1c"}
{"id":"iso-simulation","dwelling":"fr/apartment-1949-1974","weather":"H3","model":"iso52016"}
{"id":"bad-json","dwelling":"fr/sfh-1949-1974",
{"dwelling":"fr/sfh-1949-1974","modle":"5r1c"}
{"id":"iso-energy","dwelling":"fr/sfh-2006-2012","weather":"H1a","model":"iso52016","compute":["simulation","energy"]}
{"dwelling":{"base":"fr/sfh-1949-1974","geometry":{"floor_area_m2":-5}},"model":"5r1c"}
{"id":"warning","dwelling":{"base":"fr/sfh-1949-1974","thermostat":{"heating_setpoint_c":30}},"model":"5r1c"}
{"id":"5r1c-label","dwelling":"fr/sfh-pre-1948","weather":"H2d","model":"5r1c","compute":["simulation","label"]}
[1, 2]

EOF
  printf ' \t\n'                                                   # blank: no record, as locally
  printf '{"id":"crlf","dwelling":"fr/sfh-1949-1974","model":"5r1c"}\r\n'
  printf '\xff\xfe{"id":"not-utf8"}\n'
} > "$WORK/extra.jsonl"
awk 'NR == FNR { extra[++n] = $0; next } { print } FNR % 20 == 0 && i < n { print extra[++i] }
     END { while (i < n) print extra[++i] }' "$WORK/extra.jsonl" "$WORK/sweep.jsonl" > "$WORK/jobs.jsonl"
lines=$(wc -l < "$WORK/jobs.jsonl")

t0=$(date +%s.%N)
"$FOYER" batch "$WORK/jobs.jsonl" -o "$WORK/local.jsonl" --jobs 1 --quiet
t1=$(date +%s.%N)
echo "local batch: $lines input lines, $(wc -l < "$WORK/local.jsonl") records, $(grep -c '"status":"error"' "$WORK/local.jsonl") errors, $(seconds "$t0" "$t1") s"

"$VENV/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
  --conf spark.driver.extraJavaOptions=-Dlog4j2.configurationFile=Scripts/spark/log4j2.properties \
  Scripts/spark/foyer_batch.py --input "$WORK/jobs.jsonl" --output "$WORK/spark.parquet" \
  --foyer "$FOYER" --partitions "$PARTITIONS"
t2=$(date +%s.%N)
echo "spark-submit, JSON Lines in: $(seconds "$t1" "$t2") s (JVM start included)"

"$VENV/bin/python" Scripts/spark/compare_local.py --jobs "$WORK/jobs.jsonl" --local "$WORK/local.jsonl" \
  --spark "$WORK/spark.parquet" --foyer "$FOYER" --work "$WORK" --partitions "$PARTITIONS"
echo "spark test: $(( $(date +%s) - start )) s in all"
