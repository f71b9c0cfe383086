//! The graph as a query walks it: compressed adjacency lists (CSR), built
//! once per query session with the filter already applied, so that a BFS
//! touches nothing but `u32`s.
//!
//! A *hop* is an ordered pair of neighbouring nodes; it carries every
//! admitted edge between them that may be walked that way (Iran —supported→
//! Syria and Iran —met_with— Syria are one hop). Neighbour lists are sorted
//! by node index and hold each neighbour once.

use super::filter::EdgeFilter;
use crate::graph::KnowledgeGraph;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

/// How an edge is walked in a hop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dir {
    /// From the edge's subject to its object.
    Forward,
    /// Against the edge's direction (undirected walks only).
    Backward,
    /// A symmetric relation: no direction.
    Symmetric,
}

impl Dir {
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Forward => "forward",
            Dir::Backward => "backward",
            Dir::Symmetric => "symmetric",
        }
    }
}

/// An edge as seen from one end of a hop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HopEdge {
    pub edge: EdgeIndex,
    pub dir: Dir,
}

/// One direction of adjacency in CSR form.
#[derive(Debug, Clone, Default)]
struct Csr {
    /// `nbr[off[v]..off[v+1]]`: the neighbours of `v`, sorted, distinct.
    off: Vec<u32>,
    nbr: Vec<u32>,
    /// `edges[eoff[s]..eoff[s+1]]`: the edges of slot `s`, packed as
    /// `edge << 2 | dir`.
    eoff: Vec<u32>,
    edges: Vec<u32>,
}

fn pack(e: u32, d: Dir) -> u32 {
    (e << 2)
        | match d {
            Dir::Forward => 0,
            Dir::Backward => 1,
            Dir::Symmetric => 2,
        }
}

fn unpack(x: u32) -> HopEdge {
    let dir = match x & 3 {
        0 => Dir::Forward,
        1 => Dir::Backward,
        _ => Dir::Symmetric,
    };
    HopEdge { edge: EdgeIndex::new((x >> 2) as usize), dir }
}

impl Csr {
    /// From (from, to, packed edge) triples.
    fn build(n: usize, mut t: Vec<(u32, u32, u32)>) -> Csr {
        t.sort_unstable();
        let mut off = vec![0u32; n + 1];
        let mut nbr = Vec::with_capacity(t.len());
        let mut eoff = Vec::with_capacity(t.len() + 1);
        let mut edges = Vec::with_capacity(t.len());
        let mut last: Option<(u32, u32)> = None;
        for &(a, b, e) in &t {
            if last != Some((a, b)) {
                eoff.push(edges.len() as u32);
                nbr.push(b);
                off[a as usize + 1] += 1;
                last = Some((a, b));
            }
            edges.push(e);
        }
        eoff.push(edges.len() as u32);
        for i in 0..n {
            off[i + 1] += off[i];
        }
        Csr { off, nbr, eoff, edges }
    }

    #[inline]
    fn range(&self, v: u32) -> std::ops::Range<usize> {
        self.off[v as usize] as usize..self.off[v as usize + 1] as usize
    }
}

/// The filtered graph, ready for walking.
#[derive(Debug, Clone)]
pub struct Adjacency {
    n: usize,
    out: Csr,
    /// Incoming adjacency for directed walks; `None` when it equals `out`.
    inc: Option<Csr>,
    pub directed: bool,
    /// Number of admitted edges.
    pub edge_count: usize,
}

