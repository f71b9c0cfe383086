//! Coreference: who «الطرفان», «الحزب», «ـها», «قواتنا» and a verb with no
//! subject stand for.
//!
//! Arabic news names an actor once and then refers to it. The stage keeps,
//! per article, the entities named so far ([`Memory`]) and resolves each
//! reference to the nearest compatible antecedent within this sentence, the
//! previous `window` sentences (`references.ron`) and the title. What is
//! compatible is data: the kinds a pronoun or kind noun may stand for, the
//! number a dual or a count says. Where two antecedents fit equally it
//! resolves nothing: a missing claim is better than a wrong one.
//!
//! Two places ask it:
//! - a reference chunk (الطرفان، الحزب، قواتها، وهي) is resolved when the
//!   sentence structure is built, so it fills slots as a name would;
//! - an empty slot is filled after the frames are read: a verbal noun's
//!   pronoun suffix (انسحابها), a verb's object suffix (وطالبها), a verb with
//!   no subject (pro-drop: the subject of the clause before), a first-person
//!   verb in a quote (اتفقنا: the speaker).
//!
//! Every resolution keeps its antecedent ([`Via`]) so a claim can show the
//! sentence that names the actor.

use crate::lexicon::{EntityKind, Gender, Lexicon, Reference};
use serde::Serialize;
use std::ops::Range;

pub use crate::syntax::Via;

/// An entity named in the article so far.
#[derive(Debug, Clone)]
pub struct Named {
    pub entity: usize,
    pub sentence: usize,
    /// Position in folded text (to order mentions within a sentence).
    pub pos: usize,
    pub via: Via,
    /// The subject (agent) of a frame of its sentence, or a party of a
    /// symmetric one.
    pub subject: bool,
    /// The agent of a frame of its sentence (not merely a party met).
    pub agent: bool,
    /// Named before the last quote or colon of its sentence, or after it
    /// when the sentence opens with the quote: a candidate speaker.
    pub speaker: bool,
    /// What its sentence is about: named first, or right after the verb
    /// that opens it (أعلنت وزارة الدفاع الروسية…).
    pub topic: bool,
    /// Named by a nisba alone, the adjective of a noun that names no actor
    /// (الاتهامات الروسية، الموقف التركي).
    pub adjective: bool,
    /// Named here only to describe another noun: the agent of a passive
    /// or adverbial (المدعومة من أنقرة), or the patron or owner after a word
    /// of affiliation (تابعة لقوات النظام). A pronoun takes the noun
    /// described before it.
    pub modifier: bool,
    /// The first word of the noun that names it here, folded, without the
    /// article (مطار of «مطار حماة العسكري»).
    pub head: String,
    /// The genders of the noun that names it here (none: not known).
    pub genders: Vec<Gender>,
    /// Named after في as where something happened (اجتماع جرى في تركيا):
    /// the venue of an act rather than a party to it.
    pub venue: bool,
}

/// Why a reference stayed unresolved (shown by `explain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unresolved {
    /// Nothing compatible within the window.
    NoCandidate,
    /// Two or more candidates fit equally.
    Ambiguous,
    /// The number the reference says (a dual) does not match.
    WrongNumber,
}

/// The outcome of one resolution.
#[derive(Debug, Clone)]
pub struct Resolution {
    pub entities: Vec<(usize, Via)>,
    pub why: Result<&'static str, Unresolved>,
}

impl Resolution {
    fn none(u: Unresolved) -> Resolution {
        Resolution { entities: Vec::new(), why: Err(u) }
    }
}

/// A place a hostile act was told to have struck.
#[derive(Debug, Clone)]
pub struct Site {
    pub sentence: usize,
    /// Byte offset of the act's cue in the normalised text.
    pub pos: usize,
    pub relation: usize,
    pub place: usize,
    /// The act's own agents; empty when the report names none.
    pub agents: Vec<usize>,
    pub via: Via,
}


/// The entities of one article named so far, in order.
#[derive(Debug, Default)]
pub struct Memory {
    pub named: Vec<Named>,
    /// Two actors that were the parties of one act or one coordination
    /// (sentence, position, a, b, sides): what «الطرفان» most often stands
    /// for. `sides`: the two faced each other (the parties of an act, or
    /// named after بين), not merely named together (إيران وحزب الله).
    pub pairs: Vec<(usize, usize, usize, usize, bool)>,
    window: usize,
    /// Hostile acts read so far (sentence, agent, patient): whom a threat
    /// of retaliation is aimed at.
    pub strikes: Vec<(usize, usize, usize)>,
    /// Where hostile acts were told to have struck, with their agents if
    /// named: what a later «الاعتداء» with no target of its own struck
    /// (اعتداء دموي في اسطنبول … ونفى الطرفان أي دور لهما في الاعتداء).
    pub sites: Vec<Site>,
    /// Sentences that open with a verb and no subject of its own (واعتبرت
    /// في بيان…): a ف-verb after one goes on with the same subject.
    /// (sentence, where it starts)
    pub subjectless: Vec<(usize, usize)>,
    /// Reporting sources (the agency of a credit line, أ ف ب): no pronoun
    /// stands for them.
    sources: Vec<usize>,
}

