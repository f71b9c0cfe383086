//! Inputs and outputs as a Unix user expects them: `-` reads standard input
//! (streaming, in flat memory), a symlink given as output has its target
//! replaced, a FIFO or device is written straight through, a failed write
//! names the path and exits 1, and a folder walk reads only regular files,
//! reporting FIFOs and symlink loops by name instead of hanging or
//! skipping them silently.
#![cfg(unix)]

use serde_json::Value;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{symlink, FileTypeExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn good_lexicon() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lexicons/good")
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_actorgraph"));
    c.env("NO_COLOR", "1").arg("--lexicons").arg(good_lexicon());
    c
}

/// Run with `stdin` fed in and a watchdog: a run that hangs fails the test.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = wait_with_timeout(child, Duration::from_secs(120));
    feeder.join().unwrap();
    out
}

fn wait_with_timeout(child: std::process::Child, limit: Duration) -> Output {
    let id = child.id();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = done.clone();
    std::thread::spawn(move || {
        let start = std::time::Instant::now();
        while start.elapsed() < limit {
            if flag.load(std::sync::atomic::Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
    });
    let out = child.wait_with_output().unwrap();
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    assert!(out.status.code().is_some(), "killed after {limit:?}: it hung\nstderr: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn claims(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))).collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn mkfifo(p: &Path) {
    assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
}

const ATTACK: &str = "هاجم تنظيم داعش مواقع القوات الروسية في حلب.";

fn record(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string() + "\n"
}

#[test]
fn stdin_jsonl_and_plain_text() {
    let jsonl = record("a1", ATTACK) + "\n" + &record("a2", ATTACK);
    let o = run(&["extract", "-"], jsonl.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let c = claims(&o.stdout);
    let ids: Vec<&str> = c.iter().map(|c| c["article"].as_str().unwrap()).collect();
    assert!(ids.contains(&"a1") && ids.contains(&"a2"), "{ids:?}");

    // not JSON at the first non-blank byte: one plain-text article
    let o = run(&["extract", "-"], format!("\n\n{ATTACK}\n").as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let c = claims(&o.stdout);
    assert!(!c.is_empty());
    assert!(c.iter().all(|c| c["article"] == "stdin"));
    // spans point into the text as given, blank lines included
    let start = c[0]["span"][0].as_u64().unwrap() as usize;
    assert!(start >= 2, "{}", c[0]);

    // a bad line is named by its line on <stdin>; the good ones still run
    let o = run(&["extract", "-"], (record("ok", ATTACK) + "{broken\n").as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("<stdin>:2"), "{}", stderr(&o));
    assert!(!claims(&o.stdout).is_empty());
}

/// Claims come out while input still comes in, and memory does not grow
/// with the input: 10,000 records through a pipe.
#[test]
fn ten_thousand_records_stream_through_a_pipe() {
    // ~3 KB a record: 30 MB in all, far more than the process may grow by
    let filler = "وقال المتحدث إن الوضع الميداني لم يتغير خلال الساعات الماضية في ريف المدينة. ".repeat(24);
    let text = format!("{ATTACK} {filler}");
    let mut child = bin()
        .args(["extract", "-", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut input = child.stdin.take().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel::<usize>();
    // the feeder waits after the first 10 records (fewer than a chunk) until told to go on
    let feeder = std::thread::spawn(move || {
        for i in 0..10_000 {
            if i == 10 {
                rx.recv().unwrap();
            }
            input.write_all(record(&format!("r{i}"), &text).as_bytes()).unwrap();
            if i == 9 {
                input.flush().unwrap();
            }
        }
    });
    // claims for the first records arrive while stdin is still open
    let mut line = String::new();
    let watchdog_pid = pid;
    let first = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(60));
        // if nothing came in a minute the reader below is stuck: end it
        let _ = Command::new("kill").arg("-9").arg(watchdog_pid.to_string()).status();
    });
    assert!(out.read_line(&mut line).unwrap() > 0, "no claim before the input was closed: output is not streamed");
    let c: Value = serde_json::from_str(&line).unwrap();
    assert!(c["article"].as_str().unwrap().starts_with('r'));
    drop(first); // the watchdog thread sleeps on; the process will be done by then
    tx.send(0).unwrap();
    let rss = |pid: u32| -> u64 {
        let s = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)).and_then(|n| n.parse().ok()).unwrap_or(0)
    };
    let mut n = 1usize;
    let mut early = 0u64;
    let mut peak = 0u64;
    loop {
        line.clear();
        if out.read_line(&mut line).unwrap() == 0 {
            break;
        }
        n += 1;
        if n == 2_000 {
            early = rss(pid);
        }
        if n % 500 == 0 {
            peak = peak.max(rss(pid));
        }
    }
    feeder.join().unwrap();
    let status = child.wait().unwrap();
    assert!(status.success());
    assert!(n >= 10_000, "{n} claims for 10,000 records");
    // 30 MB went through; the process may not hold on to it
    eprintln!("RSS after 2,000 claims: {early} kB; peak after: {peak} kB");
    assert!(early > 0 && peak < early + 16 * 1024, "RSS grew from {early} kB to {peak} kB");
}

#[test]
fn output_to_a_symlink_replaces_its_target() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("a.jsonl");
    fs::write(&input, record("a1", ATTACK)).unwrap();
    fs::create_dir(d.path().join("real")).unwrap();
    let target = d.path().join("real/claims.jsonl");
    fs::write(&target, "old\n").unwrap();
    let link = d.path().join("claims.jsonl");
    symlink("real/claims.jsonl", &link).unwrap();
    let o = run(&["extract", input.to_str().unwrap(), "-o", link.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is still a link");
    assert!(!claims(&fs::read(&target).unwrap()).is_empty(), "the target holds the claims");

    // a dangling link: the file it names is created
    let dangling = d.path().join("dangling.jsonl");
    symlink("real/new.jsonl", &dangling).unwrap();
    let o = run(&["extract", input.to_str().unwrap(), "-o", dangling.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&dangling).unwrap().file_type().is_symlink());
    assert!(!claims(&fs::read(d.path().join("real/new.jsonl")).unwrap()).is_empty());
}

#[test]
fn output_to_a_fifo_is_written_through() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("a.jsonl");
    fs::write(&input, record("a1", ATTACK)).unwrap();
    let fifo = d.path().join("out.fifo");
    mkfifo(&fifo);
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || fs::read(&reader_path).unwrap());
    let o = run(&["extract", input.to_str().unwrap(), "-o", fifo.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let got = reader.join().unwrap();
    assert!(!claims(&got).is_empty(), "the FIFO's reader got the claims");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO is still a FIFO");
}

#[test]
fn devices_are_written_through_and_failures_named() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("a.jsonl");
    fs::write(&input, record("a1", ATTACK)).unwrap();
    let i = input.to_str().unwrap();

    let o = run(&["extract", i, "-o", "/dev/null"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());

    let o = run(&["extract", i, "-o", "/dev/full"], b"");
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("/dev/full") && e.contains("No space left on device"), "{e}");
    assert!(fs::metadata("/dev/full").unwrap().file_type().is_char_device(), "/dev/full is still a device");

    // /dev/stdout is this process's standard output, whatever it is
    let o = run(&["extract", i, "-o", "/dev/stdout"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!claims(&o.stdout).is_empty());
    assert!(fs::symlink_metadata("/dev/stdout").unwrap().file_type().is_symlink());

    // and a link to it, in a folder of ours, is followed to it
    let link = d.path().join("to-stdout");
    symlink("/dev/stdout", &link).unwrap();
    let o = run(&["extract", i, "-o", link.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!claims(&o.stdout).is_empty());
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());

    // a failed write to standard output (the shell's `> /dev/full`)
    let o = bin().args(["extract", i]).stdout(fs::OpenOptions::new().write(true).open("/dev/full").unwrap()).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("standard output"), "{}", stderr(&o));

    // a folder is refused, with its name
    let o = run(&["extract", i, "-o", d.path().to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("a folder has that name"), "{}", stderr(&o));
}

#[test]
fn folder_walks_read_only_regular_files() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("articles");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("a.txt"), ATTACK).unwrap();
    mkfifo(&dir.join("pipe.txt"));
    symlink("loop.txt", dir.join("loop.txt")).unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    symlink("..", dir.join("sub/up")).unwrap();
    symlink("a.txt", dir.join("b.txt")).unwrap();
    let o = run(&["extract", dir.to_str().unwrap()], b"");
    // the FIFO would block for ever if it were opened
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("pipe.txt: not a regular file (a FIFO)"), "{e}");
    assert!(e.contains("loop.txt: a symlink loop"), "{e}");
    assert!(e.contains("sub/up: a symlink loop"), "{e}");
    let ids: std::collections::BTreeSet<String> = claims(&o.stdout).iter().map(|c| c["article"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids.into_iter().collect::<Vec<_>>(), vec!["a", "b"], "regular files and links to them are read");
}

#[test]
fn a_fifo_named_on_the_command_line_is_read() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("feed");
    mkfifo(&fifo);
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || fs::write(&writer_path, record("f1", ATTACK)).unwrap());
    let o = run(&["extract", fifo.to_str().unwrap()], b"");
    writer.join().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(claims(&o.stdout).iter().all(|c| c["article"] == "f1"));

    // /dev/stdin, named, is standard input
    let o = run(&["extract", "/dev/stdin"], record("s1", ATTACK).as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let c = claims(&o.stdout);
    assert!(!c.is_empty() && c.iter().all(|c| c["article"] == "s1"));
}

