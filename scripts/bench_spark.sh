#!/usr/bin/env bash
# The Spark job in local mode against `quotediff scan` on the same data, one after the other:
# 10,000 releases against the first 10,000, 30,000 and 100,000 articles of the benchmark
# archive (scripts/bench_scan.sh makes it). Run from the repository after
# `cargo build --release`; the bindings are built with maturin into a virtual environment
# under target/ (never the system's Python), which sees the system's PySpark and pyarrow:
#     bash scripts/bench_spark.sh [DIR]          # SIZES="10000" for one size
# Prints per size and per tool: wall seconds, the load average just before the run, pairs
# kept; then whether both kept the same records.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-target/bench-archive}"
bin="${QUOTEDIFF:-$PWD/target/release/quotediff}"
venv=target/spark-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv --system-site-packages "$venv"
fi
(cd python && CARGO_TARGET_DIR=../target/python nice -n 10 maturin build --release -q -o ../target/wheels)
"$venv/bin/python" -m pip install -q --force-reinstall --no-deps target/wheels/quotediff-*.whl
[ -s "$dir/releases.jsonl" ] || SIZES=10 bash scripts/bench_scan.sh "$dir" > /dev/null
load() { cut -d' ' -f1 /proc/loadavg; }
for n in ${SIZES:-10000 30000 100000}; do
  [ -s "$dir/articles-$n.jsonl" ] || head -n "$n" "$dir/articles.jsonl" > "$dir/articles-$n.jsonl"
  before=$(load)
  /usr/bin/time -f "%e" -o "$dir/time-scan-$n" nice -n 10 "$bin" scan \
    --sources "$dir/releases.jsonl" --articles "$dir/articles-$n.jsonl" \
    --out "$dir/results-$n.jsonl" 2> /dev/null
  echo "$n articles, quotediff scan: $(cat "$dir/time-scan-$n") s wall, load $before, $(wc -l < "$dir/results-$n.jsonl") pairs kept"
  rm -rf "$dir/spark-$n"
  before=$(load)
  /usr/bin/time -f "%e" -o "$dir/time-spark-$n" nice -n 10 "$venv/bin/python" -m quotediff.spark \
    scan --sources "$dir/releases.jsonl" --articles "$dir/articles-$n.jsonl" \
    --out "$dir/spark-$n" 2> "$dir/spark-$n.log"
  echo "$n articles, Spark local[*]: $(cat "$dir/time-spark-$n") s wall, load $before, $(cat "$dir"/spark-"$n"/part-* | wc -l) pairs kept"
  "$venv/bin/python" - "$dir/results-$n.jsonl" "$dir/spark-$n" <<'PY'
import glob, json, sys
def records(lines):
    return sorted(json.dumps(json.loads(l), sort_keys=True) for l in lines if l.strip())
with open(sys.argv[1], encoding="utf-8") as f:
    scan = records(f)
spark = records(l for p in sorted(glob.glob(sys.argv[2] + "/part-*")) for l in open(p, encoding="utf-8"))
print("  same records" if scan == spark else f"  DIFFERENT: {len(scan)} against {len(spark)}")
PY
done
