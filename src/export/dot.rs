//! DOT for Graphviz, built as graphviz-rust structures and printed by its
//! printer. graphviz-rust does no escaping: every id and attribute value
//! goes through [`dot_quote`].
//!
//! Readable by default: English labels, node shape and colour by kind, edge
//! colour by relation family, edge width by the number of articles, negated
//! edges dashed, `part_of` edges dotted grey, symmetric relations without
//! arrowheads, evidence as edge tooltips (SVG), and a legend cluster.

use super::dot_quote;
use crate::extract::Polarity;
use crate::graph::KnowledgeGraph;
use petgraph::graph::{EdgeIndex, NodeIndex};
use graphviz_rust::dot_structures::{Attribute, Edge as DEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DNode, NodeId, Stmt, Subgraph, Vertex};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::io::Write;
use std::process::{Command, Stdio};

/// Which labels nodes and edges show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Labels {
    #[default]
    En,
    Ar,
    Both,
}

/// How the DOT looks.
#[derive(Debug, Clone)]
pub struct DotOptions {
    pub labels: Labels,
    pub legend: bool,
    /// How many claims an edge's tooltip lists.
    pub tooltip_claims: usize,
    /// A title above the graph.
    pub title: Option<String>,
    /// Draw the edges from one node to another that share a family and a
    /// polarity as one line whose label lists their relations (the
    /// GraphML and GEXF keep one edge per relation).
    pub bundle: bool,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions { labels: Labels::En, legend: true, tooltip_claims: 8, title: None, bundle: true }
    }
}

/// The font Arabic labels need (Debian: fonts-noto-core).
pub const ARABIC_FONT: &str = "Noto Naskh Arabic";
/// The font of English-only graphs.
pub const LATIN_FONT: &str = "Noto Sans";

/// Shape, style and fill of a node kind.
pub fn kind_style(kind: &str) -> (&'static str, &'static str, &'static str) {
    match kind {
        "state" => ("box", "filled,bold", "#f6c28b"),
        "armed_group" => ("hexagon", "filled", "#f4a6a6"),
        "organization" => ("box", "filled,rounded", "#b6d7a8"),
        "person" => ("ellipse", "filled", "#ffe599"),
        "place" => ("house", "filled", "#a4c2f4"),
        _ => ("box", "filled,dashed", "#eeeeee"),
    }
}

/// Colour of a relation family.
pub fn family_color(family: &str) -> &'static str {
    match family {
        "hostile" => "#c62828",
        "cooperative" => "#2e7d32",
        "movement" => "#1565c0",
        "diplomatic" => "#7b1fa2",
        "structure" => "#a8a8a8",
        _ => "#616161",
    }
}

const KINDS: [&str; 5] = ["state", "armed_group", "organization", "person", "place"];
const FAMILIES: [&str; 5] = ["hostile", "cooperative", "diplomatic", "movement", "structure"];

fn attr(k: &str, v: impl AsRef<str>) -> Attribute {
    Attribute(Id::Plain(k.to_string()), Id::Escaped(dot_quote(v.as_ref())))
}

fn nid(id: &str) -> NodeId {
    NodeId(Id::Escaped(dot_quote(id)), None)
}

fn edge(a: &str, b: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(DEdge { ty: EdgeTy::Pair(Vertex::N(nid(a)), Vertex::N(nid(b))), attributes })
}

/// Line width for an edge seen in `articles` articles.
fn penwidth(articles: usize) -> f64 {
    (1.0 + 1.5 * (articles.max(1) as f64).log2()).min(7.0)
}

/// Edges drawn as one line.
struct Bundle {
    source: NodeIndex,
    target: NodeIndex,
    edges: Vec<EdgeIndex>,
}

impl Bundle {
    fn articles(&self, g: &KnowledgeGraph) -> usize {
        let mut a: Vec<&str> = self.edges.iter().flat_map(|e| g.graph[*e].evidence.iter().map(|ev| ev.article.as_str())).collect();
        a.sort_unstable();
        a.dedup();
        a.len()
    }
}

/// Edges in sorted order, grouped by (source, target, family, polarity)
/// when `bundle`, one by one otherwise. Symmetric edges run in id order, so
/// they join the directed ones that run the same way; a bundle of symmetric
/// relations only is drawn without arrowhead.
fn bundles(g: &KnowledgeGraph, bundle: bool) -> Vec<Bundle> {
    let mut out: Vec<Bundle> = Vec::new();
    let mut index: std::collections::HashMap<(NodeIndex, NodeIndex, &str, Polarity), usize> = std::collections::HashMap::new();
    for e in g.sorted_edges() {
        let (s, t) = g.graph.edge_endpoints(e).unwrap();
        let w = &g.graph[e];
        if bundle {
            if let Some(&i) = index.get(&(s, t, w.family.as_str(), w.polarity)) {
                out[i].edges.push(e);
                continue;
            }
            index.insert((s, t, w.family.as_str(), w.polarity), out.len());
        }
        out.push(Bundle { source: s, target: t, edges: vec![e] });
    }
    out
}

