//! `gaps`: the names the lexicon does not know but the corpus keeps using
//! where actors and places stand.
//!
//! Two places in a sentence hold names:
//!
//! - right after a head noun of `grammar.ron` (`actor_heads`: لواء، حركة،
//!   جيش...; `place_heads`: مدينة، بلدة، معبر...): لواء الباقر, بلدة خشام;
//! - the subject or object slot of a cue where the extractor found no
//!   entity (its frames rejected with `no_agent` / `no_patient`): the words
//!   right before a verb cue or right after it, after the object preposition
//!   of the cue (انسحب من ...), after an agent preposition (على يد ...).
//!
//! From each such place the 1 to 3 following (or, before a verb, preceding)
//! words are candidates, as long as they are not covered by a lexicon
//! mention, not stop-words, not numbers and not cut by punctuation. Of a
//! name and its longer extension (الدفاع / الدفاع الوطني), the extension
//! wins when it carries at least half of the name's uses. Candidates are
//! ranked by how many articles use them, then by uses.
//!
//! Name-forming heads (لواء، حركة، جيش، قوات...) are kept in the name
//! (لواء الباقر); descriptive ones (ميليشيا، تنظيم، فصيل) and place heads
//! are not (تنظيم داعش -> داعش, مدينة البوكمال -> البوكمال).

use super::{slug::slug, stop::is_stop};
use crate::extract::{Extractor, Reason, SentenceAnalysis};
use crate::input::Article;
use crate::lexicon::{strip_article, EntityKind, Genitive, Lexicon, ObjectKind, Shape, Target};
use crate::matcher::words;
use crate::text::{normalize_str, sentences, Normalized};
use indexmap::IndexMap;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The longest candidate name, in words (without its head).
pub const MAX_WORDS: usize = 3;
/// How often a name seen only in the slots of cues must be seen.
pub const MIN_SLOT_USES: usize = 2;
/// How far after a cue its object or agent preposition may stand, in words.
const PREP_REACH: usize = 4;
/// Heads that describe rather than name: left out of the name.
const DESCRIPTIVE_HEADS: &[&str] = &["ميليشيا", "مليشيا", "ميليشيات", "مليشيات", "تنظيم", "جماعة", "فصيل", "فصائل"];
/// Place heads that are part of the place's name (حي الجمعيات، معبر نصيب،
/// حقل العمر): the suggested alias keeps them, a bare العمر would be
/// ambiguous.
const FEATURE_HEADS: &[&str] = &["حي", "أحياء", "معبر", "مطار", "قاعدة", "مخيم", "حقل", "جبل", "سهل", "بادية"];
/// Plural or dual place heads, whose names come coordinated (أحياء
/// الجمعيات والسكرية، بلدتي نبل والزهراء).
const PLURAL_HEADS: &[&str] = &["أحياء", "بلدات", "قرى", "مدينتي", "بلدتي", "قريتي", "محافظتي", "مناطق", "مخيمات"];
/// The singular a plural feature head takes in a suggested name.
const SINGULAR: &[(&str, &str)] = &[("أحياء", "حي"), ("مخيمات", "مخيم")];
/// Actor heads whose names are organisations rather than armed groups.
const ORGANIZATION_HEADS: &[&str] = &["مجلس", "حزب", "تجمع"];

/// Where a candidate stood.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "slot", content = "via", rename_all = "snake_case")]
pub enum Slot {
    /// After a head noun, as written.
    Head(String),
    /// After a place head that belongs to the name (حي، معبر، مطار...).
    Feature(String),
    /// In the subject slot of a cue of this relation.
    Subject(String),
    /// In the object slot of a cue of this relation.
    Object(String),
}

impl Slot {
    pub fn describe(&self) -> String {
        match self {
            Slot::Head(h) | Slot::Feature(h) => format!("after {h}"),
            Slot::Subject(r) => format!("subject of {r}"),
            Slot::Object(r) => format!("object of {r}"),
        }
    }
}

/// Which side of a candidate is anchored (to its head or cue): the other
/// side is where a longer candidate extends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// Starts at the anchor, extends to the right (after a head or cue).
    Start,
    /// Ends at the anchor, extends to the left (before a verb cue).
    End,
}

