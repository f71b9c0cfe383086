//! `actorgraph build`: articles in, claims and the graph out.
//!
//! Articles are read as a stream and extracted in parallel chunks (rayon),
//! the claims kept in input order; each claim is written to the claims file
//! and merged at once, so memory holds the graph and one chunk. Every output
//! is rendered first and then written whole or not at all (temp files in the
//! output folder, renamed only when all are written), so a failed run leaves
//! the previous files as they were.

use super::{CliError, Global};
use crate::export::{self, DotOptions, Labels};
use crate::extract::{Claim, Extractor};
use crate::graph::views::is_date;
use crate::graph::{view, KnowledgeGraph, Level, MergeOptions, Merger, ViewOptions};
use crate::input::Articles;
use crate::lexicon::Lexicon;
use rayon::prelude::*;
use super::output::OutputFile;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  actorgraph build examples/articles --out graphs --name syria --png   (then open graphs/syria.html)\n  actorgraph build dump.jsonl --out out --level state --since 2018-01-01\n  actorgraph build corpus/ --out out --labels both --relations attacked,controls")]
pub struct Args {
    /// Article files (.txt, .jsonl) or folders of them; - reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub graph: GraphArgs,
}

/// Where the graph goes and which view of it: shared by `build` and `merge`.
#[derive(clap::Args, Debug, Clone)]
pub struct GraphArgs {
    /// Output folder (created if missing). Files: NAME.graphml, NAME.gexf,
    /// NAME.dot, NAME.svg (when Graphviz `dot` is installed), NAME.png
    /// (--png), NAME.html (the evidence browser: one self-contained page
    /// that opens offline, to explore the graph and read the sentence
    /// behind every edge); `build` also writes the claims: claims.jsonl, or
    /// NAME.claims.jsonl when --name is given.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Base name of the output files.
    #[arg(long, default_value = "graph")]
    pub name: String,
    /// Roll people up into their organisations, or everything into states.
    #[arg(long, value_enum, default_value_t = Level::Entity)]
    pub level: Level,
    /// Keep only these relations (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "REL,...")]
    pub relations: Vec<String>,
    /// Drop edges seen in fewer articles (counted after roll-up).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub min_articles: usize,
    /// Keep claims dated on or after this day (undated claims are dropped
    /// when a bound is given).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<String>,
    /// Keep claims dated on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<String>,
    /// Keep negated claims (drawn dashed); they are left out by default.
    #[arg(long)]
    pub include_negated: bool,
    /// Leave out the lexicon's parent links (`part_of` edges) and the
    /// ancestors they bring in.
    #[arg(long)]
    pub no_part_of: bool,
    /// Labels of the DOT/SVG/PNG drawing, and the first ones of NAME.html
    /// (the page can switch).
    #[arg(long, value_enum, default_value_t = Labels::En)]
    pub labels: Labels,
    /// Also render NAME.png with Graphviz.
    #[arg(long)]
    pub png: bool,
    /// Do not render NAME.svg.
    #[arg(long)]
    pub no_svg: bool,
    /// Do not write NAME.html.
    #[arg(long)]
    pub no_html: bool,
    /// A title drawn above the graph.
    #[arg(long)]
    pub title: Option<String>,
}

