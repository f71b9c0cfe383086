//! Whether a cue is negated.
//!
//! A negator (لم، لن، لا، عدم، غير) negates the cue it stands a few words
//! before, in the same clause. A verb of denial (نفى، تنفي) negates the
//! claims it reports, further along in the sentence: "نفى رئيس هيئة الحشد
//! الشعبي فالح الفياض دخول قوات الحشد إلى سوريا".
//!
//! A predicate of falsity (عار عن الصحة، لا أساس له من الصحة) negates the
//! claims in its subject before it: "الحديث عن تسليم حقل العمر لقوات النظام
//! عارٍ عن الصحة".
//!
//! A cue that describes a noun (a participle with the article, the verb of
//! a relative clause) states what that noun is, not the act that is
//! negated: «لن تنسحب من نقاط المراقبة المنتشرة في إدلب» keeps the points
//! deployed. Only a negator inside the description reaches it. So with an
//! event after a word of time, which dates the clause: «نفى أن يكون طلب
//! منه التنحي خلال لقائهما» denies the demand, not the meeting.

use super::claim::Polarity;
use crate::syntax::{ItemKind, Sentence};
use crate::lexicon::{Lexicon, Shape};

/// How far after a denial verb its scope reaches, in words, within its
/// clause: a denial of a report reaches over the report's source to its
/// content (نفى العراق صحة ما ورد من مزاعم في صحيفة «واشنطن بوست» نقلاً عن
/// وثائق تابعة للمخابرات الأميركية بأن إيران نقلت مساعدات).
const DENIAL_SCOPE: usize = 30;

/// How far before a predicate of falsity (عار عن الصحة) a cue may stand,
/// in words: the predicate's subject, «الأنباء عن انسحاب القوات الروسية من
/// مطار القامشلي».
const FALSITY_SCOPE: usize = 12;

/// The polarity of the cue at item `cue`, and the item that negates it.
pub fn polarity(lex: &Lexicon, s: &Sentence, cue: usize) -> (Polarity, Option<usize>) {
    let c = &s.items[cue];
    let description = description_start(lex, s, cue).or_else(|| circumstance_start(lex, s, cue));
    for (i, it) in s.items[..cue].iter().enumerate().rev() {
        if it.last_word >= c.first_word {
            continue;
        }
        if description.is_some_and(|d| it.last_word + 1 < d) {
            break;
        }
        let dist = c.first_word - it.last_word;
        // غير أن (however), لا يزال (still), لا سيما (especially) are no
        // negation; nor does a negated verb reach a cue behind a preposition
        // (لم تعلق إيران على الهجوم)
        let next = it.last_word + 1;
        let broken = || next < s.words.len() && (lex.grammar.complementizers.contains(s.word(next)) || lex.grammar.negator_breakers.contains(s.word(next)));
        // (but a light verb's preposition leads to its own act, which the
        // negation reaches: لم تتمكن الفصائل من دخول المدينة)
        // (past its subject: لم تتمكن تركيا من السيطرة على منبج)
        let prep = |w: usize| lex.grammar.prepositions.contains(s.word(w));
        let light_prep = |w: usize| (next..w).rev().take_while(|&v| !prep(v)).any(|v| s.light_verb[v]);
        let across_prep = || (next..c.first_word).any(|w| prep(w) && !light_prep(w));
        if it.clause != c.clause || quote_closes_between(s, it.first_word, c.first_word) {
            continue;
        }
        match it.kind {
            ItemKind::Negator if !broken() && !across_prep() && dist <= lex.grammar.negator_window => return (Polarity::Negated, Some(i)),
            // (a denial reports no further than its clause: «نفت روسيا …،
            // فيما اتهمت واشنطن دمشق» accuses for real; nor past a verb
            // joined to it: «نفت الوزارة …، واتهمت واشنطن» is a second act
            // of the denier)
            ItemKind::Denial if dist <= DENIAL_SCOPE && !conjoined_verb(lex, s, cue) => return (Polarity::Negated, Some(i)),
            _ => {}
        }
    }
    // (a predicate of falsity looks back over its subject, which holds no
    // comma: «سيطرت القوات على البلدة، والحديث عن انسحابها عارٍ عن الصحة»
    // keeps the control)
    for (i, it) in s.items.iter().enumerate().skip(cue + 1) {
        if it.first_word <= c.last_word || !matches!(it.kind, ItemKind::Falsity) {
            continue;
        }
        let between = &s.text[s.words[c.last_word].end..s.words[it.first_word].start];
        if it.clause == c.clause && it.first_word - c.last_word <= FALSITY_SCOPE && !between.contains(['،', ',']) {
            return (Polarity::Negated, Some(i));
        }
    }
    (Polarity::Affirmed, None)
}

