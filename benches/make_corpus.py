#!/usr/bin/env python3
"""The benchmark corpus: the sample articles, paragraphs rotated so copies
differ, as plain text (one article per line, for ripgrep) and as JSONL (for
extract and the Spark job), until SIZE_MB megabytes of text are written.

    python3 benches/make_corpus.py OUT_DIR SIZE_MB   # OUT_DIR/corpus.jsonl, OUT_DIR/corpus.txt
"""
import json, os, sys
out, mb = sys.argv[1], int(sys.argv[2])
arts = []
for f in sorted(os.listdir("examples/articles")):
    with open(os.path.join("examples/articles", f), encoding="utf-8") as fh:
        arts.append(fh.read().split("\n"))
total, n = 0, 0
with open(f"{out}/corpus.jsonl", "w", encoding="utf-8") as js, open(f"{out}/corpus.txt", "w", encoding="utf-8") as tx:
    while total < mb * 1000000:
        paras = arts[n % len(arts)]
        k = (n // len(arts)) % max(1, len(paras))
        text = "\n".join(paras[k:] + paras[:k])
        js.write(json.dumps({"id": f"a{n}", "text": text}, ensure_ascii=False) + "\n")
        tx.write(text + "\n")
        total += len(text.encode("utf-8"))
        n += 1
print(f"{n} articles, {total/1e6:.1f} MB", file=sys.stderr)
