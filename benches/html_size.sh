#!/usr/bin/env bash
# The evidence browser at scale: a synthetic graph of 2,000 nodes and 20,000
# claim edges with their evidence, built by `actorgraph merge`, then opened
# in chromium (tests/consumers/check_html.mjs). Reports the build time (the
# layout included), the page's size, and the time to open it (load, then
# drawn and ready), to apply a date filter and to open a node's panel.
#
#     bash benches/html_size.sh [NODES] [EDGES]      # default 2000 20000
#
# Needs: cargo, python3, node with tests/consumers/node_modules (npm ci),
# chromium (Debian: apt-get install chromium). Not a test: it prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."
NODES="${1:-2000}"
EDGES="${2:-20000}"
work="${KEEP:-$(mktemp -d)}"
[ -n "${KEEP:-}" ] && mkdir -p "$work" || trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/actorgraph

# the project's lexicon, plus synthetic entities up to NODES (names with
# hamza and taa marbuta, so the search has something to fold), and claims:
# every entity in at least one edge, EDGES distinct (subject, relation,
# object, polarity) mostly inside 40 communities, 1-3 claims each, dates
# over 2011-2024, one in 15 undated
cp -r lexicons "$work/lex"
python3 - "$work" "$NODES" "$EDGES" <<'PY'
import json, random, re, sys
work, nodes, edges = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(12)
ids = []
for path in ["states", "armed_groups", "organizations", "people", "places_region", "places_syria", "gaps_additions"]:
    text = open(f"{work}/lex/entities/{path}.ron", encoding="utf-8").read()
    ids += re.findall(r'\bid:\s*"([^"]+)"', text)
ids = sorted(set(ids))
rels = re.findall(r'\bid:\s*"([a-z_]+)"', open(f"{work}/lex/relations.ron", encoding="utf-8").read())
rels = [r for r in dict.fromkeys(rels) if r in {"negotiated_with","met_with","agreed_with","cooperated_with","mediated","supported","demanded","accused","threatened","rejected","attacked","withdrew_from","deployed_to","controls","visited"}]
syll = ["أبو", "إبن", "آل", "مؤ", "سا", "رة", "قا", "لي", "ئة", "دي", "مة", "نو", "ري", "فا", "طة", "زي", "كو"]
kinds = ["armed_group", "organization", "person", "place"]
extra = []
n_extra = max(0, nodes - len(ids))
with open(f"{work}/lex/entities/bench_synthetic.ron", "w", encoding="utf-8") as f:
    f.write("[\n")
    for i in range(n_extra):
        ar = "".join(rng.choice(syll) for _ in range(3)) + " " + "".join(rng.choice(syll) for _ in range(2)) + f" {i}"
        kind = kinds[i % 4]
        parent = f', parent: Some("bench_{rng.randrange(i)}")' if i > 10 and rng.random() < 0.2 else ""
        f.write(f'    (id: "bench_{i}", kind: {kind}{parent}, en: "Bench actor {i}", ar: {json.dumps(ar, ensure_ascii=False)}, aliases: [{json.dumps(ar, ensure_ascii=False)}]),\n')
        extra.append(f"bench_{i}")
    f.write("]\n")
all_ids = (ids + extra)[:nodes]
names = {i: i.replace("_", " ") for i in all_ids}
keys = set()
order = list(all_ids)
rng.shuffle(order)
# as news graphs are: communities (a front, a region: 40 of them), four
# edges in five inside one, a few hubs everyone deals with; every node in
# an edge first
community = {i: rng.randrange(40) for i in all_ids}
members = {}
for i in all_ids:
    members.setdefault(community[i], []).append(i)
hubs = rng.sample(all_ids, 12)
json.dump(community, open(f"{work}/community.json", "w"))
while len(keys) < edges:
    if len(keys) < len(order):
        s = order[len(keys)]
    else:
        s = rng.choice(hubs) if rng.random() < 0.1 else rng.choice(all_ids)
    o = rng.choice(members[community[s]]) if rng.random() < 0.8 else rng.choice(all_ids)
    if o == s:
        continue
    keys.add((s, rng.choice(rels), o, "negated" if rng.random() < 0.08 else "affirmed"))
claims = []
art = 0
for (s, r, o, p) in sorted(keys):
    for k in range(rng.choice([1, 1, 2, 3])):
        art += 1
        a = rng.randrange(max(1, edges // 3))
        day = rng.randrange(14 * 365)
        date = None if rng.random() < 1 / 15 else f"{2011 + day // 365}-{1 + day % 365 // 31 % 12:02d}-{1 + day % 28:02d}"
        text = f"وقالت مصادر محلية إن {names[s]} {r.replace('_', ' ')} {names[o]} في الجملة رقم {k} من التقرير {a}، بحسب ما نقلت وكالات الأنباء ومراسلون في المنطقة."
        claims.append({"article": f"bench{a:06d}", "sentence": k, "subject": s, "subject_chain": [s], "relation": r, "object": o, "object_chain": [o],
                       "polarity": p, "evidence": text, "span": [k * 300, k * 300 + len(text.encode())], "trigger": r.replace('_', ' '), "date": date})
with open(f"{work}/claims.jsonl", "w", encoding="utf-8") as f:
    for c in claims:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
print(f"generated {len(all_ids)} entities, {len(keys)} edges, {len(claims)} claims")
PY

start=$(date +%s.%N)
$bin --lexicons "$work/lex" merge "$work/claims.jsonl" --out "$work/out" --name bench --include-negated --no-svg 2>&1 | tail -1
end=$(date +%s.%N)
build_all=$(python3 -c "print(f'{$end - $start:.2f}')")
start=$(date +%s.%N)
$bin --lexicons "$work/lex" merge "$work/claims.jsonl" --out "$work/out-nohtml" --name bench --include-negated --no-svg --no-html -q
end=$(date +%s.%N)
build_nohtml=$(python3 -c "print(f'{$end - $start:.2f}')")
page="$work/out/bench.html"
size=$(stat -c %s "$page")
gz=$(gzip -9 -c "$page" | wc -c)
echo "merge with the page: ${build_all} s; without (--no-html): ${build_nohtml} s"
echo "page: $size bytes ($(python3 -c "print(f'{$size/1048576:.1f}')") MiB), gzip -9: $gz bytes; graphml: $(stat -c %s "$work/out/bench.graphml") bytes"

echo '{"perf": true}' > "$work/spec.json"
for run in 1 2 3; do
  node tests/consumers/check_html.mjs "$page" "$work/spec.json" > "$work/report$run.json"
  python3 - "$work/report$run.json" "$run" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t, c, p = r["timing"], r["counts"], r.get("perf", {})
errs = [m for m in r["console"] if m["type"] in ("error", "warn", "warning")] + r["errors"]
print(f"open {sys.argv[2]}: load event {t['load_ms']} ms, drawn and ready {t['ready_ms']} ms (in page {t['in_page_ready_ms']:.0f} ms); "
      f"{c['nodes']} nodes, {c['edges']} edges, {c['claims']} claims shown; date filter {p.get('filter_ms', 0):.0f} ms, "
      f"node panel {p.get('typical_node_ms', 0):.0f} ms (degree {p.get('typical_degree')}; the hub of degree {p.get('hub_degree')}: {p.get('node_ms', 0):.0f} ms), edge panel {p.get('edge_ms', 0):.0f} ms, search {p.get('search_ms', 0):.0f} ms; "
      f"requests {len(r['requests'])}, console errors {len(errs)}")
PY
done
