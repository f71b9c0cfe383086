//! Questions asked of the graph: paths between two entities, neighbours.
//!
//! "How is Hezbollah connected to the SDF?" and "who is within two steps of
//! the Quds Force?". A query session builds an [`Adjacency`] once (the
//! filter applied while building it: relations, families, direction,
//! negated claims, `part_of`), then answers on plain `u32` lists:
//!
//! - shortest paths: bidirectional BFS, then every shortest path through
//!   the predecessor DAG of the meeting layer;
//! - `--all`: every simple path within `max_hops`, a DFS pruned by the BFS
//!   distance to the target, so it only walks towards the target;
//! - neighbours: BFS rings.
//!
//! Paths are ranked by evidence ([`rank`]), then rendered as data
//! ([`report`], JSON) or text. Names are resolved against the graph's
//! nodes and the lexicon's aliases ([`resolve`]).

pub mod adjacency;
pub mod filter;
pub mod neighbors;
pub mod rank;
pub mod report;
pub mod resolve;
pub mod search;

pub use adjacency::{Adjacency, Dir};
pub use filter::EdgeFilter;
pub use rank::{RankedPath, Ranker};
pub use report::{NeighborsReport, PathsReport};
pub use resolve::{ResolveError, Resolution, Resolver};

use crate::graph::KnowledgeGraph;
use petgraph::graph::NodeIndex;

/// What to look for between two nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathQuery {
    pub from: NodeIndex,
    pub to: NodeIndex,
    /// Longest path considered, in hops.
    pub max_hops: usize,
    /// Every simple path within `max_hops`, not only the shortest.
    pub all: bool,
    /// Paths reported, best first.
    pub limit: usize,
    /// Paths enumerated (and ranked) at most.
    pub cap: usize,
}

impl PathQuery {
    pub fn new(from: NodeIndex, to: NodeIndex) -> PathQuery {
        PathQuery { from, to, max_hops: 4, all: false, limit: 10, cap: DEFAULT_CAP }
    }
}

/// Paths enumerated for ranking at most, per query.
pub const DEFAULT_CAP: usize = 100_000;

/// The ranked paths of a query, before they are rendered.
#[derive(Debug, Clone)]
pub struct PathAnswer {
    pub paths: Vec<RankedPath>,
    pub total: u64,
    pub truncated: bool,
    pub shortest: Option<usize>,
}

/// Find, rank and cut to `limit` the paths of `q`.
pub fn find_paths(kg: &KnowledgeGraph, adj: &Adjacency, q: &PathQuery) -> PathAnswer {
    let (s, t) = (q.from.index() as u32, q.to.index() as u32);
    let mut ranker = Ranker::new(kg, adj);
    let found = if q.all {
        search::all_paths(adj, s, t, q.max_hops, q.cap)
    } else {
        let mut w = |a: u32, b: u32| ranker.weight(a, b);
        search::shortest_paths(adj, s, t, q.max_hops, q.cap, Some(&mut w))
    };
    let mut paths = ranker.rank(found.paths);
    paths.truncate(q.limit);
    PathAnswer { paths, total: found.total, truncated: found.truncated, shortest: found.shortest }
}

/// [`find_paths`] as a report (JSON-ready, or `to_text`).
pub fn paths_report(kg: &KnowledgeGraph, adj: &Adjacency, filter: &EdgeFilter, q: &PathQuery) -> PathsReport {
    let ans = find_paths(kg, adj, q);
    let shortest_beyond_bound = if ans.paths.is_empty() && q.from != q.to {
        search::distance(adj, q.from.index() as u32, q.to.index() as u32, usize::MAX)
    } else {
        None
    };
    let mut notes = Vec::new();
    if ans.paths.is_empty() {
        for n in [q.from, q.to] {
            let v = n.index() as u32;
            if adj.out_degree(v) + adj.in_degree(v) == 0 {
                notes.push(isolated_note(kg, n));
            }
        }
    }
    PathsReport {
        from: report::NodeRef::of(&kg.graph[q.from]),
        to: report::NodeRef::of(&kg.graph[q.to]),
        mode: if q.all { "all" } else { "shortest" },
        max_hops: q.max_hops,
        filter: filter.describe(),
        total: ans.total,
        truncated: ans.truncated,
        shortest: ans.shortest,
        shortest_beyond_bound,
        paths: ans.paths.iter().enumerate().map(|(i, p)| report::path_out(kg, i + 1, p)).collect(),
        notes,
    }
}

/// Why a node cannot be on any path: what it has that the filter left out.
fn isolated_note(kg: &KnowledgeGraph, n: NodeIndex) -> String {
    use petgraph::Direction::{Incoming, Outgoing};
    let id = &kg.graph[n].id;
    let edges: Vec<&crate::graph::Edge> = kg.graph.edges_directed(n, Outgoing).chain(kg.graph.edges_directed(n, Incoming)).map(|e| e.weight()).collect();
    if edges.is_empty() {
        return format!("{id} has no relation in this graph");
    }
    let part_of = edges.iter().filter(|e| e.relation == crate::graph::PART_OF).count();
    let negated = edges.iter().filter(|e| e.polarity == crate::extract::Polarity::Negated).count();
    let mut hint = Vec::new();
    if part_of > 0 {
        hint.push("--include-part-of, or --level organization/state to count it as its parent");
    }
    if negated > 0 {
        hint.push("--include-negated");
    }
    if part_of + negated < edges.len() {
        hint.push("fewer --relations/family filters");
    }
    format!("{id} has {} edge(s) in the graph but none this filter lets through; try {}", edges.len(), hint.join("; "))
}

/// The rings around `center` up to `hops`, at most `limit` entities per
/// ring (`None`: all).
pub fn neighbors_report(kg: &KnowledgeGraph, adj: &Adjacency, filter: &EdgeFilter, center: NodeIndex, hops: usize, limit: Option<usize>) -> NeighborsReport {
    let mut ranker = Ranker::new(kg, adj);
    let id_of = |v: u32| kg.graph[Adjacency::node(v)].id.clone();
    let rings = neighbors::rings(adj, &mut ranker, center.index() as u32, hops, id_of);
    NeighborsReport {
        entity: report::NodeRef::of(&kg.graph[center]),
        hops,
        filter: filter.describe(),
        rings: rings
            .iter()
            .map(|r| report::RingOut {
                distance: r.distance,
                count: r.nodes.len(),
                nodes: r
                    .nodes
                    .iter()
                    .take(limit.unwrap_or(usize::MAX))
                    .map(|nb| report::NeighborOut {
                        node: report::NodeRef::of(&kg.graph[Adjacency::node(nb.node)]),
                        articles: nb.articles,
                        claims: nb.claims,
                        links: nb.links.iter().map(|h| report::link_out(kg, h)).collect(),
                    })
                    .collect(),
            })
            .collect(),
        notes: vec![],
    }
}
