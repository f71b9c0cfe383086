#!/usr/bin/env python3
"""actorgraph on Apache Spark: claims and edges of an archive of any size.

    spark-submit --master 'local[*]' examples/spark/actorgraph_job.py \\
        --input articles.jsonl --out out/ [--binary target/release/actorgraph]

    spark-submit --master yarn --deploy-mode cluster \\
        --files target/release/actorgraph \\
        examples/spark/actorgraph_job.py --input s3a://bucket/dump/ --out s3a://bucket/actorgraph/

Map: each partition of articles is piped through one `actorgraph extract -
--quiet --threads N` process (N = spark.task.cpus), which streams claims back
as JSONL. Reduce: claims are grouped into edges in Spark, exactly as
`actorgraph build` groups them.

Inputs (--input, repeatable; any path Spark reads: file://, hdfs://, s3a://,
globs): JSONL records `{"id", "text", "date"?, "title"?, "source"?}` (files
ending in .jsonl or .ndjson, optionally .gz/.bz2) and plain-text articles
(files ending in .txt; the id is the file name without .txt), in folders
walked recursively. --format jsonl|txt reads every file as that kind,
whatever its name (part files of another job).

Outputs, under --out:
  claims.parquet/   one row per claim, the fields of SPEC.md, typed
  edges.parquet/    one row per (subject, relation, object, polarity):
                    claims, articles, first_date, last_date, family, ...
  nodes.parquet/    one row per entity named by a claim: labels, kind,
                    parent, claims, articles
  claims.jsonl/     the claims as the binary wrote them, part-*.jsonl files:
                    `actorgraph merge OUT/claims.jsonl --out graphs` draws the
                    same graph as `actorgraph build` on the same articles
  rejected/         part-*.jsonl, one line per record that was not an
                    article: {"source", "id", "reason", "record"}
  summary.json      counts and timings, written last: its presence means the
                    run finished

Exit codes: 0 done (rejected records included); 1 the job failed while
running (a partition's extract process failed); 2 the job could not start
(no binary, a binary that cannot read standard input, an unreadable input
path, outputs already there without --overwrite, a bad option).
"""

import argparse
import errno
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

PROG = "actorgraph-spark"

# files taken by --format auto, by name
JSONL_GLOB = "*.{jsonl,ndjson,jsonl.gz,ndjson.gz,jsonl.bz2,ndjson.bz2}"
TXT_GLOB = "*.txt"

# how much of a rejected record is kept in rejected/
RECORD_CHARS = 500

# the outputs this job owns under --out (nothing else there is touched)
OUTPUTS = ("claims.parquet", "edges.parquet", "nodes.parquet", "claims.jsonl", "rejected", "summary.json", "_staging")

# A claim as SPEC.md defines it; `date` is read as text and typed afterwards.
VIA = "struct<text:string,sentence:int,span:array<int>>"
CLAIM_SCHEMA = (
    "article string, sentence int, subject string, subject_chain array<string>, relation string, "
    "object string, object_chain array<string>, polarity string, evidence string, span array<int>, "
    f"trigger string, date string, subject_via {VIA}, object_via {VIA}"
)

SKIPPED = re.compile(r"^skipped: .*?:(\d+): (.*)$")


class JobError(Exception):
    """A problem stated in one line; `code` is the exit code."""

    def __init__(self, message, code=2):
        super().__init__(message)
        self.code = code


class ForeignBinary(JobError):
    """A binary built for the executors, not for the driver's machine."""


class PartitionError(RuntimeError):
    """An extract process failed; the message names the partition and why."""


# --------------------------------------------------------------------------
# Records: what the binary is given, or why a record is rejected. Runs on the
# executors; mirrors what `actorgraph extract` accepts from a file, so the
# same records are rejected for the same reasons (what only the binary can
# tell, such as a text of nothing but bidi marks, it reports itself, and the
# job maps its report back to the record).


