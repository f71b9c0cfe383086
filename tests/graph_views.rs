//! Roll-up views and filters.

use actorgraph::extract::Polarity;
use actorgraph::graph::fixture::{claim, sample_lexicon};
use actorgraph::graph::{merge, view, KnowledgeGraph, Level, MergeOptions, ViewOptions, PART_OF};

const A: Polarity = Polarity::Affirmed;
const N: Polarity = Polarity::Negated;

fn sample() -> (actorgraph::lexicon::Lexicon, KnowledgeGraph) {
    let lex = sample_lexicon();
    let claims = vec![
        claim(&lex, "a1", Some("2018-01-10"), 0, "qasem_soleimani", "visited", "albukamal", A, "s"),
        claim(&lex, "a2", Some("2018-02-10"), 0, "quds_force", "deployed_to", "albukamal", A, "s"),
        claim(&lex, "a3", Some("2018-03-10"), 0, "irgc", "deployed_to", "deir_ez_zor", A, "s"),
        claim(&lex, "a4", None, 0, "iran", "deployed_to", "syria", A, "s"),
        claim(&lex, "a1", Some("2018-01-10"), 1, "quds_force", "cooperated_with", "irgc", A, "s"),
        claim(&lex, "a5", Some("2019-05-05"), 0, "hassan_nasrallah", "threatened", "israel", A, "s"),
        claim(&lex, "a6", Some("2019-06-06"), 2, "hezbollah", "threatened", "israel", A, "s"),
        claim(&lex, "a7", Some("2020-07-07"), 0, "usa", "attacked", "isis", N, "s"),
        claim(&lex, "a8", Some("2020-08-08"), 0, "sergey_lavrov", "met_with", "iran", A, "s"),
    ];
    let g = merge(&lex, claims, &MergeOptions { part_of: true });
    (lex, g)
}

fn opts(level: Level) -> ViewOptions {
    ViewOptions { level, part_of: false, include_negated: true, ..ViewOptions::default() }
}

fn claims(g: &KnowledgeGraph, s: &str, r: &str, o: &str) -> Option<(usize, usize)> {
    g.find_edge(s, o, r, A).map(|e| (g.graph[e].claims(), g.graph[e].articles()))
}

#[test]
fn entity_level_without_filters_keeps_every_claim_edge() {
    let (lex, g) = sample();
    let v = view(&g, Some(&lex), &ViewOptions { include_negated: true, ..ViewOptions::default() });
    assert_eq!(v.edge_count(), g.edge_count());
    assert_eq!(v.node_count(), g.node_count());
}

#[test]
fn organization_level_folds_people_into_their_organisations() {
    let (lex, g) = sample();
    let v = view(&g, Some(&lex), &opts(Level::Organization));
    assert!(v.node("qasem_soleimani").is_none());
    assert!(v.node("hassan_nasrallah").is_none());
    // Soleimani's visit is the Quds Force's; places stay places
    assert_eq!(claims(&v, "quds_force", "visited", "albukamal"), Some((1, 1)));
    // Nasrallah's threat adds up with Hezbollah's
    assert_eq!(claims(&v, "hezbollah", "threatened", "israel"), Some((2, 2)));
    // Lavrov is Russia (his nearest non-person ancestor); met_with is symmetric: iran first
    assert_eq!(claims(&v, "iran", "met_with", "russia"), Some((1, 1)));
    assert_eq!(claims(&v, "irgc", "cooperated_with", "quds_force"), Some((1, 1)));
}

#[test]
fn state_level_sums_evidence_and_drops_self_loops() {
    let (lex, g) = sample();
    let v = view(&g, Some(&lex), &opts(Level::State));
    // Quds Force and IRGC deployments to Al-Bukamal / Deir ez-Zor and Iran's to Syria: one edge
    assert_eq!(claims(&v, "iran", "deployed_to", "syria"), Some((3, 3)));
    assert_eq!(claims(&v, "iran", "visited", "syria"), Some((1, 1)));
    // Quds Force cooperating with the IRGC would be Iran with Iran
    assert!(v.graph.edge_indices().all(|e| v.graph.edge_endpoints(e).map(|(a, b)| a != b).unwrap()));
    assert!(v.find_edge("iran", "iran", "cooperated_with", A).is_none());
    // no state above Hezbollah: it stays
    assert_eq!(claims(&v, "hezbollah", "threatened", "israel"), Some((2, 2)));
    let ids: Vec<&str> = v.sorted_nodes().into_iter().map(|n| v.graph[n].id.as_str()).collect();
    assert_eq!(ids, ["hezbollah", "iran", "isis", "israel", "russia", "syria", "usa"]);
}