#[test]
fn build_and_merge_follow_the_same_rules() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("a.jsonl");
    fs::write(&input, record("a1", ATTACK)).unwrap();
    let out = d.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::create_dir(d.path().join("keep")).unwrap();
    let target = d.path().join("keep/graph.graphml");
    fs::write(&target, "old").unwrap();
    symlink("../keep/graph.graphml", out.join("g.graphml")).unwrap();
    let o = run(&["build", "-", "--out", out.to_str().unwrap(), "--name", "g", "--no-svg"], &fs::read(&input).unwrap());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::symlink_metadata(out.join("g.graphml")).unwrap().file_type().is_symlink());
    assert!(fs::read_to_string(&target).unwrap().contains("<graphml"), "the link's target holds the graph");

    // merge: a FIFO among the claim files of a folder is skipped by name
    let claims_dir = d.path().join("claims");
    fs::create_dir(&claims_dir).unwrap();
    fs::copy(out.join("g.claims.jsonl"), claims_dir.join("one.jsonl")).unwrap();
    mkfifo(&claims_dir.join("two.jsonl"));
    let o = run(&["merge", claims_dir.to_str().unwrap(), "--out", d.path().join("merged").to_str().unwrap(), "--no-svg"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("two.jsonl: not a regular file (a FIFO)"), "{}", stderr(&o));
}
