//! The command line: one module per subcommand, each with its own clap
//! `Args` and a `run` function. Exit codes: 0 success, 1 bad input (a broken
//! lexicon, unreadable articles, an unwritable output), 2 usage errors.

pub mod build;
pub mod explain;
pub mod extract;
pub mod gaps;
pub mod lexicon;
pub mod merge;
pub mod neighbors;
pub mod output;
pub mod paths;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "actorgraph",
    version,
    about = "Who did what to whom in Arabic news about the Syrian war",
    long_about = "actorgraph reads Arabic news articles (a folder of .txt files or JSONL dumps), \
finds actors, places and relation cues with curated lexicons, turns each article into claims \
(\"Iran negotiated with Israel\", negated or not, with the sentence that says so) and merges \
them into one graph exported to DOT/SVG, GraphML, GEXF and an HTML evidence browser.",
    after_help = "Examples:\n  actorgraph extract examples/articles > claims.jsonl\n  actorgraph build examples/articles --out graphs\n  actorgraph paths --graph graphs/syria.graphml --from hezbollah --to sdf\n  actorgraph lexicon check lexicons/"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args, Debug, Clone)]
pub struct Global {
    /// Lexicon folder to use instead of the one compiled into the binary.
    #[arg(long, global = true, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,
    /// Print nothing on stderr but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Say more on stderr (skipped inputs in full, timings).
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Do not resolve references (الطرفان، الحزب، ـها، a verb with no
    /// subject): only claims whose actors the sentence names outright.
    #[arg(long, global = true)]
    pub no_coref: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract claims from articles as JSONL (one claim per line).
    Extract(extract::Args),
    /// Build the graph from articles: claims, GraphML, GEXF, DOT, SVG, and
    /// the evidence browser (HTML).
    Build(build::Args),
    /// Merge claim files (from many machines) into one graph (the same
    /// files as build, the HTML evidence browser included).
    Merge(merge::Args),
    /// Shortest or all paths between two entities, with evidence.
    Paths(paths::Args),
    /// An entity's relations, with counts.
    Neighbors(neighbors::Args),
    /// Show, sentence by sentence, what matched and why claims were or were not made.
    Explain(explain::Args),
    /// Find names the lexicon does not know but the corpus keeps using.
    Gaps(gaps::Args),
    /// Check a lexicon, print its counts, or diff two lexicons' claims.
    #[command(subcommand)]
    Lexicon(lexicon::Command),
}

/// Why a command failed; decides the exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input: exit 1.
    #[error("{0}")]
    Input(String),
    /// A broken lexicon: exit 1, rendered with its spans.
    #[error(transparent)]
    Lexicon(#[from] crate::lexicon::LexiconError),
    /// Wrong use of the command line: exit 2.
    #[error("{0}")]
    Usage(String),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Input(e.to_string())
    }
}

impl Global {
    pub fn lexicon(&self) -> Result<crate::lexicon::Lexicon, CliError> {
        Ok(crate::lexicon::Lexicon::load(self.lexicons.as_deref())?)
    }

    /// A note on stderr unless `--quiet`.
    pub fn note(&self, msg: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("{msg}");
        }
    }
}

pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Extract(a) => extract::run(a, &cli.global),
        Command::Build(a) => build::run(a, &cli.global),
        Command::Merge(a) => merge::run(a, &cli.global),
        Command::Paths(a) => paths::run(a, &cli.global),
        Command::Neighbors(a) => neighbors::run(a, &cli.global),
        Command::Explain(a) => explain::run(a, &cli.global),
        Command::Gaps(a) => gaps::run(a, &cli.global),
        Command::Lexicon(c) => lexicon::run(c, &cli.global),
    }
}

/// Size rayon's global pool: `threads` workers, default all cores. Call
/// once, before any parallel work.
pub fn set_threads(threads: Option<usize>) -> Result<(), CliError> {
    if let Some(n) = threads {
        if n == 0 {
            return Err(CliError::Usage("--threads must be at least 1".into()));
        }
        // an error means the pool already exists (a second call in tests)
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
    }
    Ok(())
}

/// Write `bytes` to `path` whole or not at all (a regular file), or
/// straight through (a FIFO, a device): see [`output`].
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> Result<(), CliError> {
    let mut out = output::OutputFile::create(path)?;
    out.writer().write_all(bytes).map_err(|e| out.error(&e))?;
    out.commit()
}