def _stem(path):
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def _shown(raw):
    """The start of a raw record, as text, for rejected/."""
    if isinstance(raw, (bytes, bytearray)):
        raw = bytes(raw[: RECORD_CHARS * 4]).decode("utf-8", errors="replace")
    return raw[:RECORD_CHARS]


def _dumps(obj):
    """JSON as UTF-8 text; a lone surrogate (from a \\ud800 escape) cannot be
    UTF-8, so such a value is written \\u-escaped instead."""
    text = json.dumps(obj, ensure_ascii=False)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return json.dumps(obj)


def _utf8(value):
    return not isinstance(value, str) or not re.search("[\ud800-\udfff]", value)


def jsonl_record(source, raw):
    """One JSONL line -> ("ok", id, line for the binary) | ("rejected", id,
    reason) | None for a blank line."""
    raw = bytes(raw)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return ("rejected", None, f"not valid UTF-8 at byte {e.start}; convert it first (e.g. iconv -f CP1256 -t UTF-8)")
    if not line.strip():
        return None
    try:
        rec = json.loads(line)
    except ValueError as e:
        return ("rejected", None, f"not a JSON object: {e}")
    if not isinstance(rec, dict):
        return ("rejected", None, f"not a JSON object: a JSON {type(rec).__name__}")
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int, float)):
        rid = None
    elif not isinstance(rid, str):
        rid = str(rid)
    fields = ("text", "date", "title", "source")
    for field in fields:
        if rec.get(field) is not None and not isinstance(rec[field], str):
            return ("rejected", rid, f'"{field}" is not a string')
    if rec.get("text") is None:
        return ("rejected", rid, 'no "text" field; each line needs {"id": ..., "text": ...}')
    for field in ("id",) + fields:
        if not _utf8(rec.get(field)):
            return ("rejected", None if field == "id" else rid, f'"{field}" holds an unpaired surrogate escape (\\ud800-\\udfff)')
    text = rec["text"]
    if not text.strip():
        return ("rejected", rid, 'empty "text"; skipped')
    if rid is None:
        # the CLI names such a record by file and line; a partition has no
        # line numbers, so the id is the file and the text's digest: stable
        # across runs, the same whatever the partitioning
        rid = f"{_stem(source)}:{hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]}"
    out = {"id": rid, "text": text}
    for field in ("date", "title", "source"):
        if rec.get(field) is not None:
            out[field] = rec[field]
    return ("ok", rid, json.dumps(out, ensure_ascii=False))


def txt_record(path, content):
    """One .txt file -> ("ok", id, line for the binary) | ("rejected", id, reason)."""
    rid = _stem(path)
    content = bytes(content)
    if b"\0" in content:
        return ("rejected", rid, "looks like a binary file (it holds NUL bytes); skipped")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as e:
        return ("rejected", rid, f"not valid UTF-8 at byte {e.start}; convert it first (e.g. iconv -f CP1256 -t UTF-8)")
    if not text.strip():
        return ("rejected", rid, "empty file; skipped")
    return ("ok", rid, json.dumps({"id": rid, "text": text}, ensure_ascii=False))


def to_record(kind, source, raw):
    """-> ("ok", id, line) | ("rejected", id, reason) | None for a blank line."""
    return txt_record(source, raw) if kind == "t" else jsonl_record(source, raw)


def rejected_line(source, rid, reason, raw):
    return _dumps({"source": source, "id": rid, "reason": reason, "record": _shown(raw)})


# --------------------------------------------------------------------------
# The map: one extract process per partition, fed on one thread and read on
# another, so memory stays flat however large the partition.


