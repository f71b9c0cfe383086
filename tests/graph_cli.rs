//! `actorgraph build` and `actorgraph merge` as a user runs them: outputs,
//! exit codes, skipped inputs, files written whole or not at all.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_actorgraph");
const ARTICLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run actorgraph")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn build_writes_every_file_with_default_names() {
    let d = tmp();
    let o = run(&["build", ARTICLES, "--out", s(d.path()), "--no-svg"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for f in ["claims.jsonl", "graph.graphml", "graph.gexf", "graph.dot"] {
        let p = d.path().join(f);
        assert!(p.metadata().map(|m| m.len() > 0).unwrap_or(false), "{f} missing");
    }
    assert!(!d.path().join("graph.svg").exists());
    let e = stderr(&o);
    assert!(e.contains("5 articles") && e.contains(" nodes, ") && e.contains("0 skipped inputs"), "{e}");
    // every line of the claims file is a claim
    let claims = std::fs::read_to_string(d.path().join("claims.jsonl")).unwrap();
    for l in claims.lines() {
        serde_json::from_str::<actorgraph::extract::Claim>(l).unwrap();
    }
}

#[test]
fn build_names_files_and_renders_svg_and_png() {
    if !actorgraph::export::dot::dot_available() {
        eprintln!("NOTICE: Graphviz dot missing: svg/png not checked (tests/consumers.rs requires it in CI)");
        return;
    }
    let d = tmp();
    let o = run(&["build", ARTICLES, "--out", s(d.path()), "--name", "syria", "--png", "--labels", "both", "--level", "organization"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for f in ["syria.claims.jsonl", "syria.graphml", "syria.gexf", "syria.dot", "syria.svg", "syria.png"] {
        assert!(d.path().join(f).exists(), "{f} missing");
    }
    assert!(!stderr(&o).contains("dot:"), "Graphviz warned: {}", stderr(&o));
    let png = std::fs::read(d.path().join("syria.png")).unwrap();
    assert_eq!(&png[..4], b"\x89PNG");
}

#[test]
fn quiet_build_says_nothing() {
    let d = tmp();
    let o = run(&["build", ARTICLES, "--out", s(d.path()), "--no-svg", "--quiet"]);
    assert!(o.status.success());
    assert_eq!(stderr(&o), "");
}

#[test]
fn unusable_inputs_are_named_and_skipped() {
    let d = tmp();
    let input = d.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(Path::new(ARTICLES).join("000_67d94984bfcb3a25.txt"), input.join("good.txt")).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    std::fs::write(input.join("latin1.txt"), b"caf\xe9").unwrap();
    let out = d.path().join("out");
    let o = run(&["build", s(&input), s(&d.path().join("nowhere.txt")), "--out", s(&out), "--no-svg"]);
    let e = stderr(&o);
    assert!(o.status.success(), "{e}");
    assert!(e.contains("empty.txt") && e.contains("latin1.txt") && e.contains("nowhere.txt"), "{e}");
    assert!(e.contains("1 articles") && e.contains("3 skipped inputs"), "{e}");
}

#[test]
fn no_readable_article_is_an_error_and_writes_nothing() {
    let d = tmp();
    std::fs::write(d.path().join("empty.txt"), "").unwrap();
    let out = d.path().join("out");
    let o = run(&["build", s(&d.path().join("empty.txt")), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(std::fs::read_dir(&out).map(|r| r.count()).unwrap_or(0) == 0);
}

#[test]
fn usage_mistakes_exit_2() {
    let d = tmp();
    for (args, msg) in [
        (vec!["--since", "2018-13-01"], "YYYY-MM-DD"),
        (vec!["--since", "2019-01-01", "--until", "2018-01-01"], "after"),
        (vec!["--relations", "attackd"], "did you mean \"attacked\""),
        (vec!["--name", "a/b"], "--name"),
        (vec!["--level", "planet"], "invalid value"),
    ] {
        let mut a = vec!["build", ARTICLES, "--out", s(d.path())];
        a.extend(args.iter());
        let o = run(&a);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(msg), "{args:?}: {}", stderr(&o));
    }
    assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 0, "nothing written");
}

#[test]
fn an_unwritable_output_fails_with_1_and_keeps_the_previous_files() {
    let d = tmp();
    // a folder below a file cannot be made
    let file = d.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let o = run(&["build", ARTICLES, "--out", s(&file.join("sub")), "--no-svg"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot"), "{}", stderr(&o));

    // a build fails half way (one output's name is taken by a folder): the
    // previous outputs stay as they were, and no temp file is left
    let out = d.path().join("out");
    let o = run(&["build", ARTICLES, "--out", s(&out), "--no-svg"]);
    assert!(o.status.success());
    let before: Vec<(PathBuf, Vec<u8>)> = ["claims.jsonl", "graph.graphml", "graph.dot", "graph.html"].iter().map(|f| (out.join(f), std::fs::read(out.join(f)).unwrap())).collect();
    std::fs::remove_file(out.join("graph.gexf")).unwrap();
    std::fs::create_dir(out.join("graph.gexf")).unwrap();
    let o = run(&["build", ARTICLES, "--out", s(&out), "--no-svg", "--level", "state"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    for (p, bytes) in before {
        assert_eq!(std::fs::read(&p).unwrap(), bytes, "{} changed", p.display());
    }
    let names: Vec<String> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names.len(), 5, "temp files left behind: {names:?}");

    // as a user without root, a read-only folder
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = d.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        std::fs::write(ro.join("graph.graphml"), "old").unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(ro.join("probe"), "").is_ok() {
            eprintln!("NOTICE: running as root, a read-only folder is writable: that case is not checked");
        } else {
            let o = run(&["build", ARTICLES, "--out", s(&ro), "--no-svg"]);
            assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
            assert_eq!(std::fs::read_to_string(ro.join("graph.graphml")).unwrap(), "old");
        }
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn merge_of_build_claims_gives_the_build_graph_and_counts_duplicates_once() {
    let d = tmp();
    let built = d.path().join("built");
    let o = run(&["build", ARTICLES, "--out", s(&built), "--no-svg", "--include-negated"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let claims = built.join("claims.jsonl");
    // the same claims twice, from two "machines", and a broken line
    let m2 = d.path().join("machine2");
    std::fs::create_dir(&m2).unwrap();
    let mut text = std::fs::read_to_string(&claims).unwrap();
    text.push_str("{not json\n");
    std::fs::write(m2.join("claims.jsonl"), text).unwrap();
    let merged = d.path().join("merged");
    let o = run(&["merge", s(&claims), s(&m2), "--out", s(&merged), "--no-svg", "--include-negated"]);
    let e = stderr(&o);
    assert!(o.status.success(), "{e}");
    assert!(e.contains("claims.jsonl:") && e.contains("not a claim") && e.contains("1 skipped lines"), "{e}");
    for f in ["graph.graphml", "graph.gexf", "graph.dot"] {
        assert_eq!(std::fs::read(merged.join(f)).unwrap(), std::fs::read(built.join(f)).unwrap(), "{f}: merge and build differ");
    }
    assert!(!merged.join("claims.jsonl").exists());
}

#[test]
fn merge_reads_standard_input_and_refuses_nothing_to_merge() {
    let d = tmp();
    let mut child = Command::new(BIN)
        .args(["merge", "-", "--out", s(d.path()), "--no-svg"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let line = r#"{"article":"x","sentence":0,"subject":"iran","subject_chain":["iran"],"relation":"attacked","object":"isis","object_chain":["isis"],"polarity":"affirmed","evidence":"e","span":[0,1],"trigger":"t","date":"2018-01-01"}"#;
    child.stdin.take().unwrap().write_all(format!("{line}\n").as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 claims, 2 nodes, 1 edges"), "{}", stderr(&o));
    let empty = d.path().join("empty.jsonl");
    std::fs::write(&empty, "\n").unwrap();
    let o = run(&["merge", s(&empty), "--out", s(&d.path().join("x"))]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!d.path().join("x").exists());
}
