//! `actorgraph extract` as a user runs it: exit codes (0 ok, 1 bad input,
//! 2 usage), help that teaches by example, bad files reported by name while
//! the rest still run, and `-o FILE` written whole or not at all.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn good_lexicon() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lexicons/good")
}

fn actorgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// `extract` with the test lexicon.
fn extract(extra: &[&str]) -> Output {
    let lex = good_lexicon();
    let mut args = vec!["--lexicons", lex.to_str().unwrap(), "extract"];
    args.extend_from_slice(extra);
    actorgraph(&args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn claims(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8(bytes.to_vec())
        .expect("claims are UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

const ATTACK: &str = "دمشق – نشر في 13-06-2018\nهاجم تنظيم داعش مواقع القوات الروسية في حلب.\n";

fn articles_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("attack.txt"), ATTACK).unwrap();
    d
}

#[test]
fn success_prints_claims_and_exits_0() {
    let d = articles_dir();
    let out = extract(&[d.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cs = claims(&out.stdout);
    assert!(!cs.is_empty(), "a claim from {ATTACK}");
    let c = &cs[0];
    for key in ["article", "sentence", "subject", "subject_chain", "relation", "object", "object_chain", "polarity", "evidence", "span", "trigger", "date"] {
        assert!(c.get(key).is_some(), "{key} missing in {c}");
    }
    assert_eq!(c["article"], "attack");
    assert_eq!(c["subject"], "isis");
    assert_eq!(c["relation"], "attacked");
    assert_eq!(c["object"], "russian_forces");
    assert_eq!(c["object_chain"], serde_json::json!(["russian_forces", "russia"]));
    assert_eq!(c["polarity"], "affirmed");
    assert_eq!(c["date"], "2018-06-13");
    // the span slices the input back to the evidence
    let s = c["span"][0].as_u64().unwrap() as usize;
    let e = c["span"][1].as_u64().unwrap() as usize;
    assert_eq!(&ATTACK[s..e], c["evidence"].as_str().unwrap());
}

#[test]
fn bad_inputs_exit_1_and_the_good_ones_still_run() {
    let d = articles_dir();
    fs::write(d.path().join("cp1256.txt"), [0xC5u8, 0xED, 0xD1, 0xC7, 0xE4]).unwrap();
    fs::write(d.path().join("empty.txt"), "").unwrap();
    fs::write(d.path().join("lines.jsonl"), "not json\n{\"id\":\"j1\",\"text\":\"هاجم تنظيم داعش مواقع القوات الروسية في حلب.\"}\n{\"id\":\"no_text\"}\n").unwrap();
    let out = extract(&[d.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    for name in ["cp1256.txt", "empty.txt", "lines.jsonl:1", "lines.jsonl:3"] {
        assert!(err.contains(name), "stderr does not name {name}: {err}");
    }
    // the good article and the good JSONL line still gave their claims
    let cs = claims(&out.stdout);
    let arts: Vec<&str> = cs.iter().map(|c| c["article"].as_str().unwrap()).collect();
    assert!(arts.contains(&"attack") && arts.contains(&"j1"), "{arts:?}");
}

#[test]
fn a_missing_path_exits_1_and_names_it() {
    let out = extract(&["/nonexistent/articles"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/articles"), "{}", stderr(&out));
}

#[test]
fn a_folder_with_no_articles_exits_1() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("readme.md"), "x").unwrap();
    let out = extract(&[d.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no articles"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    // unknown flag
    let out = actorgraph(&["extract", "--no-such-flag", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--no-such-flag"));
    // missing required path
    assert_eq!(actorgraph(&["extract"]).status.code(), Some(2));
    // unknown subcommand, no subcommand
    assert_eq!(actorgraph(&["extrct"]).status.code(), Some(2));
    assert_eq!(actorgraph(&[]).status.code(), Some(2));
    // --quiet and --verbose together
    assert_eq!(actorgraph(&["-q", "-v", "lexicon", "check"]).status.code(), Some(2));
}

#[test]
fn help_teaches_by_example() {
    let out = actorgraph(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("Examples:") && s.contains("actorgraph extract"), "{s}");
    for sub in ["extract", "build", "paths", "neighbors", "lexicon"] {
        assert!(s.contains(sub), "--help lists {sub}");
    }
    let out = actorgraph(&["extract", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("Examples:") && s.contains("-o"), "{s}");
    assert_eq!(actorgraph(&["--version"]).status.code(), Some(0));
}

#[test]
fn output_file_is_written_whole() {
    let d = articles_dir();
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("claims.jsonl");
    fs::write(&target, "previous run\n").unwrap();
    let out = extract(&[d.path().to_str().unwrap(), "-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "with -o nothing goes to stdout");
    let cs = claims(&fs::read(&target).unwrap());
    assert!(!cs.is_empty());
    // no temp file left behind
    let names: Vec<_> = fs::read_dir(out_dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("claims.jsonl")]);
}

#[test]
fn unwritable_output_leaves_nothing_half_written() {
    let d = articles_dir();
    let base = tempfile::tempdir().unwrap();
    // the parent of the output is a regular file: cannot be written, even as root
    let file = base.path().join("not_a_dir");
    fs::write(&file, "keep me").unwrap();
    let target = file.join("claims.jsonl");
    let out = extract(&[d.path().to_str().unwrap(), "-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("claims.jsonl"), "the error names the output: {}", stderr(&out));
    assert_eq!(fs::read_to_string(&file).unwrap(), "keep me");
    assert_eq!(fs::read_dir(base.path()).unwrap().count(), 1, "nothing else was created");

    // the output path is an existing folder holding a previous run: the
    // rename fails, the folder and its file stay as they were, no temp file
    let prev = base.path().join("graphs");
    fs::create_dir(&prev).unwrap();
    fs::write(prev.join("claims.jsonl"), "previous run\n").unwrap();
    let out = extract(&[d.path().to_str().unwrap(), "-o", prev.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(prev.join("claims.jsonl")).unwrap(), "previous run\n");
    let mut names: Vec<_> = fs::read_dir(base.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, vec!["graphs", "not_a_dir"], "no temp file left behind");
}

#[cfg(unix)]
#[test]
fn read_only_folder_keeps_the_previous_file() {
    use std::os::unix::fs::PermissionsExt;
    let d = articles_dir();
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("claims.jsonl");
    fs::write(&target, "previous run\n").unwrap();
    fs::set_permissions(out_dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    // as root, permissions do not stop writes: then this case says nothing
    let probe = out_dir.path().join(".probe");
    let root = fs::write(&probe, "").is_ok();
    let _ = fs::remove_file(&probe);
    if !root {
        let out = extract(&[d.path().to_str().unwrap(), "-o", target.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert_eq!(fs::read_to_string(&target).unwrap(), "previous run\n");
        assert_eq!(fs::read_dir(out_dir.path()).unwrap().count(), 1);
    }
    fs::set_permissions(out_dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn quiet_and_verbose() {
    let d = articles_dir();
    let out = extract(&["--verbose", d.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("articles"), "{}", stderr(&out));
    let out = extract(&["--quiet", d.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn a_50_mb_article_with_no_line_break() {
    // generated here, not committed: one line, no stop, ~50 MB
    let d = tempfile::tempdir().unwrap();
    let unit = "هاجم تنظيم داعش مواقع القوات الروسية في حلب ثم انسحبت القوات الإيرانية من البوكمال ";
    let text = unit.repeat(50 * 1024 * 1024 / unit.len() + 1);
    fs::write(d.path().join("huge.txt"), &text).unwrap();
    fs::write(d.path().join("small.txt"), ATTACK).unwrap();
    let t = std::time::Instant::now();
    let out = extract(&[d.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cs = claims(&out.stdout);
    assert!(cs.iter().any(|c| c["article"] == "small"), "the other article still runs");
    for c in cs.iter().filter(|c| c["article"] == "huge") {
        let s = c["span"][0].as_u64().unwrap() as usize;
        let e = c["span"][1].as_u64().unwrap() as usize;
        assert_eq!(&text[s..e], c["evidence"].as_str().unwrap());
    }
    eprintln!("50 MB one-line article: {} claims in {:.1?}", cs.len(), t.elapsed());
}
