#!/usr/bin/env bash
# Time and peak memory of `quotediff scan` as the archive grows: 10,000 releases against
# 10,000, 30,000 and 100,000 articles (about 300 MB), made by scripts/make_archive.py with its
# fixed seed. Run from the repository after `cargo build --release`:
#     bash scripts/bench_scan.sh [DIR]        # DIR defaults to target/bench-archive
# (QUOTEDIFF=path/to/binary runs another build than target/release/quotediff; SIZES="10000"
# runs only the sizes given).
# Prints one line per size: articles, MB, wall seconds, CPU seconds (user + system: on a
# machine shared with other work, the wall time depends on them, the CPU time much less),
# peak resident memory, pairs kept.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-target/bench-archive}"
bin="${QUOTEDIFF:-$PWD/target/release/quotediff}"
if [ ! -s "$dir/articles.jsonl" ]; then
  nice -n 19 python3 scripts/make_archive.py --out "$dir" --articles 100000 --releases 10000
fi
for n in ${SIZES:-10000 30000 100000}; do
  head -n "$n" "$dir/articles.jsonl" > "$dir/articles-$n.jsonl"
  mb=$(du -m "$dir/articles-$n.jsonl" | cut -f1)
  /usr/bin/time -f "%e %M %U %S" -o "$dir/time-$n" nice -n 10 "$bin" scan \
    --sources "$dir/releases.jsonl" --articles "$dir/articles-$n.jsonl" \
    --out "$dir/results-$n.jsonl" 2> "$dir/scan-$n.log"
  read -r seconds kb user sys < "$dir/time-$n"
  echo "$n articles, $mb MB: ${seconds} s, $(awk "BEGIN { print $user + $sys }") s CPU, $((kb / 1024)) MB peak, $(wc -l < "$dir/results-$n.jsonl") pairs kept"
done
