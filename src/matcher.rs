//! One pass over folded text for every alias, cue and negator of the
//! lexicon.
//!
//! The automaton (Aho-Corasick) holds each form without its article; the
//! proclitic chain before it (و ف ب ل ك ال لل and their combinations) and
//! the word boundary after it are checked here, because the automaton knows
//! nothing of words: "مصر" is found inside "مصرف" and must be thrown away.
//! Overlapping matches are all collected and then resolved leftmost-longest,
//! so "الحرس الثوري الإيراني" wins over "الحرس الثوري" and over the nisba
//! "الإيراني", and a rejected match cannot hide a valid one.

use crate::lexicon::{Lexicon, Surface, Target};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;

/// A match of a lexicon form in folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The whole span in folded text, proclitics included.
    pub span: Range<usize>,
    /// Where the form itself starts (after the proclitic chain).
    pub core: usize,
    /// Where the form itself ends; a pronoun suffix (cues only) runs from
    /// here to the end of the span.
    pub form_end: usize,
    /// Index into [`Lexicon::surfaces`].
    pub surface: usize,
}

impl Mention {
    /// The proclitic chain before the form, as folded text (may be "").
    pub fn proclitic<'t>(&self, folded: &'t str) -> &'t str {
        &folded[self.span.start..self.core]
    }

    /// The pronoun suffix after the form (هاجمها، انسحابها), or "".
    pub fn suffix<'t>(&self, folded: &'t str) -> &'t str {
        &folded[self.form_end..self.span.end]
    }
}

/// Words are runs of letters and digits: everything else is a boundary.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

pub struct Matcher {
    ac: AhoCorasick,
    surfaces: Vec<Surface>,
    proclitics: Vec<String>,
    suffixes: Vec<String>,
}

impl Matcher {
    pub fn new(lex: &Lexicon) -> Matcher {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(lex.surfaces.iter().map(|s| s.form.as_str()))
            .expect("lexicon forms build an automaton");
        Matcher {
            ac,
            surfaces: lex.surfaces.clone(),
            proclitics: lex.grammar.proclitics.clone(),
            suffixes: lex.grammar.cue_suffixes.clone(),
        }
    }

    /// Every mention in `folded`, in order, non-overlapping.
    pub fn find(&self, folded: &str) -> Vec<Mention> {
        let mut cands: Vec<Mention> = Vec::new();
        for m in self.ac.find_overlapping_iter(folded) {
            let s = m.start();
            let e = m.end();
            let surf = &self.surfaces[m.pattern().as_usize()];
            // the form must end a word, or end in a pronoun suffix (cues)
            let word_end = word_end(folded, e);
            if word_end != e && !(surf.suffixable && self.suffixes.iter().any(|x| x == &folded[e..word_end])) {
                continue;
            }
            let ws = word_start(folded, s);
            let prefix = &folded[ws..s];
            if !self.prefix_ok(prefix, surf) {
                continue;
            }
            cands.push(Mention { span: ws..word_end, core: s, form_end: e, surface: m.pattern().as_usize() });
        }
        // leftmost, then longest; on the same span the form without a suffix
        // (سيطرة the noun over سيطر+ه), then names over cues (التحالف)
        let is_cue = |m: &Mention| !matches!(self.surfaces[m.surface].target, Target::Entity(_));
        cands.sort_by(|a, b| {
            a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)).then(b.form_end.cmp(&a.form_end)).then(is_cue(a).cmp(&is_cue(b))).then(a.core.cmp(&b.core))
        });
        let mut out: Vec<Mention> = Vec::with_capacity(cands.len());
        let mut last_end = 0;
        for c in cands {
            if c.span.start >= last_end {
                last_end = c.span.end;
                out.push(c);
            }
        }
        out
    }

    fn prefix_ok(&self, prefix: &str, surf: &Surface) -> bool {
        let has_article = prefix.ends_with("ال") || prefix.ends_with("لل");
        if !prefix.is_empty() && !self.proclitics.iter().any(|p| p == prefix) {
            return false;
        }
        if surf.conj_only {
            return matches!(prefix, "" | "و" | "ف");
        }
        if surf.article_optional {
            return true;
        }
        if surf.article {
            // ل + اللاذقية is written للاذقية: the article's lam merges
            has_article || (surf.form.starts_with('ل') && prefix.ends_with('ل'))
        } else {
            !has_article
        }
    }

    pub fn surface(&self, i: usize) -> &Surface {
        &self.surfaces[i]
    }
}

fn word_start(t: &str, mut i: usize) -> usize {
    while let Some(c) = t[..i].chars().next_back() {
        if !is_word_char(c) {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

fn word_end(t: &str, mut i: usize) -> usize {
    while let Some(c) = t[i..].chars().next() {
        if !is_word_char(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// The words of a folded text, as byte ranges.
pub fn words(t: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in t.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..t.len());
    }
    out
}

/// Is this mention an entity, and which?
pub fn entity_of(lex: &Lexicon, m: &Mention) -> Option<usize> {
    match lex.surfaces[m.surface].target {
        Target::Entity(e) => Some(e),
        _ => None,
    }
}
