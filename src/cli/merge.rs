//! `actorgraph merge`: claim files (from many machines, or made with other
//! lexicons) into one graph, written like `build` writes it.
//!
//! Each line of a claim file is one claim (SPEC.md). A line that is not a
//! claim is reported with its file and line and skipped; the same claim in
//! several files counts once (evidence is deduplicated on article, sentence,
//! span and trigger). Ids the lexicon does not know become nodes labelled
//! with their id.

use super::build::{names, render_outputs, write_all_atomic, GraphArgs, Progress};
use super::{CliError, Global};
use crate::extract::Claim;
use crate::graph::{view, Merger};
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  actorgraph merge machine1/claims.jsonl machine2/claims.jsonl --out merged\n  actorgraph merge claims/ --out merged --level organization --include-negated\n  cat *.jsonl | actorgraph merge - --out merged")]
pub struct Args {
    /// Claim files (JSONL, as written by `extract` and `build`), folders of
    /// them (*.jsonl), or - for standard input.
    #[arg(required = true)]
    pub claims: Vec<PathBuf>,
    #[command(flatten)]
    pub graph: GraphArgs,
}

/// Claim files named by the user: folders are walked (sorted) for `.jsonl`;
/// what a walk cannot read (a FIFO, a symlink loop) is reported and skipped.
fn expand(paths: &[PathBuf], global: &Global) -> Result<(Vec<PathBuf>, usize), CliError> {
    let mut out = Vec::new();
    let mut skipped = 0;
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            let (mut found, mut errors) = (Vec::new(), Vec::new());
            let claim_file = |q: &std::path::Path| q.extension().is_some_and(|x| x == "jsonl" || x == "ndjson");
            crate::input::walk_files(p, &claim_file, &mut found, &mut errors);
            for e in errors {
                skipped += 1;
                global.note(format!("skipped {e}"));
            }
            out.extend(found);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(CliError::Input(format!("{}: no such file or folder", p.display())));
        }
    }
    Ok((out, skipped))
}

pub fn run(a: Args, global: &Global) -> Result<(), CliError> {
    let lex = global.lexicon()?;
    a.graph.check(&lex)?;
    let (files, mut bad) = expand(&a.claims, global)?;
    let mut merger = Merger::new(&lex, a.graph.merge_options());
    let mut progress = Progress::new(global);
    for f in &files {
        let reader: Box<dyn Read> = if f.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::fs::File::open(f).map_err(|e| CliError::Input(format!("cannot read {}: {e}", f.display())))?)
        };
        let mut r = BufReader::new(reader);
        let mut buf = Vec::new();
        let mut n = 0usize;
        loop {
            buf.clear();
            let read = r.read_until(b'\n', &mut buf).map_err(|e| CliError::Input(format!("cannot read {}: {e}", f.display())))?;
            if read == 0 {
                break;
            }
            n += 1;
            let line = String::from_utf8_lossy(&buf);
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Claim>(line.trim_end()) {
                Ok(c) => {
                    if !merger.add(c) {
                        bad += 1;
                        global.note(format!("skipped {}:{n}: a claim with an empty subject, object or relation", f.display()));
                    }
                }
                Err(e) => {
                    bad += 1;
                    global.note(format!("skipped {}:{n}: not a claim: {e}", f.display()));
                }
            }
            if n.is_multiple_of(4096) {
                let c = merger.claims();
                progress.update(|| format!("{c} claims"));
            }
        }
    }
    progress.finish();
    let claims = merger.claims();
    if claims == 0 {
        return Err(CliError::Input(format!("no claim could be read from {} file(s) ({bad} lines skipped); nothing written", files.len())));
    }
    let merged = merger.finish();
    let g = view(&merged, Some(&lex), &a.graph.view_options());
    a.graph.create_out()?;
    let out = render_outputs(&g, &a.graph, global, &lex);
    let written = write_all_atomic(out, Vec::new())?;
    global.note(format!(
        "merged {}: {} files, {claims} claims, {} nodes, {} edges, {bad} skipped lines",
        a.graph.out.join(&a.graph.name).display(),
        files.len(),
        g.node_count(),
        g.edge_count()
    ));
    if global.verbose {
        global.note(format!("wrote {}", names(&written)));
    }
    Ok(())
}
