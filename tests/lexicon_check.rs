//! `actorgraph lexicon check`: passes on the shipped lexicons and on the test
//! fixtures, fails with exit code 1 and a message naming file, line, column
//! and the problem on each broken fixture in
//! `tests/fixtures/lexicons/broken/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lexicons")
}

fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the binary runs")
}

/// stderr with miette's wrapping undone: box-drawing gutters removed and
/// whitespace collapsed, so a message reads on one line.
fn flat(stderr: &[u8]) -> String {
    let s = String::from_utf8_lossy(stderr);
    s.replace(['│', '×'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Check a broken fixture: exit code 1, and each expected fragment in stderr.
fn broken(case: &str, expected: &[&str]) {
    let out = run(&fixtures().join("broken"), &["lexicon", "check", case]);
    let err = flat(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{case}: exit code; stderr: {err}");
    for e in expected {
        assert!(err.contains(e), "{case}: stderr lacks {e:?}:\n{}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(out.stdout.is_empty(), "{case}: nothing on stdout");
}

#[test]
fn shipped_lexicons_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = run(root, &["lexicon", "check", "lexicons"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(flat(&out.stderr).contains("lexicon ok"));
    // the copy compiled into the binary too
    let out = run(root, &["lexicon", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn test_fixtures_pass() {
    for dir in ["good", "minimal"] {
        let out = run(&fixtures(), &["lexicon", "check", dir]);
        assert_eq!(out.status.code(), Some(0), "{dir}: {}", String::from_utf8_lossy(&out.stderr));
    }
    // --quiet prints nothing on success
    let out = run(&fixtures(), &["--quiet", "lexicon", "check", "minimal"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn ron_syntax_error() {
    broken("syntax_error", &["syntax_error/entities/actors.ron:4:17:", "Expected comma"]);
}

#[test]
fn unknown_field_is_a_typo() {
    broken(
        "unknown_field",
        &["unknown_field/entities/actors.ron:6:58:", "unknown field `alias`", "did you mean `aliases`?"],
    );
}

#[test]
fn unknown_enum_value() {
    broken(
        "unknown_variant",
        &["unknown_variant/relations.ron:4:62:", "unknown value `hostil`", "did you mean `hostile`?"],
    );
}

#[test]
fn missing_required_field() {
    broken("missing_field", &["missing_field/grammar.ron:", "missing field `negator_window`"]);
}

#[test]
fn unknown_parent() {
    broken(
        "unknown_parent",
        &["unknown_parent/entities/actors.ron:5:51:", "quds_force: unknown parent \"irgcc\"", "did you mean \"irgc\"?"],
    );
}

#[test]
fn cycle_of_parents() {
    broken(
        "parent_cycle",
        &["parent_cycle/entities/actors.ron:3:39:", "a cycle of parents: iran -> quds_force -> irgc -> iran"],
    );
}

#[test]
fn one_alias_on_two_entities() {
    broken(
        "duplicate_alias",
        &["duplicate_alias/entities/actors.ron:6:77:", "alias \"الحرس الثوري\" of syria is also an alias of irgc"],
    );
}

#[test]
fn empty_alias() {
    broken("empty_alias", &["empty_alias/entities/actors.ron:6:77:", "syria: empty alias"]);
}

#[test]
fn id_required_by_the_contract_is_missing() {
    broken(
        "missing_required",
        &["missing_required/core_entities.tsv:4:1:", "entity \"russia\" is required by the evaluation contract but missing"],
    );
}

#[test]
fn unknown_relation_in_a_pattern() {
    broken(
        "unknown_relation",
        &["unknown_relation/relations.ron:8:41:", "pattern attacked.verb: unknown relation \"atacked\"", "did you mean \"attacked\"?"],
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    // two broken things in two files: both are reported
    let (dir, base) = minimal_lexicon_copy();
    let ents = std::fs::read_to_string(base.join("entities/actors.ron")).unwrap();
    std::fs::write(dir.path().join("entities/actors.ron"), ents.replace("parent: \"irgc\"", "parent: \"nobody\"")).unwrap();
    std::fs::write(dir.path().join("entities/more.ron"), "[ (id: \"x\", kind: stat, en: \"X\", ar: \"س\") ]").unwrap();
    let out = run(dir.path(), &["lexicon", "check", "."]);
    let err = flat(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("2 problem(s)"), "{err}");
    assert!(err.contains("entities/actors.ron:5:") && err.contains("unknown parent \"nobody\""), "{err}");
    assert!(err.contains("entities/more.ron:1:") && err.contains("unknown value `stat`"), "{err}");
}

#[test]
fn missing_folder_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["lexicon", "check", "nowhere"]);
    assert_eq!(out.status.code(), Some(1));
    let err = flat(&out.stderr);
    assert!(err.contains("nowhere/entities") && err.contains("cannot read the entities folder"), "{err}");
    // an entities folder but no relations.ron or grammar.ron
    std::fs::create_dir(dir.path().join("entities")).unwrap();
    let out = run(dir.path(), &["lexicon", "check", "."]);
    assert_eq!(out.status.code(), Some(1));
    let err = flat(&out.stderr);
    assert!(err.contains("relations.ron is missing") && err.contains("grammar.ron is missing"), "{err}");
}

#[test]
fn a_broken_lexicon_stops_every_command() {
    // --lexicons with a broken folder: exit 1 with the same diagnostics
    let out = run(&fixtures().join("broken"), &["--lexicons", "parent_cycle", "lexicon", "stats"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(flat(&out.stderr).contains("a cycle of parents"));
}

#[test]
fn stats_counts_per_kind() {
    let out = run(&fixtures(), &["lexicon", "stats", "good"]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    let count = |k: &str| -> usize {
        s.lines().find(|l| l.split_whitespace().next() == Some(k)).and_then(|l| l.split_whitespace().last()).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{k} in {s}"))
    };
    assert_eq!(count("state"), 6);
    assert_eq!(count("place"), 5);
    assert_eq!(count("entities"), 17);
    assert_eq!(count("relations"), 15);
}

#[test]
fn relations_and_entities_as_jsonl() {
    // what a Spark job reads to order the ends of symmetric relations and to
    // label edges: one JSON object per relation, the SPEC's four symmetric
    let out = run(&fixtures(), &["lexicon", "relations"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 15);
    let mut symmetric: Vec<&str> = rows.iter().filter(|r| r["symmetric"] == true).map(|r| r["id"].as_str().unwrap()).collect();
    symmetric.sort();
    assert_eq!(symmetric, ["agreed_with", "cooperated_with", "met_with", "negotiated_with"]);
    let attacked = rows.iter().find(|r| r["id"] == "attacked").unwrap();
    assert_eq!(attacked["family"], "hostile");
    assert_eq!(attacked["en"], "attacked");

    let out = run(&fixtures(), &["lexicon", "entities", "good"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 17);
    let ids: std::collections::HashSet<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for r in &rows {
        assert!(r["kind"].is_string() && r["en"].is_string() && r["ar"].is_string(), "{r}");
        if let Some(p) = r["parent"].as_str() {
            assert!(ids.contains(p), "parent {p} of {r} is an entity");
        }
    }
}

#[test]
fn unknown_member_of_a_group() {
    // a group that stands for its members names them by id; a wrong id is
    // reported where it is written, with the closest id
    let (dir, base) = minimal_lexicon_copy();
    std::fs::copy(base.join("entities/actors.ron"), dir.path().join("entities/actors.ron")).unwrap();
    std::fs::write(dir.path().join("entities/groups.ron"), "[\n  (id: \"pair\", kind: organization, en: \"Pair\", ar: \"الطرفان المعنيان\",\n   members: [\"iran\", \"irgcc\"]),\n]\n").unwrap();
    let out = run(dir.path(), &["lexicon", "check", "."]);
    let err = flat(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("entities/groups.ron:3:") && err.contains("pair: unknown member \"irgcc\"") && err.contains("did you mean \"irgc\"?"), "{err}");
}

/// A temporary lexicon folder with the minimal fixture's relations and
/// grammar and an empty entities folder, and the fixture's own folder.
fn minimal_lexicon_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let base = fixtures().join("minimal");
    std::fs::create_dir(dir.path().join("entities")).unwrap();
    for f in ["relations.ron", "grammar.ron"] {
        std::fs::copy(base.join(f), dir.path().join(f)).unwrap();
    }
    (dir, base)
}