impl Memory {
    pub fn new(lex: &Lexicon) -> Memory {
        let sources = lex.grammar.sources.iter().filter_map(|id| lex.entity(id)).collect();
        Memory { named: Vec::new(), pairs: Vec::new(), window: lex.references.window, strikes: Vec::new(), sites: Vec::new(), subjectless: Vec::new(), sources }
    }

    /// Who last struck `victim` (or a body it is part of), in this sentence
    /// or the `window` before it: the object of a threat to retaliate. Two
    /// strikers in the latest sentence that has one resolve nothing.
    pub fn striker(&self, lex: &Lexicon, sentence: usize, victim: usize, here: &[(usize, usize)]) -> Option<usize> {
        let hit = |p: usize| related(lex, p, victim);
        let from = sentence.saturating_sub(self.window);
        let mut groups: Vec<Vec<usize>> = vec![here.iter().filter(|&&(a, p)| hit(p) && !related(lex, a, victim)).map(|&(a, _)| a).collect()];
        for s in (from..sentence).rev() {
            groups.push(self.strikes.iter().filter(|&&(x, a, p)| x == s && hit(p) && !related(lex, a, victim)).map(|&(_, a, _)| a).collect());
        }
        let g = groups.into_iter().find(|g| !g.is_empty())?;
        let first = g[0];
        g.iter().all(|&a| related(lex, a, first)).then_some(first)
    }

    /// The places the latest act of `relation` before `pos` struck, in this
    /// sentence or the `window` before it, when that act named no agent or
    /// the same ones as `agents`: the target of «the attack» mentioned again.
    pub fn last_site(&self, lex: &Lexicon, sentence: usize, pos: usize, relation: usize, agents: &[usize]) -> Resolution {
        let from = sentence.saturating_sub(self.window);
        let Some(k) = self.sites.iter().filter(|x| x.sentence >= from && (x.sentence < sentence || x.pos < pos) && x.relation == relation).map(|x| (x.sentence, x.pos)).max() else {
            return Resolution::none(Unresolved::NoCandidate);
        };
        let sites: Vec<&Site> = self.sites.iter().filter(|x| (x.sentence, x.pos) == k).collect();
        // (another's act is not the one these agents deny or are accused of)
        if sites.iter().any(|x| !x.agents.is_empty() && !x.agents.iter().all(|&a| agents.iter().any(|&b| related(lex, a, b)))) {
            return Resolution::none(Unresolved::Ambiguous);
        }
        Resolution { entities: sites.into_iter().map(|x| (x.place, x.via.clone())).collect(), why: Ok("the place the latest act of its kind struck") }
    }

    /// Who struck last, before `pos`: the agents of this sentence's strikes
    /// before it (`here`), else of the latest sentence of the `window` that
    /// has one; none when two unrelated strikers share that sentence. «The
    /// bombing» with no agent of its own (القصف استهدف…) is theirs.
    pub fn last_striker(&self, lex: &Lexicon, sentence: usize, pos: usize, here: &[usize], not: &[usize]) -> Resolution {
        let from = sentence.saturating_sub(self.window);
        let fits = |a: usize| !not.iter().any(|&n| related(lex, a, n));
        let mut groups: Vec<Vec<usize>> = vec![here.iter().copied().filter(|&a| fits(a)).collect()];
        for s in (from..sentence).rev() {
            groups.push(self.strikes.iter().filter(|&&(x, a, _)| x == s && fits(a)).map(|&(_, a, _)| a).collect());
        }
        let Some(g) = groups.into_iter().find(|g| !g.is_empty()) else { return Resolution::none(Unresolved::NoCandidate) };
        let first = g[0];
        if !g.iter().all(|&a| related(lex, a, first)) {
            return Resolution::none(Unresolved::Ambiguous);
        }
        // (the antecedent as named last before the act)
        let named = self.named.iter().rev().filter(|n| n.sentence < sentence || (n.sentence == sentence && n.pos < pos)).find(|n| n.entity == first || lex.entities[n.entity].agent_as == Some(first));
        match named {
            Some(n) => Resolution { entities: vec![(first, n.via.clone())], why: Ok("the agent of the last strike, for «the attack» with no agent of its own") },
            None => Resolution::none(Unresolved::NoCandidate),
        }
    }

