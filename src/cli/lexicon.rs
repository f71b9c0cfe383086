//! `actorgraph lexicon check|stats`.

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
        Command::Stats { dir } => {
            let lex = load(dir, g)?;
            for (k, v) in lex.stats() {
                println!("{k:<24} {v}");
            }
            Ok(())
        }
    }
}