impl GraphArgs {
    /// Check the options that clap cannot (exit 2 on a mistake).
    pub fn check(&self, lex: &Lexicon) -> Result<(), CliError> {
        if self.name.is_empty() || self.name.contains(['/', '\\']) || self.name.starts_with('.') {
            return Err(CliError::Usage(format!("--name {:?}: give a plain file name without folders, e.g. --name syria", self.name)));
        }
        for (flag, d) in [("--since", &self.since), ("--until", &self.until)] {
            if let Some(d) = d {
                if !is_date(d) {
                    return Err(CliError::Usage(format!("{flag} {d:?}: give a day as YYYY-MM-DD, e.g. 2018-06-13")));
                }
            }
        }
        if let (Some(s), Some(u)) = (&self.since, &self.until) {
            if s > u {
                return Err(CliError::Usage(format!("--since {s} is after --until {u}: nothing would be kept")));
            }
        }
        for r in &self.relations {
            if lex.relation(r).is_none() {
                let hint = crate::lexicon::closest(r, lex.relation_index.keys()).map(|c| format!(" (did you mean {c:?}?)")).unwrap_or_default();
                let known: Vec<&str> = lex.relation_index.keys().map(String::as_str).collect();
                return Err(CliError::Usage(format!("--relations: unknown relation {r:?}{hint}; known: {}", known.join(", "))));
            }
        }
        Ok(())
    }

    pub fn merge_options(&self) -> MergeOptions {
        MergeOptions { part_of: !self.no_part_of }
    }

    pub fn view_options(&self) -> ViewOptions {
        ViewOptions {
            level: self.level,
            relations: if self.relations.is_empty() { None } else { Some(self.relations.clone()) },
            min_articles: self.min_articles,
            since: self.since.clone(),
            until: self.until.clone(),
            include_negated: self.include_negated,
            part_of: !self.no_part_of,
        }
    }

    pub fn dot_options(&self) -> DotOptions {
        DotOptions { labels: self.labels, title: self.title.clone(), ..DotOptions::default() }
    }

    pub fn path(&self, ext: &str) -> PathBuf {
        self.out.join(format!("{}.{ext}", self.name))
    }

    pub fn claims_path(&self) -> PathBuf {
        if self.name == "graph" {
            self.out.join("claims.jsonl")
        } else {
            self.path("claims.jsonl")
        }
    }

    /// Create the output folder, or say why not (exit 1).
    pub fn create_out(&self) -> Result<(), CliError> {
        std::fs::create_dir_all(&self.out).map_err(|e| CliError::Input(format!("cannot create the output folder {}: {e}", self.out.display())))
    }
}

/// The files of a graph, rendered in memory: (path, bytes).
pub fn render_outputs(g: &KnowledgeGraph, args: &GraphArgs, global: &Global, lex: &Lexicon) -> Vec<(PathBuf, Vec<u8>)> {
    let dot = export::to_dot(g, &args.dot_options());
    let mut files = vec![
        (args.path("graphml"), export::to_graphml(g).into_bytes()),
        (args.path("gexf"), export::to_gexf(g).into_bytes()),
    ];
    let mut formats = Vec::new();
    if !args.no_svg {
        formats.push("svg");
    }
    if args.png {
        formats.push("png");
    }
    if !formats.is_empty() {
        if export::dot::dot_available() {
            for f in formats {
                match export::render(&dot, f) {
                    Ok((bytes, warnings)) => {
                        for w in warnings.lines().filter(|l| !l.trim().is_empty()) {
                            global.note(format!("dot: {w}"));
                        }
                        files.push((args.path(f), bytes));
                    }
                    Err(e) => eprintln!("warning: {e}; {}.{f} not written", args.name),
                }
            }
        } else {
            global.note(format!("note: Graphviz `dot` is not on PATH, so {}.svg{} not written (Debian: apt-get install graphviz fonts-noto-core)", args.name, if args.png { "/.png were" } else { " was" }));
        }
    }
    files.push((args.path("dot"), dot.into_bytes()));
    if !args.no_html {
        if g.edge_count() > export::html::MAX_EDGES {
            global.note(format!("note: {}.html not written: {} edges are more than a browser page can draw ({} at most); narrow the view (--min-articles, --relations, --level, --since/--until)", args.name, g.edge_count(), export::html::MAX_EDGES));
        } else {
            let names = crate::query::Resolver::new(g, Some(lex)).names_by_node();
            files.push((args.path("html"), export::to_html(g, Some(lex), &export::HtmlOptions { labels: args.labels, title: args.title.clone(), level: args.level, names: Some(names) }).into_bytes()));
        }
    }
    files
}

