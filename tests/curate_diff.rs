//! `actorgraph lexicon diff OLD NEW PATH...`: the claims that appear or
//! disappear on a corpus when a curator edits the lexicon.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/curate").join(p)
}

/// A copy of the test lexicon, `edit` applied to its actors file, with
/// extra entity files.
fn edited(edit: impl Fn(String) -> String, extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = fixture("lexicon");
    std::fs::create_dir(dir.path().join("entities")).unwrap();
    for f in ["relations.ron", "grammar.ron", "entities/places.ron"] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
    }
    let actors = std::fs::read_to_string(src.join("entities/actors.ron")).unwrap();
    std::fs::write(dir.path().join("entities/actors.ron"), edit(actors)).unwrap();
    for (name, text) in extra {
        std::fs::write(dir.path().join("entities").join(name), text).unwrap();
    }
    dir
}

fn diff(old: &Path, new: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actorgraph")).args(["lexicon", "diff"]).arg(old).arg(new).arg(fixture("corpus")).args(args).output().unwrap()
}

fn changes(old: &Path, new: &Path) -> Vec<Value> {
    let out = diff(old, new, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn triple(c: &Value) -> (&str, &str, &str) {
    (c["subject"].as_str().unwrap(), c["relation"].as_str().unwrap(), c["object"].as_str().unwrap())
}

#[test]
fn an_added_alias_shows_the_claims_it_brings() {
    // تنظيم الدولة is another name of ISIS
    let new = edited(|t| t.replace(r#"aliases: ["داعش"]"#, r#"aliases: ["داعش", "تنظيم الدولة"]"#), &[]);
    let ch = changes(&fixture("lexicon"), new.path());
    assert!(!ch.is_empty());
    let added: Vec<&Value> = ch.iter().filter(|c| c["change"] == "added").collect();
    let c = added.iter().find(|c| triple(c) == ("russia", "attacked", "isis")).unwrap_or_else(|| panic!("{ch:?}"));
    assert_eq!(c["article"], "003_russia_mayadin");
    assert_eq!(c["sentence"], 3);
    assert_eq!(c["polarity"], "affirmed");
    assert_eq!(c["evidence"], "وقصف الطيران الروسي مواقع تنظيم الدولة قرب تدمر.");
    // nothing else in the corpus names ISIS that way
    assert!(ch.iter().all(|c| c["article"] == "003_russia_mayadin"), "{ch:?}");
}

#[test]
fn an_added_entity_gains_claims_and_takes_one_over() {
    let baqir = std::fs::read_to_string(fixture("baqir.ron")).unwrap();
    let new = edited(|t| t, &[("baqir.ron", &baqir)]);
    let ch = changes(&fixture("lexicon"), new.path());
    let added: Vec<(&str, &str, &str)> = ch.iter().filter(|c| c["change"] == "added").map(triple).collect();
    assert!(added.contains(&("liwa_baqir", "attacked", "isis")), "{added:?}");
    assert!(added.contains(&("sdf", "accused", "liwa_baqir")), "{added:?}");
    assert!(added.iter().all(|(s, _, o)| *s == "liwa_baqir" || *o == "liwa_baqir"), "{added:?}");
    // every change carries its evidence and the sentence it stands in
    for c in &ch {
        assert!(!c["evidence"].as_str().unwrap().is_empty());
        assert!(c["sentence"].is_u64());
    }
    // the reverse edit shows the same claims removed
    let back = changes(new.path(), &fixture("lexicon"));
    let flip = |c: &Value| if c["change"] == "added" { "removed" } else { "added" };
    let mut there: Vec<String> = ch.iter().map(|c| format!("{} {} {:?} {}", c["article"], c["sentence"], triple(c), flip(c))).collect();
    let mut back: Vec<String> = back.iter().map(|c| format!("{} {} {:?} {}", c["article"], c["sentence"], triple(c), c["change"].as_str().unwrap())).collect();
    there.sort();
    back.sort();
    assert_eq!(there, back);
}

#[test]
fn the_same_lexicon_changes_nothing_and_text_reads_as_a_diff() {
    let lex = fixture("lexicon");
    let out = diff(&lex, &lex, &[]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("5 article(s)") && text.contains("+0 only in NEW, -0 only in OLD"), "{text}");
    let new = edited(|t| t.replace(r#"aliases: ["داعش"]"#, r#"aliases: ["داعش", "تنظيم الدولة"]"#), &[]);
    let out = diff(&lex, new.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "a diff with changes still exits 0");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("── 003_russia_mayadin sentence 3"), "{text}");
    assert!(text.contains("   + russia attacked isis"), "{text}");
    assert!(text.contains("وقصف الطيران الروسي مواقع تنظيم الدولة قرب تدمر."), "{text}");
    assert!(text.contains("+1 only in NEW"), "{text}");
}

#[test]
fn a_missing_or_broken_lexicon_is_an_error() {
    let out = diff(Path::new("/nonexistent/lexicon"), &fixture("lexicon"), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a lexicon folder"));
    let broken = edited(|t| t.replace("kind: state", "kind: stat"), &[]);
    let out = diff(&fixture("lexicon"), broken.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
}
