//! Merge and export of a million synthetic claims: time and peak memory of
//! each step. Run: `cargo bench --bench graph` (GRAPH_BENCH_CLAIMS=N to
//! change the count). Prints a Markdown table.
//!
//! Two shapes of corpus:
//! - dense: the 19 entities of the sample lexicon, so few edges (a few
//!   thousand) carrying many claims each;
//! - sparse: the project's lexicon (hundreds of entities), so most claims
//!   make an edge of their own.
//!
//! Claims are generated lazily and streamed into the merger, as `build` and
//! `merge` do. Peak memory is the resident high-water mark (VmHWM), reset
//! before each step through /proc/self/clear_refs (Linux).

use actorgraph::export::{to_dot, to_gexf, to_graphml, DotOptions};
use actorgraph::graph::fixture::{sample_lexicon, synthetic_claims};
use actorgraph::graph::{view, MergeOptions, Merger, ViewOptions};
use actorgraph::lexicon::Lexicon;
use std::time::Instant;

fn peak_mib() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)).and_then(|k| k.parse::<f64>().ok()).map(|k| k / 1024.0).unwrap_or(f64::NAN)
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn step<T>(rows: &mut Vec<String>, corpus: &str, name: &str, f: impl FnOnce() -> (T, String)) -> T {
    reset_peak();
    let t = Instant::now();
    let (out, note) = f();
    let secs = t.elapsed().as_secs_f64();
    rows.push(format!("| {corpus} | {name} | {secs:.2} s | {:.0} MiB | {note} |", peak_mib()));
    out
}

fn run(rows: &mut Vec<String>, corpus: &str, lex: &Lexicon, n: usize) {
    step(rows, corpus, "generate claims (baseline)", || {
        let bytes: usize = synthetic_claims(lex, n, 42).map(|c| c.evidence.len()).sum();
        ((), format!("{n} claims, {} MiB of sentences", bytes / (1 << 20)))
    });
    let g = step(rows, corpus, "merge (incl. generation)", || {
        let mut m = Merger::new(lex, MergeOptions::default());
        for c in synthetic_claims(lex, n, 42) {
            m.add(c);
        }
        let g = m.finish();
        let note = format!("{} nodes, {} edges", g.node_count(), g.edge_count());
        (g, note)
    });
    let v = step(rows, corpus, "view (state level)", || {
        let v = view(&g, Some(lex), &ViewOptions { level: actorgraph::graph::Level::State, include_negated: true, ..ViewOptions::default() });
        let note = format!("{} nodes, {} edges", v.node_count(), v.edge_count());
        (v, note)
    });
    drop(v);
    for (name, f) in [
        ("GraphML", Box::new(|| to_graphml(&g)) as Box<dyn Fn() -> String>),
        ("GEXF", Box::new(|| to_gexf(&g))),
        ("DOT", Box::new(|| to_dot(&g, &DotOptions::default()))),
    ] {
        step(rows, corpus, &format!("export {name}"), || {
            let s = f();
            ((), format!("{} MiB", s.len() / (1 << 20)))
        });
    }
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` too: run small then
    let n: usize = std::env::var("GRAPH_BENCH_CLAIMS").ok().and_then(|s| s.parse().ok()).unwrap_or(if std::env::args().any(|a| a == "--bench") { 1_000_000 } else { 10_000 });
    let mut rows = vec!["| corpus | step | time | peak RSS | result |".to_string(), "|---|---|---|---|---|".to_string()];
    let sample = sample_lexicon();
    run(&mut rows, "dense", &sample, n);
    match Lexicon::embedded() {
        Ok(lex) => run(&mut rows, "sparse", &lex, n),
        Err(_) => eprintln!("the project's lexicon does not load: sparse corpus skipped"),
    }
    println!("{}", rows.join("\n"));
}
