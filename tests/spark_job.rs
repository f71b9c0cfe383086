//! The Spark job (`examples/spark/actorgraph_job.py`) run for real with
//! `spark-submit --master local[2]`, against the binary built here:
//!
//! - on the five samples and `../shared/corpus/dev` as JSONL in 4
//!   partitions, with one broken record among them, its claims are those of
//!   `actorgraph extract` on the same file (the JSONL byte for byte, the
//!   Parquet on the claim key), the broken record is the one rejected row,
//!   its edge table is the edges of `actorgraph build` (counts and dates),
//!   and `actorgraph merge` of its claims draws the graph `build` draws;
//! - every kind of bad record (and a folder of .txt files) is rejected with
//!   its reason, the job going on;
//! - a missing binary, an unreadable input and outputs already there stop
//!   it with one line and exit code 2.
//!
//! Needs Java 17+, pyspark and duckdb (`pip install -r
//! examples/spark/requirements-test.txt`). Without them, or without
//! `../shared`, the tests print a notice and pass; with `CI` set (as
//! `.ci/run` runs) a missing one is a failure.

use actorgraph::export::read_graphml;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The binary under test (SPARK_TEST_BINARY: another build of it).
fn binary() -> String {
    std::env::var("SPARK_TEST_BINARY").unwrap_or_else(|_| env!("CARGO_BIN_EXE_actorgraph").to_string())
}

fn ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// In CI a missing tool is a failure; locally, a notice and a pass.
fn missing(what: &str) -> Option<Spark> {
    let install = "pip install -r examples/spark/requirements-test.txt (and Java 17: apt-get install openjdk-17-jre-headless)";
    if ci() {
        panic!("{what} is required in CI but missing; install: {install}");
    }
    eprintln!("NOTICE: skipped, {what} is missing (install: {install}); set CI=1 to make this a failure");
    None
}

struct Spark {
    submit: PathBuf,
}

/// spark-submit from $SPARK_SUBMIT, else the one inside the pyspark package
/// (pip puts it there whatever PATH says), with Java and duckdb beside it.
fn spark() -> Option<Spark> {
    let submit = match std::env::var_os("SPARK_SUBMIT") {
        Some(p) => PathBuf::from(p),
        None => {
            let out = Command::new("python3")
                .args(["-c", "import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), 'bin', 'spark-submit'))"])
                .output();
            match out {
                Ok(o) if o.status.success() => PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()),
                _ => return missing("pyspark (python3 -c 'import pyspark')"),
            }
        }
    };
    if !submit.exists() {
        return missing(&format!("spark-submit ({})", submit.display()));
    }
    if !Command::new("java").arg("-version").output().is_ok_and(|o| o.status.success()) {
        return missing("java");
    }
    if !Command::new("python3").args(["-c", "import duckdb"]).output().is_ok_and(|o| o.status.success()) {
        return missing("duckdb (python3 -c 'import duckdb')");
    }
    Some(Spark { submit })
}

fn shared() -> Option<PathBuf> {
    let p = Path::new(ROOT).join("../shared/corpus/dev");
    if p.is_dir() {
        return Some(p);
    }
    assert!(!ci(), "../shared is missing on CI");
    eprintln!("skipped: ../shared not found");
    None
}

impl Spark {
    /// spark-submit --master local[2] the job; only loopback addresses.
    fn job(&self, args: &[&str]) -> Output {
        self.submit(&[], args)
    }

    /// The same with spark-submit options of its own (`--files`).
    fn submit(&self, submit_args: &[&str], args: &[&str]) -> Output {
        let started = std::time::Instant::now();
        let out = Command::new(&self.submit)
            .args(submit_args)
            // small inputs: few shuffle partitions, and the JVM's quick
            // compiler only (a run of seconds spends more on C2 than it gains)
            .args(["--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=4"])
            .args(["--driver-java-options", "-XX:TieredStopAtLevel=1"])
            .arg(Path::new(ROOT).join("examples/spark/actorgraph_job.py"))
            .args(args)
            .env("SPARK_LOCAL_IP", "127.0.0.1")
            .env("PYSPARK_PYTHON", "python3")
            .output()
            .expect("spark-submit runs");
        eprintln!("spark-submit {} -> {:?} in {:.1?}", args.join(" "), out.status.code(), started.elapsed());
        out
    }
}