    /// The parties `entities` as named in `sentence` before `pos`, as a
    /// resolution (a dual suffix after an act of two parties in the same
    /// sentence); none unless every one of them is named there.
    pub fn named_here(&self, lex: &Lexicon, sentence: usize, pos: usize, entities: &[usize], why: &'static str) -> Resolution {
        let via = |e: usize| self.in_sentence(sentence).iter().filter(|n| n.pos < pos && (n.entity == e || lex.entities[n.entity].agent_as == Some(e))).map(|n| n.via.clone()).last();
        match entities.iter().map(|&e| via(e).map(|v| (e, v))).collect::<Option<Vec<_>>>() {
            Some(found) => Resolution { entities: found, why: Ok(why) },
            None => Resolution::none(Unresolved::NoCandidate),
        }
    }

    /// Remember two actors as the parties of one act (or one coordination;
    /// `sides`: see [`Memory::pairs`]).
    pub fn add_pair(&mut self, sentence: usize, pos: usize, a: usize, b: usize, sides: bool) {
        if a == b {
            return;
        }
        match self.pairs.iter_mut().find(|x| x.0 == sentence && ((x.2, x.3) == (a, b) || (x.2, x.3) == (b, a))) {
            Some(x) => x.4 |= sides,
            None => self.pairs.push((sentence, pos, a, b, sides)),
        }
    }

    /// The latest pair of parties before `pos` in `sentence`, or in the
    /// `window` sentences before it. Two actors merely named together
    /// (…ما دامت إيران و«حزب الله» لن تدخلها) after another pair that
    /// faced each other (مفاوضات بين إسرائيل وإيران) leave «الجانبين» two
    /// readings: nothing is resolved.
    fn latest_pair(&self, lex: &Lexicon, sentence: usize, pos: usize, fits: &dyn Fn(usize) -> bool) -> Result<Option<Vec<(usize, Via)>>, Unresolved> {
        let from = sentence.saturating_sub(self.window);
        let window: Vec<&(usize, usize, usize, usize, bool)> =
            self.pairs.iter().filter(|&&(s, p, a, b, _)| s >= from && (s < sentence || p < pos) && fits(a) && fits(b) && !related(lex, a, b)).collect();
        let Some(&&(s, _, a, b, sides)) = window.iter().max_by_key(|x| (x.0, x.1)) else { return Ok(None) };
        let same = |x: &(usize, usize, usize, usize, bool)| (x.2, x.3) == (a, b) || (x.2, x.3) == (b, a);
        if !sides && window.iter().any(|x| x.4 && !same(x)) {
            return Err(Unresolved::Ambiguous);
        }
        let via = |e: usize| {
            self.in_sentence(s).iter().filter(|n| n.entity == e || lex.entities[n.entity].agent_as == Some(e)).map(|n| n.via.clone()).next()
        };
        Ok((|| Some(vec![(a, via(a)?), (b, via(b)?)]))())
    }

    pub fn add(&mut self, n: Named) {
        self.named.push(n);
    }

    /// Mark the frame agents proper of a sentence (a singular verb with no
    /// subject takes one of them over a party it met).
    pub fn mark_agents(&mut self, lex: &Lexicon, sentence: usize, agents: &[usize]) {
        // (a capital is its state's voice: «أنقرة» said what turkey did)
        for n in self.naming(lex, sentence, agents) {
            n.agent = true;
        }
    }

    /// Mark what a sentence is about (a verb with no subject in the next
    /// one takes it over another agent: استعاد الجيش السوري، بغطاء جوي
    /// روسي، … . فدخل…).
    pub fn mark_topics(&mut self, lex: &Lexicon, sentence: usize, topics: &[usize]) {
        for n in self.naming(lex, sentence, topics) {
            n.topic = true;
        }
    }

    /// Mark the names of a sentence that only describe another noun (see
    /// [`Named::modifier`]).
    pub fn mark_modifiers(&mut self, lex: &Lexicon, sentence: usize, agents: &[usize]) {
        for n in self.naming(lex, sentence, agents) {
            n.modifier = true;
        }
    }

    /// The names of `sentence`, found by halving: names are remembered in
    /// the order of their sentences.
    fn in_sentence(&self, sentence: usize) -> &[Named] {
        &self.named[self.span_of(sentence)]
    }

