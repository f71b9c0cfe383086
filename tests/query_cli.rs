//! `actorgraph paths` / `neighbors` and the `paths` example's arguments,
//! end to end on the small graph written as GraphML.

#[path = "fixtures/query/small.rs"]
mod small;

use std::path::PathBuf;
use std::process::{Command, Output};

const LEXICON: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/query/lexicon");

fn graphml() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let p: PathBuf = dir.path().join("small.graphml");
    std::fs::write(&p, actorgraph::export::to_graphml(&small::graph())).unwrap();
    (dir, p.display().to_string())
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actorgraph")).args(args).output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn paths_text() {
    let (_d, g) = graphml();
    let o = run(&["paths", "--graph", &g, "--from", "hezbollah", "--to", "sdf"]);
    assert!(o.status.success(), "{}", err(&o));
    let s = out(&o);
    assert!(s.starts_with("Hezbollah (hezbollah) → SDF (sdf): 1 shortest path of 3 hops (undirected)"), "{s}");
    for line in ["Hezbollah —supported→ Syria   (2 articles, 2 claims)", "Syria —attacked→ ISIS", "ISIS ←attacked— SDF   (1 article, 1 claim)", "a3 (2018-06-13), sentence 0: «جملة»"] {
        assert!(s.contains(line), "{line}\n{s}");
    }
}

#[test]
fn paths_json_with_arabic_names_and_filters() {
    let (_d, g) = graphml();
    let o = run(&["paths", "--graph", &g, "--lexicons", LEXICON, "--from", "طهران", "--to", "تنظيم الدولة", "--relations", "supported,attacked", "--format", "json"]);
    assert!(o.status.success(), "{}", err(&o));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["from"]["id"], "iran");
    assert_eq!(v["to"]["id"], "isis");
    assert_eq!(v["paths"].as_array().unwrap().len(), 1);
    assert_eq!(v["paths"][0]["nodes"], serde_json::json!(["iran", "syria", "isis"]));
    assert_eq!(v["filter"], "undirected, relations supported,attacked");
}

