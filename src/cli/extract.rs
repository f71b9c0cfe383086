//! `actorgraph extract`.

use super::{CliError, Global};
use crate::extract::{extract_stream_map, Extractor};
use crate::input::Articles;
use std::io::Write;
use super::output::OutputFile;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  actorgraph extract examples/articles > claims.jsonl\n  actorgraph extract dump.jsonl -o claims.jsonl\n  actorgraph extract --threads 1 a.txt b.txt\n\nOne claim per line, as ../shared/SPEC.md describes. Inputs that cannot be read are\nreported on stderr by name and skipped; the rest still run (exit 1 if any was skipped).")]
pub struct Args {
    /// Article files (.txt, .jsonl) or folders of them; - reads standard
    /// input (JSONL records, or one plain-text article with the id `stdin`).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write claims here instead of stdout: a file is written whole or not
    /// at all (a symlink's target is replaced); a FIFO or device is written
    /// straight through.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

pub fn run(a: Args, g: &Global) -> Result<(), CliError> {
    let lex = g.lexicon()?;
    let ex = Extractor::new(&lex).with_coref(!g.no_coref);
    super::set_threads(a.threads)?;
    let mut skipped = 0usize;
    let mut n_articles = 0usize;
    let mut n_claims = 0usize;
    let started = std::time::Instant::now();
    let mut write_to = |out: &mut dyn Write| -> std::io::Result<()> {
        let mut err = Ok(());
        // claims are serialised on the worker threads; this one only writes
        let serialise = |_: crate::input::Article, claims: Vec<crate::extract::Claim>| {
            let mut buf = Vec::with_capacity(claims.len() * 512);
            for c in &claims {
                serde_json::to_writer(&mut buf, c).expect("a claim serialises");
                buf.push(b'\n');
            }
            (claims.len(), buf)
        };
        extract_stream_map(&ex, Articles::open(&a.paths).deferred_dates(), serialise, |r| match r {
            Ok((n, bytes)) => {
                n_articles += 1;
                n_claims += n;
                if err.is_ok() {
                    err = out.write_all(&bytes);
                }
            }
            Err(e) => {
                skipped += 1;
                eprintln!("skipped: {e}");
            }
        });
        err?;
        out.flush()
    };
    // stdout is line-buffered: each article's claims leave as soon as they
    // are made, so a pipe's reader gets them while input still streams in
    let mut out = OutputFile::create(a.output.as_deref().unwrap_or(Path::new("-")))?;
    match write_to(out.writer()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe && out.is_stdout() => return Ok(()),
        Err(e) => return Err(out.error(&e)),
        Ok(()) => {}
    }
    if n_articles == 0 && skipped == 0 {
        // nothing to show: an existing output file is left as it was
        return Err(CliError::Input("no articles found in the given paths (looked for .txt and .jsonl)".into()));
    }
    out.commit()?;
    if g.verbose {
        eprintln!("{n_articles} articles, {n_claims} claims, {skipped} skipped, in {:.2?}", started.elapsed());
    }
    if skipped > 0 {
        return Err(CliError::Input(format!("{skipped} input(s) skipped (see above); {n_articles} article(s) read")));
    }
    if n_articles == 0 {
        return Err(CliError::Input("no articles found in the given paths (looked for .txt and .jsonl)".into()));
    }
    Ok(())
}
