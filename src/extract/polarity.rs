//! Whether a cue is negated.
//!
//! A negator (لم، لن، لا، عدم، غير) negates the cue it stands a few words
//! before, in the same clause. A verb of denial (نفى، تنفي) negates the
//! claims it reports, further along in the sentence: "نفى رئيس هيئة الحشد
//! الشعبي فالح الفياض دخول قوات الحشد إلى سوريا".

use super::claim::Polarity;
use crate::syntax::{ItemKind, Sentence};
use crate::lexicon::Lexicon;

/// How far after a denial verb its scope reaches, in words.
const DENIAL_SCOPE: usize = 16;

/// The polarity of the cue at item `cue`, and the item that negates it.
pub fn polarity(lex: &Lexicon, s: &Sentence, cue: usize) -> (Polarity, Option<usize>) {
    let c = &s.items[cue];
    for (i, it) in s.items[..cue].iter().enumerate().rev() {
        if it.last_word >= c.first_word {
            continue;
        }
        let dist = c.first_word - it.last_word;
        // غير أن (however), لا يزال (still), لا سيما (especially) are no
        // negation; nor does a negated verb reach a cue behind a preposition
        // (لم تعلق إيران على الهجوم)
        let next = it.last_word + 1;
        let broken = || next < s.words.len() && (lex.grammar.complementizers.contains(s.word(next)) || lex.grammar.negator_breakers.contains(s.word(next)));
        let across_prep = || (next..c.first_word).any(|w| lex.grammar.prepositions.contains(s.word(w)));
        match it.kind {
            ItemKind::Negator if !broken() && !across_prep() && it.clause == c.clause && dist <= lex.grammar.negator_window => return (Polarity::Negated, Some(i)),
            // (a denial reports no further than its clause: «نفت روسيا …،
            // فيما اتهمت واشنطن دمشق» accuses for real)
            ItemKind::Denial if it.clause == c.clause && dist <= DENIAL_SCOPE => return (Polarity::Negated, Some(i)),
            _ => {}
        }
    }
    (Polarity::Affirmed, None)
}
