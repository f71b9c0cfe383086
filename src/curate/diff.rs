//! `lexicon diff`: which claims change on a corpus when the lexicon changes.
//!
//! Both lexicons extract every article; a claim is the same in both when
//! its article, sentence, subject, relation, object and polarity are (the
//! two parties of a symmetric relation in either order). What is only in
//! the old lexicon's claims is lost by the edit, what is only in the new
//! one's is gained; a flipped polarity shows as one of each.

use crate::extract::{Claim, Extractor, Polarity, CHUNK};
use crate::input::{Article, InputError};
use crate::lexicon::Lexicon;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What identifies a claim across two lexicons.
pub type ClaimKey = (String, usize, String, String, String, Polarity);

/// The key of a claim; the parties of a symmetric relation are sorted.
pub fn key(c: &Claim, symmetric: bool) -> ClaimKey {
    let (s, o) = if symmetric && c.object < c.subject { (&c.object, &c.subject) } else { (&c.subject, &c.object) };
    (c.article.clone(), c.sentence, s.clone(), c.relation.clone(), o.clone(), c.polarity)
}

/// Which side of the diff a claim is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Only the old lexicon makes it.
    Removed,
    /// Only the new lexicon makes it.
    Added,
}

impl Change {
    pub fn sign(self) -> char {
        match self {
            Change::Removed => '-',
            Change::Added => '+',
        }
    }
}

/// One claim that differs.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimChange {
    pub change: Change,
    #[serde(flatten)]
    pub claim: Claim,
}

/// Which relations are symmetric, in either lexicon.
#[derive(Debug, Clone, Default)]
pub struct Symmetry(HashSet<String>);

impl Symmetry {
    pub fn of(lexicons: &[&Lexicon]) -> Symmetry {
        Symmetry(lexicons.iter().flat_map(|l| l.relations.iter().filter(|r| r.symmetric).map(|r| r.id.clone())).collect())
    }

    pub fn is_symmetric(&self, relation: &str) -> bool {
        self.0.contains(relation)
    }
}

/// The claims of one article that differ, in sentence order, removed
/// before added within a sentence.
pub fn diff_claims(old: Vec<Claim>, new: Vec<Claim>, sym: &Symmetry) -> Vec<ClaimChange> {
    let k = |c: &Claim| key(c, sym.is_symmetric(&c.relation));
    let old_keys: HashSet<ClaimKey> = old.iter().map(k).collect();
    let new_keys: HashSet<ClaimKey> = new.iter().map(k).collect();
    let mut out: Vec<ClaimChange> = Vec::new();
    let mut emitted: HashMap<ClaimKey, ()> = HashMap::new();
    for (claims, other, change) in [(old, &new_keys, Change::Removed), (new, &old_keys, Change::Added)] {
        for c in claims {
            let ck = k(&c);
            if !other.contains(&ck) && emitted.insert(ck, ()).is_none() {
                out.push(ClaimChange { change, claim: c });
            }
        }
    }
    out.sort_by(|a, b| {
        let (ka, kb) = (k(&a.claim), k(&b.claim));
        (a.claim.sentence, a.change, &ka).cmp(&(b.claim.sentence, b.change, &kb))
    });
    out
}

/// Counts over a corpus.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DiffSummary {
    pub articles: usize,
    pub old_claims: usize,
    pub new_claims: usize,
    pub removed: usize,
    pub added: usize,
    /// Articles whose claims changed.
    pub articles_changed: usize,
}

impl DiffSummary {
    pub fn add(&mut self, old: usize, new: usize, changes: &[ClaimChange]) {
        self.articles += 1;
        self.old_claims += old;
        self.new_claims += new;
        let removed = changes.iter().filter(|c| c.change == Change::Removed).count();
        self.removed += removed;
        self.added += changes.len() - removed;
        if !changes.is_empty() {
            self.articles_changed += 1;
        }
    }
}

/// Extract every article with both lexicons (on all cores, in chunks, so
/// memory does not grow with the corpus) and hand each article's changes to
/// `sink`, in input order.
pub fn diff_corpus<I, F>(old: &Lexicon, new: &Lexicon, articles: I, mut sink: F) -> DiffSummary
where
    I: Iterator<Item = Result<Article, InputError>>,
    F: FnMut(Result<(Article, Vec<ClaimChange>), InputError>),
{
    let sym = Symmetry::of(&[old, new]);
    let (ox, nx) = (Extractor::new(old), Extractor::new(new));
    let mut summary = DiffSummary::default();
    let mut articles = articles.peekable();
    while articles.peek().is_some() {
        let chunk: Vec<Result<Article, InputError>> = articles.by_ref().take(CHUNK).collect();
        let done: Vec<_> = chunk
            .into_par_iter()
            .map(|r| {
                r.map(|a| {
                    let (o, n) = (ox.article(&a), nx.article(&a));
                    let counts = (o.len(), n.len());
                    let changes = diff_claims(o, n, &sym);
                    (a, counts, changes)
                })
            })
            .collect();
        for r in done {
            match r {
                Ok((a, (o, n), changes)) => {
                    summary.add(o, n, &changes);
                    sink(Ok((a, changes)));
                }
                Err(e) => sink(Err(e)),
            }
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(sentence: usize, s: &str, r: &str, o: &str, pol: Polarity) -> Claim {
        Claim {
            article: "a".into(),
            sentence,
            subject: s.into(),
            subject_chain: vec![s.into()],
            relation: r.into(),
            object: o.into(),
            object_chain: vec![o.into()],
            polarity: pol,
            evidence: "...".into(),
            span: [0, 3],
            trigger: "t".into(),
            date: None,
            subject_via: None,
            object_via: None,
        }
    }

    #[test]
    fn symmetric_order_and_polarity() {
        let sym = Symmetry(["met_with".to_string()].into_iter().collect());
        let old = vec![claim(0, "iran", "met_with", "russia", Polarity::Affirmed), claim(1, "iran", "attacked", "isis", Polarity::Affirmed)];
        let new = vec![claim(0, "russia", "met_with", "iran", Polarity::Affirmed), claim(1, "iran", "attacked", "isis", Polarity::Negated), claim(2, "x", "attacked", "y", Polarity::Affirmed)];
        let d = diff_claims(old, new, &sym);
        let got: Vec<(char, usize, &str)> = d.iter().map(|c| (c.change.sign(), c.claim.sentence, c.claim.polarity.as_str())).collect();
        assert_eq!(got, vec![('-', 1, "affirmed"), ('+', 1, "negated"), ('+', 2, "affirmed")]);
    }
}
