//! GraphML for networkx, igraph, yEd and Cytoscape, written with quick-xml
//! and valid against the GraphML 1.0 XSD; and a reader that restores a
//! [`KnowledgeGraph`] from it (the query commands load `graphs/*.graphml`).
//!
//! Keys are typed (`attr.type` string, int, double, boolean). Node ids are the
//! entity ids ([`super::xml_id`] for ids that are not ASCII NMTOKENs); edge
//! ids are `e0`, `e1`... in sorted edge order; there is one edge per
//! (relation, polarity) between a pair. Node data: `label`, `label_ar`,
//! `kind`, `parent` (absent when none). Edge data: `relation`, `label`,
//! `label_ar`, `family`, `polarity`, `symmetric`, `weight` (double, the
//! number of articles, at least 1), `articles`, `claims`, `first_seen`,
//! `last_seen` (absent when no evidence is dated), `evidence` (one line per
//! claim: `article | date | sentence`) and `evidence_json` (the evidence as a
//! JSON array, which the reader restores exactly).

use super::{ev, from_xml_id, start, xml_id, xml_text, W};
use crate::extract::Polarity;
use crate::graph::{Edge, Evidence, KnowledgeGraph, Node, RelationInfo, UNKNOWN};
use quick_xml::events::{BytesDecl, BytesEnd, BytesText, Event};
use quick_xml::{Reader, Writer};
use std::collections::HashMap;

/// (key id, for, attr.name, attr.type, description)
const KEYS: &[(&str, &str, &str, &str, &str)] = &[
    ("n_label", "node", "label", "string", "English name"),
    ("n_label_ar", "node", "label_ar", "string", "Arabic name"),
    ("n_kind", "node", "kind", "string", "state, armed_group, organization, person, place (unknown: not in the lexicon)"),
    ("n_parent", "node", "parent", "string", "id of the entity this one belongs to"),
    ("e_relation", "edge", "relation", "string", "relation id"),
    ("e_label", "edge", "label", "string", "English label of the relation"),
    ("e_label_ar", "edge", "label_ar", "string", "Arabic label of the relation"),
    ("e_family", "edge", "family", "string", "hostile, cooperative, movement, diplomatic, structure"),
    ("e_polarity", "edge", "polarity", "string", "affirmed or negated"),
    ("e_symmetric", "edge", "symmetric", "boolean", "a symmetric relation, stored once with its ends in id order"),
    ("e_weight", "edge", "weight", "double", "number of articles, at least 1"),
    ("e_articles", "edge", "articles", "int", "number of distinct articles behind the edge"),
    ("e_claims", "edge", "claims", "int", "number of claims behind the edge"),
    ("e_first_seen", "edge", "first_seen", "string", "earliest evidence date, YYYY-MM-DD"),
    ("e_last_seen", "edge", "last_seen", "string", "latest evidence date, YYYY-MM-DD"),
    ("e_evidence", "edge", "evidence", "string", "one line per claim: article | date | sentence"),
    ("e_evidence_json", "edge", "evidence_json", "string", "the claims behind the edge as a JSON array"),
];


fn data(w: &mut W, key: &str, value: &str) {
    ev(w, Event::Start(start("data", &[("key", key)])));
    ev(w, Event::Text(BytesText::from_escaped(xml_text(value))));
    ev(w, Event::End(BytesEnd::new("data")));
}

