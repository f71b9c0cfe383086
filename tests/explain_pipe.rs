//! A reader that stops early (`actorgraph explain ... | head`) ends the
//! curation commands quietly, with exit 0 and no panic.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

fn lexicon() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/curate/lexicon")
}

/// Run the binary on a long article, read a little of its output, close
/// the pipe, and return its exit code and stderr.
fn read_a_little(args: &[&str]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let line = "وأعلنت إيران دعمها لحزب الله في سورية، وهاجمت مجموعة مسلحة مدينة تدمر.\n";
    std::fs::write(dir.path().join("long.txt"), line.repeat(3000)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .arg("--lexicons")
        .arg(lexicon())
        .args(args)
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 256];
    stdout.read_exact(&mut buf).unwrap();
    drop(stdout);
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    (child.wait().unwrap().code(), err)
}

#[test]
fn explain_text_and_json_stop_quietly() {
    for format in ["text", "json"] {
        let (code, err) = read_a_little(&["explain", "--all", "--format", format]);
        assert_eq!(code, Some(0), "{format}: {err}");
        assert!(!err.contains("panicked"), "{format}: {err}");
    }
}

#[test]
fn lexicon_diff_stops_quietly() {
    // without Hezbollah, every sentence of the long article loses a claim
    let new = tempfile::tempdir().unwrap();
    std::fs::create_dir(new.path().join("entities")).unwrap();
    for f in ["relations.ron", "grammar.ron", "entities/places.ron"] {
        std::fs::copy(lexicon().join(f), new.path().join(f)).unwrap();
    }
    let actors = std::fs::read_to_string(lexicon().join("entities/actors.ron")).unwrap();
    let actors: String = actors.lines().filter(|l| !l.contains(r#"id: "hezbollah""#)).map(|l| format!("{l}\n")).collect();
    std::fs::write(new.path().join("entities/actors.ron"), actors).unwrap();
    let (old, new) = (lexicon().display().to_string(), new.path().display().to_string());
    for format in ["text", "json"] {
        let (code, err) = read_a_little(&["lexicon", "diff", &old, &new, "--format", format]);
        assert_eq!(code, Some(0), "{format}: {err}");
        assert!(!err.contains("panicked"), "{format}: {err}");
    }
}
