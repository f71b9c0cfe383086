//! Path queries on a synthetic graph of 100,000 nodes and 1,000,000 edges
//! (random ends, relations of every family, 1-3 claims each from a pool of
//! 50,000 articles), the time of one query on an adjacency prepared once.
//!
//! ```text
//! cargo bench --bench paths
//! ```
//!
//! Set `PATHS_BENCH_NODES` / `PATHS_BENCH_EDGES` for other sizes, and
//! `PATHS_BENCH_GRAPHML=1` to also time writing and reading the graph as
//! GraphML (what `paths --graph FILE` adds before the query).

use actorgraph::extract::Polarity;
use actorgraph::graph::{Edge, Evidence, KnowledgeGraph, Node};
use actorgraph::query::{find_paths, neighbors_report, paths_report, Adjacency, EdgeFilter, PathQuery};
use criterion::{criterion_group, criterion_main, Criterion};
use petgraph::graph::NodeIndex;
use std::time::{Duration, Instant};

/// splitmix64: the same graph on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const RELATIONS: [(&str, &str, bool); 15] = [
    ("negotiated_with", "diplomatic", true),
    ("met_with", "diplomatic", true),
    ("agreed_with", "cooperative", true),
    ("cooperated_with", "cooperative", true),
    ("mediated", "diplomatic", false),
    ("supported", "cooperative", false),
    ("demanded", "diplomatic", false),
    ("accused", "hostile", false),
    ("threatened", "hostile", false),
    ("rejected", "hostile", false),
    ("attacked", "hostile", false),
    ("withdrew_from", "movement", false),
    ("deployed_to", "movement", false),
    ("controls", "movement", false),
    ("visited", "movement", false),
];

fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

pub fn synthetic(nodes: usize, edges: usize, seed: u64) -> KnowledgeGraph {
    let mut rng = Rng(seed);
    let mut kg = KnowledgeGraph::default();
    kg.graph.reserve_nodes(nodes);
    kg.graph.reserve_edges(edges);
    for i in 0..nodes {
        kg.add_node(Node { id: format!("n{i:06}"), label: format!("Node {i}"), label_ar: String::new(), kind: "armed_group".into(), parent: None });
    }
    let mut added = 0;
    while added < edges {
        let (a, b) = (rng.below(nodes as u64) as usize, rng.below(nodes as u64) as usize);
        if a == b {
            continue;
        }
        let (rel, family, symmetric) = RELATIONS[rng.below(15) as usize];
        let (a, b) = if symmetric && b < a { (b, a) } else { (a, b) };
        let polarity = if rng.below(20) == 0 { Polarity::Negated } else { Polarity::Affirmed };
        let evidence = (0..1 + rng.below(3))
            .map(|k| Evidence {
                article: format!("a{:05}", rng.below(50_000)),
                date: Some(format!("2018-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))),
                sentence: k as usize,
                span: [0, 10],
                trigger: String::new(),
                text: String::new(),
                ..Default::default()
            })
            .collect();
        kg.graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), Edge { relation: rel.into(), polarity, family: family.into(), symmetric, evidence });
        added += 1;
    }
    kg
}

fn pairs(n: usize, k: usize) -> Vec<(NodeIndex, NodeIndex)> {
    let mut rng = Rng(42);
    (0..k)
        .map(|_| loop {
            let (a, b) = (rng.below(n as u64) as usize, rng.below(n as u64) as usize);
            if a != b {
                break (NodeIndex::new(a), NodeIndex::new(b));
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let (n, m) = (env("PATHS_BENCH_NODES", 100_000), env("PATHS_BENCH_EDGES", 1_000_000));
    let t = Instant::now();
    let kg = synthetic(n, m, 7);
    eprintln!("synthetic graph: {n} nodes, {m} edges in {:.2?}", t.elapsed());
    if std::env::var_os("PATHS_BENCH_GRAPHML").is_some() {
        // what `actorgraph paths --graph FILE` adds before the query
        let t = Instant::now();
        let xml = actorgraph::export::to_graphml(&kg);
        eprintln!("GraphML written: {} MB in {:.2?}", xml.len() / 1_000_000, t.elapsed());
        let t = Instant::now();
        let back = actorgraph::export::read_graphml(&xml).expect("reads back");
        eprintln!("GraphML read back: {} nodes, {} edges in {:.2?}", back.node_count(), back.edge_count(), t.elapsed());
    }
    let undirected = EdgeFilter::default();
    let hostile_directed = EdgeFilter { directed: true, families: vec!["hostile".into()], ..Default::default() };
    let t = Instant::now();
    let adj = Adjacency::build(&kg, &undirected);
    eprintln!("adjacency (undirected, affirmed): {} edges admitted, built in {:.2?}", adj.edge_count, t.elapsed());
    let t = Instant::now();
    let adj_h = Adjacency::build(&kg, &hostile_directed);
    eprintln!("adjacency (directed, hostile): {} edges admitted, built in {:.2?}", adj_h.edge_count, t.elapsed());
    let qs = pairs(n, 64);

    // one pass to say what the queries find
    let (mut found, mut hops, mut npaths) = (0, 0, 0u64);
    let t = Instant::now();
    for &(s, d) in &qs {
        let a = find_paths(&kg, &adj, &PathQuery::new(s, d));
        if let Some(h) = a.shortest {
            found += 1;
            hops += h;
            npaths += a.total;
        }
    }
    eprintln!(
        "shortest, undirected, max 4 hops: {found}/{} pairs connected, mean {:.2} hops, {:.1} shortest paths per pair, {:.2?} per query",
        qs.len(),
        hops as f64 / found.max(1) as f64,
        npaths as f64 / found.max(1) as f64,
        t.elapsed() / qs.len() as u32
    );
    let t = Instant::now();
    let mut all = 0u64;
    for &(s, d) in &qs {
        let mut q = PathQuery::new(s, d);
        q.all = true;
        all += find_paths(&kg, &adj, &q).total;
    }
    eprintln!("--all, undirected, max 4 hops: {:.1} simple paths per pair, {:.2?} per query", all as f64 / qs.len() as f64, t.elapsed() / qs.len() as u32);

    let mut g = c.benchmark_group(format!("paths_{n}n_{m}e"));
    g.sample_size(20).warm_up_time(Duration::from_secs(2)).measurement_time(Duration::from_secs(8));
    let mut i = 0;
    g.bench_function("shortest_undirected_max4", |b| {
        b.iter(|| {
            i = (i + 1) % qs.len();
            let (s, d) = qs[i];
            paths_report(&kg, &adj, &undirected, &PathQuery::new(s, d))
        })
    });
    g.bench_function("all_simple_undirected_max4", |b| {
        b.iter(|| {
            i = (i + 1) % qs.len();
            let (s, d) = qs[i];
            let mut q = PathQuery::new(s, d);
            q.all = true;
            paths_report(&kg, &adj, &undirected, &q)
        })
    });
    g.bench_function("shortest_directed_hostile_max4", |b| {
        b.iter(|| {
            i = (i + 1) % qs.len();
            let (s, d) = qs[i];
            paths_report(&kg, &adj_h, &hostile_directed, &PathQuery::new(s, d))
        })
    });
    g.bench_function("neighbors_2_hops", |b| {
        b.iter(|| {
            i = (i + 1) % qs.len();
            neighbors_report(&kg, &adj, &undirected, qs[i].0, 2, Some(10))
        })
    });
    g.finish();
    c.bench_function("adjacency_build_undirected", |b| b.iter(|| Adjacency::build(&kg, &undirected)));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