def resolve_binary(name):
    """The binary's path on this machine: a path as given, a file shipped
    with --files (SparkFiles), or a name on PATH; made executable if it
    arrived without the bit."""
    path = None
    if os.sep in name:
        path = name if os.path.isfile(name) else None
    else:
        try:
            from pyspark import SparkFiles

            shipped = SparkFiles.get(name)
            if os.path.isfile(shipped):
                path = shipped
        except Exception:  # no SparkContext here, or no such file shipped
            pass
        if path is None:
            path = shutil.which(name)
    if path is None:
        return None
    if not os.access(path, os.X_OK):
        copy = os.path.join(tempfile.mkdtemp(prefix="actorgraph-bin-"), os.path.basename(path))
        shutil.copy(path, copy)
        os.chmod(copy, 0o755)
        path = copy
    return path


def resolve_lexicons(name):
    """A lexicon folder: as given, or shipped with --archives (SparkFiles)."""
    if name is None or os.path.isdir(name):
        return name
    try:
        from pyspark import SparkFiles

        shipped = SparkFiles.get(name)
        if os.path.isdir(shipped):
            return shipped
    except Exception:
        pass
    return name if os.path.isabs(name) else os.path.abspath(name)


def extract_command(binary, conf):
    cmd = [binary]
    if conf.get("lexicons"):
        cmd += ["--lexicons", conf["lexicons"]]
    if conf.get("no_coref"):
        cmd.append("--no-coref")
    return cmd + ["extract", "-", "--quiet", "--threads", str(conf.get("threads", 1))]


def readable_sources(rows):
    """(kind, source, raw) with the file named as written: Spark gives a
    JSONL line's file URL-encoded (a space as %20), a .txt file's as is."""
    from urllib.parse import unquote

    last, shown = None, None
    for kind, source, raw in rows:
        if kind == "j" and source != last:
            last, shown = source, unquote(source)
        yield kind, (shown if kind == "j" else source), raw


