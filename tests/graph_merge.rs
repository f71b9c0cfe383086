//! Merging claims into the graph: symmetric relations once, evidence counts
//! and dates, deduplication, unknown ids, part_of, determinism.

use actorgraph::extract::{Claim, Polarity};
use actorgraph::graph::fixture::{claim, sample_lexicon, synthetic_claims};
use actorgraph::graph::{merge, KnowledgeGraph, MergeOptions, PART_OF, STRUCTURE};

const A: Polarity = Polarity::Affirmed;
const N: Polarity = Polarity::Negated;

fn no_part_of() -> MergeOptions {
    MergeOptions { part_of: false }
}

fn edge<'g>(g: &'g KnowledgeGraph, s: &str, r: &str, o: &str, p: Polarity) -> &'g actorgraph::graph::Edge {
    let e = g.find_edge(s, o, r, p).unwrap_or_else(|| panic!("no edge {s} {r} {o} {p:?}"));
    &g.graph[e]
}

#[test]
fn symmetric_relations_are_stored_once_in_id_order() {
    let lex = sample_lexicon();
    let claims = vec![
        claim(&lex, "a1", Some("2018-06-13"), 0, "russia", "met_with", "iran", A, "التقى الروس بالإيرانيين"),
        claim(&lex, "a2", Some("2018-06-14"), 3, "iran", "met_with", "russia", A, "التقى الإيرانيون بالروس"),
    ];
    let g = merge(&lex, claims, &no_part_of());
    assert_eq!(g.edge_count(), 1);
    let e = edge(&g, "iran", "met_with", "russia", A);
    assert!(e.symmetric);
    assert_eq!(e.claims(), 2);
    assert_eq!(e.articles(), 2);
    assert!(g.find_edge("russia", "iran", "met_with", A).is_none());
}

#[test]
fn directed_relations_keep_their_direction() {
    let lex = sample_lexicon();
    let claims = vec![
        claim(&lex, "a1", None, 0, "usa", "attacked", "isis", A, "s1"),
        claim(&lex, "a1", None, 1, "isis", "attacked", "usa", A, "s2"),
    ];
    let g = merge(&lex, claims, &no_part_of());
    assert_eq!(g.edge_count(), 2);
    assert!(!edge(&g, "usa", "attacked", "isis", A).symmetric);
    edge(&g, "isis", "attacked", "usa", A);
}

#[test]
fn evidence_counts_dates_and_polarity() {
    let lex = sample_lexicon();
    let claims = vec![
        claim(&lex, "a1", Some("2018-06-13"), 0, "usa", "attacked", "isis", A, "one"),
        claim(&lex, "a1", Some("2018-06-13"), 4, "usa", "attacked", "isis", A, "two"),
        claim(&lex, "a2", Some("2017-01-02"), 1, "usa", "attacked", "isis", A, "three"),
        claim(&lex, "a3", None, 1, "usa", "attacked", "isis", A, "undated"),
        claim(&lex, "a4", Some("2019-12-31"), 2, "usa", "attacked", "isis", N, "denied"),
    ];
    let g = merge(&lex, claims, &no_part_of());
    let e = edge(&g, "usa", "attacked", "isis", A);
    assert_eq!((e.claims(), e.articles()), (4, 3));
    assert_eq!((e.first_seen(), e.last_seen()), (Some("2017-01-02"), Some("2018-06-13")));
    assert_eq!(e.weight(), 3.0);
    assert_eq!(e.family, "hostile");
    let n = edge(&g, "usa", "attacked", "isis", N);
    assert_eq!((n.claims(), n.first_seen()), (1, Some("2019-12-31")));
    // each piece of evidence keeps where it came from
    let ev = e.evidence.iter().find(|ev| ev.text == "two").unwrap();
    assert_eq!((ev.article.as_str(), ev.sentence, ev.span, ev.date.as_deref(), ev.trigger.as_str()), ("a1", 4, [400, 403], Some("2018-06-13"), "قصف"));
}

#[test]
fn evidence_is_deduplicated() {
    let lex = sample_lexicon();
    let c = claim(&lex, "a1", Some("2018-06-13"), 0, "usa", "attacked", "isis", A, "one");
    let mut other_span = c.clone();
    other_span.span = [7, 9];
    let g = merge(&lex, vec![c.clone(), c.clone(), other_span, c], &no_part_of());
    assert_eq!(edge(&g, "usa", "attacked", "isis", A).claims(), 2);
}