/// The graph as GraphML.
pub fn to_graphml(g: &KnowledgeGraph) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    ev(&mut w, Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    ev(
        &mut w,
        Event::Start(start(
            "graphml",
            &[
                ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"),
            ],
        )),
    );
    for (id, for_, name, ty, desc) in KEYS {
        ev(&mut w, Event::Start(start("key", &[("id", id), ("for", for_), ("attr.name", name), ("attr.type", ty)])));
        ev(&mut w, Event::Start(start("desc", &[])));
        ev(&mut w, Event::Text(BytesText::from_escaped(xml_text(desc))));
        ev(&mut w, Event::End(BytesEnd::new("desc")));
        ev(&mut w, Event::End(BytesEnd::new("key")));
    }
    ev(&mut w, Event::Start(start("graph", &[("id", "G"), ("edgedefault", "directed")])));
    for n in g.sorted_nodes() {
        let n = &g.graph[n];
        ev(&mut w, Event::Start(start("node", &[("id", &xml_id(&n.id))])));
        data(&mut w, "n_label", &n.label);
        data(&mut w, "n_label_ar", &n.label_ar);
        data(&mut w, "n_kind", &n.kind);
        if let Some(p) = &n.parent {
            data(&mut w, "n_parent", p);
        }
        ev(&mut w, Event::End(BytesEnd::new("node")));
    }
    for (i, e) in g.sorted_edges().into_iter().enumerate() {
        let (s, t) = g.graph.edge_endpoints(e).unwrap();
        let x = &g.graph[e];
        let info = g.relation_info(&x.relation);
        let id = format!("e{i}");
        ev(&mut w, Event::Start(start("edge", &[("id", &id), ("source", &xml_id(&g.graph[s].id)), ("target", &xml_id(&g.graph[t].id))])));
        data(&mut w, "e_relation", &x.relation);
        data(&mut w, "e_label", &info.en);
        data(&mut w, "e_label_ar", &info.ar);
        data(&mut w, "e_family", &x.family);
        data(&mut w, "e_polarity", x.polarity.as_str());
        data(&mut w, "e_symmetric", if x.symmetric { "true" } else { "false" });
        data(&mut w, "e_weight", &format!("{:.1}", x.weight()));
        data(&mut w, "e_articles", &x.articles().to_string());
        data(&mut w, "e_claims", &x.claims().to_string());
        if let Some(d) = x.first_seen() {
            data(&mut w, "e_first_seen", d);
        }
        if let Some(d) = x.last_seen() {
            data(&mut w, "e_last_seen", d);
        }
        let lines: Vec<String> = x.evidence.iter().map(Evidence::line).collect();
        data(&mut w, "e_evidence", &lines.join("\n"));
        data(&mut w, "e_evidence_json", &serde_json::to_string(&x.evidence).expect("evidence serialises"));
        ev(&mut w, Event::End(BytesEnd::new("edge")));
    }
    ev(&mut w, Event::End(BytesEnd::new("graph")));
    ev(&mut w, Event::End(BytesEnd::new("graphml")));
    let mut s = String::from_utf8(w.into_inner()).expect("we wrote UTF-8");
    s.push('\n');
    s
}

/// A GraphML file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("GraphML at byte {position}: {message}")]
pub struct GraphmlError {
    pub position: u64,
    pub message: String,
}

#[derive(Default)]
struct Key {
    for_: String,
    name: String,
    default: Option<String>,
}

enum Item {
    Node { id: String, data: HashMap<String, String> },
    Edge { source: String, target: String, data: HashMap<String, String> },
}

