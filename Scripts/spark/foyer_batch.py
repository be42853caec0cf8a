#!/usr/bin/env python3
"""foyer batch on Apache Spark (issue 16): JSON Lines or Parquet of jobs in, Parquet of results out.

    spark-submit Scripts/spark/foyer_batch.py --input jobs.jsonl --output results.parquet \
        [--foyer /opt/foyer/bin/foyer | --foyer .build/release/foyer --ship] [--partitions N] \
        [--foyer-args --tariffs-dir /shared/tariffs]

The binary: a path valid on every node (`--foyer`, default `foyer` on the PATH), or shipped from
the driver with `--ship` (SparkContext.addArchive: the binary and the `*.resources` folders beside
it, which it needs next to itself at run time, or an archive already holding them).

Each Spark task pipes its lines through one `foyer batch - --jobs 1 --quiet` process (one task per
core), so the results are the ones a local `foyer batch jobs.jsonl` prints, line for line: the same
bytes in the `result` column, with the global line number, the `line-N` default id and the
`jobs.jsonl:N` of error records as the local run has them. Docs/Batch.md, "On Apache Spark".

Input (the order of the lines is their order in the file; a directory or a glob is read file by
file in path order, part files starting with `_` or `.` left out):
- JSON Lines (`--format jsonl`, the default unless the path ends in `.parquet`): each line is sent
  as it is, byte for byte, never parsed by Spark.
- Parquet (`--format parquet`): a column `job` (string or binary) holding the JSON text of one job
  a row; a null is a blank line (no record).

Output: Parquet, one row per input line (none for a blank line, as locally), sorted by `line`
within and across the part files:
`line` (long, 1-based), `id`, `status` (`ok` or `error`), `result` (the whole JSON record), then
the record's main figures as typed columns, named as `foyer batch --csv` names them.
"""

import argparse
import collections
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time

PINNED_JOBS_OPTIONS = ("--jobs", "-o", "--output", "--resume", "--shard", "--csv", "--quiet")

# (column, Spark type, where in the record) for the typed columns; names as `foyer batch --csv`.
FIGURES = [
    ("floor_area_m2", "double", ("results", "simulation", "floor_area_m2")),
    ("heating_need_kwh", "double", ("results", "simulation", "heating_need_kwh")),
    ("heating_need_kwh_per_m2", "double", ("results", "simulation", "heating_need_kwh_per_m2")),
    ("cooling_need_kwh", "double", ("results", "simulation", "cooling_need_kwh")),
    ("peak_heating_w", "double", ("results", "simulation", "peak_heating_w")),
    ("unmet_heating_kwh", "double", ("results", "simulation", "unmet_heating_kwh")),
    ("unmet_heating_hours", "long", ("results", "simulation", "unmet_heating_hours")),
    ("occupied_hours_below_16c", "long", ("results", "simulation", "occupied_hours_below_16c")),
    ("occupied_hours_below_19c", "long", ("results", "simulation", "occupied_hours_below_19c")),
    ("occupied_hours_above_28c", "long", ("results", "simulation", "occupied_hours_above_28c")),
    ("primary_kwh", "double", ("results", "energy", "primary_kwh")),
    ("primary_kwh_per_m2", "double", ("results", "energy", "primary_kwh_per_m2")),
    ("co2_kg", "double", ("results", "energy", "co2_kg")),
    ("bill_eur", "double", ("results", "energy", "bill_eur")),
    ("dpe_class", "string", ("results", "label", "class")),
    ("dpe_energy_class", "string", ("results", "label", "energy_class")),
    ("dpe_climate_class", "string", ("results", "label", "climate_class")),
    ("dpe_primary_kwh_per_m2", "double", ("results", "label", "primary_kwh_per_m2")),
    ("dpe_emissions_kg_co2eq_per_m2", "double", ("results", "label", "emissions_kg_co2eq_per_m2")),
]
COLUMNS = ([("line", "long"), ("id", "string"), ("status", "string"), ("result", "string"),
            ("error_path", "string"), ("error_message", "string")]
           + [(name, kind) for name, kind, _ in FIGURES] + [("tags_json", "string")])

def scan_record(text):
    """The top-level members of a compact JSON object: {key: (value, start, end)}, the spans
    indexing `text`, so that a member can be replaced without re-serialising the others."""
    if not text.startswith("{"):
        raise ValueError("not a JSON object")
    raw_decode = json.JSONDecoder().raw_decode  # made here: a decoder cannot be pickled to the executors
    members = {}
    position = 1
    if text[position] == "}":
        return members
    while True:
        key, position = raw_decode(text, position)
        if text[position] != ":":
            raise ValueError("expected ':' at %d" % position)
        start = position + 1
        value, end = raw_decode(text, start)
        members[key] = (value, start, end)
        if text[end] == ",":
            position = end + 1
        elif text[end] == "}" and end == len(text) - 1:
            return members
        else:
            raise ValueError("unexpected %r at %d" % (text[end], end))