#[test]
fn nodes_carry_lexicon_labels_kind_and_parent() {
    let lex = sample_lexicon();
    let g = merge(&lex, vec![claim(&lex, "a", None, 0, "quds_force", "deployed_to", "albukamal", A, "x")], &no_part_of());
    let n = &g.graph[g.node("quds_force").unwrap()];
    assert_eq!((n.label.as_str(), n.label_ar.as_str(), n.kind.as_str(), n.parent.as_deref()), ("Quds Force", "فيلق القدس", "armed_group", Some("irgc")));
    assert_eq!(g.node_count(), 2);
}

#[test]
fn part_of_adds_ancestors_and_structure_edges() {
    let lex = sample_lexicon();
    let g = merge(&lex, vec![claim(&lex, "a", None, 0, "qasem_soleimani", "visited", "damascus", A, "x")], &MergeOptions { part_of: true });
    let ids: Vec<&str> = g.sorted_nodes().into_iter().map(|n| g.graph[n].id.as_str()).collect();
    assert_eq!(ids, ["damascus", "iran", "irgc", "qasem_soleimani", "quds_force", "syria"]);
    for (c, p) in [("qasem_soleimani", "quds_force"), ("quds_force", "irgc"), ("irgc", "iran"), ("damascus", "syria")] {
        let e = edge(&g, c, PART_OF, p, A);
        assert_eq!(e.family, STRUCTURE);
        assert!(e.evidence.is_empty());
        assert_eq!(e.weight(), 1.0);
    }
    assert_eq!(g.edge_count(), 5);
    assert_eq!(g.relation_info(PART_OF).en, "part of");
}

#[test]
fn unknown_entities_and_relations_are_kept() {
    let lex = sample_lexicon();
    let mut c = claim(&lex, "a", Some("2020-01-01"), 0, "liwa_al_quds", "allied_with", "iran", A, "x");
    c.subject_chain = vec!["liwa_al_quds".into(), "iran_backed_militias".into(), "iran".into()];
    let g = merge(&lex, vec![c], &MergeOptions { part_of: true });
    let n = &g.graph[g.node("liwa_al_quds").unwrap()];
    assert_eq!((n.label.as_str(), n.kind.as_str(), n.parent.as_deref()), ("liwa_al_quds", "unknown", Some("iran_backed_militias")));
    assert!(g.node("iran_backed_militias").is_some());
    edge(&g, "liwa_al_quds", PART_OF, "iran_backed_militias", A);
    edge(&g, "iran_backed_militias", PART_OF, "iran", A);
    let e = edge(&g, "liwa_al_quds", "allied_with", "iran", A);
    assert_eq!(e.family, "unknown");
    assert_eq!(g.relation_info("allied_with").en, "allied with");
}

#[test]
fn empty_ids_are_rejected() {
    let lex = sample_lexicon();
    let mut m = actorgraph::graph::Merger::new(&lex, no_part_of());
    let mut c = claim(&lex, "a", None, 0, "usa", "attacked", "isis", A, "x");
    assert!(m.add(c.clone()));
    c.object = " ".into();
    assert!(!m.add(c));
    assert_eq!((m.claims(), m.rejected()), (1, 1));
    assert_eq!(m.finish().edge_count(), 1);
}

#[test]
fn control_characters_in_text_become_replacement_characters() {
    let lex = sample_lexicon();
    let g = merge(&lex, vec![claim(&lex, "a", None, 0, "usa", "attacked", "isis", A, "bell\u{7} nul\u{0} tab\t nl\n")], &no_part_of());
    assert_eq!(edge(&g, "usa", "attacked", "isis", A).evidence[0].text, "bell\u{FFFD} nul\u{FFFD} tab\t nl\n");
}

fn fingerprint(g: &KnowledgeGraph) -> String {
    let mut s = String::new();
    for n in g.graph.node_indices() {
        s.push_str(&format!("{:?}\n", g.graph[n]));
    }
    for e in g.graph.edge_indices() {
        s.push_str(&format!("{:?} {:?}\n", g.edge_key(e), g.graph[e]));
    }
    s
}

#[test]
fn merge_is_deterministic_whatever_the_order() {
    let lex = sample_lexicon();
    let claims: Vec<Claim> = synthetic_claims(&lex, 3000, 7).collect();
    let a = merge(&lex, claims.clone(), &MergeOptions::default());
    let mut rev = claims.clone();
    rev.reverse();
    let b = merge(&lex, rev, &MergeOptions::default());
    assert_eq!(fingerprint(&a), fingerprint(&b));
    // and in sorted order already: canonical changes nothing
    assert_eq!(fingerprint(&a), fingerprint(&a.canonical()));
    // every edge's evidence is sorted
    for e in a.graph.edge_weights() {
        assert!(e.evidence.windows(2).all(|w| w[0] < w[1]));
    }
    let total: usize = a.graph.edge_weights().map(|e| e.claims()).sum();
    assert_eq!(total, 3000);
}