def process_partition(index, rows, conf):
    """Rows (kind, source, raw) -> ("c", claim line) | ("r", rejected line)
    | ("s", partition stats). Raises PartitionError if the binary fails."""
    started = time.time()
    binary = resolve_binary(conf["binary"])
    if binary is None:
        raise PartitionError(f"partition {index}: no actorgraph binary {conf['binary']!r} on this executor (ship it with --files)")
    conf = dict(conf, lexicons=resolve_lexicons(conf.get("lexicons")))
    stats = {"partition": index, "records": 0, "articles": 0, "claims": 0, "rejected": 0}
    rows = iter(rows)
    early = []  # rejected before the first article: no process is needed for them
    first = None
    for kind, source, raw in rows:
        rec = to_record(kind, source, raw)
        if rec is None:
            continue
        stats["records"] += 1
        if rec[0] == "ok":
            first = (source, rec)
            break
        stats["rejected"] += 1
        early.append(rejected_line(source, rec[1], rec[2], raw))
    for line in early:
        yield ("r", line)
    if first is None:
        stats["seconds"] = round(time.time() - started, 3)
        yield ("s", json.dumps(stats))
        return

    proc = subprocess.Popen(extract_command(binary, conf), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sent = []  # line number - 1 -> (source, id, start of record): the binary names skipped lines by number
    late = []  # rejected while feeding
    feed_error = []
    stderr_lines = []

    def send(source, rec):
        sent.append((source, rec[1], rec[2][:RECORD_CHARS]))
        proc.stdin.write(rec[2].encode("utf-8") + b"\n")

    def feed():
        try:
            send(*first)
            for kind, source, raw in rows:
                rec = to_record(kind, source, raw)
                if rec is None:
                    continue
                stats["records"] += 1
                if rec[0] == "ok":
                    send(source, rec)
                else:
                    stats["rejected"] += 1
                    late.append(rejected_line(source, rec[1], rec[2], raw))
        except BrokenPipeError:
            feed_error.append("the extract process closed its input early")
        except Exception as e:  # noqa: BLE001 - reported below, with the binary's stderr
            feed_error.append(f"{type(e).__name__}: {e}")
        finally:
            try:
                proc.stdin.close()
            except OSError:
                pass

    def drain_stderr():
        for raw in proc.stderr:
            stderr_lines.append(raw.decode("utf-8", errors="replace").rstrip("\n"))

    feeder = threading.Thread(target=feed, daemon=True)
    reader = threading.Thread(target=drain_stderr, daemon=True)
    feeder.start()
    reader.start()
    for line in proc.stdout:
        line = line.rstrip(b"\n")
        if line:
            stats["claims"] += 1
            yield ("c", line.decode("utf-8"))
    feeder.join()
    rc = proc.wait()
    reader.join()

    skipped = []
    other = []
    for line in stderr_lines:
        m = SKIPPED.match(line)
        if m:
            skipped.append((int(m.group(1)), m.group(2)))
        elif line.strip():
            other.append(line)
    if feed_error or rc not in (0, 1) or (rc == 1 and not skipped):
        # exit 1 is expected exactly when the binary skipped records (it says
        # which); anything else is a failure of the binary, not of the data
        why = feed_error[0] if feed_error else f"exit code {rc}"
        tail = " | ".join((other or stderr_lines)[-5:])
        raise PartitionError(f"partition {index}: actorgraph extract failed ({why}): {tail or 'no message'}")
    for line in late:
        yield ("r", line)
    for n, reason in skipped:
        if 1 <= n <= len(sent):
            src, rid, start = sent[n - 1]
        else:
            src, rid, start = None, None, ""
        stats["rejected"] += 1
        yield ("r", rejected_line(src, rid, reason, start))
    stats["articles"] = len(sent) - len(skipped)
    stats["seconds"] = round(time.time() - started, 3)
    yield ("s", json.dumps(stats))


# --------------------------------------------------------------------------
# The driver.


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="actorgraph_job.py",
        description="Extract claims from articles with actorgraph on Spark; write claims, edges and nodes as Parquet, "
        "the claims as JSONL for `actorgraph merge`, and the records that were not articles to rejected/.",
        epilog="Example: spark-submit --master 'local[*]' examples/spark/actorgraph_job.py --input dump.jsonl --out out/ "
        "--binary target/release/actorgraph",
    )
    p.add_argument("--input", "-i", action="append", required=True, metavar="PATH", help="JSONL file(s), a folder of .jsonl/.txt, a glob; repeatable")
    p.add_argument("--out", "-o", required=True, metavar="DIR", help="output folder (any Hadoop path)")
    p.add_argument("--format", choices=["auto", "jsonl", "txt"], default="auto", help="auto: by file name (.jsonl/.ndjson[.gz|.bz2] and .txt); jsonl/txt: every file as that kind")
    p.add_argument("--binary", default="actorgraph", metavar="PATH", help="the actorgraph binary: a path, or a name shipped with --files or found on PATH (default: actorgraph)")
    p.add_argument("--lexicons", metavar="DIR", help="lexicon folder instead of the one compiled in: a path every executor sees, or the alias of an --archives zip")
    p.add_argument("--no-coref", action="store_true", help="pass --no-coref to extract")
    p.add_argument("--partitions", type=int, metavar="N", help="repartition the articles into N partitions (one extract process each) before the map")
    p.add_argument("--threads", type=int, metavar="N", help="extract threads per task (default: spark.task.cpus, which defaults to 1)")
    p.add_argument("--overwrite", action="store_true", help="replace this job's outputs under --out if they are there")
    a = p.parse_args(argv)
    if a.partitions is not None and a.partitions < 1:
        p.error("--partitions must be at least 1")
    if a.threads is not None and a.threads < 1:
        p.error("--threads must be at least 1")
    return a


