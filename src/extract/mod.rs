//! From mentions to claims.
//!
//! For each sentence, on its structure ([`crate::syntax`]): for each cue
//! find its agent and patient with the roles its pattern gives
//! ([`roles`]), decide its polarity ([`polarity`]), and pair the arguments
//! into claims. Frames of one relation that found only an agent and only a
//! patient in the same sentence are joined ("مقتل 26 من قوات النظام ... في
//! هجوم داعشي"). Claims are deduplicated per sentence.

pub mod claim;
pub mod coref;
pub mod polarity;
pub mod roles;

pub use claim::{Claim, Polarity};
pub use roles::Reason;

use crate::input::{Article, InputError};
use crate::lexicon::{Gender, Lexicon, ObjectKind, Reference};
use crate::matcher::{Matcher, Mention};
use crate::text::{normalize, sentences, Normalized};
use rayon::prelude::*;
use crate::syntax::{self as sentence, ItemKind, Sentence};
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
const JOIN_DISTANCE: usize = 16;

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
    /// Where its agents and patients were read from (for `explain`).
    pub agent_source: &'static str,
    pub patient_source: &'static str,
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
    /// Every reference coreference tried to resolve, and how.
    pub resolutions: Vec<ResolutionTrace>,
    pub claims: Vec<Claim>,
    /// The sentence structure frames were read from (for `explain`).
    pub chunks: Vec<ChunkTrace>,
    /// Clause spans in the original text.
    pub clauses: Vec<Range<usize>>,
}

/// One chunk (entity mentions that fill one slot together), for `explain`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ChunkTrace {
    /// Byte range in the original text.
    pub span: [usize; 2],
    pub text: String,
    /// Entity ids of its members.
    pub members: Vec<String>,
    /// The head noun it hangs from, when a grammar head or title stands
    /// right before it (قوات، مدينة، وزير); else its first word.
    pub head: String,
    /// The preposition that governs it.
    pub prep: Option<String>,
    /// A nisba adjective (القوات الإيرانية).
    pub nisba: bool,
    pub clause: usize,
}

impl ResolutionTrace {
    fn new(lex: &Lexicon, what: &'static str, text: String, res: &coref::Resolution) -> ResolutionTrace {
        ResolutionTrace {
            what,
            text,
            entities: res.entities.iter().map(|(e, _)| lex.entities[*e].id.clone()).collect(),
            via: res.entities.iter().map(|(_, v)| v.clone()).collect(),
            why: match res.why {
                Ok(w) => w.to_string(),
                Err(u) => format!("unresolved: {u:?}"),
            },
        }
    }
}

/// One coreference decision, for `explain`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ResolutionTrace {
    /// What was resolved: a reference word, a pronoun suffix, a verb's
    /// missing subject.
    pub what: &'static str,
    /// The reference (or the cue) as written.
    pub text: String,
    /// Entity ids it was resolved to (empty: unresolved).
    pub entities: Vec<String>,
    pub via: Vec<coref::Via>,
    pub why: String,
}

/// Turns articles into claims with one lexicon. `&Extractor` is `Sync`.
pub struct Extractor<'l> {
    pub lex: &'l Lexicon,
    pub matcher: Matcher,
    /// Reporting sources (grammar `sources`): never an agent.
    sources: Vec<usize>,
    /// Relations whose cue governs an unasserted act (grammar
    /// `complement_relations`).
    complement_relations: Vec<usize>,
    /// Resolve references (on by default; `--no-coref` turns it off).
    pub coref: bool,
    /// Keep the sentence structure in each [`SentenceAnalysis`] (for
    /// `explain`; extraction alone need not pay for it).
    pub trace: bool,
}

impl<'l> Extractor<'l> {
    pub fn new(lex: &'l Lexicon) -> Extractor<'l> {
        let sources = lex.grammar.sources.iter().filter_map(|id| lex.entity(id)).collect();
        let complement_relations = lex.grammar.complement_relations.iter().filter_map(|id| lex.relation(id)).collect();
        Extractor { lex, matcher: Matcher::new(lex), sources, complement_relations, coref: true, trace: false }
    }

    /// The same extractor keeping each sentence's chunks and clauses.
    pub fn with_trace(mut self, on: bool) -> Extractor<'l> {
        self.trace = on;
        self
    }

