//! `actorgraph paths`: how is one actor connected to another, and on what
//! evidence. Also the home of what `paths` and `neighbors` share: where the
//! graph comes from (`--graph FILE` or `--articles DIR`), the edge filters,
//! the output format, and name resolution with "did you mean".
//!
//! `cargo run --release --example paths -- ...` runs the same code through
//! [`cli_main`].

use super::{CliError, Global};
use crate::graph::{KnowledgeGraph, Level, MergeOptions, Merger, ViewOptions, PART_OF};
use crate::lexicon::Lexicon;
use crate::query::{self, Adjacency, EdgeFilter, PathQuery, Resolver};
use petgraph::graph::NodeIndex;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// The graph a query runs on.
#[derive(clap::Args, Debug, Clone)]
pub struct SourceArgs {
    /// GraphML written by `actorgraph build` [default: graphs/syria.graphml].
    #[arg(long, value_name = "FILE", conflicts_with = "articles")]
    pub graph: Option<PathBuf>,
    /// Build the graph from articles (.txt, .jsonl, or folders of them)
    /// instead of reading one.
    #[arg(long, value_name = "DIR", num_args = 1..)]
    pub articles: Vec<PathBuf>,
    /// Roll the graph up before walking it (as `build --level`).
    #[arg(long, value_enum, default_value_t = Level::Entity)]
    pub level: Level,
}

/// Which edges may be walked.
#[derive(clap::Args, Debug, Clone)]
pub struct FilterArgs {
    /// Only these relations (comma-separated: attacked,supported).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub relations: Vec<String>,
    /// Only hostile relations (attacked, accused, threatened, rejected).
    #[arg(long)]
    pub hostile: bool,
    /// Only cooperative relations (supported, cooperated_with, agreed_with).
    #[arg(long)]
    pub cooperative: bool,
    /// Only these families (comma-separated: hostile, cooperative, movement,
    /// diplomatic); adds to --hostile/--cooperative.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub families: Vec<String>,
    /// Follow edges from subject to object only (symmetric relations are
    /// walked both ways). Default: undirected.
    #[arg(long)]
    pub directed: bool,
    /// Leave out negated claims ("Iran denies...") [default].
    #[arg(long, conflicts_with = "include_negated")]
    pub exclude_negated: bool,
    /// Walk negated claims too.
    #[arg(long)]
    pub include_negated: bool,
    /// Walk the lexicon's part_of links (Quds Force -> IRGC -> Iran) too.
    #[arg(long)]
    pub include_part_of: bool,
}

pub const FAMILIES: [&str; 4] = ["hostile", "cooperative", "movement", "diplomatic"];

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// For people.
    #[default]
    Text,
    /// For scripts: one JSON document.
    Json,
}

#[derive(clap::Args, Debug, Clone)]
#[command(after_help = "Examples:\n  actorgraph paths --graph graphs/syria.graphml --from hezbollah --to sdf\n  actorgraph paths --from 'حزب الله' --to قسد --all --max-hops 3\n  actorgraph paths --from iran --to isis --hostile --directed --format json\n  actorgraph paths --articles examples/articles --from iran --to usa --level state\n\nNames are entity ids, English names or any Arabic alias of the lexicon (hamza, taa marbuta and\ndiacritics do not matter). Paths are ranked by the articles behind their weakest hop, then by the\ndistinct articles along the whole path, then by fewer hops, then by ids.")]
pub struct Args {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Where from: an id, English name or Arabic alias.
    #[arg(long, value_name = "NAME")]
    pub from: String,
    /// Where to.
    #[arg(long, value_name = "NAME")]
    pub to: String,
    /// Longest path considered, in hops.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub max_hops: usize,
    /// Every simple path within --max-hops, not only the shortest ones.
    #[arg(long)]
    pub all: bool,
    /// Paths printed at most, best first.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The lexicon for name resolution: a broken `--lexicons` folder is an
/// error; a broken built-in one only costs the aliases (the graph's own
/// labels still resolve).
pub fn lexicon_for_names(g: &Global, required: bool) -> Result<Option<Lexicon>, CliError> {
    match g.lexicon() {
        Ok(l) => Ok(Some(l)),
        Err(e) if required || g.lexicons.is_some() => Err(e),
        Err(_) => {
            if g.verbose {
                g.note("note: the built-in lexicon does not load; names resolve against the graph's ids and labels only");
            }
            Ok(None)
        }
    }
}

/// The graph a query walks, and the graph before `--level` rolled it up
/// (for names of entities the roll-up folded away).
pub struct Loaded {
    pub kg: KnowledgeGraph,
    pub original: Option<KnowledgeGraph>,
}

impl Loaded {
    /// A resolver over the graph, the lexicon, and the rolled-up names.
    pub fn resolver<'a>(&'a self, lex: Option<&Lexicon>) -> Resolver<'a> {
        let mut r = Resolver::new(&self.kg, lex);
        if let Some(o) = &self.original {
            r.add_rolled_up(o);
        }
        r
    }
}