    /// Where the names of `sentence` stand in `named`.
    fn span_of(&self, sentence: usize) -> std::ops::Range<usize> {
        self.named.partition_point(|n| n.sentence < sentence)..self.named.partition_point(|n| n.sentence <= sentence)
    }

    /// The names of `sentence` that name one of `entities`, or its capital
    /// (the mutable twin of [`Memory::in_sentence`]).
    fn naming<'m>(&'m mut self, lex: &'m Lexicon, sentence: usize, entities: &'m [usize]) -> impl Iterator<Item = &'m mut Named> {
        let span = self.span_of(sentence);
        self.named[span].iter_mut().filter(move |n| entities.contains(&n.entity) || lex.entities[n.entity].agent_as.is_some_and(|v| entities.contains(&v)))
    }

    /// Mark the frame agents of a sentence as its subjects (they win a tie).
    pub fn mark_subjects(&mut self, lex: &Lexicon, sentence: usize, agents: &[usize]) {
        for n in self.naming(lex, sentence, agents) {
            n.subject = true;
        }
    }

    /// Mentions that may be antecedents of a reference at `pos` in
    /// `sentence`, grouped by sentence, nearest sentence first: this
    /// sentence (before the reference), the `window` before it, then the
    /// title (sentence 0).
    fn groups(&self, sentence: usize, pos: usize) -> Vec<Vec<&Named>> {
        let mut out = Vec::new();
        let from = sentence.saturating_sub(self.window);
        // (names are remembered in the order of their sentences: only the
        // window's stretch is read, which keeps a long article linear)
        let lo = self.named.partition_point(|n| n.sentence < from);
        let recent = &self.named[lo..];
        for s in (from..=sentence).rev() {
            let g: Vec<&Named> = recent.iter().filter(|n| n.sentence == s && (s < sentence || n.pos < pos)).collect();
            out.push(g);
        }
        if from > 0 {
            let title = self.named.partition_point(|n| n.sentence < 1);
            out.push(self.named[..title].iter().collect());
        }
        out
    }

    /// Resolve a reference chunk.
    pub fn resolve(&self, lex: &Lexicon, r: &Reference, sentence: usize, pos: usize) -> Resolution {
        match r {
            Reference::Parties { count, kinds } => self.parties(lex, *count, kinds, sentence, pos),
            Reference::KindNoun { entities, kinds } => {
                // a capital in this sentence speaks for its state (وقالت
                // أنقرة إن قواتها سيطرت على المدينة): it is not «the city»
                let voice_here = |e: usize| lex.entities[e].agent_as.is_some() && self.in_sentence(sentence).iter().any(|n| n.entity == e && n.pos < pos);
                let fits = |e: usize| (if entities.is_empty() { kinds.contains(&lex.entities[e].kind) } else { entities.contains(&e) }) && !voice_here(e);
                // a noun of a kind only (المدينة) is none of the places named
                // here by another kind noun's head word (مطار حماة is
                // «المطار», not «المدينة»)
                let groups = self.groups(sentence, pos).into_iter().map(|g| g.into_iter().filter(|n| !entities.is_empty() || !lex.references.kind_heads.contains(&n.head)).collect()).collect();
                pick_nearest(lex, groups, &fits, None, "the latest entity of its kind")
            }
            Reference::Pronoun(p) => self.pronoun(lex, *p, sentence, pos, None),
            Reference::Possessed(p) if lex.references.pronouns[*p].first_person => self.speaker(lex, sentence, pos, true),
            Reference::Possessed(p) => {
                // (what owns forces, members or posts is an actor, not a place)
                let res = self.pronoun_kinds(lex, *p, sentence, pos, None, true);
                // (a masculine suffix that agrees with no name stands for the
                // unnamed spokesman or official who speaks)
                let unnamed = res.why == Err(Unresolved::NoCandidate) && lex.references.pronouns[*p].count.is_none() && lex.references.pronouns[*p].gender == Some(Gender::Masculine);
                if unnamed { self.own_speaker(lex, sentence, pos).unwrap_or(res) } else { res }
            }
        }
    }

    /// The body that the speaker named before `pos` in this sentence speaks
    /// for, when a possessed noun agrees with nothing named before: «قال
    /// المتحدث باسم قوات سوريا الديمقراطية إن الحقل تحت سيطرة قواته» (his
    /// forces are the SDF's: the suffix stands for the spokesman, whom the
    /// lexicon names by the body he speaks for). A person stands for the
    /// body they belong to, as «قواتنا» does.
    fn own_speaker(&self, lex: &Lexicon, sentence: usize, pos: usize) -> Option<Resolution> {
        let here: Vec<Named> = as_actors(lex, self.in_sentence(sentence).iter().filter(|n| n.pos < pos && n.speaker && !self.source(lex, n.entity)).collect());
        let first = here.iter().filter(|n| lex.entities[n.entity].kind.is_actor()).min_by_key(|n| n.pos)?;
        let e = if lex.entities[first.entity].kind == EntityKind::Person { lex.entities[first.entity].parent.unwrap_or(first.entity) } else { first.entity };
        Some(Resolution { entities: vec![(e, first.via.clone())], why: Ok("the body the speaker speaks for, for a possessed noun nothing named before agrees with") })
    }

    fn source(&self, lex: &Lexicon, e: usize) -> bool {
        lex.chain(e).iter().any(|x| self.sources.contains(x))
    }

    /// Resolve a pronoun (suffix or independent), never to `not` (a verb's
    /// object is not its subject).
    pub fn pronoun(&self, lex: &Lexicon, p: usize, sentence: usize, pos: usize, not: Option<&[usize]>) -> Resolution {
        self.pronoun_kinds(lex, p, sentence, pos, not, false)
    }

    /// A pronoun that names the agent of a verbal noun (سيطرتها، وصولها):
    /// an actor, never the place named last (عقب سيطرتها على منطقة السكرية
    /// … ووصولها إلى شارع السبعين: the forces', not the district's).
    pub fn agent_pronoun(&self, lex: &Lexicon, p: usize, sentence: usize, pos: usize, not: Option<&[usize]>) -> Resolution {
        self.pronoun_kinds(lex, p, sentence, pos, not, true)
    }

    /// A pronoun, for an actor only when `actor` (the owner of a possessed
    /// noun: قواتها).
    fn pronoun_kinds(&self, lex: &Lexicon, p: usize, sentence: usize, pos: usize, not: Option<&[usize]>, actor: bool) -> Resolution {
        let pr = &lex.references.pronouns[p];
        if pr.first_person {
            return self.speaker(lex, sentence, pos, false);
        }
        if let Some(n) = pr.count {
            return self.parties(lex, Some(n), &pr.kinds, sentence, pos);
        }
        let kinds = pr.kinds.clone();
        let fits = move |e: usize| kinds.contains(&lex.entities[e].kind) && !(actor && lex.entities[e].kind == EntityKind::Place) && !self.source(lex, e);
        let groups: Vec<Vec<Named>> = self.groups(sentence, pos).into_iter().map(|g| as_actors(lex, g).into_iter().filter(|n| agrees(pr.gender, n)).collect()).collect();
        pick_nearest(lex, groups.iter().map(|g| g.iter().collect()).collect(), &fits, not, "the nearest entity a pronoun of this form may stand for")
    }

    /// Resolve a pronoun that is a cue's object (انسحبت منها): the nearest
    /// entity the pronoun may stand for and the slot accepts, never one of
    /// the cue's agents.
    pub fn object_pronoun(&self, lex: &Lexicon, p: usize, sentence: usize, pos: usize, agents: &[usize], slot: &dyn Fn(usize) -> bool) -> Resolution {
        let pr = &lex.references.pronouns[p];
        let fits = |e: usize| pr.kinds.contains(&lex.entities[e].kind) && slot(e) && !self.source(lex, e) && !agents.contains(&e) && !agents.contains(&lex.entities[e].agent_as.unwrap_or(e));
        for g in self.groups(sentence, pos) {
            let c: Vec<&Named> = g.into_iter().filter(|n| fits(n.entity) && agrees(pr.gender, n)).collect();
            if c.is_empty() {
                continue;
            }
            // what one withdraws from, enters or holds is a place when the
            // sentence names one; no tie is broken by who is the subject
            let places: Vec<&Named> = c.iter().copied().filter(|n| lex.entities[n.entity].kind == EntityKind::Place).collect();
            let mut d = distinct_unrelated(lex, if places.is_empty() { &c } else { &places });
            if d.len() > 1 {
                d = heads_over_modifiers(d);
            }
            if d.len() == 1 {
                return Resolution { entities: vec![(d[0].entity, d[0].via.clone())], why: Ok("the nearest name a pronoun after the cue's preposition may stand for") };
            }
            return Resolution::none(Unresolved::Ambiguous);
        }
        Resolution::none(Unresolved::NoCandidate)
    }

    /// An independent pronoun after أن in a sentence that opens with a
    /// verb stands for the verb's subject, however far back: the name right
    /// after the verb (`opening`, its position: أكدت قوات سوريا
    /// الديمقراطية، في بيان…، أنها), or, where the verb has none of its own
    /// (وشددت في بيان على أنها), the subject of the clause before. None
    /// when that subject does not agree with the pronoun.
    pub fn complement_subject(&self, lex: &Lexicon, p: usize, sentence: usize, pos: usize, opening: Option<usize>) -> Resolution {
        let pr = &lex.references.pronouns[p];
        if pr.first_person || pr.count.is_some() {
            return Resolution::none(Unresolved::NoCandidate);
        }
        let voice = |e: usize| lex.entities[e].agent_as.unwrap_or(e);
        let fits = |n: &Named| pr.kinds.contains(&lex.entities[voice(n.entity)].kind) && agrees(pr.gender, n);
        let why = "the subject of the verb of saying before أن";
        if let Some(at) = opening {
            return match self.in_sentence(sentence).iter().find(|n| n.pos == at).filter(|n| fits(n)) {
                Some(n) => Resolution { entities: vec![(voice(n.entity), n.via.clone())], why: Ok(why) },
                None => Resolution::none(Unresolved::NoCandidate),
            };
        }
        let res = self.dropped_subject(lex, sentence, pos, pr.gender == Some(Gender::HumanPlural));
        let agreeing = res.entities.len() == 1
            && res.entities.iter().all(|(e, via)| self.named.iter().any(|n| voice(n.entity) == *e && n.via == *via && fits(n)));
        if agreeing { Resolution { entities: res.entities, why: Ok(why) } } else { Resolution::none(Unresolved::NoCandidate) }
    }

    /// The subject of the clause before: for a verb with none of its own
    /// (in this sentence, the one before, or the one before that when the
    /// one between names no subject: a chain of verbs that all go on with
    /// it, وعززت نقاطها… ثم استهدفت…).
    pub fn dropped_subject(&self, lex: &Lexicon, sentence: usize, pos: usize, plural: bool) -> Resolution {
        for g in self.groups(sentence, pos).into_iter().take(3) {
            // (a capital that acted is its state: استضافت الدوحة)
            let subjects: Vec<&Named> = g.iter().copied().filter(|n| n.subject && (lex.entities[n.entity].kind.is_actor() || lex.entities[n.entity].agent_as.is_some())).collect();
            if subjects.is_empty() {
                continue;
            }
            let mut distinct = distinct(&subjects);
            if distinct.len() > 1 && !plural {
                // the one that acted, not the one it met (لافروف التقى نظيره)
                let mut agents: Vec<&Named> = distinct.iter().copied().filter(|n| n.agent).collect();
                if agents.len() != 1 {
                    // (the actor the sentence is about, not one that lent
                    // it support or that it met)
                    agents = distinct.iter().copied().filter(|n| n.topic).collect();
                }
                if agents.len() != 1 {
                    // two subjects (a coordination) for a singular verb
                    return Resolution::none(Unresolved::Ambiguous);
                }
                distinct = agents;
            }
            let voice = |e: usize| lex.entities[e].agent_as.unwrap_or(e);
            return Resolution { entities: distinct.into_iter().map(|n| (voice(n.entity), n.via.clone())).collect(), why: Ok("the subject of the clause before") };
        }
        Resolution::none(Unresolved::NoCandidate)
    }

    /// The speaker of a quote: the first person named before its opening
    /// mark (قال وزير الخارجية التركي هاكان فيدان: «…»), else the first actor;
    /// in this sentence, else in the one before. «قواتنا» (`possessor`) is
    /// the forces of the speaker's organisation, so a person stands for the
    /// body they belong to.
    pub fn speaker(&self, lex: &Lexicon, sentence: usize, pos: usize, possessor: bool) -> Resolution {
        // (a sentence that opens with the quote names its speaker after it:
        // "لم نسحب جنديا…"، ردّ المتحدث باسم وزارة الدفاع الأمريكية)
        let after: Vec<&Named> = self.in_sentence(sentence).iter().filter(|n| n.pos > pos).collect();
        let mut groups = self.groups(sentence, pos);
        groups.truncate(2);
        // (only when no actor is named before it: «وقال في حديث لوكالة
        // "سبوتنيك" الروسية: "ليس لدينا…"» is the speaker of the sentence
        // before, not the place named inside the quote)
        if groups.first().is_some_and(|g| !g.iter().any(|n| n.speaker || lex.entities[n.entity].kind.is_actor())) {
            groups.insert(1, after);
        }
        for g in groups {
            let g = as_actors(lex, g);
            let sp: Vec<&Named> = g.iter().filter(|n| n.speaker && lex.entities[n.entity].kind.is_actor()).collect();
            let Some(first) = sp.iter().find(|n| lex.entities[n.entity].kind == EntityKind::Person).or(sp.first()) else {
                continue;
            };
            let mut e = first.entity;
            if possessor && lex.entities[e].kind == EntityKind::Person {
                e = lex.entities[e].parent.unwrap_or(e);
            }
            return Resolution { entities: vec![(e, first.via.clone())], why: Ok("the speaker of the quote") };
        }
        // (a quote opened by a verb of saying with no name, «وتابع: "خلال
        // زيارتي…"», goes on with the one the sentence before is about,
        // however that one spoke: «وأفاد عبد اللهيان بأن…», «وقال لافروف إن…»)
        let unnamed = self.in_sentence(sentence).iter().all(|n| n.pos > pos || !lex.entities[n.entity].kind.is_actor());
        if unnamed && sentence > 0 {
            let before = as_actors(lex, self.in_sentence(sentence - 1).iter().filter(|n| n.topic && lex.entities[n.entity].kind == EntityKind::Person).collect());
            if let Some(first) = before.first().filter(|f| before.iter().all(|n| n.entity == f.entity)) {
                let mut e = first.entity;
                if possessor {
                    e = lex.entities[e].parent.unwrap_or(e);
                }
                return Resolution { entities: vec![(e, first.via.clone())], why: Ok("the person the sentence before is about, for a quote whose verb of saying names no one") };
            }
        }
        Resolution::none(Unresolved::NoCandidate)
    }

    fn parties(&self, lex: &Lexicon, count: Option<usize>, kinds: &[EntityKind], sentence: usize, pos: usize) -> Resolution {
        // (a reporting source is no party: «قال قائد لواء التوحيد لوكالة
        // فرانس برس» names one side only)
        let fits = |e: usize| {
            let k = lex.entities[e].kind;
            (if kinds.is_empty() { k.is_actor() } else { kinds.contains(&k) }) && !self.source(lex, e)
        };
        if count == Some(2) {
            // (a state of the kind named before the reference in its own
            // sentence is one of the two: «بلقاء رئيس مجلس الوزراء السوري
            // … بين البلدين» is not a pair of the sentence before)
            let named_here = |pair: &[(usize, Via)]| {
                kinds.is_empty() || !self.in_sentence(sentence).iter().any(|n| n.pos < pos && fits(lex.entities[n.entity].agent_as.unwrap_or(n.entity)) && !pair.iter().any(|(e, _)| related(lex, *e, lex.entities[n.entity].agent_as.unwrap_or(n.entity))))
            };
            match self.latest_pair(lex, sentence, pos, &fits) {
                Ok(Some(pair)) if !named_here(&pair) => return Resolution::none(Unresolved::Ambiguous),
                Ok(Some(pair)) => return Resolution { entities: pair, why: Ok("the two parties of the latest act or coordination") },
                Err(u) => return Resolution::none(u),
                Ok(None) => {}
            }
        }
        let mut last = Unresolved::NoCandidate;
        for g in self.groups(sentence, pos) {
            let g = as_actors(lex, g);
            let c: Vec<&Named> = g.iter().filter(|n| fits(n.entity)).collect();
            let d = distinct_unrelated(lex, &c);
            if d.len() < 2 {
                continue;
            }
            // several parties: those that did something together (the
            // frame subjects) first, when they are the right number
            let subj: Vec<&Named> = d.iter().copied().filter(|n| n.subject).collect();
            // (less a venue when only then are they the right number: التقى
            // الجيش الحر مع المجلس الوطني في تركيا، حيث اتفق الجانبان)
            let parties_proper: Vec<&Named> = d.iter().copied().filter(|n| !n.venue).collect();
            let pick = match count {
                Some(n) if subj.len() == n => subj,
                Some(n) if d.len() == n => d,
                Some(n) if parties_proper.len() == n => parties_proper,
                Some(_) => {
                    last = Unresolved::WrongNumber;
                    break;
                }
                None => d,
            };
            return Resolution { entities: pick.into_iter().map(|n| (n.entity, n.via.clone())).collect(), why: Ok("every party named before") };
        }
        Resolution::none(last)
    }
}

