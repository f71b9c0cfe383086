//! Path queries on a small hand-made graph whose answers are known.

#[path = "fixtures/query/small.rs"]
mod small;

use actorgraph::extract::Polarity;
use actorgraph::graph::KnowledgeGraph;
use actorgraph::query::{find_paths, paths_report, Adjacency, EdgeFilter, PathQuery, PathsReport};

fn q(kg: &KnowledgeGraph, from: &str, to: &str) -> PathQuery {
    PathQuery::new(kg.node(from).unwrap(), kg.node(to).unwrap())
}

fn report(kg: &KnowledgeGraph, f: &EdgeFilter, from: &str, to: &str, tweak: impl FnOnce(&mut PathQuery)) -> PathsReport {
    let adj = Adjacency::build(kg, f);
    let mut query = q(kg, from, to);
    tweak(&mut query);
    paths_report(kg, &adj, f, &query)
}

/// Node id chains of the paths, best first.
fn chains(r: &PathsReport) -> Vec<String> {
    r.paths.iter().map(|p| p.nodes.join(" ")).collect()
}

#[test]
fn shortest_path_undirected_with_directions_and_evidence() {
    let kg = small::graph();
    let r = report(&kg, &EdgeFilter::default(), "hezbollah", "sdf", |_| {});
    assert_eq!(chains(&r), ["hezbollah syria isis sdf"]);
    assert_eq!(r.total, 1);
    assert_eq!(r.shortest, Some(3));
    let p = &r.paths[0];
    let steps: Vec<(&str, &str, &str)> = p.steps.iter().map(|s| (s.main.relation.as_str(), s.main.direction, s.from.as_str())).collect();
    assert_eq!(steps, [("supported", "forward", "hezbollah"), ("attacked", "forward", "syria"), ("attacked", "backward", "isis")]);
    assert_eq!(p.support, 1); // sdf attacked isis: a3 only
    assert_eq!(p.articles, 5); // a1 a4 | a2 a5 | a3
    let text = r.to_text(&kg);
    assert!(text.contains("Hezbollah —supported→ Syria"), "{text}");
    assert!(text.contains("Syria —attacked→ ISIS"), "{text}");
    assert!(text.contains("ISIS ←attacked— SDF"), "{text}");
}

#[test]
fn strongest_evidence_is_from_the_article_saying_it_most() {
    let kg = small::graph();
    let r = report(&kg, &EdgeFilter::default(), "iran", "syria", |_| {});
    assert_eq!(chains(&r), ["iran syria"]);
    let s = &r.paths[0].steps[0];
    assert_eq!((s.main.articles, s.main.claims), (3, 4));
    let ev = s.evidence.as_ref().unwrap();
    assert_eq!(ev.article, "a2");
    assert_eq!(ev.date.as_deref(), Some("2018-03-01"));
    assert_eq!(ev.sentence, 1);
    assert_eq!(ev.text, "إيران تدعم النظام السوري");
    // the hop has no other admitted relation (the negated withdrawal is not in this graph)
    assert!(s.also.is_empty());
}

