//! From what an analyst types ("hezbollah", "Quds Force", "حزب الله",
//! "قسد", "الإيرانيين") to a node of the graph.
//!
//! Everything is compared folded (`crate::text::normalize_str`: hamza,
//! taa marbuta, diacritics, tatweel, case), in tiers, and the first tier
//! that matches wins:
//!
//! 1. a node id (spaces and hyphens read as `_`);
//! 2. a node's English or Arabic label;
//! 3. any surface form of a lexicon entity (alias, Arabic name, nisba
//!    inflection, English name), with or without the article ال. A lexicon
//!    entity that is not in the graph (a roll-up view, or no claims) goes to
//!    its nearest ancestor that is.
//!
//! Unknown names get the closest known entities as suggestions.

use crate::graph::KnowledgeGraph;
use crate::lexicon::{strip_article, Lexicon, Target};
use crate::text::normalize_str;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, BTreeSet};

/// A node found for a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub node: NodeIndex,
    /// Set when the name is a lexicon entity that the graph holds only
    /// through an ancestor (`quds_force` at `--level state` is `iran`).
    pub rolled_up_from: Option<String>,
}

/// A known entity, for suggestions and ambiguity reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub id: String,
    pub label: String,
    pub label_ar: String,
    /// A node of the graph (else a lexicon entity without claims in it).
    pub in_graph: bool,
}

impl std::fmt::Display for Known {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.id)?;
        match (self.label.is_empty(), self.label_ar.is_empty()) {
            (false, false) => write!(f, " ({}, {})", self.label, self.label_ar),
            (false, true) => write!(f, " ({})", self.label),
            (true, false) => write!(f, " ({})", self.label_ar),
            (true, true) => Ok(()),
        }?;
        if !self.in_graph {
            write!(f, " [in the lexicon, no claims in this graph]")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// No entity of that name; the closest names known.
    Unknown { name: String, suggestions: Vec<Known> },
    /// A lexicon entity with no node (nor ancestor node) in the graph.
    NotInGraph { name: String, id: String, suggestions: Vec<Known> },
    /// Several entities answer to that name.
    Ambiguous { name: String, candidates: Vec<Known> },
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |v: &[Known]| v.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(", ");
        match self {
            ResolveError::Unknown { name, suggestions } if suggestions.is_empty() => write!(f, "unknown entity {name:?}"),
            ResolveError::Unknown { name, suggestions } => write!(f, "unknown entity {name:?}; did you mean {}?", list(suggestions)),
            ResolveError::NotInGraph { name, id, suggestions } => {
                write!(f, "{name:?} is the lexicon entity {id}, but the graph has no claim about it")?;
                if !suggestions.is_empty() {
                    write!(f, "; entities in the graph with close names: {}", list(suggestions))?;
                }
                Ok(())
            }
            ResolveError::Ambiguous { name, candidates } => write!(f, "{name:?} names several entities: {}; use an id", list(candidates)),
        }
    }
}

impl std::error::Error for ResolveError {}

/// Folded key of a name for comparison.
pub fn fold(s: &str) -> String {
    normalize_str(s.trim()).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name as an id: folded, spaces and hyphens as `_`.
pub fn id_form(s: &str) -> String {
    fold(s).replace([' ', '-'], "_")
}

/// How close a typed name is to a known one, 0..1.
fn sim(q: &str, key: &str) -> f64 {
    let mut s = strsim::normalized_levenshtein(q, key).max(strsim::jaro_winkler(q, key) - 0.1);
    // a typed part of a long name ("quds" for "quds force")
    if q.chars().count() >= 3 && key.contains(q) {
        s = s.max(0.8);
    }
    s
}

/// Names of the graph and the lexicon, folded, ready for lookups.
pub struct Resolver<'a> {
    kg: &'a KnowledgeGraph,
    /// tier -> folded key -> nodes
    keys: [BTreeMap<String, BTreeSet<usize>>; 3],
    /// lexicon entity ids that have no node and no ancestor node
    orphans: BTreeMap<String, String>,
    /// those entities, for suggestions
    orphan_known: BTreeMap<String, Known>,
    /// nodes reached through an ancestor: node -> entity id asked
    via: BTreeMap<(String, usize), String>,
}