fn ok(o: &Output, what: &str) {
    assert!(o.status.success(), "{what} failed ({:?}):\n{}\n{}", o.status.code(), String::from_utf8_lossy(&o.stdout), tail(&o.stderr));
}

fn tail(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    let lines: Vec<&str> = s.lines().filter(|l| !l.contains(" INFO ")).collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn actorgraph(args: &[&str]) -> Output {
    Command::new(binary()).args(args).output().expect("actorgraph runs")
}

/// Rows of a DuckDB query, as JSON objects (dates as text).
fn duckdb(sql: &str) -> Vec<Value> {
    let script = "import duckdb, json, sys\nrel = duckdb.sql(sys.argv[1])\ncols = rel.columns\nfor row in rel.fetchall():\n    print(json.dumps(dict(zip(cols, row)), default=str, ensure_ascii=False))\n";
    let o = Command::new("python3").args(["-c", script, sql]).output().expect("python3 runs");
    assert!(o.status.success(), "duckdb: {sql}\n{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn parquet(out: &Path, table: &str) -> String {
    format!("read_parquet('{}/{table}.parquet/*.parquet')", out.display())
}

/// Every line of the part files of a JSONL output folder.
fn part_lines(dir: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).map(|e| e.unwrap().path()).collect();
    files.sort();
    let parts: Vec<&PathBuf> = files.iter().filter(|p| p.extension().is_some_and(|x| x == "jsonl")).collect();
    assert!(!parts.is_empty() || files.iter().all(|p| p.file_name().unwrap().to_string_lossy().starts_with(['_', '.'])), "{}: part files are named *.jsonl: {files:?}", dir.display());
    parts.iter().flat_map(|p| std::fs::read_to_string(p).unwrap().lines().map(String::from).collect::<Vec<_>>()).filter(|l| !l.is_empty()).collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    v.sort();
    v
}

fn stem(p: &Path) -> String {
    p.file_stem().unwrap().to_string_lossy().into_owned()
}

/// Articles as JSONL records, one per line.
fn write_jsonl(path: &Path, records: &[Value]) {
    let mut f = std::fs::File::create(path).unwrap();
    for r in records {
        writeln!(f, "{r}").unwrap();
    }
}

fn samples() -> Vec<PathBuf> {
    txt_files(&Path::new(ROOT).join("examples/articles"))
}

fn record(p: &Path) -> Value {
    json!({"id": stem(p), "text": std::fs::read_to_string(p).unwrap()})
}

fn summary(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).expect("summary.json written last")).unwrap()
}

