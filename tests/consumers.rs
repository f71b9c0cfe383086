//! The exports opened by the tools people use: Graphviz `dot`, xmllint with
//! the GraphML and GEXF schemas, networkx (GraphML, GEXF), igraph (GraphML),
//! graphology (GraphML, GEXF). Each must read the node and edge counts that
//! the build reported, and every node's and edge's attributes.
//!
//! Two graphs are checked: `build examples/articles`, and `merge` of
//! synthetic claims full of nasty text (quotes, <, &, control characters,
//! CR/LF, tabs, bidi marks, Arabic) and ids that are not ASCII.
//!
//! A missing tool skips its test with a notice, unless the environment
//! variable CI is set: then it fails. Setup (Debian):
//!   apt-get install -y graphviz fonts-noto-core libxml2-utils python3-pip nodejs npm
//!   pip install networkx igraph
//!   (cd tests/consumers && npm ci)

use actorgraph::export::{read_graphml, xml_id};
use actorgraph::extract::{Claim, Polarity};
use actorgraph::graph::{Evidence, KnowledgeGraph};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const BIN: &str = env!("CARGO_BIN_EXE_actorgraph");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

mod common;
use common::missing;

fn runs(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd).args(args).output().is_ok_and(|o| o.status.success())
}

/// One built graph: its files and what the command reported.
struct Built {
    dir: PathBuf,
    name: String,
    nodes: usize,
    edges: usize,
    graph: KnowledgeGraph,
}

impl Built {
    fn file(&self, ext: &str) -> PathBuf {
        self.dir.join(format!("{}.{ext}", self.name))
    }
}

fn run_and_report(args: &[&str]) -> (usize, usize) {
    let out = Command::new(BIN).args(args).output().expect("run actorgraph");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "actorgraph {args:?} failed:\n{stderr}");
    let re = regex::Regex::new(r"(\d+) nodes, (\d+) edges").unwrap();
    let c = re.captures(&stderr).unwrap_or_else(|| panic!("no summary in:\n{stderr}"));
    (c[1].parse().unwrap(), c[2].parse().unwrap())
}

fn load(dir: PathBuf, name: &str, reported: (usize, usize)) -> Built {
    let text = std::fs::read_to_string(dir.join(format!("{name}.graphml"))).unwrap();
    let graph = read_graphml(&text).unwrap();
    assert_eq!((graph.node_count(), graph.edge_count()), reported, "the GraphML holds what the build reported");
    Built { dir, name: name.into(), nodes: reported.0, edges: reported.1, graph }
}

fn scratch(sub: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("consumers").join(sub);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `build examples/articles`, with negated edges so dashed lines are drawn.
fn articles() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        let dir = scratch("articles");
        let reported = run_and_report(&["build", &format!("{ROOT}/examples/articles"), "--out", dir.to_str().unwrap(), "--name", "syria", "--include-negated"]);
        load(dir, "syria", reported)
    })
}

/// The text no export may lose.
pub const NASTY: &str = "He said \"no\" <b>&amp;</b> 'x' \\ back\\slash\nnext line\r\nCRLF\ttab bell\u{7} nul\u{0} \u{200F}RLM\u{200E} \u{202B}embedded\u{202C} \u{FEFF}bom ]]> --> إيران \"نفت\" ذلك \u{FFFF}";

fn nasty_claims() -> Vec<Claim> {
    let c = |article: &str, s: &str, r: &str, o: &str, p: Polarity, text: &str, date: Option<&str>| common::claim(article, s, r, o, p, text, date, "قصف\"<&>");
    vec![
        c("art<1>&\"", "iran", "attacked", "isis", Polarity::Affirmed, NASTY, Some("2018-06-13")),
        c("art2", "iran", "attacked", "isis", Polarity::Affirmed, "plain", Some("2019-01-01")),
        c("art3", "russia", "met_with", "iran", Polarity::Negated, NASTY, None),
        c("art4", "جيش \"مجهول\"", "supported", "iran", Polarity::Affirmed, "x", Some("2020-02-29")),
        c("art5", "a.b c<d>", "allied_with", "iran", Polarity::Affirmed, NASTY, Some("2021-03-01")),
    ]
}

