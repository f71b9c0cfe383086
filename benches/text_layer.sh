#!/usr/bin/env bash
# The text layer's speed (criterion, benches/text_layer.rs) beside the
# ripgrep floor on the same corpus: every folded form the matcher searches
# (examples/aliases.rs), fixed strings, one thread.
#
#   bash benches/text_layer.sh           # TEXT_LAYER_MB=100 by default
#
# Needs ripgrep (Debian: ripgrep) and GNU time (Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
out=$target/bench-text
mkdir -p "$out"

# criterion: normalize, +sentences, +matcher; writes $out/corpus.txt
cargo bench --bench text_layer 2>&1 | tee "$out/criterion.txt" | grep -E "^text_layer|thrpt|time:|corpus" || true

cargo run -q --release --example aliases > "$out/aliases.txt"
cargo run -q --release --example aliases -- --entities > "$out/aliases-entities.txt"
bytes=$(stat -c %s "$out/corpus.txt")

best() { # best wall time of 3 runs
  local b=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e" -o "$out/time" "$@" > "$out/rg.out" 2>/dev/null || true
    t=$(cat "$out/time")
    if [ -z "$b" ] || awk -v a="$t" -v b="$b" 'BEGIN{exit !(a<b)}'; then b=$t; fi
  done
  echo "$b"
}
echo
echo "| ripgrep floor ($((bytes / 1000000)) MB, one thread) | patterns | seconds | MB/s |"
echo "|---|---|---|---|"
for list in aliases aliases-entities; do
  n=$(wc -l < "$out/$list.txt")
  for mode in --count-matches -c; do
    s=$(best rg $mode -F -j1 -f "$out/$list.txt" "$out/corpus.txt")
    awk -v m="rg $mode -F -j1 -f $list.txt" -v n="$n" -v s="$s" -v b="$bytes" 'BEGIN { printf "| `%s` | %d | %.2f | %.1f |\n", m, n, s, b/1e6/s }'
  done
done
