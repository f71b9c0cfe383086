//! Exports: GraphML round trip, determinism, escaping of article text in
//! every format, DOT that parsers read back.

use actorgraph::export::{dot_quote, read_graphml, to_dot, to_gexf, to_graphml, DotOptions, Labels};
use actorgraph::extract::{Claim, Polarity};
use actorgraph::graph::fixture::{claim, sample_lexicon, synthetic_claims};
use actorgraph::graph::{clean_text, merge, Evidence, KnowledgeGraph, MergeOptions};

const NASTY: &str = "He said \"no\" <b>&amp;</b> 'x' \\ back\\slash\nnext\r\nCRLF\rCR\ttab bell\u{7} nul\u{0} \u{200F}RLM\u{200E} \u{202B}emb\u{202C} \u{FEFF} ]]> --> إيران \"نفت\" \u{FFFF} ends with \\";

fn nasty_graph() -> KnowledgeGraph {
    let lex = sample_lexicon();
    let mut claims: Vec<Claim> = synthetic_claims(&lex, 400, 3).collect();
    claims.push(claim(&lex, "a<&>\"", Some("2018-06-13"), 2, "iran", "attacked", "isis", Polarity::Affirmed, NASTY));
    let mut odd = claim(&lex, "b", None, 0, "جيش \"مجهول\" <x>", "allied_with", "iran", Polarity::Negated, NASTY);
    odd.subject_chain = vec![odd.subject.clone(), "a.b c".into()];
    claims.push(odd);
    merge(&lex, claims, &MergeOptions::default())
}

fn fingerprint(g: &KnowledgeGraph) -> String {
    let mut s = String::new();
    for n in g.sorted_nodes() {
        s.push_str(&format!("{:?}\n", g.graph[n]));
    }
    for e in g.sorted_edges() {
        s.push_str(&format!("{:?} {:?} {:?}\n", g.edge_key(e), g.graph[e], g.relation_info(&g.graph[e].relation)));
    }
    s
}

#[test]
fn graphml_round_trip_gives_the_same_graph_and_bytes() {
    let g = nasty_graph();
    let a = to_graphml(&g);
    let back = read_graphml(&a).unwrap();
    assert_eq!(fingerprint(&back), fingerprint(&g), "node and edge attributes, evidence included");
    assert_eq!(to_graphml(&back), a, "write, read, write: the same bytes");
    // the nasty text, control characters replaced, survives exactly
    let want = clean_text(NASTY).into_owned();
    let e = back.find_edge("iran", "isis", "attacked", Polarity::Affirmed).unwrap();
    assert!(back.graph[e].evidence.iter().any(|ev| ev.text == want && ev.article == "a<&>\""));
    let odd = back.node("جيش \"مجهول\" <x>").expect("a non-ASCII id comes back");
    assert_eq!(back.graph[odd].parent.as_deref(), Some("a.b c"));
}

#[test]
fn committed_graph_round_trips() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/syria.graphml");
    let Ok(text) = std::fs::read_to_string(path) else { return };
    let g = read_graphml(&text).unwrap();
    assert_eq!(to_graphml(&g), text);
}

#[test]
fn exports_are_deterministic() {
    let lex = sample_lexicon();
    let claims: Vec<Claim> = synthetic_claims(&lex, 2000, 11).collect();
    let a = merge(&lex, claims.clone(), &MergeOptions::default());
    let mut shuffled = claims;
    shuffled.reverse();
    shuffled.rotate_left(777);
    let b = merge(&lex, shuffled, &MergeOptions::default());
    assert_eq!(to_graphml(&a), to_graphml(&b));
    assert_eq!(to_gexf(&a), to_gexf(&b));
    for labels in [Labels::En, Labels::Ar, Labels::Both] {
        let o = DotOptions { labels, ..DotOptions::default() };
        assert_eq!(to_dot(&a, &o), to_dot(&b, &o));
    }
}

#[test]
fn dot_is_read_back_by_graphviz_rust() {
    let g = nasty_graph();
    for labels in [Labels::En, Labels::Both] {
        let dot = to_dot(&g, &DotOptions { labels, title: Some("a \"title\"".into()), ..DotOptions::default() });
        let parsed = graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("graphviz-rust cannot parse our DOT: {e}"));
        let text = format!("{parsed:?}");
        assert!(text.contains(&format!("{:?}", dot_quote("جيش \"مجهول\" <x>"))), "the Arabic id is quoted");
    }
}

#[test]
fn dot_draws_arabic_with_the_arabic_font_only_when_asked() {
    let g = nasty_graph();
    let en = to_dot(&g, &DotOptions::default());
    assert!(!en.contains("Noto Naskh Arabic") && !en.contains("إيران\""));
    let both = to_dot(&g, &DotOptions { labels: Labels::Both, ..DotOptions::default() });
    assert!(both.contains("fontname=\"Noto Naskh Arabic\"") && both.contains("\"Iran\\nإيران\""));
    let ar = to_dot(&g, &DotOptions { labels: Labels::Ar, ..DotOptions::default() });
    assert!(ar.contains("label=\"إيران\""));
}

