//! Claims into one graph: one node per entity, one edge per (subject,
//! relation, object, polarity) with every claim behind it as evidence.
//!
//! - Symmetric relations (`RelationDef.symmetric`) are stored once, the two
//!   ends in id order (`iran met_with russia` and `russia met_with iran` are
//!   one edge `iran -> russia`).
//! - Evidence is deduplicated on (article, sentence, span, trigger), so the
//!   same claim file merged twice gives the same graph.
//! - Entities and relations the lexicon does not know (claim files made
//!   elsewhere) are kept: the node's label is its id, its kind `unknown`, its
//!   parent the next id of the claim's chain; the relation's family is
//!   `unknown`.
//! - With `part_of`, every node's ancestors are nodes too, linked child to
//!   parent by `part_of` edges (family `structure`, no evidence).
//! - Output is sorted: the same claims, in any order, give the same graph.

use super::{clean_text, normalize_evidence, Edge, Evidence, KnowledgeGraph, Node, RelationInfo, PART_OF, UNKNOWN};
use crate::extract::{Claim, Polarity};
use crate::lexicon::Lexicon;
use indexmap::IndexMap;
use std::collections::HashMap;

/// How claims are merged.
#[derive(Debug, Clone)]
pub struct MergeOptions {
    /// Add the ancestors of every entity and the `part_of` edges to them.
    pub part_of: bool,
}

impl Default for MergeOptions {
    fn default() -> Self {
        MergeOptions { part_of: true }
    }
}

/// Merge claims into a graph in one call.
pub fn merge(lex: &Lexicon, claims: impl IntoIterator<Item = Claim>, opts: &MergeOptions) -> KnowledgeGraph {
    let mut m = Merger::new(lex, opts.clone());
    for c in claims {
        m.add(c);
    }
    m.finish()
}

type EdgeSlot = (u32, u32, u32, Polarity);

/// Merges claims one at a time (a claim stream of any length keeps only the
/// graph in memory).
pub struct Merger<'l> {
    lex: &'l Lexicon,
    opts: MergeOptions,
    nodes: IndexMap<String, Node>,
    relations: IndexMap<String, RelationInfo>,
    edges: HashMap<EdgeSlot, Vec<Evidence>>,
    claims: usize,
    rejected: usize,
}

