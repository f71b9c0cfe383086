#!/usr/bin/env bash
# Spark's overhead: the 100 MB corpus of benches/extract_speed.sh (JSONL)
# through the Spark job (examples/spark/actorgraph_job.py) on local[2],
# against `actorgraph extract --threads 2` (and 1) on the same file, in one
# run, on the same machine.
#
#   bash benches/spark_speed.sh              # prints a Markdown table
#   SIZE_MB=20 REPEAT=1 bash benches/spark_speed.sh   # a smaller corpus, one run each
#
# Needs Java 17 and pyspark (pip install -r examples/spark/requirements.txt)
# and GNU time (/usr/bin/time, Debian: time). Spark binds to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus_dir=target/bench-extract
out=target/bench-spark
mkdir -p "$corpus_dir" "$out"
size_mb=${SIZE_MB:-100}

cargo build -q --release --bin actorgraph
bin=$PWD/target/release/actorgraph
if [ ! -s "$corpus_dir/corpus.jsonl" ] || [ "$(stat -c %s "$corpus_dir/corpus.txt")" -lt $((size_mb * 1000000)) ]; then
  python3 benches/make_corpus.py "$corpus_dir" "$size_mb"
fi
corpus=$PWD/$corpus_dir/corpus.jsonl
bytes=$(stat -c %s "$corpus_dir/corpus.txt")
articles=$(wc -l < "$corpus")
submit=$(python3 -c "import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), 'bin', 'spark-submit'))")
export SPARK_LOCAL_IP=127.0.0.1

secs() { # run a command, print wall seconds, peak RSS (KB) and CPU seconds (user + system, children included)
  /usr/bin/time -f "%e %M %U %S" -o "$out/time" "$@" > "$out/stdout" 2> "$out/stderr" || { tail -5 "$out/stderr" >&2; exit 1; }
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$out/time"
}

# interleaved, best of $REPEAT each: a machine shared with builds slows
# single runs, and the three kinds of run alike
repeat=${REPEAT:-3}
best() { # keep the run of smaller wall time of two "seconds kb cpu" triples
  if [ -z "$1" ]; then echo "$2"; else awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); print (y[1] < x[1]) ? b : a }'; fi
}
t1=; t2=; ts=
load0=$(cut -d' ' -f1-3 /proc/loadavg)
for i in $(seq "$repeat"); do
  t1=$(best "$t1" "$(secs "$bin" extract --quiet --threads 1 "$corpus" -o "$out/claims-1.jsonl")")
  t2=$(best "$t2" "$(secs "$bin" extract --quiet --threads 2 "$corpus" -o "$out/claims-2.jsonl")")
  r=$(secs "$submit" --master 'local[2]' --driver-memory 2g --conf spark.ui.enabled=false \
    examples/spark/actorgraph_job.py --input "$corpus" --out "$out/job-$i" --binary "$bin" --overwrite)
  if [ "$(best "$ts" "$r")" = "$r" ]; then ts=$r; rm -rf "$out/job"; mv "$out/job-$i" "$out/job"; else rm -rf "$out/job-$i"; fi
done
claims=$(wc -l < "$out/claims-2.jsonl")

read -r s2 _ c2 <<< "$t2"
echo "| run | wall s | MB/s | articles/s | × extract --threads 2 | CPU s | × CPU |"
echo "|---|---|---|---|---|---|---|"
row() {
  awk -v n="$1" -v s="$2" -v c="$3" -v b="$bytes" -v a="$articles" -v base="$s2" -v cbase="$c2" 'BEGIN { printf "| %s | %.1f | %.1f | %.0f | %.2f | %s | %s |\n", n, s, b/1e6/s, a/s, s/base, (c == "" ? "" : sprintf("%.1f", c)), (c == "" ? "" : sprintf("%.2f", c/cbase)) }'
}
read -r s _ c <<< "$t1"; row "actorgraph extract --threads 1" "$s" "$c"
row "actorgraph extract --threads 2" "$s2" "$c2"
read -r s _ c <<< "$ts"; row "Spark job, local[2], spark-submit to exit (claims JSONL + Parquet, edges, nodes)" "$s" "$c"
python3 - "$out/job/summary.json" "$bytes" "$articles" "$s2" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
b, a, base = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
ph = j["phases"]
names = {
    "start": "of which: JVM up to the first job (SparkContext, probe of the binary)",
    "map": "of which: map (read, pipe each partition through `extract -`, write claims.jsonl and rejected/)",
    "claims": "of which: claims.parquet",
    "edges": "of which: edges.parquet (group by edge)",
    "nodes": "of which: nodes.parquet",
}
for k, label in names.items():
    s = ph[k]
    print(f"| {label} | {s:.1f} | {b/1e6/s:.1f} | {a/s:.0f} | {s/base:.2f} | | |")
print()
print(f"corpus: {int(a)} articles, {b/1e6:.0f} MB; {j['claims']} claims, {j['edges']} edges, {j['nodes']} nodes; "
      f"{j['partitions']} partitions; time inside the extract processes {j['extract_seconds']:.1f} s (summed over partitions); "
      f"Spark {j['spark']}, {j['binary']}")
PY
if ! cmp -s <(sort "$out/claims-2.jsonl") <(cat "$out"/job/claims.jsonl/*.jsonl | sort); then
  echo "WARNING: the job's claims differ from extract's" >&2
  exit 1
fi
echo "the job's claims.jsonl equals extract's ($claims claims); load average (1, 5, 15 min) before: $load0, after: $(cut -d' ' -f1-3 /proc/loadavg)"