#[test]
fn paths_all_directed_hostile_and_no_path() {
    let (_d, g) = graphml();
    let o = run(&["paths", "--graph", &g, "--from", "iran", "--to", "isis", "--all", "--max-hops", "3", "--limit", "2"]);
    assert!(o.status.success(), "{}", err(&o));
    let s = out(&o);
    assert!(s.contains("4 paths within 3 hops (undirected), best 2 shown"), "{s}");
    assert!(s.contains("1. Iran · Syria · ISIS"), "{s}");
    assert!(s.contains("2. Iran · Syria · Russia · ISIS"), "{s}");
    // hostile only: no path, said plainly, exit 0
    let o = run(&["paths", "--graph", &g, "--from", "hezbollah", "--to", "sdf", "--hostile"]);
    assert!(o.status.success());
    assert!(out(&o).contains("no path within 4 hops (undirected, hostile); none at any length"), "{}", out(&o));
    let o = run(&["paths", "--graph", &g, "--from", "hezbollah", "--to", "sdf", "--max-hops", "2"]);
    assert!(out(&o).contains("the shortest path has 3 hops: raise --max-hops"), "{}", out(&o));
    let o = run(&["paths", "--graph", &g, "--from", "usa", "--to", "isis", "--directed", "--include-negated", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["paths"][0]["steps"][0]["polarity"], "negated");
    let o = run(&["paths", "--graph", &g, "--from", "quds_force", "--to", "iran", "--include-part-of"]);
    assert!(out(&o).contains("Quds Force —part_of→ Islamic Revolutionary Guard Corps"), "{}", out(&o));
}

#[test]
fn rolled_up_names_are_noted() {
    let (_d, g) = graphml();
    let o = run(&["paths", "--graph", &g, "--lexicons", LEXICON, "--from", "سليماني", "--to", "hezbollah"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("note: qasem_soleimani is not a node of this graph; using its ancestor quds_force"), "{}", out(&o));
}

#[test]
fn unknown_names_exit_1_with_suggestions() {
    let (_d, g) = graphml();
    let o = run(&["paths", "--graph", &g, "--from", "hezbolah", "--to", "sdf"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("unknown entity \"hezbolah\"; did you mean hezbollah (Hezbollah, حزب الله)"), "{}", err(&o));
    let o = run(&["paths", "--graph", &g, "--lexicons", LEXICON, "--from", "الحشد الشعبي", "--to", "sdf"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("is the lexicon entity pmf, but the graph has no claim about it"), "{}", err(&o));
    let o = run(&["neighbors", "sdff", "--graph", &g]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("did you mean sdf"), "{}", err(&o));
    let o = run(&["paths", "--graph", &g, "--from", "sdf", "--to", "SDF"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("the same entity"), "{}", err(&o));
}

#[test]
fn usage_errors_exit_2() {
    let (_d, g) = graphml();
    let o = run(&["paths", "--graph", &g, "--from", "iran", "--to", "isis", "--relations", "atacked"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("unknown relation \"atacked\"; did you mean attacked?"), "{}", err(&o));
    let o = run(&["paths", "--graph", &g, "--from", "iran", "--to", "isis", "--families", "hostil"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["paths", "--graph", &g, "--from", "iran", "--to", "isis", "--include-negated", "--exclude-negated"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["paths", "--graph", &g, "--from", "iran", "--to", "isis", "--max-hops", "0"]);
    assert_eq!(o.status.code(), Some(2));
    // an unreadable graph is bad input
    let o = run(&["paths", "--graph", "/nonexistent/x.graphml", "--from", "iran", "--to", "isis"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("cannot read /nonexistent/x.graphml"), "{}", err(&o));
}

#[test]
fn neighbors_rings() {
    let (_d, g) = graphml();
    let o = run(&["neighbors", "quds_force", "--hops", "2", "--graph", &g]);
    assert!(o.status.success(), "{}", err(&o));
    let s = out(&o);
    assert!(s.starts_with("Quds Force (quds_force, فيلق القدس): 3 neighbours within 2 hops (undirected)"), "{s}");
    assert!(s.contains("ring 1: 1 entity\n  Hezbollah (hezbollah)   1 article, 1 claim\n      Quds Force —supported→ Hezbollah   (1 article, 1 claim)"), "{s}");
    assert!(s.contains("ring 2: 2 entities"), "{s}");
    assert!(s.contains("Hezbollah ←attacked— Israel"), "{s}");
    let o = run(&["neighbors", "حزب الله", "--graph", &g, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["entity"]["id"], "hezbollah");
    assert_eq!(v["rings"][0]["count"], 3);
}

#[test]
fn the_example_parses_the_same_arguments() {
    use actorgraph::cli::paths::Standalone;
    use clap::Parser;
    let s = Standalone::try_parse_from(["paths", "--graph", "g.graphml", "--from", "hezbollah", "--to", "sdf", "--all", "--hostile", "--lexicons", "lex", "-v"]).unwrap();
    assert_eq!((s.args.from.as_str(), s.args.to.as_str(), s.args.all, s.args.max_hops, s.args.limit), ("hezbollah", "sdf", true, 4, 10));
    assert!(s.args.filter.hostile && s.global.verbose);
    assert!(Standalone::try_parse_from(["paths", "--from", "a"]).is_err());
}

#[test]
fn level_state_rolls_up_before_walking() {
    let (_d, g) = graphml();
    let o = run(&["paths", "--graph", &g, "--level", "state", "--from", "Quds Force", "--to", "hezbollah"]);
    assert!(o.status.success(), "{}", err(&o));
    let s = out(&o);
    assert!(s.contains("note: quds_force is not a node of this graph at this --level; using its ancestor iran"), "{s}");
    assert!(s.contains("Iran (iran) → Hezbollah (hezbollah): 1 shortest path of 1 hop"), "{s}");
    assert!(s.contains("Iran —supported→ Hezbollah   (1 article, 1 claim)"), "{s}");
}

#[test]
fn an_endpoint_the_filter_isolates_gets_a_hint() {
    let (_d, g) = graphml();
    // the IRGC has only part_of links in the small graph
    let o = run(&["paths", "--graph", &g, "--from", "irgc", "--to", "syria"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("note: irgc has 2 edge(s) in the graph but none this filter lets through; try --include-part-of"), "{}", out(&o));
    let o = run(&["paths", "--graph", &g, "--from", "lonely", "--to", "syria", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["notes"], serde_json::json!(["lonely has no relation in this graph"]));
}
