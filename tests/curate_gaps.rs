//! `actorgraph gaps` on a small corpus written for the test
//! (`tests/fixtures/curate/corpus/`): the Baqir Brigade, removed from the
//! test lexicon, is found, ranked first, given examples from two articles
//! and a RON entry that, pasted into the lexicon, makes it known.

use actorgraph::lexicon::model::EntityDef;
use actorgraph::lexicon::EntityKind;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/curate").join(p)
}

fn gaps(lexicon: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .arg("--lexicons")
        .arg(lexicon)
        .arg("gaps")
        .arg(fixture("corpus"))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "gaps failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn gaps_json(lexicon: &Path) -> Vec<Value> {
    gaps(lexicon, &["--format", "json", "--top", "0"]).lines().map(|l| serde_json::from_str(l).expect("one JSON record per line")).collect()
}

/// A copy of the test lexicon with extra entity files.
fn lexicon_with(extra: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = fixture("lexicon");
    std::fs::create_dir(dir.path().join("entities")).unwrap();
    for f in ["relations.ron", "grammar.ron", "entities/actors.ron", "entities/places.ron"] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
    }
    for (name, text) in extra {
        std::fs::write(dir.path().join("entities").join(name), text).unwrap();
    }
    dir
}

fn check(lexicon: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_actorgraph")).args(["lexicon", "check"]).arg(lexicon).output().unwrap();
    assert!(out.status.success(), "lexicon check failed: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_removed_name_is_found_and_ranked_first() {
    // with the Baqir Brigade in the lexicon, gaps does not report it
    let full = lexicon_with(&[("baqir.ron", std::fs::read_to_string(fixture("baqir.ron")).unwrap())]);
    check(full.path());
    let known = gaps_json(full.path());
    assert!(known.iter().all(|g| !g["name"].as_str().unwrap().contains("الباقر")), "{known:?}");
    // removed, it comes first
    let gaps = gaps_json(&fixture("lexicon"));
    let top = &gaps[0];
    assert_eq!(top["name"], "لواء الباقر");
    assert_eq!(top["rank"], 1);
    assert_eq!(top["articles"], 3);
    assert!(top["uses"].as_u64().unwrap() >= 6, "{top}");
    assert_eq!(top["kind"], "armed_group");
    assert!(top["slots"]["after لواء"].as_u64().unwrap() >= 6, "{top}");
    // the other unknown names rank below it, by articles
    let names: Vec<&str> = gaps.iter().map(|g| g["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"حركة النجباء"), "{names:?}");
    let khusham = gaps.iter().find(|g| g["name"] == "خشام").expect("the town after بلدة");
    assert_eq!(khusham["kind"], "place");
    assert_eq!(khusham["articles"], 2);
    // a name with no head noun, found in the subject slot of cues that
    // found no entity (زينبيون ينسحبون، انسحب زينبيون من البوكمال)
    let z = gaps.iter().find(|g| g["name"] == "زينبيون").expect("the name in the slots of cues");
    assert_eq!(z["articles"], 2);
    assert_eq!(z["kind"], "armed_group");
    assert!(z["slots"]["subject of withdrew_from"].as_u64().unwrap() >= 2, "{z}");
    let articles: Vec<u64> = gaps.iter().map(|g| g["articles"].as_u64().unwrap()).collect();
    assert!(articles.windows(2).all(|w| w[0] >= w[1]), "ranked by articles: {articles:?}");
    // known names and stop-words are not candidates
    for n in &names {
        assert!(!["داعش", "البوكمال", "الميادين", "المدعوم", "عناصر"].contains(n), "{n} reported");
    }
}

#[test]
fn two_examples_from_two_articles_quote_the_name_as_written() {
    let gaps = gaps_json(&fixture("lexicon"));
    let ex = gaps[0]["examples"].as_array().unwrap();
    assert_eq!(ex.len(), 2);
    assert_ne!(ex[0]["article"], ex[1]["article"]);
    for e in ex {
        let text = e["text"].as_str().unwrap();
        let (a, b) = (e["name_span"][0].as_u64().unwrap() as usize, e["name_span"][1].as_u64().unwrap() as usize);
        assert_eq!(&text[a..b], "لواء الباقر");
        // the sentence as in the article file
        let article = std::fs::read_to_string(fixture("corpus").join(format!("{}.txt", e["article"].as_str().unwrap()))).unwrap();
        assert!(article.contains(text));
    }
}

#[test]
fn the_suggested_entry_pastes_into_the_lexicon() {
    let gaps = gaps_json(&fixture("lexicon"));
    let ron = gaps[0]["ron"].as_str().unwrap();
    let def: EntityDef = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(ron.trim_end_matches(','))
        .unwrap_or_else(|e| panic!("{ron}: {e}"));
    assert_eq!(def.kind, EntityKind::ArmedGroup);
    assert_eq!(def.ar, "لواء الباقر");
    assert_eq!(def.aliases, vec!["لواء الباقر".to_string()]);
    assert!(def.id.starts_with("liwa_"), "{}", def.id);
    // pasted as is, the lexicon checks, and the name is no longer a gap
    let pasted = lexicon_with(&[("gaps.ron", format!("[\n    {ron}\n]\n"))]);
    check(pasted.path());
    let after = gaps_json(pasted.path());
    assert!(after.iter().all(|g| g["name"] != "لواء الباقر"));
    assert_eq!(after[0]["name"], gaps[1]["name"]);
}

#[test]
fn text_output_and_top() {
    let out = gaps(&fixture("lexicon"), &["--top", "2"]);
    assert!(out.starts_with("5 article(s)"), "{out}");
    assert!(out.contains("  1. لواء الباقر  (armed_group; 3 article(s)"), "{out}");
    assert!(out.contains("[لواء الباقر]"), "the name is marked in its example: {out}");
    assert!(out.contains("(id: \"liwa_"), "{out}");
    assert!(!out.contains("  3. "), "--top 2 shows two: {out}");
}