/// Read GraphML written by [`to_graphml`] (or, leniently, by another tool:
/// missing labels default to the id, missing kinds to `unknown`, edges
/// without `evidence_json` have no evidence). Writing what was read gives the
/// same bytes.
pub fn read_graphml(text: &str) -> Result<KnowledgeGraph, GraphmlError> {
    let mut r = Reader::from_str(text);
    let err = |r: &Reader<&[u8]>, m: String| GraphmlError { position: r.buffer_position(), message: m };
    let mut keys: HashMap<String, Key> = HashMap::new();
    let mut items: Vec<Item> = Vec::new();
    // the element being read: key (id), default of a key, data (key id)
    let mut cur_key: Option<String> = None;
    let mut in_default = false;
    let mut cur_data: Option<(String, String)> = None;
    let mut cur_item: Option<Item> = None;
    let mut saw_graphml = false;
    loop {
        let event = r.read_event().map_err(|e| err(&r, e.to_string()))?;
        match event {
            Event::Eof => break,
            Event::Start(ref s) | Event::Empty(ref s) => {
                let empty = matches!(event, Event::Empty(_));
                let mut attrs: HashMap<String, String> = HashMap::new();
                for a in s.attributes() {
                    let a = a.map_err(|e| err(&r, e.to_string()))?;
                    let v = a.unescape_value().map_err(|e| err(&r, e.to_string()))?.into_owned();
                    attrs.insert(String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned(), v);
                }
                let name = s.local_name();
                match name.as_ref() {
                    b"graphml" => saw_graphml = true,
                    b"key" => {
                        let id = attrs.get("id").cloned().ok_or_else(|| err(&r, "a <key> without id".into()))?;
                        let k = Key { for_: attrs.get("for").cloned().unwrap_or_else(|| "all".into()), name: attrs.get("attr.name").cloned().unwrap_or_else(|| id.clone()), default: None };
                        keys.insert(id.clone(), k);
                        if !empty {
                            cur_key = Some(id);
                        }
                    }
                    b"default" if cur_key.is_some() && !empty => in_default = true,
                    b"node" => {
                        let id = attrs.get("id").ok_or_else(|| err(&r, "a <node> without id".into()))?;
                        let item = Item::Node { id: from_xml_id(id).into_owned(), data: HashMap::new() };
                        if empty {
                            items.push(item);
                        } else {
                            cur_item = Some(item);
                        }
                    }
                    b"edge" => {
                        let source = attrs.get("source").ok_or_else(|| err(&r, "an <edge> without source".into()))?;
                        let target = attrs.get("target").ok_or_else(|| err(&r, "an <edge> without target".into()))?;
                        let item = Item::Edge { source: from_xml_id(source).into_owned(), target: from_xml_id(target).into_owned(), data: HashMap::new() };
                        if empty {
                            items.push(item);
                        } else {
                            cur_item = Some(item);
                        }
                    }
                    b"data" if cur_item.is_some() => {
                        let key = attrs.get("key").cloned().ok_or_else(|| err(&r, "a <data> without key".into()))?;
                        if empty {
                            put(&mut cur_item, &keys, key, String::new());
                        } else {
                            cur_data = Some((key, String::new()));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let t = t.unescape().map_err(|e| err(&r, e.to_string()))?;
                if let Some((_, v)) = &mut cur_data {
                    v.push_str(&t);
                } else if in_default {
                    if let Some(k) = cur_key.as_ref().and_then(|k| keys.get_mut(k)) {
                        k.default.get_or_insert_with(String::new).push_str(&t);
                    }
                }
            }
            Event::CData(t) => {
                let t = String::from_utf8_lossy(&t.into_inner()).into_owned();
                if let Some((_, v)) = &mut cur_data {
                    v.push_str(&t);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"data" => {
                    if let Some((k, v)) = cur_data.take() {
                        put(&mut cur_item, &keys, k, v);
                    }
                }
                b"default" => in_default = false,
                b"key" => cur_key = None,
                b"node" | b"edge" => {
                    if let Some(i) = cur_item.take() {
                        items.push(i);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    if !saw_graphml {
        return Err(GraphmlError { position: 0, message: "not a GraphML document (no <graphml> element)".into() });
    }
    let defaults = |for_: &str| -> HashMap<String, String> {
        keys.values().filter(|k| k.for_ == for_ || k.for_ == "all").filter_map(|k| k.default.clone().map(|d| (k.name.clone(), d))).collect()
    };
    let (node_defaults, edge_defaults) = (defaults("node"), defaults("edge"));
    let mut g = KnowledgeGraph::default();
    let mut edges = Vec::new();
    for item in items {
        match item {
            Item::Node { id, data } => {
                let get = |k: &str| data.get(k).or_else(|| node_defaults.get(k)).cloned();
                g.add_node(Node {
                    label: get("label").unwrap_or_else(|| id.clone()),
                    label_ar: get("label_ar").unwrap_or_default(),
                    kind: get("kind").unwrap_or_else(|| UNKNOWN.into()),
                    parent: get("parent").filter(|p| !p.is_empty()),
                    id,
                });
            }
            Item::Edge { source, target, data } => edges.push((source, target, data)),
        }
    }
    for (source, target, data) in edges {
        let get = |k: &str| data.get(k).or_else(|| edge_defaults.get(k)).cloned();
        let relation = get("relation").or_else(|| get("label")).unwrap_or_else(|| "related".into());
        let evidence: Vec<Evidence> = match get("evidence_json") {
            Some(j) if !j.trim().is_empty() => serde_json::from_str(&j).map_err(|e| GraphmlError { position: 0, message: format!("edge {source} -> {target}: evidence_json: {e}") })?,
            _ => Vec::new(),
        };
        let polarity = match get("polarity").as_deref() {
            Some("negated") => Polarity::Negated,
            _ => Polarity::Affirmed,
        };
        let mut info = g.relation_info(&relation);
        if let Some(l) = get("label") {
            info.en = l;
        }
        if let Some(l) = get("label_ar") {
            info.ar = l;
        }
        if let Some(f) = get("family") {
            info.family = f;
        }
        info.symmetric = matches!(get("symmetric").as_deref(), Some("true" | "1" | "True"));
        let edge = Edge { relation: relation.clone(), polarity, family: info.family.clone(), symmetric: info.symmetric, evidence };
        g.relations.entry(relation).or_insert(RelationInfo { ..info });
        let s = node_or_new(&mut g, &source);
        let t = node_or_new(&mut g, &target);
        g.graph.add_edge(s, t, edge);
    }
    Ok(g.canonical())
}

fn node_or_new(g: &mut KnowledgeGraph, id: &str) -> petgraph::graph::NodeIndex {
    match g.node(id) {
        Some(i) => i,
        None => g.add_node(Node { id: id.into(), label: id.into(), label_ar: String::new(), kind: UNKNOWN.into(), parent: None }),
    }
}

fn put(item: &mut Option<Item>, keys: &HashMap<String, Key>, key: String, value: String) {
    let name = keys.get(&key).map(|k| k.name.clone()).unwrap_or(key);
    match item {
        Some(Item::Node { data, .. }) | Some(Item::Edge { data, .. }) => {
            data.insert(name, value);
        }
        None => {}
    }
}