/// One use of a candidate name.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// Folded name, the key candidates are pooled under.
    pub key: String,
    /// The name as written in the article.
    pub written: String,
    pub slot: Slot,
    pub kind: EntityKind,
    pub sentence: usize,
    /// The sentence in the original text.
    pub sentence_span: Range<usize>,
    /// The name in the original text.
    pub span: Range<usize>,
    anchor: Anchor,
}

/// An example sentence for a candidate.
#[derive(Debug, Clone, Serialize)]
pub struct Example {
    pub article: String,
    pub sentence: usize,
    /// The sentence exactly as written.
    pub text: String,
    /// Byte range of the name within `text`.
    pub name_span: [usize; 2],
}

/// A name the lexicon misses, ranked and ready to paste.
#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub rank: usize,
    /// The name as most often written.
    pub name: String,
    /// Its folded form (what the matcher would see).
    pub folded: String,
    pub articles: usize,
    pub uses: usize,
    /// The kind guessed from the head word or the slot.
    pub kind: EntityKind,
    /// Where it stood, with counts ("after لواء": 5).
    pub slots: IndexMap<String, usize>,
    pub examples: Vec<Example>,
    /// Suggested id.
    pub id: String,
    /// A RON entry for `lexicons/entities/*.ron`.
    pub ron: String,
}

/// The heads of the grammar, folded, with what they say about the name.
struct Head {
    words: Vec<String>,
    kind: EntityKind,
    /// The head is part of the name (لواء الباقر) or not (تنظيم داعش).
    in_name: bool,
    /// A place head that the place's name keeps (حي، معبر، مطار...).
    feature: bool,
    /// A plural (أحياء، بلدات، قرى): its names may be coordinated.
    plural: bool,
}

/// Finds the occurrences of candidate names in articles.
pub struct GapFinder<'l> {
    pub ex: Extractor<'l>,
    heads: Vec<Head>,
    /// Every folded surface form of an entity, without its article.
    known: HashSet<String>,
    proclitics: Vec<String>,
}

/// One sentence being scanned.
struct Scan<'a> {
    folded: &'a str,
    words: Vec<Range<usize>>,
    /// Word i is (partly) covered by a lexicon mention.
    covered: Vec<bool>,
    /// Word i carries tanween as written (سياسياً، عشوائياً): an
    /// indefinite adverb or noun, not a name.
    tanween: Vec<bool>,
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        &self.folded[self.words[i].clone()]
    }

    /// The folded text between word i-1 and word i.
    fn gap_before(&self, i: usize) -> &str {
        &self.folded[self.words[i - 1].end..self.words[i].start]
    }
}

/// A gap between two words of one name: spaces only.
fn joins(gap: &str) -> bool {
    gap.chars().all(|c| c == ' ')
}

/// A gap between a head or cue and the name after it: spaces, quotes,
/// an opening bracket.
fn opens(gap: &str) -> bool {
    gap.chars().all(|c| matches!(c, ' ' | '"' | '\'' | '('))
}

