//! `actorgraph explain --format json` on sentences written for the test,
//! with the small lexicon of `tests/fixtures/curate/lexicon/`: every span
//! slices the original text back to what was marked, with the alias, the
//! proclitic and the normalisations that made it match; cues that give no
//! claim come with their reason.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn lexicon() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/curate/lexicon")
}

/// Write `text` as an article and run `explain` on it with `args`.
fn explain(text: &str, args: &[&str]) -> (String, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.txt");
    std::fs::write(&path, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .arg("--lexicons")
        .arg(lexicon())
        .arg("explain")
        .arg(&path)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "explain failed: {}", String::from_utf8_lossy(&out.stderr));
    (text.to_string(), out)
}

/// One JSON record per sentence.
fn records(text: &str) -> (String, Vec<Value>) {
    let (text, out) = explain(text, &["--format", "json", "--all"]);
    let recs = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect();
    (text, recs)
}

fn slice<'a>(text: &'a str, span: &Value) -> &'a str {
    let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
    &text[a..b]
}

fn mention<'a>(rec: &'a Value, entity: &str) -> &'a Value {
    rec["mentions"].as_array().unwrap().iter().find(|m| m["entity"] == entity).unwrap_or_else(|| panic!("no mention of {entity} in {rec}"))
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect()
}

#[test]
fn proclitic_is_marked_and_the_span_covers_it() {
    let (text, recs) = records("وأعلنت إيران دعمها لحزب الله في سورية.\nالتقى وفد من قسد بالحرس الثوري الإيراني في دمشق.\n");
    assert_eq!(recs.len(), 2);
    let h = mention(&recs[0], "hezbollah");
    assert_eq!(h["text"], "لحزب الله");
    assert_eq!(slice(&text, &h["span"]), "لحزب الله");
    assert_eq!(h["alias"], "حزب الله");
    assert_eq!(h["proclitic"], "ل");
    // a chain of proclitics (ب + ال) and the longest alias
    let g = mention(&recs[1], "irgc");
    assert_eq!(slice(&text, &g["span"]), "بالحرس الثوري الإيراني");
    assert_eq!(g["alias"], "الحرس الثوري الإيراني");
    assert_eq!(g["proclitic"], "بال");
    // the cue carries a pronoun suffix and still names its relation
    let cue = &recs[0]["cues"][0];
    assert_eq!(cue["relation"], "supported");
    assert_eq!(slice(&text, &cue["span"]), "دعمها");
    let claims: Vec<(&str, &str, &str)> = recs[0]["claims"].as_array().unwrap().iter().map(|c| (c["subject"].as_str().unwrap(), c["relation"].as_str().unwrap(), c["object"].as_str().unwrap())).collect();
    assert!(claims.contains(&("iran", "supported", "hezbollah")), "{claims:?}");
}

#[test]
fn normalisation_is_named_and_the_original_is_quoted() {
    let (text, recs) = records("قصفت الطائرات الروسيـة مواقع داعش في سوريّة.\n");
    let r = &recs[0];
    // shadda inside the name, taa marbuta at its end: sliced as written
    let s = mention(r, "syria");
    assert_eq!(slice(&text, &s["span"]), "سوريّة");
    assert_eq!(s["alias"], "سورية");
    assert_eq!(s["normalised"], true);
    assert_eq!(strs(&s["foldings"]), vec!["taa_marbuta", "diacritics"]);
    // a nisba stretched with tatweel
    let ru = mention(r, "russia");
    assert_eq!(slice(&text, &ru["span"]), "الروسيـة");
    assert_eq!(ru["alias"], "روسي");
    assert!(strs(&ru["foldings"]).contains(&"tatweel"));
    // a name written as in the lexicon needs no normalisation
    let d = mention(r, "isis");
    assert_eq!(d["normalised"], false);
    assert!(strs(&d["foldings"]).is_empty());
    // hamza on the alef
    let (_, recs) = records("وأعلنت إيران دعمها لحزب الله.\n");
    assert_eq!(strs(&mention(&recs[0], "iran")["foldings"]), vec!["hamza"]);
}

#[test]
fn rejected_cues_come_with_their_reason() {
    let (text, recs) = records("هاجمت مجموعة مسلحة مدينة تدمر.\nانسحب مقاتلو حزب الله من داعش.\n");
    // no actor stands in the subject slot
    let r = &recs[0];
    assert!(r["claims"].as_array().unwrap().is_empty());
    let rej = &r["rejected"][0];
    assert_eq!(rej["reason"], "no_agent");
    assert_eq!(rej["pattern"], "attacked.verb");
    assert_eq!(slice(&text, &rej["span"]), "هاجمت");
    assert_eq!(strs(&rej["patients"]), vec!["palmyra"]);
    assert!(rej["why"].as_str().unwrap().contains("no subject"));
    // one withdraws from a place, not from an armed group
    let rej = &recs[1]["rejected"][0];
    assert_eq!(rej["reason"], "wrong_object_kind");
    assert_eq!(strs(&rej["agents"]), vec!["hezbollah"]);
}

#[test]
fn negated_cue_gives_a_negated_claim_and_names_its_negator() {
    let (_, recs) = records("ونفت إيران أنها أرسلت قوات إلى دمشق.\n");
    let c = &recs[0]["claims"][0];
    assert_eq!((c["subject"].as_str(), c["relation"].as_str(), c["object"].as_str()), (Some("iran"), Some("deployed_to"), Some("damascus")));
    assert_eq!(c["polarity"], "negated");
    assert_eq!(recs[0]["negation"][0]["role"], "denial");
}

#[test]
fn one_sentence_and_the_text_format() {
    let text = "وأعلنت إيران دعمها لحزب الله.\nهاجمت مجموعة مسلحة مدينة تدمر.\n";
    let (_, out) = explain(text, &["--sentence", "1", "--format", "json"]);
    let lines: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["sentence"], 1);
    let (_, out) = explain(text, &[]);
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.contains("«لحزب الله» alias حزب الله after proclitic ل"), "{shown}");
    assert!(shown.contains("(normalised: hamza)"), "{shown}");
    assert!(shown.contains("CLAIM   iran supported hezbollah"), "{shown}");
    assert!(shown.contains("no claim from «هاجمت» (attacked.verb): no subject found"), "{shown}");
}
