//! From mentions to claims.

pub mod claim;

pub use claim::{Claim, Polarity};

use crate::input::Article;
use crate::lexicon::Lexicon;
use crate::matcher::Matcher;

/// Turns articles into claims with one lexicon. Cheap to share across
/// threads (`&Extractor` is `Sync`).
pub struct Extractor<'l> {
    pub lex: &'l Lexicon,
    pub matcher: Matcher,
}

impl<'l> Extractor<'l> {
    pub fn new(lex: &'l Lexicon) -> Extractor<'l> {
        Extractor { lex, matcher: Matcher::new(lex) }
    }

    /// Every claim of one article, in sentence order, deduplicated per
    /// sentence on (subject, relation, object, polarity).
    pub fn article(&self, _a: &Article) -> Vec<Claim> {
        Vec::new()
    }
}
