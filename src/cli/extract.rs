//! `actorgraph extract`.

use super::{CliError, Global};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  actorgraph extract examples/articles > claims.jsonl\n  actorgraph extract dump.jsonl -o claims.jsonl")]
pub struct Args {
    /// Article files (.txt, .jsonl) or folders of them.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write claims here (whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(_a: Args, _g: &Global) -> Result<(), CliError> {
    Err(CliError::Input("extract: being written".into()))
}