def json_string(text):
    """A string as foyer's encoder writes it (UTF-8 as it is, slashes unescaped)."""
    return json.dumps(text, ensure_ascii=False)


def relocate(text, local, line, source, explicit):
    """The record foyer printed for line `local` of a task's stream, as a local run over the
    whole input prints it for its line `line`: `"line"`, the default id `line-N` (unless the job
    gave that id itself: `explicit`) and the `"file":"stdin:N"` of its errors and warnings.
    Returns the new text and its members' values (`tags` as text, as printed)."""
    members = scan_record(text)
    record = {key: member[0] for key, member in members.items()}
    if record.get("line") != local:
        raise RuntimeError("foyer printed line %r where line %d of the task was expected" % (record.get("line"), local))
    edits = [(members["line"][1], members["line"][2], str(line))]
    record["line"] = line
    if record.get("id") == "line-%d" % local and not explicit:
        record["id"] = "line-%d" % line
        edits.append((members["id"][1], members["id"][2], json_string(record["id"])))
    # `"` inside a JSON string is always escaped, so `{"file"` or `,"file"` is a member, never text.
    place = re.compile(r'([{,])"file":"stdin:%d"' % local)
    renamed = '"file":' + json_string("%s:%d" % (source, line))
    for key in ("errors", "warnings"):
        if key in members:
            _, start, end = members[key]
            edits.append((start, end, place.sub(lambda match: match.group(1) + renamed, text[start:end])))
    if "tags" in members:
        record["tags"] = text[members["tags"][1]:members["tags"][2]]
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, record


def _dig(value, path):
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def row_of(text, record):
    """The output row: the record's text and its typed figures."""
    first_error = (record.get("errors") or [None])[0] or {}
    message = first_error.get("message")
    if message is not None and first_error.get("expected") is not None:
        message = "%s (allowed: %s)" % (message, first_error["expected"])
    row = [record["line"], str(record.get("id")), record.get("status"), text, first_error.get("path"), message]
    for _, kind, path in FIGURES:
        value = _dig(record, path)
        if value is None or isinstance(value, bool):
            row.append(None)
        elif kind == "double":
            row.append(float(value) if isinstance(value, (int, float)) else None)
        elif kind == "long":
            row.append(int(value) if isinstance(value, (int, float)) else None)
        else:
            row.append(value if isinstance(value, str) else json_string(value))
    row.append(record.get("tags"))
    return tuple(row)


def explicit_default_id(job, local):
    """Whether the job itself says `"id": "line-<local>"` (then it is not a default to renumber)."""
    if b'"line-' not in job:
        return False
    try:
        parsed = json.loads(job)
    except ValueError:
        return False
    return isinstance(parsed, dict) and parsed.get("id") == "line-%d" % local


def is_blank(job):
    """A line foyer batch skips: nothing but spaces and tabs, after one trailing CR."""
    if job.endswith(b"\r"):
        job = job[:-1]
    return not job.strip(b" \t")


def run_partition(indexed_jobs, binary, arguments, source, counters=None):
    """Pipes (0-based global index, job bytes) pairs through one foyer batch process; yields rows.

    The jobs are written from a thread while the results are read here, so that neither side
    waits on a full pipe. A non-zero exit, or a record missing, fails the task with foyer's
    standard error."""
    environment = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    stderr = tempfile.TemporaryFile()
    command = [binary, "batch", "-"] + list(arguments)
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, env=environment)
    except OSError as error:
        raise RuntimeError("cannot run %s on %s: %s" % (binary, os.uname().nodename, error))
    pending = collections.deque()  # (global 1-based line, explicit "line-N" id) of each line written
    failure = []

    def write():
        local = 0
        try:
            for index, job in indexed_jobs:
                job = bytes(job or b"")
                if is_blank(job):
                    continue  # foyer skips a blank line (no record), its number still counts
                local += 1
                pending.append((index + 1, explicit_default_id(job, local)))
                process.stdin.write(job + b"\n")
            process.stdin.close()
        except BrokenPipeError:
            pass  # foyer stopped: its exit status and standard error say why
        except BaseException as error:  # noqa: B902 - reported by the reading side
            failure.append(error)
            try:
                process.stdin.close()
            except OSError:
                pass

    writer = threading.Thread(target=write, name="foyer-batch-stdin", daemon=True)
    writer.start()
    local = 0
    ok = errors = 0
    try:
        for raw in process.stdout:
            local += 1
            if not pending:
                raise RuntimeError("foyer printed record %d before its job was written" % local)
            line, explicit = pending.popleft()
            text, record = relocate(raw.decode("utf-8").rstrip("\n"), local, line, source, explicit)
            row = row_of(text, record)
            if row[2] == "ok":
                ok += 1
            else:
                errors += 1
            yield row
        writer.join()
        status = process.wait()
        if failure:
            raise failure[0]
        if status != 0 or pending:
            stderr.seek(0)
            message = stderr.read()[-4000:].decode("utf-8", "replace").strip()
            raise RuntimeError("%s exited with status %d after %d records (%d jobs without a record): %s"
                               % (" ".join(command), status, local, len(pending), message or "no message"))
        if counters is not None:
            counters[0].add(ok)
            counters[1].add(errors)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        stderr.close()