impl<'a> Resolver<'a> {
    pub fn new(kg: &'a KnowledgeGraph, lex: Option<&Lexicon>) -> Resolver<'a> {
        let mut keys: [BTreeMap<String, BTreeSet<usize>>; 3] = Default::default();
        for (i, n) in kg.graph.node_indices().map(|i| (i.index(), &kg.graph[i])) {
            keys[0].entry(id_form(&n.id)).or_default().insert(i);
            for l in [&n.label, &n.label_ar] {
                let k = fold(l);
                if !k.is_empty() {
                    keys[1].entry(k.clone()).or_default().insert(i);
                    let (bare, art) = strip_article(&k);
                    if art {
                        keys[2].entry(bare).or_default().insert(i);
                    }
                }
            }
        }
        let mut orphans = BTreeMap::new();
        let mut orphan_known = BTreeMap::new();
        let mut via = BTreeMap::new();
        if let Some(lex) = lex {
            // each lexicon entity -> its node or nearest ancestor's
            let target: Vec<Option<usize>> = (0..lex.entities.len())
                .map(|e| lex.chain(e).into_iter().find_map(|a| kg.node(&lex.entities[a].id)).map(|n| n.index()))
                .collect();
            let mut add = |key: String, e: usize, keys: &mut [BTreeMap<String, BTreeSet<usize>>; 3]| {
                if key.is_empty() {
                    return;
                }
                match target[e] {
                    Some(n) => {
                        keys[2].entry(key.clone()).or_default().insert(n);
                        if kg.node(&lex.entities[e].id).is_none() {
                            via.insert((key, n), lex.entities[e].id.clone());
                        }
                    }
                    None => {
                        let ent = &lex.entities[e];
                        orphans.insert(key, ent.id.clone());
                        orphan_known.entry(ent.id.clone()).or_insert_with(|| Known { id: ent.id.clone(), label: ent.en.clone(), label_ar: ent.ar.clone(), in_graph: false });
                    }
                }
            };
            for (e, ent) in lex.entities.iter().enumerate() {
                add(id_form(&ent.id), e, &mut keys);
                add(fold(&ent.en), e, &mut keys);
                let ar = fold(&ent.ar);
                add(strip_article(&ar).0, e, &mut keys);
                for a in &ent.aliases {
                    add(strip_article(&fold(a)).0, e, &mut keys);
                }
            }
            for s in &lex.surfaces {
                if let Target::Entity(e) = s.target {
                    add(s.form.clone(), e, &mut keys);
                }
            }
        }
        Resolver { kg, keys, orphans, orphan_known, via }
    }

    /// Names of the graph before a roll-up: each node that the roll-up
    /// folded away answers for its nearest ancestor (by the nodes' `parent`)
    /// that is a node now. Lets `--level state` find "Quds Force" without a
    /// lexicon.
    pub fn add_rolled_up(&mut self, original: &KnowledgeGraph) {
        let parent = |id: &str| original.node(id).and_then(|i| original.graph[i].parent.clone());
        for n in original.graph.node_weights() {
            if self.kg.node(&n.id).is_some() {
                continue;
            }
            let mut seen = vec![n.id.clone()];
            let mut cur = parent(&n.id);
            let target = loop {
                match cur {
                    None => break None,
                    Some(p) if seen.contains(&p) => break None,
                    Some(p) => {
                        if let Some(i) = self.kg.node(&p) {
                            break Some(i.index());
                        }
                        cur = parent(&p);
                        seen.push(p);
                    }
                }
            };
            let Some(t) = target else { continue };
            let mut keys = vec![id_form(&n.id)];
            for l in [&n.label, &n.label_ar] {
                let k = fold(l);
                if !k.is_empty() {
                    keys.push(strip_article(&k).0);
                    keys.push(k);
                }
            }
            for k in keys {
                self.keys[2].entry(k.clone()).or_default().insert(t);
                self.via.insert((k, t), n.id.clone());
            }
        }
    }

    /// Every folded name that resolves to each node (indexed by node
    /// index), sorted: its id form, labels, and the lexicon's surface forms
    /// (those of entities rolled up into it too), with and without the
    /// article. The evidence browser embeds them, so its search needs to
    /// fold only what the user types.
    pub fn names_by_node(&self) -> Vec<Vec<String>> {
        let mut out: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); self.kg.node_count()];
        for tier in &self.keys {
            for (k, nodes) in tier {
                for &n in nodes {
                    out[n].insert(k);
                }
            }
        }
        out.into_iter().map(|s| s.into_iter().map(String::from).collect()).collect()
    }

    /// The id of a node.
    pub fn id(&self, n: NodeIndex) -> &str {
        &self.kg.graph[n].id
    }

    fn known(&self, i: usize) -> Known {
        let n = &self.kg.graph[NodeIndex::new(i)];
        Known { id: n.id.clone(), label: n.label.clone(), label_ar: n.label_ar.clone(), in_graph: true }
    }

    /// The node a name stands for.
    pub fn resolve(&self, name: &str) -> Result<Resolution, ResolveError> {
        let f = fold(name);
        let (bare, _) = strip_article(&f);
        let (idf, both) = (id_form(name), [f.clone(), bare.clone()]);
        let lookups: [&[String]; 3] = [std::slice::from_ref(&idf), std::slice::from_ref(&f), &both];
        for (tier, ks) in lookups.iter().enumerate() {
            let mut hits: BTreeSet<usize> = BTreeSet::new();
            let mut hit_key = None;
            for k in ks.iter() {
                if let Some(s) = self.keys[tier].get(k) {
                    hits.extend(s);
                    hit_key.get_or_insert(k.clone());
                }
                if !hits.is_empty() {
                    break; // the form as written wins over the bare one
                }
            }
            match hits.len() {
                0 => continue,
                1 => {
                    let n = *hits.iter().next().unwrap();
                    let rolled_up_from = hit_key.and_then(|k| self.via.get(&(k, n)).cloned());
                    return Ok(Resolution { node: NodeIndex::new(n), rolled_up_from });
                }
                _ => {
                    let mut candidates: Vec<Known> = hits.into_iter().map(|i| self.known(i)).collect();
                    candidates.sort_by(|a, b| a.id.cmp(&b.id));
                    return Err(ResolveError::Ambiguous { name: name.to_string(), candidates });
                }
            }
        }
        let suggestions = self.suggest(name, 3);
        for k in [&f, &bare, &id_form(name)] {
            if let Some(id) = self.orphans.get(k) {
                // the name is known: only really close names are worth a mention
                let f2 = fold(name);
                let suggestions = suggestions.into_iter().filter(|s| s.in_graph && self.score(&f2, &s.id, &fold(&s.label), &fold(&s.label_ar)) >= 0.75).collect();
                return Err(ResolveError::NotInGraph { name: name.to_string(), id: id.clone(), suggestions });
            }
        }
        Err(ResolveError::Unknown { name: name.to_string(), suggestions })
    }

    fn score(&self, q: &str, id: &str, label: &str, label_ar: &str) -> f64 {
        [id_form(id), label.to_string(), label_ar.to_string()].iter().map(|k| sim(q, k)).fold(0.0, f64::max)
    }

    /// The `k` nodes whose names are closest to `name`.
    pub fn suggest(&self, name: &str, k: usize) -> Vec<Known> {
        let f = fold(name);
        let idf = id_form(name);
        let mut best: BTreeMap<usize, f64> = BTreeMap::new();
        for (tier, m) in self.keys.iter().enumerate() {
            let q = if tier == 0 { &idf } else { &f };
            for (key, nodes) in m {
                let s0 = sim(q, key);
                for &n in nodes {
                    // a name of a descendant folded into this node counts less
                    // than the node's own names
                    let s = if tier == 2 && self.via.contains_key(&(key.clone(), n)) { s0 * 0.9 } else { s0 };
                    let e = best.entry(n).or_insert(0.0);
                    if s > *e {
                        *e = s;
                    }
                }
            }
        }
        let mut v: Vec<(f64, Known)> = best.into_iter().filter(|&(_, s)| s >= 0.4).map(|(n, s)| (s, self.known(n))).collect();
        // lexicon entities the graph does not hold: worth naming when closest
        let mut orphan_best: BTreeMap<&str, f64> = BTreeMap::new();
        for (key, id) in &self.orphans {
            let s = sim(&f, key).max(sim(&idf, key));
            let e = orphan_best.entry(id.as_str()).or_insert(0.0);
            if s > *e {
                *e = s;
            }
        }
        v.extend(orphan_best.into_iter().filter(|&(_, s)| s >= 0.75).map(|(id, s)| (s, self.orphan_known[id].clone())));
        v.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap().then(b.1.in_graph.cmp(&a.1.in_graph)).then_with(|| a.1.id.cmp(&b.1.id)));
        v.into_iter().take(k).map(|(_, n)| n).collect()
    }
}