impl<'l> GapFinder<'l> {
    pub fn new(lex: &'l Lexicon) -> GapFinder<'l> {
        let fold = |v: &[&str]| v.iter().map(|s| normalize_str(s)).collect::<Vec<_>>();
        let descriptive = fold(DESCRIPTIVE_HEADS);
        let organization = fold(ORGANIZATION_HEADS);
        let features = fold(FEATURE_HEADS);
        let plurals = fold(PLURAL_HEADS);
        let mut heads = Vec::new();
        for h in &lex.grammar.actor_heads {
            let kind = if organization.contains(h) { EntityKind::Organization } else { EntityKind::ArmedGroup };
            heads.push(Head { words: h.split(' ').map(String::from).collect(), kind, in_name: !descriptive.contains(h), feature: false, plural: false });
        }
        for h in &lex.grammar.place_heads {
            heads.push(Head { words: h.split(' ').map(String::from).collect(), kind: EntityKind::Place, in_name: false, feature: features.contains(h), plural: plurals.contains(h) });
        }
        // longest heads first (غرفة عمليات before غرفة)
        heads.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
        let known = lex
            .surfaces
            .iter()
            .filter(|s| matches!(s.target, Target::Entity(_)))
            .map(|s| s.form.clone())
            .collect();
        let mut proclitics = lex.grammar.proclitics.clone();
        proclitics.sort_by_key(|p| std::cmp::Reverse(p.len()));
        GapFinder { ex: Extractor::new(lex), heads, known, proclitics }
    }

    /// Split a word into (proclitic chain, rest) where the rest is `head`.
    fn strip_to<'w>(&self, word: &'w str, head: &str) -> Option<&'w str> {
        if word == head {
            return Some("");
        }
        let pre = word.strip_suffix(head)?;
        self.proclitics.iter().any(|p| p == pre).then_some(pre)
    }

    /// The head starting at word i: (head index, words it covers, its
    /// proclitic chain).
    fn head_at<'s>(&self, sc: &'s Scan, i: usize) -> Option<(usize, usize, &'s str)> {
        for (hi, h) in self.heads.iter().enumerate() {
            let n = h.words.len();
            if i + n > sc.words.len() || (i..i + n).any(|w| sc.covered[w]) {
                continue;
            }
            let Some(pre) = self.strip_to(sc.word(i), &h.words[0]) else { continue };
            if (1..n).all(|k| sc.word(i + k) == h.words[k] && joins(sc.gap_before(i + k))) {
                return Some((hi, n, pre));
            }
        }
        None
    }

    fn is_head(&self, sc: &Scan, i: usize) -> bool {
        self.head_at(sc, i).is_some()
    }

    /// Can word i stand in a name?
    fn eligible(&self, sc: &Scan, i: usize) -> bool {
        if sc.covered[i] || self.is_head(sc, i) {
            return false;
        }
        let w = sc.word(i);
        w.chars().count() >= 2 && !w.chars().any(|c| c.is_numeric()) && !is_stop(w) && !has_pronoun_suffix(w) && !is_masdar(w) && !sc.tanween[i]
    }

    /// The proclitic chain to drop from the first word of a name found in a
    /// cue's slot: only chains that end in the article (والباقر، بالباقر،
    /// للباقر), which then reads as ال.
    fn article_chain<'w>(&self, word: &'w str) -> (&'w str, bool) {
        for p in &self.proclitics {
            if p == "ال" {
                continue;
            }
            let Some(rest) = word.strip_prefix(p.as_str()) else { continue };
            if rest.chars().count() < 2 {
                continue;
            }
            if p.ends_with("ال") {
                return (&word[..p.len() - "ال".len()], false);
            }
            if p.ends_with("لل") {
                // ل + ال: the article's alef is not written; keep its lam
                return (&word[..p.len() - 'ل'.len_utf8()], true);
            }
        }
        ("", false)
    }

    /// Every candidate occurrence in one article.
    pub fn occurrences(&self, a: &Article) -> Vec<Occurrence> {
        let (sents, norm) = self.ex.analyse(a);
        let ranges = sentences(&norm.text);
        let mut out = Vec::new();
        for s in &sents {
            let Some(range) = ranges.get(s.index) else { continue };
            self.sentence(a, &norm, range.clone(), s, &mut out);
        }
        out
    }

    fn sentence(&self, a: &Article, norm: &Normalized, range: Range<usize>, s: &SentenceAnalysis, out: &mut Vec<Occurrence>) {
        let folded = &norm.text;
        let ws: Vec<Range<usize>> = words(&folded[range.clone()]).into_iter().map(|w| w.start + range.start..w.end + range.start).collect();
        let covered = ws.iter().map(|w| s.mentions.iter().any(|m| m.span.start < w.end && w.start < m.span.end)).collect();
        let tanween = ws.iter().map(|w| a.text[norm.original_range(w.clone())].contains(['\u{064B}', '\u{064C}', '\u{064D}'])).collect();
        let sc = Scan { folded, words: ws, covered, tanween };
        let mut seen: HashSet<(String, usize)> = HashSet::new();
        let mut push = |out: &mut Vec<Occurrence>, o: Occurrence, start_word: usize| {
            if !self.known.contains(&strip_article(&o.key).0) && seen.insert((o.key.clone(), start_word)) {
                out.push(o);
            }
        };
        let mk = |key: String, written: String, slot: Slot, kind: EntityKind, span: Range<usize>, anchor: Anchor| Occurrence {
            key,
            written,
            slot,
            kind,
            sentence: s.index,
            sentence_span: s.span.clone(),
            span,
            anchor,
        };
        // after head nouns
        for i in 0..sc.words.len() {
            let Some((hi, n, pre)) = self.head_at(&sc, i) else { continue };
            let head = &self.heads[hi];
            let mut run = self.run_after(&sc, i + n);
            // بشكل سهل وسريع: a name does not start with a conjunction
            if run.first().is_some_and(|&w| sc.word(w).starts_with('و') && !sc.word(w).starts_with("وادي")) {
                run.clear();
            }
            let article = pre.ends_with("ال") || pre.ends_with("لل");
            if article && !head.in_name {
                // المنطقة الساخنة، التنظيم المتطرف: a definite head takes
                // an adjective, not a name
                continue;
            }
            let head_written = written(a, norm, sc.words[i].start + pre.len()..sc.words[i + n - 1].end);
            for k in 1..=run.len() {
                let last = run[k - 1];
                let name_words: Vec<&str> = run[..k].iter().map(|&w| sc.word(w)).collect();
                let (key, written, start) = if head.in_name {
                    let hs = sc.words[i].start + pre.len();
                    let mut key = if article { "ال".to_string() } else { String::new() };
                    key.push_str(&head.words.join(" "));
                    key.push(' ');
                    key.push_str(&name_words.join(" "));
                    let art = if article && !pre.ends_with("ال") { "ال" } else { "" };
                    let start = if pre.ends_with("ال") { hs - "ال".len() } else { hs };
                    (key, format!("{art}{}", written(a, norm, start..sc.words[last].end)), start)
                } else {
                    let start = sc.words[run[0]].start;
                    (name_words.join(" "), written(a, norm, start..sc.words[last].end), start)
                };
                let span = norm.original_range(start..sc.words[last].end);
                let slot = if head.feature { Slot::Feature(head_written.clone()) } else { Slot::Head(head_written.clone()) };
                push(out, mk(key, written, slot, head.kind, span, Anchor::Start), i);
            }
            // أحياء الجمعيات والسكرية: a plural head names the conjuncts too
            if head.plural && !head.in_name {
                if let Some(&last) = run.last() {
                    let w = last + 1;
                    if w < sc.words.len() && joins(sc.gap_before(w)) && self.eligible(&sc, w) {
                        if let Some(rest) = conjunct(sc.word(w)) {
                            let start = sc.words[w].end - rest.len();
                            let span = norm.original_range(start..sc.words[w].end);
                            let slot = if head.feature { Slot::Feature(head_written.clone()) } else { Slot::Head(head_written.clone()) };
                            push(out, mk(rest.to_string(), written(a, norm, start..sc.words[w].end), slot, head.kind, span, Anchor::Start), w);
                        }
                    }
                }
            }
        }
        // the slots of cues that found no entity there
        let lex = self.ex.lex;
        // (first word, last word, pattern, need agent, need patient, the cue is definite)
        let mut cues: Vec<(usize, usize, usize, bool, bool, bool)> = Vec::new();
        let definite = |m: &crate::matcher::Mention| {
            let p = m.proclitic(folded);
            p.ends_with("ال") || p.ends_with("لل")
        };
        let word_at = |pos: usize| sc.words.partition_point(|w| w.start <= pos).saturating_sub(1);
        if s.frames.is_empty() {
            // no entity in the sentence: no frame was tried; every cue's
            // slots are open
            for m in &s.mentions {
                if let Target::Cue(ps) = &lex.surfaces[m.surface].target {
                    cues.push((word_at(m.span.start), word_at(m.span.end - 1), ps[0], true, true, definite(m)));
                }
            }
        } else {
            for f in &s.frames {
                let (agent, patient) = match f.rejected {
                    Some(Reason::NoAgent) => (true, f.patients.is_empty()),
                    Some(Reason::NoPatient) => (false, true),
                    _ => continue,
                };
                let m = &s.mentions_of_items[f.cue];
                cues.push((word_at(m.span.start), word_at(m.span.end - 1), f.pattern, agent, patient, definite(m)));
            }
        }
        for (cf, cl, p, need_agent, need_patient, cue_definite) in cues {
            let pat = &lex.patterns[p];
            let rel = &lex.relations[pat.relation];
            let object_kind = if rel.object == ObjectKind::Place { EntityKind::Place } else { EntityKind::ArmedGroup };
            let mut slots: Vec<(usize, Anchor, bool)> = Vec::new(); // (anchor word, side, subject?)
            let after = cl + 1;
            if need_agent {
                match pat.shape {
                    Shape::Verb => {
                        slots.push((cf, Anchor::End, true));
                        slots.push((after, Anchor::Start, true));
                    }
                    // the noun a participle describes stands before it
                    Shape::Participle => slots.push((cf, Anchor::End, true)),
                    Shape::Noun => {
                        if pat.genitive == Genitive::Agent && self.genitive_slot(&sc, after, cue_definite) {
                            slots.push((after, Anchor::Start, true));
                        }
                        if let Some(w) = self.after_prep(&sc, cl, &pat.agent_preps) {
                            slots.push((w, Anchor::Start, true));
                        }
                    }
                    Shape::Passive => {
                        if pat.agent_preps.is_empty() {
                            slots.push((after, Anchor::Start, true));
                        } else if let Some(w) = self.after_prep(&sc, cl, &pat.agent_preps) {
                            slots.push((w, Anchor::Start, true));
                        }
                    }
                }
            }
            if need_patient {
                match pat.shape {
                    Shape::Passive => slots.push((cf, Anchor::End, false)),
                    Shape::Verb | Shape::Participle | Shape::Noun => {
                        let bare = if pat.shape != Shape::Noun { pat.direct_object } else { pat.genitive == Genitive::Patient && self.genitive_slot(&sc, after, cue_definite) };
                        if bare {
                            // skip an entity right after a verb (its VSO subject)
                            let mut w = after;
                            while w < sc.words.len() && sc.covered[w] && w - after < MAX_WORDS && joins_or_opens(&sc, w) {
                                w += 1;
                            }
                            slots.push((w, Anchor::Start, false));
                        }
                        if let Some(w) = self.after_prep(&sc, cl, &pat.object_preps) {
                            slots.push((w, Anchor::Start, false));
                        }
                    }
                }
            }
            for (at, anchor, subject) in slots {
                let run = match anchor {
                    Anchor::Start => self.run_after(&sc, at),
                    Anchor::End => self.run_before(&sc, at),
                };
                // a name right after a head noun was counted with its head
                let leftmost = run.iter().min().copied();
                if leftmost.is_some_and(|w| (0..w).rev().take(2).any(|h| self.head_at(&sc, h).is_some_and(|(_, n, _)| h + n == w))) {
                    continue;
                }
                let slot = if subject { Slot::Subject(rel.id.clone()) } else { Slot::Object(rel.id.clone()) };
                let kind = if subject { EntityKind::ArmedGroup } else { object_kind };
                for k in 1..=run.len() {
                    // the k words nearest the anchor, in text order
                    let mut ws: Vec<usize> = run[..k].to_vec();
                    ws.sort_unstable();
                    let first = ws[0];
                    let last = *ws.last().unwrap();
                    let (chain, merged) = self.article_chain(sc.word(first));
                    let start = sc.words[first].start + chain.len();
                    let mut key = String::new();
                    let mut wr = String::new();
                    if merged {
                        key.push('ا');
                        wr.push('ا');
                    }
                    key.push_str(&sc.folded[start..sc.words[first].end]);
                    for &w in &ws[1..] {
                        key.push(' ');
                        key.push_str(sc.word(w));
                    }
                    wr.push_str(&written(a, norm, start..sc.words[last].end));
                    let span = norm.original_range(start..sc.words[last].end);
                    push(out, mk(key, wr, slot.clone(), kind, span, anchor), first);
                }
            }
        }
    }

    /// Can the word at `w`, right after a verbal noun, be its genitive? Not
    /// after a definite noun (المعركة المرتقبة: an adjective agrees with
    /// it), nor when it is an indefinite nisba (هجوم كيماوي، اجتماع رباعي).
    fn genitive_slot(&self, sc: &Scan, w: usize, cue_definite: bool) -> bool {
        if cue_definite {
            return false;
        }
        let Some(word) = (w < sc.words.len()).then(|| sc.word(w)) else { return false };
        let nisba = !word.starts_with("ال") && word.chars().count() >= 4 && (word.ends_with('ي') || word.ends_with("يه"));
        !nisba
    }

    /// The word after the first of `preps` (one or two words) that stands
    /// within reach after word `cl`, the cue's last word.
    fn after_prep(&self, sc: &Scan, cl: usize, preps: &[String]) -> Option<usize> {
        let mut w = cl + 1;
        while w < sc.words.len() && w <= cl + PREP_REACH {
            if !joins_or_opens(sc, w) {
                return None;
            }
            for p in preps {
                // a one-letter preposition written on the name: للزينبيون، بالحرس
                if p.chars().count() == 1 {
                    let word = sc.word(w);
                    if let Some(rest) = word.strip_prefix(p.as_str()) {
                        if rest.chars().count() >= 4 && (rest.starts_with("ال") || (p == "ل" && rest.starts_with('ل'))) && !sc.covered[w] {
                            return Some(w);
                        }
                    }
                    continue;
                }
                let parts: Vec<&str> = p.split(' ').collect();
                if w + parts.len() <= sc.words.len() && parts.iter().enumerate().all(|(k, x)| sc.word(w + k) == *x) {
                    return Some(w + parts.len());
                }
            }
            w += 1;
        }
        None
    }

    /// The words of a name starting at word `at`, in order (at most
    /// [`MAX_WORDS`]).
    fn run_after(&self, sc: &Scan, at: usize) -> Vec<usize> {
        let mut run = Vec::new();
        let mut w = at;
        while w < sc.words.len() && run.len() < MAX_WORDS {
            let gap_ok = if w == 0 { true } else if run.is_empty() { opens(sc.gap_before(w)) } else { joins(sc.gap_before(w)) };
            if !gap_ok || !self.eligible(sc, w) {
                break;
            }
            // الجمعيات والسكرية: a conjunction ends the name
            if !run.is_empty() && conjunct(sc.word(w)).is_some() {
                break;
            }
            run.push(w);
            w += 1;
        }
        run
    }

    /// The words of a name ending right before word `at`, nearest first.
    fn run_before(&self, sc: &Scan, at: usize) -> Vec<usize> {
        let mut run = Vec::new();
        let mut w = at;
        while w > 0 && run.len() < MAX_WORDS {
            if !joins(sc.gap_before(w)) || !self.eligible(sc, w - 1) {
                break;
            }
            run.push(w - 1);
            w -= 1;
        }
        run
    }
}