/// Write every file whole or none (see [`super::output::write_all`]).
pub fn write_all_atomic(files: Vec<(PathBuf, Vec<u8>)>, streamed: Vec<OutputFile>) -> Result<Vec<PathBuf>, CliError> {
    super::output::write_all(files, streamed)
}

/// File names, for the summary.
pub fn names(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()).collect::<Vec<_>>().join(", ")
}

/// A spinner on stderr that shows up only on a terminal, without --quiet,
/// once a run has lasted a second.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: Instant,
    shown: bool,
}

impl Progress {
    pub fn new(global: &Global) -> Progress {
        let bar = (!global.quiet && std::io::stderr().is_terminal()).then(|| {
            let b = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::hidden());
            b.set_style(indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}").unwrap());
            b
        });
        Progress { bar, start: Instant::now(), shown: false }
    }

    pub fn update(&mut self, msg: impl FnOnce() -> String) {
        if let Some(b) = &self.bar {
            if !self.shown && self.start.elapsed() > Duration::from_secs(1) {
                b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                b.enable_steady_tick(Duration::from_millis(120));
                self.shown = true;
            }
            if self.shown {
                b.set_message(msg());
            }
        }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

const CHUNK: usize = 64;

pub fn run(a: Args, global: &Global) -> Result<(), CliError> {
    let started = Instant::now();
    let lex = global.lexicon()?;
    a.graph.check(&lex)?;
    a.graph.create_out()?;
    let claims_path = a.graph.claims_path();
    let mut claims_out = OutputFile::create(&claims_path)?;
    let extractor = Extractor::new(&lex).with_coref(!global.no_coref);
    let mut merger = Merger::new(&lex, a.graph.merge_options());
    let (mut articles, mut skipped) = (0usize, 0usize);
    let mut progress = Progress::new(global);
    let mut input = Articles::open(&a.paths);
    let mut write_err: Option<std::io::Error> = None;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        for item in input.by_ref() {
            match item {
                Ok(art) => {
                    chunk.push(art);
                    if chunk.len() == CHUNK {
                        break;
                    }
                }
                Err(e) => {
                    skipped += 1;
                    if !global.quiet {
                        progress.update(String::new);
                        eprintln!("skipped {e}");
                    }
                }
            }
        }
        if chunk.is_empty() {
            break;
        }
        articles += chunk.len();
        let claims: Vec<Vec<Claim>> = chunk.par_iter().map(|art| extractor.article(art)).collect();
        for c in claims.into_iter().flatten() {
            if write_err.is_none() {
                if let Err(e) = serde_json::to_writer(claims_out.writer(), &c).map_err(std::io::Error::from).and_then(|_| claims_out.writer().write_all(b"\n")) {
                    write_err = Some(e);
                }
            }
            merger.add(c);
        }
        let n = merger.claims();
        progress.update(|| format!("{articles} articles, {n} claims"));
    }
    progress.finish();
    if let Some(e) = write_err {
        return Err(claims_out.error(&e));
    }
    if articles == 0 {
        return Err(CliError::Input(format!("no article could be read ({skipped} inputs skipped); nothing written")));
    }
    let claims = merger.claims();
    let merged = merger.finish();
    let g = view(&merged, Some(&lex), &a.graph.view_options());
    let files = render_outputs(&g, &a.graph, global, &lex);
    let written = write_all_atomic(files, vec![claims_out])?;
    global.note(format!(
        "built {}: {articles} articles, {claims} claims, {} nodes, {} edges, {skipped} skipped inputs",
        a.graph.out.join(&a.graph.name).display(),
        g.node_count(),
        g.edge_count()
    ));
    if global.verbose {
        global.note(format!("wrote {} in {:.2?}", names(&written), started.elapsed()));
    }
    Ok(())
}
