//! The knowledge graph: one node per entity, one edge per (subject,
//! relation, object, polarity), each edge carrying the claims behind it.
//!
//! Plain data, as petgraph likes it: merging, roll-up views and filters are
//! free functions in the submodules. Insertion order is kept (IndexMap) and
//! everything that is output is sorted, so the same claims give the same
//! bytes.

use crate::extract::Polarity;
use indexmap::IndexMap;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};

/// The relation id of the lexicon's parent links.
pub const PART_OF: &str = "part_of";

/// An entity as a node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub label: String,
    pub label_ar: String,
    /// state, armed_group, organization, person, place
    pub kind: String,
    pub parent: Option<String>,
}

/// One claim behind an edge.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub article: String,
    pub date: Option<String>,
    pub sentence: usize,
    pub span: [usize; 2],
    pub trigger: String,
    /// The sentence as written.
    pub text: String,
}

/// All claims of one (subject, relation, object, polarity).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub relation: String,
    pub polarity: Polarity,
    /// hostile, cooperative, movement, diplomatic; `structure` for part_of.
    pub family: String,
    /// Symmetric relations are stored once, ends in id order.
    pub symmetric: bool,
    pub evidence: Vec<Evidence>,
}

impl Edge {
    /// Number of distinct articles behind the edge.
    pub fn articles(&self) -> usize {
        let mut a: Vec<&str> = self.evidence.iter().map(|e| e.article.as_str()).collect();
        a.sort_unstable();
        a.dedup();
        a.len()
    }

    pub fn claims(&self) -> usize {
        self.evidence.len()
    }

    pub fn first_seen(&self) -> Option<&str> {
        self.evidence.iter().filter_map(|e| e.date.as_deref()).min()
    }

    pub fn last_seen(&self) -> Option<&str> {
        self.evidence.iter().filter_map(|e| e.date.as_deref()).max()
    }
}

/// The graph and an index from entity id to node.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    pub graph: DiGraph<Node, Edge>,
    pub index: IndexMap<String, NodeIndex>,
}

impl KnowledgeGraph {
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// Add a node unless its id is already there; returns its index.
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&i) = self.index.get(&node.id) {
            return i;
        }
        let id = node.id.clone();
        let i = self.graph.add_node(node);
        self.index.insert(id, i);
        i
    }
}