/// A noun with a possessive suffix (مواقعها، قواته، عناصرهم) is not a
/// name. Only -ها -هم -هما -هن -كم on words of five letters or more: a
/// final ه alone is as often a folded taa marbuta (حماه).
fn has_pronoun_suffix(w: &str) -> bool {
    w.chars().count() >= 5 && ["ها", "هم", "هما", "هن", "كم"].iter().any(|x| w.ends_with(x))
}

/// A verbal noun of the pattern تفعيل (تسليم، تغيير، تطوير): a slot
/// holds one as often as a name, and names seldom take its shape.
fn is_masdar(w: &str) -> bool {
    let cs: Vec<char> = w.chars().collect();
    cs.len() == 5 && cs[0] == 'ت' && cs[3] == 'ي'
}

/// The name after a conjunction (والسكرية -> السكرية), if the word is one.
fn conjunct(word: &str) -> Option<&str> {
    let rest = word.strip_prefix('و')?;
    (rest.chars().count() >= 3 && !word.starts_with("وادي")).then_some(rest)
}

fn joins_or_opens(sc: &Scan, w: usize) -> bool {
    w == 0 || opens(sc.gap_before(w))
}

/// The original text of a folded range, without bidi and zero-width
/// controls, tatweel or line breaks.
fn written(a: &Article, norm: &Normalized, r: Range<usize>) -> String {
    let orig = &a.text[norm.original_range(r)];
    let mut s = String::with_capacity(orig.len());
    for c in orig.chars() {
        match c {
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}' | 'ـ' => {}
            c if c.is_whitespace() => {
                if !s.ends_with(' ') {
                    s.push(' ')
                }
            }
            c => s.push(c),
        }
    }
    s.trim().to_string()
}

