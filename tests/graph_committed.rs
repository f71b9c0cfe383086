//! `graphs/syria.*` is the graph of `examples/articles`, committed so the
//! README can show it and the query commands have a graph to load. It must
//! be what the current extractor and lexicon build: this test builds it
//! afresh and compares the bytes (the evidence browser `syria.html`
//! included: its layout is computed in Rust, the same on every machine). The
//! PNG and SVG are not compared (their pixels depend on the Graphviz version
//! and fonts).

use std::path::Path;
use std::process::Command;

/// The one command that rebuilds `graphs/`.
const REFRESH: &str = "cargo run --release -- build examples/articles --out graphs --name syria --include-negated --png";

#[test]
fn committed_graphs_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fresh = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(["build", "examples/articles", "--out"])
        .arg(fresh.path())
        .args(["--name", "syria", "--include-negated", "--no-svg", "--quiet"])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut stale = Vec::new();
    for f in ["syria.claims.jsonl", "syria.graphml", "syria.gexf", "syria.dot", "syria.html"] {
        let committed = std::fs::read(root.join("graphs").join(f)).unwrap_or_default();
        let now = std::fs::read(fresh.path().join(f)).unwrap();
        if committed != now {
            stale.push(f);
        }
    }
    assert!(stale.is_empty(), "graphs/ is stale ({}): the extractor or the lexicon changed. Rebuild it with\n    {REFRESH}\nand commit graphs/.", stale.join(", "));
    for f in ["syria.svg", "syria.png"] {
        assert!(root.join("graphs").join(f).exists(), "graphs/{f} is missing; rebuild with\n    {REFRESH}");
    }
}