def probe_binary(binary, lexicons):
    """Run the binary once on the driver: it runs, reads standard input, and
    loads the lexicon. Returns (version, relations)."""
    base = [binary] + (["--lexicons", lexicons] if lexicons else [])
    try:
        v = subprocess.run([binary, "--version"], capture_output=True, timeout=60)
    except OSError as e:
        if e.errno == errno.ENOEXEC:
            raise ForeignBinary(f"the actorgraph binary {binary} is not for this machine ({e.strerror})")
        raise JobError(f"the actorgraph binary {binary} does not run: {e.strerror or e}")
    except subprocess.TimeoutExpired:
        raise JobError(f"the actorgraph binary {binary} did not answer --version within 60 s")
    version = v.stdout.decode("utf-8", "replace").strip()
    if v.returncode != 0 or not version.startswith("actorgraph"):
        raise JobError(f"{binary} is not an actorgraph binary (--version said {version or v.stderr.decode('utf-8', 'replace').strip()!r})")
    p = subprocess.run(base + ["extract", "-", "--quiet", "--threads", "1"], input=b'{"id": "probe", "text": "probe"}\n', capture_output=True, timeout=120)
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        why = err[-1] if err else f"exit code {p.returncode}"
        if any("lexicon" in line.lower() or ".ron" in line for line in err):
            raise JobError(f"{version} cannot load the lexicons {lexicons}: {why}")
        raise JobError(f"{version} ({binary}) cannot read articles on standard input (`extract -`): {why}; build a newer actorgraph")
    r = subprocess.run(base + ["lexicon", "relations"], capture_output=True, timeout=120)
    if r.returncode != 0:
        raise JobError(f"{version} ({binary}) cannot list its relations (`lexicon relations`): {r.stderr.decode('utf-8', 'replace').strip()}")
    relations = [json.loads(line) for line in r.stdout.decode("utf-8").splitlines() if line.strip()]
    e = subprocess.run(base + ["lexicon", "entities"], capture_output=True, timeout=120)
    entities = [json.loads(line) for line in e.stdout.decode("utf-8").splitlines() if line.strip()] if e.returncode == 0 else []
    return version, relations, entities


def hadoop_fs(spark, path):
    jvm = spark._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    return p.getFileSystem(spark._jsc.hadoopConfiguration()), p


def child(spark, base, name):
    return spark._jvm.org.apache.hadoop.fs.Path(base, name)


def rename_parts(spark, folder, ext):
    """Spark's text writer names its files part-*.txt; claims and rejected
    records are JSONL, and `actorgraph merge FOLDER` reads *.jsonl."""
    fs, p = hadoop_fs(spark, folder)
    for st in fs.listStatus(p):
        name = st.getPath().getName()
        if name.startswith("part-") and name.endswith(".txt"):
            fs.rename(st.getPath(), child(spark, p, name[: -len(".txt")] + ext))


def exists(spark, path):
    fs, p = hadoop_fs(spark, path)
    return fs.exists(p)


def settle(spark, staged, final):
    """Move a staged folder of part-*.txt into place as part-*.jsonl, with
    a _SUCCESS marker; an absent one (nothing of that kind) becomes an
    empty folder."""
    fs, src = hadoop_fs(spark, staged)
    _, dst = hadoop_fs(spark, final)
    if fs.exists(src):
        if not fs.rename(src, dst):
            raise JobError(f"cannot move {staged} to {final}", code=1)
        rename_parts(spark, final, ".jsonl")
    else:
        fs.mkdirs(dst)
    fs.create(child(spark, dst, "_SUCCESS"), True).close()


def write_text_file(spark, path, text):
    fs, p = hadoop_fs(spark, path)
    out = fs.create(p, True)
    try:
        out.write(bytearray(text.encode("utf-8")))
    finally:
        out.close()


def java_message(e):
    """The one line worth showing of a Py4J/Spark error."""
    text = str(e)
    for pat in (r"PartitionError: (.*)", r"(?:AnalysisException|FileNotFoundException|AccessControlException|IOException): (.*)", r"\] (.*)"):
        m = re.search(pat, text)
        if m:
            return m.group(1).strip()
    return text.strip().splitlines()[0] if text.strip() else type(e).__name__