/// Does a quotation that is open at word `from` close before word `to`? A
/// negation inside quoted speech ends with it: «"… ولا صحة عن تحرير البلدة"،
/// مقابل ذلك نقلت الوكالة أن القوات حررت» is the agency's report.
fn quote_closes_between(s: &Sentence, from: usize, to: usize) -> bool {
    let open = s.text[s.range.start..s.words[from].start].matches('"').count() % 2 == 1;
    open && s.text[s.words[from].end..s.words[to].start].contains('"')
}

/// Is the cue at item `cue` a verb joined by و or ف after a comma: a new
/// predicate of the sentence's subject, not part of what was said before?
fn conjoined_verb(lex: &Lexicon, s: &Sentence, cue: usize) -> bool {
    let c = &s.items[cue];
    let ItemKind::Cue(pats) = &c.kind else { return false };
    let conj = c.mention.proclitic(s.text).starts_with(['و', 'ف']);
    let comma = c.first_word > 0 && s.text[s.words[c.first_word - 1].end..s.words[c.first_word].start].contains(['،', ',']);
    conj && comma && pats.iter().all(|&p| lex.patterns[p].shape == Shape::Verb)
}

/// The word of time before the cue at item `cue` when the cue names the
/// event that dates the clause (طلب منه التنحي خلال لقائهما، انسحبت بعد
/// اجتماع مع…): the event is taken as given, so what negates or denies the
/// clause does not reach it; `None` otherwise.
fn circumstance_start(lex: &Lexicon, s: &Sentence, cue: usize) -> Option<usize> {
    let c = &s.items[cue];
    let ItemKind::Cue(pats) = &c.kind else { return None };
    let k = c.first_word.checked_sub(1)?;
    let g = &lex.grammar;
    let timed = g.time_words.contains(s.word(k)) && g.prepositions.contains(s.word(k));
    (timed && s.clause_of_word[k] == c.clause && pats.iter().all(|&p| lex.patterns[p].shape == Shape::Noun)).then_some(k)
}

/// The first word of the description that the cue at item `cue` heads: the
/// cue itself for a participle written with the article (القوات المنتشرة،
/// الفصائل المدعومة من), the relative pronoun for the verb of a relative
/// clause (التي تتمركز، الذي كان يقوده); `None` for a cue that states an act.
fn description_start(lex: &Lexicon, s: &Sentence, cue: usize) -> Option<usize> {
    let c = &s.items[cue];
    let ItemKind::Cue(pats) = &c.kind else { return None };
    let shapes = || pats.iter().map(|&p| lex.patterns[p].shape);
    let definite = c.mention.proclitic(s.text).trim_start_matches(['و', 'ف']).ends_with("ال");
    if definite && shapes().all(|sh| matches!(sh, Shape::Participle | Shape::Passive)) {
        return Some(c.first_word);
    }
    if !shapes().any(|sh| sh == Shape::Verb) {
        return None;
    }
    let g = &lex.grammar;
    let mut k = c.first_word.checked_sub(1)?;
    if g.copulas.contains(s.word(k)) {
        k = k.checked_sub(1)?;
    }
    (g.relatives.contains(s.word(k)) && s.clause_of_word[k] == c.clause).then_some(k)
}
