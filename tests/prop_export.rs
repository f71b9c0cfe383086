//! Property tests of every export over claims whose text, article ids and
//! dates are arbitrary (quotes, <, &, control characters, newlines, bidi
//! marks, Arabic): no panic; GraphML and GEXF are well-formed XML (quick-xml
//! reads them to the end); GraphML reads back to the same graph; DOT parses
//! with graphviz-rust; claims JSONL parses back to the same claims.

use actorgraph::export::{read_graphml, to_dot, to_gexf, to_graphml, DotOptions, Labels};
use actorgraph::extract::{Claim, Polarity};
use actorgraph::graph::fixture::{claim, sample_lexicon};
use actorgraph::graph::{merge, KnowledgeGraph, MergeOptions};
use actorgraph::lexicon::Lexicon;
use proptest::prelude::*;
use quick_xml::events::Event;
use std::sync::OnceLock;

fn lex() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(sample_lexicon)
}

/// Text an article may hold, and worse.
fn nasty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(vec![
            "إيران", "نفت", "«قسد»", "\"", "'", "<", ">", "&", "&amp;", "]]>", "-->", "<!--", "\\", "\n", "\r\n", "\r", "\t",
            "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{200F}", "\u{200E}", "\u{202B}", "\u{202C}", "\u{2066}", "\u{FEFF}",
            "\u{FFFE}", "\u{FFFF}", "{", "}", ";", "=", "->", "--", "%", "$", "#", "@", " ", "ـ", "\u{FDF2}", "𝔸",
        ]).prop_map(String::from),
        2 => any::<char>().prop_map(String::from),
        2 => "[a-z0-9 _.-]{1,6}",
    ];
    prop::collection::vec(piece, 0..20).prop_map(|v| v.concat())
}

fn date() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (2011u32..2025, 1u32..13, 1u32..29).prop_map(|(y, m, d)| Some(format!("{y}-{m:02}-{d:02}"))),
        // not a date at all: exports must still carry it
        nasty().prop_map(Some),
    ]
}

/// Claims between the sample lexicon's entities, with arbitrary text and
/// ids, plus entities and relations the lexicon does not know.
fn claims() -> impl Strategy<Value = Vec<Claim>> {
    let one = (
        prop_oneof![3 => "[a-z0-9_]{1,12}", 1 => nasty()],
        date(),
        0usize..50,
        prop_oneof![4 => prop::sample::select(vec!["iran", "russia", "syria", "irgc", "quds_force", "hezbollah", "isis", "damascus", "albukamal"]).prop_map(String::from), 1 => nasty()],
        prop_oneof![4 => prop::sample::select(vec!["attacked", "supported", "met_with", "withdrew_from", "controls", "negotiated_with"]).prop_map(String::from), 1 => "[a-z_]{1,10}"],
        prop_oneof![4 => prop::sample::select(vec!["iran", "russia", "usa", "sdf", "tehran", "deir_ez_zor"]).prop_map(String::from), 1 => nasty()],
        any::<bool>(),
        nasty(),
        nasty(),
    )
        .prop_map(|(article, date, sentence, s, r, o, neg, text, trigger)| {
            let pol = if neg { Polarity::Negated } else { Polarity::Affirmed };
            let mut c = claim(lex(), &article, date.as_deref(), sentence, &s, &r, &o, pol, &text);
            c.trigger = trigger;
            c
        });
    prop::collection::vec(one, 0..12)
}

/// Read XML to its end; any error fails.
fn well_formed(xml: &str) -> Result<usize, String> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut elements = 0;
    let mut depth: i64 = 0;
    loop {
        match r.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(_)) => {
                elements += 1;
                depth += 1;
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Empty(_)) => elements += 1,
            Ok(Event::Text(t)) => {
                t.unescape().map_err(|e| format!("bad text at {}: {e}", r.buffer_position()))?;
            }
            Ok(_) => {}
            Err(e) => return Err(format!("at {}: {e}", r.buffer_position())),
        }
        if depth < 0 {
            return Err("more end tags than start tags".into());
        }
    }
    if depth != 0 {
        return Err(format!("{depth} element(s) left open"));
    }
    // XML 1.0 forbids these characters anywhere, even escaped
    if let Some(c) = xml.chars().find(|&c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}') {
        return Err(format!("character U+{:04X} is not allowed in XML 1.0", c as u32));
    }
    Ok(elements)
}

fn graph(cs: &[Claim], part_of: bool) -> KnowledgeGraph {
    merge(lex(), cs.to_vec(), &MergeOptions { part_of })
}

fn fingerprint(g: &KnowledgeGraph) -> String {
    let mut s = String::new();
    for n in g.sorted_nodes() {
        s.push_str(&format!("{:?}\n", g.graph[n]));
    }
    for e in g.sorted_edges() {
        s.push_str(&format!("{:?} {:?}\n", g.edge_key(e), g.graph[e]));
    }
    s
}

/// 256 cases (CI); `PROPTEST_CASES=N` for a longer run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn graphml_is_well_formed_and_reads_back(cs in claims(), part_of in any::<bool>()) {
        let g = graph(&cs, part_of);
        let xml = to_graphml(&g);
        well_formed(&xml).map_err(|e| TestCaseError::fail(format!("GraphML: {e}\n{xml}")))?;
        let back = read_graphml(&xml).map_err(|e| TestCaseError::fail(format!("read_graphml: {e}")))?;
        prop_assert_eq!(back.node_count(), g.node_count());
        prop_assert_eq!(back.edge_count(), g.edge_count());
        prop_assert_eq!(fingerprint(&back), fingerprint(&g));
        prop_assert_eq!(to_graphml(&back), xml);
    }

    #[test]
    fn gexf_is_well_formed(cs in claims(), part_of in any::<bool>()) {
        let g = graph(&cs, part_of);
        let xml = to_gexf(&g);
        well_formed(&xml).map_err(|e| TestCaseError::fail(format!("GEXF: {e}\n{xml}")))?;
        prop_assert!(xml.contains("<gexf"));
    }

    #[test]
    fn dot_parses(cs in claims(), labels in prop::sample::select(vec![Labels::En, Labels::Ar, Labels::Both]), bundle in any::<bool>(), legend in any::<bool>(), title in prop::option::of(nasty())) {
        let g = graph(&cs, true);
        let opts = DotOptions { labels, bundle, legend, title, ..DotOptions::default() };
        let dot = to_dot(&g, &opts);
        let parsed = graphviz_rust::parse(&dot);
        prop_assert!(parsed.is_ok(), "graphviz-rust cannot parse: {:?}\n{}", parsed.err(), dot);
    }

    #[test]
    fn claims_jsonl_reads_back(cs in claims()) {
        let mut out = Vec::new();
        for c in &cs {
            serde_json::to_writer(&mut out, c).unwrap();
            out.push(b'\n');
        }
        let text = String::from_utf8(out).unwrap();
        prop_assert_eq!(text.lines().count(), cs.len(), "one claim per line");
        let back: Vec<Claim> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        prop_assert_eq!(back, cs);
    }
}
