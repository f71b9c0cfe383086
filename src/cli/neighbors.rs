//! `actorgraph neighbors`: an entity's relations with counts; with
//! `--hops N`, the entities first reached in 2..N hops as BFS rings.

use super::paths::{edge_filter, emit, lexicon_for_names, load_graph, resolve, FilterArgs, Format, SourceArgs};
use super::{CliError, Global};
use crate::query::{self, Adjacency};

#[derive(clap::Args, Debug, Clone)]
#[command(after_help = "Examples:\n  actorgraph neighbors quds_force --hops 2\n  actorgraph neighbors 'حزب الله' --hostile\n  actorgraph neighbors iran --level state --format json\n\nPer neighbour: each relation with its direction (—supported→ from the entity, ←attacked— towards it,\n—met_with— symmetric), articles and claims. Ring k lists the entities first reached in k hops, each\nwith its links to ring k-1. Filters are those of `paths`.")]
pub struct Args {
    /// The entity: an id, English name or Arabic alias.
    #[arg(value_name = "ID")]
    pub entity: String,
    /// Rings of neighbours to list.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub hops: usize,
    /// Entities listed per ring at most (default: all).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub source: SourceArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(a: Args, g: &Global) -> Result<(), CliError> {
    if a.hops == 0 {
        return Err(CliError::Usage("--hops must be at least 1".into()));
    }
    let lex = lexicon_for_names(g, !a.source.articles.is_empty())?;
    let loaded = load_graph(&a.source, g, lex.as_ref())?;
    let kg = &loaded.kg;
    let filter = edge_filter(&a.filter, kg, lex.as_ref())?;
    let resolver = loaded.resolver(lex.as_ref());
    let mut notes = Vec::new();
    let center = resolve(&resolver, &a.entity, a.source.level, &mut notes)?;
    let adj = Adjacency::build(kg, &filter);
    let mut rep = query::neighbors_report(kg, &adj, &filter, center, a.hops, a.limit);
    rep.notes = notes;
    match a.format {
        Format::Json => emit(&(serde_json::to_string_pretty(&rep).expect("report serialises") + "\n")),
        Format::Text => emit(&rep.to_text(kg)),
    }
}
