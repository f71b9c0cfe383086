//! From mentions to claims.
//!
//! For each sentence: group entity mentions into units, and for each cue
//! find its agent and patient with the roles its pattern gives
//! ([`roles`]), decide its polarity ([`polarity`]), and pair the arguments
//! into claims. Frames of one relation that found only an agent and only a
//! patient in the same sentence are joined ("مقتل 26 من قوات النظام ... في
//! هجوم داعشي"). Claims are deduplicated per sentence.

pub mod claim;
pub mod polarity;
pub mod roles;
pub mod sentence;

pub use claim::{Claim, Polarity};
pub use roles::Reason;

use crate::input::{Article, InputError};
use crate::lexicon::{Lexicon, ObjectKind};
use crate::matcher::{Matcher, Mention};
use crate::text::{normalize, sentences, Normalized};
use rayon::prelude::*;
use sentence::{ItemKind, Sentence};
use std::collections::HashSet;
use std::ops::Range;

/// `ACTORGRAPH_DEBUG_UNITS` set: print each sentence's units and items on
/// stderr (read once, not per sentence).
fn debug_units() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("ACTORGRAPH_DEBUG_UNITS").is_some())
}

/// How far apart (in words) two cues may be for their partial frames to be
/// joined.
const JOIN_DISTANCE: usize = 10;

/// What one cue gave under one pattern: the trace `explain` shows.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Index of the cue among the sentence's mentions.
    pub cue: usize,
    /// The cue's first word in the sentence.
    pub cue_word: usize,
    pub pattern: usize,
    pub agents: Vec<usize>,
    pub patients: Vec<usize>,
    pub polarity: Polarity,
    /// The mention (negator or denial) that negates it.
    pub negated_by: Option<usize>,
    /// (subject, object) entity pairs this frame produced.
    pub pairs: Vec<(usize, usize)>,
    /// Why it produced nothing, if it did not.
    pub rejected: Option<Reason>,
}

/// One sentence, analysed.
#[derive(Debug, Clone)]
pub struct SentenceAnalysis {
    pub index: usize,
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Mentions in folded-text coordinates.
    pub mentions: Vec<Mention>,
    /// The mentions frames refer to (`Frame::cue`, `Frame::negated_by`
    /// index this list); empty when the sentence had no cue and no entity.
    pub mentions_of_items: Vec<Mention>,
    pub frames: Vec<Frame>,
    pub claims: Vec<Claim>,
}

/// Turns articles into claims with one lexicon. `&Extractor` is `Sync`.
pub struct Extractor<'l> {
    pub lex: &'l Lexicon,
    pub matcher: Matcher,
}

