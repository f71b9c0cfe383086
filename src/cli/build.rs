//! `actorgraph build`.

use super::{CliError, Global};

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_a: Args, _g: &Global) -> Result<(), CliError> {
    Err(CliError::Input("build: not built yet".into()))
}
