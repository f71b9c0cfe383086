//! Views of the graph: roll-up to organisations or states, and filters.
//!
//! Roll-up follows the parent chains of the lexicon (and, for entities the
//! lexicon does not know, the `parent` of the graph's nodes):
//!
//! - `entity`: nothing is collapsed.
//! - `organization`: a person becomes its nearest ancestor that is not a
//!   person (Soleimani -> Quds Force); a person without one stays. Every
//!   other kind stays, places included.
//! - `state`: everything with a state among its ancestors becomes its
//!   topmost state (Quds Force -> Iran, Al-Bukamal -> Syria: a state is also
//!   the place it names, so "deployed to Al-Bukamal" reads "deployed to
//!   Syria"); the rest is rolled up as at `organization` level (a person of
//!   a group without a state becomes the group).
//!
//! Rolled-up edges with the same (subject, relation, object, polarity) are
//! one edge whose evidence is the union of theirs (deduplicated); symmetric
//! edges are re-ordered by id; self-loops made by the roll-up (the IRGC
//! cooperating with the Quds Force is Iran with Iran) are dropped.
//!
//! Filters, in this order:
//!
//! 1. `since`/`until` (inclusive, `YYYY-MM-DD`) keep the evidence dated
//!    within the bounds. Undated evidence is kept when no bound is given and
//!    dropped when one is (it cannot be shown to fall within). An edge left
//!    without evidence is dropped.
//! 2. Negated edges are dropped unless `include_negated`.
//! 3. `relations` keeps the listed relations (`part_of` is governed by
//!    `part_of` alone).
//! 4. Roll-up to `level`.
//! 5. `min_articles` drops edges with fewer articles (counted after the
//!    roll-up, so an organisation's edges add up its members').
//! 6. Nodes: the ends of the remaining edges; with `part_of`, their
//!    ancestors (rolled up to the level) and the `part_of` edges to them.

use super::{normalize_evidence, Edge, KnowledgeGraph, Node, PART_OF, UNKNOWN};
use crate::extract::Polarity;
use crate::lexicon::Lexicon;
use std::collections::{BTreeMap, HashMap};

/// How far up the parent chains to collapse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Level {
    #[default]
    Entity,
    Organization,
    State,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Entity => "entity",
            Level::Organization => "organization",
            Level::State => "state",
        }
    }
}

/// What a view keeps and how far it rolls up.
#[derive(Debug, Clone)]
pub struct ViewOptions {
    pub level: Level,
    /// Keep only these relations (None: all).
    pub relations: Option<Vec<String>>,
    pub min_articles: usize,
    /// Inclusive bounds on evidence dates, `YYYY-MM-DD`.
    pub since: Option<String>,
    pub until: Option<String>,
    pub include_negated: bool,
    /// Show parent links as `part_of` edges.
    pub part_of: bool,
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions { level: Level::Entity, relations: None, min_articles: 0, since: None, until: None, include_negated: false, part_of: true }
    }
}

/// Is `d` a date `YYYY-MM-DD` (digits and dashes in place; month 01-12,
/// day 01-31)?
pub fn is_date(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    if !b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()) {
        return false;
    }
    let m: u32 = d[5..7].parse().unwrap_or(0);
    let day: u32 = d[8..10].parse().unwrap_or(0);
    (1..=12).contains(&m) && (1..=31).contains(&day)
}

/// What each entity of a lexicon becomes at a level: the roll-up of
/// [`view`], for one id at a time.
pub struct RollUp {
    table: Table,
    level: Level,
}

impl RollUp {
    pub fn new(lex: &Lexicon, level: Level) -> RollUp {
        RollUp { table: Table::new(&KnowledgeGraph::default(), Some(lex)), level }
    }

    /// The id `id` is shown as at this level.
    pub fn of(&self, id: &str) -> String {
        self.table.roll_up(id, self.level)
    }
}

/// Everything known about entities: the lexicon's, then the graph's own
/// nodes for ids the lexicon does not know.
struct Table {
    nodes: HashMap<String, Node>,
}

impl Table {
    fn new(g: &KnowledgeGraph, lex: Option<&Lexicon>) -> Table {
        let mut nodes = HashMap::new();
        if let Some(lex) = lex {
            for e in &lex.entities {
                nodes.insert(
                    e.id.clone(),
                    Node { id: e.id.clone(), label: e.en.clone(), label_ar: e.ar.clone(), kind: e.kind.as_str().into(), parent: e.parent.map(|p| lex.entities[p].id.clone()) },
                );
            }
        }
        for n in g.graph.node_weights() {
            nodes.entry(n.id.clone()).or_insert_with(|| n.clone());
        }
        Table { nodes }
    }

    fn node(&self, id: &str) -> Node {
        self.nodes.get(id).cloned().unwrap_or_else(|| Node { id: id.into(), label: id.into(), label_ar: String::new(), kind: UNKNOWN.into(), parent: None })
    }