def read_inputs(spark, paths, fmt):
    """A DataFrame (kind, source, raw): kind "j" for a JSONL line, "t" for a
    .txt file. Raises JobError for a path that cannot be read."""
    from pyspark.sql import functions as F

    frames = []
    found = 0
    for path in paths:
        try:
            if fmt in ("auto", "jsonl"):
                r = spark.read.option("recursiveFileLookup", "true")
                if fmt == "auto":
                    r = r.option("pathGlobFilter", JSONL_GLOB)
                df = r.text(path)
                n = len(df.inputFiles())
                if n:
                    found += n
                    # the line's bytes as read: a cast keeps invalid UTF-8 for
                    # the record check to name (a string would hide it)
                    frames.append(df.select(F.lit("j").alias("kind"), F.input_file_name().alias("source"), F.col("value").cast("binary").alias("raw")))
            if fmt in ("auto", "txt"):
                r = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
                if fmt == "auto":
                    r = r.option("pathGlobFilter", TXT_GLOB)
                df = r.load(path)
                n = len(df.inputFiles())
                if n:
                    found += n
                    frames.append(df.select(F.lit("t").alias("kind"), F.col("path").alias("source"), F.col("content").alias("raw")))
        except Exception as e:  # noqa: BLE001 - AnalysisException, Py4JJavaError: one line, exit 2
            raise JobError(f"cannot read input {path}: {java_message(e)}")
    if not found:
        what = "no .jsonl, .ndjson or .txt files" if fmt == "auto" else "no files"
        hint = "; for files named otherwise give --format jsonl or --format txt" if fmt == "auto" else ""
        raise JobError(f"{what} found in {', '.join(paths)}{hint}")
    df = frames[0]
    for f in frames[1:]:
        df = df.unionByName(f)
    return df, found


def probe_on_executor(sc, binary, lexicons):
    """The probe, run as one task: for a driver that cannot run the binary
    (a laptop submitting to a Linux cluster) or does not have it."""

    def task(_):
        path = resolve_binary(binary)
        if path is None:
            return [("error", f"no actorgraph binary {binary!r} on the driver or the executors (give --binary PATH, or spark-submit --files PATH/actorgraph)")]
        try:
            return [("ok", probe_binary(path, resolve_lexicons(lexicons)))]
        except JobError as e:
            return [("error", str(e))]

    [(status, result)] = sc.parallelize([0], 1).mapPartitions(task).collect()
    if status != "ok":
        raise JobError(result)
    return tuple(result)


def run(args):
    started = time.time()
    # a binary named by path is checked before Spark starts: the mistake is
    # then one line, without the noise of a starting SparkContext
    explicit = os.sep in args.binary
    probed = None
    if explicit:
        binary = resolve_binary(args.binary)
        if binary is None:
            raise JobError(f"no actorgraph binary at {args.binary} (build it: cargo build --release; or ship it: spark-submit --files PATH/actorgraph)")
        try:
            probed = probe_binary(binary, resolve_lexicons(args.lexicons))
        except ForeignBinary:
            pass  # built for the executors: probed there

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    spark = SparkSession.builder.appName("actorgraph").config("spark.sql.legacy.timeParserPolicy", "CORRECTED").getOrCreate()
    spark.sparkContext.setLogLevel(os.environ.get("ACTORGRAPH_SPARK_LOG", "WARN"))
    try:
        name = os.path.abspath(args.binary) if explicit else args.binary
        if probed is None and not explicit:
            # shipped with --files (SparkFiles) or on the driver's PATH
            binary = resolve_binary(args.binary)
            if binary is not None:
                try:
                    probed = probe_binary(binary, resolve_lexicons(args.lexicons))
                except ForeignBinary:
                    pass
        if probed is None:
            probed = probe_on_executor(spark.sparkContext, name, args.lexicons)
        version, relations, entities = probed
        return job(spark, args, version, relations, entities, started, F)
    finally:
        spark.stop()


