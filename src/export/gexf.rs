//! GEXF 1.3 for Gephi, valid against the GEXF 1.3 XSD.
//!
//! Gephi's GraphML importer merges parallel edges and ignores time, so GEXF
//! carries what GraphML cannot show there: each edge's relation as its
//! `kind` (parallel edges of different kinds stay apart) and the dates of its
//! evidence as spells (`mode="dynamic"`, `timeformat="date"`, one
//! `<spell start=d end=d/>` per distinct evidence date; an edge without a
//! dated claim has no spells and exists throughout). Node and edge
//! attributes are declared (`<attributes class="node|edge">`); `weight` is the
//! number of articles, at least 1 (Gephi drops edges of weight 0); node ids
//! are ASCII NMTOKENs ([`super::xml_id`]). Symmetric relations are directed
//! edges with `symmetric=true`, as in GraphML, since networkx refuses
//! undirected edges in a directed graph.

use super::{ev, start, xml_id, xml_text, W};
use crate::graph::views::is_date;
use crate::graph::{Evidence, KnowledgeGraph};
use quick_xml::events::{BytesDecl, BytesEnd, BytesText, Event};
use quick_xml::Writer;

const NODE_ATTRS: &[(&str, &str)] = &[("label_ar", "string"), ("kind", "string"), ("parent", "string")];
const EDGE_ATTRS: &[(&str, &str)] = &[
    ("relation", "string"),
    ("label_ar", "string"),
    ("family", "string"),
    ("polarity", "string"),
    ("symmetric", "boolean"),
    ("articles", "integer"),
    ("claims", "integer"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("evidence", "string"),
];


fn attvalues(w: &mut W, values: &[(&str, Option<String>)]) {
    ev(w, Event::Start(start("attvalues", &[])));
    for (k, v) in values {
        if let Some(v) = v {
            ev(w, Event::Empty(start("attvalue", &[("for", k), ("value", v)])));
        }
    }
    ev(w, Event::End(BytesEnd::new("attvalues")));
}

/// The graph as GEXF 1.3.
pub fn to_gexf(g: &KnowledgeGraph) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    ev(&mut w, Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    ev(
        &mut w,
        Event::Start(start(
            "gexf",
            &[
                ("xmlns", "http://gexf.net/1.3"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"),
                ("version", "1.3"),
            ],
        )),
    );
    ev(&mut w, Event::Start(start("meta", &[])));
    for (el, text) in [("creator", concat!("actorgraph ", env!("CARGO_PKG_VERSION"))), ("description", "Who did what to whom in Arabic news about the Syrian war: one edge per (subject, relation, object, polarity), with the claims behind it")] {
        ev(&mut w, Event::Start(start(el, &[])));
        ev(&mut w, Event::Text(BytesText::from_escaped(xml_text(text))));
        ev(&mut w, Event::End(BytesEnd::new(el)));
    }
    ev(&mut w, Event::End(BytesEnd::new("meta")));
    ev(&mut w, Event::Start(start("graph", &[("mode", "dynamic"), ("defaultedgetype", "directed"), ("timeformat", "date")])));
    for (class, list) in [("node", NODE_ATTRS), ("edge", EDGE_ATTRS)] {
        ev(&mut w, Event::Start(start("attributes", &[("class", class), ("mode", "static")])));
        for (id, ty) in list {
            ev(&mut w, Event::Empty(start("attribute", &[("id", id), ("title", id), ("type", ty)])));
        }
        ev(&mut w, Event::End(BytesEnd::new("attributes")));
    }
    let nodes = g.sorted_nodes();
    ev(&mut w, Event::Start(start("nodes", &[("count", &nodes.len().to_string())])));
    for n in nodes {
        let n = &g.graph[n];
        ev(&mut w, Event::Start(start("node", &[("id", &xml_id(&n.id)), ("label", &n.label)])));
        attvalues(&mut w, &[("label_ar", Some(n.label_ar.clone())), ("kind", Some(n.kind.clone())), ("parent", n.parent.clone())]);
        ev(&mut w, Event::End(BytesEnd::new("node")));
    }
    ev(&mut w, Event::End(BytesEnd::new("nodes")));
    let edges = g.sorted_edges();
    ev(&mut w, Event::Start(start("edges", &[("count", &edges.len().to_string())])));
    for (i, e) in edges.into_iter().enumerate() {
        let (s, t) = g.graph.edge_endpoints(e).unwrap();
        let x = &g.graph[e];
        let info = g.relation_info(&x.relation);
        ev(
            &mut w,
            Event::Start(start(
                "edge",
                &[
                    ("id", &format!("e{i}")),
                    ("source", &xml_id(&g.graph[s].id)),
                    ("target", &xml_id(&g.graph[t].id)),
                    ("kind", &x.relation),
                    ("label", &info.en),
                    ("weight", &format!("{:.1}", x.weight())),
                ],
            )),
        );
        let lines: Vec<String> = x.evidence.iter().map(Evidence::line).collect();
        attvalues(
            &mut w,
            &[
                ("relation", Some(x.relation.clone())),
                ("label_ar", Some(info.ar.clone())),
                ("family", Some(x.family.clone())),
                ("polarity", Some(x.polarity.as_str().to_string())),
                ("symmetric", Some(x.symmetric.to_string())),
                ("articles", Some(x.articles().to_string())),
                ("claims", Some(x.claims().to_string())),
                ("first_seen", x.first_seen().map(String::from)),
                ("last_seen", x.last_seen().map(String::from)),
                ("evidence", Some(lines.join("\n"))),
            ],
        );
        let mut dates: Vec<&str> = x.evidence.iter().filter_map(|e| e.date.as_deref()).filter(|d| is_date(d)).collect();
        dates.sort_unstable();
        dates.dedup();
        if !dates.is_empty() {
            ev(&mut w, Event::Start(start("spells", &[])));
            for d in dates {
                ev(&mut w, Event::Empty(start("spell", &[("start", d), ("end", d)])));
            }
            ev(&mut w, Event::End(BytesEnd::new("spells")));
        }
        ev(&mut w, Event::End(BytesEnd::new("edge")));
    }
    ev(&mut w, Event::End(BytesEnd::new("edges")));
    ev(&mut w, Event::End(BytesEnd::new("graph")));
    ev(&mut w, Event::End(BytesEnd::new("gexf")));
    let mut s = String::from_utf8(w.into_inner()).expect("we wrote UTF-8");
    s.push('\n');
    s
}