/// The graph as DOT text.
pub fn to_dot(g: &KnowledgeGraph, opts: &DotOptions) -> String {
    let arabic = opts.labels != Labels::En;
    let font = if arabic { ARABIC_FONT } else { LATIN_FONT };
    let mut stmts: Vec<Stmt> = Vec::new();
    let mut gattrs = vec![
        attr("splines", "true"),
        attr("ratio", "0.6"),
        attr("overlap", "false"),
        attr("nodesep", "0.25"),
        attr("ranksep", "0.9"),
        attr("fontname", font),
        attr("fontsize", "12"),
        attr("bgcolor", "white"),
        attr("pad", "0.3"),
    ];
    if let Some(t) = &opts.title {
        gattrs.push(attr("label", t));
        gattrs.push(attr("labelloc", "t"));
        gattrs.push(attr("fontsize", "16"));
    }
    stmts.push(Stmt::GAttribute(GraphAttributes::Graph(gattrs)));
    stmts.push(Stmt::GAttribute(GraphAttributes::Node(vec![attr("fontname", font), attr("fontsize", "11"), attr("margin", "0.08,0.04")])));
    stmts.push(Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", font), attr("fontsize", "9"), attr("arrowsize", "0.7")])));
    for n in g.sorted_nodes() {
        let n = &g.graph[n];
        let (shape, style, fill) = kind_style(&n.kind);
        let ar = if n.label_ar.is_empty() { &n.label } else { &n.label_ar };
        let label = match opts.labels {
            Labels::En => n.label.clone(),
            Labels::Ar => ar.clone(),
            Labels::Both if n.label_ar.is_empty() || n.label_ar == n.label => n.label.clone(),
            Labels::Both => format!("{}\n{}", n.label, n.label_ar),
        };
        let tooltip = format!("{} ({}){}", n.id, n.kind, n.parent.as_ref().map(|p| format!(", part of {p}")).unwrap_or_default());
        stmts.push(Stmt::Node(DNode::new(
            nid(&n.id),
            vec![attr("label", label), attr("shape", shape), attr("style", style), attr("fillcolor", fill), attr("tooltip", tooltip)],
        )));
    }
    for b in bundles(g, opts.bundle) {
        let (s, t) = (&g.graph[b.source], &g.graph[b.target]);
        let first = &g.graph[b.edges[0]];
        let color = family_color(&first.family);
        let mut a = vec![attr("color", color), attr("fontcolor", color)];
        let label;
        if first.is_structure() {
            label = String::new();
            a.push(attr("style", "dotted"));
            a.push(attr("arrowhead", "onormal"));
            a.push(attr("weight", "3"));
            a.push(attr("penwidth", "0.7"));
            a.push(attr("tooltip", format!("{} is part of {}", s.label, t.label)));
        } else {
            let mut lines = Vec::new();
            let mut tip: Vec<String> = Vec::new();
            for &e in &b.edges {
                let w = &g.graph[e];
                let info = g.relation_info(&w.relation);
                let ar = if info.ar.is_empty() { &info.en } else { &info.ar };
                let mut l = match opts.labels {
                    Labels::En => info.en.clone(),
                    Labels::Ar => ar.clone(),
                    Labels::Both if info.ar.is_empty() => info.en.clone(),
                    Labels::Both => format!("{} / {}", info.en, info.ar),
                };
                let articles = w.articles();
                if articles > 1 {
                    l.push_str(&format!(" ({articles})"));
                }
                if w.polarity == Polarity::Negated {
                    l = format!("not {l}");
                }
                lines.push(l);
                tip.push(format!("{} {} {}{}:", s.label, info.en, t.label, if w.polarity == Polarity::Negated { " (negated)" } else { "" }));
                tip.extend(w.evidence.iter().take(opts.tooltip_claims).map(|ev| format!("  {}", ev.line())));
                if w.evidence.len() > opts.tooltip_claims {
                    tip.push(format!("  … and {} more", w.evidence.len() - opts.tooltip_claims));
                }
            }
            label = lines.join("\n");
            if first.polarity == Polarity::Negated {
                a.push(attr("style", "dashed"));
            }
            a.push(attr("penwidth", format!("{:.1}", penwidth(b.articles(g)))));
            a.push(attr("tooltip", tip.join("\n")));
        }
        if b.edges.iter().all(|e| g.graph[*e].symmetric) {
            a.push(attr("dir", "none"));
        }
        a.insert(0, attr("label", label));
        stmts.push(edge(&s.id, &t.id, a));
    }
    if opts.legend && g.node_count() > 0 {
        stmts.push(Stmt::Subgraph(legend(g, opts)));
    }
    let graph = Graph::DiGraph { id: Id::Escaped(dot_quote("actorgraph")), strict: false, stmts };
    let mut ctx = PrinterContext::default();
    let mut s = graph.print(&mut ctx);
    s.push('\n');
    s
}

/// The legend: the kinds and families that occur, and what dashes and
/// widths mean.
fn legend(g: &KnowledgeGraph, opts: &DotOptions) -> Subgraph {
    let mut stmts = vec![
        Stmt::Attribute(attr("label", if opts.labels == Labels::Ar { "مفتاح" } else { "Legend" })),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::Attribute(attr("color", "#bbbbbb")),
        Stmt::Attribute(attr("fontsize", "11")),
        Stmt::Attribute(attr("margin", "8")),
    ];
    // three rows: the kinds, then the families as short vertical edges
    let kinds: Vec<&str> = KINDS.iter().copied().filter(|k| g.graph.node_weights().any(|n| n.kind == *k)).collect();
    let mut row = vec![Stmt::Attribute(attr("rank", "same"))];
    for k in &kinds {
        let (shape, style, fill) = kind_style(k);
        row.push(Stmt::Node(DNode::new(nid(&format!("legend:kind:{k}")), vec![attr("label", k.replace('_', " ")), attr("shape", shape), attr("style", style), attr("fillcolor", fill), attr("fontsize", "9")])));
    }
    for w in kinds.windows(2) {
        row.push(edge(&format!("legend:kind:{}", w[0]), &format!("legend:kind:{}", w[1]), vec![attr("style", "invis")]));
    }
    stmts.push(Stmt::Subgraph(Subgraph { id: Id::Anonymous(String::new()), stmts: row }));
    let mut rows: Vec<(String, &str, &str)> = FAMILIES
        .iter()
        .filter(|f| g.graph.edge_weights().any(|e| e.family == **f))
        .map(|f| (if *f == "structure" { "part of".to_string() } else { f.to_string() }, family_color(f), if *f == "structure" { "dotted" } else { "solid" }))
        .collect();
    if g.graph.edge_weights().any(|e| e.polarity == Polarity::Negated) {
        rows.push(("negated".into(), "#444444", "dashed"));
    }
    rows.push(("(n): n articles".into(), "#444444", "solid"));
    let point = |id: &str| Stmt::Node(DNode::new(nid(id), vec![attr("label", ""), attr("shape", "point"), attr("width", "0.04"), attr("color", "#888888")]));
    let (mut tops, mut bottoms) = (vec![Stmt::Attribute(attr("rank", "same"))], vec![Stmt::Attribute(attr("rank", "same"))]);
    for (i, (name, color, style)) in rows.iter().enumerate() {
        let (a, b) = (format!("legend:edge:{i}:a"), format!("legend:edge:{i}:b"));
        tops.push(point(&a));
        bottoms.push(point(&b));
        stmts.push(edge(&a, &b, vec![attr("label", name), attr("color", *color), attr("fontcolor", *color), attr("style", *style), attr("fontsize", "9"), attr("minlen", "1")]));
    }
    for i in 1..rows.len() {
        tops.push(edge(&format!("legend:edge:{}:a", i - 1), &format!("legend:edge:{i}:a"), vec![attr("style", "invis")]));
    }
    stmts.push(Stmt::Subgraph(Subgraph { id: Id::Anonymous(String::new()), stmts: tops }));
    stmts.push(Stmt::Subgraph(Subgraph { id: Id::Anonymous(String::new()), stmts: bottoms }));
    if let Some(k) = kinds.first() {
        stmts.push(edge(&format!("legend:kind:{k}"), "legend:edge:0:a", vec![attr("style", "invis")]));
    }
    Subgraph { id: Id::Escaped(dot_quote("cluster_legend")), stmts }
}

/// Why Graphviz could not render.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("Graphviz `dot` is not on PATH (Debian: apt-get install graphviz)")]
    NotFound,
    #[error("dot -T{format} failed: {message}")]
    Failed { format: String, message: String },
}

/// Is Graphviz `dot` on PATH?
pub fn dot_available() -> bool {
    Command::new("dot").arg("-V").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Pipe DOT text into `dot -T<format>`; returns the output and what dot said
/// on stderr (warnings).
pub fn render(dot: &str, format: &str) -> Result<(Vec<u8>, String), RenderError> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| if e.kind() == std::io::ErrorKind::NotFound { RenderError::NotFound } else { RenderError::Failed { format: format.into(), message: e.to_string() } })?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let text = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().map_err(|e| RenderError::Failed { format: format.into(), message: e.to_string() })?;
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() {
        return Err(RenderError::Failed { format: format.into(), message: stderr.trim().to_string() });
    }
    Ok((out.stdout, stderr))
}
