//! Answers as data (serialised for `--format json`) and as text for people.
//!
//! A hop reads in path order with its direction: `Iran —supported→ Syria`
//! (Iran supported Syria), `ISIS ←attacked— SDF` (the SDF attacked ISIS),
//! `Iran —met_with— Russia` (symmetric). A negated claim reads
//! `Iran —withdrew_from (negated)→ Damascus`.

use super::adjacency::{Adjacency, Dir};
use super::rank::{strongest_evidence, Hop, RankedPath};
use crate::extract::Polarity;
use crate::graph::{KnowledgeGraph, Node};
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NodeRef {
    pub id: String,
    pub label: String,
    pub label_ar: String,
    pub kind: String,
}

impl NodeRef {
    pub fn of(n: &Node) -> NodeRef {
        NodeRef { id: n.id.clone(), label: n.label.clone(), label_ar: n.label_ar.clone(), kind: n.kind.clone() }
    }

    /// The English label, else the id.
    pub fn name(&self) -> &str {
        if self.label.is_empty() {
            &self.id
        } else {
            &self.label
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EvidenceOut {
    pub article: String,
    pub date: Option<String>,
    pub sentence: usize,
    pub trigger: String,
    pub text: String,
}

/// One relation of a hop.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RelationOut {
    pub relation: String,
    /// forward (from → to), backward (to → from), symmetric
    pub direction: &'static str,
    pub polarity: &'static str,
    pub articles: usize,
    pub claims: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StepOut {
    pub from: String,
    pub to: String,
    /// The strongest relation of the hop.
    #[serde(flatten)]
    pub main: RelationOut,
    /// Its strongest claim.
    pub evidence: Option<EvidenceOut>,
    /// Other relations between the same two entities, strongest first.
    pub also: Vec<RelationOut>,
    /// Distinct articles over all relations of the hop.
    pub hop_articles: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PathOut {
    pub rank: usize,
    pub hops: usize,
    /// Articles behind the weakest hop.
    pub support: usize,
    /// Distinct articles along the path.
    pub articles: usize,
    pub claims: usize,
    pub nodes: Vec<String>,
    pub steps: Vec<StepOut>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PathsReport {
    pub from: NodeRef,
    pub to: NodeRef,
    /// "shortest" or "all"
    pub mode: &'static str,
    pub max_hops: usize,
    pub filter: String,
    /// Paths found (for `shortest`, the exact number of shortest paths,
    /// saturating; for `all`, the number enumerated).
    pub total: u64,
    /// More paths exist than were enumerated: the ranking covers those
    /// enumerated, strongest hops first.
    pub truncated: bool,
    /// Hops of the shortest path within the bound.
    pub shortest: Option<usize>,
    /// Hops of the shortest path beyond the bound, when there is no path
    /// within it.
    pub shortest_beyond_bound: Option<usize>,
    pub paths: Vec<PathOut>,
    /// Names resolved through an ancestor: (asked, node id).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

fn node(kg: &KnowledgeGraph, v: u32) -> &Node {
    &kg.graph[Adjacency::node(v)]
}

fn relation_out(kg: &KnowledgeGraph, r: &super::rank::HopRelation) -> RelationOut {
    let e = &kg.graph[r.edge];
    RelationOut { relation: e.relation.clone(), direction: r.dir.as_str(), polarity: e.polarity.as_str(), articles: r.articles, claims: r.claims }
}

pub fn step_out(kg: &KnowledgeGraph, h: &Hop) -> StepOut {
    let main = &h.relations[0];
    let e = &kg.graph[main.edge];
    let evidence = strongest_evidence(&e.evidence).map(|ev| EvidenceOut {
        article: ev.article.clone(),
        date: ev.date.clone(),
        sentence: ev.sentence,
        trigger: ev.trigger.clone(),
        text: ev.text.clone(),
    });
    StepOut {
        from: node(kg, h.from).id.clone(),
        to: node(kg, h.to).id.clone(),
        main: relation_out(kg, main),
        evidence,
        also: h.relations[1..].iter().map(|r| relation_out(kg, r)).collect(),
        hop_articles: h.articles(),
    }
}

pub fn path_out(kg: &KnowledgeGraph, rank: usize, p: &RankedPath) -> PathOut {
    PathOut {
        rank,
        hops: p.hops.len(),
        support: p.support,
        articles: p.articles,
        claims: p.claims,
        nodes: p.nodes.iter().map(|&v| node(kg, v).id.clone()).collect(),
        steps: p.hops.iter().map(|h| step_out(kg, h)).collect(),
    }
}

/// "—supported→", "←attacked—", "—met_with—", with "(negated)".
pub fn arrow(relation: &str, direction: &str, polarity: &str) -> String {
    let rel = if polarity == Polarity::Negated.as_str() { format!("{relation} (negated)") } else { relation.to_string() };
    match direction {
        "forward" => format!("—{rel}→"),
        "backward" => format!("←{rel}—"),
        _ => format!("—{rel}—"),
    }
}

pub fn dir_str(d: Dir) -> &'static str {
    d.as_str()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn counts(articles: usize, claims: usize) -> String {
    format!("{}, {}", plural(articles, "article", "articles"), plural(claims, "claim", "claims"))
}

/// A hop's line, without indentation: `Iran —supported→ Syria  (2 articles, 3 claims; also met_with)`.
pub fn step_line(name: &dyn Fn(&str) -> String, s: &StepOut) -> String {
    let mut line = format!("{} {} {}   ({}", name(&s.from), arrow(&s.main.relation, s.main.direction, s.main.polarity), name(&s.to), relation_counts(&s.main));
    if !s.also.is_empty() {
        let also: Vec<String> = s.also.iter().map(|r| arrow(&r.relation, r.direction, r.polarity)).collect();
        let _ = write!(line, "; also {}", also.join(", "));
    }
    line.push(')');
    line
}

/// "2 articles, 3 claims", or "lexicon" for the part_of links, which
/// carry none.
fn relation_counts(r: &RelationOut) -> String {
    if r.relation == crate::graph::PART_OF && r.claims == 0 {
        "lexicon".to_string()
    } else {
        counts(r.articles, r.claims)
    }
}

pub fn evidence_line(ev: &EvidenceOut) -> String {
    let date = ev.date.as_deref().unwrap_or("undated");
    format!("{} ({date}), sentence {}: «{}»", ev.article, ev.sentence, ev.text.trim())
}

impl PathsReport {
    pub fn to_text(&self, kg: &KnowledgeGraph) -> String {
        let name = |id: &str| -> String { kg.node(id).map(|i| kg.graph[i].label.clone()).filter(|l| !l.is_empty()).unwrap_or_else(|| id.to_string()) };
        let mut s = String::new();
        for n in &self.notes {
            let _ = writeln!(s, "note: {n}");
        }
        let head = format!("{} ({}) → {} ({})", self.from.name(), self.from.id, self.to.name(), self.to.id);
        if self.paths.is_empty() {
            let _ = write!(s, "{head}: no path within {} ({})", plural(self.max_hops, "hop", "hops"), self.filter);
            match self.shortest_beyond_bound {
                Some(d) => {
                    let _ = writeln!(s, "; the shortest path has {d} hops: raise --max-hops");
                }
                None => {
                    let _ = writeln!(s, "; none at any length");
                }
            }
            return s;
        }
        let what = match self.mode {
            "shortest" => format!(
                "{} of {}",
                plural(self.total as usize, "shortest path", "shortest paths"),
                plural(self.shortest.unwrap_or(0), "hop", "hops")
            ),
            _ => format!("{} within {}", plural(self.total as usize, "path", "paths"), plural(self.max_hops, "hop", "hops")),
        };
        let _ = write!(s, "{head}: {what}{} ({})", if self.truncated { " (or more: enumeration capped)" } else { "" }, self.filter);
        if (self.paths.len() as u64) < self.total {
            let _ = write!(s, ", best {} shown", self.paths.len());
        }
        s.push('\n');
        for p in &self.paths {
            let chain: Vec<String> = p.nodes.iter().map(|id| name(id)).collect();
            let _ = writeln!(
                s,
                "\n{}. {}   [{}; weakest hop {}]",
                p.rank,
                chain.join(" · "),
                plural(p.articles, "article", "articles"),
                plural(p.support, "article", "articles")
            );
            for st in &p.steps {
                let _ = writeln!(s, "   {}", step_line(&name, st));
                if let Some(ev) = &st.evidence {
                    let _ = writeln!(s, "      {}", evidence_line(ev));
                }
            }
        }
        s
    }
}

/// A link between ring k-1 and ring k.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LinkOut {
    pub from: String,
    pub to: String,
    pub relations: Vec<RelationOut>,
    pub articles: usize,
    pub claims: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NeighborOut {
    #[serde(flatten)]
    pub node: NodeRef,
    pub articles: usize,
    pub claims: usize,
    pub links: Vec<LinkOut>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RingOut {
    pub distance: usize,
    pub count: usize,
    pub nodes: Vec<NeighborOut>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NeighborsReport {
    pub entity: NodeRef,
    pub hops: usize,
    pub filter: String,
    pub rings: Vec<RingOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

pub fn link_out(kg: &KnowledgeGraph, h: &Hop) -> LinkOut {
    LinkOut {
        from: node(kg, h.from).id.clone(),
        to: node(kg, h.to).id.clone(),
        relations: h.relations.iter().map(|r| relation_out(kg, r)).collect(),
        articles: h.articles(),
        claims: h.claims,
    }
}

impl NeighborsReport {
    pub fn to_text(&self, kg: &KnowledgeGraph) -> String {
        let name = |id: &str| -> String { kg.node(id).map(|i| kg.graph[i].label.clone()).filter(|l| !l.is_empty()).unwrap_or_else(|| id.to_string()) };
        let mut s = String::new();
        for n in &self.notes {
            let _ = writeln!(s, "note: {n}");
        }
        let total: usize = self.rings.iter().map(|r| r.count).sum();
        let _ = writeln!(
            s,
            "{} ({}{}): {} within {} ({})",
            self.entity.name(),
            self.entity.id,
            if self.entity.label_ar.is_empty() { String::new() } else { format!(", {}", self.entity.label_ar) },
            plural(total, "neighbour", "neighbours"),
            plural(self.hops, "hop", "hops"),
            self.filter
        );
        for r in &self.rings {
            let shown = if r.nodes.len() < r.count { format!(", {} shown", r.nodes.len()) } else { String::new() };
            let _ = writeln!(s, "\nring {}: {}{shown}", r.distance, plural(r.count, "entity", "entities"));
            for nb in &r.nodes {
                let _ = writeln!(s, "  {} ({})   {}", nb.node.name(), nb.node.id, counts(nb.articles, nb.claims));
                for l in &nb.links {
                    for rel in &l.relations {
                        let _ = writeln!(s, "      {} {} {}   ({})", name(&l.from), arrow(&rel.relation, rel.direction, rel.polarity), name(&l.to), relation_counts(rel));
                    }
                }
            }
        }
        s
    }
}
