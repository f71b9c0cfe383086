//! An entity's surroundings in BFS rings: ring 1 is every entity it has a
//! relation with, ring k every entity first reached in k hops, each with
//! its links to ring k-1.

use super::adjacency::Adjacency;
use super::rank::{Hop, Ranker};
use std::rc::Rc;

/// One entity of a ring.
#[derive(Debug, Clone)]
pub struct RingNode {
    pub node: u32,
    /// Hops from entities of the previous ring (the centre for ring 1) to
    /// this one, strongest first.
    pub links: Vec<Rc<Hop>>,
    /// Distinct articles over all links.
    pub articles: usize,
    pub claims: usize,
}

#[derive(Debug, Clone)]
pub struct Ring {
    pub distance: usize,
    /// Strongest first (articles, claims, id).
    pub nodes: Vec<RingNode>,
}

/// The rings around `center` up to `hops`, walking the adjacency's way
/// (outgoing only when it is directed).
pub fn rings(adj: &Adjacency, ranker: &mut Ranker, center: u32, hops: usize, id_of: impl Fn(u32) -> String) -> Vec<Ring> {
    let n = adj.node_count();
    let mut dist = vec![u32::MAX; n];
    dist[center as usize] = 0;
    let mut frontier = vec![center];
    let mut out = Vec::new();
    for k in 1..=hops {
        let mut next = Vec::new();
        for &u in &frontier {
            for &v in adj.out(u) {
                if dist[v as usize] == u32::MAX {
                    dist[v as usize] = k as u32;
                    next.push(v);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        next.sort_unstable();
        let mut nodes: Vec<RingNode> = next
            .iter()
            .map(|&v| {
                let mut links: Vec<Rc<Hop>> = adj
                    .inc(v)
                    .iter()
                    .filter(|&&p| dist[p as usize] == k as u32 - 1)
                    .map(|&p| ranker.hop(p, v))
                    .collect();
                links.sort_by(|a, b| b.articles().cmp(&a.articles()).then(b.claims.cmp(&a.claims)).then(id_of(a.from).cmp(&id_of(b.from))));
                let mut all: Vec<u32> = links.iter().flat_map(|h| h.article_ids.iter().copied()).collect();
                all.sort_unstable();
                all.dedup();
                let claims = links.iter().map(|h| h.claims).sum();
                RingNode { node: v, links, articles: all.len(), claims }
            })
            .collect();
        nodes.sort_by(|a, b| b.articles.cmp(&a.articles).then(b.claims.cmp(&a.claims)).then_with(|| id_of(a.node).cmp(&id_of(b.node))));
        out.push(Ring { distance: k, nodes });
        frontier = next;
    }
    out
}
