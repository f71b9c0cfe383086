//! `actorgraph extract`.

use super::{CliError, Global};
use crate::extract::{extract_stream, Extractor};
use crate::input::Articles;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  actorgraph extract examples/articles > claims.jsonl\n  actorgraph extract dump.jsonl -o claims.jsonl\n  actorgraph extract --threads 1 a.txt b.txt\n\nOne claim per line, as ../shared/SPEC.md describes. Inputs that cannot be read are\nreported on stderr by name and skipped; the rest still run (exit 1 if any was skipped).")]
pub struct Args {
    /// Article files (.txt, .jsonl) or folders of them.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write claims here (whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

pub fn run(a: Args, g: &Global) -> Result<(), CliError> {
    let lex = g.lexicon()?;
    let ex = Extractor::new(&lex);
    super::set_threads(a.threads)?;
    let mut skipped = 0usize;
    let mut n_articles = 0usize;
    let mut n_claims = 0usize;
    let started = std::time::Instant::now();
    let mut write_to = |out: &mut dyn Write| -> std::io::Result<()> {
        let mut err = Ok(());
        extract_stream(&ex, Articles::open(&a.paths).deferred_dates(), |r| match r {
                Ok((_, claims)) => {
                    n_articles += 1;
                    for c in claims {
                        n_claims += 1;
                        if err.is_ok() {
                            err = serde_json::to_writer(&mut *out, &c).map_err(std::io::Error::from).and_then(|_| out.write_all(b"\n"));
                        }
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
    match &a.output {
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            match write_to(&mut lock) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                r => r?,
            }
        }
        Some(path) => {
            let mut buf = Vec::new();
            write_to(&mut buf)?;
            super::write_atomic(path, &buf)?;
        }
    }
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
