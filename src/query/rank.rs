//! Weighing hops and paths by their evidence.
//!
//! A hop's strength is the number of distinct articles behind any of its
//! edges. Paths are ranked by their weakest hop (a chain is as strong as
//! its weakest link), then by the number of distinct articles along the
//! whole path, then by fewer hops, then by the node ids in order: the same
//! graph always gives the same ranking.

use super::adjacency::{Adjacency, Dir, HopEdge};
use crate::extract::Polarity;
use crate::graph::{Evidence, KnowledgeGraph};
use petgraph::graph::EdgeIndex;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::rc::Rc;

/// One edge of a hop with its counts.
#[derive(Debug, Clone)]
pub struct HopRelation {
    pub edge: EdgeIndex,
    pub dir: Dir,
    pub articles: usize,
    pub claims: usize,
}

/// Everything between two consecutive nodes of a path.
#[derive(Debug, Clone)]
pub struct Hop {
    pub from: u32,
    pub to: u32,
    /// Strongest first: more articles, more claims, affirmed before
    /// negated, then relation id.
    pub relations: Vec<HopRelation>,
    /// Distinct articles behind any of the relations (interned ids, sorted).
    pub article_ids: Vec<u32>,
    pub claims: usize,
}

impl Hop {
    pub fn articles(&self) -> usize {
        self.article_ids.len()
    }
}

/// A path with its hops and weights.
#[derive(Debug, Clone)]
pub struct RankedPath {
    pub nodes: Vec<u32>,
    pub hops: Vec<Rc<Hop>>,
    /// Articles of the weakest hop.
    pub support: usize,
    /// Distinct articles along the path.
    pub articles: usize,
    pub claims: usize,
}

/// Weighs hops of one graph, caching what it has seen.
pub struct Ranker<'g> {
    kg: &'g KnowledgeGraph,
    adj: &'g Adjacency,
    articles: HashMap<&'g str, u32>,
    hops: HashMap<(u32, u32), Rc<Hop>>,
}

impl<'g> Ranker<'g> {
    pub fn new(kg: &'g KnowledgeGraph, adj: &'g Adjacency) -> Ranker<'g> {
        Ranker { kg, adj, articles: HashMap::new(), hops: HashMap::new() }
    }

    fn article_ids(&mut self, e: EdgeIndex) -> Vec<u32> {
        let kg = self.kg;
        let mut v: Vec<u32> = kg.graph[e]
            .evidence
            .iter()
            .map(|ev| {
                let n = self.articles.len() as u32;
                *self.articles.entry(ev.article.as_str()).or_insert(n)
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The hop from `a` to `b` (its relations may be empty if there is no
    /// such hop).
    pub fn hop(&mut self, a: u32, b: u32) -> Rc<Hop> {
        if let Some(h) = self.hops.get(&(a, b)) {
            return h.clone();
        }
        let edges: Vec<HopEdge> = self.adj.hop(a, b);
        let mut all = Vec::new();
        let mut relations = Vec::new();
        let mut claims = 0;
        for he in edges {
            let ids = self.article_ids(he.edge);
            let c = self.kg.graph[he.edge].evidence.len();
            claims += c;
            relations.push(HopRelation { edge: he.edge, dir: he.dir, articles: ids.len(), claims: c });
            all.extend(ids);
        }
        all.sort_unstable();
        all.dedup();
        let g = &self.kg.graph;
        relations.sort_by(|x, y| {
            let (ex, ey) = (&g[x.edge], &g[y.edge]);
            y.articles
                .cmp(&x.articles)
                .then(y.claims.cmp(&x.claims))
                .then((ex.polarity == Polarity::Negated).cmp(&(ey.polarity == Polarity::Negated)))
                .then(ex.relation.cmp(&ey.relation))
                .then(x.dir.cmp(&y.dir))
                .then(x.edge.cmp(&y.edge))
        });
        let h = Rc::new(Hop { from: a, to: b, relations, article_ids: all, claims });
        self.hops.insert((a, b), h.clone());
        h
    }

    /// Strength of the hop from `a` to `b`: its distinct articles, then
    /// claims, packed for sorting.
    pub fn weight(&mut self, a: u32, b: u32) -> u64 {
        let h = self.hop(a, b);
        ((h.articles() as u64) << 32) | (h.claims.min(u32::MAX as usize) as u64)
    }

    pub fn path(&mut self, nodes: Vec<u32>) -> RankedPath {
        let hops: Vec<Rc<Hop>> = nodes.windows(2).map(|w| self.hop(w[0], w[1])).collect();
        let support = hops.iter().map(|h| h.articles()).min().unwrap_or(0);
        let mut all: Vec<u32> = hops.iter().flat_map(|h| h.article_ids.iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        let claims = hops.iter().map(|h| h.claims).sum();
        RankedPath { nodes, hops, support, articles: all.len(), claims }
    }

    /// Weigh and sort paths, best first.
    pub fn rank(&mut self, paths: Vec<Vec<u32>>) -> Vec<RankedPath> {
        let mut v: Vec<RankedPath> = paths.into_iter().map(|p| self.path(p)).collect();
        let g = &self.kg.graph;
        v.sort_by_cached_key(|p| {
            let ids: Vec<&str> = p.nodes.iter().map(|&n| g[Adjacency::node(n)].id.as_str()).collect();
            (std::cmp::Reverse(p.support), std::cmp::Reverse(p.articles), p.nodes.len(), ids)
        });
        v
    }
}

/// The claim that best stands for an edge: from the article that makes it
/// most often, dated before undated, most recent first, then article id
/// and sentence order.
pub fn strongest_evidence(ev: &[Evidence]) -> Option<&Evidence> {
    let mut per_article: HashMap<&str, usize> = HashMap::new();
    for e in ev {
        *per_article.entry(e.article.as_str()).or_default() += 1;
    }
    ev.iter().min_by(|a, b| {
        per_article[b.article.as_str()]
            .cmp(&per_article[a.article.as_str()])
            .then(b.date.is_some().cmp(&a.date.is_some()))
            .then(b.date.cmp(&a.date))
            .then(a.article.cmp(&b.article))
            .then(a.sentence.cmp(&b.sentence))
            .then(a.span.cmp(&b.span))
    })
}

/// Ordering helper shared with neighbour listings: more articles, more
/// claims, then id.
pub fn by_weight(a: (usize, usize, &str), b: (usize, usize, &str)) -> Ordering {
    b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2))
}
