//! `actorgraph lexicon check|stats|diff`.

use super::{CliError, Global};
use crate::lexicon::{Lexicon, LexiconError};
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Check a lexicon folder (default: the embedded lexicon) and report every
    /// problem with file, line and column. Exits 1 if there is any.
    ///
    /// Example: actorgraph lexicon check lexicons/
    Check {
        /// Lexicon folder (entities/*.ron, relations.ron, grammar.ron).
        dir: Option<PathBuf>,
    },
    /// Print counts per entity kind, relations, patterns and forms.
    Stats {
        /// Lexicon folder (default: --lexicons, else the embedded lexicon).
        dir: Option<PathBuf>,
    },
    /// Print the relations as JSONL, one per line: id, en, ar, family,
    /// symmetric, object. For jobs that group claims into edges themselves
    /// (a symmetric relation's ends are ordered by id, as in the graph).
    ///
    /// Example: actorgraph lexicon relations > relations.jsonl
    Relations {
        /// Lexicon folder (default: --lexicons, else the embedded lexicon).
        dir: Option<PathBuf>,
    },
    /// Print the entities as JSONL, one per line: id, kind, parent, en, ar
    /// (in lexicon order). For joining labels onto claims and edges.
    ///
    /// Example: actorgraph lexicon entities > entities.jsonl
    Entities {
        /// Lexicon folder (default: --lexicons, else the embedded lexicon).
        dir: Option<PathBuf>,
    },
    /// Show which claims change on a corpus when the lexicon changes: the
    /// claims only OLD makes (-) and only NEW makes (+), keyed on article,
    /// sentence, subject, relation, object and polarity, each with its
    /// evidence sentence. Exits 0 whether or not anything changed.
    ///
    /// Examples:
    ///   actorgraph lexicon diff embedded lexicons/ examples/articles
    ///   actorgraph lexicon diff /tmp/lexicons-before lexicons/ corpus/ --format json
    #[command(verbatim_doc_comment)]
    Diff {
        /// The lexicon before the edit: a folder, or `embedded` for the one
        /// compiled into the binary.
        old: PathBuf,
        /// The lexicon after the edit: a folder, or `embedded`.
        new: PathBuf,
        /// Article files (.txt, .jsonl) or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// `json`: one changed claim per line, the claim record with
        /// `"change": "added"|"removed"`.
        #[arg(long, value_enum, default_value = "text")]
        format: super::explain::Format,
    },
}

fn load(dir: Option<PathBuf>, g: &Global) -> Result<Lexicon, LexiconError> {
    Lexicon::load(dir.as_deref().or(g.lexicons.as_deref()))
}

pub fn run(cmd: Command, g: &Global) -> Result<(), CliError> {
    match cmd {
        Command::Check { dir } => {
            let lex = load(dir, g)?;
            let s = lex.stats();
            g.note(format!(
                "lexicon ok: {} entities, {} relations, {} patterns, {} searchable forms",
                s["entities"],
                s["relations"],
                s["patterns"],
                lex.surfaces.len()
            ));
            Ok(())
        }
        Command::Diff { old, new, paths, format } => diff(&old, &new, &paths, format, g),
        Command::Stats { dir } => {
            let lex = load(dir, g)?;
            for (k, v) in lex.stats() {
                println!("{k:<24} {v}");
            }
            Ok(())
        }
        Command::Relations { dir } => {
            let lex = load(dir, g)?;
            let rows = lex.relations.iter().map(|r| {
                serde_json::json!({
                    "id": r.id, "en": r.en, "ar": r.ar, "family": r.family.as_str(),
                    "symmetric": r.symmetric, "object": r.object,
                })
            });
            print_jsonl(rows)
        }
        Command::Entities { dir } => {
            let lex = load(dir, g)?;
            let rows = lex.entities.iter().map(|e| {
                serde_json::json!({
                    "id": e.id, "kind": e.kind.as_str(), "parent": e.parent.map(|p| lex.entities[p].id.as_str()),
                    "en": e.en, "ar": e.ar,
                })
            });
            print_jsonl(rows)
        }
    }
}