impl<'l> Merger<'l> {
    pub fn new(lex: &'l Lexicon, opts: MergeOptions) -> Merger<'l> {
        Merger { lex, opts, nodes: IndexMap::new(), relations: IndexMap::new(), edges: HashMap::new(), claims: 0, rejected: 0 }
    }

    /// Claims merged so far (duplicates included).
    pub fn claims(&self) -> usize {
        self.claims
    }

    /// Claims refused: an empty subject, object or relation.
    pub fn rejected(&self) -> usize {
        self.rejected
    }

    /// Add one claim. Returns false (and counts it as rejected) when its
    /// subject, object or relation is empty.
    pub fn add(&mut self, c: Claim) -> bool {
        if c.subject.trim().is_empty() || c.object.trim().is_empty() || c.relation.trim().is_empty() {
            self.rejected += 1;
            return false;
        }
        self.claims += 1;
        let s = self.intern_node(&c.subject, &c.subject_chain);
        let o = self.intern_node(&c.object, &c.object_chain);
        let r = self.intern_relation(&c.relation);
        let symmetric = self.relations[r as usize].symmetric;
        let swap = symmetric && self.nodes.get_index(o as usize).unwrap().0 < self.nodes.get_index(s as usize).unwrap().0;
        let (s, o) = if swap { (o, s) } else { (s, o) };
        // the antecedents follow their entity when the ends are swapped
        let (subject_via, object_via) = if swap { (c.object_via, c.subject_via) } else { (c.subject_via, c.object_via) };
        let clean_via = |v: Option<crate::extract::coref::Via>| v.map(|v| crate::extract::coref::Via { text: clean_text(&v.text).into_owned(), ..v });
        let ev = Evidence {
            article: clean_text(&c.article).into_owned(),
            date: c.date.map(|d| clean_text(&d).into_owned()),
            sentence: c.sentence,
            span: c.span,
            trigger: clean_text(&c.trigger).into_owned(),
            text: match clean_text(&c.evidence) {
                std::borrow::Cow::Borrowed(_) => c.evidence,
                std::borrow::Cow::Owned(t) => t,
            },
            subject_via: clean_via(subject_via),
            object_via: clean_via(object_via),
        };
        self.edges.entry((s, o, r, c.polarity)).or_default().push(ev);
        true
    }

    fn lex_node(&self, e: usize) -> Node {
        let ent = &self.lex.entities[e];
        Node {
            id: ent.id.clone(),
            label: ent.en.clone(),
            label_ar: ent.ar.clone(),
            kind: ent.kind.as_str().to_string(),
            parent: ent.parent.map(|p| self.lex.entities[p].id.clone()),
        }
    }

    fn intern_node(&mut self, id: &str, chain: &[String]) -> u32 {
        if let Some(i) = self.nodes.get_index_of(id) {
            return i as u32;
        }
        match self.lex.entity(id) {
            Some(e) => {
                let node = self.lex_node(e);
                let i = self.nodes.insert_full(node.id.clone(), node).0;
                if self.opts.part_of {
                    for a in self.lex.chain(e).into_iter().skip(1) {
                        let aid = &self.lex.entities[a].id;
                        if self.nodes.contains_key(aid) {
                            break;
                        }
                        let n = self.lex_node(a);
                        self.nodes.insert(n.id.clone(), n);
                    }
                }
                i as u32
            }
            None => {
                let id = clean_text(id).into_owned();
                let pos = chain.iter().position(|c| *c == id);
                let parent = pos.and_then(|p| chain.get(p + 1)).filter(|p| !p.trim().is_empty() && **p != id).cloned();
                let node = Node { id: id.clone(), label: id.clone(), label_ar: String::new(), kind: UNKNOWN.into(), parent: parent.clone() };
                let i = self.nodes.insert_full(id, node).0;
                if self.opts.part_of {
                    if let (Some(p), Some(pos)) = (parent, pos) {
                        self.intern_node(&p, &chain[pos + 1..]);
                    }
                }
                i as u32
            }
        }
    }

    fn intern_relation(&mut self, id: &str) -> u32 {
        if let Some(i) = self.relations.get_index_of(id) {
            return i as u32;
        }
        let info = match self.lex.relation(id) {
            Some(r) => {
                let r = &self.lex.relations[r];
                RelationInfo { en: r.en.clone(), ar: r.ar.clone(), family: r.family.as_str().to_string(), symmetric: r.symmetric }
            }
            None => RelationInfo::unknown(&clean_text(id)),
        };
        self.relations.insert_full(clean_text(id).into_owned(), info).0 as u32
    }

    /// The graph, sorted.
    pub fn finish(self) -> KnowledgeGraph {
        let Merger { opts, nodes, relations, edges, .. } = self;
        let mut g = KnowledgeGraph::default();
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        order.sort_by(|a, b| nodes.get_index(*a).unwrap().0.cmp(nodes.get_index(*b).unwrap().0));
        for &i in &order {
            g.add_node(nodes[i].clone());
        }
        let mut all: Vec<(u32, u32, Edge)> = edges
            .into_iter()
            .map(|((s, o, r, p), mut evidence)| {
                normalize_evidence(&mut evidence);
                let (rid, info) = relations.get_index(r as usize).unwrap();
                (s, o, Edge { relation: rid.clone(), polarity: p, family: info.family.clone(), symmetric: info.symmetric, evidence })
            })
            .collect();
        if opts.part_of {
            for (i, (_, n)) in nodes.iter().enumerate() {
                if let Some(p) = n.parent.as_ref().and_then(|p| nodes.get_index_of(p)) {
                    if p != i {
                        all.push((i as u32, p as u32, Edge::part_of()));
                    }
                }
            }
        }
        let id = |i: u32| nodes.get_index(i as usize).unwrap().0.as_str();
        all.sort_by(|a, b| (id(a.0), id(a.1), a.2.relation.as_str(), a.2.polarity).cmp(&(id(b.0), id(b.1), b.2.relation.as_str(), b.2.polarity)));
        let mut used: Vec<&str> = Vec::new();
        for (s, o, e) in all {
            used.push(relations.get_key_value(&e.relation).map(|(k, _)| k.as_str()).unwrap_or(PART_OF));
            let (s, o) = (g.index[id(s)], g.index[id(o)]);
            g.graph.add_edge(s, o, e);
        }
        for (rid, info) in &relations {
            if used.contains(&rid.as_str()) {
                g.relations.insert(rid.clone(), info.clone());
            }
        }
        if opts.part_of && g.graph.edge_weights().any(|e| e.is_structure()) {
            g.relations.insert(PART_OF.into(), RelationInfo::part_of());
        }
        g
    }
}
