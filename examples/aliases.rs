//! Print every folded form the matcher searches for, one per line: the
//! pattern list for the ripgrep floor of the text-layer benchmark.
//!
//!     cargo run --release --example aliases > /tmp/aliases.txt
//!     cargo run --release --example aliases -- --entities --lexicons DIR
//!
//! By default every form of the automaton (entity aliases, nisba
//! inflections, relation cues, negators, denials); `--entities` prints the
//! entity aliases only. Forms are folded like the text and carry no article
//! or proclitic (the matcher adds those), so `rg -F -f` finds each of them
//! wherever the matcher could.

use actorgraph::lexicon::{Lexicon, Target};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

fn main() {
    let mut dir: Option<PathBuf> = None;
    let mut entities_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lexicons" => dir = args.next().map(PathBuf::from),
            "--entities" => entities_only = true,
            "-h" | "--help" => {
                eprintln!("usage: aliases [--lexicons DIR] [--entities]");
                return;
            }
            other => {
                eprintln!("aliases: unknown argument {other:?}; usage: aliases [--lexicons DIR] [--entities]");
                std::process::exit(2);
            }
        }
    }
    let lex = match Lexicon::load(dir.as_deref()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            std::process::exit(1);
        }
    };
    let forms: BTreeSet<&str> = lex
        .surfaces
        .iter()
        .filter(|s| !entities_only || matches!(s.target, Target::Entity(_)))
        .map(|s| s.form.as_str())
        .filter(|f| !f.is_empty())
        .collect();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for f in forms {
        let _ = writeln!(out, "{f}");
    }
}
