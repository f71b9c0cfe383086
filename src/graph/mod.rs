//! The knowledge graph: one node per entity, one edge per (subject,
//! relation, object, polarity), each edge carrying the claims behind it.
//!
//! Plain data, as petgraph likes it: merging, roll-up views and filters are
//! free functions in the submodules. Insertion order is kept (IndexMap) and
//! everything that is output is sorted, so the same claims give the same
//! bytes.

#[doc(hidden)]
pub mod fixture;
pub mod merge;
pub mod views;

pub use merge::{merge, MergeOptions, Merger};
pub use views::{view, Level, ViewOptions};

use crate::extract::coref::Via;
use crate::extract::Polarity;
use indexmap::IndexMap;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The relation id of the lexicon's parent links.
pub const PART_OF: &str = "part_of";

/// The family of `part_of` edges.
pub const STRUCTURE: &str = "structure";

/// The family of relations the lexicon does not know (claim files made with
/// another lexicon).
pub const UNKNOWN: &str = "unknown";

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
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub article: String,
    pub date: Option<String>,
    pub sentence: usize,
    pub span: [usize; 2],
    pub trigger: String,
    /// The sentence as written.
    pub text: String,
    /// The antecedent of the edge's subject (source) when the sentence
    /// named it only by a reference (the claim's `subject_via`, or its
    /// `object_via` when a symmetric relation was stored the other way
    /// round).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_via: Option<Via>,
    /// The antecedent of the edge's object (target), likewise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_via: Option<Via>,
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

impl Evidence {
    /// One readable line: `article | date | sentence`, the sentence on one
    /// line (line breaks and tabs become spaces), `undated` without a date.
    pub fn line(&self) -> String {
        let text: String = self.text.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect();
        format!("{} | {} | {}", self.article, self.date.as_deref().unwrap_or("undated"), text.trim())
    }

    /// What makes two pieces of evidence the same claim.
    pub fn key(&self) -> (&str, usize, [usize; 2], &str) {
        (&self.article, self.sentence, self.span, &self.trigger)
    }
}

/// Sort evidence and drop duplicates (same article, sentence, span and
/// trigger; the first in sort order is kept).
pub fn normalize_evidence(ev: &mut Vec<Evidence>) {
    ev.sort_unstable_by(|a, b| a.key().cmp(&b.key()).then_with(|| a.cmp(b)));
    ev.dedup_by(|a, b| a.key() == b.key());
    ev.sort_unstable();
}

/// Text as every export can carry it: XML 1.0 forbids the C0 control
/// characters other than tab, line feed and carriage return, and U+FFFE and
/// U+FFFF; each becomes U+FFFD (the replacement character). Merging applies
/// this to the text of every claim, so the model, GraphML, GEXF, DOT and SVG
/// all hold the same characters. Bidi marks, newlines and quotes are kept.
pub fn clean_text(s: &str) -> Cow<'_, str> {
    fn bad(c: char) -> bool {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    }
    if s.chars().any(bad) {
        Cow::Owned(s.chars().map(|c| if bad(c) { '\u{FFFD}' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// How a relation is shown: labels, family, direction.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RelationInfo {
    /// English label ("attacked").
    pub en: String,
    /// Arabic label.
    pub ar: String,
    pub family: String,
    pub symmetric: bool,
}

impl RelationInfo {
    /// The `part_of` relation of parent links.
    pub fn part_of() -> RelationInfo {
        RelationInfo { en: "part of".into(), ar: "جزء من".into(), family: STRUCTURE.into(), symmetric: false }
    }

    /// A relation no lexicon describes: its id with spaces.
    pub fn unknown(id: &str) -> RelationInfo {
        RelationInfo { en: id.replace('_', " "), ar: String::new(), family: UNKNOWN.into(), symmetric: false }
    }
}

impl Edge {
    /// A `part_of` edge (child to parent), without evidence.
    pub fn part_of() -> Edge {
        Edge { relation: PART_OF.into(), polarity: Polarity::Affirmed, family: STRUCTURE.into(), symmetric: false, evidence: Vec::new() }
    }

    pub fn is_structure(&self) -> bool {
        self.relation == PART_OF
    }

    /// The weight exports use: the number of articles, at least 1 (Gephi
    /// drops edges of weight 0; `part_of` edges have no articles).
    pub fn weight(&self) -> f64 {
        self.articles().max(1) as f64
    }

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
    /// Labels and families of the relations the edges use.
    pub relations: BTreeMap<String, RelationInfo>,
}

/// The sort key of an edge: source id, target id, relation, polarity.
pub type EdgeKey<'a> = (&'a str, &'a str, &'a str, Polarity);

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

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Node indices sorted by id.
    pub fn sorted_nodes(&self) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self.graph.node_indices().collect();
        v.sort_by(|a, b| self.graph[*a].id.cmp(&self.graph[*b].id));
        v
    }

    pub fn edge_key(&self, e: EdgeIndex) -> EdgeKey<'_> {
        let (s, t) = self.graph.edge_endpoints(e).expect("edge of this graph");
        let w = &self.graph[e];
        (&self.graph[s].id, &self.graph[t].id, &w.relation, w.polarity)
    }

    /// Edge indices sorted by (source id, target id, relation, polarity):
    /// the order of every export.
    pub fn sorted_edges(&self) -> Vec<EdgeIndex> {
        let mut v: Vec<EdgeIndex> = self.graph.edge_indices().collect();
        v.sort_by(|a, b| self.edge_key(*a).cmp(&self.edge_key(*b)));
        v
    }

    /// The edge of this key, if any.
    pub fn find_edge(&self, source: &str, target: &str, relation: &str, polarity: Polarity) -> Option<EdgeIndex> {
        let s = self.node(source)?;
        let t = self.node(target)?;
        self.graph.edges_connecting(s, t).find(|e| e.weight().relation == relation && e.weight().polarity == polarity).map(|e| e.id())
    }

    /// How a relation is shown; relations the graph does not describe get
    /// their id as label.
    pub fn relation_info(&self, relation: &str) -> RelationInfo {
        match self.relations.get(relation) {
            Some(r) => r.clone(),
            None if relation == PART_OF => RelationInfo::part_of(),
            None => RelationInfo::unknown(relation),
        }
    }

    /// The same graph with nodes and edges inserted in sorted order and
    /// every edge's evidence sorted and deduplicated; edges with the same key
    /// are merged. Two graphs with the same content are then equal in every
    /// index.
    pub fn canonical(&self) -> KnowledgeGraph {
        let mut out = KnowledgeGraph { relations: self.relations.clone(), ..Default::default() };
        for n in self.sorted_nodes() {
            out.add_node(self.graph[n].clone());
        }
        let mut last: Option<(NodeIndex, NodeIndex, EdgeIndex)> = None;
        for e in self.sorted_edges() {
            let (s, t) = self.graph.edge_endpoints(e).unwrap();
            let (s, t) = (out.index[&self.graph[s].id], out.index[&self.graph[t].id]);
            let w = &self.graph[e];
            if let Some((ls, lt, le)) = last {
                let prev = &out.graph[le];
                if ls == s && lt == t && prev.relation == w.relation && prev.polarity == w.polarity {
                    out.graph[le].evidence.extend(w.evidence.iter().cloned());
                    continue;
                }
            }
            let i = out.graph.add_edge(s, t, w.clone());
            last = Some((s, t, i));
        }
        for e in out.graph.edge_weights_mut() {
            normalize_evidence(&mut e.evidence);
        }
        out
    }
}
