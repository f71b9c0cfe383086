//! `explain` shows the sentence structure claims were read from: chunks
//! (with their head, preposition and clause), clause boundaries, and the
//! source of each argument slot.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn explain(text: &str) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(["explain", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn frame<'a>(s: &'a Value, pattern: &str) -> &'a Value {
    s["frames"].as_array().unwrap().iter().find(|f| f["pattern"] == pattern).unwrap_or_else(|| panic!("no frame {pattern} in {s}"))
}

#[test]
fn chunks_have_spans_heads_and_prepositions() {
    let text = "شنت إسرائيل غارات على مواقع تابعة لحزب الله في القصير.";
    let s = &explain(text)[0];
    let chunks = s["chunks"].as_array().unwrap();
    let hz = chunks.iter().find(|c| c["members"][0] == "hezbollah").unwrap();
    let span = (hz["span"][0].as_u64().unwrap() as usize, hz["span"][1].as_u64().unwrap() as usize);
    assert_eq!(&text[span.0..span.1], hz["text"].as_str().unwrap());
    assert_eq!(hz["prep"], "ل");
    let qusayr = chunks.iter().find(|c| c["members"][0] == "qusayr").unwrap();
    assert_eq!(qusayr["prep"], "في");
    // the light verb's subject is the noun cue's agent, and explain says so;
    // the light verb's own frame gives way to the noun's
    assert!(frame(s, "attacked.noun")["agent_source"].as_str().unwrap().contains("light verb"));
    let verb = s["rejected"].as_array().unwrap().iter().find(|f| f["pattern"] == "attacked.verb").unwrap();
    assert_eq!(verb["reason"], "light_verb");
    assert!(verb["agent_source"].as_str().unwrap().contains("VSO"));
}

#[test]
fn argument_sources_follow_word_order() {
    // SVO, and a second sentence VSO, with the same verb
    let s = &explain("قالت وكالة الأنباء إن روسيا هاجمت مواقع لهيئة تحرير الشام في إدلب.")[0];
    assert!(frame(s, "attacked.verb")["agent_source"].as_str().unwrap().contains("SVO"), "{s}");
    assert!(frame(s, "attacked.verb")["patient_source"].as_str().unwrap().contains("after the verb"), "{s}");
    let s = &explain("هاجمت روسيا مواقع لهيئة تحرير الشام في إدلب.")[0];
    assert!(frame(s, "attacked.verb")["agent_source"].as_str().unwrap().contains("VSO"), "{s}");
}

#[test]
fn clause_boundaries_are_shown() {
    let text = "انسحبت القوات الإيرانية من البوكمال، بينما هاجم تنظيم داعش مواقع النظام في دير الزور.";
    let s = &explain(text)[0];
    let clauses = s["clauses"].as_array().unwrap();
    assert_eq!(clauses.len(), 2, "{s}");
    assert!(clauses[1]["text"].as_str().unwrap().starts_with("بينما"));
    // chunks carry their clause
    let isis = s["chunks"].as_array().unwrap().iter().find(|c| c["members"][0] == "isis").unwrap();
    assert_eq!(isis["clause"], 1);
}