    /// The same extractor with coreference on or off.
    pub fn with_coref(mut self, on: bool) -> Extractor<'l> {
        self.coref = on;
        self
    }

    /// Put the sentence's names into the article's memory and resolve its
    /// reference chunks (الطرفان، الحزب، قواتها) against it.
    ///
    /// Returns the pronouns and possessed nouns that stayed unresolved: a
    /// verb right after such a pronoun has it for its subject and takes no
    /// other, and a hostile act may settle what «مواقعها» is (not its agent).
    fn remember_and_resolve(&self, a: &Article, norm: &Normalized, index: usize, s: &mut Sentence, memory: &mut coref::Memory, trace: &mut Vec<ResolutionTrace>) -> Vec<Unresolved> {
        let lex = self.lex;
        // a quote or colon after a name makes that name a candidate speaker
        // (a name inside a quote speaks no quote: وأردف: "اتفق مع أردوغان…"
        // is not Erdogan's; a sentence may hold two quotes, each with its
        // speaker before its colon)
        let opens_quoted = s.text[s.range.clone()].trim_start().starts_with(['"', '«', '“']);
        let (quoted, quote_at) = quoted_spans(&s.text[s.range.clone()], s.range.start);
        let inside = |pos: usize| quoted.iter().any(|r| r.contains(&pos));
        let named = |it: &sentence::Item, e: usize, via: coref::Via, genders: Vec<Gender>, head: &str| coref::Named {
            entity: e,
            sentence: index,
            pos: it.mention.span.start,
            via,
            subject: false,
            agent: false,
            speaker: !inside(it.mention.span.start) && if opens_quoted { quoted.first().is_some_and(|q| it.mention.span.start >= q.end) } else { quote_at.iter().any(|&q| it.mention.span.end <= q) },
            topic: false,
            adjective: false,
            modifier: false,
            head: head.strip_prefix("ال").unwrap_or(head).to_string(),
            genders,
            venue: false,
        };
        let refs = &lex.references;
        fn own_word<'t>(s: &Sentence<'t>, it: &sentence::Item) -> &'t str {
            &s.text[it.mention.core.min(s.words[it.first_word].end)..s.words[it.first_word].end]
        }
        // what a pronoun must agree with is the noun that names the actor:
        // the member noun it is the genitive of (مقاتلو الجيش الحر: ـهم) and
        // its own first word; a nisba shows the gender of the noun it
        // describes by its own ending (القوات الروسية)
        let name_genders = |s: &Sentence, it: &sentence::Item| {
            let before = (it.first_word > 0 && matches!(it.mention.proclitic(s.text), "" | "ال")).then(|| s.word(it.first_word - 1));
            let mut out = before.map(|w| refs.word_genders(w, true)).unwrap_or_default();
            for g in refs.word_genders(own_word(s, it), false) {
                if !out.contains(&g) {
                    out.push(g);
                }
            }
            out
        };
        for it in &s.items {
            if let ItemKind::Entity { entity, nisba, .. } = it.kind {
                let r = norm.original_range(it.mention.span.clone());
                let via = coref::Via { text: a.text[r.clone()].to_string(), sentence: index, span: [r.start, r.end] };
                let mut n = named(it, entity, via, name_genders(s, it), own_word(s, it));
                // (a nisba on a noun that names no actor: الاتهامات الروسية)
                n.adjective = nisba && !s.items.iter().any(|x| x.last_word + 1 == it.first_word && matches!(x.kind, ItemKind::Entity { .. } | ItemKind::Reference(_)));
                // (the one spoken to is no speaker, nor a nisba on it: «وقال في
                // حديث لوكالة "سبوتنيك" الروسية: "ليس لدينا…"» is not Russia's
                // word)
                // (a person named after such a word still speaks: مستشار المرشد
                // للشؤون الدولية علي ولايتي)
                // (and so is a name whose own first word is that word:
                // «في حديث لقناة الميادين»)
                let own_addressee = matches!(it.mention.proclitic(s.text), "ل" | "لل");
                let addressed = lex.entities[entity].kind != crate::lexicon::EntityKind::Person && (own_addressee || (it.first_word.saturating_sub(3)..it.first_word).any(|w| {
                    let x = s.word(w);
                    s.clause_of_word[w] == it.clause && x.starts_with('ل') && x.chars().count() > 4 && !lex.grammar.prepositions.contains(x)
                }));
                n.speaker &= !addressed;
                // (a patron or owner named after a word of affiliation
                // describes the noun before it: مروحيتين تابعتين لقوات النظام)
                let probe = sentence::Unit { items: Vec::new(), first_word: it.first_word, last_word: it.last_word, clause: it.clause, prep: None, nisba: false };
                n.modifier = s.affiliated(lex, &probe).is_some() || s.owned_by(lex, &probe);
                // (not the name a word of representation introduces: المعارضة
                // ممثلة في المجلس الوطني is a party)
                let after_in = it.first_word > 0 && s.word(it.first_word - 1) == "في";
                let represents = (it.first_word.saturating_sub(2)..it.first_word).any(|w| lex.grammar.representation_words.contains(s.word(w)));
                n.venue = after_in && !represents;
                memory.add(n);
            }
        }
        // two actors joined by و before a reference of this sentence are
        // its latest pair (…بين روسيا وإيران…، فالاجتماع الأخير بين الطرفين)
        let voice = |e: usize| lex.entities[e].agent_as.unwrap_or(e);
        for w in s.items.windows(2) {
            let (ItemKind::Entity { entity: x, .. }, ItemKind::Entity { entity: y, .. }) = (&w[0].kind, &w[1].kind) else { continue };
            let (x, y) = (voice(*x), voice(*y));
            if w[1].first_word == w[0].last_word + 1 && w[1].mention.proclitic(s.text).starts_with('و') && lex.entities[x].kind.is_actor() && lex.entities[y].kind.is_actor() && !self.related(x, y) {
                // (as is a pair «كل من» sets apart: اتهمت أنقرة كلاً من حزب
                // العمال وقسد …، ونفى الطرفان أي دور لهما)
                let both = w[0].first_word > 1 && s.word(w[0].first_word - 1) == "من" && matches!(s.word(w[0].first_word - 2), "كل" | "كلا");
                let between = (w[0].first_word > 0 && s.word(w[0].first_word - 1) == "بين") || both;
                memory.add_pair(index, w[0].mention.span.start, x, y, between);
            }
        }
        let mut unresolved = Vec::new();
        let mut i = 0;
        while i < s.items.len() {
            let ItemKind::Reference(r) = s.items[i].kind else {
                i += 1;
                continue;
            };
            let it = s.items[i].clone();
            let orig = norm.original_range(it.mention.span.clone());
            let text = a.text[orig].to_string();
            // a head noun its nisbas name (بين الجانبين الروسي والإيراني،
            // الطرفين التركي والسوري) refers to nothing: the nisbas are the parties
            let described = matches!(lex.references.items[r], Reference::Parties { .. } | Reference::KindNoun { .. })
                && s.items.get(i + 1).is_some_and(|n| matches!(n.kind, ItemKind::Entity { nisba: true, .. }) && n.first_word == it.last_word + 1);
            // a pronoun right before a name is the copula of an equation
            // (من يحارب في سورية هو الجيش السوري): the name is the subject
            let copula = matches!(lex.references.items[r], Reference::Pronoun(_)) && s.items.get(i + 1).is_some_and(|n| matches!(n.kind, ItemKind::Entity { .. }) && n.first_word == it.last_word + 1);
            if !self.coref || described || copula {
                s.items.remove(i);
                continue;
            }
            let res = match self.complement_subject(s, i) {
                Some((p, opening)) => {
                    let res = memory.complement_subject(lex, p, index, it.mention.span.start, opening);
                    if res.entities.is_empty() { memory.resolve(lex, &lex.references.items[r], index, it.mention.span.start) } else { res }
                }
                None => memory.resolve(lex, &lex.references.items[r], index, it.mention.span.start),
            };
            // (a homeland noun stands for the possessor's state: قوات بلاده
            // after «أكد أردوغان» is Turkey's forces, not his)
            let mut res = res;
            if let Reference::Possessed(p) = &lex.references.items[r] {
                let word = own_word(s, &it);
                if word.strip_suffix(refs.pronouns[*p].form.as_str()).is_some_and(|noun| lex.grammar.homeland_nouns.contains(noun)) {
                    let state = |e: usize| lex.chain(e).into_iter().find(|&x| lex.entities[x].kind == crate::lexicon::EntityKind::State);
                    res.entities = res.entities.into_iter().filter_map(|(e, via)| state(e).map(|x| (x, via))).collect();
                    // (unresolved, it is no more than a noun: «رفض بلاده»
                    // keeps the subject of its light verb)
                    if res.entities.is_empty() {
                        s.items.remove(i);
                        continue;
                    }
                }
            }
            trace.push(ResolutionTrace::new(lex, "reference", text, &res));
            // (a pronoun agrees as its suffix does; a noun that stands for
            // its possessor as its suffix and as the noun: عناصرها، مقتلهم)
            let genders = match &lex.references.items[r] {
                Reference::Pronoun(p) => refs.pronouns[*p].gender.into_iter().collect(),
                Reference::Possessed(p) => {
                    let word = own_word(s, &it);
                    let noun = word.strip_suffix(refs.pronouns[*p].form.as_str()).unwrap_or(word);
                    let mut g = refs.word_genders(noun, false);
                    g.extend(refs.pronouns[*p].gender.filter(|x| !g.contains(x)));
                    g
                }
                _ => refs.word_genders(own_word(s, &it), false),
            };
            for (e, via) in &res.entities {
                memory.add(named(&it, *e, via.clone(), genders.clone(), own_word(s, &it)));
            }
            if res.entities.is_empty() {
                match &lex.references.items[r] {
                    Reference::Pronoun(p) => unresolved.push(Unresolved { first_word: it.first_word, last_word: it.last_word, pronoun: *p, pos: it.mention.span.start, possessed: false }),
                    Reference::Possessed(p) => unresolved.push(Unresolved { first_word: it.first_word, last_word: it.last_word, pronoun: *p, pos: it.mention.span.start, possessed: true }),
                    _ => {}
                }
            }
            let n = res.entities.len();
            s.resolve_item(i, &res.entities);
            i += n;
        }
        unresolved
    }

    /// Is reference item `i` a pronoun after أن (أنها، بأنه) in a sentence
    /// that opens with a verb? Then it is the pronoun and where the verb's
    /// subject is named (None: the verb has none of its own, a preposition
    /// or a time follows it). Not when the verb has an object before the
    /// pronoun (اتهمت روسيا واشنطن بأنها: the one accused).
    fn complement_subject(&self, s: &Sentence, i: usize) -> Option<(usize, Option<usize>)> {
        let lex = self.lex;
        let g = &lex.grammar;
        let it = &s.items[i];
        let ItemKind::Reference(r) = it.kind else { return None };
        let Reference::Pronoun(p) = lex.references.items[r] else { return None };
        if !g.complementizers.contains(s.word(it.first_word)) || it.first_word < 2 || s.items.iter().any(|x| x.first_word == 0) {
            return None;
        }
        let names: Vec<&sentence::Item> = s.items[..i].iter().filter(|x| matches!(x.kind, ItemKind::Entity { .. })).collect();
        let prep_proclitic = |x: &sentence::Item| !matches!(x.mention.proclitic(s.text), "" | "ال" | "و" | "وال");
        match names.first() {
            Some(subj) if (1..=2).contains(&subj.first_word) && !prep_proclitic(subj) => {
                let object = names.iter().any(|x| x.first_word == subj.last_word + 1 && !prep_proclitic(x) && !matches!(x.kind, ItemKind::Entity { nisba: true, .. }));
                (!object).then_some((p, Some(subj.mention.span.start)))
            }
            None => {
                let next = s.word(1);
                (g.prepositions.contains(next) || g.time_words.contains(next)).then_some((p, None))
            }
            _ => None,
        }
    }

    /// Fill the slots a frame left empty from the article's memory: a verbal
    /// noun's pronoun suffix (انسحابها), a verb's object suffix (وطالبها), a
    /// verb with no subject (the subject of the clause before), a
    /// first-person verb (اتفقنا: the speaker).
    #[allow(clippy::too_many_arguments)]
    fn fill_empty_slots(&self, a: &Article, norm: &Normalized, index: usize, s: &Sentence, frames: &mut [Frame], memory: &coref::Memory, unresolved: &[Unresolved], slot_via: &mut Vec<(usize, coref::Via)>, trace: &mut Vec<ResolutionTrace>) {
        let lex = self.lex;
        let refs = &lex.references;
        // the two parties of each act this sentence has stated so far (طلب
        // بوتين من الأسد … خلال لقائهما: the two of them), by the act's place
        let stated: Vec<(usize, usize, usize)> = frames
            .iter()
            .flat_map(|f| f.pairs.iter().map(move |&(a, b)| (s.items[f.cue].mention.span.start, a, b)))
            .filter(|&(_, a, b)| a != b && lex.entities[a].kind.is_actor() && lex.entities[b].kind.is_actor() && !self.related(a, b))
            .collect();
        // the agents of the strikes this sentence has told, by place (with
        // a target or not: روسيا أجرت غارات…، أن الغارات على مواقع…)
        let strikes_here: Vec<(usize, usize)> = frames.iter().filter(|f| self.strike(f)).flat_map(|f| f.agents.iter().map(move |&a| (s.items[f.cue].mention.span.start, a))).collect();
        // the agents of the threats, demands, accusations and rejections
        // of the sentence (cue word, clause, agents)
        let governors: Vec<(usize, usize, Vec<usize>)> = frames
            .iter()
            .filter(|f| self.complement_relations.contains(&f.pattern_relation(lex)))
            .map(|f| (s.items[f.cue].first_word, s.items[f.cue].clause, f.agents.clone()))
            .collect();
        let mut called_for: Vec<usize> = Vec::new();
        for fi in 0..frames.len() {
            let (done, rest) = frames.split_at_mut(fi);
            let f = &mut rest[0];
            if f.rejected == Some(Reason::SameEntity) {
                self.rebind_hostile_object(a, norm, index, s, f, memory, slot_via, trace);
                continue;
            }
            let p = &lex.patterns[f.pattern];
            let rel = &lex.relations[p.relation];
            let it = &s.items[f.cue];
            // (a verb that carries its object as a suffix has no other
            // after it, bare or after a preposition not its own: واتهمتها
            // بتسليم مواقعها للقوات التركية accuses «ها», not the Turkish
            // forces)
            // «us» after a present verb, which carries its own subject in
            // its prefix (الأتراك يهددوننا، إسرائيل تستهدفنا), is the
            // speaker's organisation, an actor whatever the slot takes
            let word = &s.text[it.mention.core.min(s.words[it.last_word].end)..s.words[it.last_word].end];
            let us = p.shape == crate::lexicon::Shape::Verb && word.ends_with("نا") && word.starts_with(['ي', 'ت']) && !f.agents.is_empty() && rel.object != ObjectKind::Place;
            let object_suffix = us || (p.shape == crate::lexicon::Shape::Verb && p.direct_object && rel.object == ObjectKind::Actor && refs.pronoun(it.mention.suffix(s.text)).is_some_and(|pr| !refs.pronouns[pr].first_person && refs.pronouns[pr].count.is_none()));
            let after_prep = object_suffix && !f.patients.is_empty() && {
                let mut held = s.units.iter().filter(|u| u.first_word > it.last_word && u.clause == it.clause && s.members(u).iter().any(|e| f.patients.contains(e))).peekable();
                held.peek().is_some() && held.all(|u| u.prep.as_ref().is_none_or(|x| !p.object_preps.contains(x)))
            };
            if !f.pairs.is_empty() && !after_prep {
                continue;
            }
            let suffix = it.mention.suffix(s.text);
            let pos = it.mention.span.start;
            let orig = norm.original_range(it.mention.span.clone());
            let text = a.text[orig].to_string();
            let mut agents = f.agents.clone();
            let mut patients = f.patients.clone();
            let mut record = |what: &'static str, res: &coref::Resolution, slot_via: &mut Vec<(usize, coref::Via)>| {
                trace.push(ResolutionTrace::new(lex, what, text.clone(), res));
                for (e, v) in &res.entities {
                    slot_via.push((*e, v.clone()));
                    slot_via.push((lex.entities[*e].agent_as.unwrap_or(*e), v.clone()));
                }
            };
            let fits_object = |e: usize| match rel.object {
                ObjectKind::Place => lex.entities[e].kind.is_place(),
                ObjectKind::Actor => lex.entities[e].kind.is_actor(),
                ObjectKind::Any => true,
            };
            match p.shape {
                // «the attack» with a target and no agent of its own (وقالت
                // مصادر إن القصف استهدف مستودعاً لحزب الله) is the last strike
                // told, in this sentence or the ones before
                // (not a battle, fought by two sides: نتيجة المعارك الدائرة ضد
                // التنظيم)
                crate::lexicon::Shape::Noun if agents.is_empty() && suffix.is_empty() && !patients.is_empty() && self.strike(f) && s.definite(it.first_word) && f.rejected == Some(Reason::NoAgent) && !matches!(&it.kind, ItemKind::Cue(ps) if ps.iter().any(|&q| lex.patterns[q].object_preps.iter().any(|x| x == "بين"))) => {
                    let here: Vec<usize> = strikes_here.iter().filter(|x| x.0 < pos).map(|x| x.1).collect();
                    // (not the actor struck; a place may be its own state's)
                    let struck: Vec<usize> = patients.iter().copied().filter(|&e| lex.entities[e].kind.is_actor()).collect();
                    let res = memory.last_striker(lex, index, pos, &here, &struck);
                    record("agent of «the attack»", &res, slot_via);
                    agents = res.entities.iter().map(|x| x.0).filter(|&e| lex.entities[e].kind.is_actor()).collect();
                }
                // the noun a light verb governs, when that verb has no
                // subject of its own and opens its clause (ثم بدأت قصفاً
                // مدفعياً…، وأجرى فور وصوله مباحثات مع…): the subject of the
                // verb it is joined to in this sentence, else of the clause
                // before (a dropped subject)
                crate::lexicon::Shape::Noun if agents.is_empty() && refs.pronoun(suffix).is_none() && f.rejected == Some(Reason::NoAgent) && roles::governing_light_verb(lex, s, it.first_word, it.clause).is_some() => {
                    let lv = roles::governing_light_verb(lex, s, it.first_word, it.clause).unwrap_or(0);
                    let lw = s.word(lv);
                    let then = lv > 0 && lex.grammar.sequels.contains(s.word(lv - 1));
                    let joined = lw.strip_prefix(['و', 'ف']).is_some_and(|bare| lex.grammar.light_verbs.contains(bare)) || then;
                    // (no name of an actor in its clause before the noun)
                    let named = s.units.iter().any(|u| u.clause == it.clause && u.last_word < it.first_word && s.members(u).iter().any(|&e| lex.entities[e].kind.is_actor()));
                    let opens = lv == 0 || (lv == 1 && then);
                    let prev = done.iter().filter(|g| !g.agents.is_empty() && s.items[g.cue].last_word < lv && lex.patterns[g.pattern].shape == crate::lexicon::Shape::Verb).last();
                    let res = if !(joined || opens) || named {
                        None
                    } else if let Some(g) = prev {
                        Some(memory.named_here(lex, index, pos, &g.agents, "the subject of the verb the light verb is joined to"))
                    } else if opens {
                        Some(memory.dropped_subject(lex, index, pos, lw.ends_with("وا")))
                    } else {
                        None
                    };
                    if let Some(res) = res {
                        record("subject of a light verb without one", &res, slot_via);
                        agents = res.entities.iter().map(|x| x.0).filter(|&e| lex.entities[e].kind.is_actor() && (!p.restricted() || p.agent_kinds.contains(&lex.entities[e].kind))).collect();
                    }
                }
                // an act a subjectless denial inside a quote denies is the
                // speaker's side's («لا صحة عن تحرير البلدة بشكل كامل», said
                // by an official of the force that fights for it)
                crate::lexicon::Shape::Noun if agents.is_empty() && suffix.is_empty() && f.rejected == Some(Reason::NoAgent) && f.polarity == Polarity::Negated && f.negated_by.is_some_and(|d| {
                    let (quoted, _) = quoted_spans(&s.text[s.range.clone()], s.range.start);
                    let dpos = s.items[d].mention.span.start;
                    matches!(s.items[d].kind, ItemKind::Denial) && quoted.iter().any(|q| q.contains(&dpos) && q.contains(&pos) && !(0..s.items.len()).any(|i| q.contains(&s.items[i].mention.span.start) && s.items[i].mention.span.start < pos && s.entity(i).is_some_and(|(e, _)| lex.entities[e].kind.is_actor())))
                }) => {
                    let res = memory.speaker(lex, index, pos, true);
                    record("the speaker's side, for an act a denial in the quote denies", &res, slot_via);
                    agents = res.entities.iter().map(|x| x.0).filter(|&e| lex.entities[e].kind.is_actor()).collect();
                }
                // «my visit» (خلال زيارتي إلى أنقرة ودمشق) is the speaker's, as
                // a verb in the first person is (زرت): a noun of the pattern
                // whose taa marbuta is written ت before the ي of «my»
                crate::lexicon::Shape::Noun if agents.is_empty() && suffix.is_empty() && {
                    let own = &s.text[it.mention.core.min(s.words[it.last_word].end)..s.words[it.last_word].end];
                    own.strip_suffix("تي").is_some_and(|stem| p.forms.iter().any(|f| *f == format!("{stem}ه")))
                } => {
                    let res = memory.speaker(lex, index, pos, false);
                    record("first-person possessive (subject)", &res, slot_via);
                    agents = res.entities.iter().map(|x| x.0).filter(|&e| lex.entities[e].kind.is_actor() && (!p.restricted() || p.agent_kinds.contains(&lex.entities[e].kind))).collect();
                }
                crate::lexicon::Shape::Noun if agents.is_empty() && refs.pronoun(suffix).is_some() => {
                    let Some(pr) = refs.pronoun(suffix) else { continue };
                    // (a dual suffix right after a dual noun no name stands
                    // for is that noun's: ضمّت مدرعتين رفعتا العلم الروسي بعد
                    // وصولهما are the two vehicles, not two states)
                    let dual_noun = refs.pronouns[pr].count == Some(2) && (it.first_word.saturating_sub(DUAL_NOUN_REACH)..it.first_word).any(|k| s.clause_of_word[k] == it.clause && !s.word_in_item(k) && (s.word(k).ends_with("تين") || s.word(k).ends_with("تان")));
                    if dual_noun {
                        continue;
                    }
                    if p.genitive == crate::lexicon::model::Genitive::Patient && patients.is_empty() {
                        let res = memory.pronoun(lex, pr, index, pos, None);
                        record("pronoun suffix (object)", &res, slot_via);
                        patients = res.entities.iter().map(|x| x.0).filter(|&e| fits_object(e)).collect();
                    } else if let Some(res) = stated
                        .iter()
                        .filter(|x| x.0 < pos)
                        .last()
                        .filter(|_| p.genitive == crate::lexicon::model::Genitive::Agent && refs.pronouns[pr].count == Some(2))
                        .map(|&(_, a, b)| memory.named_here(lex, index, pos, &[a, b], "the two parties of the act stated before it in this sentence"))
                        .filter(|res| !res.entities.is_empty())
                    {
                        record("dual pronoun suffix (subject)", &res, slot_via);
                        agents = res.entities.iter().map(|x| x.0).collect();
                    } else if let Some(g) = done.iter().rev().find(|g| {
                        // the object of a verb of this clause: its suffix is
                        // that verb's subject (عززت ميليشيات الحشد انتشارها)
                        let v = &s.items[g.cue];
                        // (not the act a demand, threat or accusation is
                        // about, nor a noun after a preposition: طالبت دمشق
                        // بانسحابها is another's withdrawal)
                        !g.agents.is_empty() && lex.patterns[g.pattern].shape == crate::lexicon::Shape::Verb && v.clause == it.clause && v.last_word < it.first_word && it.first_word - v.last_word <= OWN_OBJECT_REACH && !self.complement_relations.contains(&g.pattern_relation(lex))
                    }).filter(|_| !it.mention.proclitic(s.text).contains(['ب', 'ل']) && p.genitive == crate::lexicon::model::Genitive::Agent && !refs.pronouns[pr].first_person && refs.pronouns[pr].count.is_none())
                    {
                        let res = memory.named_here(lex, index, pos, &g.agents, "the subject of the verb whose object the noun is");
                        record("pronoun suffix (subject)", &res, slot_via);
                        agents = res.entities.iter().map(|x| x.0).filter(|&e| lex.entities[e].kind.is_actor() && (!p.restricted() || p.agent_kinds.contains(&lex.entities[e].kind))).collect();
                    } else if p.genitive == crate::lexicon::model::Genitive::Agent {
                        let res = memory.agent_pronoun(lex, pr, index, pos, None);
                        record("pronoun suffix (subject)", &res, slot_via);
                        agents = res.entities.iter().map(|x| x.0).filter(|&e| lex.entities[e].kind.is_actor() && (!p.restricted() || p.agent_kinds.contains(&lex.entities[e].kind))).collect();
                    }
                }
                // a possessed passive (لحليفها بشار الأسد): its suffix is the
                // patron, an actor other than the one it backs
                crate::lexicon::Shape::Passive if agents.is_empty() && !patients.is_empty() && refs.pronoun(suffix).is_some_and(|pr| !refs.pronouns[pr].first_person && refs.pronouns[pr].count.is_none()) => {
                    let Some(pr) = refs.pronoun(suffix) else { continue };
                    let res = memory.agent_pronoun(lex, pr, index, pos, Some(&patients));
                    record("pronoun suffix of a possessed passive (subject)", &res, slot_via);
                    agents = res.entities.iter().map(|x| x.0).filter(|&e| lex.entities[e].kind.is_actor() && !patients.contains(&e)).collect();
                }
                crate::lexicon::Shape::Verb => {
                    if agents.is_empty() {
                        let form = &s.text[it.mention.core..it.mention.form_end];
                        // a verb that opens a quote with no subject of its own
                        // (وأردف: "أتفق مع أردوغان…") is the speaker's
                        // (and no noun of its own after it: «هاجمت مجموعات
                        // ارهابية» has a subject the lexicon does not know)
                        let g = &lex.grammar;
                        let next_closed = it.last_word + 1 >= s.words.len() || {
                            let n = s.word(it.last_word + 1);
                            g.prepositions.contains(n) || g.particles.contains(n) || g.time_words.contains(n) || g.complementizers.contains(n) || s.items.iter().any(|x| x.first_word == it.last_word + 1)
                        };
                        let after_quote = s.text[..s.words[it.first_word].start].trim_end().ends_with([':', '"', '«', '“']);
                        // (or its object is named right after it: "زرت بغداد
                        // اليوم"; not further: "هاجمت مجموعات ارهابية مجموعة
                        // مدفعية للقوات السورية" has a subject of its own)
                        let object_next = (0..s.items.len()).any(|i| s.items[i].first_word == it.last_word + 1 && s.entity(i).is_some_and(|(e, _)| f.patients.contains(&e)));
                        let opens_quote = (next_closed || object_next) && after_quote;
                        // «we»: past ـنا (أرسلنا), or the present with ن where
                        // the same stem takes ي (ننسحب، ننسق; not نفذت)
                        // a pronoun right before the verb is its subject (أنهم
                        // ضغطوا): now that the sentence's subjects are known it
                        // may resolve; if not, the verb takes no other
                        let pronoun = unresolved.iter().find(|u| !u.possessed && u.last_word + 1 == it.first_word);
                        // (after حيث or كما: the actor of the clause right
                        // before, in this sentence: كثفت إسرائيل عملياتها،
                        // حيث سيطرت على…)
                        let continued = (it.first_word > 0 && lex.grammar.subject_continuations.contains(s.word(it.first_word - 1)) && self.opens_clause(s, f.cue))
                            .then(|| {
                                // (of an act, as filled so far; a passive or
                                // participle describes a noun: «الخاضعة لسيطرة
                                // داعش» names no actor of the clause)
                                done.iter().filter(|g| {
                                    let c = &s.items[g.cue];
                                    !g.agents.is_empty() && c.first_word < it.first_word && c.clause + 1 == it.clause && matches!(lex.patterns[g.pattern].shape, crate::lexicon::Shape::Verb | crate::lexicon::Shape::Noun)
                                }).last()
                            })
                            .flatten()
                            .map(|g| memory.named_here(lex, index, pos, &g.agents, "the actor of the clause before, which حيث or كما goes on about"))
                            .filter(|res| !res.entities.is_empty());
                        let res = if let Some(u) = pronoun {
                            Some(memory.pronoun(lex, u.pronoun, index, u.pos, None))
                        } else if continued.is_some() {
                            continued
                        } else if suffix == "نا" || form.ends_with("نا") || form.split(' ').next().is_some_and(|w| w != form && w.ends_with("نا")) || p.first_plural_present(form) {
                            // («we» is the speaker's organisation, as قواتنا is)
                            Some(memory.speaker(lex, index, pos, true))
                        } else if p.first_person_past(form) == Some(false) {
                            // («I» is the speaker: زرت، التقيت)
                            Some(memory.speaker(lex, index, pos, false))
                        } else if opens_quote {
                            Some(memory.speaker(lex, index, pos, false))
                        } else if self.opens_clause(s, f.cue) && !after_quote {
                            let plural = form.ends_with("وا") || form.ends_with("ون") || suffix == "ا" || suffix == "وا";
                            Some(memory.dropped_subject(lex, index, pos, plural))
                        } else {
                            None
                        };
                        if let Some(res) = res {
                            record("subject of a verb without one", &res, slot_via);
                            // (a pattern for some kinds of agent only, وصل by a
                            // person: visited, takes only those from memory too)
                            agents = res.entities.iter().map(|x| x.0).filter(|&e| lex.entities[e].kind.is_actor() && (!p.restricted() || p.agent_kinds.contains(&lex.entities[e].kind))).collect();
                        }
                    }
                    if us && (patients.is_empty() || after_prep) {
                        let res = memory.speaker(lex, index, pos, true);
                        record("first-person object suffix", &res, slot_via);
                        patients = res.entities.iter().map(|x| x.0).filter(|&e| fits_object(e) && !agents.contains(&e)).collect();
                    }
                    // (only an actor: «تدخلها» is as often a battle or an area
                    // as a place named before)
                    if !us && (patients.is_empty() || after_prep) && !agents.is_empty() && p.direct_object && rel.object == ObjectKind::Actor && !s.in_relative_clause(lex, f.cue) {
                        if let Some(pr) = refs.pronoun(suffix).filter(|&pr| !refs.pronouns[pr].first_person && refs.pronouns[pr].count.is_none()) {
                            // (only names the slot takes compete: وطالبها is
                            // an actor, not the region named with it)
                            let res = memory.object_pronoun(lex, pr, index, pos, &agents, &fits_object);
                            record("pronoun suffix (object)", &res, slot_via);
                            patients = res.entities.iter().map(|x| x.0).filter(|&e| fits_object(e)).collect();
                        }
                    }
                }
                _ => {}
            }
            // a verb of demand joined by ف that opens its sentence after a
            // sentence with no subject of its own goes on with that subject,
            // and the name right after it is the one it addresses («واعتبرت
            // في بيان أن… . فدعت موسكو إلى الضغط على أنقرة»)
            if p.shape == crate::lexicon::Shape::Verb && p.direct_object && f.cue_word == 0 && it.mention.proclitic(s.text) == "ف" && index > 0 && memory.subjectless.iter().any(|x| x.0 + 1 == index) && self.complement_relations.contains(&p.relation) && f.agent_source == roles::VSO_SOURCE && patients.is_empty() {
                // (the subject the sentence before went on with, not a name
                // inside it: أن الجيش السوري "لا يملك القدرة")
                let before = memory.subjectless.iter().find(|x| x.0 + 1 == index).map_or(0, |x| x.1);
                let res = memory.dropped_subject(lex, index - 1, before, false);
                let went_on: Vec<usize> = res.entities.iter().map(|x| x.0).filter(|&e| lex.entities[e].kind.is_actor() && !agents.iter().any(|&a| self.related(a, e))).collect();
                if went_on.len() == 1 {
                    record("subject a ف-verb goes on with, its name after it addressed", &res, slot_via);
                    patients = agents.iter().copied().filter(|&e| fits_object(e)).collect();
                    agents = went_on;
                    // (the act it calls for after its preposition was read
                    // as the addressee's: الضغط على أنقرة is only called for)
                    called_for.push(f.cue);
                }
            }
            // a noun of purpose with no object of its own right after a
            // symmetric act (وتواصلها مع الفصائل العسكرية لتنسيق ذلك، اتصلت
            // أنقرة بالفصائل للتنسيق) is that act's aim, between its parties
            if patients.is_empty() && p.shape == crate::lexicon::Shape::Noun && rel.symmetric && matches!(it.mention.proclitic(s.text).trim_start_matches(['و', 'ف']), "ل" | "لل") {
                let aim_of = done.iter().rev().find(|g| {
                    let c = &s.items[g.cue];
                    // (right after the act's last party: «محادثات مع الأسد
                    // تناولت خطته لوقف إطلاق النار» names a plan's aim)
                    let last_party = s.units.iter().filter(|u| u.clause == it.clause && u.first_word > c.last_word && u.last_word < it.first_word && s.members(u).iter().any(|e| g.patients.contains(e) || g.agents.contains(e))).map(|u| u.last_word).max().unwrap_or(c.last_word);
                    !g.pairs.is_empty() && lex.relations[g.pattern_relation(lex)].symmetric && c.clause == it.clause && c.last_word < it.first_word && it.first_word - c.last_word <= PURPOSE_REACH && it.first_word == last_party + 1
                });
                if let Some(g) = aim_of.filter(|g| agents.iter().all(|a| g.agents.contains(a))) {
                    agents = g.agents.clone();
                    patients = g.patients.clone();
                }
            }
            // one does not strike one's own positions: a possessed noun
            // left ambiguous after a hostile act (الضربات على مواقعها) is
            // none of its agents, nor of the threat or demand that governs it
            if patients.is_empty() && rel.family == crate::lexicon::model::Family::Hostile {
                let mut not: Vec<usize> = agents.clone();
                not.extend(governors.iter().filter(|g| g.0 < it.first_word && g.1 == it.clause).flat_map(|g| g.2.iter().copied()));
                let cue_between = |w: usize| s.items.iter().any(|x| matches!(x.kind, ItemKind::Cue(_)) && x.first_word > it.last_word && x.first_word < w);
                let held = unresolved.iter().find(|u| u.possessed && u.first_word > it.last_word && u.first_word <= it.last_word + 3 && s.clause_of_word[u.first_word] == it.clause && !cue_between(u.first_word));
                if let (Some(u), false) = (held, not.is_empty()) {
                    let res = memory.pronoun(lex, u.pronoun, index, u.pos, Some(&not));
                    record("possessed noun after a hostile act, not its agent", &res, slot_via);
                    patients = res.entities.iter().map(|x| x.0).filter(|&e| lex.entities[e].kind.is_actor()).collect();
                }
            }
            // «the attack» named again, with its agents and no target of its
            // own, struck where the latest one of its kind did (اعتداء دموي
            // في اسطنبول … ونفى الطرفان أي دور لهما في الاعتداء)
            if patients.is_empty() && !agents.is_empty() && p.shape == crate::lexicon::Shape::Noun && rel.family == crate::lexicon::model::Family::Hostile && suffix.is_empty() && s.definite(it.first_word) && f.rejected == Some(Reason::NoPatient) {
                let res = memory.last_site(lex, index, pos, p.relation, &agents);
                record("the place «the attack» told before struck", &res, slot_via);
                patients = res.entities.iter().map(|x| x.0).filter(|&e| fits_object(e) && !agents.contains(&e)).collect();
            }
            // a relative clause whose object is a resumptive pronoun, and the
            // whole a subject whose predicate names that object after a
            // copula pronoun (المواقع التي انسحبت منها هي خان شيخون ومعرة
            // النعمان, المدن التي قصفتها الطائرات الروسية هي حلب وإدلب)
            if patients.is_empty() && !agents.is_empty() && p.shape == crate::lexicon::Shape::Verb && s.in_relative_clause(lex, f.cue) {
                let cue_between = |w: usize| s.items.iter().any(|x| matches!(x.kind, ItemKind::Cue(_)) && x.first_word > it.last_word && x.first_word < w);
                let copula = (it.last_word + 1..(it.last_word + 6).min(s.words.len())).find(|&k| s.clause_of_word[k] == it.clause && lex.grammar.copula_pronouns.contains(s.word(k)) && !cue_between(k));
                if let Some(k) = copula {
                    if let Some(u) = s.units.iter().find(|u| u.first_word > k && u.first_word - k <= 2 && u.clause == it.clause && u.prep.is_none()) {
                        let mut objs: Vec<usize> = s.members(u).iter().copied().filter(|&e| fits_object(e) && !agents.contains(&e)).collect();
                        // (the list goes on past a comma after a word that
                        // carries it: «، وكذلك مطار تيفور»، «، وبعض المواقع في
                        // درعا»; not a name that only describes an item:
                        // «الواقعتين بضواحي إدلب»)
                        if !objs.is_empty() {
                            let g = &lex.grammar;
                            let carries = |w: usize| {
                                let word = s.word(w);
                                g.list_continuations.contains(word) || word.strip_prefix('و').is_some_and(|x| g.members.contains(x))
                            };
                            let mut last = u.last_word;
                            for v in s.units.iter().filter(|v| v.first_word > u.last_word && v.clause == it.clause) {
                                let gap = last + 1..v.first_word;
                                let joined = !gap.is_empty() && gap.len() <= 5 && carries(gap.start) && !s.items.iter().any(|x| matches!(x.kind, ItemKind::Cue(_)) && gap.contains(&x.first_word)) && v.prep.as_deref().is_none_or(|p| p == "في");
                                if joined {
                                    for e in s.members(v).iter().copied() {
                                        if fits_object(e) && !agents.contains(&e) && !objs.contains(&e) {
                                            objs.push(e);
                                        }
                                    }
                                }
                                last = v.last_word;
                            }
                            patients = objs;
                        }
                    }
                }
            }
            // a pronoun after the cue's own preposition (انسحبت منها، دخولهم
            // إليها، سيطرت عليه) is its object: the nearest name of the
            // object's kind, never the agent (a place named with the province
            // around it is the place, not the province)
            // (a noun a light verb governs is in a relative clause when that
            // verb is: «قامت الجبهة الإسلامية بفرض سيطرتها عليه» is a main
            // clause, «مدينة أعلنت القوات سيطرتها عليها» is not)
            let relative = match roles::governing_light_verb(lex, s, it.first_word, it.clause) {
                Some(lv) if p.shape == crate::lexicon::Shape::Noun => s.relative_clause_at(lex, lv),
                _ => s.in_relative_clause(lex, f.cue),
            };
            if patients.is_empty() && !agents.is_empty() && !relative {
                if let Some(pr) = self.prep_pronoun_object(s, f.cue, p, &agents) {
                    let res = memory.object_pronoun(lex, pr, index, pos, &agents, &fits_object);
                    record("pronoun after the cue's preposition (object)", &res, slot_via);
                    patients = res.entities.iter().map(|x| x.0).filter(|&e| fits_object(e)).collect();
                }
            }
            if agents != f.agents || patients != f.patients {
                let agent_source = if agents != f.agents { COREF_SOURCE } else { f.agent_source };
                let patient_source = if patients != f.patients { COREF_SOURCE } else { f.patient_source };
                let r = roles::Roles { agents, patients, agent_source, patient_source, ..Default::default() };
                let nf = self.frame(f.cue, f.cue_word, f.pattern, r, f.polarity, f.negated_by);
                *f = nf;
            }
        }
        // the noun a re-read demand calls for after a preposition, a few
        // words on in its clause, is not stated
        for cue in called_for {
            let c = &s.items[cue];
            for g in frames.iter_mut() {
                let it = &s.items[g.cue];
                let after_prep = it.first_word > 0 && lex.grammar.prepositions.contains(s.word(it.first_word - 1));
                if it.clause == c.clause && it.first_word > c.last_word && it.first_word - c.last_word <= 4 && after_prep && lex.patterns[g.pattern].shape == crate::lexicon::Shape::Noun && !g.pairs.is_empty() {
                    g.pairs.clear();
                    g.rejected = Some(Reason::Embedded);
                }
            }
        }
    }

    /// A threat to retaliate that names no object (توعدت إيران بالرد على
    /// الهجوم، ووجهت أنقرة تحذيراً من أنها سترد) is aimed at whoever last
    /// struck the threatener: in this sentence, else the `window` before.
    fn aim_retaliations(&self, s: &Sentence, index: usize, frames: &mut [Frame], memory: &coref::Memory) {
        let lex = self.lex;
        let here: Vec<(usize, usize)> = frames.iter().filter(|f| self.strike(f)).flat_map(|f| f.pairs.iter().copied()).collect();
        // the pairs of the sentence's other hostile complements, accusations
        // and rejections (اتهمت أنقرة الوحدات بقصف بلدة حدودية، متوعدة بالرد):
        // one who accuses and threatens to retaliate threatens the accused
        let grievances: Vec<(usize, usize, usize)> = frames
            .iter()
            .filter(|g| g.polarity == Polarity::Affirmed && self.complement_relations.contains(&g.pattern_relation(lex)) && lex.relations[g.pattern_relation(lex)].family == crate::lexicon::model::Family::Hostile)
            .flat_map(|g| g.pairs.iter().map(move |&(a, b)| (g.pattern_relation(lex), a, b)))
            .collect();
        for f in frames.iter_mut() {
            let rel = f.pattern_relation(lex);
            if !f.pairs.is_empty() || !f.patients.is_empty() || f.agents.is_empty() || !self.complement_relations.contains(&rel) || lex.relations[rel].family != crate::lexicon::model::Family::Hostile {
                continue;
            }
            let it = &s.items[f.cue];
            let w = it.last_word;
            let retaliates = (w + 1..(w + 5).min(s.words.len())).any(|k| s.clause_of_word[k] == it.clause && lex.grammar.retaliation_words.contains(s.word(k)));
            if !retaliates {
                continue;
            }
            if let Some(e) = f.agents.iter().find_map(|&v| memory.striker(lex, index, v, &here)) {
                let r = roles::Roles { agents: f.agents.clone(), patients: vec![e], agent_source: f.agent_source, patient_source: "whoever last struck the threatener (a threat to retaliate: بالرد، سترد)", ..Default::default() };
                *f = self.frame(f.cue, f.cue_word, f.pattern, r, f.polarity, f.negated_by);
            } else {
                let accused: Vec<usize> = grievances.iter().filter(|&&(r, a, _)| r != rel && f.agents.contains(&a)).map(|&(_, _, b)| b).collect();
                if accused.len() == 1 {
                    let r = roles::Roles { agents: f.agents.clone(), patients: accused, agent_source: f.agent_source, patient_source: "the one the threatener accused in the same sentence (a threat to retaliate: متوعدة بالرد)", ..Default::default() };
                    *f = self.frame(f.cue, f.cue_word, f.pattern, r, f.polarity, f.negated_by);
                }
            }
        }
    }

    /// Is `f` an affirmed hostile act (a strike), not a threat, demand,
    /// accusation or rejection of one?
    fn strike(&self, f: &Frame) -> bool {
        let rel = f.pattern_relation(self.lex);
        self.lex.relations[rel].family == crate::lexicon::model::Family::Hostile && !self.complement_relations.contains(&rel) && f.polarity == Polarity::Affirmed
    }

    /// The third-person pronoun that one of the pattern's object
    /// prepositions carries a few words after the cue (منها، إليها، عليه),
    /// with no name between them but the agent's (انسحاب مقاتلي الهيئة منها).
    fn prep_pronoun_object(&self, s: &Sentence, cue: usize, p: &crate::lexicon::Pattern, agents: &[usize]) -> Option<usize> {
        let lex = self.lex;
        let it = &s.items[cue];
        let blocks = |k: usize| s.items.iter().any(|x| (x.first_word..=x.last_word).contains(&k) && !matches!(x.kind, ItemKind::Entity { entity, .. } if agents.contains(&entity)));
        (it.last_word + 1..(it.last_word + 7).min(s.words.len())).take_while(|&k| !blocks(k) && s.clause_of_word[k] == it.clause).find_map(|k| {
            let word = s.word(k);
            p.object_preps.iter().filter(|pr| pr.as_str() != "بين").find_map(|pr| word.strip_prefix(pr.as_str()).and_then(|rest| lex.references.pronoun(rest)).filter(|&i| !lex.references.pronouns[i].first_person && lex.references.pronouns[i].count.is_none()))
        })
    }

    /// One does not attack one's own positions: when a hostile act's object
    /// came through a possessive reference that resolved to its own agent
    /// (طائرات التحالف قصفت مواقعه), the reference is the nearest other actor.
    #[allow(clippy::too_many_arguments)]
    fn rebind_hostile_object(&self, a: &Article, norm: &Normalized, index: usize, s: &Sentence, f: &mut Frame, memory: &coref::Memory, slot_via: &mut Vec<(usize, coref::Via)>, trace: &mut Vec<ResolutionTrace>) {
        let lex = self.lex;
        let rel = &lex.relations[f.pattern_relation(lex)];
        if rel.family != crate::lexicon::model::Family::Hostile || f.agents.is_empty() {
            return;
        }
        let cue = &s.items[f.cue];
        let Some(item) = s.items.iter().find(|it| {
            it.first_word > cue.last_word && it.clause == cue.clause && matches!(it.kind, ItemKind::Entity { entity, via: Some(_), .. } if f.patients.contains(&entity))
        }) else {
            return;
        };
        let written = &s.text[item.mention.span.clone()];
        // (a possessed noun: مواقعه, not the pronoun of a clause: إنهم)
        let word = s.word(item.first_word);
        if lex.grammar.complementizers.contains(word) || word.chars().count() < 4 {
            return;
        }
        let Some(pr) = lex.references.third_person_suffix(written) else { return };
        let res = memory.pronoun(lex, pr, index, item.mention.span.start, Some(&f.agents));
        let orig = norm.original_range(item.mention.span.clone());
        trace.push(ResolutionTrace::new(lex, "possessive object of a hostile act, not its own agent", a.text[orig].to_string(), &res));
        let patients: Vec<usize> = res.entities.iter().map(|x| x.0).filter(|e| lex.entities[*e].kind.is_actor() && !f.agents.contains(e)).collect();
        if patients.is_empty() {
            return;
        }
        for (e, v) in &res.entities {
            slot_via.push((*e, v.clone()));
        }
        let r = roles::Roles { agents: f.agents.clone(), patients, agent_source: f.agent_source, patient_source: COREF_SOURCE, ..Default::default() };
        *f = self.frame(f.cue, f.cue_word, f.pattern, r, f.polarity, f.negated_by);
    }

    /// A threat, demand, accusation or rejection governs the act right after
    /// it (توعدت أنقرة بشن عملية ضد قسد، طالب بانسحاب القوات الإيرانية،
    /// رفضت أي حوار مع دمشق): the act's party becomes its object, and the
    /// act itself is not asserted.
    fn embed_complements(&self, s: &Sentence, frames: &mut [Frame]) {
        let lex = self.lex;
        for i in 0..frames.len() {
            let rel = frames[i].pattern_relation(lex);
            // an agreement states the acts it provides for as terms, not as
            // done (اتفقت روسيا وتركيا على انسحاب قسد، الاتفاق يشمل انسحاب…),
            // and takes no object from them
            if lex.grammar.term_relations.contains(&lex.relations[rel].id) {
                let outer = &s.items[frames[i].cue];
                let (last, clause) = (outer.last_word, outer.clause);
                if let Some(j) = (0..frames.len()).find(|&j| {
                    let inner = &s.items[frames[j].cue];
                    // (its terms are moves and hostilities; a mediation of
                    // it, or a cooperation it provides for, is no term)
                    let term = matches!(lex.relations[frames[j].pattern_relation(lex)].family, crate::lexicon::model::Family::Movement | crate::lexicon::model::Family::Hostile);
                    // (further when على introduces it and no other act stands
                    // between: اتفقت روسيا وتركيا الثلاثاء 22 تشرين الأول
                    // 2019، على انسحاب قسد)
                    let introduced = inner.first_word > 0 && lex.grammar.term_preps.contains(s.word(inner.first_word - 1)) && !s.items.iter().any(|x| matches!(x.kind, ItemKind::Cue(_)) && x.first_word > last && x.first_word < inner.first_word);
                    let reach = if introduced { TERM_REACH_AFTER_ALA } else { 10 };
                    j != i && term && inner.first_word > last && inner.first_word - last <= reach && inner.clause == clause && !(last + 1..inner.first_word).any(|w| lex.grammar.complementizers.contains(s.word(w)))
                }) {
                    if !frames[j].pairs.is_empty() {
                        frames[j].pairs.clear();
                        frames[j].rejected = Some(Reason::Embedded);
                    }
                }
                continue;
            }
            // (a noun of demand or threat with no agent named still governs
            // the act right after it: وضغط أكبر لخروجها من سورية, pressure
            // for its exit, states no exit)
            let agentless = frames[i].agents.is_empty();
            if !self.complement_relations.contains(&rel) || (agentless && lex.patterns[frames[i].pattern].shape != crate::lexicon::Shape::Noun) {
                continue;
            }
            let outer = &s.items[frames[i].cue];
            let (cue_last, clause) = (outer.last_word, outer.clause);
            let outer_takes_bare = lex.patterns[frames[i].pattern].direct_object || lex.patterns[frames[i].pattern].shape != crate::lexicon::Shape::Verb;
            // (the act comes after the cue's object when it has one: a
            // parenthetical before that object is no complement, طالب بيان
            // مشترك، صدر في ختام مباحثات…، إيران بسحب الميليشيات)
            // (not an object that is the act's own argument: طالبت دمشق
            // بانسحاب القوات الأمريكية)
            let argument_of_cue = |u: &crate::syntax::Unit| s.items.iter().any(|x| matches!(x.kind, ItemKind::Cue(_)) && x.first_word > cue_last && x.last_word < u.first_word && u.first_word - x.last_word <= 3);
            let last = s.units.iter().filter(|u| u.first_word > cue_last && u.clause == clause && s.members(u).iter().any(|e| frames[i].patients.contains(e))).find(|u| !argument_of_cue(u)).map_or(cue_last, |u| u.last_word);
            let embedded: Vec<usize> = (0..frames.len())
                .filter(|&j| {
                    let inner = &s.items[frames[j].cue];
                    j != i
                        && frames[j].pattern_relation(lex) != rel
                        && inner.first_word > last
                        && inner.first_word - last <= if agentless { AGENTLESS_COMPLEMENT_REACH } else { 8 }
                        && inner.clause == clause
                        // (a circumstantial participle is a predicate of its
                        // own: انتقد الموقف الأمريكي متهماً واشنطن…)
                        && lex.patterns[frames[j].pattern].shape != crate::lexicon::Shape::Participle
                        // (a verb that takes no direct object governs an act
                        // only through a preposition: «أعلنت سوريا أنها
                        // اعترضت ضربات جوية إسرائيلية» intercepted them, it
                        // objected to nothing)
                        && (outer_takes_bare || {
                            let pro = inner.mention.proclitic(s.text).trim_start_matches(['و', 'ف']);
                            pro.starts_with(['ب', 'ل']) || (inner.first_word > 0 && lex.grammar.prepositions.contains(s.word(inner.first_word - 1)))
                        })
                        // (nor is an event after a word of time: طلب منه
                        // التنحي خلال لقائهما names when, not what)
                        && !(inner.first_word > 0 && { let w = s.word(inner.first_word - 1); lex.grammar.time_words.contains(w) && lex.grammar.prepositions.contains(w) })
                        && !(last + 1..inner.first_word).any(|w| lex.grammar.complementizers.contains(s.word(w)))
                        // (nor a relative clause, which describes a noun:
                        // متهمة الوحدات المتمركزة هناك والتي استهدفتها ضربات
                        // تركية, توعد الفصائل التي هاجمت المدينة)
                        && !(inner.first_word.saturating_sub(3).max(last + 1)..inner.first_word).any(|w| lex.grammar.relatives.contains(s.word(w)))
                })
                .collect();
            let Some(&j) = embedded.first() else { continue };
            // (an act one asks to end goes on: طالبت بإنهاء الوجود الأمريكي
            // في التنف names the party asked, and the US is there)
            let ongoing = {
                let w = s.items[frames[j].cue].first_word;
                let g = &lex.grammar;
                // (past its preposition: الكف عن استهدافها)
                let before = |k: usize| w >= k && g.cessation_words.contains(s.word(w - k));
                before(1) || (w >= 2 && g.prepositions.contains(s.word(w - 1)) && before(2))
            };
            // (a demand that is itself only rejected or alleged still
            // governs its act, which is stated even less: رفض طلباً إيرانياً
            // بإرسال فصائل من الحشد)
            let nested = frames[i].rejected == Some(Reason::Embedded);
            if frames[i].patients.is_empty() && !nested && !agentless {
                let agents = frames[i].agents.clone();
                // the act's agent (طالب بانسحاب القوات الإيرانية: Iran), else
                // the actor it targets (بشن عملية ضد قسد); never the place
                // of a movement
                let inner_place = lex.relations[frames[j].pattern_relation(lex)].object == ObjectKind::Place;
                let targets: &[usize] = if inner_place { &[] } else { &frames[j].patients };
                // a threat or an accusation is aimed at the act's target
                // (توعد بردّ دمشق على الغارات الإسرائيلية: Israel); a demand at
                // the one who is to act (طالب بانسحاب القوات الإيرانية: Iran)
                let hostile = lex.relations[rel].family == crate::lexicon::model::Family::Hostile;
                let (first, second): (&[usize], &[usize]) = if hostile && !targets.is_empty() { (targets, &[]) } else { (&frames[j].agents, targets) };
                // (one threatens, accuses or demands of another, never of
                // one's own side: توعد المقداد بردّ دمشق)
                let mut objs: Vec<usize> = first.iter().chain(second).copied().filter(|e| !agents.iter().any(|&a| self.related(a, *e)) && lex.entities[*e].kind.is_actor()).collect();
                objs.dedup();
                if !objs.is_empty() {
                    let agent_source = frames[i].agent_source;
                    let r = roles::Roles { agents, patients: objs, agent_source, patient_source: "the party of the act it governs", ..Default::default() };
                    let f = &frames[i];
                    frames[i] = self.frame(f.cue, f.cue_word, f.pattern, r, f.polarity, f.negated_by);
                }
            }
            if (!frames[i].pairs.is_empty() || nested || agentless) && !ongoing {
                // the embedded act, and a noun its light verb governs (من شن
                // أي هجوم على…)
                let lv = s.items[frames[j].cue].first_word;
                for k in 0..frames.len() {
                    let it = &s.items[frames[k].cue];
                    if k == j || (k != i && it.first_word > lv && roles::governing_light_verb(lex, s, it.first_word, it.clause) == Some(lv)) {
                        frames[k].pairs.clear();
                        frames[k].rejected = Some(Reason::Embedded);
                    }
                }
            }
        }
    }

    /// Record the chunks and clauses of a sentence for `explain`.
    fn trace_structure(&self, a: &Article, norm: &Normalized, s: &Sentence, analysis: &mut SentenceAnalysis) {
        let g = &self.lex.grammar;
        for u in &s.units {
            let folded = s.words[u.first_word].start..s.words[u.last_word].end;
            let orig = norm.original_range(folded);
            let is_head = |w: &str| g.actor_heads.iter().chain(&g.place_heads).any(|h| h == w) || g.titles.contains(w) || g.members.contains(w);
            let head_word = u.first_word.checked_sub(1).filter(|&w| is_head(s.word(w))).unwrap_or(u.first_word);
            let head = a.text[norm.original_range(s.words[head_word].clone())].to_string();
            analysis.chunks.push(ChunkTrace {
                span: [orig.start, orig.end],
                text: a.text[orig].to_string(),
                members: s.members(u).iter().map(|&e| self.lex.entities[e].id.clone()).collect(),
                head,
                prep: u.prep.clone(),
                nisba: u.nisba,
                clause: u.clause,
            });
        }
        let mut start = 0;
        for w in 1..=s.words.len() {
            if w == s.words.len() || s.clause_of_word[w] != s.clause_of_word[start] {
                let folded = s.words[start].start..s.words[w - 1].end;
                analysis.clauses.push(norm.original_range(folded));
                start = w;
            }
        }
    }

    /// Does the verb at item `ci` open its clause (the sentence, or a
    /// clause joined by و/ف/ثم, with no name of its own before it)? Only such
    /// a verb takes the subject of the clause before.
    fn opens_clause(&self, s: &Sentence, ci: usize) -> bool {
        let it = &s.items[ci];
        let conj = it.mention.proclitic(s.text).starts_with(['و', 'ف']) || (it.first_word > 0 && s.word(it.first_word - 1) == "ثم");
        let names_before = s.items[..ci].iter().any(|x| matches!(x.kind, ItemKind::Entity { .. }) && x.clause == it.clause);
        // joined by و/ف, or right after أن or a clause break (قبل أن تنسحب);
        // a bare verb opening a sentence has its subject after it
        // (هاجمت مجموعة مسلحة…), named or not
        let w = it.first_word;
        // (or a connective that goes on about the same actor: حيث سيطرت، كما أخلى)
        let clause_start = w == 0 || s.clause_of_word[w - 1] != s.clause_of_word[w] || self.lex.grammar.complementizers.contains(s.word(w - 1)) || self.lex.grammar.subject_continuations.contains(s.word(w - 1));
        // ...unless what follows it is a time or a preposition (وصل مساء
        // الثلاثاء إلى طهران): then it has none, and is about the one before
        let g = &self.lex.grammar;
        let bare_start = w == 0 && s.words.len() > it.last_word + 1 && {
            let next = s.word(it.last_word + 1);
            g.time_words.contains(next) || g.prepositions.contains(next)
        };
        // ...and one after a fronted phrase of time or place that names no
        // one (وفي 29 من الشهر نفسه دخلت مدينة حلب، وفي اليوم التالي سيطرت…)
        // (after a comma, or opening its clause)
        let comma_before = |k: usize| k == 0 || s.clause_of_word[k - 1] != s.clause_of_word[k] || s.text[s.words[k - 1].end..s.words[k].start].contains(['،', ',']);
        let fronted = (w.saturating_sub(6)..w).find(|&f| comma_before(f)).is_some_and(|f| {
            let opener = s.word(f).strip_prefix(['و', 'ف']).unwrap_or(s.word(f));
            f < w && (g.prepositions.contains(opener) || g.time_words.contains(opener)) && !s.items.iter().any(|x| x.first_word >= f && x.first_word < w) && !(f..w).any(|k| comma_before(k) && k > f)
        });
        // (and only when what follows it is its object, not a subject the
        // lexicon does not know: دخلت مدينة حلب، سيطرت على)
        let object_next = it.last_word + 1 < s.words.len() && {
            let k = it.last_word + 1;
            let next = s.word(k);
            let bare = next.strip_prefix("ال").unwrap_or(next);
            g.prepositions.contains(next) || g.time_words.contains(next) || g.place_heads.iter().any(|h| h == bare) || s.items.iter().any(|x| x.first_word == k && matches!(x.kind, ItemKind::Entity { entity, .. } if self.lex.entities[entity].kind.is_place()))
        };
        ((conj || (clause_start && w > 0) || bare_start) && !names_before) || (fronted && object_next)
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
        let mut memory = coref::Memory::new(self.lex);
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
            out.push(self.sentence(a, norm, index, range, ms, &mut memory));
        }
        out
    }

    fn sentence(&self, a: &Article, norm: &Normalized, index: usize, range: Range<usize>, ms: &[Mention], memory: &mut coref::Memory) -> SentenceAnalysis {
        let lex = self.lex;
        let span = norm.original_range(range.clone());
        let mut analysis = SentenceAnalysis {
            index,
            span: span.clone(),
            mentions: ms.to_vec(),
            mentions_of_items: Vec::new(),
            frames: Vec::new(),
            resolutions: Vec::new(),
            claims: Vec::new(),
            chunks: Vec::new(),
            clauses: Vec::new(),
        };
        let has_entity = ms.iter().any(|m| matches!(lex.surfaces[m.surface].target, crate::lexicon::Target::Entity(_) | crate::lexicon::Target::Reference(_)));
        let has_cue = ms.iter().any(|m| matches!(lex.surfaces[m.surface].target, crate::lexicon::Target::Cue(_)));
        // (a sentence with a cue and no name may still speak of those named
        // before: وطالبها في مذكرة رسمية بوقف دعمها)
        if !has_entity && !(has_cue && self.coref) {
            return analysis;
        }
        let mut s = Sentence::new(lex, &norm.text, range.clone(), ms);
        // a sentence that opens with a verb joined by و or ف and no name of
        // its own before a preposition or a time word goes on with the
        // subject before (واعتبرت في بيان أن…)
        let opening = s.words.len() > 1 && s.word(0).starts_with(['و', 'ف']) && !s.word_in_item(0) && {
            let next = s.word(1);
            lex.grammar.prepositions.contains(next) || lex.grammar.time_words.contains(next)
        };
        if opening && self.coref {
            memory.subjectless.push((index, range.start));
        }
        let unresolved = self.remember_and_resolve(a, norm, index, &mut s, memory, &mut analysis.resolutions);
        if !has_cue {
            // a sentence with no cue still says who the next one is about
            s.group(lex);
            let topics = self.topics(&s);
            memory.mark_subjects(lex, index, &topics);
            memory.mark_topics(lex, index, &topics);
            return analysis;
        }
        s.group(lex);
        let s = s;
        if self.trace {
            self.trace_structure(a, norm, &s, &mut analysis);
        }
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
        // the last movement told by a noun (وصول كتائب الجيش الحر إلى المدينة،
        // زيارة الوزير إلى دمشق): a verbal noun after ل of purpose later in
        // its clause (لمساندة لواء عاصفة الشمال) is what the ones who moved
        // moved to do, as after a verb (دخلت قوات الحشد إلى سوريا لمساندة…)
        let mut arrival: Option<roles::Shared> = None;
        for (ci, it) in s.items.iter().enumerate() {
            let ItemKind::Cue(pats) = &it.kind else { continue };
            if self.light_verb_after_noun(&s, ci) {
                continue;
            }
            // (an attack of words, and the light verb that governs it: شنّ
            // الوزير هجوماً لاذعاً، حملة إعلامية)
            let verbal_at = |x: &sentence::Item| x.last_word + 1 < s.words.len() && lex.grammar.verbal_attack_words.contains(s.word(x.last_word + 1));
            let hostile = pats.iter().all(|&p| lex.relations[lex.patterns[p].relation].family == crate::lexicon::model::Family::Hostile);
            if hostile && verbal_at(it) {
                continue;
            }
            // (the light verb still lends its subject to the verbs joined
            // to it: وشنّت الهيئة هجوماً لاذعاً…، واتهمتها)
            let governs_verbal = hostile && s.items.iter().any(|x| matches!(x.kind, ItemKind::Cue(_)) && x.first_word > it.last_word && verbal_at(x) && roles::governing_light_verb(lex, &s, x.first_word, x.clause) == Some(it.first_word));
            let (pol, neg) = polarity::polarity(lex, &s, ci);
            let mut partials: Vec<Frame> = Vec::new();
            let mut done = false;
            let mut pats = pats.clone();
            // (a direct object right after the subject comes before a place in a
            // prepositional phrase: دخلت القوات مدينة سراقب في ريف إدلب)
            pats.sort_by_key(|&p| (!lex.patterns[p].restricted(), !lex.patterns[p].direct_object));
            // a verb never takes the article or a preposition: التدخل and
            // لدعم are nouns
            let pro = it.mention.proclitic(&norm.text).trim_start_matches(['و', 'ف']);
            // nor does a light verb govern a verb: جدّد … رفض بلاده is a noun
            let has_noun = pats.iter().any(|&p| lex.patterns[p].shape == crate::lexicon::Shape::Noun);
            // nor takes a verb a genitive and then its object after ل: «دعم
            // الجمهورية الإيرانية للشعب السوري» is Iran's support, a noun
            let genitive_then_object = has_noun && s.units.iter().position(|u| u.first_word == it.last_word + 1 && u.prep.is_none()).is_some_and(|k| {
                let g = &s.units[k];
                s.units.get(k + 1).is_some_and(|o| o.prep.as_deref() == Some("ل") && o.first_word <= g.last_word + 2)
            });
            // nor after a word a noun follows: دون أي دعم
            let after_governor = has_noun && it.first_word > 0 && lex.grammar.noun_governors.contains(s.word(it.first_word - 1));
            // and after a verb of denial and its subject, or an adverb of
            // its own, a noun comes first: «نفت خلاله قصف القوات الأمريكية»,
            // «نفت وزارة الدفاع الروسية قصف الطائرات السورية لمستشفى» deny
            // a bombing
            let after_denial = has_noun && roles::denier(lex, &s, it.first_word, it.clause).is_some() && s.items.iter().rev().find(|x| x.last_word < it.first_word && matches!(x.kind, ItemKind::Denial)).is_some_and(|x| (x.last_word + 1..it.first_word).all(|w| !lex.grammar.complementizers.contains(s.word(w))));
            // (tried first, the verb only when the noun finds no claim)
            if after_denial {
                pats.sort_by_key(|&p| lex.patterns[p].shape != crate::lexicon::Shape::Noun);
            }
            if pro.contains(['ا', 'ب', 'ل', 'ك']) || genitive_then_object || after_governor || (has_noun && roles::governing_light_verb(lex, &s, it.first_word, it.clause).is_some()) {
                pats.retain(|&p| lex.patterns[p].shape != crate::lexicon::Shape::Verb);
            }
            // (relations already read from this cue, and whether that
            // reading stands beside others: طرد is attacked and controls)
            let mut read_here: Vec<(usize, bool)> = Vec::new();
            for &p in &pats {
                let pat = &lex.patterns[p];
                if done && !read_here.iter().all(|&(rel, beside)| rel != pat.relation && (beside || pat.alongside)) {
                    continue;
                }
                let purpose_of_arrival = arrival.as_ref().filter(|ar| {
                    pat.shape == crate::lexicon::Shape::Noun
                        && matches!(it.mention.proclitic(s.text), "ل" | "لل")
                        && s.clause_of_word[ar.cue_last] == it.clause
                        && shared.as_ref().is_none_or(|sh| sh.cue_last < ar.cue_last)
                });
                let mut r = roles::assign(lex, &s, ci, &lex.patterns[p], purpose_of_arrival.or(shared.as_ref()));
                roles::add_casualties(lex, &s, ci, &lex.patterns[p], &mut r);
                roles::reciprocal(lex, &s, ci, &lex.patterns[p], &mut r);
                let mut f = self.frame(ci, it.first_word, p, r, pol, neg);
                // a denial of forces of one kind (لا تملك قوات مشاة على
                // الأرض، لم ترسل قوات برية) does not deny being there
                if pol == Polarity::Negated && lex.relations[lex.patterns[p].relation].family == crate::lexicon::model::Family::Movement && !f.pairs.is_empty() {
                    let g = &lex.grammar;
                    // (the noun of forces ends the cue, or is the verb's object)
                    let is_forces = |w: usize| w < s.words.len() && s.clause_of_word[w] == it.clause && g.members.contains(s.word(w).trim_start_matches(['و', 'ف']));
                    let forces = [it.last_word, it.last_word + 1].into_iter().find(|&w| is_forces(w));
                    let next = forces.map_or(s.words.len(), |w| w + 1);
                    let qualified = next < s.words.len() && s.clause_of_word[next] == it.clause && g.force_kinds.contains(s.word(next));
                    if qualified {
                        f.pairs.clear();
                        f.rejected = Some(Reason::NarrowDenial);
                    }
                }
                if !f.pairs.is_empty() {
                    // (and the denier, who does the noun a denial governs:
                    // نفت أنقرة قصف عفرين، وطالبت واشنطن…)
                    if lex.patterns[p].shape == crate::lexicon::Shape::Verb || f.agent_source == roles::DENIER_SOURCE || (after_denial && lex.patterns[p].shape == crate::lexicon::Shape::Noun) {
                        // (a capital stands for its state: أنقرة is the patient turkey)
                        let until = s.units.iter().filter(|u| u.first_word > it.last_word && s.members(u).iter().any(|&e| f.patients.contains(&lex.entities[e].agent_as.unwrap_or(e)))).map(|u| u.last_word).next().unwrap_or(it.last_word);
                        let addressees = if self.complement_relations.contains(&lex.patterns[p].relation) { f.patients.clone() } else { Vec::new() };
                        shared = Some(roles::Shared { agents: f.agents.clone(), until, cue_last: it.last_word, addressees });
                    }
                    if governs_verbal {
                        f.pairs.clear();
                        f.rejected = Some(Reason::LightVerb);
                    }
                    if pat.shape == crate::lexicon::Shape::Noun && lex.relations[pat.relation].family == crate::lexicon::model::Family::Movement && !f.agents.is_empty() {
                        arrival = Some(roles::Shared { agents: f.agents.clone(), until: it.last_word, cue_last: it.last_word, addressees: Vec::new() });
                    }
                    read_here.push((pat.relation, pat.alongside));
                    frames.push(f);
                    done = true;
                    continue;
                }
                if !done {
                    partials.push(f);
                }
            }
            if !done {
                // a verb that found its subject but no object still lends
                // that subject to its complement (وافقت طهران على عدم المشاركة)
                if let Some(f) = partials.iter().find(|f| lex.patterns[f.pattern].shape == crate::lexicon::Shape::Verb && !f.agents.is_empty()) {
                    // (the demand before it still governs what follows)
                    let addressees = shared.as_ref().map(|sh| sh.addressees.clone()).unwrap_or_default();
                    shared = Some(roles::Shared { agents: f.agents.clone(), until: it.last_word, cue_last: it.last_word, addressees });
                }
                // keep every partial frame: another cue may complete it
                frames.extend(partials);
            }
        }
        let mut slot_via: Vec<(usize, coref::Via)> = Vec::new();
        let mut subjects = frame_subjects(lex, frames.iter());
        let mut topics = self.topics(&s);
        // (and the subject of the verb that opens it: استعاد الجيش السوري)
        topics.extend(frames.iter().filter(|f| f.cue_word == 0 && lex.patterns[f.pattern].shape == crate::lexicon::Shape::Verb).flat_map(|f| f.agents.iter().copied()));
        subjects.extend(topics.iter().copied());
        memory.mark_subjects(lex, index, &subjects);
        memory.mark_topics(lex, index, &topics);
        // (the one who met, not the one met, already now: «التقى ظريف
        // بنظيره السوري فيصل المقداد خلال زيارته إلى دمشق» is Zarif's visit;
        // a pronoun that two parties of one symmetric act fit takes its agent)
        let meeting: Vec<usize> = frames.iter().filter(|f| lex.relations[f.pattern_relation(lex)].symmetric && !f.patients.is_empty()).flat_map(|f| f.agents.iter().copied()).collect();
        memory.mark_agents(lex, index, &meeting);
        // (a name that is only the agent of a passive or adverbial
        // describing another noun: «فصائل الجيش الحر المدعومة من أنقرة»)
        let described_by: Vec<usize> = frames
            .iter()
            .filter(|f| lex.patterns[f.pattern].shape == crate::lexicon::Shape::Passive)
            .flat_map(|f| f.agents.iter().copied())
            .filter(|e| !frames.iter().any(|g| lex.patterns[g.pattern].shape != crate::lexicon::Shape::Passive && (g.agents.contains(e) || g.patients.contains(e))))
            .collect();
        memory.mark_modifiers(lex, index, &described_by);
        if self.coref {
            self.fill_empty_slots(a, norm, index, &s, &mut frames, memory, &unresolved, &mut slot_via, &mut analysis.resolutions);
            // (and so does one whose opening cue took the subject before)
            if frames.iter().any(|f| f.cue_word == 0 && lex.patterns[f.pattern].shape == crate::lexicon::Shape::Verb && f.agent_source == COREF_SOURCE) && !memory.subjectless.iter().any(|x| x.0 == index) {
                memory.subjectless.push((index, s.range.start));
            }
        }
        // one reading per cue, as when its frames were first read: a
        // pattern tried earlier (وصل by a person: visited) wins over a later
        // one that coreference also completed (deployed_to)
        // (a reading that stands beside another is its own: طرد)
        let mut read: Vec<(usize, Option<usize>)> = Vec::new();
        frames.retain(|f| f.pairs.is_empty() || {
            let key = (f.cue, lex.patterns[f.pattern].alongside.then(|| f.pattern_relation(lex)));
            let first = !read.contains(&key);
            read.push(key);
            first
        });
        self.join_partial_frames(&s, &mut frames);
        if self.coref {
            self.aim_retaliations(&s, index, &mut frames, memory);
        }
        self.defer_light_verbs(&s, &mut frames);
        self.drop_planned(&s, &mut frames);
        self.embed_complements(&s, &mut frames);
        // (the agent of an act only alleged or demanded is no subject of
        // the clause: اتهمت تركيا الوحدات بقصف…)
        let asserted = || frames.iter().filter(|f| f.rejected != Some(Reason::Embedded));
        memory.mark_subjects(lex, index, &frame_subjects(lex, asserted()));
        memory.mark_agents(lex, index, &asserted().flat_map(|f| f.agents.iter().copied()).collect::<Vec<_>>());
        // the parties of each act, and actors coordinated in one chunk, are
        // what a later «الطرفان» stands for
        let actor = |e: usize| lex.entities[e].kind.is_actor();
        for f in &frames {
            let pos = s.items[f.cue].mention.span.start;
            let strike = self.strike(f);
            // (a mediator and each side are no pair: the sides are, بوساطة
            // أردنية بين إسرائيل وإيران)
            let sides: Vec<usize> = f.patients.iter().copied().filter(|&e| actor(e)).collect();
            // (not the two struck by one attacker: قُتل مقاتلون من النظام بينهم
            // روس في هجوم شنه داعش; they faced the attacker, not each other)
            let hostile = lex.relations[f.pattern_relation(lex)].family == crate::lexicon::model::Family::Hostile;
            if sides.len() == 2 && f.agents.len() == 1 && !f.pairs.is_empty() && !hostile {
                memory.add_pair(index, pos, sides[0], sides[1], true);
            }
            // (a state one withdraws from or enters is a place, no party:
            // إخراج القوى الإيرانية من سوريا)
            let place_object = lex.relations[f.pattern_relation(lex)].object == ObjectKind::Place;
            // where a hostile act struck: its places, else a town a few words
            // after it (اعتداء دموي في اسطنبول، هجوم بطائرة مسيرة في مدينة
            // القامشلي), for «the attack» named again
            if hostile && !self.complement_relations.contains(&f.pattern_relation(lex)) && f.rejected != Some(Reason::Embedded) && f.polarity == Polarity::Affirmed {
                let it = &s.items[f.cue];
                let town = |e: usize| lex.entities[e].kind == crate::lexicon::EntityKind::Place;
                let held: Vec<usize> = if f.patients.is_empty() {
                    s.units.iter().find(|u| u.first_word > it.last_word && u.first_word - it.last_word <= 5 && u.clause == it.clause && u.prep.as_deref() == Some("في") && !s.items.iter().any(|x| matches!(x.kind, ItemKind::Cue(_)) && x.first_word > it.last_word && x.first_word < u.first_word) && !s.members(u).is_empty() && s.members(u).iter().all(|&e| town(e))).map(|u| u.items.clone()).unwrap_or_default()
                } else {
                    (0..s.items.len()).filter(|&i| s.items[i].first_word > it.last_word && s.items[i].clause == it.clause && s.entity(i).is_some_and(|(e, _)| f.patients.contains(&e) && town(e))).collect()
                };
                for i in held {
                    if let Some((e, _)) = s.entity(i) {
                        let r = norm.original_range(s.items[i].mention.span.clone());
                        let via = coref::Via { text: a.text[r.clone()].to_string(), sentence: index, span: [r.start, r.end] };
                        memory.sites.push(coref::Site { sentence: index, pos, relation: f.pattern_relation(lex), place: e, agents: f.agents.clone(), via });
                    }
                }
            }
            for &(a, b) in &f.pairs {
                if actor(a) && actor(b) && sides.len() != 2 && !place_object {
                    memory.add_pair(index, pos, a, b, true);
                }
                if strike {
                    memory.strikes.push((index, a, b));
                }
            }
        }
        for u in &s.units {
            let mut m: Vec<usize> = s.members(u).into_iter().filter(|&e| actor(e)).collect();
            m.dedup();
            if m.len() == 2 {
                let pos = s.items[u.items[0]].mention.span.start;
                memory.add_pair(index, pos, m[0], m[1], u.prep.as_deref() == Some("بين"));
            }
        }
        // an entity named in the sentence needs no antecedent; one that
        // came only through a reference shows where it was named
        let via_of = |e: usize| -> Option<coref::Via> {
            let voice = |x: usize| lex.entities[x].agent_as.unwrap_or(x);
            let mut via = None;
            let mut group = None;
            for it in &s.items {
                if let ItemKind::Entity { entity, via: v, .. } = it.kind {
                    if entity == e || voice(entity) == e {
                        match v {
                            None => return None,
                            Some(k) => via = via.or(Some(s.vias[k].clone())),
                        }
                    } else if lex.entities[entity].members.contains(&e) {
                        // (a member made through its group's name)
                        group = group.or_else(|| match v {
                            Some(k) => Some(s.vias[k].clone()),
                            None => {
                                let r = norm.original_range(it.mention.span.clone());
                                Some(coref::Via { text: a.text[r.clone()].to_string(), sentence: index, span: [r.start, r.end] })
                            }
                        });
                    }
                }
            }
            let via = via.or(group);
            via.or_else(|| slot_via.iter().find(|(x, _)| *x == e).map(|(_, v)| v.clone()))
        };
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
                    subject_via: via_of(sub),
                    object_via: via_of(obj),
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
        let agents: Vec<usize> = r.agents.iter().map(|&e| lex.entities[e].agent_as.unwrap_or(e)).filter(|&e| !lex.chain(e).iter().any(|x| self.sources.contains(x))).collect();
        let patients: Vec<usize> = r
            .patients
            .iter()
            .map(|&e| if rel.object == ObjectKind::Actor { lex.entities[e].agent_as.unwrap_or(e) } else { e })
            // (nor is a news agency a party: مقابلة مع وكالة فرانس برس)
            .filter(|&e| !lex.chain(e).iter().any(|x| self.sources.contains(x)))
            .collect();
        let among: Vec<usize> = r.among.iter().map(|&e| lex.entities[e].agent_as.unwrap_or(e)).filter(|&e| !lex.chain(e).iter().any(|x| self.sources.contains(x))).collect();
        // a group that is only its members acts as each of them (الدول
        // الضامنة اتفقت: Russia, Turkey and Iran agreed, with each other)
        let members = |v: Vec<usize>| -> Vec<usize> {
            let mut out = Vec::new();
            for e in v {
                let m = &lex.entities[e].members;
                for x in if m.is_empty() { std::slice::from_ref(&e) } else { m.as_slice() } {
                    if !out.contains(x) {
                        out.push(*x);
                    }
                }
            }
            out
        };
        let (agents, patients, among) = (members(agents), members(patients), members(among));
        let mut pairs = Vec::new();
        let mut same = false;
        // forces move within their own state (syria withdrew_from palmyra):
        // only actors exclude their ancestors and descendants
        let place_object = rel.object == ObjectKind::Place;
        // (and a place attacked by its own state is no contradiction: قوات
        // النظام قصفت سراقب)
        // (but a brigade is backed by, and works with, the umbrella army it
        // belongs to, a separate force: وصول كتائب الجيش الحر لمساندة لواء
        // عاصفة الشمال; not so a state and a group it stands behind, whose
        // backing the group's name already says: الميليشيات المدعومة من إيران)
        let cooperative = rel.family == crate::lexicon::model::Family::Cooperative;
        let group = |x: usize| lex.entities[x].kind == crate::lexicon::EntityKind::ArmedGroup;
        let patron_of_group = |a: usize, b: usize| {
            let group_under = |x: usize, y: usize| group(x) && group(y) && lex.chain(x)[1..].contains(&y);
            cooperative && a != b && (group_under(a, b) || group_under(b, a))
        };
        let mut add = |a: usize, b: usize, pairs: &mut Vec<(usize, usize)>| {
            if a == b || (!place_object && lex.entities[b].kind != crate::lexicon::EntityKind::Place && self.related(a, b) && !patron_of_group(a, b)) {
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
        if r.mutual && !rel.symmetric {
            for (i, &a) in among.iter().enumerate() {
                for &b in &among[i + 1..] {
                    add(b, a, &mut pairs);
                }
            }
            for &a in &agents {
                for &b in &patients {
                    add(b, a, &mut pairs);
                }
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
        let (agent_source, patient_source) = (r.agent_source, r.patient_source);
        Frame { cue, cue_word, pattern, agents, patients, polarity, negated_by, pairs, rejected, agent_source, patient_source }
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

    /// A light verb that is a cue itself (شنّت، نفّذت) and governs a noun cue
    /// of the same relation later in its clause (شنّت مقاتلات روسية … سلسلة
    /// غارات على…): when the noun found its arguments, it carries the
    /// relation, and the verb's own object (whatever follows it: انطلقت من
    /// قاعدة حميميم) is dropped; when it did not, the verb's frame stands.
    fn defer_light_verbs(&self, s: &Sentence, frames: &mut [Frame]) {
        let lex = self.lex;
        for i in 0..frames.len() {
            if frames[i].pairs.is_empty() || lex.patterns[frames[i].pattern].shape != crate::lexicon::Shape::Verb {
                continue;
            }
            let it = &s.items[frames[i].cue];
            if !s.light_verb[it.first_word] {
                continue;
            }
            let rel = frames[i].pattern_relation(lex);
            let governed = frames.iter().any(|f| {
                let n = &s.items[f.cue];
                !f.pairs.is_empty()
                    && lex.patterns[f.pattern].shape == crate::lexicon::Shape::Noun
                    && f.pattern_relation(lex) == rel
                    && n.first_word > it.last_word
                    && roles::governing_light_verb(lex, s, n.first_word, n.clause) == Some(it.first_word)
            });
            if governed {
                frames[i].pairs.clear();
                frames[i].rejected = Some(Reason::LightVerb);
            }
        }
    }

    /// A verb in the future (ستنسحب، سوف تنسحب), or a noun governed by a
    /// light verb in the future (سيعقد اجتماعاً مع…), states a plan, not a
    /// fact: no claim.
    fn drop_planned(&self, s: &Sentence, frames: &mut [Frame]) {
        const MODAL_REACH: usize = 8;
        const PERMISSION_REACH: usize = 12;
        let lex = self.lex;
        let future = |w: usize| {
            let word = s.word(w).trim_start_matches(['و', 'ف']);
            let mut cs = word.chars();
            let prefixed = cs.next() == Some('س') && matches!(cs.next(), Some('ي' | 'ت' | 'ن'));
            // a cue says itself whether its س is the future prefix (سيطرت is
            // no future); a light verb is no item and was found without it
            let marked = match s.items.iter().find(|x| x.first_word == w) {
                Some(x) => x.mention.proclitic(s.text).ends_with('س'),
                None => prefixed,
            };
            // (ستواصل، سيستمر: a plan to go on is a fact now)
            let stem: String = word.chars().skip(2).collect();
            (marked && !lex.grammar.aspect_verbs.contains(&stem)) || (w > 0 && s.word(w - 1) == "سوف")
        };
        // (a condition is no fact either: إذا طلب النظام من إيران…، لو
        // هاجمت، على أن تقوم; a condition may be two words)
        let conditional = |w: usize| {
            (w.saturating_sub(3)..w).any(|k| {
                let pair = k > 0 && lex.grammar.conditionals.contains(&format!("{} {}", s.word(k - 1), s.word(k)));
                s.clause_of_word[k] == s.clause_of_word[w] && (lex.grammar.conditionals.contains(s.word(k)) || pair)
            })
        };
        // (and a possibility: قد before a present verb, up to eight words
        // back in the clause: ما قد يدفع روسيا إلى التوصل إلى اتفاق)
        let possible = |w: usize| {
            (w.saturating_sub(MODAL_REACH)..w).any(|k| {
                let next = if k + 1 < s.words.len() { s.word(k + 1) } else { "" };
                // (only ي marks the present for sure: تم، توصل، نفذ are past)
                k + 1 < s.words.len() && s.clause_of_word[k] == s.clause_of_word[w] && lex.grammar.modals.contains(s.word(k)) && next.starts_with('ي')
            })
        };
        // (an act a verb of permission or prevention governs, up to twelve
        // words back in the clause past its objects, after ب or من: لن تسمح
        // لقوات النظام بدخول المنطقة، منعت المقاتلين من عبور الحدود)
        let permitted = |w: usize| {
            let it = s.items.iter().find(|x| x.first_word == w);
            let marked = it.is_some_and(|x| x.mention.proclitic(s.text).trim_start_matches(['و', 'ف']).starts_with('ب')) || (w > 0 && s.word(w - 1) == "من");
            marked && (w.saturating_sub(PERMISSION_REACH)..w).any(|k| s.clause_of_word[k] == s.clause_of_word[w] && lex.grammar.permission_verbs.contains(s.word(k).trim_start_matches(['و', 'ف'])))
        };
        // (a noun a future verb governs right before it, or past its
        // preposition: ستضاعف من ضغطها على…)
        let object_of_future = |w: usize| {
            let before = |k: usize| k < w && s.clause_of_word[k] == s.clause_of_word[w] && !s.word_in_item(k);
            (w >= 1 && before(w - 1) && future(w - 1)) || (w >= 2 && before(w - 2) && lex.grammar.prepositions.contains(s.word(w - 1)) && future(w - 2))
        };
        // (an event its adjective says is expected: المعارك المرتقبة،
        // العملية العسكرية المحتملة; past a relational adjective)
        let expected = |it: &sentence::Item| (it.last_word + 1..s.words.len().min(it.last_word + 3)).take_while(|&k| s.clause_of_word[k] == it.clause && !s.word_in_item(k)).any(|k| lex.grammar.expectation_words.contains(s.word(k)));
        for f in frames.iter_mut().filter(|f| !f.pairs.is_empty()) {
            let it = &s.items[f.cue];
            if lex.patterns[f.pattern].shape == crate::lexicon::Shape::Noun && expected(it) {
                f.pairs.clear();
                f.rejected = Some(Reason::Planned);
                continue;
            }
            let planned = match lex.patterns[f.pattern].shape {
                crate::lexicon::Shape::Verb => future(it.first_word) || conditional(it.first_word) || possible(it.first_word) || object_of_future(it.first_word),
                crate::lexicon::Shape::Noun => roles::governing_light_verb(lex, s, it.first_word, it.clause).is_some_and(|lv| future(lv) || conditional(lv)) || object_of_future(it.first_word) || possible(it.first_word) || permitted(it.first_word),
                _ => false,
            };
            if planned {
                f.pairs.clear();
                f.rejected = Some(Reason::Planned);
            }
        }
    }

    /// The actors a sentence is about, beside its frames' subjects: a name
    /// that opens it before any cue (a headline: بوتين في طهران; a nominal
    /// sentence: إيران تدعم…), and the actor right after a sentence-initial
    /// verb that is no cue (حاولت مجموعة من عناصر تنظيم داعش التسلل…). The
    /// next sentence's verb with no subject (فاشتبكت مع…) is about them.
    fn topics(&self, s: &Sentence) -> Vec<usize> {
        let lex = self.lex;
        let mut out = Vec::new();
        let first_cue = s.items.iter().find(|it| matches!(it.kind, ItemKind::Cue(_))).map(|it| it.first_word).unwrap_or(usize::MAX);
        if let Some(i) = s.items.iter().position(|it| it.first_word <= 2 && it.first_word < first_cue) {
            if let Some((e, _)) = s.entity(i) {
                out.push(e);
            }
        }
        if first_cue > 0 {
            let partitive = |u: &sentence::Unit| u.prep.is_none() || u.prep.as_deref() == Some("من");
            if let Some(u) = s.units.iter().find(|u| u.first_word >= 1 && u.first_word <= 5 && u.first_word < first_cue && u.clause == 0 && partitive(u)) {
                out.extend(s.members(u).into_iter().filter(|&e| lex.entities[e].kind.is_actor()));
            }
        }
        out
    }

    /// Is one entity the other or its ancestor?
    fn related(&self, a: usize, b: usize) -> bool {
        a == b || self.lex.chain(a).contains(&b) || self.lex.chain(b).contains(&a)
    }

    /// Join frames of one relation where one found only the agent and
    /// another only the patient; a mediator with no parties mediates
    /// between the parties of the sentence's symmetric claims.
    fn join_partial_frames(&self, s: &Sentence, frames: &mut [Frame]) {
        let lex = self.lex;
        let n = frames.len();
        // (a noun whose pronoun suffix names its own agent, left unresolved,
        // lends its object to no one: بغية إرسالهم إلى أوكرانيا، فيما انتشرت
        // الفصائل الإيرانية is not the militias going to Ukraine)
        let own_agent = |f: &Frame| {
            let p = &lex.patterns[f.pattern];
            let it = &s.items[f.cue];
            let own = &s.text[it.mention.core.min(s.words[it.last_word].end)..s.words[it.last_word].end];
            p.shape == crate::lexicon::Shape::Noun && p.genitive == crate::lexicon::model::Genitive::Agent && lex.references.third_person_suffix(own).is_some_and(|k| own.strip_suffix(lex.references.pronouns[k].form.as_str()).is_some_and(|stem| p.forms.iter().any(|x| x == stem)))
        };
        for i in 0..n {
            if !frames[i].pairs.is_empty() || frames[i].agents.is_empty() || !frames[i].patients.is_empty() {
                continue;
            }
            let rel = frames[i].pattern_relation(lex);
            let near = |j: usize| frames[i].cue_word.abs_diff(frames[j].cue_word) <= JOIN_DISTANCE;
            let partner = (0..n).find(|&j| j != i && near(j) && frames[j].pairs.is_empty() && frames[j].agents.is_empty() && !frames[j].patients.is_empty() && frames[j].pattern_relation(lex) == rel && !own_agent(&frames[j]));
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

/// The actors that did something in these frames: the agents, and both
/// parties of a symmetric claim (اتفاق أبرمته موسكو وأنقرة).
fn frame_subjects<'f>(lex: &Lexicon, frames: impl Iterator<Item = &'f Frame> + Clone) -> Vec<usize> {
    // (not the agent of a passive, which describes the noun before it: in
    // «معبر باب الهوى الخاضع لسيطرة هيئة تحرير الشام» the sentence is about
    // the crossing, and the body after the passive is no subject)
    let mut out: Vec<usize> = frames.clone().filter(|f| lex.patterns[f.pattern].shape != crate::lexicon::Shape::Passive).flat_map(|f| f.agents.iter().copied()).collect();
    for f in frames.filter(|f| lex.relations[f.pattern_relation(lex)].symmetric) {
        out.extend(f.pairs.iter().flat_map(|&(a, b)| [a, b]));
    }
    out
}

impl Frame {
    fn pattern_relation(&self, lex: &Lexicon) -> usize {
        lex.patterns[self.pattern].relation
    }
}

/// The quoted spans of a sentence's text (« », “ ”, and straight quotes
/// taken in pairs), offset by `base`, and where each quote is introduced:
/// a colon, else the opening mark.
fn quoted_spans(text: &str, base: usize) -> (Vec<Range<usize>>, Vec<usize>) {
    let mut spans = Vec::new();
    let mut intros = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, ':') => intros.push(base + i),
            (None, '«' | '“' | '"') => {
                open = Some((i, c));
                intros.push(base + i);
            }
            (Some((o, '«')), '»') | (Some((o, '“')), '”') | (Some((o, '"')), '"') => {
                spans.push(base + o..base + i + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    if let Some((o, _)) = open {
        spans.push(base + o..base + text.len());
    }
    (spans, intros)
}

/// Why a slot was filled by coreference; a sentence whose opening verb
/// took its subject so went on with the subject before.
const COREF_SOURCE: &str = "coreference (see the coref lines)";

/// How far after a symmetric act its noun of purpose may stand, past the
/// act's object (وتواصلها مع الفصائل العسكرية لتنسيق).
const PURPOSE_REACH: usize = 8;

/// How far an agreement reaches to a term that على introduces.
const TERM_REACH_AFTER_ALA: usize = 20;

/// How far after its verb a noun with a pronoun suffix is still that verb's
/// object, past its subject (عززت ميليشيات الحشد الشعبي انتشارها: four words).
const OWN_OBJECT_REACH: usize = 6;

/// How far back a dual noun takes a dual suffix from the names before it.
const DUAL_NOUN_REACH: usize = 6;

/// How many articles go to the worker threads at once: enough to keep every
/// core busy, few enough that memory does not grow with the corpus.
/// How far after a noun of demand or threat with no agent (ضغط أكبر
/// لخروجها) the act it governs may start: past one adjective.
const AGENTLESS_COMPLEMENT_REACH: usize = 3;

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
    // One article at a time through a bounded channel: the workers take
    // whatever has arrived (up to CHUNK) and never wait for a chunk to fill,
    // so a slow pipe gets its claims back article by article, while a fast
    // file still goes through in chunks. Memory stays flat either way.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Article, InputError>>(CHUNK * 2);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for a in articles {
                if tx.send(a).is_err() {
                    break;
                }
            }
        });
        let chunks = std::iter::from_fn(|| {
            let first = rx.recv().ok()?;
            let mut chunk = vec![first];
            while chunk.len() < CHUNK {
                match rx.try_recv() {
                    Ok(a) => chunk.push(a),
                    Err(_) => break,
                }
            }
            Some(chunk)
        });
        for chunk in chunks {
            let results: Vec<Result<T, InputError>> = chunk
                .into_par_iter()
                .map(|r| {
                    r.and_then(|mut a| {
                        // a bug met on one article is reported by its name,
                        // and the others still go through
                        let id = a.id.clone();
                        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ex.article_dated(&mut a))) {
                            Ok(c) => Ok(map(a, c)),
                            Err(e) => {
                                let why = e.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| e.downcast_ref::<String>().cloned()).unwrap_or_default();
                                Err(InputError { path: std::path::PathBuf::from(format!("article {id}")), line: None, message: format!("skipped: the extractor failed on it ({why}); please report it") })
                            }
                        }
                    })
                })
                .collect();
            for r in results {
                sink(r);
            }
        }
    });
}

/// A pronoun or possessed noun (قواتها) the sentence could not resolve when
/// it was read.
pub(crate) struct Unresolved {
    first_word: usize,
    last_word: usize,
    /// Index into `References::pronouns`.
    pronoun: usize,
    /// Position in folded text.
    pos: usize,
    /// A noun standing for its possessor (مواقعها), not a pronoun.
    possessed: bool,
}