/// What is known of one candidate across the corpus.
#[derive(Debug, Default)]
struct Candidate {
    written: HashMap<String, usize>,
    articles: usize,
    last_article: Option<usize>,
    uses: usize,
    slots: HashMap<Slot, usize>,
    head_kinds: HashMap<EntityKind, usize>,
    /// Place heads that belong to the name, as written, with counts.
    features: HashMap<String, usize>,
    head_uses: usize,
    slot_kinds: HashMap<EntityKind, usize>,
    examples: Vec<(usize, Example)>,
    start_anchored: usize,
    end_anchored: usize,
}

/// Pools occurrences over a corpus and ranks them.
#[derive(Debug, Default)]
pub struct GapTally {
    cands: HashMap<String, Candidate>,
    pub articles: usize,
}

impl GapTally {
    pub fn new() -> GapTally {
        GapTally::default()
    }

    /// Add one article's occurrences (articles must come one at a time).
    pub fn add(&mut self, a: &Article, occs: Vec<Occurrence>) {
        let ai = self.articles;
        self.articles += 1;
        for o in occs {
            let c = self.cands.entry(o.key.clone()).or_default();
            c.uses += 1;
            if c.last_article != Some(ai) {
                c.articles += 1;
                c.last_article = Some(ai);
            }
            *c.written.entry(o.written.clone()).or_default() += 1;
            match &o.slot {
                Slot::Head(_) => {
                    c.head_uses += 1;
                    *c.head_kinds.entry(o.kind).or_default() += 1
                }
                Slot::Feature(h) => {
                    c.head_uses += 1;
                    *c.features.entry(h.clone()).or_default() += 1;
                    *c.head_kinds.entry(o.kind).or_default() += 1
                }
                _ => *c.slot_kinds.entry(o.kind).or_default() += 1,
            }
            *c.slots.entry(o.slot.clone()).or_default() += 1;
            match o.anchor {
                Anchor::Start => c.start_anchored += 1,
                Anchor::End => c.end_anchored += 1,
            }
            // two examples, from two articles where the corpus allows
            let same_sentence = c.examples.iter().any(|(x, e)| *x == ai && e.sentence == o.sentence);
            let want = c.examples.len() < 2 || (c.examples.iter().all(|(x, _)| *x == c.examples[0].0) && c.examples[0].0 != ai);
            if !same_sentence && want {
                let ex = Example {
                    article: a.id.clone(),
                    sentence: o.sentence,
                    text: a.text[o.sentence_span.clone()].to_string(),
                    name_span: [o.span.start - o.sentence_span.start, o.span.end - o.sentence_span.start],
                };
                if c.examples.len() >= 2 {
                    c.examples.pop();
                }
                c.examples.push((ai, ex));
            }
        }
    }