/// Does a pronoun of gender `pronoun` agree with the noun that names `n`?
fn agrees(pronoun: Option<Gender>, n: &Named) -> bool {
    pronoun.is_none_or(|g| g.agrees(&n.genders))
}

/// Mentions with a capital replaced by the state it speaks for.
fn as_actors(lex: &Lexicon, g: Vec<&Named>) -> Vec<Named> {
    g.into_iter()
        .map(|n| {
            let mut n = n.clone();
            n.entity = lex.entities[n.entity].agent_as.unwrap_or(n.entity);
            n
        })
        .collect()
}

fn pick_nearest(lex: &Lexicon, groups: Vec<Vec<&Named>>, fits: &dyn Fn(usize) -> bool, not: Option<&[usize]>, why: &'static str) -> Resolution {
    {
        for g in groups {
            let c: Vec<&Named> = g.into_iter().filter(|n| fits(n.entity) && not.is_none_or(|x| !x.contains(&n.entity) && !x.contains(&lex.entities[n.entity].agent_as.unwrap_or(n.entity)))).collect();
            if c.is_empty() {
                continue;
            }
            let mut d = distinct_unrelated(lex, &c);
            if d.len() > 1 {
                d = heads_over_modifiers(d);
            }
            if d.len() == 1 {
                return Resolution { entities: vec![(d[0].entity, d[0].via.clone())], why: Ok(why) };
            }
            // two of a kind: the sentence's subject wins, else nothing
            let subj: Vec<&Named> = d.iter().copied().filter(|n| n.subject).collect();
            if subj.len() == 1 {
                return Resolution { entities: vec![(subj[0].entity, subj[0].via.clone())], why: Ok("the subject among candidates of the same kind") };
            }
            // (two subjects: the one the sentence is about)
            let topic: Vec<&Named> = subj.iter().copied().filter(|n| n.topic).collect();
            if topic.len() == 1 {
                return Resolution { entities: vec![(topic[0].entity, topic[0].via.clone())], why: Ok("what the sentence is about, among subjects of the same kind") };
            }
            // (two parties of one act: the one who acted, not the one met)
            let acting: Vec<&Named> = subj.iter().copied().filter(|n| n.agent).collect();
            if acting.len() == 1 {
                return Resolution { entities: vec![(acting[0].entity, acting[0].via.clone())], why: Ok("the agent among subjects of the same kind, not the party it met") };
            }
            // (no subject known yet: a name, not a nisba that only describes
            // a noun naming no actor: ردّت واشنطن على الاتهامات الروسية …،
            // نافية أي تنسيق بين قواتها والتنظيم)
            if subj.is_empty() {
                let names: Vec<&Named> = d.iter().copied().filter(|n| !n.adjective).collect();
                if names.len() == 1 {
                    return Resolution { entities: vec![(names[0].entity, names[0].via.clone())], why: Ok("the one candidate named by a name, not by the adjective of another noun") };
                }
            }
            return Resolution::none(Unresolved::Ambiguous);
        }
        Resolution::none(Unresolved::NoCandidate)
    }
}