#[test]
fn shortest_paths_ranked_by_weakest_hop() {
    let kg = small::graph();
    let r = report(&kg, &EdgeFilter::default(), "iran", "isis", |_| {});
    // iran-syria (3 articles) syria-isis (2): weakest 2
    // iran-russia (1)        russia-isis (2): weakest 1
    assert_eq!(chains(&r), ["iran syria isis", "iran russia isis"]);
    assert_eq!(r.total, 2);
    assert_eq!(r.paths.iter().map(|p| p.support).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(r.paths[1].steps[0].main.direction, "symmetric");
    let text = r.to_text(&kg);
    assert!(text.contains("Iran —met_with— Russia"), "{text}");
}

#[test]
fn ties_are_broken_by_ids() {
    let mut kg = KnowledgeGraph::default();
    for id in ["a", "z", "m", "b", "c"] {
        small::node(&mut kg, id, &id.to_uppercase(), "", "state", None);
    }
    // a-z-c and a-m-c and a-b-c all with one article per hop
    for mid in ["z", "m", "b"] {
        small::aff(&mut kg, "a", "supported", mid, &["x"]);
        small::aff(&mut kg, mid, "supported", "c", &["x"]);
    }
    let r = report(&kg, &EdgeFilter::default(), "a", "c", |_| {});
    assert_eq!(chains(&r), ["a b c", "a m c", "a z c"]);
    // the same query again: the same bytes
    let again = report(&kg, &EdgeFilter::default(), "a", "c", |_| {});
    assert_eq!(serde_json::to_string(&r).unwrap(), serde_json::to_string(&again).unwrap());
    // more distinct articles along the path win over ids
    let mut kg2 = kg.clone();
    small::aff(&mut kg2, "z", "met_with", "c", &["y"]);
    let r = report(&kg2, &EdgeFilter::default(), "a", "c", |_| {});
    assert_eq!(chains(&r), ["a z c", "a b c", "a m c"]);
}

#[test]
fn directed_follows_edge_direction_but_symmetric_both_ways() {
    let kg = small::graph();
    let directed = EdgeFilter { directed: true, ..Default::default() };
    // hezbollah -> syria -> isis, but isis does not act on the sdf
    let r = report(&kg, &directed, "hezbollah", "sdf", |_| {});
    assert!(r.paths.is_empty());
    assert_eq!(r.shortest_beyond_bound, None);
    assert!(r.to_text(&kg).contains("none at any length"));
    // usa -> sdf -> isis
    let r = report(&kg, &directed, "usa", "isis", |_| {});
    assert_eq!(chains(&r), ["usa sdf isis"]);
    // reversed: nothing leaves isis
    assert!(report(&kg, &directed, "isis", "usa", |_| {}).paths.is_empty());
    // symmetric edges, stored russia -> syria and iran -> russia, walk both ways
    let r = report(&kg, &directed, "syria", "iran", |_| {});
    assert_eq!(chains(&r), ["syria russia iran"]);
    assert!(r.paths[0].steps.iter().all(|s| s.main.direction == "symmetric"));
    // directed: iran -> isis through syria, and through russia (symmetric then attacked)
    let r = report(&kg, &directed, "iran", "isis", |_| {});
    assert_eq!(chains(&r), ["iran syria isis", "iran russia isis"]);
}

#[test]
fn relation_and_family_filters() {
    let kg = small::graph();
    let hostile = EdgeFilter { families: vec!["hostile".into()], ..Default::default() };
    let r = report(&kg, &hostile, "hezbollah", "sdf", |_| {});
    assert!(r.paths.is_empty(), "{:?}", chains(&r));
    let r = report(&kg, &hostile, "syria", "turkey", |_| {});
    assert_eq!(chains(&r), ["syria isis sdf turkey"]);
    assert!(r.paths[0].steps.iter().all(|s| s.main.relation == "attacked"));

    let rel = EdgeFilter { relations: vec!["supported".into(), "attacked".into()], ..Default::default() };
    let r = report(&kg, &rel, "iran", "isis", |_| {});
    assert_eq!(chains(&r), ["iran syria isis"]);

    let coop = EdgeFilter { families: vec!["cooperative".into()], ..Default::default() };
    let r = report(&kg, &coop, "iran", "hezbollah", |_| {});
    assert_eq!(chains(&r), ["iran syria hezbollah"]);
    assert!(r.filter.contains("cooperative"));
}

#[test]
fn negated_edges_only_on_request() {
    let kg = small::graph();
    let r = report(&kg, &EdgeFilter::default(), "usa", "isis", |_| {});
    assert_eq!(chains(&r), ["usa sdf isis"]);
    let with = EdgeFilter { include_negated: true, ..Default::default() };
    let r = report(&kg, &with, "usa", "isis", |_| {});
    assert_eq!(chains(&r), ["usa isis"]);
    let s = &r.paths[0].steps[0];
    assert_eq!((s.main.relation.as_str(), s.main.polarity), ("attacked", "negated"));
    assert_eq!(s.evidence.as_ref().unwrap().date, None);
    let text = r.to_text(&kg);
    assert!(text.contains("United States —attacked (negated)→ ISIS"), "{text}");
    assert!(text.contains("a15 (undated)"), "{text}");
    assert_eq!(Polarity::Negated.as_str(), "negated");
}

#[test]
fn part_of_only_on_request() {
    let kg = small::graph();
    let r = report(&kg, &EdgeFilter::default(), "quds_force", "iran", |_| {});
    assert_eq!(chains(&r), ["quds_force hezbollah syria iran"]);
    let with = EdgeFilter { include_part_of: true, ..Default::default() };
    let r = report(&kg, &with, "quds_force", "iran", |_| {});
    assert_eq!(chains(&r), ["quds_force irgc iran"]);
    assert_eq!(r.paths[0].steps[0].main.relation, "part_of");
    // a relation filter does not hide part_of once it is asked for
    let both = EdgeFilter { include_part_of: true, relations: vec!["attacked".into()], ..Default::default() };
    assert_eq!(chains(&report(&kg, &both, "quds_force", "iran", |_| {})), ["quds_force irgc iran"]);
}

#[test]
fn max_hops_and_no_path() {
    let kg = small::graph();
    let r = report(&kg, &EdgeFilter::default(), "hezbollah", "sdf", |q| q.max_hops = 2);
    assert!(r.paths.is_empty());
    assert_eq!(r.shortest_beyond_bound, Some(3));
    assert!(r.to_text(&kg).contains("the shortest path has 3 hops: raise --max-hops"), "{}", r.to_text(&kg));
    let r = report(&kg, &EdgeFilter::default(), "lonely", "iran", |_| {});
    assert!(r.paths.is_empty());
    assert_eq!(r.shortest_beyond_bound, None);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["paths"], serde_json::json!([]));
}