    /// How many distinct candidates were seen.
    pub fn candidates(&self) -> usize {
        self.cands.len()
    }

    /// The `top` names, best first, with suggested entries whose ids do not
    /// clash with the lexicon's.
    /// A name seen only in the slots of cues must be seen `min_slot_uses`
    /// times ([`MIN_SLOT_USES`] by default).
    pub fn ranked(&self, lex: &Lexicon, top: usize, min_slot_uses: usize) -> Vec<Gap> {
        // a name gives way to its longer extension when the extension
        // carries at least half of its uses (and two or more); a rarer
        // extension is dropped, and so are its own extensions
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            Kept,
            Subsumed,
            Rare,
        }
        let mut keys: Vec<&String> = self.cands.keys().collect();
        keys.sort_by_key(|k| (k.split(' ').count(), k.as_str()));
        let mut state: HashMap<&str, State> = keys.iter().map(|k| (k.as_str(), State::Kept)).collect();
        for k in &keys {
            let c = &self.cands[*k];
            let parts: Vec<&str> = k.split(' ').collect();
            if parts.len() < 2 {
                continue;
            }
            let parent = if c.start_anchored >= c.end_anchored { parts[..parts.len() - 1].join(" ") } else { parts[1..].join(" ") };
            let Some(p) = self.cands.get(&parent) else { continue };
            let pk = self.cands.get_key_value(&parent).unwrap().0.as_str();
            if state[pk] == State::Rare {
                state.insert(k.as_str(), State::Rare);
            } else if c.uses >= 2 && c.uses * 2 >= p.uses {
                state.insert(pk, State::Subsumed);
            } else {
                state.insert(k.as_str(), State::Rare);
            }
        }
        // a name seen only in the slots of cues, once, is no evidence: a
        // slot holds common nouns as often as names
        let mut kept: Vec<(&String, &Candidate)> = self
            .cands
            .iter()
            .filter(|(k, c)| state[k.as_str()] == State::Kept && (c.head_uses > 0 || c.uses >= min_slot_uses))
            .collect();
        // by articles, then uses; among equals, names after head nouns first
        kept.sort_by(|a, b| b.1.articles.cmp(&a.1.articles).then(b.1.uses.cmp(&a.1.uses)).then(b.1.head_uses.cmp(&a.1.head_uses)).then(a.0.cmp(b.0)));
        let mut ids: HashSet<String> = lex.entity_index.keys().cloned().collect();
        let mut out = Vec::new();
        // a name the lexicon knows as written in the suggestion (حي
        // الجمعيات) is no gap, even where the text used another head (أحياء)
        let known: HashSet<String> = lex.surfaces.iter().filter(|s| matches!(s.target, Target::Entity(_))).map(|s| s.form.clone()).collect();
        let named: Vec<(&String, &Candidate, String)> = kept
            .into_iter()
            .map(|(k, c)| (k, c, display_name(k, c)))
            .filter(|(_, _, name)| !known.contains(&strip_article(&normalize_str(name)).0))
            .collect();
        for (rank, (key, c, name)) in named.into_iter().take(if top == 0 { usize::MAX } else { top }).enumerate() {
            let votes = if c.head_kinds.is_empty() { &c.slot_kinds } else { &c.head_kinds };
            let kind = votes.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(k, _)| *k).unwrap_or(EntityKind::ArmedGroup);
            let base = slug(&name).unwrap_or_else(|| format!("unknown_{}", rank + 1));
            let mut id = base.clone();
            let mut n = 2;
            while ids.contains(&id) {
                id = format!("{base}_{n}");
                n += 1;
            }
            ids.insert(id.clone());
            let mut slots: Vec<(&Slot, &usize)> = c.slots.iter().collect();
            slots.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let ron = format!(
                "(id: \"{id}\", kind: {}, parent: None, en: \"TODO\", ar: {}, aliases: [{}], note: \"found by actorgraph gaps: {} articles, {} uses\"),",
                kind.as_str(),
                ron_str(&name),
                ron_str(&name),
                c.articles,
                c.uses
            );
            out.push(Gap {
                rank: rank + 1,
                name,
                folded: key.clone(),
                articles: c.articles,
                uses: c.uses,
                kind,
                slots: slots.into_iter().map(|(s, n)| (s.describe(), *n)).collect(),
                examples: c.examples.iter().map(|(_, e)| e.clone()).collect(),
                id,
                ron,
            });
        }
        out
    }
}

/// The name as most often written; a feature head stays in it (حي
/// الجمعيات) where it stood in at least half of the head uses.
fn display_name(key: &str, c: &Candidate) -> String {
    let name = c.written.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(w, _)| w.clone()).unwrap_or_else(|| key.to_string());
    let feature_uses: usize = c.features.values().sum();
    if feature_uses == 0 || feature_uses * 2 < c.head_uses {
        return name;
    }
    let head = c.features.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.chars().count().cmp(&a.0.chars().count())).then(b.0.cmp(a.0))).map(|(h, _)| h.clone()).unwrap();
    let head = SINGULAR.iter().find(|(p, _)| normalize_str(p) == normalize_str(&head)).map_or(head, |(_, s)| s.to_string());
    format!("{head} {name}")
}

/// A RON string literal.
pub fn ron_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
