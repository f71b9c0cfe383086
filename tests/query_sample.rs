//! Paths on the sample graph: graphs/syria.graphml when it has been built,
//! else the graph built here from examples/articles (the same claims).
//! Checks relations the sample articles state plainly, and that every hop's
//! evidence is quoted verbatim from its article. `QUERY_SAMPLE_GRAPHML=FILE`
//! reads another GraphML built from examples/articles.

use actorgraph::extract::{extract_stream, Extractor};
use actorgraph::graph::{KnowledgeGraph, MergeOptions, Merger};
use actorgraph::input::Articles;
use actorgraph::lexicon::Lexicon;
use actorgraph::query::{paths_report, Adjacency, EdgeFilter, PathQuery, Resolver};
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn articles_dir() -> PathBuf {
    Path::new(ROOT).join("examples/articles")
}

fn sample(lex: &Lexicon) -> KnowledgeGraph {
    let graphml = std::env::var_os("QUERY_SAMPLE_GRAPHML").map(PathBuf::from).unwrap_or_else(|| Path::new(ROOT).join("graphs/syria.graphml"));
    if let Ok(text) = std::fs::read_to_string(&graphml) {
        return actorgraph::export::read_graphml(&text).expect("graphs/syria.graphml reads back");
    }
    let ex = Extractor::new(lex);
    let mut m = Merger::new(lex, MergeOptions::default());
    extract_stream(&ex, Articles::open(&[articles_dir()]), |r| {
        for c in r.expect("sample article reads").1 {
            m.add(c);
        }
    });
    m.finish()
}

fn article_text(stem: &str) -> String {
    std::fs::read_to_string(articles_dir().join(format!("{stem}.txt"))).unwrap()
}

#[test]
fn known_relations_and_paths_of_the_sample_articles() {
    let lex = Lexicon::embedded().expect("the built-in lexicon loads");
    let kg = sample(&lex);
    let r = Resolver::new(&kg, Some(&lex));
    let node = |name: &str| r.resolve(name).unwrap_or_else(|e| panic!("{e}")).node;
    let (iran, russia, sdf) = (node("إيران"), node("الروس"), node("قسد"));
    assert_eq!(kg.graph[sdf].id, "sdf");
    let f = EdgeFilter::default();
    let adj = Adjacency::build(&kg, &f);

    // "اتفق مسؤولون إيرانيون وروس ..." (000): Iran and Russia agreed, one hop
    let rep = paths_report(&kg, &adj, &f, &PathQuery::new(iran, russia));
    assert_eq!(rep.shortest, Some(1), "{}", rep.to_text(&kg));
    let step = &rep.paths[0].steps[0];
    let rels: Vec<&str> = std::iter::once(&step.main).chain(&step.also).map(|x| x.relation.as_str()).collect();
    assert!(rels.contains(&"agreed_with"), "{rels:?}");

    // Iran to the SDF: a path exists (through the Syrian government's
    // agreement with قسد in 002), and every hop quotes its article verbatim
    let rep = paths_report(&kg, &adj, &f, &PathQuery::new(iran, sdf));
    assert!(!rep.paths.is_empty(), "{}", rep.to_text(&kg));
    for p in &rep.paths {
        assert_eq!(p.nodes.first().map(String::as_str), Some("iran"));
        assert_eq!(p.nodes.last().map(String::as_str), Some("sdf"));
        for s in &p.steps {
            let ev = s.evidence.as_ref().expect("each hop has evidence");
            assert!(article_text(&ev.article).contains(ev.text.trim()), "{} not quoted from {}", ev.text, ev.article);
        }
    }
    let text = rep.to_text(&kg);
    assert!(text.contains("Syrian Democratic Forces"), "{text}");
}

#[test]
fn paths_from_articles_end_to_end() {
    let o = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(["paths", "--articles"])
        .arg(articles_dir())
        .args(["--from", "طهران", "--to", "قسد", "--format", "json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["from"]["id"], "iran");
    assert_eq!(v["to"]["id"], "sdf");
    assert!(v["paths"].as_array().is_some_and(|p| !p.is_empty()), "{v}");
}