ARCHIVES = (".tar.gz", ".tgz", ".tar", ".zip")


def bundle(binary, folder):
    """A .tar.gz in `folder` of the foyer binary and the resource folders beside it
    (`*.resources`: archetypes, tariffs), which it needs at run time next to itself; named
    after the binary's SHA-256 so that two builds never share a name. For --ship."""
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        raise SystemExit("%s: no executable foyer binary here to ship" % binary)
    resources = sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(binary)), "*.resources")))
    if not resources:
        raise SystemExit("%s: no *.resources folders beside it (archetypes, tariffs): ship the binary from the "
                         "folder swift build left it in, or an archive holding foyer and them" % binary)
    digest = hashlib.sha256()
    with open(binary, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    archive = os.path.join(folder, "foyer-%s.tar.gz" % digest.hexdigest()[:12])
    with tarfile.open(archive, "w:gz", compresslevel=1) as tar:  # 26 MB → 8 MB in 0.4 s (level 9: 7 MB, 5 s)
        tar.add(binary, arcname="foyer")
        for resource in resources:
            tar.add(resource, arcname=os.path.basename(resource))
    return archive


def input_files(spark, path):
    """The files of `path` (a file, a directory or a glob), in path order, through Hadoop's
    file systems (local, HDFS, S3 …)."""
    jvm = spark.sparkContext._jvm
    pattern = jvm.org.apache.hadoop.fs.Path(path)
    system = pattern.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    statuses = system.globStatus(pattern) or []
    files = []
    for status in statuses:
        if status.isDirectory():
            for child in system.listStatus(status.getPath()):
                name = child.getPath().getName()
                if child.isFile() and not name.startswith(("_", ".")):
                    files.append(child.getPath().toString())
        else:
            files.append(status.getPath().toString())
    if not files:
        raise SystemExit("%s: no such file (or an empty directory): the jobs" % path)
    return sorted(files)


def read_jobs(spark, path, form):
    """The jobs as an RDD of bytes, in input order."""
    from pyspark.sql import functions as F

    frames = []
    for name in input_files(spark, path):
        if form == "jsonl":
            frame = spark.read.option("lineSep", "\n").option("wholetext", "false").text(name)
            frames.append(frame.select(F.col("value").cast("binary").alias("job")))
        else:
            frame = spark.read.parquet(name)
            if "job" not in frame.columns:
                raise SystemExit("%s: no column `job` (the JSON text of each job); columns: %s" % (name, ", ".join(frame.columns)))
            kind = frame.schema["job"].dataType.typeName()
            if kind not in ("string", "binary"):
                raise SystemExit("%s: the column `job` is %s; it must hold each job's JSON text (string or binary), "
                                 "e.g. to_json(struct) first" % (name, kind))
            frames.append(frame.select(F.col("job").cast("binary").alias("job")))
    return spark.sparkContext.union([frame.rdd.map(lambda row: row[0]) for frame in frames])


def schema():
    from pyspark.sql import types as T

    kinds = {"long": T.LongType(), "double": T.DoubleType(), "string": T.StringType()}
    return T.StructType([T.StructField(name, kinds[kind], name not in ("line", "result")) for name, kind in COLUMNS])


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="foyer_batch.py",
        description="foyer batch on Spark: JSON Lines or Parquet of jobs in, Parquet of results out (Docs/Batch.md).")
    parser.add_argument("--input", required=True, help="jobs: a JSON Lines file, or Parquet with a column `job` (a file, directory or glob)")
    parser.add_argument("--output", required=True, help="the results, a Parquet directory (never overwritten unless --overwrite)")
    parser.add_argument("--format", choices=("auto", "jsonl", "parquet"), default="auto",
                        help="the input's format (default: parquet when the path ends in .parquet, else jsonl)")
    parser.add_argument("--foyer", default="foyer",
                        help="the foyer binary: a path valid on every node (default: foyer on the PATH), or with --ship a path on the driver "
                             "(the binary, or an archive of it and its *.resources folders)")
    parser.add_argument("--ship", action="store_true",
                        help="send --foyer to the executors (SparkContext.addArchive) instead of finding it there: the binary with the "
                             "*.resources folders beside it, or an archive (.tar.gz, .tgz, .tar, .zip) holding foyer and them")
    parser.add_argument("--partitions", type=int, default=0,
                        help="Spark tasks, each one foyer process (default: spark.default.parallelism, about the cores)")
    parser.add_argument("--jobs-per-task", type=int, default=1,
                        help="foyer batch --jobs in each task (default 1: one task per core; raise with spark.task.cpus)")
    parser.add_argument("--source-name", default=None,
                        help="the input's name in error records, `NAME:line` (default: the input's last path component, as a local run)")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing output")
    parser.add_argument("--log-level", default="WARN", help="Spark's log level (default WARN)")
    parser.add_argument("--foyer-args", nargs=argparse.REMAINDER, default=[],
                        help="the rest goes to foyer batch, e.g. --foyer-args --tariffs-dir /shared/tariffs")
    arguments = parser.parse_args(argv)
    for option in arguments.foyer_args:
        if option.split("=")[0] in PINNED_JOBS_OPTIONS:
            parser.error("--foyer-args: %s is set by this job" % option)
    if arguments.partitions < 0 or not 1 <= arguments.jobs_per_task <= 256:
        parser.error("--partitions must be ≥ 0 and --jobs-per-task 1…256")
    if arguments.format == "auto":
        arguments.format = "parquet" if arguments.input.rstrip("/").endswith(".parquet") else "jsonl"
    if arguments.source_name is None:
        arguments.source_name = os.path.basename(arguments.input.rstrip("/")) or arguments.input
    return arguments