/// Read the GraphML, or build the graph from articles, then roll it up.
pub fn load_graph(src: &SourceArgs, g: &Global, lex: Option<&Lexicon>) -> Result<Loaded, CliError> {
    let t0 = Instant::now();
    let kg = if !src.articles.is_empty() {
        let lex = lex.ok_or_else(|| CliError::Input("--articles needs a lexicon".into()))?;
        graph_from_articles(&src.articles, lex, g)?
    } else {
        let path = src.graph.clone().unwrap_or_else(|| PathBuf::from("graphs/syria.graphml"));
        let text = std::fs::read_to_string(&path).map_err(|e| {
            let hint = if src.graph.is_none() { " (give --graph FILE, or --articles DIR to build one)" } else { "" };
            CliError::Input(format!("cannot read {}: {e}{hint}", path.display()))
        })?;
        crate::export::read_graphml(&text).map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?
    };
    let loaded = if src.level == Level::Entity {
        Loaded { kg, original: None }
    } else {
        // keep everything the filter decides on; roll up only
        let opts = ViewOptions { level: src.level, include_negated: true, part_of: true, ..Default::default() };
        Loaded { kg: crate::graph::view(&kg, lex, &opts), original: Some(kg) }
    };
    if g.verbose {
        g.note(format!("graph: {} nodes, {} edges ({:.0?})", loaded.kg.node_count(), loaded.kg.edge_count(), t0.elapsed()));
    }
    Ok(loaded)
}

/// Extract and merge, as `build` does.
pub fn graph_from_articles(paths: &[PathBuf], lex: &Lexicon, g: &Global) -> Result<KnowledgeGraph, CliError> {
    let ex = crate::extract::Extractor::new(lex);
    let mut m = Merger::new(lex, MergeOptions { part_of: true });
    let mut skipped = 0usize;
    crate::extract::extract_stream(&ex, crate::input::Articles::open(paths), |r| match r {
        Ok((_, claims)) => {
            for c in claims {
                m.add(c);
            }
        }
        Err(e) => {
            skipped += 1;
            g.note(format!("skipped: {e}"));
        }
    });
    if m.claims() == 0 && skipped > 0 {
        return Err(CliError::Input(format!("no article could be read ({skipped} skipped)")));
    }
    Ok(m.finish())
}

/// Relations a `--relations` list may name: the lexicon's, the graph's,
/// and part_of.
fn known_relations(kg: &KnowledgeGraph, lex: Option<&Lexicon>) -> Vec<String> {
    let mut v: Vec<String> = kg.relations.keys().cloned().collect();
    v.extend(kg.graph.edge_weights().map(|e| e.relation.clone()));
    if let Some(l) = lex {
        v.extend(l.relations.iter().map(|r| r.id.clone()));
    }
    v.push(PART_OF.to_string());
    v.sort();
    v.dedup();
    v
}

