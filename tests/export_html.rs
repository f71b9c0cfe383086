//! The evidence browser (`NAME.html`) opened in a real browser: Debian's
//! chromium, driven by puppeteer-core (`tests/consumers/check_html.mjs`).
//! On the sample graph: no console error, no request but the page itself,
//! the node and edge counts of the GraphML, a click on a known edge shows
//! its sentence (on the drawing, and through the node's list of relations),
//! the search finds actors by Arabic aliases typed without hamza, and the
//! date filter shows what `build --since --until` builds. The page's fold
//! of a query is checked against Rust's. Article text full of `</script>`,
//! quotes and bidi controls is shown as text and injects nothing.
//!
//! A missing node, puppeteer-core or chromium skips the browser tests with a
//! notice, unless CI is set: then they fail. Setup (Debian):
//!   apt-get install -y chromium nodejs npm fonts-noto-core
//!   (cd tests/consumers && npm ci)
//!
//! `ACTORGRAPH_SCREENSHOTS=graphs cargo test --release --test export_html`
//! also writes the README's screenshots of the sample page there.

use actorgraph::export::read_graphml;
use actorgraph::extract::{Claim, Polarity};
use actorgraph::graph::KnowledgeGraph;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_actorgraph");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

mod common;
use common::missing;

fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// Whether the browser tests can run here (else skip, or fail in CI).
fn browser_ready() -> bool {
    let consumers = Path::new(ROOT).join("tests/consumers");
    if !Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success()) {
        return !missing("node", "apt-get install -y nodejs npm");
    }
    if !consumers.join("node_modules/puppeteer-core").exists() {
        return !missing("puppeteer-core (tests/consumers/node_modules)", "cd tests/consumers && npm ci");
    }
    if !Path::new(&chromium()).exists() {
        return !missing("chromium", "apt-get install -y chromium");
    }
    true
}

fn scratch(sub: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("export_html").join(sub);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[&str]) -> (usize, usize) {
    let out = Command::new(BIN).args(args).output().expect("run actorgraph");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "actorgraph {args:?} failed:\n{stderr}");
    let re = regex::Regex::new(r"(\d+) nodes, (\d+) edges").unwrap();
    let c = re.captures(&stderr).unwrap_or_else(|| panic!("no summary in:\n{stderr}"));
    (c[1].parse().unwrap(), c[2].parse().unwrap())
}

/// The JSON embedded in a page, parsed.
fn page_data(html: &str) -> Value {
    let start_tag = "<script type=\"application/json\" id=\"actorgraph-data\">";
    let i = html.find(start_tag).expect("the data tag") + start_tag.len();
    let j = i + html[i..].find("</script>").expect("the data tag is closed");
    serde_json::from_str(&html[i..j]).expect("the embedded data is JSON")
}