/// `merge` of the nasty claims.
fn nasty() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        let dir = scratch("nasty");
        let claims = dir.join("claims.jsonl");
        let lines: Vec<String> = nasty_claims().iter().map(|c| serde_json::to_string(c).unwrap()).collect();
        std::fs::write(&claims, lines.join("\n") + "\n").unwrap();
        let reported = run_and_report(&["merge", claims.to_str().unwrap(), "--out", dir.to_str().unwrap(), "--name", "nasty", "--include-negated", "--labels", "both"]);
        let b = load(dir, "nasty", reported);
        // the nasty text is in the graph, control characters replaced
        let want = actorgraph::graph::clean_text(NASTY).into_owned();
        assert!(b.graph.graph.edge_weights().any(|e| e.evidence.iter().any(|ev| ev.text == want)));
        assert!(b.graph.node("جيش \"مجهول\"").is_some());
        b
    })
}

fn both() -> [&'static Built; 2] {
    [articles(), nasty()]
}

// ---------------------------------------------------------------- Graphviz

#[test]
fn dot_renders_svg_and_png_without_warnings() {
    if !runs("dot", &["-V"]) && missing("Graphviz dot", "apt-get install -y graphviz fonts-noto-core") {
        return;
    }
    for b in both() {
        for fmt in ["svg", "png"] {
            let out = Command::new("dot").arg(format!("-T{fmt}")).arg(b.file("dot")).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success() && stderr.trim().is_empty(), "dot -T{fmt} {}: {stderr}", b.file("dot").display());
            assert!(out.stdout.len() > 1000);
        }
        // the build rendered the SVG itself
        let svg = std::fs::read_to_string(b.file("svg")).unwrap();
        assert!(svg.contains("<svg"));
    }
    // Arabic labels ask for the Arabic font, and the SVG carries them
    let svg = std::fs::read_to_string(nasty().file("svg")).unwrap();
    assert!(svg.contains("Noto Naskh Arabic") && svg.contains("إيران"));
    let fonts = Command::new("fc-list").arg(":family=Noto Naskh Arabic").output().map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default();
    if fonts.trim().is_empty() {
        missing("the font Noto Naskh Arabic", "apt-get install -y fonts-noto-core");
    }
}

// ---------------------------------------------------------------- xmllint

#[test]
fn xmllint_validates_graphml_and_gexf_against_the_schemas() {
    if !runs("xmllint", &["--version"]) && missing("xmllint", "apt-get install -y libxml2-utils") {
        return;
    }
    let schemas = Path::new(ROOT).join("tests/fixtures/schemas");
    for b in both() {
        for (ext, xsd) in [("graphml", "graphml/graphml.xsd"), ("gexf", "gexf-1.3/gexf.xsd")] {
            let out = Command::new("xmllint").arg("--noout").arg("--nonet").arg("--schema").arg(schemas.join(xsd)).arg(b.file(ext)).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success() && stderr.contains("validates"), "{}: {stderr}", b.file(ext).display());
        }
    }
}

// ------------------------------------------------------ comparing dumps

fn num(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().unwrap(),
        Value::String(s) => s.parse().unwrap_or_else(|_| panic!("not a number: {s:?}")),
        other => panic!("not a number: {other}"),
    }
}

fn text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn boolean(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true" || s == "True",
        Some(Value::Number(n)) => n.as_f64() == Some(1.0),
        _ => false,
    }
}