/// One JSON value per line on stdout; a reader that stops early is no error.
fn print_jsonl(rows: impl Iterator<Item = serde_json::Value>) -> Result<(), CliError> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let res = rows.into_iter().try_for_each(|v| writeln!(out, "{v}")).and_then(|_| out.flush());
    match res {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// A lexicon named on the command line: a folder, or `embedded`.
fn load_named(p: &std::path::Path) -> Result<Lexicon, CliError> {
    if !p.exists() && p.as_os_str() == "embedded" {
        return Ok(Lexicon::embedded()?);
    }
    if !p.is_dir() {
        return Err(CliError::Usage(format!("{}: not a lexicon folder (give a folder with entities/*.ron, relations.ron and grammar.ron, or `embedded`)", p.display())));
    }
    Ok(Lexicon::from_dir(p)?)
}

fn diff(old: &std::path::Path, new: &std::path::Path, paths: &[PathBuf], format: super::explain::Format, g: &Global) -> Result<(), CliError> {
    use crate::curate::diff::{diff_corpus, ClaimChange};
    use std::io::Write;
    let old_lex = load_named(old)?;
    let new_lex = load_named(new)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut skipped = 0;
    let mut io_err: Option<std::io::Error> = None;
    let summary = diff_corpus(&old_lex, &new_lex, crate::input::Articles::open(paths), |r| {
        let (article, changes): (_, Vec<ClaimChange>) = match r {
            Ok(x) => x,
            Err(e) => {
                eprintln!("skipped: {e}");
                skipped += 1;
                return;
            }
        };
        let res = match format {
            super::explain::Format::Json => changes.iter().try_for_each(|c| writeln!(out, "{}", serde_json::to_string(c).expect("a claim serialises"))),
            super::explain::Format::Text => print_changes(&mut out, &article.id, &changes),
        };
        if let Err(e) = res {
            io_err.get_or_insert(e);
        }
    });
    match io_err {
        // a reader that stops early (| head) ends the run, quietly
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
        Some(e) => return Err(CliError::Input(format!("cannot write the diff: {e}"))),
        None => {}
    }
    let line = format!(
        "lexicon diff {} -> {}: {} article(s), {} claim(s) before, {} after: +{} only in NEW, -{} only in OLD, in {} article(s)",
        old.display(),
        new.display(),
        summary.articles,
        summary.old_claims,
        summary.new_claims,
        summary.added,
        summary.removed,
        summary.articles_changed
    );
    let res = match format {
        super::explain::Format::Text => writeln!(out, "{line}").and_then(|_| out.flush()),
        super::explain::Format::Json => {
            g.note(line);
            out.flush()
        }
    };
    match res {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
        r => r?,
    }
    if skipped > 0 {
        return Err(CliError::Input(format!("{skipped} input(s) skipped")));
    }
    Ok(())
}

/// One article's changes, grouped by sentence, the evidence once per sentence.
fn print_changes(out: &mut impl std::io::Write, article: &str, changes: &[crate::curate::diff::ClaimChange]) -> std::io::Result<()> {
    let mut i = 0;
    while i < changes.len() {
        let s = changes[i].claim.sentence;
        writeln!(out, "── {article} sentence {s}")?;
        let mut j = i;
        while j < changes.len() && changes[j].claim.sentence == s {
            let c = &changes[j].claim;
            let neg = if c.polarity == crate::extract::Polarity::Negated { " (negated)" } else { "" };
            writeln!(out, "   {} {} {} {}{}  ← «{}»", changes[j].change.sign(), c.subject, c.relation, c.object, neg, c.trigger)?;
            j += 1;
        }
        writeln!(out, "   {}", changes[i].claim.evidence.replace(['\n', '\r'], " "))?;
        writeln!(out)?;
        i = j;
    }
    Ok(())
}