#[test]
fn part_of_edges_follow_the_level() {
    let (lex, g) = sample();
    let v = view(&g, Some(&lex), &ViewOptions { level: Level::Organization, part_of: true, ..ViewOptions::default() });
    assert!(v.find_edge("quds_force", "irgc", PART_OF, A).is_some());
    assert!(v.find_edge("irgc", "iran", PART_OF, A).is_some());
    assert!(v.find_edge("albukamal", "deir_ez_zor", PART_OF, A).is_some());
    assert!(v.node("qasem_soleimani").is_none());
    let s = view(&g, Some(&lex), &ViewOptions { level: Level::State, part_of: true, ..ViewOptions::default() });
    assert!(s.graph.edge_weights().all(|e| !e.is_structure()));
}

#[test]
fn negated_edges_are_excluded_by_default() {
    let (lex, g) = sample();
    let v = view(&g, Some(&lex), &ViewOptions::default());
    assert!(v.find_edge("usa", "isis", "attacked", N).is_none());
    assert!(v.node("usa").is_none(), "a node left without edges is dropped");
    let w = view(&g, Some(&lex), &ViewOptions { include_negated: true, ..ViewOptions::default() });
    assert!(w.find_edge("usa", "isis", "attacked", N).is_some());
}

#[test]
fn relation_filter() {
    let (lex, g) = sample();
    let v = view(&g, Some(&lex), &ViewOptions { relations: Some(vec!["threatened".into(), "met_with".into()]), part_of: false, ..ViewOptions::default() });
    let mut rels: Vec<&str> = v.graph.edge_weights().map(|e| e.relation.as_str()).collect();
    rels.sort();
    assert_eq!(rels, ["met_with", "threatened", "threatened"]);
}

#[test]
fn min_articles_counts_after_roll_up() {
    let (lex, g) = sample();
    let e = view(&g, Some(&lex), &ViewOptions { min_articles: 2, part_of: false, ..ViewOptions::default() });
    assert_eq!(e.edge_count(), 0);
    let o = view(&g, Some(&lex), &ViewOptions { min_articles: 2, level: Level::Organization, part_of: false, ..ViewOptions::default() });
    assert_eq!(o.edge_count(), 1);
    assert_eq!(claims(&o, "hezbollah", "threatened", "israel"), Some((2, 2)));
}

#[test]
fn date_bounds_filter_evidence_and_drop_undated() {
    let (lex, g) = sample();
    let v = view(&g, Some(&lex), &ViewOptions { since: Some("2018-02-01".into()), until: Some("2019-05-05".into()), level: Level::State, part_of: false, ..ViewOptions::default() });
    // a2 and a3 (Feb, Mar 2018) are in; a4 is undated and out; a1 (Jan) is out
    assert_eq!(claims(&v, "iran", "deployed_to", "syria"), Some((2, 2)));
    assert!(v.find_edge("iran", "syria", "visited", A).is_none());
    // the bound is inclusive: Nasrallah's 2019-05-05 is in, Hezbollah's June is out
    assert_eq!(claims(&v, "hezbollah", "threatened", "israel"), Some((1, 1)));
    let e = &v.graph[v.find_edge("iran", "syria", "deployed_to", A).unwrap()];
    assert_eq!((e.first_seen(), e.last_seen()), (Some("2018-02-10"), Some("2018-03-10")));
}

#[test]
fn views_work_without_a_lexicon() {
    let (lex, g) = sample();
    let with = view(&g, Some(&lex), &opts(Level::State));
    let without = view(&g, None, &opts(Level::State));
    assert_eq!(with.edge_count(), without.edge_count());
}

#[test]
fn is_date_checks_the_calendar_shape() {
    use actorgraph::graph::views::is_date;
    assert!(is_date("2018-06-13"));
    assert!(!is_date("2018-13-01"));
    assert!(!is_date("2018-6-13"));
    assert!(!is_date("١٣-٠٦-٢٠١٨"));
}
