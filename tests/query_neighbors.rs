//! Neighbour rings on the small graph.

#[path = "fixtures/query/small.rs"]
mod small;

use actorgraph::query::{neighbors_report, Adjacency, EdgeFilter, NeighborsReport};

fn rings(kg: &actorgraph::graph::KnowledgeGraph, f: &EdgeFilter, id: &str, hops: usize) -> NeighborsReport {
    let adj = Adjacency::build(kg, f);
    neighbors_report(kg, &adj, f, kg.node(id).unwrap(), hops, None)
}

fn ids(r: &NeighborsReport, ring: usize) -> Vec<&str> {
    r.rings[ring].nodes.iter().map(|n| n.node.id.as_str()).collect()
}

#[test]
fn first_ring_with_relations_directions_and_counts() {
    let kg = small::graph();
    let r = rings(&kg, &EdgeFilter::default(), "syria", 1);
    assert_eq!(r.rings.len(), 1);
    // iran: 3 articles; hezbollah, isis: 2 (hezbollah has fewer claims? equal: by id); russia: 1
    assert_eq!(ids(&r, 0), ["iran", "hezbollah", "isis", "russia"]);
    let iran = &r.rings[0].nodes[0];
    assert_eq!((iran.articles, iran.claims), (3, 4));
    let l = &iran.links[0];
    assert_eq!((l.from.as_str(), l.to.as_str()), ("syria", "iran"));
    assert_eq!((l.relations[0].relation.as_str(), l.relations[0].direction), ("supported", "backward"));
    let isis = r.rings[0].nodes.iter().find(|n| n.node.id == "isis").unwrap();
    assert_eq!(isis.links[0].relations[0].direction, "forward");
    let text = r.to_text(&kg);
    assert!(text.contains("Syria ←supported— Iran   (3 articles, 4 claims)"), "{text}");
    assert!(text.contains("Syria —attacked→ ISIS"), "{text}");
    assert!(text.contains("Syria —cooperated_with— Russia"), "{text}");
}

#[test]
fn rings_are_bfs_layers_linked_to_the_previous_ring() {
    let kg = small::graph();
    let r = rings(&kg, &EdgeFilter::default(), "quds_force", 3);
    assert_eq!(ids(&r, 0), ["hezbollah"]);
    assert_eq!(ids(&r, 1), ["syria", "israel"]);
    assert_eq!(ids(&r, 2), ["iran", "isis", "russia"]);
    let russia = r.rings[2].nodes.iter().find(|n| n.node.id == "russia").unwrap();
    // linked to syria only (iran is in the same ring)
    assert_eq!(russia.links.iter().map(|l| l.from.as_str()).collect::<Vec<_>>(), ["syria"]);
    // part_of on request: irgc is a first-ring neighbour
    let with = EdgeFilter { include_part_of: true, ..Default::default() };
    let r = rings(&kg, &with, "quds_force", 1);
    assert!(ids(&r, 0).contains(&"irgc"));
}

#[test]
fn directed_rings_go_outwards() {
    let kg = small::graph();
    let f = EdgeFilter { directed: true, ..Default::default() };
    let r = rings(&kg, &f, "usa", 3);
    assert_eq!(ids(&r, 0), ["sdf"]);
    assert_eq!(ids(&r, 1), ["isis"]);
    assert_eq!(r.rings.len(), 2, "nothing leaves isis");
    let hostile = EdgeFilter { families: vec!["hostile".into()], ..Default::default() };
    let r = rings(&kg, &hostile, "syria", 1);
    assert_eq!(ids(&r, 0), ["isis"]);
}

#[test]
fn limit_per_ring_keeps_the_count() {
    let kg = small::graph();
    let f = EdgeFilter::default();
    let adj = Adjacency::build(&kg, &f);
    let r = neighbors_report(&kg, &adj, &f, kg.node("syria").unwrap(), 1, Some(2));
    assert_eq!((r.rings[0].count, r.rings[0].nodes.len()), (4, 2));
    assert!(r.to_text(&kg).contains("ring 1: 4 entities, 2 shown"));
}