impl<'l> Extractor<'l> {
    pub fn new(lex: &'l Lexicon) -> Extractor<'l> {
        Extractor { lex, matcher: Matcher::new(lex) }
    }

    /// Every claim of one article, in sentence order, one per (subject,
    /// relation, object, polarity) and sentence.
    pub fn article(&self, a: &Article) -> Vec<Claim> {
        self.analyse(a).0.into_iter().flat_map(|s| s.claims).collect()
    }

    /// The full analysis of an article, sentence by sentence, with the
    /// folded text it was made on.
    pub fn analyse(&self, a: &Article) -> (Vec<SentenceAnalysis>, Normalized) {
        let norm = normalize(&a.text);
        (self.analyse_folded(a, &norm), norm)
    }

    /// Claims of an article whose stated date may still be unknown: the date
    /// is read off the same folded text the claims are made from.
    pub fn article_dated(&self, a: &mut Article) -> Vec<Claim> {
        let norm = normalize(&a.text);
        crate::input::fill_date_from_folded(a, &norm.text);
        self.analyse_folded(a, &norm).into_iter().flat_map(|s| s.claims).collect()
    }

    fn analyse_folded(&self, a: &Article, norm: &Normalized) -> Vec<SentenceAnalysis> {
        let mentions = self.matcher.find(&norm.text);
        let mut out = Vec::new();
        let mut k = 0;
        for (index, range) in sentences(&norm.text).into_iter().enumerate() {
            while k < mentions.len() && mentions[k].span.start < range.start {
                k += 1;
            }
            let mut j = k;
            while j < mentions.len() && mentions[j].span.end <= range.end {
                j += 1;
            }
            let ms = &mentions[k..j];
            k = j;
            out.push(self.sentence(a, norm, index, range, ms));
        }
        out
    }

    fn sentence(&self, a: &Article, norm: &Normalized, index: usize, range: Range<usize>, ms: &[Mention]) -> SentenceAnalysis {
        let lex = self.lex;
        let span = norm.original_range(range.clone());
        let mut analysis = SentenceAnalysis { index, span: span.clone(), mentions: ms.to_vec(), mentions_of_items: Vec::new(), frames: Vec::new(), claims: Vec::new() };
        let has_entity = ms.iter().any(|m| matches!(lex.surfaces[m.surface].target, crate::lexicon::Target::Entity(_)));
        let has_cue = ms.iter().any(|m| matches!(lex.surfaces[m.surface].target, crate::lexicon::Target::Cue(_)));
        if !has_entity || !has_cue {
            return analysis;
        }
        let s = Sentence::new(lex, &norm.text, range, ms);
        if debug_units() {
            for u in &s.units {
                let ids: Vec<&str> = s.members(u).iter().map(|&e| lex.entities[e].id.as_str()).collect();
                eprintln!("unit {:?} words {}..{} clause {} prep {:?} nisba {}", ids, u.first_word, u.last_word, u.clause, u.prep, u.nisba);
            }
            for (i, it) in s.items.iter().enumerate() {
                eprintln!("item {i} {:?} words {}..{} clause {}", it.kind, it.first_word, it.last_word, it.clause);
            }
        }
        let mut frames: Vec<Frame> = Vec::new();
        let mut shared: Option<roles::Shared> = None;
        for (ci, it) in s.items.iter().enumerate() {
            let ItemKind::Cue(pats) = &it.kind else { continue };
            if self.light_verb_after_noun(&s, ci) {
                continue;
            }
            let (pol, neg) = polarity::polarity(lex, &s, ci);
            let mut partials: Vec<Frame> = Vec::new();
            let mut done = false;
            let mut pats = pats.clone();
            pats.sort_by_key(|&p| !lex.patterns[p].restricted());
            // a verb never takes the article or a preposition: التدخل and
            // لدعم are nouns
            let pro = it.mention.proclitic(&norm.text).trim_start_matches(['و', 'ف']);
            if pro.contains(['ا', 'ب', 'ل', 'ك']) {
                pats.retain(|&p| lex.patterns[p].shape != crate::lexicon::Shape::Verb);
            }
            for &p in &pats {
                let r = roles::assign(lex, &s, ci, &lex.patterns[p], shared.as_ref());
                let f = self.frame(ci, it.first_word, p, r, pol, neg);
                if !f.pairs.is_empty() {
                    if lex.patterns[p].shape == crate::lexicon::Shape::Verb {
                        let until = s.units.iter().filter(|u| u.first_word > it.last_word && s.members(u).iter().any(|e| f.patients.contains(e))).map(|u| u.last_word).next().unwrap_or(it.last_word);
                        shared = Some(roles::Shared { agents: f.agents.clone(), until, cue_last: it.last_word });
                    }
                    frames.push(f);
                    done = true;
                    break;
                }
                partials.push(f);
            }
            if !done {
                // a verb that found its subject but no object still lends
                // that subject to its complement (وافقت طهران على عدم المشاركة)
                if let Some(f) = partials.iter().find(|f| lex.patterns[f.pattern].shape == crate::lexicon::Shape::Verb && !f.agents.is_empty()) {
                    shared = Some(roles::Shared { agents: f.agents.clone(), until: it.last_word, cue_last: it.last_word });
                }
                // keep every partial frame: another cue may complete it
                frames.extend(partials);
            }
        }
        self.join_partial_frames(&mut frames);
        let evidence = &a.text[span.clone()];
        let mut seen = HashSet::new();
        for f in &frames {
            let rel = &lex.relations[lex.patterns[f.pattern].relation];
            let cue = &s.items[f.cue].mention;
            let trigger = &a.text[norm.original_range(cue.span.clone())];
            for &(sub, obj) in &f.pairs {
                let key = if rel.symmetric { (sub.min(obj), obj.max(sub)) } else { (sub, obj) };
                if !seen.insert((key, f.pattern_relation(lex), f.polarity)) {
                    continue;
                }
                analysis.claims.push(Claim {
                    article: a.id.clone(),
                    sentence: index,
                    subject: lex.entities[sub].id.clone(),
                    subject_chain: lex.chain_ids(sub),
                    relation: rel.id.clone(),
                    object: lex.entities[obj].id.clone(),
                    object_chain: lex.chain_ids(obj),
                    polarity: f.polarity,
                    evidence: evidence.to_string(),
                    span: [span.start, span.end],
                    trigger: trigger.to_string(),
                    date: a.date.clone(),
                });
            }
        }
        analysis.frames = frames;
        analysis.mentions_of_items = s.items.iter().map(|i| i.mention.clone()).collect();
        analysis
    }

    fn frame(&self, cue: usize, cue_word: usize, pattern: usize, r: roles::Roles, polarity: Polarity, negated_by: Option<usize>) -> Frame {
        let lex = self.lex;
        let rel = &lex.relations[lex.patterns[pattern].relation];
        let agents: Vec<usize> = r.agents.iter().map(|&e| lex.entities[e].agent_as.unwrap_or(e)).collect();
        let patients: Vec<usize> = r
            .patients
            .iter()
            .map(|&e| if rel.object == ObjectKind::Actor { lex.entities[e].agent_as.unwrap_or(e) } else { e })
            .collect();
        let among: Vec<usize> = r.among.iter().map(|&e| lex.entities[e].agent_as.unwrap_or(e)).collect();
        let mut pairs = Vec::new();
        let mut same = false;
        // forces move within their own state (syria withdrew_from palmyra):
        // only actors exclude their ancestors and descendants
        let place_object = rel.object == ObjectKind::Place;
        let mut add = |a: usize, b: usize, pairs: &mut Vec<(usize, usize)>| {
            if a == b || (!place_object && self.related(a, b)) {
                same = true;
            } else if !pairs.contains(&(a, b)) {
                pairs.push((a, b));
            }
        };
        for (i, &a) in among.iter().enumerate() {
            for &b in &among[i + 1..] {
                add(a, b, &mut pairs);
            }
        }
        if rel.symmetric && patients.is_empty() && among.is_empty() && agents.len() > 1 {
            for (i, &a) in agents.iter().enumerate() {
                for &b in &agents[i + 1..] {
                    add(a, b, &mut pairs);
                }
            }
        }
        for &a in &agents {
            for &b in &patients {
                add(a, b, &mut pairs);
            }
        }
        let rejected = if !pairs.is_empty() {
            None
        } else if same {
            Some(Reason::SameEntity)
        } else if agents.is_empty() && among.is_empty() {
            Some(Reason::NoAgent)
        } else if r.wrong_kind {
            Some(Reason::WrongObjectKind)
        } else {
            Some(Reason::NoPatient)
        };
        Frame { cue, cue_word, pattern, agents, patients, polarity, negated_by, pairs, rejected }
    }

    /// A verb right after a noun cue of the same relation is the noun's
    /// relative clause (هجوم شنه تنظيم داعش): the noun's frame covers it.
    fn light_verb_after_noun(&self, s: &Sentence, ci: usize) -> bool {
        let ItemKind::Cue(pats) = &s.items[ci].kind else { return false };
        let Some(prev) = ci.checked_sub(1).map(|i| &s.items[i]) else { return false };
        let ItemKind::Cue(prev_pats) = &prev.kind else { return false };
        let lex = self.lex;
        let rel = |ps: &Vec<usize>| ps.iter().map(|&p| lex.patterns[p].relation).collect::<Vec<_>>();
        s.items[ci].first_word == prev.last_word + 1
            && pats.iter().all(|&p| lex.patterns[p].shape == crate::lexicon::Shape::Verb)
            && prev_pats.iter().any(|&p| lex.patterns[p].shape == crate::lexicon::Shape::Noun)
            && rel(pats).iter().any(|r| rel(prev_pats).contains(r))
    }

    /// Is one entity the other or its ancestor?
    fn related(&self, a: usize, b: usize) -> bool {
        a == b || self.lex.chain(a).contains(&b) || self.lex.chain(b).contains(&a)
    }

    /// Join frames of one relation where one found only the agent and
    /// another only the patient; a mediator with no parties mediates
    /// between the parties of the sentence's symmetric claims.
    fn join_partial_frames(&self, frames: &mut [Frame]) {
        let lex = self.lex;
        let n = frames.len();
        for i in 0..n {
            if !frames[i].pairs.is_empty() || frames[i].agents.is_empty() || !frames[i].patients.is_empty() {
                continue;
            }
            let rel = frames[i].pattern_relation(lex);
            let near = |j: usize| frames[i].cue_word.abs_diff(frames[j].cue_word) <= JOIN_DISTANCE;
            let partner = (0..n).find(|&j| j != i && near(j) && frames[j].pairs.is_empty() && frames[j].agents.is_empty() && !frames[j].patients.is_empty() && frames[j].pattern_relation(lex) == rel);
            let objs: Vec<usize> = match partner {
                Some(j) => frames[j].patients.clone(),
                None if lex.relations[rel].id == "mediated" => {
                    let mut parties = Vec::new();
                    for f in frames.iter().filter(|f| lex.relations[f.pattern_relation(lex)].symmetric) {
                        for &(a, b) in &f.pairs {
                            for e in [a, b] {
                                if !parties.contains(&e) {
                                    parties.push(e);
                                }
                            }
                        }
                    }
                    parties
                }
                None => continue,
            };
            let agents = frames[i].agents.clone();
            let mut pairs = Vec::new();
            let place_object = lex.relations[rel].object == ObjectKind::Place;
            for &a in &agents {
                for &b in &objs {
                    if a != b && (place_object || !self.related(a, b)) && !pairs.contains(&(a, b)) {
                        pairs.push((a, b));
                    }
                }
            }
            if !pairs.is_empty() {
                frames[i].pairs = pairs;
                frames[i].patients = objs;
                frames[i].rejected = None;
                if let Some(j) = partner {
                    frames[j].rejected = None;
                    frames[j].agents = agents;
                    // the claims stand on frame i; j stays as the trace
                    let neg = frames[j].polarity == Polarity::Negated;
                    if neg {
                        frames[i].polarity = Polarity::Negated;
                    }
                }
            }
        }
        // a victim with no agent of its own takes the agent of the nearest
        // whole frame of its relation (قتل قائد في الحرس الثوري بغارة
        // إسرائيلية على مطار دمشق: Israel attacked both)
        for j in 0..n {
            if !frames[j].pairs.is_empty() || !frames[j].agents.is_empty() || frames[j].patients.is_empty() {
                continue;
            }
            let rel = frames[j].pattern_relation(lex);
            let donor = (0..n)
                .filter(|&k| k != j && !frames[k].pairs.is_empty() && frames[k].pattern_relation(lex) == rel)
                .filter(|&k| frames[k].cue_word.abs_diff(frames[j].cue_word) <= JOIN_DISTANCE)
                .min_by_key(|&k| frames[k].cue_word.abs_diff(frames[j].cue_word));
            let Some(k) = donor else { continue };
            let place_object = lex.relations[rel].object == ObjectKind::Place;
            let agents = frames[k].agents.clone();
            let pairs: Vec<(usize, usize)> = agents
                .iter()
                .flat_map(|&a| frames[j].patients.iter().map(move |&b| (a, b)))
                .filter(|&(a, b)| a != b && (place_object || !self.related(a, b)))
                .collect();
            if !pairs.is_empty() {
                frames[j].agents = agents;
                frames[j].pairs = pairs;
                frames[j].rejected = None;
            }
        }
    }
}

impl Frame {
    fn pattern_relation(&self, lex: &Lexicon) -> usize {
        lex.patterns[self.pattern].relation
    }
}

/// How many articles go to the worker threads at once: enough to keep every
/// core busy, few enough that memory does not grow with the corpus.
pub const CHUNK: usize = 256;

/// Extract claims from a stream of articles on all cores (or the current
/// rayon pool), handing each article's result to `sink` in input order.
pub fn extract_stream<I, F>(ex: &Extractor, articles: I, sink: F)
where
    I: Iterator<Item = Result<Article, InputError>> + Send,
    F: FnMut(Result<(Article, Vec<Claim>), InputError>),
{
    extract_stream_map(ex, articles, |a, c| (a, c), sink)
}

/// [`extract_stream`], with `map` run on the worker threads too (to
/// serialise claims there, say), so the thread that writes only writes.
///
/// A reader thread parses the input ahead while the workers extract, in
/// chunks of [`CHUNK`], so memory holds a few chunks whatever the size of
/// the corpus.
pub fn extract_stream_map<I, T, M, F>(ex: &Extractor, articles: I, map: M, mut sink: F)
where
    I: Iterator<Item = Result<Article, InputError>> + Send,
    T: Send,
    M: Fn(Article, Vec<Claim>) -> T + Sync,
    F: FnMut(Result<T, InputError>),
{
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Result<Article, InputError>>>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut articles = articles;
            loop {
                let chunk: Vec<_> = articles.by_ref().take(CHUNK).collect();
                if chunk.is_empty() || tx.send(chunk).is_err() {
                    break;
                }
            }
        });
        for chunk in rx {
            let results: Vec<Result<T, InputError>> = chunk
                .into_par_iter()
                .map(|r| {
                    r.map(|mut a| {
                        let c = ex.article_dated(&mut a);
                        map(a, c)
                    })
                })
                .collect();
            for r in results {
                sink(r);
            }
        }
    });
}