/// Run the browser script on a page; its report.
fn check(page: &Path, spec: Value) -> Value {
    let spec_path = page.with_extension("spec.json");
    std::fs::write(&spec_path, serde_json::to_string(&spec).unwrap()).unwrap();
    let script = Path::new(ROOT).join("tests/consumers/check_html.mjs");
    let out = Command::new("node").arg(&script).arg(page).arg(&spec_path).env("CHROMIUM", chromium()).output().unwrap();
    assert!(out.status.success(), "check_html.mjs failed:\n{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// Nothing but the page itself was requested; no error, no dialog.
fn assert_quiet(report: &Value, page: &Path) {
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    let requests: Vec<&str> = report["requests"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(requests, vec![url.as_str()], "the page requested something besides itself");
    let errors: Vec<&Value> = report["console"].as_array().unwrap().iter().filter(|m| m["type"] == "error" || m["type"] == "warn" || m["type"] == "warning").collect();
    assert!(errors.is_empty(), "console errors or warnings: {errors:?}");
    assert!(report["errors"].as_array().unwrap().is_empty(), "page errors: {}", report["errors"]);
    assert_eq!(report["dialogs"], 0, "a dialog opened");
}

fn sample() -> (PathBuf, KnowledgeGraph) {
    let dir = scratch("sample");
    let reported = run(&["build", &format!("{ROOT}/examples/articles"), "--out", dir.to_str().unwrap(), "--name", "syria", "--include-negated", "--no-svg"]);
    let g = read_graphml(&std::fs::read_to_string(dir.join("syria.graphml")).unwrap()).unwrap();
    assert_eq!((g.node_count(), g.edge_count()), reported);
    (dir, g)
}

#[test]
fn page_is_self_contained_and_holds_the_graph() {
    let (dir, g) = sample();
    let html = std::fs::read_to_string(dir.join("syria.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // one data block and one script, nothing fetched
    assert_eq!(html.matches("<script").count(), 2, "exactly the data and the viewer");
    for external in ["src=\"http", "href=\"http", "src=\"//", "@import", "url(http"] {
        assert!(!html.contains(external), "{external} in the page");
    }
    assert!(html.contains("default-src 'none'"), "a Content-Security-Policy forbids requests");
    let data = page_data(&html);
    assert_eq!(data["nodes"].as_array().unwrap().len(), g.node_count());
    assert_eq!(data["edges"].as_array().unwrap().len(), g.edge_count());
    let claims: usize = g.graph.edge_weights().map(|e| e.evidence.len()).sum();
    assert_eq!(data["claims"], claims);
    // every evidence sentence of the GraphML is in the page, as written
    let texts: std::collections::BTreeSet<&str> = data["edges"].as_array().unwrap().iter().flat_map(|e| e["ev"].as_array().unwrap().iter().map(|v| v["x"].as_str().unwrap())).collect();
    for e in g.graph.edge_weights() {
        for ev in &e.evidence {
            assert!(texts.contains(ev.text.as_str()), "missing: {}", ev.text);
        }
    }
    // claims made through a reference carry their antecedent
    assert!(data["edges"].as_array().unwrap().iter().any(|e| e["ev"].as_array().unwrap().iter().any(|v| v.get("sv").is_some() || v.get("ov").is_some())), "no «via» in the sample page");
    // positions are finite and distinct
    let mut seen = std::collections::BTreeSet::new();
    for n in data["nodes"].as_array().unwrap() {
        let (x, y) = (n["x"].as_f64().unwrap(), n["y"].as_f64().unwrap());
        assert!(x.is_finite() && y.is_finite());
        assert!(seen.insert(format!("{x},{y}")), "two nodes at {x},{y}");
    }
    // the same build gives the same bytes
    let again = scratch("sample-again");
    run(&["build", &format!("{ROOT}/examples/articles"), "--out", again.to_str().unwrap(), "--name", "syria", "--include-negated", "--no-svg"]);
    assert_eq!(std::fs::read(again.join("syria.html")).unwrap(), html.as_bytes());
}

#[test]
fn no_html_leaves_it_out() {
    let dir = scratch("no-html");
    run(&["build", &format!("{ROOT}/examples/articles"), "--out", dir.to_str().unwrap(), "--no-svg", "--no-html"]);
    assert!(!dir.join("graph.html").exists());
    assert!(dir.join("graph.graphml").exists());
    let help = Command::new(BIN).args(["build", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("NAME.html"));
    let help = Command::new(BIN).args(["merge", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("NAME.html"));
}

/// Strings the page's fold must treat exactly as Rust's.
const FOLD_CASES: &[&str] = &[
    "إيران",
    "  الإيرانيّة ",
    "سورية",
    "القـــوات",
    "حِزْبُ اللّٰه",
    "ﻹيران",
    "ﷲ",
    "٢٠١٨ و۲۰۱۸",
    "\u{200F}قسد\u{200E}",
    "«الجيش الحر»",
    "Quds-Force",
    "  Syrian\u{00A0}Democratic\tForces ",
    "a\u{0085}b",
    "Ａｂｃ",
    "مؤتمر رئيس مستشفى",
    "",
];

fn rust_fold(s: &str) -> (String, String) {
    let f = actorgraph::query::resolve::fold(s);
    (f, actorgraph::query::resolve::id_form(s))
}

#[test]
fn sample_page_in_chromium() {
    if !browser_ready() {
        return;
    }
    let (dir, g) = sample();
    let page = dir.join("syria.html");
    // the known edge: «اتفاق بين النظام ومليشيا "قسد"»
    let edge = g.find_edge("sdf", "syria", "agreed_with", Polarity::Affirmed).or_else(|| g.find_edge("syria", "sdf", "agreed_with", Polarity::Affirmed)).expect("the sample graph has syria agreed_with sdf");
    let (s, t) = g.graph.edge_endpoints(edge).unwrap();
    let key = format!("{}|agreed_with|{}|affirmed", g.graph[s].id, g.graph[t].id);
    let sentence = g.graph[edge].evidence[0].text.clone();
    let shots = std::env::var_os("ACTORGRAPH_SCREENSHOTS").map(PathBuf::from);
    let mut spec = json!({
        "edge": {"key": key, "node": "sdf"},
        "search": ["اسرائيل", "الحرس الثوري الايراني", "قسد", "quds force"],
        "dates": {"from": "2018-06-13", "to": "2018-12-31"},
        "fold": FOLD_CASES,
    });
    if let Some(d) = &shots {
        std::fs::create_dir_all(d).unwrap();
        let p = |n: &str| d.join(n).to_string_lossy().into_owned();
        spec["screenshots"] = json!({"page": p("syria-html.png"), "arabic": p("syria-html-arabic.png")});
        // the evidence of an edge with several claims, for the README
        let r = check(&page, json!({"edge": {"key": "iran|withdrew_from|syria|affirmed"}, "screenshots": {"evidence": p("syria-html-evidence.png")}}));
        assert_eq!(r["edge_click"]["key"], "iran|withdrew_from|syria|affirmed");
    }
    let r = check(&page, spec);
    assert_quiet(&r, &page);

    // counts shown are the GraphML's
    let c = &r["counts"];
    assert_eq!((c["nodes"].as_u64().unwrap() as usize, c["edges"].as_u64().unwrap() as usize), (g.node_count(), g.edge_count()), "counts shown: {c}");
    assert_eq!((c["drawn_nodes"].as_u64().unwrap() as usize, c["drawn_edges"].as_u64().unwrap() as usize), (g.node_count(), g.edge_count()), "elements drawn: {c}");

    // a click on the drawn edge shows its sentence, trigger and ends marked
    let e = &r["edge_click"];
    assert_eq!(e["key"], key.as_str(), "the click on the edge at {} opened another: {e}", r["edge_click_point"]);
    assert!(e["sentences"].as_array().unwrap().iter().any(|s| s == sentence.as_str()), "the sentence is shown as written: {e}");
    let marks: Vec<(String, String)> = e["marks"].as_array().unwrap().iter().map(|m| (m[0].as_str().unwrap().to_string(), m[1].as_str().unwrap().to_string())).collect();
    assert!(marks.iter().any(|(c, t)| c == "m-trigger" && t == &g.graph[edge].evidence[0].trigger), "trigger marked: {marks:?}");
    assert!(marks.iter().any(|(c, t)| c.starts_with("m-") && t.contains("قسد")), "sdf marked: {marks:?}");
    assert!(marks.iter().any(|(c, t)| c.starts_with("m-") && t.contains("النظام")) || marks.len() >= 2, "syria marked: {marks:?}");
    // and through the node's list of relations
    assert_eq!(r["node_panel_has_edge"], true, "{r}");
    assert_eq!(r["edge_via_node_panel"]["key"], key.as_str());

    // search: Arabic aliases without hamza, an abbreviation, English
    let picked: Vec<(&str, &str)> = r["search"].as_array().unwrap().iter().map(|s| (s["query"].as_str().unwrap(), s["picked"].as_str().unwrap_or(""))).collect();
    assert_eq!(picked, vec![("اسرائيل", "israel"), ("الحرس الثوري الايراني", "irgc"), ("قسد", "sdf"), ("quds force", "quds_force")], "{}", r["search"]);

    // the date filter shows what build --since --until builds
    let since = scratch("since");
    let want = run(&["build", &format!("{ROOT}/examples/articles"), "--out", since.to_str().unwrap(), "--include-negated", "--no-svg", "--no-html", "--since", "2018-06-13", "--until", "2018-12-31"]);
    let d = &r["dates"];
    assert_eq!((d["nodes"].as_u64().unwrap() as usize, d["edges"].as_u64().unwrap() as usize), want, "between two dates: {d}");
    assert_eq!((d["drawn_nodes"].as_u64().unwrap() as usize, d["drawn_edges"].as_u64().unwrap() as usize), want, "drawn between two dates: {d}");
    assert_eq!(d["drawn_outside"], 0, "an edge without a claim in the range is still drawn: {d}");
    assert!(want.1 < g.edge_count(), "the range hides something");
    assert_eq!(r["after_reset"]["edges"].as_u64().unwrap() as usize, g.edge_count());

    // the page folds a query as the CLI does
    let fold = r["fold"].as_array().unwrap();
    for (s, f) in FOLD_CASES.iter().zip(fold) {
        let (want_f, want_id) = rust_fold(s);
        assert_eq!((f[0].as_str().unwrap(), f[1].as_str().unwrap()), (want_f.as_str(), want_id.as_str()), "fold of {s:?}");
    }
}

/// Text that tries to break out of the page.
const HOSTILE: &str = "قال \"مصدر\" 'آخر' </script><script>alert(1)</script> <!-- <img src=x onerror=alert(2)> & \u{202E}مقلوب\u{202C} \u{2066}عزل\u{2069} \u{2028}سطر\u{2029} ]]> إيران";

fn hostile_claims() -> Vec<Claim> {
    let c = common::claim;
    vec![
        c("</script><b>a1", "iran", "attacked", "isis", Polarity::Affirmed, HOSTILE, Some("2018-06-13"), "</script>"),
        c("a2", "russia", "met_with", "iran", Polarity::Negated, HOSTILE, None, "قال"),
        c("a3\u{202E}", "جيش \"مجهول\" </script>", "supported", "iran", Polarity::Affirmed, "دعم \u{202E}x</script>", Some("2020-02-29"), "دعم"),
    ]
}

#[test]
fn hostile_text_is_shown_as_text() {
    let dir = scratch("hostile");
    let claims = dir.join("claims.jsonl");
    let lines: Vec<String> = hostile_claims().iter().map(|c| serde_json::to_string(c).unwrap()).collect();
    std::fs::write(&claims, lines.join("\n") + "\n").unwrap();
    let reported = run(&["merge", claims.to_str().unwrap(), "--out", dir.to_str().unwrap(), "--name", "hostile", "--include-negated", "--no-svg", "--labels", "both", "--title", "</title><script>alert(3)</script>"]);
    let html = std::fs::read_to_string(dir.join("hostile.html")).unwrap();
    // the page's own two scripts, nothing more; the title escaped
    assert_eq!(html.matches("<script").count(), 2);
    assert_eq!(html.to_ascii_lowercase().matches("</script").count(), 2);
    assert!(html.contains("&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;"));
    let data = page_data(&html);
    assert_eq!(data["edges"].as_array().unwrap().len(), reported.1);
    let texts: Vec<&str> = data["edges"].as_array().unwrap().iter().flat_map(|e| e["ev"].as_array().unwrap().iter().map(|v| v["x"].as_str().unwrap())).collect();
    assert!(texts.contains(&HOSTILE), "the text survives the JSON escaping");
    assert!(data["articles"].as_array().unwrap().iter().any(|a| a == "</script><b>a1"));
    if !browser_ready() {
        return;
    }
    let page = dir.join("hostile.html");
    let r = check(&page, json!({"text": "</script><script>alert(1)</script>"}));
    assert_quiet(&r, &page);
    assert_eq!((r["counts"]["nodes"].as_u64().unwrap() as usize, r["counts"]["edges"].as_u64().unwrap() as usize), reported);
    let found = r["text"]["found"].as_array().unwrap();
    assert_eq!(found.len(), 2, "{r}");
    for f in found {
        assert_eq!(f["shown"], true, "the sentence is shown, as text: {f}");
        assert_eq!(f["markup_inside"], false, "no element but the marks inside a sentence: {f}");
    }
    assert_eq!(r["text"]["scripts"], 2, "no script element was added");
    assert_eq!(r["text"]["alerts"], 0);
}