/// The filter of the command line, checked against what the graph knows.
pub fn edge_filter(f: &FilterArgs, kg: &KnowledgeGraph, lex: Option<&Lexicon>) -> Result<EdgeFilter, CliError> {
    let known = known_relations(kg, lex);
    let mut relations = Vec::new();
    for r in f.relations.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        if !known.iter().any(|k| k == r) {
            let hint = crate::lexicon::closest(r, known.iter()).map(|c| format!("; did you mean {c}?")).unwrap_or_default();
            return Err(CliError::Usage(format!("unknown relation {r:?}{hint} (known: {})", known.join(", "))));
        }
        relations.push(r.to_string());
    }
    let mut families: Vec<String> = Vec::new();
    if f.hostile {
        families.push("hostile".into());
    }
    if f.cooperative {
        families.push("cooperative".into());
    }
    for x in f.families.iter().map(|x| x.trim()).filter(|x| !x.is_empty()) {
        if !FAMILIES.contains(&x) {
            let known: Vec<String> = FAMILIES.iter().map(|s| s.to_string()).collect();
            let hint = crate::lexicon::closest(x, known.iter()).map(|c| format!("; did you mean {c}?")).unwrap_or_default();
            return Err(CliError::Usage(format!("unknown family {x:?}{hint} (families: {})", FAMILIES.join(", "))));
        }
        families.push(x.to_string());
    }
    families.sort();
    families.dedup();
    Ok(EdgeFilter { relations, families, directed: f.directed, include_negated: f.include_negated, include_part_of: f.include_part_of })
}

/// A name to a node, or exit 1 with the closest known entities.
pub fn resolve(r: &Resolver, name: &str, level: Level, notes: &mut Vec<String>) -> Result<NodeIndex, CliError> {
    let res = r.resolve(name).map_err(|e| CliError::Input(e.to_string()))?;
    if let Some(asked) = res.rolled_up_from {
        notes.push(format!("{asked} is not a node of this graph{}; using its ancestor {}", if level == Level::Entity { "" } else { " at this --level" }, r.id(res.node)));
    }
    Ok(res.node)
}

/// Print to stdout; a closed pipe (`| head`) is not an error.
pub fn emit(s: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

pub fn run(a: Args, g: &Global) -> Result<(), CliError> {
    if a.max_hops == 0 {
        return Err(CliError::Usage("--max-hops must be at least 1".into()));
    }
    if a.limit == 0 {
        return Err(CliError::Usage("--limit must be at least 1".into()));
    }
    let lex = lexicon_for_names(g, !a.source.articles.is_empty())?;
    let loaded = load_graph(&a.source, g, lex.as_ref())?;
    let kg = &loaded.kg;
    let filter = edge_filter(&a.filter, kg, lex.as_ref())?;
    let resolver = loaded.resolver(lex.as_ref());
    let mut notes = Vec::new();
    let from = resolve(&resolver, &a.from, a.source.level, &mut notes)?;
    let to = resolve(&resolver, &a.to, a.source.level, &mut notes)?;
    if from == to {
        return Err(CliError::Input(format!("{:?} and {:?} are the same entity ({})", a.from, a.to, kg.graph[from].id)));
    }
    let t0 = Instant::now();
    let adj = Adjacency::build(kg, &filter);
    let t1 = Instant::now();
    let q = PathQuery { from, to, max_hops: a.max_hops, all: a.all, limit: a.limit, cap: query::DEFAULT_CAP };
    let mut rep = query::paths_report(kg, &adj, &filter, &q);
    notes.append(&mut rep.notes);
    rep.notes = notes;
    if g.verbose {
        g.note(format!("adjacency: {} admitted edges ({:.1?}); query: {:.1?}", adj.edge_count, t1 - t0, t1.elapsed()));
    }
    match a.format {
        Format::Json => emit(&(serde_json::to_string_pretty(&rep).expect("report serialises") + "\n")),
        Format::Text => emit(&rep.to_text(kg)),
    }
}

/// `paths` as its own program (the `paths` example): the same arguments
/// and global options, the same exit codes.
#[derive(clap::Parser, Debug)]
#[command(name = "paths", version, about = "Shortest or all paths between two entities of the actorgraph, with evidence")]
pub struct Standalone {
    #[command(flatten)]
    pub global: Global,
    #[command(flatten)]
    pub args: Args,
}

/// Parse the process's arguments, run, report errors as `actorgraph` does;
/// returns the exit code.
pub fn cli_main() -> i32 {
    use clap::Parser;
    let s = Standalone::parse();
    match run(s.args, &s.global) {
        Ok(()) => 0,
        Err(e) => {
            let code = e.exit_code();
            match e {
                CliError::Lexicon(le) => eprintln!("{:?}", miette::Report::new(le)),
                other => eprintln!("error: {other}"),
            }
            code
        }
    }
}
