//! Names to nodes: ids, labels, Arabic aliases folded, roll-up to an
//! ancestor, "did you mean".

#[path = "fixtures/query/small.rs"]
mod small;

use actorgraph::lexicon::Lexicon;
use actorgraph::query::{ResolveError, Resolver};
use std::path::Path;

fn lexicon() -> Lexicon {
    Lexicon::from_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/query/lexicon"))).expect("the fixture lexicon loads")
}

fn id(r: &Resolver, name: &str) -> String {
    match r.resolve(name) {
        Ok(res) => r.id(res.node).to_string(),
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn ids_and_labels_without_a_lexicon() {
    let kg = small::graph();
    let r = Resolver::new(&kg, None);
    assert_eq!(id(&r, "hezbollah"), "hezbollah");
    assert_eq!(id(&r, "Hezbollah"), "hezbollah");
    assert_eq!(id(&r, " quds force "), "quds_force");
    assert_eq!(id(&r, "Quds-Force"), "quds_force");
    assert_eq!(id(&r, "United States"), "usa");
    // Arabic labels, folded: diacritics, tatweel, hamza, taa marbuta
    assert_eq!(id(&r, "حزب اللّه"), "hezbollah");
    assert_eq!(id(&r, "حـزب الله"), "hezbollah");
    assert_eq!(id(&r, "ايران"), "iran");
    assert_eq!(id(&r, "سوريه"), "syria");
    // the article is optional on a label that has one
    assert_eq!(id(&r, "حرس الثوري"), "irgc");
}

#[test]
fn lexicon_aliases_and_nisba() {
    let kg = small::graph();
    let lex = lexicon();
    let r = Resolver::new(&kg, Some(&lex));
    assert_eq!(id(&r, "قسد"), "sdf");
    assert_eq!(id(&r, "Syrian Democratic Forces"), "sdf");
    assert_eq!(id(&r, "تنظيم الدولة"), "isis");
    assert_eq!(id(&r, "الروس"), "russia");
    assert_eq!(id(&r, "واشنطن"), "usa");
    assert_eq!(id(&r, "الإيرانيين"), "iran");
    assert_eq!(id(&r, "الأمريكية"), "usa");
    assert_eq!(id(&r, "الحرس الثوري الإيراني"), "irgc");
}

#[test]
fn entities_outside_the_graph_go_to_their_ancestor() {
    let kg = small::graph();
    let lex = lexicon();
    let r = Resolver::new(&kg, Some(&lex));
    let res = r.resolve("سليماني").unwrap();
    assert_eq!(r.id(res.node), "quds_force");
    assert_eq!(res.rolled_up_from.as_deref(), Some("qasem_soleimani"));
    let res = r.resolve("qasem_soleimani").unwrap();
    assert_eq!(r.id(res.node), "quds_force");
    // a node of its own is not rolled up
    assert_eq!(r.resolve("quds_force").unwrap().rolled_up_from, None);
    match r.resolve("الحشد الشعبي") {
        Err(ResolveError::NotInGraph { id, .. }) => assert_eq!(id, "pmf"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_names_suggest_the_closest() {
    let kg = small::graph();
    let lex = lexicon();
    let r = Resolver::new(&kg, Some(&lex));
    for (typo, want) in [("hezbolah", "hezbollah"), ("Hizbollah", "hezbollah"), ("sdff", "sdf"), ("quds", "quds_force"), ("حزب اللة", "hezbollah"), ("روسيه", "russia")] {
        match r.resolve(typo) {
            Err(e @ ResolveError::Unknown { .. }) => {
                let ResolveError::Unknown { suggestions, .. } = &e else { unreachable!() };
                assert_eq!(suggestions.first().map(|k| k.id.as_str()), Some(want), "{typo}: {e}");
                assert!(e.to_string().contains("did you mean"), "{e}");
            }
            Ok(res) => assert_eq!(r.id(res.node), want, "{typo} resolved directly"),
            Err(e) => panic!("{typo}: {e}"),
        }
    }
    let e = r.resolve("hezbolah").unwrap_err().to_string();
    assert!(e.contains("hezbollah (Hezbollah, حزب الله)"), "{e}");
}

#[test]
fn the_same_label_on_two_nodes_is_ambiguous() {
    let mut kg = small::graph();
    small::node(&mut kg, "kataib_hezbollah", "Hezbollah Brigades", "كتائب حزب الله", "armed_group", None);
    small::node(&mut kg, "kh", "Hezbollah Brigades", "", "armed_group", None);
    let r = Resolver::new(&kg, None);
    match r.resolve("hezbollah brigades") {
        Err(e @ ResolveError::Ambiguous { .. }) => {
            assert!(e.to_string().contains("kataib_hezbollah (Hezbollah Brigades, كتائب حزب الله), kh (Hezbollah Brigades); use an id"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    // an id is never ambiguous, and an id beats a label
    assert_eq!(id(&r, "kh"), "kh");
    assert_eq!(id(&r, "hezbollah"), "hezbollah");
}

#[test]
fn after_a_roll_up_folded_names_find_their_ancestor() {
    use actorgraph::graph::{view, Level, ViewOptions};
    let kg = small::graph();
    let state = view(&kg, None, &ViewOptions { level: Level::State, include_negated: true, ..Default::default() });
    assert!(state.node("quds_force").is_none());
    let mut r = Resolver::new(&state, None);
    assert!(r.resolve("Quds Force").is_err());
    r.add_rolled_up(&kg);
    for name in ["Quds Force", "quds_force", "فيلق القدس", "الحرس الثوري", "حرس الثوري"] {
        let res = r.resolve(name).unwrap();
        assert_eq!(r.id(res.node), "iran", "{name}");
        assert!(res.rolled_up_from.is_some(), "{name}");
    }
    // what the roll-up kept is itself
    assert_eq!(r.resolve("hezbollah").unwrap().rolled_up_from, None);
}

#[test]
fn lexicon_entities_without_claims_are_suggested_as_such() {
    let kg = small::graph();
    let lex = lexicon();
    let r = Resolver::new(&kg, Some(&lex));
    let e = r.resolve("Popular Mobilisation Forces").unwrap_err();
    match &e {
        ResolveError::Unknown { suggestions, .. } => {
            assert_eq!(suggestions[0].id, "pmf");
            assert!(!suggestions[0].in_graph);
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("pmf (Popular Mobilization Forces, الحشد الشعبي) [in the lexicon, no claims in this graph]"), "{e}");
}
