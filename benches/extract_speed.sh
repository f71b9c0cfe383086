#!/usr/bin/env bash
# Speed of `actorgraph extract` on a >= 100 MB corpus built from the sample
# articles, on 1 and 2 threads, beside ripgrep's time for every alias of the
# lexicon over the same bytes (the floor: a search that only finds strings).
#
#   bash benches/extract_speed.sh            # prints a Markdown table
#
# Needs ripgrep (Debian: ripgrep) and GNU time (/usr/bin/time, Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench-extract
mkdir -p "$out"
size_mb=${SIZE_MB:-100}

cargo build -q --release --bin actorgraph --example aliases
bin=target/release/actorgraph

# The corpus: the five articles, paragraphs rotated so copies differ, as
# plain text (for rg) and as JSONL (for extract), until size_mb is reached.
if [ ! -s "$out/corpus.jsonl" ] || [ "$(stat -c %s "$out/corpus.txt")" -lt $((size_mb * 1000000)) ]; then
  python3 benches/make_corpus.py "$out" "$size_mb"
fi
cargo run -q --release --example aliases > "$out/aliases.txt"
bytes=$(stat -c %s "$out/corpus.txt")
articles=$(wc -l < "$out/corpus.jsonl")

secs() { # run a command, print wall seconds and peak RSS (KB)
  /usr/bin/time -f "%e %M" -o "$out/time" "$@" > /dev/null 2>&1 || true
  cat "$out/time"
}

echo "| run | seconds | MB/s | articles/s | peak RSS |"
echo "|---|---|---|---|---|"
row() {
  read -r s kb <<< "$2"
  awk -v n="$1" -v s="$s" -v b="$bytes" -v a="$articles" -v kb="$kb" 'BEGIN { printf "| %s | %.2f | %.1f | %.0f | %.0f MB |\n", n, s, b/1e6/s, a/s, kb/1024 }'
}
row "actorgraph extract, 1 thread" "$(secs $bin extract --threads 1 "$out/corpus.jsonl")"
row "actorgraph extract, 2 threads" "$(secs $bin extract --threads 2 "$out/corpus.jsonl")"
row "rg -c -F -f ALIASES (floor the issue names)" "$(secs rg -c -F -f "$out/aliases.txt" "$out/corpus.txt")"
row "rg --count-matches -F -j1 -f ALIASES (every match)" "$(secs rg --count-matches -F -j1 -f "$out/aliases.txt" "$out/corpus.txt")"
echo
echo "corpus: $articles articles, $((bytes / 1000000)) MB; $(wc -l < "$out/aliases.txt") folded forms"