/// Candidates with those that only describe another candidate's noun
/// (the agent of «المدعومة من») left out, unless none would remain.
fn heads_over_modifiers(d: Vec<&Named>) -> Vec<&Named> {
    let heads: Vec<&Named> = d.iter().copied().filter(|n| !n.modifier).collect();
    if heads.is_empty() { d } else { heads }
}

/// One mention per entity, the latest kept.
fn distinct<'a>(v: &[&'a Named]) -> Vec<&'a Named> {
    let mut out: Vec<&Named> = Vec::new();
    for n in v.iter().rev() {
        if !out.iter().any(|o| o.entity == n.entity) {
            out.push(n);
        }
    }
    out.reverse();
    out
}

/// One mention per entity, an entity and its ancestor counted once (the
/// most specific kept): «قوات الحرس الثوري الإيراني» is one candidate.
fn distinct_unrelated<'a>(lex: &Lexicon, v: &[&'a Named]) -> Vec<&'a Named> {
    let d = distinct(v);
    let voice = |e: usize| lex.entities[e].agent_as.unwrap_or(e);
    d.iter()
        .copied()
        .filter(|n| {
            !d.iter().any(|m| {
                let (a, b) = (voice(m.entity), voice(n.entity));
                m.entity != n.entity && (a == b && m.pos > n.pos || lex.chain(a).contains(&b) && a != b)
            })
        })
        .collect()
}

/// The byte range a mention covers in the original text.
pub fn original(norm: &crate::text::Normalized, folded: Range<usize>) -> Range<usize> {
    norm.original_range(folded)
}

/// One is the other's voice (a capital, a ministry) or part of it.
fn related(lex: &Lexicon, a: usize, b: usize) -> bool {
    let voice = |e: usize| lex.entities[e].agent_as.unwrap_or(e);
    let (a, b) = (voice(a), voice(b));
    a == b || lex.chain(a).contains(&b) || lex.chain(b).contains(&a)
}