#[test]
fn dot_styles_edges_by_family_polarity_and_articles() {
    let lex = sample_lexicon();
    let c = |a: &str, s: &str, r: &str, o: &str, p| claim(&lex, a, Some("2018-01-01"), 0, s, r, o, p, "t");
    let g = merge(&lex, vec![c("a1", "usa", "attacked", "isis", Polarity::Affirmed), c("a2", "usa", "attacked", "isis", Polarity::Affirmed), c("a3", "usa", "threatened", "isis", Polarity::Affirmed), c("a4", "iran", "met_with", "russia", Polarity::Negated)], &MergeOptions { part_of: false });
    let dot = to_dot(&g, &DotOptions::default());
    // hostile relations from usa to isis are one red line listing both
    assert!(dot.contains("\"usa\" -> \"isis\" [label=\"attacked (2)\\nthreatened\" color=\"#c62828\""), "{dot}");
    // width grows with the articles of the bundle: 3 here
    assert!(dot.contains("penwidth=\"3.4\""));
    // negated: dashed, labelled; symmetric: no arrowhead
    let line = dot.lines().find(|l| l.contains("\"iran\" -> \"russia\"")).unwrap();
    assert!(line.contains("style=\"dashed\"") && line.contains("not met with") && line.contains("dir=\"none\""), "{line}");
    assert!(dot.contains("subgraph \"cluster_legend\""));
    let unbundled = to_dot(&g, &DotOptions { bundle: false, ..DotOptions::default() });
    assert_eq!(unbundled.matches("\"usa\" -> \"isis\"").count(), 2);
}

#[test]
fn dot_renders_nasty_labels_with_graphviz() {
    if !actorgraph::export::dot::dot_available() {
        eprintln!("NOTICE: Graphviz dot missing; tests/consumers.rs requires it in CI");
        return;
    }
    let g = nasty_graph();
    let (svg, warnings) = actorgraph::export::render(&to_dot(&g, &DotOptions { labels: Labels::Both, ..DotOptions::default() }), "svg").unwrap();
    assert!(warnings.trim().is_empty(), "{warnings}");
    let svg = String::from_utf8(svg).unwrap();
    // the label of the unknown node, escaped for SVG by Graphviz
    assert!(svg.contains("جيش &quot;مجهول&quot; &lt;x&gt;") || svg.contains("جيش \"مجهول\" &lt;x&gt;"), "label lost");
    // a tooltip ending with a backslash did not swallow the closing quote
    assert!(svg.contains("ends with \\"));
}

#[test]
fn gexf_attributes_carry_the_nasty_text() {
    let g = nasty_graph();
    let gexf = to_gexf(&g);
    let mut r = quick_xml::Reader::from_str(&gexf);
    let want = Evidence { article: "a<&>\"".into(), date: Some("2018-06-13".into()), sentence: 2, span: [0, 0], trigger: String::new(), text: clean_text(NASTY).into_owned(), ..Default::default() }.line();
    let mut found = false;
    loop {
        match r.read_event().unwrap() {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Empty(e) if e.name().as_ref() == b"attvalue" => {
                let v = e.try_get_attribute("value").unwrap().unwrap().unescape_value().unwrap().into_owned();
                if v.lines().any(|l| l == want) {
                    found = true;
                }
            }
            _ => {}
        }
    }
    assert!(found, "the evidence line {want:?} is in the GEXF");
    assert!(gexf.contains("<spell start=\"2018-06-13\" end=\"2018-06-13\"/>"));
    assert!(gexf.contains("kind=\"attacked\""));
    assert!(!gexf.contains("weight=\"0"));
}

#[test]
fn read_graphml_is_lenient_with_other_tools_files() {
    let text = r#"<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"><default>?</default></key>
  <key id="d1" for="edge" attr.name="relation" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"><data key="d0">Alpha</data></node>
    <node id="b"/>
    <edge source="a" target="b"><data key="d1">supported</data></edge>
    <edge source="b" target="c"/>
  </graph>
</graphml>"#;
    let g = read_graphml(text).unwrap();
    assert_eq!((g.node_count(), g.edge_count()), (3, 2));
    assert_eq!(g.graph[g.node("a").unwrap()].label, "Alpha");
    assert_eq!(g.graph[g.node("b").unwrap()].label, "?");
    assert!(g.find_edge("a", "b", "supported", Polarity::Affirmed).is_some());
    assert!(read_graphml("<gexf/>").is_err());
    assert!(read_graphml("<graphml><node id=\"x\"></graphml>").is_err());
}