    /// The id and its ancestors, nearest first (cycles cut).
    fn chain(&self, id: &str) -> Vec<String> {
        let mut out = vec![id.to_string()];
        let mut cur = self.nodes.get(id).and_then(|n| n.parent.clone());
        while let Some(p) = cur {
            if out.contains(&p) {
                break;
            }
            cur = self.nodes.get(&p).and_then(|n| n.parent.clone());
            out.push(p);
        }
        out
    }

    fn kind(&self, id: &str) -> &str {
        self.nodes.get(id).map(|n| n.kind.as_str()).unwrap_or(UNKNOWN)
    }

    /// What `id` becomes at `level`.
    fn roll_up(&self, id: &str, level: Level) -> String {
        match level {
            Level::Entity => id.to_string(),
            Level::Organization => self.organization(id),
            Level::State => {
                let chain = self.chain(id);
                match chain.iter().rev().find(|a| self.kind(a) == "state") {
                    Some(s) => s.clone(),
                    None => self.organization(id),
                }
            }
        }
    }

    fn organization(&self, id: &str) -> String {
        if self.kind(id) != "person" {
            return id.to_string();
        }
        self.chain(id).into_iter().skip(1).find(|a| self.kind(a) != "person").unwrap_or_else(|| id.to_string())
    }
}

/// A view of `g`: filtered, rolled up, sorted. `lex` supplies the parent
/// chains and labels of ancestors that are not nodes of `g`; without it the
/// graph's own nodes are used.
pub fn view(g: &KnowledgeGraph, lex: Option<&Lexicon>, opts: &ViewOptions) -> KnowledgeGraph {
    let table = Table::new(g, lex);
    let mut rolled: HashMap<String, String> = HashMap::new();
    let mut up = |id: &str| -> String { rolled.entry(id.to_string()).or_insert_with(|| table.roll_up(id, opts.level)).clone() };
    let mut edges: BTreeMap<(String, String, String, Polarity), Edge> = BTreeMap::new();
    let bounded = opts.since.is_some() || opts.until.is_some();
    for e in g.graph.edge_indices() {
        let w = &g.graph[e];
        if w.is_structure() {
            continue;
        }
        if w.polarity == Polarity::Negated && !opts.include_negated {
            continue;
        }
        if let Some(rs) = &opts.relations {
            if !rs.contains(&w.relation) {
                continue;
            }
        }
        let mut evidence = w.evidence.clone();
        if bounded {
            evidence.retain(|ev| match ev.date.as_deref() {
                None => false,
                Some(d) => opts.since.as_deref().is_none_or(|s| d >= s) && opts.until.as_deref().is_none_or(|u| d <= u),
            });
            if evidence.is_empty() {
                continue;
            }
        }
        let (s, t) = g.graph.edge_endpoints(e).unwrap();
        let (mut s, mut t) = (up(&g.graph[s].id), up(&g.graph[t].id));
        if s == t && opts.level != Level::Entity {
            continue;
        }
        if w.symmetric && t < s {
            std::mem::swap(&mut s, &mut t);
            for ev in &mut evidence {
                std::mem::swap(&mut ev.subject_via, &mut ev.object_via);
            }
        }
        let slot = edges.entry((s, t, w.relation.clone(), w.polarity)).or_insert_with(|| Edge { evidence: Vec::new(), ..w.clone() });
        slot.evidence.extend(evidence);
    }
    let mut out = KnowledgeGraph::default();
    let mut kept: Vec<((String, String, String, Polarity), Edge)> = Vec::new();
    for (k, mut e) in edges {
        normalize_evidence(&mut e.evidence);
        if e.articles() < opts.min_articles {
            continue;
        }
        kept.push((k, e));
    }
    let mut ids: std::collections::BTreeSet<String> = kept.iter().flat_map(|((s, t, _, _), _)| [s.clone(), t.clone()]).collect();
    if opts.part_of {
        let mut todo: Vec<String> = ids.iter().cloned().collect();
        while let Some(id) = todo.pop() {
            let Some(p) = table.node(&id).parent else { continue };
            // the parent as it is at this level; a parent that rolls up
            // into the node itself makes no edge
            let q = up(&p);
            if q == id {
                continue;
            }
            kept.push(((id.clone(), q.clone(), PART_OF.into(), Polarity::Affirmed), Edge::part_of()));
            if ids.insert(q.clone()) {
                todo.push(q);
            }
        }
    }
    for id in &ids {
        let mut n = table.node(id);
        n.id = id.clone();
        out.add_node(n);
    }
    kept.sort_by(|a, b| a.0.cmp(&b.0));
    kept.dedup_by(|a, b| a.0 == b.0);
    for ((s, t, r, _), e) in kept {
        if !out.relations.contains_key(&r) {
            out.relations.insert(r.clone(), g.relation_info(&r));
        }
        let (s, t) = (out.index[&s], out.index[&t]);
        out.graph.add_edge(s, t, e);
    }
    out
}