#[test]
fn all_simple_paths_within_the_bound() {
    let kg = small::graph();
    let f = EdgeFilter::default();
    let r = report(&kg, &f, "iran", "isis", |q| q.all = true);
    assert_eq!(r.mode, "all");
    // ranked: weakest hop, then articles, then hops, then ids
    assert_eq!(
        chains(&r),
        [
            "iran syria isis",         // 3,2          weakest 2, 4 articles
            "iran syria russia isis",  // 3,1,2        weakest 1, 6 articles (a1 a2 a3 | a1 | a13 a14)
            "iran russia syria isis",  // 1,1,2        weakest 1, 4 articles
            "iran russia isis",        // 1,2          weakest 1, 3 articles
        ]
    );
    assert_eq!(r.total, 4);
    let r2 = report(&kg, &f, "iran", "isis", |q| {
        q.all = true;
        q.max_hops = 2
    });
    assert_eq!(r2.total, 2);
    // limit cuts what is shown, not what is counted
    let r3 = report(&kg, &f, "iran", "isis", |q| {
        q.all = true;
        q.limit = 1
    });
    assert_eq!((r3.paths.len(), r3.total), (1, 4));
    assert!(r3.to_text(&kg).contains("4 paths within 4 hops"));
    // a cap on enumeration says so
    let r4 = report(&kg, &f, "iran", "isis", |q| {
        q.all = true;
        q.cap = 2
    });
    assert!(r4.truncated);
    assert_eq!(r4.paths.len(), 2);
}

#[test]
fn all_paths_agree_with_brute_force_on_random_graphs() {
    use actorgraph::query::search;
    // a small xorshift so the test needs nothing else
    let mut seed = 0x9E3779B97F4A7C15u64;
    let mut rnd = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    for round in 0..30 {
        let n = 9;
        let mut kg = KnowledgeGraph::default();
        for i in 0..n {
            small::node(&mut kg, &format!("n{i}"), "", "", "state", None);
        }
        for _ in 0..(12 + round % 8) {
            let (a, b) = (rnd(n), rnd(n));
            let rel = ["attacked", "met_with", "supported"][rnd(3) as usize];
            small::aff(&mut kg, &format!("n{a}"), rel, &format!("n{b}"), &["x"]);
        }
        for directed in [false, true] {
            let f = EdgeFilter { directed, ..Default::default() };
            let adj = Adjacency::build(&kg, &f);
            let (s, t) = (0u32, (n - 1) as u32);
            // brute force: every simple path by plain DFS over the graph
            let mut brute = Vec::new();
            let mut stack = vec![vec![s]];
            while let Some(p) = stack.pop() {
                let x = *p.last().unwrap();
                if x == t {
                    brute.push(p);
                    continue;
                }
                if p.len() > 5 {
                    continue;
                }
                for &y in adj.out(x) {
                    if !p.contains(&y) {
                        let mut q = p.clone();
                        q.push(y);
                        stack.push(q);
                    }
                }
            }
            let mut got = search::all_paths(&adj, s, t, 5, usize::MAX).paths;
            got.sort();
            brute.sort();
            assert_eq!(got, brute, "round {round} directed {directed}");
            // shortest = the shortest of all, every one of them
            let min = brute.iter().map(|p| p.len()).min();
            let mut sp = search::shortest_paths(&adj, s, t, 5, usize::MAX, None);
            sp.paths.sort();
            let expect: Vec<Vec<u32>> = brute.iter().filter(|p| Some(p.len()) == min).cloned().collect();
            assert_eq!(sp.paths, expect, "round {round} directed {directed}");
            assert_eq!(sp.total as usize, expect.len());
        }
    }
}

#[test]
fn find_paths_limits_and_keeps_the_best() {
    let kg = small::graph();
    let adj = Adjacency::build(&kg, &EdgeFilter::default());
    let mut query = q(&kg, "iran", "isis");
    query.limit = 1;
    let ans = find_paths(&kg, &adj, &query);
    assert_eq!(ans.paths.len(), 1);
    assert_eq!(ans.total, 2);
    let ids: Vec<&str> = ans.paths[0].nodes.iter().map(|&v| kg.graph[Adjacency::node(v)].id.as_str()).collect();
    assert_eq!(ids, ["iran", "syria", "isis"]);
}

#[test]
fn json_report_shape() {
    let kg = small::graph();
    let r = report(&kg, &EdgeFilter::default(), "hezbollah", "sdf", |_| {});
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["from"]["id"], "hezbollah");
    assert_eq!(v["to"]["label_ar"], "قوات سوريا الديمقراطية");
    assert_eq!(v["mode"], "shortest");
    assert_eq!(v["paths"][0]["nodes"], serde_json::json!(["hezbollah", "syria", "isis", "sdf"]));
    let st = &v["paths"][0]["steps"][2];
    assert_eq!(st["relation"], "attacked");
    assert_eq!(st["direction"], "backward");
    assert_eq!(st["polarity"], "affirmed");
    assert_eq!(st["evidence"]["article"], "a3");
}
