#!/usr/bin/env python3
"""Part of Scripts/spark/test-local.sh: checks that the Spark job's Parquet equals a local
`foyer batch` run, record for record and byte for byte.

    compare_local.py --jobs jobs.jsonl --local local.jsonl --spark spark.parquet \
        --foyer FOYER --work DIR [--partitions 4]

1. `--spark` (written by `spark-submit foyer_batch.py` from the JSON Lines) is compared with
   `--local`.
2. The same jobs as Parquet (a string column `job`), run here through the same job with the
   binary shipped to the executors (`--ship`: an archive of it and its `*.resources` folders), are compared with `--local` too.
Prints up to 5 differences of each run, then `spark: N passed, N failed`; exits 1 on any.
"""

import argparse
import json
import os
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ left in Scripts/spark
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import foyer_batch  # noqa: E402


def compare(spark, local_records, parquet, label, partitions):
    """Number of differences between the Parquet results and the local records (printed)."""
    from pyspark.sql import functions as F

    frame = spark.read.parquet(parquet)
    wanted = {name for name, _ in foyer_batch.COLUMNS}
    problems = []
    if set(frame.columns) != wanted:
        problems.append("columns %s, expected %s" % (sorted(frame.columns), sorted(wanted)))
    files = frame.select(F.input_file_name()).distinct().count()
    rows = frame.orderBy("line").collect()
    if len(rows) != len(local_records):
        problems.append("%d records, the local run has %d" % (len(rows), len(local_records)))
    for row, local in zip(rows, local_records):
        record = json.loads(local)
        if row["result"].encode("utf-8") != local:
            problems.append("line %d: result differs\n  spark %s\n  local %s" % (row["line"], row["result"][:300], local[:300].decode("utf-8", "replace")))
        elif (row["line"], row["id"], row["status"]) != (record["line"], record["id"], record["status"]):
            problems.append("line %d: columns line/id/status %r differ from the record's" % (row["line"], (row["line"], row["id"], row["status"])))
        simulation = record.get("results", {}).get("simulation", {})
        if row["heating_need_kwh"] != simulation.get("heating_need_kwh"):
            problems.append("line %d: heating_need_kwh %r, record %r" % (row["line"], row["heating_need_kwh"], simulation.get("heating_need_kwh")))
    if partitions > 1 and files < partitions:
        problems.append("%d Parquet part files with rows, expected %d: the partitioning was not exercised" % (files, partitions))
    ok = sum(1 for row in rows if row["status"] == "ok")
    print("%s: %d records (ok %d, errors %d) in %d part files; local: %d records"
          % (label, len(rows), ok, len(rows) - ok, files, len(local_records)))
    for problem in problems[:5]:
        print("  DIFFERENCE " + problem)
    if len(problems) > 5:
        print("  … and %d more" % (len(problems) - 5))
    return len(problems)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", required=True)
    parser.add_argument("--local", required=True)
    parser.add_argument("--spark", required=True)
    parser.add_argument("--foyer", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--partitions", type=int, default=4)
    arguments = parser.parse_args()

    from pyspark.sql import SparkSession

    here = os.path.dirname(os.path.abspath(__file__))
    spark = (SparkSession.builder.master("local[2]").appName("foyer batch check")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.extraJavaOptions", "-Dlog4j2.configurationFile=" + os.path.join(here, "log4j2.properties"))
             .getOrCreate())
    spark.sparkContext.setLogLevel("WARN")
    spark.sparkContext.addPyFile(os.path.join(here, "foyer_batch.py"))  # imported here: the executors need it too
    with open(arguments.local, "rb") as handle:
        local_records = handle.read().splitlines()

    results = [compare(spark, local_records, arguments.spark, "Spark, JSON Lines in", arguments.partitions)]

    # The same lines as Parquet (one file, a string column `job`, in line order), binary shipped.
    jobs_parquet = os.path.join(arguments.work, "jobs.parquet")
    (spark.read.option("lineSep", "\n").text(arguments.jobs).withColumnRenamed("value", "job")
     .coalesce(1).write.parquet(jobs_parquet))
    shipped = os.path.join(arguments.work, "shipped.parquet")
    start = time.time()
    foyer_batch.run(spark, foyer_batch.parse_arguments([
        "--input", jobs_parquet, "--output", shipped, "--foyer", arguments.foyer, "--ship",
        "--partitions", str(arguments.partitions), "--source-name", os.path.basename(arguments.jobs)]))
    print("Spark, Parquet in, binary and resources shipped with addArchive: %.1f s" % (time.time() - start))
    results.append(compare(spark, local_records, shipped, "Spark, Parquet in", arguments.partitions))
    spark.stop()
    failed = sum(1 for differences in results if differences)
    if failed:
        print("Spark local run differs from the local batch: %d differences" % sum(results))
    else:
        print("Spark local run equals local batch: %d lines" % len(local_records))
    print("spark: %d passed, %d failed" % (len(results) - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
