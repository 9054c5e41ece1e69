#!/bin/sh
# Writes target/scale/source-3.6mb.txt and article-3.6mb.txt, the 3.6 MB pair of the README's
# speed figures: the planted 1 MB pair (written by `cargo test --release --test scale`) with
# other prose after it, another novel and a later stretch of the same book on each side, so
# the 300 planted passages stay and the rest is text the two sides do not share.
set -eu
corpus=${QUOTEDIFF_CORPUS:-../shared/corpus}
dir=target/scale
[ -f "$dir/source.txt" ] || { echo "run cargo test --release --test scale first" >&2; exit 2; }
{ cat "$dir/source.txt" "$corpus/little_dorrit.txt"
  tail -c +1100001 "$corpus/bleak_house.txt"; } | head -c 3600000 > "$dir/source-3.6mb.txt"
{ cat "$dir/article.txt" "$corpus/pickwick_papers.txt"
  tail -c +1100001 "$corpus/david_copperfield.txt"; } | head -c 3600000 > "$dir/article-3.6mb.txt"
wc -c "$dir/source-3.6mb.txt" "$dir/article-3.6mb.txt"