#[test]
fn job_on_the_dev_set_equals_extract_and_build_and_rejects_the_broken_record() {
    let Some(spark) = spark() else { return };
    let Some(dev) = shared() else { return };
    let d = tempfile::tempdir().unwrap();
    // the five samples and the dev set, as a dump would hold them; every
    // seventh record carries its date, as a scraper's would
    let mut records: Vec<Value> = samples().iter().chain(txt_files(&dev).iter()).map(|p| record(p)).collect();
    for (i, r) in records.iter_mut().enumerate().filter(|(i, _)| i % 7 == 3) {
        r["date"] = json!(format!("2019-{:02}-{:02}", 1 + i % 12, 1 + i % 28));
    }
    assert!(records.len() >= 96, "the samples and 91 dev articles");
    // and one record cut short in the middle of the dump
    let input = d.path().join("articles.jsonl");
    let mut text = String::new();
    for (i, r) in records.iter().enumerate() {
        if i == records.len() / 2 {
            text.push_str("{\"id\": \"cut\", \"text\": \"انسحبت القوات من\n");
        }
        text.push_str(&format!("{r}\n"));
    }
    std::fs::write(&input, text).unwrap();

    // extract and build skip the broken line too, and say so (exit 1)
    let expected = d.path().join("expected.jsonl");
    let o = actorgraph(&["extract", s(&input), "-o", s(&expected)]);
    assert_eq!(o.status.code(), Some(1), "extract skips the cut record: {}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stderr).matches("skipped: ").count(), 1, "{}", String::from_utf8_lossy(&o.stderr));
    let expected_lines: Vec<String> = std::fs::read_to_string(&expected).unwrap().lines().map(String::from).collect();
    assert!(expected_lines.len() > 300, "the dev set gives claims");
    let built = d.path().join("built");
    let o = actorgraph(&["build", s(&input), "--out", s(&built), "--name", "g", "--include-negated", "--no-svg"]);
    assert!(built.join("g.graphml").exists(), "build wrote its graph: {}", String::from_utf8_lossy(&o.stderr));

    let out = d.path().join("out");
    let o = spark.job(&["--input", s(&input), "--out", s(&out), "--partitions", "4", "--binary", &binary()]);
    ok(&o, "the Spark job");
    let sum = summary(&out);
    assert!(sum["partitions"].as_u64().unwrap() >= 4, "{sum}");
    assert_eq!(sum["articles"], json!(records.len()), "{sum}");
    assert_eq!(sum["rejected"], json!(1), "{sum}");
    assert_eq!(sum["claims"], json!(expected_lines.len()), "{sum}");
    // (a) the claims: the JSONL line for line as extract writes it, order-free
    assert_eq!(sorted(part_lines(&out.join("claims.jsonl"))), sorted(expected_lines.clone()), "claims.jsonl differs from actorgraph extract");
    // (c) the broken record is the one rejected row, with its reason
    let rejected: Vec<Value> = part_lines(&out.join("rejected")).iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    let r = &rejected[0];
    assert!(r["reason"].as_str().unwrap().starts_with("not a JSON object"), "{r}");
    assert!(r["record"].as_str().unwrap().starts_with("{\"id\": \"cut\""), "{r}");
    assert!(r["source"].as_str().unwrap().ends_with("articles.jsonl"), "{r}");
    // ... and the Parquet, typed, on the claim key (with the date)
    let types: BTreeMap<String, String> = duckdb(&format!("DESCRIBE SELECT * FROM {}", parquet(&out, "claims")))
        .into_iter()
        .map(|r| (r["column_name"].as_str().unwrap().to_string(), r["column_type"].as_str().unwrap().to_string()))
        .collect();
    for (col, ty) in [("article", "VARCHAR"), ("sentence", "INTEGER"), ("span", "INTEGER[]"), ("date", "DATE"), ("subject_chain", "VARCHAR[]"), ("evidence", "VARCHAR")] {
        assert_eq!(types.get(col).map(String::as_str), Some(ty), "claims.parquet column {col}: {types:?}");
    }
    let key = |c: &Value| {
        json!([c["article"], c["sentence"], c["span"], c["trigger"], c["subject"], c["relation"], c["object"], c["polarity"], c["date"]]).to_string()
    };
    let want: Vec<String> = sorted(expected_lines.iter().map(|l| key(&serde_json::from_str(l).unwrap())).collect());
    let got: Vec<String> = sorted(
        duckdb(&format!("SELECT article, sentence, span, \"trigger\", subject, relation, object, polarity, CAST(date AS VARCHAR) AS date FROM {}", parquet(&out, "claims")))
            .iter()
            .map(key)
            .collect(),
    );
    assert_eq!(got, want, "claims.parquet differs from actorgraph extract on the claim key");

    // (b) the edge table: build's edges (every polarity, part_of aside),
    // with their claim and article counts and first and last dates
    let g = read_graphml(&std::fs::read_to_string(built.join("g.graphml")).unwrap()).unwrap();
    let mut want = BTreeMap::new();
    for e in g.sorted_edges() {
        let (s, t, r, p) = g.edge_key(e);
        let w = &g.graph[e];
        if w.is_structure() {
            continue;
        }
        let pol = serde_json::to_value(p).unwrap();
        want.insert(
            format!("{s} {r} {t} {}", pol.as_str().unwrap()),
            json!([w.claims(), w.articles(), w.first_seen(), w.last_seen(), w.family, w.symmetric]),
        );
    }
    let rows = duckdb(&format!("SELECT *, CAST(first_date AS VARCHAR) AS f, CAST(last_date AS VARCHAR) AS l FROM {}", parquet(&out, "edges")));
    let got: BTreeMap<String, Value> = rows
        .iter()
        .map(|r| {
            (
                format!("{} {} {} {}", r["subject"].as_str().unwrap(), r["relation"].as_str().unwrap(), r["object"].as_str().unwrap(), r["polarity"].as_str().unwrap()),
                json!([r["claims"], r["articles"], r["f"], r["l"], r["family"], r["symmetric"]]),
            )
        })
        .collect();
    assert_eq!(rows.len(), got.len(), "one row per (subject, relation, object, polarity)");
    assert!(want.len() > 200, "build made the dev set's edges");
    for (k, v) in &want {
        assert_eq!(got.get(k), Some(v), "edge {k}: [claims, articles, first, last, family, symmetric]");
    }
    assert_eq!(got.len(), want.len(), "edges only in the job: {:?}", got.keys().filter(|k| !want.contains_key(*k)).collect::<Vec<_>>());

    // nodes: every entity a claim names, labelled
    let ids: BTreeSet<String> = expected_lines
        .iter()
        .flat_map(|l| {
            let c: Value = serde_json::from_str(l).unwrap();
            [c["subject"].as_str().unwrap().to_string(), c["object"].as_str().unwrap().to_string()]
        })
        .collect();
    let nodes = duckdb(&format!("SELECT id, label, kind FROM {}", parquet(&out, "nodes")));
    assert_eq!(nodes.iter().map(|n| n["id"].as_str().unwrap().to_string()).collect::<BTreeSet<_>>(), ids);
    let iran = nodes.iter().find(|n| n["id"] == "iran").expect("iran is a node");
    assert_eq!((iran["label"].as_str(), iran["kind"].as_str()), (Some("Iran"), Some("state")));

    // the JSONL folder is what merge reads: the same graph as build, byte for byte
    let merged = d.path().join("merged");
    ok(&actorgraph(&["merge", s(&out.join("claims.jsonl")), "--out", s(&merged), "--name", "g", "--include-negated", "--no-svg"]), "actorgraph merge");
    for f in ["g.graphml", "g.gexf", "g.dot"] {
        assert!(std::fs::read(merged.join(f)).unwrap() == std::fs::read(built.join(f)).unwrap(), "{f}: merge of the job's claims differs from build");
    }
}

#[test]
fn every_kind_of_bad_record_is_named_and_txt_folders_are_read() {
    let Some(spark) = spark() else { return };
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("dump");
    std::fs::create_dir_all(input.join("txt")).unwrap();
    let s0 = &samples()[0];
    let s1 = &samples()[1];
    let t1 = std::fs::read_to_string(s1).unwrap();
    // JSONL: a good record, one without id, and every way a line can be bad
    let mut lines: Vec<Vec<u8>> = vec![
        record(s0).to_string().into_bytes(),
        json!({"text": t1}).to_string().into_bytes(),
        b"{\"id\": \"cp1256\", \"text\": \"\xc7\xe1\xd3\xe1\xc7\xe3\"}".to_vec(),
        json!({"id": "no-text", "title": "عنوان"}).to_string().into_bytes(),
        json!({"id": "number-text", "text": 5}).to_string().into_bytes(),
        json!({"id": "blank", "text": "  \n "}).to_string().into_bytes(),
        // blank to the binary alone: bidi marks and tatweel fold to nothing
        json!({"id": "marks", "text": "\u{200f}\u{640}\u{200e}"}).to_string().into_bytes(),
        b"[\"an\", \"array\"]".to_vec(),
        // JSON can escape what UTF-8 cannot hold
        "{\"id\": \"surrogate\", \"text\": \"\\ud800 \u{627}\"}".as_bytes().to_vec(),
        Vec::new(),
    ];
    lines.push(Vec::new());
    std::fs::write(input.join("part a.jsonl"), lines.join(&b'\n')).unwrap();
    // .txt files: a good one, a binary one, one in CP1256, an empty one; a
    // file of another kind is not read
    std::fs::copy(s1, input.join("txt").join("مقال 1.txt")).unwrap();
    std::fs::write(input.join("txt/binary.txt"), b"\x00\x01\x02PK").unwrap();
    std::fs::write(input.join("txt/cp1256.txt"), b"\xc7\xe1\xd3\xe1\xc7\xe3 \xda\xe1\xed\xf3\xe3").unwrap();
    // an empty file holds no record: Spark lists it but reads nothing from
    // it, so it is neither an article nor rejected
    std::fs::write(input.join("txt/empty.txt"), b"").unwrap();
    std::fs::write(input.join("README.md"), "not an article").unwrap();

    // the binary shipped as on a cluster: --files, found by the executors
    // in SparkFiles (no --binary, and none on PATH)
    let out = d.path().join("out");
    let o = spark.submit(&["--files", &binary()], &["--input", s(&input), "--out", s(&out), "--partitions", "3"]);
    ok(&o, "the Spark job");
    let rejected: Vec<Value> = part_lines(&out.join("rejected")).iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    let reasons: BTreeMap<String, String> = rejected
        .iter()
        .map(|r| (r["id"].as_str().map(String::from).unwrap_or_else(|| format!("line {}", &r["record"].as_str().unwrap()[..2])), r["reason"].as_str().unwrap().to_string()))
        .collect();
    let expect = [
        ("binary", "looks like a binary file"),
        ("blank", "empty \"text\""),
        ("cp1256", "not valid UTF-8"),
        ("line [\"", "not a JSON object"),
        ("marks", "empty \"text\""),
        ("no-text", "no \"text\" field"),
        ("number-text", "\"text\" is not a string"),
        ("surrogate", "\"text\" holds an unpaired surrogate"),
    ];
    // the CP1256 record has no id the job can read (the line is not UTF-8):
    // it is named by its source; the .txt in CP1256 by its file name
    let cp_line = rejected.iter().find(|r| r["id"].is_null() && r["reason"].as_str().unwrap().starts_with("not valid UTF-8")).expect("the CP1256 line");
    assert!(cp_line["source"].as_str().unwrap().ends_with("/part a.jsonl"), "named as written: {cp_line}");
    for (id, why) in expect {
        let got = reasons.get(id).unwrap_or_else(|| panic!("{id} rejected: {reasons:?}"));
        assert!(got.starts_with(why), "{id}: {got:?} does not start with {why:?}");
    }
    assert_eq!(rejected.len(), 9, "{rejected:#?}");
    // the good ones: the JSONL record, the one without id (named by its file
    // and its text's digest) and the .txt (named by its file), with the
    // claims extract makes of each
    let claims: Vec<Value> = part_lines(&out.join("claims.jsonl")).iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    let articles: BTreeSet<&str> = claims.iter().map(|c| c["article"].as_str().unwrap()).collect();
    let nameless = articles.iter().find(|a| a.starts_with("part a:")).expect("the record without id is extracted");
    assert_eq!(nameless.len(), "part a:".len() + 16);
    assert_eq!(articles.len(), 3, "{articles:?}");
    assert!(articles.contains(stem(s0).as_str()) && articles.contains("مقال 1"), "{articles:?}");
    let from_txt = actorgraph(&["extract", s(&input.join("txt/مقال 1.txt"))]);
    ok(&from_txt, "actorgraph extract مقال 1.txt");
    let want: Vec<String> = String::from_utf8(from_txt.stdout).unwrap().lines().map(String::from).collect();
    let got: Vec<String> = claims.iter().filter(|c| c["article"] == "مقال 1").map(|c| c.to_string()).collect();
    assert_eq!(sorted(got), sorted(want.iter().map(|l| serde_json::from_str::<Value>(l).unwrap().to_string()).collect()));
    let sum = summary(&out);
    assert_eq!((sum["articles"].as_u64(), sum["rejected"].as_u64(), sum["files"].as_u64()), (Some(3), Some(9), Some(5)), "{sum}");
}

/// One error line from the job, and no Java or Python trace. (spark-submit
/// passes the Python driver's stderr on to its stdout: both are read.)
fn one_clear_line(o: &Output, code: i32, needle: &str) {
    let err = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert_eq!(o.status.code(), Some(code), "{err}");
    let ours: Vec<&str> = err.lines().filter(|l| l.starts_with("actorgraph-spark: error:")).collect();
    assert_eq!(ours.len(), 1, "one error line: {err}");
    assert!(ours[0].contains(needle), "{:?} does not say {needle:?}", ours[0]);
    for trace in ["Traceback", "\tat org.", "Py4JJavaError", "Exception in thread"] {
        assert!(!err.contains(trace), "a trace ({trace}) on stderr:\n{err}");
    }
}

#[test]
fn a_missing_binary_or_input_stops_with_one_line() {
    let Some(spark) = spark() else { return };
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("a.jsonl");
    write_jsonl(&input, &[record(&samples()[0])]);
    let out = d.path().join("out");

    let o = spark.job(&["--input", s(&input), "--out", s(&out), "--binary", "/nonexistent/actorgraph"]);
    one_clear_line(&o, 2, "no actorgraph binary at /nonexistent/actorgraph");

    // a binary that cannot read standard input (one from before `extract -`)
    let old = d.path().join("old-actorgraph");
    std::fs::write(&old, "#!/bin/sh\n[ \"$1\" = --version ] && { echo 'actorgraph 0.0.9'; exit 0; }\necho 'skipped: -: no such file or folder' >&2\nexit 1\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let o = spark.job(&["--input", s(&input), "--out", s(&out), "--binary", s(&old)]);
    one_clear_line(&o, 2, "cannot read articles on standard input");

    let o = spark.job(&["--input", "/nonexistent/dump.jsonl", "--out", s(&out), "--binary", &binary()]);
    one_clear_line(&o, 2, "cannot read input /nonexistent/dump.jsonl");
    assert!(!out.join("summary.json").exists());

    // a binary that dies on a partition (after the probe: the machine ran
    // out of memory, say) fails the job, named, with exit code 1; exit 1
    // with no `skipped:` line is such a failure too
    let dying = d.path().join("dying-actorgraph");
    std::fs::write(
        &dying,
        format!("#!/bin/sh\ncase \"$1\" in --version) echo 'actorgraph 9.9.9'; exit 0;; lexicon) exec {} \"$@\";; esac\nn=$(wc -l)\n[ \"$n\" -le 1 ] && exit 0\necho 'memory allocation of 1099511627776 bytes failed' >&2\nexit 134\n", binary()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dying, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let two = d.path().join("two.jsonl");
    write_jsonl(&two, &[record(&samples()[0]), record(&samples()[1])]);
    let o = spark.job(&["--input", s(&two), "--out", s(&d.path().join("out-dying")), "--binary", s(&dying)]);
    let all = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "{all}");
    let last = all.lines().filter(|l| l.starts_with("actorgraph-spark: error:")).collect::<Vec<_>>();
    assert_eq!(last.len(), 1, "{all}");
    assert!(last[0].contains("actorgraph extract failed (exit code 134): memory allocation"), "{}", last[0]);
    assert!(!d.path().join("out-dying/summary.json").exists(), "no summary: the run did not finish");

    // a binary named but neither shipped nor on PATH, on the driver or the executors
    let o = spark.job(&["--input", s(&input), "--out", s(&out), "--binary", "actorgraph-nowhere"]);
    one_clear_line(&o, 2, "no actorgraph binary 'actorgraph-nowhere' on the driver or the executors");

    // outputs of an earlier run are not replaced without --overwrite
    std::fs::create_dir_all(out.join("edges.parquet")).unwrap();
    let o = spark.job(&["--input", s(&input), "--out", s(&out), "--binary", &binary()]);
    one_clear_line(&o, 2, "--overwrite");
}