/// Check what one consumer read against the graph.
fn check(consumer: &str, dump: &Value, b: &Built, has_evidence_json: bool) {
    let g = &b.graph;
    assert_eq!((num(&dump["order"]) as usize, num(&dump["size"]) as usize), (b.nodes, b.edges), "{consumer}: node and edge counts of the build");
    let nodes = dump["nodes"].as_object().unwrap();
    for n in g.graph.node_weights() {
        let id = xml_id(&n.id);
        let a = nodes.get(id.as_ref()).unwrap_or_else(|| panic!("{consumer}: node {id} missing"));
        assert_eq!(text(a.get("label")), n.label, "{consumer}: label of {id}");
        assert_eq!(text(a.get("label_ar")), n.label_ar, "{consumer}: label_ar of {id}");
        assert_eq!(text(a.get("kind")), n.kind, "{consumer}: kind of {id}");
        assert_eq!(text(a.get("parent")), n.parent.clone().unwrap_or_default(), "{consumer}: parent of {id}");
    }
    let mut want: Vec<String> = Vec::new();
    for e in g.sorted_edges() {
        let (s, t) = g.graph.edge_endpoints(e).unwrap();
        let w = &g.graph[e];
        let lines: Vec<String> = w.evidence.iter().map(Evidence::line).collect();
        want.push(format!(
            "{} -> {} {} {} sym={} w={} a={} c={} {}..{} ev={:?}",
            xml_id(&g.graph[s].id),
            xml_id(&g.graph[t].id),
            w.relation,
            w.polarity.as_str(),
            w.symmetric,
            w.weight(),
            w.articles(),
            w.claims(),
            w.first_seen().unwrap_or(""),
            w.last_seen().unwrap_or(""),
            lines.join("\n")
        ));
    }
    let mut got: Vec<String> = Vec::new();
    for e in dump["edges"].as_array().unwrap() {
        got.push(format!(
            "{} -> {} {} {} sym={} w={} a={} c={} {}..{} ev={:?}",
            text(e.get("source")),
            text(e.get("target")),
            text(e.get("relation")),
            text(e.get("polarity")),
            boolean(e.get("symmetric")),
            num(&e["weight"]),
            num(&e["articles"]),
            num(&e["claims"]),
            text(e.get("first_seen")),
            text(e.get("last_seen")),
            text(e.get("evidence"))
        ));
        if has_evidence_json {
            let ev: Vec<Evidence> = serde_json::from_str(&text(e.get("evidence_json"))).unwrap();
            let src = actorgraph::export::from_xml_id(&text(e.get("source"))).into_owned();
            let tgt = actorgraph::export::from_xml_id(&text(e.get("target"))).into_owned();
            let pol = if text(e.get("polarity")) == "negated" { Polarity::Negated } else { Polarity::Affirmed };
            let i = g.find_edge(&src, &tgt, &text(e.get("relation")), pol).unwrap_or_else(|| panic!("{consumer}: unexpected edge {src} -> {tgt}"));
            assert_eq!(ev, g.graph[i].evidence, "{consumer}: evidence_json of {src} -> {tgt}");
        }
    }
    want.sort();
    got.sort();
    assert_eq!(got, want, "{consumer}: edges and their attributes");
}

// ---------------------------------------------------------------- Python

#[test]
fn networkx_and_igraph_read_graphml_and_gexf() {
    if !runs("python3", &["-c", "import networkx, igraph"]) && missing("python3 with networkx and igraph", "pip install networkx igraph") {
        return;
    }
    let script = Path::new(ROOT).join("tests/consumers/check_python.py");
    for b in both() {
        let out = Command::new("python3").arg(&script).arg(b.file("graphml")).arg(b.file("gexf")).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let dump: Value = serde_json::from_slice(&out.stdout).unwrap();
        check("networkx read_graphml", &dump["networkx_graphml"], b, true);
        check("networkx read_gexf", &dump["networkx_gexf"], b, false);
        check("igraph Read_GraphML", &dump["igraph_graphml"], b, true);
        // GEXF spells carry the evidence dates
        for e in dump["networkx_gexf"]["edges"].as_array().unwrap() {
            if let Some(first) = e.get("first_seen").and_then(Value::as_str) {
                let spells = e["spells"].as_array().expect("dated edges have spells");
                assert_eq!(spells[0][0].as_str(), Some(first));
            }
        }
    }
}

// ---------------------------------------------------------------- Node

#[test]
fn graphology_reads_graphml_and_gexf() {
    let dir = Path::new(ROOT).join("tests/consumers");
    if !runs("node", &["--version"]) && missing("node", "apt-get install -y nodejs npm") {
        return;
    }
    if !dir.join("node_modules/graphology-gexf").exists() && missing("graphology (tests/consumers/node_modules)", "cd tests/consumers && npm ci") {
        return;
    }
    for b in both() {
        let out = Command::new("node").arg(dir.join("check_graphology.mjs")).arg(b.file("graphml")).arg(b.file("gexf")).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let dump: Value = serde_json::from_slice(&out.stdout).unwrap();
        check("graphology-graphml", &dump["graphology_graphml"], b, true);
        check("graphology-gexf", &dump["graphology_gexf"], b, false);
        for e in dump["graphology_gexf"]["edges"].as_array().unwrap() {
            assert_eq!(e["kind"], e["relation"], "GEXF edge kind is the relation");
        }
    }
}