def run(spark, arguments):
    """Runs the batch; returns (input lines, ok records, error records, partitions)."""
    context = spark.sparkContext
    bundle_folder = None
    try:
        if arguments.ship:
            if arguments.foyer.endswith(ARCHIVES):
                archive = arguments.foyer if "://" in arguments.foyer else os.path.abspath(arguments.foyer)
            else:
                bundle_folder = tempfile.mkdtemp(prefix="foyer-bundle-")
                archive = bundle(arguments.foyer, bundle_folder)
            context.addArchive(archive)
            return run_with(spark, arguments, None, os.path.basename(archive))
        return run_with(spark, arguments, arguments.foyer, None)
    finally:
        if bundle_folder is not None:
            shutil.rmtree(bundle_folder, ignore_errors=True)


def run_with(spark, arguments, binary, shipped):
    """`run` with the binary at `binary` on every node, or in the archive named `shipped`."""
    from pyspark import SparkFiles, StorageLevel

    context = spark.sparkContext
    foyer_arguments = ["--jobs", str(arguments.jobs_per_task), "--quiet"] + list(arguments.foyer_args)
    source = arguments.source_name
    counters = (context.accumulator(0), context.accumulator(0))

    indexed = read_jobs(spark, arguments.input, arguments.format).zipWithIndex().map(lambda pair: (pair[1], pair[0]))
    indexed.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        count = indexed.count()
        partitions = max(1, min(arguments.partitions or context.defaultParallelism, count))

        def task(pairs):
            path = binary
            if shipped is not None:
                path = os.path.join(SparkFiles.get(shipped), "foyer")
                if not os.access(path, os.X_OK):
                    os.chmod(path, 0o755)
            return run_partition(pairs, path, foyer_arguments, source, counters)

        # Contiguous ranges of lines, sorted: the part files come out in line order.
        ranged = indexed.repartitionAndSortWithinPartitions(partitions, partitionFunc=lambda index: index * partitions // max(count, 1))
        rows = ranged.mapPartitions(task)
        writer = spark.createDataFrame(rows, schema()).write
        writer.mode("overwrite" if arguments.overwrite else "errorifexists").parquet(arguments.output)
    finally:
        indexed.unpersist()
    return count, counters[0].value, counters[1].value, partitions


def main(argv=None):
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("foyer batch").getOrCreate()
    spark.sparkContext.setLogLevel(arguments.log_level)
    start = time.time()
    lines, ok, errors, partitions = run(spark, arguments)
    print("foyer_batch: %d input lines, %d records (ok %d, errors %d) in %.1f s on %d partitions, written to %s"
          % (lines, ok + errors, ok, errors, time.time() - start, partitions, arguments.output), file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