def job(spark, args, version, relations, entities, started, F):
    sc = spark.sparkContext
    phases = {"start": round(time.time() - started, 3)}
    mark = [time.time()]

    def phase(name):
        now = time.time()
        phases[name] = round(now - mark[0], 3)
        mark[0] = now

    out = args.out.rstrip("/")
    fs, out_path = hadoop_fs(spark, out)
    there = [name for name in OUTPUTS if fs.exists(child(spark, out_path, name))]
    if there and not args.overwrite:
        raise JobError(f"{out} already holds {', '.join(there)} from an earlier run; give --overwrite to replace them")
    for name in there:
        fs.delete(child(spark, out_path, name), True)

    if not sc.getConf().contains("spark.sql.files.openCostInBytes"):
        # Spark counts each file as 4 MB when it packs small files into
        # partitions: a folder of 9 KB articles would be 32 files a partition,
        # each partition one extract process. 64 KB packs ~1,700 a partition.
        spark.conf.set("spark.sql.files.openCostInBytes", str(64 * 1024))
    df, files = read_inputs(spark, args.input, args.format)
    if args.partitions:
        df = df.repartition(args.partitions)
    threads = args.threads or int(sc.getConf().get("spark.task.cpus", "1"))
    conf = {"binary": args.binary if os.sep not in args.binary else os.path.abspath(args.binary), "lexicons": args.lexicons, "no_coref": args.no_coref, "threads": threads}
    if conf["lexicons"] and os.path.isdir(conf["lexicons"]):
        conf["lexicons"] = os.path.abspath(conf["lexicons"])

    def map_partition(index, rows):
        return process_partition(index, readable_sources(rows), conf)

    # the map, in one pass over the articles and nothing cached: claims,
    # rejected records and each partition's counts are written side by side
    # (partitioned by kind) to a staging folder, then moved into place
    tagged = df.rdd.mapPartitionsWithIndex(map_partition)
    staging = f"{out}/_staging"
    spark.createDataFrame(tagged, "kind string, line string").write.partitionBy("kind").mode("overwrite").text(staging)
    parts = [json.loads(r.value) for r in spark.read.text(f"{staging}/kind=s").collect()] if exists(spark, f"{staging}/kind=s") else []
    claims_jsonl = f"{out}/claims.jsonl"
    settle(spark, f"{staging}/kind=c", claims_jsonl)
    settle(spark, f"{staging}/kind=r", f"{out}/rejected")
    fs.delete(child(spark, out_path, "_staging"), True)
    phase("map")

    # the claims typed, read back from the JSONL (the JVM parses it)
    claims = spark.read.schema(CLAIM_SCHEMA).json(claims_jsonl)
    iso = F.col("date").rlike(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    claims = claims.withColumn("date", F.when(iso, F.to_date("date", "yyyy-MM-dd")))
    claims.write.mode("overwrite").parquet(f"{out}/claims.parquet")
    phase("claims")

    claims = spark.read.parquet(f"{out}/claims.parquet")
    rel = spark.createDataFrame(
        [(r["id"], r.get("family"), bool(r.get("symmetric")), r.get("en")) for r in relations],
        "relation string, family string, symmetric boolean, label string",
    )
    symmetric = [r["id"] for r in relations if r.get("symmetric")]
    # as the graph does: a symmetric relation's ends in id order (byte order,
    # as Rust and Spark compare strings); a claim is one (article, sentence,
    # span, trigger) of its edge, however often it was extracted
    swap = F.col("relation").isin(symmetric) & (F.col("object") < F.col("subject"))
    keyed = claims.select(
        F.when(swap, F.col("object")).otherwise(F.col("subject")).alias("subject"),
        "relation",
        F.when(swap, F.col("subject")).otherwise(F.col("object")).alias("object"),
        "polarity", "article", "sentence", "span", "trigger", "date",
    )
    # each claim once (as the graph keeps it: once per edge and article,
    # sentence, span and trigger); edges and nodes are counts over it
    distinct = keyed.dropDuplicates(["subject", "relation", "object", "polarity", "article", "sentence", "span", "trigger"])
    edges = (
        distinct.groupBy("subject", "relation", "object", "polarity")
        .agg(
            F.count(F.lit(1)).cast("int").alias("claims"),
            F.countDistinct("article").cast("int").alias("articles"),
            F.min("date").alias("first_date"),
            F.max("date").alias("last_date"),
        )
        .join(F.broadcast(rel), "relation", "left")
        .select(
            "subject", "relation", "object", "polarity", "claims", "articles", "first_date", "last_date",
            F.coalesce("family", F.lit("unknown")).alias("family"),
            F.coalesce("symmetric", F.lit(False)).alias("symmetric"),
            F.coalesce("label", F.regexp_replace("relation", "_", " ")).alias("label"),
        )
        # one file, sorted as the graph's exports are (no sampling pass)
        .repartition(1)
        .sortWithinPartitions("subject", "object", "relation", "polarity")
    )
    edges.write.mode("overwrite").parquet(f"{out}/edges.parquet")
    phase("edges")

    ent = spark.createDataFrame(
        [(e["id"], e.get("en"), e.get("ar"), e.get("kind"), e.get("parent")) for e in entities] or [("", None, None, None, None)],
        "id string, label string, label_ar string, kind string, parent string",
    )
    # a claim names its two ends (a self-loop's one end once)
    nodes = (
        distinct.select(F.explode(F.array_distinct(F.array("subject", "object"))).alias("id"), "article")
        .groupBy("id")
        .agg(F.count(F.lit(1)).cast("int").alias("claims"), F.countDistinct("article").cast("int").alias("articles"))
        .join(F.broadcast(ent), "id", "left")
        .select(
            "id",
            F.coalesce("label", "id").alias("label"),
            F.coalesce("label_ar", F.lit("")).alias("label_ar"),
            F.coalesce("kind", F.lit("unknown")).alias("kind"),
            "parent", "claims", "articles",
        )
        .repartition(1)
        .sortWithinPartitions("id")
    )
    nodes.write.mode("overwrite").parquet(f"{out}/nodes.parquet")
    phase("nodes")

    n_claims = sum(p["claims"] for p in parts)
    n_edges = spark.read.parquet(f"{out}/edges.parquet").count()
    n_nodes = spark.read.parquet(f"{out}/nodes.parquet").count()
    summary = {
        "inputs": args.input,
        "files": files,
        "partitions": len(parts),
        "records": sum(p["records"] for p in parts),
        "articles": sum(p["articles"] for p in parts),
        "rejected": sum(p["rejected"] for p in parts),
        "claims": n_claims,
        "edges": n_edges,
        "nodes": n_nodes,
        "extract_seconds": round(sum(p.get("seconds", 0) for p in parts), 3),
        "seconds": round(time.time() - started, 3),
        "phases": phases,
        "binary": version,
        "lexicons": args.lexicons or "compiled in",
        "spark": spark.version,
        "master": sc.master,
        "per_partition": sorted(parts, key=lambda p: p["partition"]),
    }
    write_text_file(spark, f"{out}/summary.json", json.dumps(summary, indent=1, ensure_ascii=False) + "\n")
    print(
        f"{PROG}: {summary['articles']} articles ({summary['rejected']} records rejected) in {summary['partitions']} partitions "
        f"-> {n_claims} claims, {n_edges} edges, {n_nodes} nodes in {summary['seconds']:.1f} s; wrote {out}/"
        "{claims,edges,nodes}.parquet, claims.jsonl/, rejected/, summary.json"
    )
    if summary["rejected"]:
        print(f"{PROG}: {summary['rejected']} rejected records, with the reason for each: {out}/rejected/", file=sys.stderr)
    return 0


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except JobError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return e.code
    except Exception as e:  # noqa: BLE001 - a Spark failure: one line, after Spark's own log
        name = type(e).__name__
        if name in ("Py4JJavaError", "PythonException", "SparkException", "AnalysisException") or "PartitionError" in str(e):
            print(f"{PROG}: error: the job failed: {java_message(e)}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
