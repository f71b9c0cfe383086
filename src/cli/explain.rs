//! `actorgraph explain`: what matched in each sentence, which claims came
//! out, and why the cues that gave nothing gave nothing.

use super::{CliError, Global};
use crate::extract::{Extractor, SentenceAnalysis};
use crate::input::{Articles, Article};
use crate::lexicon::{Lexicon, Target};
use crate::text::Normalized;
use serde_json::json;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  actorgraph explain examples/articles/000_67d94984bfcb3a25.txt\n  actorgraph explain article.txt --sentence 12\n  actorgraph explain article.txt --format json | jq .rejected")]
pub struct Args {
    /// An article file (.txt or .jsonl) or folder; - reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Only this sentence (0-based, as in the claims' `sentence`).
    #[arg(long, value_name = "N")]
    pub sentence: Option<usize>,
    /// Show sentences with no cue as well.
    #[arg(long)]
    pub all: bool,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// One sentence as a JSON record: mentions, cues, claims, rejected candidates.
pub fn sentence_json(lex: &Lexicon, a: &Article, norm: &Normalized, s: &SentenceAnalysis) -> serde_json::Value {
    let mut mentions = Vec::new();
    let mut cues = Vec::new();
    let mut others = Vec::new();
    for m in &s.mentions {
        let surf = &lex.surfaces[m.surface];
        let orig = norm.original_range(m.span.clone());
        let written = &a.text[orig.clone()];
        let proclitic = m.proclitic(&norm.text);
        let folded_changed = written != &norm.text[m.span.clone()];
        let rec = json!({
            "span": [orig.start, orig.end],
            "text": written,
            "alias": surf.written,
            "proclitic": proclitic,
            "normalised": folded_changed,
            "foldings": crate::curate::foldings::foldings(written),
        });
        match &surf.target {
            Target::Entity(e) => {
                let mut r = rec;
                r["entity"] = json!(lex.entities[*e].id);
                mentions.push(r);
            }
            Target::Cue(ps) => {
                let mut r = rec;
                r["patterns"] = json!(ps.iter().map(|&p| lex.patterns[p].id.clone()).collect::<Vec<_>>());
                r["relation"] = json!(lex.relations[lex.patterns[ps[0]].relation].id);
                cues.push(r);
            }
            Target::Reference(_) => {
                let mut r = rec;
                r["role"] = json!("reference");
                others.push(r);
            }
            Target::Negator | Target::Denial | Target::Falsity => {
                let mut r = rec;
                r["role"] = json!(match surf.target {
                    Target::Negator => "negator",
                    Target::Denial => "denial",
                    _ => "falsity",
                });
                others.push(r);
            }
        }
    }
    let mut rejected = Vec::new();
    let mut frames = Vec::new();
    for f in &s.frames {
        let m = &s.mentions_of_items[f.cue];
        let orig = norm.original_range(m.span.clone());
        let ids = |v: &Vec<usize>| v.iter().map(|&e| lex.entities[e].id.clone()).collect::<Vec<_>>();
        let rec = json!({
            "cue": &a.text[orig.clone()],
            "span": [orig.start, orig.end],
            "pattern": lex.patterns[f.pattern].id,
            "agents": ids(&f.agents),
            "patients": ids(&f.patients),
            "agent_source": f.agent_source,
            "patient_source": f.patient_source,
            "polarity": f.polarity.as_str(),
            "negated_by": f.negated_by.map(|i| { let r = norm.original_range(s.mentions_of_items[i].span.clone()); a.text[r].to_string() }),
        });
        match f.rejected {
            Some(reason) => {
                let mut r = rec;
                r["reason"] = json!(reason);
                r["why"] = json!(reason.explain());
                rejected.push(r);
            }
            None => frames.push(rec),
        }
    }
    json!({
        "article": a.id,
        "sentence": s.index,
        "span": [s.span.start, s.span.end],
        "text": &a.text[s.span.clone()],
        "mentions": mentions,
        "cues": cues,
        "negation": others,
        "frames": frames,
        "chunks": s.chunks,
        "clauses": s.clauses.iter().map(|c| json!({"span": [c.start, c.end], "text": &a.text[c.clone()]})).collect::<Vec<_>>(),
        "resolutions": s.resolutions,
        "claims": s.claims,
        "rejected": rejected,
    })
}

pub fn run(a: Args, g: &Global) -> Result<(), CliError> {
    let lex = g.lexicon()?;
    let ex = Extractor::new(&lex).with_coref(!g.no_coref).with_trace(true);
    let mut skipped = 0;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for art in Articles::open(&a.paths) {
        let art = match art {
            Ok(x) => x,
            Err(e) => {
                eprintln!("skipped: {e}");
                skipped += 1;
                continue;
            }
        };
        let (sents, norm) = ex.analyse(&art);
        for s in &sents {
            if a.sentence.is_some_and(|n| n != s.index) {
                continue;
            }
            if !a.all && a.sentence.is_none() && s.frames.is_empty() {
                continue;
            }
            let j = sentence_json(&lex, &art, &norm, s);
            let text = match a.format {
                Format::Json => format!("{j}\n"),
                Format::Text => print_text(&j),
            };
            // a reader that stops early (| head) ends the run, quietly
            match std::io::Write::write_all(&mut out, text.as_bytes()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                r => r?,
            }
        }
    }
    if skipped > 0 {
        return Err(CliError::Input(format!("{skipped} input(s) skipped")));
    }
    Ok(())
}

fn print_text(j: &serde_json::Value) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
    let _ = writeln!(out, "── {} sentence {} [{}..{}]", s(&j["article"]), j["sentence"], j["span"][0], j["span"][1]);
    let _ = writeln!(out, "   {}", s(&j["text"]));
    for m in j["mentions"].as_array().into_iter().flatten() {
        let pro = s(&m["proclitic"]);
        let _ = writeln!(
            out,
            "   entity  {:<22} «{}» alias {}{}{}",
            s(&m["entity"]),
            s(&m["text"]),
            s(&m["alias"]),
            if pro.is_empty() { String::new() } else { format!(" after proclitic {pro}") },
            match m["foldings"].as_array() {
                Some(f) if !f.is_empty() => format!(" (normalised: {})", f.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(", ")),
                _ => String::new(),
            }
        );
    }
    for c in j["cues"].as_array().into_iter().flatten() {
        let _ = writeln!(out, "   cue     {:<22} «{}» {}", s(&c["relation"]), s(&c["text"]), c["patterns"]);
    }
    for n in j["negation"].as_array().into_iter().flatten() {
        let _ = writeln!(out, "   {:<7} «{}»", s(&n["role"]), s(&n["text"]));
    }
    let clauses = j["clauses"].as_array().map(|v| v.len()).unwrap_or(0);
    if clauses > 1 {
        for (i, c) in j["clauses"].as_array().into_iter().flatten().enumerate() {
            let _ = writeln!(out, "   clause  {i} «{}»", s(&c["text"]));
        }
    }
    for c in j["chunks"].as_array().into_iter().flatten() {
        let members: Vec<String> = c["members"].as_array().into_iter().flatten().map(|e| s(e)).collect();
        let prep = c["prep"].as_str().map(|p| format!(" prep {p}")).unwrap_or_default();
        let nisba = if c["nisba"].as_bool() == Some(true) { " nisba" } else { "" };
        let _ = writeln!(out, "   chunk   [{}] «{}» head {}{prep}{nisba} (clause {})", members.join(", "), s(&c["text"]), s(&c["head"]), c["clause"]);
    }
    for r in j["resolutions"].as_array().into_iter().flatten() {
        let ents: Vec<String> = r["entities"].as_array().into_iter().flatten().map(|e| s(e)).collect();
        let vias: Vec<String> = r["via"].as_array().into_iter().flatten().map(|v| format!("«{}» (sentence {})", s(&v["text"]), v["sentence"])).collect();
        if ents.is_empty() {
            let _ = writeln!(out, "   coref   «{}» {}: {}", s(&r["text"]), s(&r["what"]), s(&r["why"]));
        } else {
            let _ = writeln!(out, "   coref   «{}» {} = {} ← {}: {}", s(&r["text"]), s(&r["what"]), ents.join(", "), vias.join(", "), s(&r["why"]));
        }
    }
    for c in j["claims"].as_array().into_iter().flatten() {
        let neg = if s(&c["polarity"]) == "negated" { " (negated)" } else { "" };
        let _ = writeln!(out, "   CLAIM   {} {} {}{}  ← «{}»", s(&c["subject"]), s(&c["relation"]), s(&c["object"]), neg, s(&c["trigger"]));
    }
    for f in j["frames"].as_array().into_iter().flatten() {
        let src = |k: &str| match f[k].as_str() {
            Some("") | None => "-".to_string(),
            Some(x) => x.to_string(),
        };
        let _ = writeln!(out, "   frame   «{}» ({}): subject {} ← {}; object {} ← {}", s(&f["cue"]), s(&f["pattern"]), f["agents"], src("agent_source"), f["patients"], src("patient_source"));
    }
    for r in j["rejected"].as_array().into_iter().flatten() {
        let _ = writeln!(out, "   no claim from «{}» ({}): {}; agents {} patients {}", s(&r["cue"]), s(&r["pattern"]), s(&r["why"]), r["agents"], r["patients"]);
    }
    out.push('\n');
    out
}