impl Adjacency {
    /// Build the walkable adjacency of `kg` under `filter`.
    pub fn build(kg: &KnowledgeGraph, filter: &EdgeFilter) -> Adjacency {
        let g = &kg.graph;
        let n = g.node_count();
        assert!(g.edge_count() < (1 << 30), "too many edges for packed adjacency");
        let mut out = Vec::new();
        let mut inc = Vec::new();
        let mut edge_count = 0;
        for er in g.edge_references() {
            let e = er.weight();
            if !filter.admits(e) {
                continue;
            }
            edge_count += 1;
            let (a, b) = (er.source().index() as u32, er.target().index() as u32);
            if a == b {
                continue; // a self-loop never shortens or lengthens a simple path
            }
            let id = er.id().index() as u32;
            if e.symmetric {
                out.push((a, b, pack(id, Dir::Symmetric)));
                out.push((b, a, pack(id, Dir::Symmetric)));
            } else if filter.directed {
                out.push((a, b, pack(id, Dir::Forward)));
                inc.push((b, a, pack(id, Dir::Forward)));
            } else {
                out.push((a, b, pack(id, Dir::Forward)));
                out.push((b, a, pack(id, Dir::Backward)));
            }
        }
        if filter.directed {
            // symmetric edges are walked both ways in the incoming lists too
            for &(a, b, e) in &out {
                if e & 3 == 2 {
                    inc.push((b, a, e));
                }
            }
        }
        let out_csr = Csr::build(n, out);
        let inc_csr = if filter.directed { Some(Csr::build(n, inc)) } else { None };
        Adjacency { n, out: out_csr, inc: inc_csr, directed: filter.directed, edge_count }
    }

    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Nodes reachable from `v` in one step.
    #[inline]
    pub fn out(&self, v: u32) -> &[u32] {
        &self.out.nbr[self.out.range(v)]
    }

    /// Nodes from which `v` is reachable in one step.
    #[inline]
    pub fn inc(&self, v: u32) -> &[u32] {
        let c = self.inc.as_ref().unwrap_or(&self.out);
        &c.nbr[c.range(v)]
    }

    #[inline]
    pub fn out_degree(&self, v: u32) -> usize {
        let r = self.out.range(v);
        r.end - r.start
    }

    #[inline]
    pub fn in_degree(&self, v: u32) -> usize {
        let c = self.inc.as_ref().unwrap_or(&self.out);
        let r = c.range(v);
        r.end - r.start
    }

    /// The edges that may be walked from `a` to `b` in one step (empty if
    /// none), each with the way it is walked.
    pub fn hop(&self, a: u32, b: u32) -> Vec<HopEdge> {
        let r = self.out.range(a);
        match self.out.nbr[r.clone()].binary_search(&b) {
            Ok(i) => {
                let s = r.start + i;
                let (x, y) = (self.out.eoff[s] as usize, self.out.eoff[s + 1] as usize);
                self.out.edges[x..y].iter().map(|&p| unpack(p)).collect()
            }
            Err(_) => vec![],
        }
    }

    pub fn node(v: u32) -> NodeIndex {
        NodeIndex::new(v as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Polarity;
    use crate::graph::{Edge, Node};

    fn kg(edges: &[(&str, &str, &str, bool)]) -> KnowledgeGraph {
        let mut kg = KnowledgeGraph::default();
        for id in ["a", "b", "c"] {
            kg.add_node(Node { id: id.into(), label: id.into(), label_ar: String::new(), kind: "state".into(), parent: None });
        }
        for &(s, rel, o, sym) in edges {
            let (s, o) = (kg.node(s).unwrap(), kg.node(o).unwrap());
            kg.graph.add_edge(s, o, Edge { relation: rel.into(), polarity: Polarity::Affirmed, family: "hostile".into(), symmetric: sym, evidence: vec![] });
        }
        kg
    }

    #[test]
    fn parallel_edges_are_one_hop_and_directions_are_kept() {
        let g = kg(&[("a", "attacked", "b", false), ("a", "accused", "b", false), ("b", "attacked", "a", false), ("b", "met_with", "c", true)]);
        let adj = Adjacency::build(&g, &EdgeFilter::default());
        assert_eq!(adj.out(0), [1]);
        assert_eq!(adj.out(1), [0, 2]);
        let mut dirs: Vec<Dir> = adj.hop(0, 1).iter().map(|h| h.dir).collect();
        dirs.sort();
        assert_eq!(dirs, [Dir::Forward, Dir::Forward, Dir::Backward]);
        assert_eq!(adj.hop(2, 1).iter().map(|h| h.dir).collect::<Vec<_>>(), [Dir::Symmetric]);
        assert!(adj.hop(0, 2).is_empty());

        let d = Adjacency::build(&g, &EdgeFilter { directed: true, ..Default::default() });
        assert_eq!(d.hop(0, 1).len(), 2);
        assert_eq!(d.hop(1, 0).len(), 1);
        // symmetric both ways, in and out
        assert_eq!(d.out(2), [1]);
        assert_eq!(d.inc(1), [0, 2]);
        assert_eq!(d.inc(2), [1]);
        assert_eq!(d.edge_count, 4);
    }
}
