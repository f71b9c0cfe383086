//! `actorgraph gaps`: names the lexicon does not know but the corpus keeps
//! using where actors and places stand, ranked, with examples and a RON
//! entry to paste.

use super::{CliError, Global};
use crate::curate::gaps::{Gap, GapFinder, GapTally};
use crate::input::{Article, Articles, InputError};
use rayon::prelude::*;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(clap::Args, Debug)]
#[command(after_help = "Where names are looked for:\n  after the head nouns of grammar.ron (actor_heads: لواء، حركة، جيش...; place_heads: مدينة، بلدة، معبر...)\n  in the subject or object slot of a cue where no entity matched (see `actorgraph explain`)\n\nExamples:\n  actorgraph gaps examples/articles\n  actorgraph gaps corpus/ --top 50\n  actorgraph gaps corpus/ --lexicons lexicons/ --format json | jq -r .ron")]
pub struct Args {
    /// Article files (.txt, .jsonl) or folders; - reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// How many names to show (0: all).
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top: usize,
    /// How many times a name seen only in the subject or object slot of
    /// cues (never after a head noun) must be seen to be shown.
    #[arg(long, value_name = "N", default_value_t = crate::curate::gaps::MIN_SLOT_USES)]
    pub min_slot_uses: usize,
    /// `json`: one record per line (rank, name, articles, uses, kind, slots, examples, id, ron).
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

pub fn run(a: Args, g: &Global) -> Result<(), CliError> {
    let lex = g.lexicon()?;
    let finder = GapFinder::new(&lex);
    let mut tally = GapTally::new();
    let mut skipped = 0;
    let mut articles = Articles::open(&a.paths).peekable();
    while articles.peek().is_some() {
        let chunk: Vec<Result<Article, InputError>> = articles.by_ref().take(crate::extract::CHUNK).collect();
        let done: Vec<_> = chunk.into_par_iter().map(|r| r.map(|art| {
            let occ = finder.occurrences(&art);
            (art, occ)
        })).collect();
        for r in done {
            match r {
                Ok((art, occ)) => tally.add(&art, occ),
                Err(e) => {
                    eprintln!("skipped: {e}");
                    skipped += 1;
                }
            }
        }
    }
    let gaps = tally.ranked(&lex, a.top, a.min_slot_uses);
    let mut text = String::new();
    match a.format {
        Format::Json => {
            for gap in &gaps {
                text.push_str(&serde_json::to_string(gap).expect("a gap serialises"));
                text.push('\n');
            }
        }
        Format::Text => {
            text.push_str(&format!(
                "{} article(s), {} candidate name(s); {} shown, by articles then uses\n\n",
                tally.articles,
                tally.candidates(),
                gaps.len()
            ));
            for gap in &gaps {
                text.push_str(&print_text(gap));
            }
        }
    }
    match std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    if skipped > 0 {
        return Err(CliError::Input(format!("{skipped} input(s) skipped")));
    }
    Ok(())
}

/// At most `n` characters on each side of the name.
fn clip(text: &str, span: [usize; 2], n: usize) -> String {
    let before = &text[..span[0]];
    let name = &text[span[0]..span[1]];
    let after = &text[span[1]..];
    let b: String = {
        let cs: Vec<char> = before.chars().collect();
        let from = cs.len().saturating_sub(n);
        format!("{}{}", if from > 0 { "…" } else { "" }, cs[from..].iter().collect::<String>())
    };
    let a: String = {
        let cs: Vec<char> = after.chars().collect();
        format!("{}{}", cs.iter().take(n).collect::<String>(), if cs.len() > n { "…" } else { "" })
    };
    format!("{b}[{name}]{a}").replace(['\n', '\r'], " ")
}

fn print_text(g: &Gap) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let slots: Vec<String> = g.slots.iter().map(|(s, n)| format!("{s} ×{n}")).collect();
    let _ = writeln!(out, "{:>3}. {}  ({}; {} article(s), {} use(s))", g.rank, g.name, g.kind.as_str(), g.articles, g.uses);
    let _ = writeln!(out, "     where: {}", slots.join(", "));
    for e in &g.examples {
        let _ = writeln!(out, "     {} #{}: {}", e.article, e.sentence, clip(&e.text, e.name_span, 70));
    }
    let _ = writeln!(out, "     {}\n", g.ron);
    out
}
