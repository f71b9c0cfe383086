//! Who is the agent and who the patient of a cue, driven by the pattern's
//! shape and prepositions (see `lexicons/relations.ron`).
//!
//! Arabic puts the verb first as often as the subject: a verb takes a
//! subject close before it (SVO: إسرائيل حذرت إيران), else the first name
//! right after it (VSO: حذرت إسرائيل إيران), else a subject further back in
//! its clause. A verbal noun takes a nisba or genitive right after it
//! (هجوم داعشي، انسحاب القوات الإيرانية), a name after one of its agent
//! prepositions (من قبل، على يد), the parties after بين, or the subject of a
//! light verb before it (شنت إسرائيل هجوما). A passive or participle
//! (المدعومة من، تحت سيطرة) has its patient before and its agent after.

use crate::syntax::{Sentence, Unit};
use crate::lexicon::{Genitive, Lexicon, ObjectKind, Pattern, Shape};
use serde::Serialize;

/// Why a cue produced no claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// No actor could be found for the agent slot.
    NoAgent,
    /// No entity of the right kind in the patient slot.
    NoPatient,
    /// An entity stood in the patient slot but is of the wrong kind (an
    /// actor where the relation wants a place, or the reverse).
    WrongObjectKind,
    /// Agent and patient are the same entity (or one contains the other).
    SameEntity,
    /// The act is only threatened, demanded, alleged or rejected by the cue
    /// that governs it (توعدت أنقرة بشن عملية ضد قسد): not asserted.
    Embedded,
    /// A light verb whose noun (شنّت … غارات) carries the relation.
    LightVerb,
    /// Only planned: a verb in the future (ستنسحب، سوف تنسحب) or a noun
    /// governed by one (سيعقد اجتماعاً).
    Planned,
    /// A denial of one kind of force only (لا تملك قوات مشاة، لم ترسل قوات
    /// برية): forces of another kind may be there.
    NarrowDenial,
}

impl Reason {
    pub fn explain(self) -> &'static str {
        match self {
            Reason::NoAgent => "no subject found (no actor before the cue in its clause, none right after it, none after an agent preposition)",
            Reason::NoPatient => "no object found within the pattern's window after its prepositions",
            Reason::WrongObjectKind => "an object was found but is of the wrong kind for this relation",
            Reason::SameEntity => "subject and object are the same entity",
            Reason::Embedded => "the act is only threatened, demanded, alleged or rejected by the cue that governs it",
            Reason::LightVerb => "a light verb: the noun it governs carries the relation, with its own object",
            Reason::Planned => "only planned: a verb in the future tense (س، سوف), or a noun governed by one",
            Reason::NarrowDenial => "denies one kind of force only (قوات مشاة، قوات برية): forces of another kind may be there",
        }
    }
}

/// The arguments found for one cue under one pattern.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    pub agents: Vec<usize>,
    pub patients: Vec<usize>,
    /// A symmetric relation whose parties all stand in one unit (اجتماع بين
    /// إيران وروسيا والعراق): every pair is a claim.
    pub among: Vec<usize>,
    /// Set when something stood in the patient slot but was of the wrong kind.
    pub wrong_kind: bool,
    /// Hostility between parties runs both ways (اشتباكات بين X وY): every
    /// pair is claimed in both directions.
    pub mutual: bool,
    /// Where the agents and the patients were read from (for `explain`).
    pub agent_source: &'static str,
    pub patient_source: &'static str,
}

fn actor_members(lex: &Lexicon, s: &Sentence, u: &Unit) -> Vec<usize> {
    // (a name represented by another stands for it: المعارضة ممثلة في المجلس
    // الوطني is the council)
    let u = s.representative(lex, u).unwrap_or(u);
    // (a nisba of territory is a place: العاصمة القطرية)
    u.items
        .iter()
        .filter(|&&i| !s.territory_nisba(lex, i))
        .filter_map(|&i| s.entity(i).map(|(e, _)| e))
        .filter(|&e| lex.entities[e].kind.is_actor() || lex.entities[e].agent_as.is_some())
        .fold(Vec::new(), |mut v, e| {
            // (one actor named twice in a slot is one party: الدولة الإسلامية "داعش")
            if !v.contains(&e) {
                v.push(e);
            }
            v
        })
}

fn object_members(lex: &Lexicon, s: &Sentence, u: &Unit, k: ObjectKind) -> Vec<usize> {
    let u = s.representative(lex, u).unwrap_or(u);
    // (a nisba of territory names no actor: في مدينة سوتشي الروسية)
    if k == ObjectKind::Actor && u.items.iter().all(|&i| s.territory_nisba(lex, i)) {
        return Vec::new();
    }
    // (a city after ب is where the act took place, not a party standing for
    // its state: اجتماعهم المغلق في مقر الجامعة بالقاهرة، التقى الوفد بدمشق
    // مسؤولين سوريين)
    if k == ObjectKind::Actor && u.prep.as_deref() == Some("ب") && s.members(u).iter().all(|&e| lex.entities[e].kind == crate::lexicon::EntityKind::Place) {
        return Vec::new();
    }
    // (a possessed noun stands for its owner, who is no place: انسحبت قوات
    // النظام من مواقعها في تدمر withdraws from the positions, in Palmyra)
    let possessed = |i: usize| matches!(lex.surfaces[s.items[i].mention.surface].target, crate::lexicon::Target::Reference(r) if matches!(lex.references.items[r], crate::lexicon::Reference::Possessed(_)));
    if k == ObjectKind::Place && u.items.iter().any(|&i| possessed(i)) {
        let mut out: Vec<usize> = Vec::new();
        for &i in u.items.iter().filter(|&&i| !possessed(i)) {
            if let Some((e, _)) = s.entity(i) {
                if lex.entities[e].kind.is_place() && !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        return out;
    }
    s.members(u)
        .into_iter()
        .filter(|&e| {
            let ent = &lex.entities[e];
            match k {
                ObjectKind::Any => true,
                ObjectKind::Place => ent.kind.is_place(),
                ObjectKind::Actor => ent.kind.is_actor() || ent.agent_as.is_some(),
            }
        })
        .collect()
}

/// Do the words between `a` and `b` (exclusive) join one more participant
/// to a list: و and nothing but words of delegates (ووفود من، وممثلين عن،
/// ووفد)?
fn joined_participants(lex: &Lexicon, s: &Sentence, a: usize, b: usize) -> bool {
    let g = &lex.grammar;
    let between: Vec<&str> = (a + 1..b).map(|k| s.word(k)).collect();
    let Some(first) = between.first() else { return false };
    first.starts_with('و')
        && s.clause_of_word[a] == s.clause_of_word[b]
        && between.len() <= 3
        && between.iter().enumerate().all(|(i, w)| {
            let bare = if i == 0 { w.strip_prefix('و').unwrap_or(w) } else { w };
            bare.is_empty() || g.delegations.iter().any(|d| d == bare) || g.titles.contains(bare) || g.members.contains(bare) || matches!(bare, "من" | "عن")
        })
}

/// A name with no preposition before it can be a subject.
fn free(u: &Unit) -> bool {
    u.prep.is_none()
}

/// A subject before its verb may be partitive: مقاتلون من تنظيم داعش هاجموا.
fn free_or_partitive(u: &Unit) -> bool {
    // (kept separate from `free`: only a subject close to its verb may be
    // partitive, or the possessor of it: أرتال لميليشيا الحرس الثوري تنسحب)
    u.prep.is_none() || matches!(u.prep.as_deref(), Some("من" | "ل"))
}

/// Is there a cue of another relation than `rel` between words `a` and `b`
/// (exclusive)? (دفعت تركيا بتعزيزات من الجيش الوطني: the reinforcements
/// are the sending's own object.)
fn other_cue_between(lex: &Lexicon, s: &Sentence, rel: usize, a: usize, b: usize) -> bool {
    s.items.iter().any(|it| matches!(&it.kind, crate::syntax::ItemKind::Cue(ps) if ps.iter().any(|&p| lex.patterns[p].relation != rel)) && it.first_word > a && it.last_word < b)
}

/// Is there a cue between words `a` and `b` (exclusive)?
fn cue_between(s: &Sentence, a: usize, b: usize) -> bool {
    s.items.iter().any(|it| matches!(it.kind, crate::syntax::ItemKind::Cue(_)) && it.first_word > a && it.last_word < b)
}

/// Is there a cue between words `a` and `b` that starts a predicate of its
/// own? A participle describing a noun (ميليشياته المساندة للنظام) and a
/// verbal noun heading the object itself (تدعم الغارات الروسية) do not.
fn predicate_between(lex: &Lexicon, s: &Sentence, a: usize, b: usize, verb_object: bool) -> bool {
    s.items.iter().any(|it| {
        let crate::syntax::ItemKind::Cue(ps) = &it.kind else { return false };
        if it.first_word <= a || it.last_word >= b {
            return false;
        }
        let participle = ps.iter().any(|&p| lex.patterns[p].shape == Shape::Participle);
        let object_head = verb_object && it.first_word == a + 1 && ps.iter().all(|&p| lex.patterns[p].shape != Shape::Verb);
        !(participle || object_head)
    })
}

/// Does an embedded clause open between words `a` and `b` (exclusive)?
fn complementizer_between(lex: &Lexicon, s: &Sentence, a: usize, b: usize) -> bool {
    (a + 1..b).any(|w| lex.grammar.complementizers.contains(s.word(w)))
}

/// Is there a preposition word between words `a` and `b` (exclusive)?
fn prep_between(lex: &Lexicon, s: &Sentence, a: usize, b: usize) -> bool {
    (a + 1..b).any(|w| lex.grammar.prepositions.contains(s.word(w)))
}

/// The subject a coordinated verb shares with the verb before it (زار
/// عراقجي دمشق والتقى بشار الأسد): its agents and the last word of that
/// verb's frame.
#[derive(Debug, Clone, Default)]
pub struct Shared {
    pub agents: Vec<usize>,
    pub until: usize,
    /// The last word of that verb.
    pub cue_last: usize,
    /// For a verb of demand, threat or accusation: its object, who is to do
    /// (or did) the act it governs (دعت إيران واشنطن إلى وقف غاراتها: the
    /// raids are Washington's).
    pub addressees: Vec<usize>,
}

pub fn assign(lex: &Lexicon, s: &Sentence, cue: usize, p: &Pattern, shared: Option<&Shared>) -> Roles {
    let rel = &lex.relations[p.relation];
    let it = &s.items[cue];
    let cw_first = it.first_word;
    let cw_last = it.last_word;
    let clause = it.clause;
    let w = p.window;
    // (a nisba inside another cue's prepositional phrase, بدعم جوي روسي, is
    // that cue's argument, not this one's)
    // (nor is the patron after a word of affiliation, فصائل موالية لإيران,
    // unless that word is this cue: المدعومة من إيران)
    let foreign = |u: &Unit| s.affiliated(lex, u).is_some_and(|aw| aw < cw_first || aw > cw_last);
    let before: Vec<&Unit> = s.units.iter().rev().filter(|u| u.last_word < cw_first && u.clause == clause && cw_first - u.last_word <= w && !s.nisba_of_cue(u) && !foreign(u) && !s.owned_by(lex, u)).collect();
    // objects are measured from the subject when it follows the verb, so
    // look twice as far here and check the distance where it matters
    let after: Vec<&Unit> = s.units.iter().filter(|u| u.first_word > cw_last && u.clause == clause && u.first_word - cw_last <= 2 * w && !foreign(u)).collect();
    let mut r = Roles::default();
    let sym = rel.symmetric || p.object_preps.iter().any(|x| x == "بين");
    let mut patient_from = cw_last;
    // units are identified by their first word: they never overlap
    let mut agent_unit: Option<usize> = None;
    // where a noun's object was sought from before an agent preposition
    // moved the search past its agent
    let mut agent_prep_from: Option<usize> = None;
    match p.shape {
        Shape::Verb => {
            let relative = |u: &Unit| (u.last_word + 1..cw_first).any(|w| lex.grammar.relatives.contains(s.word(w)));
            // (a verb that opens a new clause after a comma, ، وافقت, does not
            // look back past it)
            let subject = |u: &&&Unit| !actor_members(lex, s, u).is_empty() && !cue_between(s, u.last_word, cw_first) && !s.soft_break_between(u.last_word, cw_first + 1);
            // the nearest bare subject, or a partitive one right before the
            // verb (مقاتلون من تنظيم داعش هاجموا)
            // (or a pronoun that is its own أن, whatever preposition governs
            // the clause it opens: مشيراً إلى أنهم انسحبوا)
            let opens_clause = |u: &Unit| lex.grammar.complementizers.contains(s.word(u.first_word)) && cw_first - u.last_word <= 2;
            let svo = before.iter().find(|u| ((free(u) || relative(u) || opens_clause(u)) || (free_or_partitive(u) && cw_first - u.last_word <= 3)) && subject(u));
            // a verb agreeing in the plural (زاروا، يقاتلون) has its subject before it
            let form = &s.text[it.mention.core..it.mention.span.end];
            let plural = form.ends_with("وا") || form.ends_with("ون");
            // a verb in the first person plural present (ندعم، ننسحب) has «we»
            // as its subject: the name after it is its object
            let we = p.first_plural_present(form) || p.first_person_past(&s.text[it.mention.core..it.mention.form_end]).is_some();
            // (and none before it either: "زرت بغداد والتقيت نظيري")
            let svo = svo.filter(|_| !we);
            // (or members of it, their word right after the verb: هاجم عناصر
            // من تنظيم داعش; not في: قُتل قائد في الحرس is a passive's victim)
            // (words of time may stand between: دخلت أمس الأربعاء قوات من الحشد)
            let timed = (cw_last + 1..s.words.len().min(cw_last + 4)).take_while(|&k| s.clause_of_word[k] == clause && lex.grammar.time_adverbs.contains(s.word(k))).count();
            // (and, in a relative clause, the preposition and pronoun that
            // take its head back: والتي يتمركز فيها عناصر من حزب الله، التي
            // انسحبت منها القوات الروسية)
            let in_relative = (cw_first.saturating_sub(3)..cw_first).any(|k| s.clause_of_word[k] == clause && lex.grammar.relatives.contains(s.word(k)));
            let resumes = |k: usize| k < s.words.len() && s.clause_of_word[k] == clause && p.object_preps.iter().any(|pr| s.word(k).strip_prefix(pr.as_str()).and_then(|rest| lex.references.pronoun(rest)).is_some_and(|i| !lex.references.pronouns[i].first_person));
            let lead = cw_last + timed + usize::from(in_relative && resumes(cw_last + timed + 1));
            // (a share may carry its adjective: عدد كبير من عناصر حزب الله)
            // (a member «in» a body, ضابط في الحرس الثوري، مسؤول في الخارجية,
            // is its voice after a verb that is no strike: there, an
            // unvowelled passive names its victim, قُتل قائد في الحرس)
            let strike = rel.family == crate::lexicon::model::Family::Hostile && !lex.grammar.complement_relations.iter().any(|x| *x == rel.id);
            let link = if strike { &["من"][..] } else { &["من", "في"][..] };
            let members_of = |u: &Unit| {
                let is_link = |k: usize| k < s.words.len() && link.contains(&s.word(k)) && u.prep.as_deref() == Some(s.word(k));
                let of = if is_link(lead + 2) { 2 } else if is_link(lead + 3) && !s.word_in_item(lead + 2) { 3 } else { 0 };
                of > 0 && lead + of < u.first_word && s.member_word(lex, lead + 1) && u.first_word - lead <= 3 + of
            };
            // (a place alone right after a verb that takes a place as its
            // direct object is that object, not a capital acting: زرت بغداد
            // اليوم، زارت دمشق قبل أسبوع)
            // (but a capital with a definite object noun of its own after it
            // acts: تسلّم طهران الدعوة)
            let own_object = |u: &Unit| {
                let n = u.last_word + 1;
                n < s.words.len() && s.clause_of_word[n] == clause && s.definite(n) && !s.relational_adjective(n) && !lex.grammar.time_words.contains(s.word(n)) && !lex.grammar.time_adverbs.contains(s.word(n)) && !s.word_in_item(n)
            };
            let place_object = |u: &Unit| p.direct_object && rel.object == ObjectKind::Place && s.is_place_unit(lex, u) && !own_object(u) && !after.iter().any(|o| o.first_word > u.last_word && o.first_word - u.last_word <= 3 && free(o));
            // (a hostile verb right before a count is an unvowelled passive
            // that counts its victims: قُتل 35 مقاتلاً من قوات النظام بينهم
            // تسعة روس، أصيب ثلاثة جنود أتراك)
            // (of people: أربع قاذفات روسية استهدفت is a count of the agents)
            let counted = rel.family == crate::lexicon::model::Family::Hostile && lead + 2 < s.words.len() && s.clause_of_word[lead + 2] == clause && {
                let n = s.word(lead + 1);
                let number = lex.grammar.quantities.contains(n) || (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c)));
                number && lex.grammar.members.contains(s.word(lead + 2))
            };
            // (not past a word of time whose noun carries a pronoun of one
            // named before: «والتقى فور وصوله المرشد» has its subject dropped,
            // and the name is its object)
            let possessed_time = |to: usize| (lead + 1..to).any(|k| lex.grammar.time_words.contains(s.word(k - 1)) && !s.word(k).starts_with("ال") && !s.word_in_item(k) && s.word(k).chars().count() >= 4 && lex.references.third_person_suffix(s.word(k)).is_some());
            let vso = after.first().filter(|u| {
                !plural && !we && !counted && !place_object(u) && !possessed_time(u.first_word) && !actor_members(lex, s, u).is_empty() && ((free(u) && u.first_word - lead <= 3 && !cue_between(s, cw_last, u.first_word)) || (members_of(u) && !cue_between(s, lead + 1, u.first_word)))
            });
            // a subject after the verb's own prepositional object (وصل إلى
            // طهران صباح اليوم وفد سوري، انسحبت من البلدة قوات النظام): the
            // first name past that phrase, words of time and one head noun
            // apart
            let fronted_object = after.first().filter(|o| !plural && !we && o.first_word - lead <= 2 && o.prep.as_ref().is_some_and(|x| p.object_preps.contains(x)) && !object_members(lex, s, o, rel.object).is_empty()).and_then(|o| {
                after.get(1).copied().filter(|u| {
                    let timed = (o.last_word + 1..u.first_word).filter(|&k| lex.grammar.time_adverbs.contains(s.word(k))).count();
                    // (or members of it: انسحبت من مورك وحدات من الجيش التركي)
                    let members = u.prep.as_deref() == Some("من") && (o.last_word + 1..u.first_word.saturating_sub(1)).any(|k| s.member_word(lex, k) && s.word(k + 1) == "من");
                    (free(u) || members) && u.first_word - o.last_word - timed <= 3 + 2 * usize::from(members) && !actor_members(lex, s, u).is_empty() && !cue_between(s, cw_last, u.first_word) && !s.soft_break_between(o.last_word, u.first_word)
                })
            });
            // a verb joined to the one before (و، ف، ثم) shares its subject
            // unless a subject of its own stands between them
            let coordinated = it.mention.proclitic(s.text).starts_with(['و', 'ف']) || (cw_first > 0 && s.word(cw_first - 1) == "ثم");
            if let Some(sh) = shared.filter(|sh| coordinated && !sh.agents.is_empty()) {
                let own = svo.filter(|u| u.first_word > sh.until && cw_first - u.last_word <= 3 && free(u) && !s.is_place_unit(lex, u));
                // (or two names after it, its subject and then its object:
                // توغلت تركيا في سوريا، وطالب ترامب تركيا بوقف التوغل)
                let own_after = p.direct_object && vso.is_some_and(|a| a.first_word == cw_last + 1 && after.iter().any(|o| o.first_word == a.last_word + 1 && free(o) && !actor_members(lex, s, o).is_empty()));
                // (or a member «in» a body right after a verb that is no
                // strike: وتوعدت إيران بالرد، وهدد ضابط في الحرس الثوري…)
                let own_member = !strike && vso.is_some_and(|a| a.prep.as_deref() == Some("في") && members_of(a));
                if own.is_none() && !own_after && !own_member {
                    r.agents = sh.agents.clone();
                    r.agent_source = "the subject of the verb it is joined to (و/ف/ثم)";
                    agent_unit = None;
                    // (and the forces it sends move too: زار طهران، وأرسل
                    // المزيد من الفصائل من حلب إلى إدلب)
                    let from = if p.object_moves { sent_forces(lex, s, p, &after, cw_last, agent_unit, &mut r) } else { cw_last };
                    return verb_patient(lex, s, p, rel, &after, from, w, agent_unit, r);
                }
            }
            // a relative clause whose verb carries the head as a resumptive
            // object (قسد التي تتهمها أنقرة): the head is the object, the name
            // after the verb its subject
            // (the head may be a place: مدينة حلب التي قصفتها الطائرات
            // الروسية; and the subject an act of the verb's own relation
            // whose nisba or genitive names its agent: التي استهدفتها ضربات
            // جوية تركية)
            let resumptive = !matches!(it.mention.suffix(s.text), "" | "ا" | "وا");
            // (a relative joined by و to a modifier before it describes the
            // noun that modifier describes, the nearest name before it that
            // no preposition governs: القوات المتمركزة في شمال سوريا والتي
            // استهدفتها ضربات تركية, الفصائل المنتشرة في ريف حلب والتي
            // تدعمها أنقرة)
            let joined_relative = (cw_first.saturating_sub(3)..cw_first).rev().find(|&k| lex.grammar.relatives.contains(s.word(k))).filter(|&k| {
                let x = s.word(k);
                x.strip_prefix('و').is_some_and(|bare| lex.grammar.relatives.contains(bare))
            });
            // (the modifier is a word of its own between that noun and the
            // name its preposition governs: عن هيئة تحرير الشام المتحصنة في
            // إدلب والتي…)
            let joined_head = joined_relative.and_then(|k| {
                before.iter().find(|u| {
                    u.last_word < k && !u.nisba && !s.soft_break_between(u.last_word, k + 1) && before.iter().any(|o| o.first_word > u.last_word && o.last_word < k && o.prep.is_some() && (u.last_word + 1..o.first_word).any(|x| !lex.grammar.prepositions.contains(s.word(x)) && !s.units.iter().any(|v| v.first_word <= x && x <= v.last_word)))
                }).copied()
            }).filter(|u| !object_members(lex, s, u, rel.object).is_empty());
            let relative_head = joined_head.or_else(|| before.iter().find(|u| relative(u) && cw_first - u.last_word <= 3 && !cue_between(s, u.last_word, cw_first) && !s.soft_break_between(u.last_word, cw_first + 1)).filter(|u| !object_members(lex, s, u, rel.object).is_empty()).copied());
            let act_subject = after.first().filter(|u| !plural && !we && (u.nisba || u.prep.is_none()) && !actor_members(lex, s, u).is_empty() && act_then_agent(lex, s, p.relation, lead, u.first_word));
            // (so is it when the verb opens its clause: استهدفت غارات روسية
            // مدينة إدلب، قتلت غارة إسرائيلية سبعة من عناصر الحرس)
            let vso = vso.or(act_subject);
            if let (Some(head), Some(subj), true) = (relative_head.or(svo.copied()), vso, resumptive) {
                if relative(head) && (cw_first - head.last_word <= 3 || joined_head.is_some_and(|j| j.first_word == head.first_word)) {
                    let objs = object_members(lex, s, head, rel.object);
                    if !objs.is_empty() && agent_allowed(lex, s, p, subj) {
                        r.agents = actor_members(lex, s, subj);
                        r.agent_source = "the subject after the verb of a relative clause whose suffix is its head";
                        r.patients = objs;
                        r.patient_source = "the head of the relative clause, taken up by the verb's suffix";
                        return r;
                    }
                }
            }
            let pick = match (svo, vso) {
                (Some(b), _) if cw_first - b.last_word <= 3 => Some((*b, if relative(b) { "the head of the relative clause before the verb" } else { "the subject right before the verb (SVO)" })),
                (_, Some(a)) => {
                    patient_from = a.last_word;
                    Some((*a, VSO_SOURCE))
                }
                (Some(b), None) => Some((*b, "the subject earlier in the clause")),
                (None, None) => fronted_object.map(|u| (u, "the subject after the verb's object phrase (وصل إلى طهران وفد سوري)")),
            };
            let pick = pick.map(|(u, why)| {
                r.agent_source = why;
                u
            });
            // no subject, but an agent preposition after the verb: a passive
            // written without its vowels (قُصفت المدينة من قبل الطيران الروسي)
            // an agent preposition after the verb makes it a passive written
            // without its vowels (قُصفت المدينة من قبل الطيران الروسي، هوجمت
            // مواقع قسد على يد الفصائل): that actor is the agent, and the
            // name after the verb its object
            let by = after.iter().find(|u| u.prep.as_deref().is_some_and(|x| lex.grammar.agent_preps.iter().any(|a| a == x)) && !actor_members(lex, s, u).is_empty() && !cue_between(s, cw_last, u.first_word));
            let pick = match by {
                Some(by) if pick.is_none_or(|u| u.first_word > cw_last) => {
                    r.agent_source = "the actor after an agent preposition (a passive: قُصفت … من قبل)";
                    patient_from = cw_last;
                    Some(*by)
                }
                _ => pick,
            };
            // (a delegation travels with the person who heads it: وصل وفد
            // روسي برئاسة يوري بوريسوف إلى دمشق)
            let headed = pick.and_then(|u| delegation_head(lex, s, u));
            if let Some(h) = headed {
                r.agent_source = "the head of the delegation (وفد … برئاسة)";
                // (unless the object came first: وصل إلى طهران وفد …)
                if pick.is_some_and(|u| !fronted_object.is_some_and(|f| f.first_word == u.first_word)) {
                    patient_from = patient_from.max(h.last_word);
                }
            }
            if let Some(u) = headed.or(pick).filter(|u| agent_allowed(lex, s, p, u)) {
                r.agents = actor_members(lex, s, u);
                agent_unit = Some(u.first_word);
                // a comitative مع right after the subject adds a second agent
                // (سيطرت قوات النظام مع مقاتلي حزب الله على القصير), unless مع
                // marks this verb's object (اتفق مع، التقى مع)
                if !sym {
                    if let Some(c) = comitative(lex, s, u).filter(|c| !c.prep.as_ref().is_some_and(|x| p.object_preps.contains(x))) {
                        r.agent_source = "the subject and the actor after a comitative مع";
                        for e in actor_members(lex, s, c) {
                            if !r.agents.contains(&e) {
                                r.agents.push(e);
                            }
                        }
                        if c.last_word > patient_from {
                            patient_from = c.last_word;
                        }
                    } else if u.last_word < cw_first {
                        // ...or right after the verb when the subject stands
                        // before it, past words of time and commas (التي
                        // سيطرت بدورها، مع القوات العراقية، على مدينة القائم)
                        let lead = (cw_last + 1..(cw_last + 3).min(s.words.len())).take_while(|&k| s.clause_of_word[k] == clause && lex.grammar.time_adverbs.contains(s.word(k))).count();
                        let c = after.iter().find(|c| c.prep.as_ref().is_some_and(|x| lex.grammar.comitatives.contains(x) && !p.object_preps.contains(x)) && c.first_word - cw_last <= 3 + lead && !cue_between(s, cw_last, c.first_word) && !actor_members(lex, s, c).is_empty() && !s.items.iter().any(|x| x.first_word > cw_last && x.first_word < c.first_word && x.first_word < c.items.first().map_or(c.first_word, |&i| s.items[i].first_word)));
                        if let Some(c) = c {
                            r.agent_source = "the subject and the actor after a comitative right after the verb";
                            for e in actor_members(lex, s, c) {
                                if !r.agents.contains(&e) {
                                    r.agents.push(e);
                                }
                            }
                            patient_from = patient_from.max(c.last_word);
                        }
                    }
                }
            }
            // the forces a verb of sending sends move too (أرسلت إيران مقاتلين
            // من الحرس الثوري إلى سوريا، دفع الجيش بتعزيزات من الفرقة الرابعة)
            if p.object_moves && !r.agents.is_empty() {
                patient_from = sent_forces(lex, s, p, &after, patient_from, agent_unit, &mut r);
            }
            let mut r = verb_patient(lex, s, p, rel, &after, patient_from, w, agent_unit, r);
            // a relative clause whose verb takes its head back through a
            // preposition and a pronoun (مدينة البوكمال التي كان تنظيم داعش
            // يسيطر عليها): the head is the object
            if r.patients.is_empty() && !r.agents.is_empty() {
                let takes_back = (cw_last + 1..(cw_last + 5).min(s.words.len())).any(|k| {
                    let word = s.word(k);
                    p.object_preps.iter().any(|pr| word.strip_prefix(pr.as_str()).is_some_and(|rest| lex.references.pronoun(rest).is_some_and(|i| !lex.references.pronouns[i].first_person)))
                });
                let rp = (cw_first.saturating_sub(6)..cw_first).rev().find(|&k| s.clause_of_word[k] == clause && lex.grammar.relatives.contains(s.word(k)));
                if let (true, Some(rp)) = (takes_back, rp) {
                    // (a nisba inside a phrase describes its own noun: the
                    // head of «مدينة البوكمال القريبة من الحدود العراقية والتي»
                    // is the city; a relative joined by و reaches past that
                    // phrase to the head it adds to)
                    let reach = if s.word(rp).starts_with('و') { 8 } else { 2 };
                    // (nor is a place after a word of direction the head:
                    // «منطقة التلول الحمر شمال القنيطرة، والتي» is the area)
                    let head = s.units.iter().rev().filter(|u| u.last_word < rp && rp - u.last_word <= reach).find(|u| !(u.nisba && u.prep.is_some()));
                    let head = head.map(|h| {
                        let direction = h.prep.as_ref().is_some_and(|x| lex.grammar.locatives.contains(x) && !matches!(x.as_str(), "في" | "ب"));
                        s.units.iter().rev().find(|v| direction && v.last_word + 2 == h.first_word && v.clause == h.clause && !object_members(lex, s, v, rel.object).is_empty()).unwrap_or(h)
                    });
                    if let Some(head) = head {
                        let objs = object_members(lex, s, head, rel.object);
                        if !objs.is_empty() && !objs.iter().any(|e| r.agents.contains(e)) {
                            r.patients = objs;
                            r.patient_source = "the head of the relative clause, taken up by a preposition and pronoun after the verb";
                        }
                    }
                }
            }
            return r;
        }
        Shape::Participle => {
            // (a circumstantial is accusative: رافضاً، متهمةً; «، حليف موسكو» is
            // an apposition, not one)
            let accusative = s.word(cw_first).ends_with(['ا', 'ه']);
            let circumstantial = accusative && cw_first > 0 && s.text[s.words[cw_first - 1].end..s.words[cw_first].start].contains(['،', ',']);
            // (an indefinite participle after a definite noun or a name does
            // not describe it, adjectives agree: انتقد الموقف الأمريكي متهماً
            // واشنطن)
            let definite = |w: usize| s.definite(w) || s.items.iter().any(|i| i.last_word == w && matches!(i.kind, crate::syntax::ItemKind::Entity { .. }));
            let circumstantial = circumstantial || (cw_first > 0 && !s.word(cw_first).starts_with("ال") && s.word(cw_first).ends_with('ا') && definite(cw_first - 1));
            if circumstantial {
                // after a comma it is circumstantial (…، رافضاً المطالب
                // الروسية): its subject is the sentence's, the first actor
                // named bare before it
                // (or a nisba on the subject's head noun when it opens the
                // sentence: أصدرت وزارة الخارجية السورية بياناً، محذرةً)
                let bare = |u: &&Unit| u.last_word < cw_first && free(u) && !s.nisba_of_cue(u) && !actor_members(lex, s, u).is_empty();
                let subject = s.units.iter().find(|u| bare(u) && !u.nisba).or_else(|| s.units.iter().find(|u| bare(u) && u.first_word <= 4));
                if let Some(u) = subject {
                    r.agents = actor_members(lex, s, u);
                    r.agent_source = "the sentence's subject, for a circumstantial participle (after a comma, or indefinite after a definite noun)";
                }
            } else if let Some(u) = before.iter().find(|u| (cw_first - u.last_word == 1 || (cw_first - u.last_word == 2 && s.relational_adjective(cw_first - 1) && !s.word(cw_first - 1).starts_with('و'))) && !actor_members(lex, s, u).is_empty()) {
                // the noun it describes stands right before it (not past a
                // noun of its own: وألوية مساندة له)
                r.agents = actor_members(lex, s, u);
                r.agent_source = "the noun the participle describes";
            }
            return verb_patient(lex, s, p, rel, &after, cw_last, w, None, r);
        }
        Shape::Noun => {
            // after an agent word (هجوم شنه تنظيم داعش); not a preposition,
            // which follows the noun's genitive (تسليم المعبر إلى الجيش)
            // (past an adjective or two of the noun: اجتماعاً مغلقاً جمع وفداً من…)
            let agent_word = |u: &Unit| (u.first_word.saturating_sub(3)..u.first_word).any(|aw| aw > cw_last && aw - cw_last <= 3 && !lex.grammar.prepositions.contains(s.word(aw)) && p.agent_preps.iter().any(|a| a == s.word(aw)) && !cue_between(s, cw_last, aw));
            if let Some(u) = after.iter().find(|u| agent_word(u)) {
                r.agents = actor_members(lex, s, u);
                r.agent_source = "the name after an agent word (شنه، ضم)";
                agent_unit = Some(u.first_word);
                patient_from = u.last_word;
            }
            // right after the noun: a nisba or a genitive name (a partitive
            // may stand between: مقتل 26 من قوات النظام)
            // a pronoun suffix fills the genitive slot (انسحابها: its withdrawal)
            // (the accusative alef of اتفاقاً is no pronoun)
            let suffixed = !matches!(it.mention.suffix(s.text), "" | "ا");
            // (a genitive never stands past a comma: نفت الهيئة تعرّض
            // مواقعها للقصف، ووصفت البيان الروسي…)
            let comma_before = |u: &Unit| s.text[s.words[cw_last].end..s.words[u.first_word].start].contains(['،', ',']);
            if let Some(u) = after.first().filter(|u| r.agents.is_empty() && !suffixed && !cue_between(s, cw_last, u.first_word) && !comma_before(u)) {
                let partitive = u.prep.as_deref() == Some("من");
                // a nisba may stand after its head and a quantifier (خروج جميع القوات الأميركية)
                // (or a share or the members of it: وصول عدد من كتائب الجيش الحر)
                let g = &lex.grammar;
                let titles = (cw_last + 1..u.first_word).all(|w| {
                    let x = s.word(w);
                    let bare = x.strip_prefix("ال").unwrap_or(x);
                    g.titles.contains(x) || g.members.contains(bare) || s.member_word(lex, w) || x == "من" || x == "كل" || g.actor_heads.iter().any(|h| h == bare)
                });
                let near = u.first_word - cw_last <= 2 || ((partitive || u.nisba) && u.first_word - cw_last <= 3) || (titles && u.first_word - cw_last <= 4);
                // (a share of the group is the group: وصول عدد من كتائب الجيش الحر)
                let share = partitive && u.first_word >= 2 && (cw_last + 1..u.first_word).any(|w| s.member_word(lex, w) || s.word(w) == "كل");
                // (a cue that is itself a body of forces is of the group after
                // من, past its adjectives: وصول تعزيزات عسكرية من لواء التوحيد)
                // (and its head noun: من الجيش التركي)
                let of = (cw_last + 1..u.first_word).find(|&w| s.word(w) == "من");
                let own_body = partitive && lex.grammar.members.contains(s.word(cw_last).trim_start_matches(['و', 'ف'])) && of.is_some_and(|k| {
                    k - cw_last <= 3 && u.first_word - k <= 2 && (cw_last + 1..k).all(|w| s.relational_adjective(w) && !s.word_in_item(w)) && (k + 1..u.first_word).all(|w| { let x = s.word(w); g.actor_heads.iter().any(|h| h == x.strip_prefix("ال").unwrap_or(x)) })
                });
                // (not when من marks the noun's agent: إسناد جوي من التحالف)
                let from_agent = partitive && p.agent_preps.iter().any(|a| a == "من");
                let between_free = (near && (u.prep.is_none() || (p.genitive == Genitive::Patient && partitive && !from_agent) || (share && titles))) || (own_body && p.genitive == Genitive::Agent);
                if between_free {
                    // (a nisba behind a head noun of its own describes that
                    // noun, which is the genitive: بالتنسيق مع ضباط من القوات
                    // الروسية; only one on the cue itself, past its adjectives,
                    // takes the nisba's role: دعم جوي روسي)
                    let own_nisba = u.nisba && (cw_last + 1..u.first_word).all(|w| s.relational_adjective(w));
                    // (a place after a noun whose verb takes it bare is where
                    // the act goes, as the verb's object is: دخول الأراضي
                    // السورية as دخل الأراضي السورية; an actor there is still
                    // the one who enters: دخول القوات التركية إلى إدلب)
                    let place_object = p.direct_object && rel.object == ObjectKind::Place && u.prep.is_none() && !u.items.is_empty() && u.items.iter().all(|&i| s.territory_nisba(lex, i) || s.entity(i).is_some_and(|(e, _)| lex.entities[e].kind.is_place() && !lex.entities[e].kind.is_actor()));
                    // (the one who denies a noun right after the denial is its
                    // agent, so the genitive is what the act was aimed at: نفت
                    // الكتائب في بيان قصف القوات الأمريكية; one followed by
                    // the noun's own object stays its agent, below)
                    // (only a noun the denial governs right away: نفت أنقرة
                    // الأنباء عن دخول قوات تركية is no act of Ankara's; and
                    // not a movement, whose genitive is who moves)
                    let denied = rel.object != ObjectKind::Place && denier(lex, s, cw_first, clause).is_some_and(|who| {
                        s.items.iter().rev().find(|x| x.last_word < cw_first && matches!(x.kind, crate::syntax::ItemKind::Denial)).is_some_and(|d| {
                            let from = if who.first_word > d.last_word { who.last_word } else { d.last_word };
                            cw_first - from <= 3 && (from + 1..cw_first).all(|w| !s.word_in_item(w))
                        })
                    });
                    let role = if place_object || (denied && !own_nisba) { Genitive::Patient } else if own_nisba { p.nisba_role } else { p.genitive };
                    let source = if place_object { "the place right after a noun whose verb takes a bare object" } else if own_nisba { "the nisba right after the noun" } else { "the genitive right after the noun" };
                    match role {
                        // (a pattern for some kinds of agent only: وصول by a
                        // person is a visit, by troops a deployment)
                        Genitive::Agent if !agent_allowed(lex, s, p, delegation_head(lex, s, u).unwrap_or(u)) => {}
                        Genitive::Agent => {
                            let headed = delegation_head(lex, s, u);
                            let m = actor_members(lex, s, headed.unwrap_or(u));
                            // two nisbas on one head are co-agents (وساطة
                            // تركية قطرية), not the parties of a symmetric act
                            if sym && m.len() > 1 && (rel.symmetric || !u.nisba) {
                                r.among = m;
                            } else {
                                r.agents = m;
                            }
                            r.agent_source = source;
                        }
                        // a genitive followed by the noun's own object is its
                        // agent (دعم طهران لسوريا، تسليح واشنطن للفصائل)
                        Genitive::Patient if !u.nisba && rel.object == ObjectKind::Actor && !actor_members(lex, s, u).is_empty() && {
                            let obj = after.iter().find(|o| o.first_word > u.last_word && o.first_word - u.last_word <= 2 && o.prep.as_ref().is_some_and(|x| x != "بين" && p.object_preps.contains(x)));
                            obj.is_some_and(|o| !object_members(lex, s, o, rel.object).is_empty())
                        } => {
                            r.agents = actor_members(lex, s, u);
                            r.agent_source = "the genitive of a verbal noun that has its own object after it (دعم طهران لسوريا)";
                        }
                        Genitive::Patient => {
                            let m = object_members(lex, s, u, rel.object);
                            if m.is_empty() {
                                r.wrong_kind = true;
                            }
                            r.patients = m;
                            r.patient_source = source;
                        }
                    }
                    if !r.agents.is_empty() || !r.patients.is_empty() || !r.among.is_empty() {
                        let u = delegation_head(lex, s, u).filter(|_| role == Genitive::Agent).unwrap_or(u);
                        agent_unit = Some(u.first_word);
                        patient_from = u.last_word;
                    }
                }
            }
            // a bare place right after a noun of movement whose suffix is
            // its agent is where it goes (بعد دخولها المدينة)
            let own = &s.text[it.mention.core.min(s.words[cw_last].end)..s.words[cw_last].end];
            let possessive = lex.references.third_person_suffix(own).is_some_and(|k| own.strip_suffix(lex.references.pronouns[k].form.as_str()).is_some_and(|stem| p.forms.iter().any(|f| f == stem)));
            if possessive && r.patients.is_empty() && rel.object == ObjectKind::Place && p.genitive == Genitive::Agent {
                if let Some(u) = after.first().filter(|u| u.prep.is_none() && u.first_word == cw_last + 1 && actor_members(lex, s, u).is_empty()) {
                    r.patients = object_members(lex, s, u, rel.object);
                    r.patient_source = "the place right after the noun";
                    patient_from = u.last_word;
                }
            }
            // and so is a bare place right after the genitive agent of a noun
            // whose verb takes a bare object (دخول قوات النظام مدينة دير
            // الزور, as دخلت قوات النظام مدينة دير الزور)
            if p.direct_object && r.patients.is_empty() && !r.agents.is_empty() && rel.object == ObjectKind::Place {
                if let Some(u) = agent_unit.and_then(|a| after.iter().find(|u| u.first_word > a)).filter(|u| u.prep.is_none() && u.first_word <= patient_from + 2 && !u.items.is_empty() && actor_members(lex, s, u).is_empty() && !cue_between(s, patient_from, u.first_word)) {
                    r.patients = object_members(lex, s, u, rel.object);
                    r.patient_source = "the place right after the noun's genitive agent";
                    patient_from = u.last_word;
                }
            }
            // «of» an actor followed by the noun's own object is its agent
            // (هجمات لجيش الاحتلال على حزب الله، غارات للتحالف على مواقع داعش)
            if r.agents.is_empty() && r.patients.is_empty() && !suffixed {
                if let Some(u) = after.first().filter(|u| u.prep.as_deref() == Some("ل") && u.first_word - cw_last <= 2 && !actor_members(lex, s, u).is_empty() && !cue_between(s, cw_last, u.first_word)) {
                    let obj = after.iter().find(|o| o.first_word > u.last_word && o.first_word - u.last_word <= 4 && o.prep.as_ref().is_some_and(|x| x != "ل" && x != "بين" && p.object_preps.contains(x)));
                    if let Some(o) = obj.filter(|o| !object_members(lex, s, o, rel.object).is_empty()) {
                        r.agents = actor_members(lex, s, u);
                        r.agent_source = "the actor after ل, with the noun's own object after it (هجمات لجيش الاحتلال على…)";
                        r.patients = object_members(lex, s, o, rel.object);
                        r.patient_source = "the object after the noun's preposition";
                        agent_unit = Some(u.first_word);
                        patient_from = o.last_word;
                    }
                }
            }
            // the parties after بين, on one side and the other when the text
            // says so (بين X وY من جهة، وZ من جهة أخرى)
            if let Some(u) = after.iter().find(|u| u.prep.as_deref() == Some("بين") && u.first_word - cw_last <= w) {
                let m = actor_members(lex, s, u);
                r.patient_source = "the parties after بين";
                if r.agents.is_empty() {
                    r.agent_source = "the parties after بين";
                }
                let hostile = rel.family == crate::lexicon::model::Family::Hostile;
                let other = other_side(lex, s, u).map(|o| actor_members(lex, s, o)).filter(|o| !o.is_empty());
                if let (Some(o), true) = (&other, r.agents.is_empty() && !m.is_empty()) {
                    if rel.symmetric || hostile {
                        r.agents = m;
                        r.patients = o.clone();
                        r.mutual = hostile;
                    } else {
                        r.patients = m.into_iter().chain(o.iter().copied()).collect();
                    }
                } else if rel.symmetric || (hostile && r.agents.is_empty()) {
                    // (hostility among more than two is a general war, not a
                    // clash between named sides)
                    if r.agents.is_empty() && m.len() > 1 && (rel.symmetric || m.len() == 2) {
                        r.among = m;
                        r.mutual = hostile;
                    } else if !m.is_empty() {
                        r.patients = m;
                    }
                } else if !m.is_empty() {
                    r.patients = m;
                }
                agent_unit = agent_unit.or(Some(u.first_word));
            }
            // after an agent preposition (من قبل، على يد، شنه)
            if r.agents.is_empty() && r.among.is_empty() {
                // (the participants of talks or a meeting may come after its
                // place and time, further than the window, when no other act
                // stands between: انطلقت محادثات أستانا في العاصمة الكازاخية
                // نور سلطان، بمشاركة ممثلي الدول الضامنة)
                let reach = |u: &&&Unit| u.first_word - cw_last <= w || (rel.symmetric && u.prep.is_some() && !cue_between(s, cw_last, u.first_word));
                if let Some(u) = after.iter().filter(reach).find(|u| u.prep.as_ref().is_some_and(|x| p.agent_preps.contains(x)) || (!p.agent_preps.is_empty() && follows_agent_word(s, p, u))) {
                    r.agents = actor_members(lex, s, u);
                    r.agent_source = "the name after an agent preposition (من قبل، على يد)";
                    agent_unit = Some(u.first_word);
                    // the participants of a meeting or talks go on past a
                    // comma, each with its own delegation (بمشاركة ممثلي
                    // الدول الضامنة، ووفود من النظام والمعارضة)
                    let mut last = u.last_word;
                    if rel.symmetric {
                        for v in after.iter().filter(|v| v.first_word > u.last_word) {
                            if !joined_participants(lex, s, last, v.first_word) || actor_members(lex, s, v).is_empty() {
                                break;
                            }
                            for e in actor_members(lex, s, v) {
                                if !r.agents.contains(&e) {
                                    r.agents.push(e);
                                }
                            }
                            last = v.last_word;
                        }
                    }
                    // (its object follows it: الهجوم الذي شنه مقاتلون من
                    // داعش على قوات النظام; unless the object came first:
                    // السيطرة على تدمر من قبل قوات النظام)
                    agent_prep_from = Some(patient_from);
                    let object_first = after.iter().any(|o| o.first_word > cw_last && o.last_word < u.first_word && o.prep.as_ref().is_some_and(|x| x != "بين" && p.object_preps.contains(x)) && !object_members(lex, s, o, rel.object).is_empty());
                    if !object_first {
                        patient_from = patient_from.max(last);
                    }
                    // aid «from» someone with no one named to receive it goes
                    // to the subject of its clause (نفّذها مقاتلوه من دون أي
                    // إسناد جوي من التحالف، تلقت الفصائل دعماً من تركيا)
                    let received = u.prep.as_deref() == Some("من") && r.patients.is_empty() && !after.iter().any(|o| o.first_word < u.first_word && o.prep.as_ref().is_some_and(|x| p.object_preps.contains(x)));
                    if received {
                        if let Some(b) = before.iter().find(|b| free(b) && !actor_members(lex, s, b).is_empty() && !cue_between(s, b.last_word, cw_first) && !s.soft_break_between(b.last_word, cw_first)) {
                            let m = object_members(lex, s, b, rel.object);
                            if !m.iter().any(|e| r.agents.contains(e)) {
                                r.patients = m;
                                r.patient_source = "the subject of the clause, which receives the aid «from» the agent";
                            }
                        }
                    }
                }
            }
            // the subject of a light verb in a relative clause on the noun
            // (الاتفاق الذي توصلت إليه موسكو وأنقرة، العملية التي نفذتها
            // القوات التركية، اجتماع عقداه: the dual is the clause's subject)
            if r.agents.is_empty() && r.among.is_empty() && !suffixed {
                if let Some((m, until)) = relative_light_verb_subject(lex, s, cw_last, clause, shared) {
                    // (its object follows the clause: المحادثات التي أجراها
                    // الوزير مع نظيره)
                    patient_from = patient_from.max(until);
                    if sym && m.len() > 1 {
                        r.among = m;
                    } else {
                        r.agents = m;
                    }
                    r.agent_source = "the subject of the light verb in a relative clause on the noun (الاتفاق الذي توصلت إليه…)";
                }
            }
            // a relative clause on the noun whose light verb takes the noun's
            // own preposition right after it carries the noun's object
            // (وصف لافروف المحادثات التي أجراها مع كيري، الهجوم الذي شنه على
            // المدينة)
            if r.patients.is_empty() && r.among.is_empty() && !suffixed {
                if let Some(v) = relative_light_verb(lex, s, cw_last, clause) {
                    if v + 1 < s.words.len() && s.clause_of_word[v + 1] == clause && p.object_preps.iter().any(|x| x == s.word(v + 1)) {
                        patient_from = patient_from.max(v);
                    }
                }
            }
            // the patient after one of the object prepositions
            if r.patients.is_empty() && r.among.is_empty() {
                // (a noun whose suffix is its agent takes its object bare, as
                // its verb does: دخولها المدينة، اقتحامهم البلدة)
                let verbal = suffixed && p.genitive == Genitive::Agent;
                let accept = |u: &Unit| u.prep.as_ref().is_some_and(|x| p.object_preps.contains(x) && x != "بين") || (verbal && u.prep.is_none() && u.first_word - cw_last <= 2) || share_of_place(lex, s, p, cw_last, u);
                r = find_patient(lex, s, rel, &after, patient_from, false, w, agent_unit, &accept, r);
                // (past a parenthetical, as a verb's: شن مسلحون من داعش
                // هجوماً مسلحاً، بعد منتصف الليل، على نقطة لقسد)
                let past = past_parenthetical(s, patient_from);
                if r.patients.is_empty() && past != patient_from {
                    r = find_patient(lex, s, rel, &after, past, false, w, agent_unit, &accept, r);
                }
                // (or it stands before the agent preposition, as in a
                // passive: هجمات على القوات الأمريكية في سوريا من قبل
                // الميليشيات؛ the agent's own unit is skipped)
                if let Some(from) = agent_prep_from.filter(|&from| r.patients.is_empty() && from < patient_from) {
                    r = find_patient(lex, s, rel, &after, from, false, w, agent_unit, accept, r);
                }
            }
            // a verb of the same relation right after the noun is its
            // predicate or its relative clause (القصف استهدف مستودعاً لحزب
            // الله، شنت غارات استهدفت مواقع للحرس الثوري): the verb's object
            // is the noun's
            if r.patients.is_empty() && r.among.is_empty() && agent_unit.is_none() {
                if let Some((vp, vlast)) = predicate_verb(lex, s, cue, p.relation) {
                    r = verb_patient(lex, s, vp, rel, &after, vlast, vp.window, agent_unit, r);
                }
            }
            // a suffix on the act a demand governs is the one addressed (دعت
            // إيران واشنطن إلى وقف غاراتها)
            if r.agents.is_empty() && r.among.is_empty() && suffixed && p.genitive == Genitive::Agent {
                if let Some(sh) = shared.filter(|sh| !sh.addressees.is_empty() && s.clause_of_word[sh.cue_last] == clause && cw_first - sh.until <= 4) {
                    r.agents = sh.addressees.clone();
                    r.agent_source = "the one a demand addresses, for the act it governs whose suffix names its agent";
                }
            }
            // the forces a noun of sending names right after it move, and so
            // does the one who sends them, the subject of the light verb that
            // governs it (قامت القوات الروسية بإرسال «أسود العشائر» إلى البادية)
            if p.object_moves && !r.agents.is_empty() && !suffixed {
                if let Some(u) = light_verb_subject(lex, s, cw_first, clause) {
                    for e in actor_members(lex, s, u) {
                        if !r.agents.contains(&e) && !r.patients.contains(&e) {
                            r.agents.push(e);
                        }
                    }
                    r.agent_source = "the forces named after a noun of sending, and the subject of the light verb that governs it";
                }
            }
            // the subject of a light verb before the noun (شنت إسرائيل هجوما)
            if r.agents.is_empty() && r.among.is_empty() && !suffixed {
                if let Some(u) = light_verb_subject(lex, s, cw_first, clause) {
                    r.agents = actor_members(lex, s, u);
                    r.agent_source = "the subject of the light verb that governs the noun (شن، أجرى، عقد)";
                    // a symmetric act's other party may stand between the
                    // light verb and the noun, after the noun's own preposition
                    // (توصلت روسيا مع تركيا إلى اتفاق، أجرى لافروف مع كيري
                    // محادثات): the verb and the noun say one act; not the
                    // party of another noun the verb governs first (أجرى
                    // محادثات مع الأسد تناولت خطته لوقف إطلاق النار)
                    if rel.symmetric && r.patients.is_empty() {
                        if let Some(lv) = governing_light_verb(lex, s, cw_first, clause) {
                            let party = s.units.iter().find(|o| {
                                o.first_word > u.last_word.max(lv) && o.last_word < cw_first && o.clause == clause && o.prep.as_deref() == Some("مع") && p.object_preps.iter().any(|x| x == "مع") && !cue_between(s, o.last_word, cw_first) && !cue_between(s, lv, o.first_word)
                            });
                            if let Some(o) = party {
                                let m = object_members(lex, s, o, rel.object);
                                if !m.is_empty() && !m.iter().any(|e| r.agents.contains(e)) {
                                    r.patients = m;
                                    r.patient_source = "the party after مع between the light verb and the noun (توصلت روسيا مع تركيا إلى اتفاق)";
                                }
                            }
                        }
                    }
                    // (with the actor a comitative adds: شنت قوات النظام
                    // بمشاركة حزب الله هجوماً)
                    if !sym {
                        if let Some(c) = comitative(lex, s, u).filter(|c| !c.prep.as_ref().is_some_and(|x| p.object_preps.contains(x))) {
                            for e in actor_members(lex, s, c) {
                                if !r.agents.contains(&e) && !r.patients.contains(&e) {
                                    r.agents.push(e);
                                }
                            }
                        }
                    }
                    return r;
                }
                // a light verb joined to the verb before it (وصل الوزير إلى
                // دمشق وبدأ فوراً اجتماعاً مع…، ثم عقد جلسة مباحثات) shares
                // that verb's subject
                if let (Some(lv), Some(sh)) = (governing_light_verb(lex, s, cw_first, clause), shared.filter(|sh| !sh.agents.is_empty())) {
                    let word = s.word(lv);
                    let conj = word.strip_prefix(['و', 'ف']).is_some_and(|bare| lex.grammar.light_verbs.contains(bare)) || (lv > 0 && s.word(lv - 1) == "ثم");
                    if conj && sh.cue_last < lv {
                        r.agents = sh.agents.clone();
                        r.agent_source = "the subject of the verb that the light verb governing the noun is joined to (و، ف، ثم)";
                        return r;
                    }
                }
            }
            if r.agents.is_empty() && r.among.is_empty() && !suffixed {
                // (a nisba describes the noun before it, so the preposition
                // it seems to carry governs that noun: التزام إيراني بعدم المشاركة)
                // (a noun after a word of time is an event of its own, not
                // the verb's complement: تراجعت عنها قبل سيطرة الفصائل عليها;
                // nor is one whose genitive names its own agent)
                let timed = |w: usize| w > 0 && lex.grammar.time_words.contains(s.word(w - 1));
                // (a definite noun has no genitive: the word after التنسيق is
                // an adjective, بالتنسيق الكامل مع)
                let own_genitive = p.genitive == Genitive::Agent && !s.definite(cw_first) && cw_last + 1 < s.words.len() && s.clause_of_word[cw_last + 1] == clause && {
                    let next = s.word(cw_last + 1);
                    next.starts_with("ال") && !lex.grammar.time_words.contains(next) && !s.items.iter().any(|x| (x.first_word..=x.last_word).contains(&(cw_last + 1)))
                };
                // a verbal noun after ل of purpose (دخلت قوات الحشد إلى سوريا
                // لمساندة قوات النظام) is the aim of its clause's verb, however
                // far: that verb's subject is its agent; so is a symmetric act
                // after ب of manner (تقاتل قواته التنظيم بالتنسيق الكامل مع
                // التحالف: its forces coordinate with the coalition)
                // (a form may spell the ب itself: بالتعاون مع)
                let manner = rel.symmetric && (matches!(it.mention.proclitic(s.text), "ب" | "بال") || s.word(cw_first).starts_with("بال"));
                // and so is a meeting after a word of time whose مع names the
                // other party (طالب لافروف تركيا بالانسحاب خلال اجتماع مع نظيره)
                // (and a fight after one: سيطرت قوات النظام على القصير بعد
                // معارك مع فصائل المعارضة; it was fought both ways)
                let with_other = after.iter().any(|u| u.prep.as_deref() == Some("مع") && actor_members(lex, s, u).iter().any(|e| r.patients.contains(e)));
                let fight = rel.family == crate::lexicon::model::Family::Hostile && with_other;
                let meeting = (rel.symmetric || fight) && timed(cw_first) && !r.patients.is_empty();
                let purpose = (manner || meeting || matches!(it.mention.proclitic(s.text), "ل" | "لل")) && shared.is_some_and(|sh| sh.cue_last < cw_first);
                let light = before.iter().find(|u| {
                    (free_or_partitive(u) || u.nisba) && cw_first - u.last_word <= 2 && !actor_members(lex, s, u).is_empty() && !prep_between(lex, s, u.last_word, cw_first) && !cue_between(s, u.last_word, cw_first)
                });
                if let Some(u) = light {
                    r.agents = actor_members(lex, s, u);
                    r.agent_source = "the name right before the noun";
                } else if let Some(sh) = shared.filter(|sh| (cw_first.saturating_sub(sh.cue_last) <= 4 || (purpose && s.clause_of_word[sh.cue_last] == clause)) && !sh.agents.is_empty() && (!timed(cw_first) || meeting) && !own_genitive) {
                    // the complement of a verb (وافقت طهران على عدم المشاركة
                    // مع…، بدأت إيران في سحب…) has that verb's subject
                    r.agents = sh.agents.clone();
                    r.agent_source = "the subject of the verb whose complement the noun is";
                    r.mutual = fight && meeting;
                } else if after.iter().any(|u| u.prep.as_deref() == Some("مع") && actor_members(lex, s, u).iter().any(|e| r.patients.contains(e))) {
                    // a noun whose مع names the other party (في ختام اجتماع مع
                    // نظيره، مصرع عناصر من الحرس خلال اشتباكات مع المعارضة)
                    // has the actor its clause is about as the first party
                    // (bare, or members of it: عناصر من الحرس الثوري; not any
                    // name after من: سحب القوات من سوريا عقب اتصال مع…)
                    let members_of = |u: &Unit| u.prep.as_deref() == Some("من") && (u.first_word.saturating_sub(3)..u.first_word).any(|w| s.member_word(lex, w));
                    if let Some(u) = before.iter().find(|u| (free(u) || members_of(u)) && !actor_members(lex, s, u).is_empty() && !cue_between(s, u.last_word, cw_first)) {
                        r.agents = actor_members(lex, s, u);
                        r.agent_source = "the actor the clause is about, for a noun whose مع names the other party";
                        // (a fight «with» another is fought by both: مصرع
                        // عناصر من الحرس خلال اشتباكات مع المعارضة)
                        r.mutual = rel.family == crate::lexicon::model::Family::Hostile;
                    }
                } else if let Some(u) = carried_subject(lex, s, cw_first, clause).filter(|_| {
                    // a verbal noun of purpose after a verb that is no cue
                    // (ذكرت أن إيران استخدمت طائرات مدنية لنقل عسكريين إلى
                    // سوريا لمساعدة الأسد) has the subject أن carries
                    matches!(it.mention.proclitic(s.text), "ل" | "لل") && shared.is_none_or(|sh| sh.agents.is_empty() || sh.cue_last > cw_first || s.clause_of_word[sh.cue_last] != clause)
                }) {
                    let m = actor_members(lex, s, u);
                    if !m.iter().any(|e| r.patients.contains(e)) {
                        r.agents = m;
                        r.agent_source = "the subject أن carries, for a noun of purpose after a verb that is no cue";
                    }
                }
            }
            // a journey named after a word of time with no agent of its own
            // (وذلك في ختام زيارة قصيرة إلى دمشق، خلال جولة في المنطقة) is
            // made by the subject that opens the sentence
            let journey = rel.family == crate::lexicon::model::Family::Movement && rel.object == ObjectKind::Place && !r.patients.is_empty();
            if journey && r.agents.is_empty() && r.among.is_empty() && !suffixed && cw_first > 0 && lex.grammar.time_words.contains(s.word(cw_first - 1)) {
                if let Some(u) = s.units.iter().find(|u| u.last_word < cw_first && u.first_word <= 4 && free(u) && !actor_members(lex, s, u).is_empty()) {
                    let m = actor_members(lex, s, u);
                    if !m.iter().any(|e| r.patients.contains(e)) && agent_allowed(lex, s, p, u) {
                        r.agents = m;
                        r.agent_source = "the subject that opens the sentence, for a journey after a word of time";
                    }
                }
            }
            // a verbal noun a denial governs, with no agent of its own, is
            // the denier's act (نفت أنقرة تقديم أي دعم لعناصر الجبهة، نفى
            // الجيش شنّ أي غارات على المدينة)
            if r.agents.is_empty() && r.among.is_empty() && !suffixed {
                if let Some(u) = denier(lex, s, cw_first, clause) {
                    let m = actor_members(lex, s, u);
                    if !m.iter().any(|e| r.patients.contains(e)) {
                        r.agents = m;
                        r.agent_source = DENIER_SOURCE;
                    }
                }
            }
        }
        // a passive or an ally with a pronoun suffix (لحليفها: «its ally»)
        // names its own patron (coreference fills it); of the names around
        // it only one right after it, in apposition, is its patient
        // (لحليفها بشار الأسد, its ally Bashar al-Assad)
        Shape::Passive if !matches!(it.mention.suffix(s.text), "" | "ا") => {
            if let Some(u) = after.first().filter(|u| u.first_word == cw_last + 1 && free(u) && !u.nisba) {
                r.patients = actor_members(lex, s, u);
                r.patient_source = "the name in apposition to a possessed passive (لحليفها بشار الأسد)";
            }
        }
        Shape::Passive => {
            // (the noun the passive describes stands right before it; past a
            // noun that is not a name, it describes that one: غارات استهدفت
            // مجموعات مدعومة من إيران)
            // An adverbial (بدعم روسي، بمساندة من حزب الله) supports the
            // clause's subject: the verb's before it, else the nearest name
            // outside a relative clause (not داعش in «التي كان داعش يسيطر
            // عليها، بدعم من…»)
            let adverbial = s.word(cw_first).trim_start_matches(['و', 'ف']).starts_with('ب');
            let relative_subject = |u: &Unit| (u.first_word.saturating_sub(3)..u.first_word).any(|k| s.clause_of_word[k] == clause && lex.grammar.relatives.contains(s.word(k)));
            // (a verb of this clause, and not one inside a relative clause)
            let after_complementizer = |u: &Unit| u.first_word > 0 && lex.grammar.complementizers.contains(s.word(u.first_word - 1));
            let main_verb = |sh: &&Shared| s.clause_of_word[sh.cue_last] == clause && !(sh.cue_last.saturating_sub(7)..sh.cue_last).any(|k| lex.grammar.relatives.contains(s.word(k)));
            if let Some(sh) = shared.filter(|sh| adverbial && !sh.agents.is_empty() && main_verb(sh)) {
                r.patients = sh.agents.clone();
                r.patient_source = "the subject of the verb the adverbial describes";
            } else if let Some(u) = before
                .iter()
                .find(|u| !object_members(lex, s, u, rel.object).is_empty() && !(adverbial && (relative_subject(u) || u.nisba || !matches!(u.prep.as_deref(), None | Some("ل")))))
                .filter(|u| adverbial || (cw_first - u.last_word <= 3 && !cue_between(s, u.last_word, cw_first)))
            {
                r.patients = object_members(lex, s, u, rel.object);
                r.patient_source = "the name before the passive";
            } else if let Some(u) = s.units.iter().rev().find(|u| adverbial && u.last_word < cw_first && (u.first_word <= 4 || after_complementizer(u)) && free(u) && !actor_members(lex, s, u).is_empty()) {
                // (else the subject that opens the sentence or the clause
                // of its أن: أعلن الجيش العراقي تحرير القائم، …، وبدعم جوي
                // من التحالف; أكد مصدر أن الجيش يسعى إلى …، بدعم روسي)
                r.patients = actor_members(lex, s, u);
                r.patient_source = "the subject that opens the sentence the adverbial describes";
            } else if !adverbial && rel.object == ObjectKind::Place && !s.units.iter().any(|u| u.clause == clause && u.last_word < cw_first && !s.soft_break_between(u.last_word, cw_first)) {
                // a place under someone's control with no name before it in
                // its clause is the dropped subject of that clause, the place
                // the sentence is about: its first name, bare, in the clause
                // that opens it (يعتبر معبر باب الهوى المنفذ الوحيد…، وكان
                // يخضع سابقاً لسيطرة فصائل الجيش الحر، يقع مطار الطبقة في
                // ريف الرقة، وظل حتى 2014 تحت سيطرة قوات النظام)
                // (the clause of the passive is another: after a clause
                // break or a comma and و)
                let apart = |u: &Unit| u.clause != clause || s.soft_break_between(u.last_word, cw_first);
                // (not a passive that describes a noun other than a name:
                // المناطق الخاضعة لسيطرة المعارضة، المناطق تحت سيطرتها)
                let describes = s.definite(cw_first) || (cw_first > 0 && s.definite(cw_first - 1));
                if let Some(u) = s.units.first().filter(|u| !describes && u.clause == 0 && u.prep.is_none() && !u.nisba && s.is_place_unit(lex, u) && apart(u)) {
                    r.patients = object_members(lex, s, u, rel.object);
                    r.patient_source = "the place the sentence opens with, the dropped subject of the passive's clause";
                }
            }
            let agent = after.iter().find(|u| {
                // an adverbial nisba names the agent by itself (المدعومة
                // إيرانياً، تركياً: the latter folds to the name تركيا)
                // (unless both are definite: a nisba agreeing with it describes
                // it, الحليف السوري is the Syrian ally)
                if u.first_word == cw_last + 1 && u.prep.is_none() && !(u.nisba && s.definite(cw_first) && s.definite(u.first_word)) {
                    return true;
                }
                // past one relational adjective (بدعم جوي روسي)
                if u.nisba && u.prep.is_none() && u.first_word == cw_last + 2 && s.relational_adjective(cw_last + 1) {
                    return true;
                }
                // or on the indefinite noun of the means the support took,
                // after the agent preposition or not (بدعم غارات روسية، بغطاء
                // من قصف مدفعي تركي: Russia, Turkey)
                if u.nisba && u.prep.is_none() && adverbial {
                    let mut w = cw_last + 1;
                    if w < s.words.len() && p.agent_preps.iter().any(|x| x == s.word(w)) {
                        w += 1;
                    }
                    let means = |k: usize| k < s.words.len() && s.clause_of_word[k] == clause && !s.definite(k) && !s.relational_adjective(k) && !lex.grammar.prepositions.contains(s.word(k)) && !lex.grammar.particles.contains(s.word(k)) && !s.items.iter().any(|x| matches!(x.kind, crate::syntax::ItemKind::Entity { .. }) && (x.first_word..=x.last_word).contains(&k));
                    if means(w) && (u.first_word == w + 1 || (u.first_word == w + 2 && s.relational_adjective(w + 1))) {
                        return true;
                    }
                }
                if p.agent_preps.is_empty() {
                    u.first_word - cw_last <= 2 && free(u)
                } else {
                    u.prep.as_ref().is_some_and(|x| p.agent_preps.contains(x))
                }
            });
            if let Some(u) = agent {
                r.agents = actor_members(lex, s, u);
                r.agent_source = "the name after the passive (or its agent preposition)";
            }
        }
    }
    r
}

/// Is `u` a place after the من of a share that one of the noun's own
/// prepositions opens right after it (السيطرة على 80 بالمئة من بلدة السوسة،
/// استعادة السيطرة على أجزاء واسعة من ريف حلب)? The act reaches the place.
/// Only words of a share (grammar.ron) or numbers stand between the
/// preposition and من, and only a place head between من and the name.
fn share_of_place(lex: &Lexicon, s: &Sentence, p: &Pattern, cue_last: usize, u: &Unit) -> bool {
    if u.prep.as_deref() != Some("من") || u.first_word < cue_last + 4 {
        return false;
    }
    let g = &lex.grammar;
    let Some(opens) = (cue_last + 1..(cue_last + 3).min(u.first_word)).find(|&k| p.object_preps.iter().any(|x| x == s.word(k) && x != "من" && x != "بين")) else { return false };
    let Some(of) = (opens + 2..u.first_word).rev().find(|&k| s.word(k) == "من") else { return false };
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c) || c == '%');
    let share = (opens + 1..of).all(|k| g.share_words.contains(s.word(k)) || number(s.word(k)) || g.quantities.contains(s.word(k)));
    let head = (of + 1..u.first_word).all(|k| g.place_heads.iter().any(|h| h == s.word(k)));
    share && head && of - opens <= 4 && s.clause_of_word[opens] == u.clause && !cue_between(s, cue_last, u.first_word)
}

/// The forces a verb of sending sends (أرسلت إيران مقاتلين من الحرس الثوري
/// إلى سوريا، دفع الجيش بتعزيزات من الفرقة الرابعة): named within six words
/// after `from`, bare or after من، ب، ل; they move too, and are added to the
/// agents. Returns where the object is sought from: past them, if found.
fn sent_forces(lex: &Lexicon, s: &Sentence, p: &Pattern, after: &[&Unit], from: usize, agent_unit: Option<usize>, r: &mut Roles) -> usize {
    let sent = after.iter().find(|u| {
        u.first_word > from && u.first_word - from <= 6 && Some(u.first_word) != agent_unit && matches!(u.prep.as_deref(), None | Some("من" | "ب" | "ل")) && !actor_members(lex, s, u).is_empty() && !other_cue_between(lex, s, p.relation, from, u.first_word)
    });
    let Some(u) = sent else { return from };
    for e in actor_members(lex, s, u) {
        if !r.agents.contains(&e) {
            r.agents.push(e);
        }
    }
    u.last_word
}

/// The one who denies the act a verbal noun at `cue_first` names: the
/// subject right after a denial verb a few words before it (نفت أنقرة
/// تقديم أي دعم), or right before it (أنقرة تنفي تقديم…), with no other
/// cue between.
/// The actor right after the nearest complementizer (أن) before word
/// `cue` in its clause, when no other free actor stands between them: the
/// subject of the verb that follows the أن.
fn carried_subject<'s>(lex: &Lexicon, s: &'s Sentence, cue: usize, clause: usize) -> Option<&'s Unit> {
    let k = (cue.saturating_sub(LIGHT_VERB_REACH)..cue).rev().find(|&k| s.clause_of_word[k] == clause && lex.grammar.complementizers.contains(s.word(k)))?;
    let u = s.units.iter().find(|u| u.first_word == k + 1 && u.clause == clause && free(u) && !actor_members(lex, s, u).is_empty())?;
    let other = s.units.iter().any(|v| v.first_word > u.last_word && v.last_word < cue && free(v) && !actor_members(lex, s, v).is_empty());
    // (nor another act between, whose object may be the one meant: ضغوط
    // على إيران أو دفعها للانسحاب; only another aim: لنقل عسكريين … لمساعدة)
    let act = s.items.iter().any(|it| matches!(it.kind, crate::syntax::ItemKind::Cue(_)) && it.first_word > u.last_word && it.last_word < cue && !matches!(it.mention.proclitic(s.text), "ل" | "لل"));
    (!other && !act).then_some(u)
}

pub fn denier<'s>(lex: &Lexicon, s: &'s Sentence, cue_first: usize, clause: usize) -> Option<&'s Unit> {
    let d = s.items.iter().rev().find(|it| it.last_word < cue_first && matches!(it.kind, crate::syntax::ItemKind::Denial))?;
    if d.clause != clause || cue_between(s, d.last_word, cue_first) {
        return None;
    }
    let actor = |u: &&Unit| free(u) && u.clause == clause && !actor_members(lex, s, u).is_empty();
    let after = s.units.iter().filter(actor).find(|u| u.first_word > d.last_word && u.last_word < cue_first && u.first_word - d.last_word <= 2);
    // (the reach is counted from the end of the denier's name when it
    // follows the denial, however long the name: نفى حزب العمال الكردستاني
    // أي دور له في الهجوم)
    if cue_first - after.map_or(d.last_word, |u| u.last_word) > if after.is_some() { 5 } else { 6 } {
        return None;
    }
    after.or_else(|| s.units.iter().rev().filter(actor).find(|u| u.last_word < d.first_word && d.first_word - u.last_word <= 2)).or_else(|| {
        // (a denial made in a statement is its issuer's: أصدرت الكتائب أمس
        // بياناً نفت فيه…)
        let noun = d.first_word.checked_sub(1).filter(|&k| lex.grammar.statement_nouns.contains(s.word(k).trim_start_matches(['و', 'ف'])))?;
        s.units.iter().rev().filter(actor).find(|u| u.last_word < noun && noun - u.last_word <= STATEMENT_REACH)
    })
}

/// Why a verb's agent is the name right after it; a ف-verb that goes on
/// with the subject before reads that name as the one it addresses.
pub const VSO_SOURCE: &str = "the subject right after the verb (VSO)";

/// Why a verbal noun's agent is the one who denies it; the denial verb's
/// subject is then the subject the next conjoined verb shares (نفت أنقرة
/// قصف عفرين، وطالبت واشنطن…).
pub const DENIER_SOURCE: &str = "the one who denies, for a verbal noun the denial governs";

/// How far before a statement noun (بياناً) its issuer may stand, past a
/// date: أصدرت الكتائب أمس الأحد 28 آب/أغسطس، بياناً.
const STATEMENT_REACH: usize = 8;

/// The unit a comitative (مع، بمشاركة، برفقة: grammar.ron) adds right
/// after the subject `u`: a second agent of the same act.
fn comitative<'s>(lex: &Lexicon, s: &'s Sentence, u: &Unit) -> Option<&'s Unit> {
    s.units.iter().find(|c| c.prep.as_ref().is_some_and(|p| lex.grammar.comitatives.contains(p)) && c.first_word > u.last_word && c.first_word - u.last_word <= 4 && c.clause == u.clause && !cue_between(s, u.last_word, c.first_word) && !actor_members(lex, s, c).is_empty())
}

/// How many words a light verb reaches forward to the noun it governs
/// (شنّت مقاتلات روسية انطلقت من قاعدة حميميم في ريف اللاذقية، منذ ساعات
/// الصباح الأولى، سلسلة غارات: 15), within its clause and not across أن.
pub const LIGHT_VERB_REACH: usize = 24;

/// The subject of a light verb (أجرى، عقد، شن، وقّع، أعلن) that governs the
/// noun cue at word `cue`: the nearest such verb before the cue in its
/// clause, not across أن; its subject right after it (VSO, however long
/// the name: أجرى وزير الخارجية الروسي سيرغي لافروف…) or right before it.
fn light_verb_subject<'s>(lex: &Lexicon, s: &'s Sentence, cue: usize, clause: usize) -> Option<&'s Unit> {
    let lv = governing_light_verb(lex, s, cue, clause)?;
    let actor = |u: &&Unit| !actor_members(lex, s, u).is_empty();
    // (a person's name may end a long title: أجرى المبعوث الدولي الخاص إلى
    // سورية كوفي عنان)
    let person = |u: &Unit| s.members(u).iter().any(|&e| lex.entities[e].kind == crate::lexicon::EntityKind::Person);
    let candidate = |u: &&Unit| u.first_word > lv && u.last_word < cue && (u.first_word - lv <= 4 || (u.first_word - lv <= 8 && person(u))) && free(u) && actor(u);
    // (the nisba of a title yields to the name that ends it: المبعوث الأممي
    // إلى سوريا غير بيدرسون)
    let vso = s.units.iter().find(candidate).map(|u| match s.units.iter().filter(candidate).find(|p| p.first_word > u.last_word && person(p)) {
        Some(p) if u.nisba && !person(u) && !cue_between(s, u.last_word, p.first_word) => p,
        _ => u,
    });
    // (a pronoun carried by أن is its clause's subject, whatever governs
    // the أن: شددت على أنها لم تقدم أي دعم)
    let carried = |u: &Unit| {
        let w = s.word(u.first_word);
        u.items.len() == 1 && lex.grammar.complementizers.iter().any(|c| w.strip_prefix(c.as_str()).is_some_and(|rest| !rest.is_empty() && lex.references.pronoun(rest).is_some()))
    };
    let svo = || s.units.iter().rev().find(|u| u.last_word < lv && lv - u.last_word <= 3 && u.clause == clause && (free_or_partitive(u) || carried(u)) && actor(u));
    vso.or_else(svo)
}

/// A verb without the pronoun that carries its object back (شنته، نفذتها،
/// عقداه → شنت، نفذت، عقدا).
fn without_object_suffix(word: &str) -> &str {
    ["هما", "هم", "ها", "ه"].iter().find_map(|x| word.strip_suffix(x)).unwrap_or(word)
}

/// The agents a relative clause on the noun ending at word `last` names
/// through a light verb (الاتفاق الذي توصلت إليه موسكو وأنقرة، العملية التي
/// نفذتها القوات التركية): the name after the verb, past its preposition
/// and pronoun; or, for a verb in the dual or plural with no name after it
/// (خلال اجتماع عقداه), the subject of the verb the clause hangs on. With
/// them, the last word of the clause's subject (or of the verb).
fn relative_light_verb_subject(lex: &Lexicon, s: &Sentence, last: usize, clause: usize, shared: Option<&Shared>) -> Option<(Vec<usize>, usize)> {
    let g = &lex.grammar;
    let in_clause = |w: usize| w < s.words.len() && s.clause_of_word[w] == clause;
    let verb = relative_light_verb(lex, s, last, clause)?;
    let word = s.word(verb);
    let bare = without_object_suffix(word);
    // (or members of it: الاجتماعات التي عقدها مسؤولون من البلدين)
    let members_of = |u: &Unit| u.prep.as_deref() == Some("من") && u.first_word == verb + 3 && g.members.contains(s.word(verb + 1));
    let after = s.units.iter().find(|u| u.first_word > verb && u.first_word - verb <= 3 && u.clause == clause && (u.prep.is_none() || members_of(u)) && !actor_members(lex, s, u).is_empty());
    if let Some(u) = after {
        return Some((actor_members(lex, s, u), u.last_word));
    }
    // «they (two) held it»: ـا or ـوا before the object pronoun; or «he held
    // it with…», the object's preposition right after the verb, which leaves
    // no room for a subject of its own (المحادثات التي أجراها مع الرئيس)
    let plural = bare.ends_with("ا") || bare.ends_with("و");
    let with_object = in_clause(verb + 1) && s.word(verb + 1) == "مع";
    shared.filter(|sh| (plural || with_object) && !sh.agents.is_empty() && sh.cue_last < last).map(|sh| (sh.agents.clone(), verb))
}

/// The light verb of a relative clause on the noun ending at word `last`
/// (الاتفاق الذي توصلت إليه، العملية التي نفذتها، ضربة جوية نفذها), or none.
fn relative_light_verb(lex: &Lexicon, s: &Sentence, last: usize, clause: usize) -> Option<usize> {
    let g = &lex.grammar;
    let in_clause = |w: usize| w < s.words.len() && s.clause_of_word[w] == clause;
    // (the verb carries the noun back as its object: شنته، نفذتها، عقداه; and
    // a final ى is written ا before a suffix: أجراها)
    let is_light = |w: usize| {
        let word = s.word(w);
        let bare = without_object_suffix(word);
        let maqsura = bare.strip_suffix('ا').map(|b| format!("{b}ي"));
        s.light_verb[w] || g.light_verbs.contains(bare) || maqsura.is_some_and(|m| g.light_verbs.contains(&m))
    };
    // (past an adjective or two: الهجوم الأخير الذي شنته)
    let mut w = last + 1;
    while in_clause(w) && w - last <= 2 && !s.word_in_item(w) && !g.relatives.contains(s.word(w)) && !is_light(w) {
        w += 1;
    }
    if !in_clause(w) {
        return None;
    }
    if g.relatives.contains(s.word(w)) {
        w += 1;
        if in_clause(w) && g.copulas.contains(s.word(w)) {
            w += 1;
        }
    } else if s.definite(last) || !(last + 1..w).all(|k| s.relational_adjective(k)) {
        // (without a relative pronoun only after an indefinite noun and its
        // adjectives: ضربة جوية نفذها النظام)
        return None;
    }
    if !in_clause(w) {
        return None;
    }
    is_light(w).then_some(w)
}

/// The word of the light verb that governs the noun at word `cue`: the
/// nearest one before it in its clause, not across أن.
pub fn governing_light_verb(lex: &Lexicon, s: &Sentence, cue: usize, clause: usize) -> Option<usize> {
    let mut w = cue;
    let stop = cue.saturating_sub(LIGHT_VERB_REACH);
    loop {
        if w == 0 || w <= stop {
            return None;
        }
        w -= 1;
        if s.clause_of_word[w] != clause || lex.grammar.complementizers.contains(s.word(w)) {
            return None;
        }
        if s.light_verb[w] {
            return Some(w);
        }
    }
}

/// The verb right after the noun cue `cue`, in its clause, of the noun's
/// relation and taking its object bare, with no pronoun suffix (not the
/// agent word of «هجوم شنه تنظيم داعش», nor «استهدفها»): the noun is its
/// subject (القصف استهدف…، غارات استهدفت…). Its pattern and last word.
fn predicate_verb<'l>(lex: &'l Lexicon, s: &Sentence, cue: usize, relation: usize) -> Option<(&'l Pattern, usize)> {
    let it = &s.items[cue];
    // (past the noun's adjectives, which agree with it: شنت غارات مكثفة
    // استهدفت…، بدأت قصفاً مدفعياً عنيفاً استهدف…)
    let g = &lex.grammar;
    let noun = s.word(it.last_word);
    let definite = s.definite(it.first_word);
    let adjective = |w: usize| {
        let word = s.word(w);
        !s.word_in_item(w)
            && s.clause_of_word[w] == it.clause
            && !g.prepositions.contains(word)
            && !g.particles.contains(word)
            && !g.time_words.contains(word)
            && !g.complementizers.contains(word)
            && !g.relatives.contains(word)
            && if definite { word.starts_with("ال") } else { !word.starts_with("ال") && (s.relational_adjective(w) || (noun.ends_with('ا') && word.ends_with('ا')) || (noun.ends_with('ه') && word.ends_with('ه'))) }
    };
    let mut from = it.last_word + 1;
    while from < s.words.len() && from - it.last_word <= 2 && adjective(from) && !s.items.iter().any(|n| n.first_word == from) {
        from += 1;
    }
    let next = s.items.get(cue + 1).filter(|n| n.first_word == from && n.clause == it.clause)?;
    let crate::syntax::ItemKind::Cue(ps) = &next.kind else { return None };
    if !next.mention.suffix(s.text).is_empty() || !next.mention.proclitic(s.text).is_empty() {
        return None;
    }
    ps.iter().map(|&k| &lex.patterns[k]).find(|q| q.shape == Shape::Verb && q.relation == relation && q.direct_object).map(|q| (q, next.last_word))
}

/// Do the words between a verb ending at `verb` and the name at `name`
/// hold a verbal noun of the verb's relation right after it and then only
/// its adjectives (استهدفتها ضربات جوية تركية، قصفتها غارات روسية)? The
/// name is then that act's agent, and the act the verb's subject.
fn act_then_agent(lex: &Lexicon, s: &Sentence, relation: usize, verb: usize, name: usize) -> bool {
    let Some(act) = s.items.iter().find(|x| x.first_word == verb + 1) else { return false };
    let crate::syntax::ItemKind::Cue(ps) = &act.kind else { return false };
    ps.iter().any(|&k| lex.patterns[k].shape == Shape::Noun && lex.patterns[k].relation == relation)
        && act.last_word < name
        && name - act.last_word <= 3
        && (act.last_word + 1..name).all(|w| s.relational_adjective(w) && !s.word_in_item(w))
}

/// The second side of «بين X من جهة، وY من جهة أخرى»: the unit right after
/// «من جهة» that follows `u`.
fn other_side<'s>(lex: &Lexicon, s: &'s Sentence, u: &Unit) -> Option<&'s Unit> {
    let w = u.last_word + 1;
    if w + 1 >= s.words.len() || s.word(w) != "من" || s.word(w + 1) != "جهه" {
        return None;
    }
    let _ = lex;
    s.units.iter().find(|o| o.first_word > w + 1 && o.first_word <= w + 4)
}

/// An agent word such as شنه up to three words before the unit (هجوم شنه
/// تنظيم داعش، اجتماع ضم قيادات من الحرس الثوري).
fn follows_agent_word(s: &Sentence, p: &Pattern, u: &Unit) -> bool {
    (u.first_word.saturating_sub(3)..u.first_word).any(|w| p.agent_preps.iter().any(|a| a == s.word(w)))
}

/// Does the agent unit satisfy the pattern's restriction (a kind, or a
/// head word before it such as وزير، وفد، نظيره)?
/// How many words before a hostile noun a verb of exchange may govern it
/// (تبادلت هيئة تحرير الشام وقوات النظام السوري القصف: 7).
const RECIPROCAL_REACH: usize = 10;

/// A hostile noun governed by a verb of exchange (grammar.ron:
/// reciprocal_words) whose subject is two or more actors: they struck
/// each other, and a place after it is where, not a target.
pub fn reciprocal(lex: &Lexicon, s: &Sentence, cue: usize, p: &Pattern, r: &mut Roles) {
    let rel = &lex.relations[p.relation];
    if p.shape != Shape::Noun || rel.family != crate::lexicon::model::Family::Hostile || r.agents.len() < 2 {
        return;
    }
    let it = &s.items[cue];
    let start = it.first_word.saturating_sub(RECIPROCAL_REACH);
    let exchanged = (start..it.first_word).rev().find(|&w| s.clause_of_word[w] == it.clause && lex.grammar.reciprocal_words.contains(s.word(w).trim_start_matches(['و', 'ف'])));
    let Some(v) = exchanged else { return };
    // (the subject stands between the verb and the noun, nothing else does)
    if other_cue_between(lex, s, p.relation, v, it.first_word) || cue_between(s, v, it.first_word) {
        return;
    }
    r.among = std::mem::take(&mut r.agents);
    r.patients.clear();
    r.mutual = true;
    r.agent_source = "the subject of a verb of exchange (تبادل): they struck each other";
    r.patient_source = "the subject of a verb of exchange (تبادل): they struck each other";
}

/// The victims an attack noun reaches through a report of casualties before
/// it (استشهد عضو في الحرس الثوري جراء غارة إسرائيلية، مقتل 33 جندياً تركياً
/// جراء ضربة نفذها النظام): the actors named between a word of death or
/// injury and the word of cause (جراء، في، خلال) before the noun are also
/// what it struck.
pub fn add_casualties(lex: &Lexicon, s: &Sentence, cue: usize, p: &Pattern, r: &mut Roles) {
    let rel = &lex.relations[p.relation];
    if p.shape != Shape::Noun || rel.family != crate::lexicon::model::Family::Hostile || rel.object != ObjectKind::Any {
        return;
    }
    let g = &lex.grammar;
    let it = &s.items[cue];
    let (first, clause) = (it.first_word, it.clause);
    // (the cause: a word right before the noun, or its ب: بضربة جوية)
    let caused = it.mention.proclitic(s.text).trim_start_matches(['و', 'ف']) == "ب" || (first > 0 && g.cause_words.contains(s.word(first - 1)));
    if !caused {
        return;
    }
    let start = first.saturating_sub(CASUALTY_REACH);
    let Some(death) = (start..first).rev().find(|&w| s.clause_of_word[w] == clause && g.casualty_words.contains(s.word(w).trim_start_matches(['و', 'ف']))) else {
        return;
    };
    // the actor after ل right after the noun and its adjectives is the one
    // who struck, the victims standing before (قتل مدنيون في ريف اللاذقية
    // بقصف مدفعي مكثف لقوات النظام: the regime's shelling, not one on it;
    // not «بقصف لمواقع داعش», whose ل is on the head noun of the target)
    let last = it.last_word;
    if r.agents.is_empty() {
        // (the ل on the name, or on the head noun a nisba describes: بقصف
        // مدفعي للجيش التركي)
        let head_with_l = |k: usize| { let w = s.word(k); w.strip_prefix("لل").or_else(|| w.strip_prefix('ل')).is_some_and(|b| g.actor_heads.iter().any(|h| h == b)) };
        let by = s.units.iter().find(|u| {
            let start = if u.nisba && u.first_word > last + 1 && head_with_l(u.first_word - 1) { u.first_word - 1 } else { u.first_word };
            u.clause == clause && u.first_word > last && start - last <= 3 && u.prep.as_deref() == Some("ل") && s.word(start).starts_with('ل') && (last + 1..start).all(|k| !s.word_in_item(k) && !g.prepositions.contains(s.word(k)) && !s.word(k).starts_with(['ل', 'ب']))
        });
        let m = by.map(|u| actor_members(lex, s, u)).unwrap_or_default();
        if !m.is_empty() {
            r.patients.retain(|e| !m.contains(e));
            r.agents = m;
            r.agent_source = "the actor after ل right after a noun of attack that caused the casualties before it (بقصف مدفعي لقوات النظام)";
        }
    }
    for u in s.units.iter().filter(|u| u.first_word > death && u.last_word < first && u.clause == clause) {
        for e in actor_members(lex, s, u) {
            if !r.patients.contains(&e) && !r.agents.contains(&e) && lex.entities[e].kind.is_actor() {
                if r.patients.is_empty() {
                    r.patient_source = "the victims named in the report of casualties before the noun (مقتل … جراء غارة)";
                }
                r.patients.push(e);
            }
        }
        // (and where they fell, a town or a region, not a whole country:
        // قتل مدنيون في ريف اللاذقية … بقصف; not in a clash, which two sides
        // fight there: مصرع عناصر من الحرس في حلب خلال اشتباكات مع المعارضة)
        if r.agents.is_empty() || r.mutual || !u.prep.as_ref().is_some_and(|x| g.locatives.contains(x)) {
            continue;
        }
        for e in object_members(lex, s, u, ObjectKind::Place) {
            if lex.entities[e].kind == crate::lexicon::EntityKind::Place && !r.patients.contains(&e) {
                if r.patients.is_empty() {
                    r.patient_source = "where the casualties fell, named before the noun of attack (قتل مدنيون في ريف اللاذقية بقصف)";
                }
                r.patients.push(e);
            }
        }
    }
}

/// How far before an attack noun a word of death or injury may stand.
const CASUALTY_REACH: usize = 14;

/// The person who heads a delegation `u` (وفد روسي برئاسة نائب رئيس الوزراء
/// يوري بوريسوف): named after a word of leading right after it. It is the
/// one who travels and meets, and a person may visit where troops deploy.
fn delegation_head<'s>(lex: &Lexicon, s: &'s Sentence, u: &Unit) -> Option<&'s Unit> {
    let g = &lex.grammar;
    if !(u.first_word.saturating_sub(3)..=u.last_word).any(|w| s.clause_of_word[w] == u.clause && g.delegations.contains(s.word(w))) {
        return None;
    }
    let lead = (u.last_word + 1..(u.last_word + 4).min(s.words.len())).find(|&w| s.clause_of_word[w] == u.clause && g.leader_words.contains(s.word(w)))?;
    s.units.iter().find(|h| h.first_word > lead && h.first_word - lead <= 6 && h.clause == u.clause && s.members(h).iter().any(|&e| lex.entities[e].kind == crate::lexicon::EntityKind::Person))
}

pub fn agent_allowed(lex: &Lexicon, s: &Sentence, p: &Pattern, u: &Unit) -> bool {
    if !p.restricted() {
        return true;
    }
    let kinds = s.members(u).iter().any(|&e| p.agent_kinds.contains(&lex.entities[e].kind));
    let heads = (u.first_word.saturating_sub(2)..u.first_word).any(|w| {
        let word = s.word(w);
        p.agent_heads.iter().any(|h| word == h || word.strip_prefix("ال") == Some(h.as_str()) || word.starts_with(h.as_str()) && word.len() <= h.len() + 4)
    });
    kinds || heads
}

/// The patient of a verb: the first unit after `from` within the window,
/// bare if the pattern takes a direct object, else after one of its
/// prepositions; not past an embedded clause, the next cue or a new clause.
#[allow(clippy::too_many_arguments)]
fn verb_patient(lex: &Lexicon, s: &Sentence, p: &Pattern, rel: &crate::lexicon::model::RelationDef, after: &[&Unit], from: usize, w: usize, agent_unit: Option<usize>, r: Roles) -> Roles {
    // a direct object may be genitive (رتلا لقوات النظام) or partitive
    // (الفلول المتبقية من داعش) when من is not itself the pattern's
    // preposition
    // a member stands for the group (قتل قائد في الحرس الثوري، عناصر من حزب الله)
    // (definite too, as the object of a verb: قتلت قسد القيادي في تنظيم الدولة)
    // (the preposition may stand before the name's head noun: القيادي في
    // تنظيم داعش)
    let member = |u: &Unit| {
        let Some(prep) = u.prep.as_deref().filter(|x| matches!(*x, "من" | "في")) else { return false };
        let at = (u.first_word.saturating_sub(2)..u.first_word).rev().find(|&k| s.word(k) == prep && (k + 1..u.first_word).all(|h| lex.grammar.actor_heads.iter().any(|x| x == s.word(h))));
        at.is_some_and(|at| at >= 1 && {
            let k = at - 1;
            s.member_word(lex, k) || s.word(k).strip_prefix("ال").is_some_and(|bare| lex.grammar.members.contains(bare))
        })
    };
    // a meeting that is itself the direct object, named by a noun of the
    // same relation (استضافت الدوحة اجتماعاً جمع…، استقبلت عمّان قمة
    // بين…): the names after it are that noun's parties, not the host's
    // (a hostile verb shares its object with its noun: تشن غارات على إدلب)
    // (past words of time: استضافت الدوحة، أمس، اجتماعاً)
    let g = &lex.grammar;
    let next = (from + 1..s.words.len()).find(|&k| !g.time_adverbs.contains(s.word(k)) && !g.time_words.contains(s.word(k))).unwrap_or(from + 1);
    let event = p.direct_object && rel.symmetric && s.items.iter().any(|x| x.first_word == next && matches!(&x.kind, crate::syntax::ItemKind::Cue(ps) if ps.iter().any(|&q| lex.patterns[q].relation == p.relation && lex.patterns[q].shape == Shape::Noun)));
    if event {
        return r;
    }
    let accept = |u: &Unit| match &u.prep {
        Some(x) => p.object_preps.contains(x) || (p.direct_object && (x == "ل" || member(u) || (x == "من" && u.first_word > from + 2 && !p.object_preps.iter().any(|o| o == "من")))),
        None => p.direct_object,
    };
    // (the parenthetical may itself hold the object: وصل بوتين، إلى
    // طهران، اليوم)
    let r = find_patient(lex, s, rel, after, from, true, w, agent_unit, &accept, r);
    let past = past_parenthetical(s, from);
    let r = if !r.patients.is_empty() || past == from { r } else { find_patient(lex, s, rel, after, past, true, w, agent_unit, &accept, r) };
    if !r.patients.is_empty() || rel.object != ObjectKind::Place {
        return r;
    }
    past_description(lex, s, p, rel, from, r)
}

/// Where forces go may follow a description of them between commas, or a
/// relative clause closed by one, after the subject or the object (دفعت
/// قوات النظام بتعزيزات عسكرية، تضم دبابات ومئات العناصر، إلى محيط درعا؛
/// دخلت قوات من الحشد التي سيطرت، مع القوات العراقية، على القائم، إلى
/// الداخل السوري): the first place after a later comma that one of the
/// pattern's own prepositions introduces, within [`DESCRIPTION_REACH`] words.
fn past_description(lex: &Lexicon, s: &Sentence, p: &Pattern, rel: &crate::lexicon::model::RelationDef, from: usize, mut r: Roles) -> Roles {
    let comma_before = |k: usize| k > 0 && k < s.words.len() && s.text[s.words[k - 1].end..s.words[k].start].contains(['،', ',']);
    let names = |a: usize, b: usize| s.items.iter().any(|x| x.first_word >= a && x.first_word < b && matches!(x.kind, crate::syntax::ItemKind::Entity { .. }));
    let Some(open) = (from + 1..(from + 5).min(s.words.len())).find(|&k| comma_before(k) || lex.grammar.relatives.contains(s.word(k))) else { return r };
    if names(from + 1, open) {
        return r;
    }
    for c in (open + 1..(open + DESCRIPTION_REACH).min(s.words.len())).filter(|&c| comma_before(c)) {
        // (the window of `after` is too short for a description)
        let clause = s.clause_of_word[from];
        let found = s.units.iter().find(|u| u.clause == clause && u.first_word >= c && u.first_word <= c + 2 && u.prep.as_ref().is_some_and(|x| p.object_preps.contains(x) && x != "بين") && !names(c, u.first_word));
        if let Some(u) = found {
            let m = object_members(lex, s, u, rel.object);
            if !m.is_empty() {
                r.patients = m;
                r.patient_source = "the place after the description between commas that follows the subject or object";
                return r;
            }
        }
    }
    r
}

/// How many words a description between commas may hold.
const DESCRIPTION_REACH: usize = 20;

/// How far a parenthetical between two commas right after word `from`
/// reaches (سيطرت قوات النظام، بعد معارك عنيفة مع الفصائل، على المدينة؛
/// طالب بيان مشترك، صدر في ختام مباحثات في عمّان، إيران بسحب…): its last
/// word, so that an object is sought past it; `from` when none opens there.
/// It opens with no name and no cue (a name after the comma is the object:
/// اتهمت روسيا، الولايات المتحدة) and spans at most
/// [`PARENTHETICAL_REACH`] words of one clause.
fn past_parenthetical(s: &Sentence, from: usize) -> usize {
    let comma_before = |w: usize| w > 0 && w < s.words.len() && s.text[s.words[w - 1].end..s.words[w].start].contains(['،', ',']);
    // (past an adjective of the subject's: بيان أمريكي أردني مشترك، صدر…)
    let starts_item = |w: usize| s.items.iter().any(|it| it.first_word == w);
    // (or two: ضربة جوية دقيقة، مساء الأحد، على…)
    let Some(open) = [from + 1, from + 2, from + 3].into_iter().find(|&w| comma_before(w) && (from + 1..w).all(|k| !starts_item(k) && !comma_before(k))) else {
        return from;
    };
    if starts_item(open) {
        return from;
    }
    let clause = s.clause_of_word[open];
    (open + 1..s.words.len().min(open + PARENTHETICAL_REACH))
        .take_while(|&w| s.clause_of_word[w] == clause)
        .find(|&w| comma_before(w))
        .map_or(from, |close| close - 1)
}

/// How many words a parenthetical between commas may hold.
const PARENTHETICAL_REACH: usize = 16;

/// The first unit after word `from`, within `w` words, that `accept`s and
/// is of the relation's object kind; the search stops at an embedded clause
/// (أن), the next predicate or a new clause. For a verb (`verb`), the
/// object may be headed by a verbal noun right after the verb or its
/// subject (تدعم الغارات الروسية، تصدت قوات النظام لهجوم داعش).
#[allow(clippy::too_many_arguments)]
fn find_patient(lex: &Lexicon, s: &Sentence, rel: &crate::lexicon::model::RelationDef, after: &[&Unit], from: usize, verb: bool, w: usize, agent_unit: Option<usize>, accept: impl Fn(&Unit) -> bool, mut r: Roles) -> Roles {
    for u in after.iter().filter(|u| u.first_word > from && Some(u.first_word) != agent_unit && !(verb && s.nisba_of_cue(u))) {
        // (nor past a relative pronoun: what follows it describes the noun
        // before it, مواقع حزب الله الذي تدعمه إيران)
        let relative_between = (from + 1..u.first_word).any(|k| lex.grammar.relatives.contains(s.word(k)));
        if u.first_word - from > w || complementizer_between(lex, s, from, u.first_word) || predicate_between(lex, s, from, u.first_word, verb) || s.soft_break_between(from, u.first_word) || relative_between {
            break;
        }
        // (a name right after a participle on the subject is that
        // participle's: قصفت قوات النظام المتمركزة في مدينة حماة مواقع…)
        let participle_owns = s.items.iter().any(|it| {
            let crate::syntax::ItemKind::Cue(ps) = &it.kind else { return false };
            it.first_word > from && it.last_word < u.first_word && u.first_word - it.last_word <= 3 && ps.iter().all(|&p| lex.patterns[p].shape == Shape::Participle)
        });
        if !accept(u) || (verb && participle_owns) {
            continue;
        }
        let m = object_members(lex, s, u, rel.object);
        if m.is_empty() {
            r.wrong_kind = true;
            continue;
        }
        r.patients = m;
        r.patient_source = match &u.prep {
            None => "the direct object after the verb",
            Some(_) if verb => "the object after the verb's preposition",
            Some(_) => "the object after the noun's preposition",
        };
        if rel.object == ObjectKind::Any {
            extend_struck(lex, s, after, u, &mut r);
        }
        break;
    }
    if r.patients.is_empty() && rel.object == ObjectKind::Place {
        r = place_behind_head(lex, s, after, from, w, accept, r);
    }
    r
}

/// What else an attack reaches past its first object `u`: a second object
/// joined by و whose head names its owner (استهدفت مطار دمشق ومستودعات لحزب
/// الله), and the place where an actor's sites were struck (مواقع تابعة لحزب
/// الله في مدينة القصير).
fn extend_struck(lex: &Lexicon, s: &Sentence, after: &[&Unit], u: &Unit, r: &mut Roles) {
    // (not past an object that is the agent itself, which coreference may
    // still set right: قصفت طائرات التحالف مواقعه)
    if r.patients.iter().all(|e| r.agents.contains(e)) {
        return;
    }
    let mut last = u.last_word;
    // (a state counts as the owner of a site its nisba describes: القنصلية
    // الإيرانية في دمشق، مواقع إيرانية في دير الزور)
    let mut actor_seen = s.members(u).iter().any(|&e| lex.entities[e].kind.is_actor() && (lex.entities[e].kind != crate::lexicon::EntityKind::State || u.nisba));
    for v in after.iter().filter(|v| v.first_word > u.last_word) {
        let gap = v.first_word - last;
        if gap > 4 || cue_between(s, last, v.first_word) || s.soft_break_between(last, v.first_word) || s.text[s.words[last].end..s.words[v.first_word].start].contains(['،', ',']) {
            break;
        }
        let joined_owner = v.prep.as_deref() == Some("ل") && s.word(last + 1).starts_with('و') && !s.word_in_item(last + 1);
        let place = v.prep.as_ref().is_some_and(|p| lex.grammar.locatives.contains(p)) && actor_seen;
        let members = if joined_owner {
            actor_members(lex, s, v)
        } else if place {
            // (a town or a region, not a whole country: مواقع لحزب الله في
            // سوريا says where the actor is, not a place struck)
            object_members(lex, s, v, ObjectKind::Place).into_iter().filter(|&e| lex.entities[e].kind == crate::lexicon::EntityKind::Place).collect()
        } else {
            break;
        };
        if members.is_empty() {
            break;
        }
        for e in members {
            if !r.patients.contains(&e) && !r.agents.contains(&e) {
                r.patients.push(e);
            }
        }
        actor_seen |= joined_owner;
        last = v.last_word;
        if place {
            break;
        }
    }
}

/// A place after a preposition of place, behind the head noun that the
/// cue's own preposition (or direct object) governs and that names nothing
/// (انسحبوا من مواقعهم في محيط مدينة أريحا، أخلت مقارها في الميادين): the
/// head is a spot in that place, so the act reaches the place.
fn place_behind_head(lex: &Lexicon, s: &Sentence, after: &[&Unit], from: usize, w: usize, accept: impl Fn(&Unit) -> bool, mut r: Roles) -> Roles {
    // (past a time: انسحبوا فجر اليوم من مواقعهم)
    // (and past a time with its noun and adjective: أخلى الحرس خلال الأيام
    // الماضية مقاره في الميادين)
    let mut head_word = from + 1;
    while head_word < s.words.len() && lex.grammar.time_words.contains(s.word(head_word)) {
        let governs = lex.grammar.prepositions.contains(s.word(head_word));
        head_word += 1;
        if governs && head_word + 1 < s.words.len() && !s.word_in_item(head_word) && !lex.grammar.time_words.contains(s.word(head_word)) {
            // its noun, and the adjective that agrees with a definite one
            let definite = s.word(head_word).starts_with("ال");
            head_word += 1;
            if definite && s.word(head_word).starts_with("ال") && !s.word_in_item(head_word) {
                head_word += 1;
            }
        }
    }
    // (the head noun itself may be a possessive that names its owner:
    // مواقعهم; the place is the next unit)
    if head_word >= s.words.len() {
        return r;
    }
    let noun = if lex.grammar.prepositions.contains(s.word(head_word)) { head_word + 1 } else { head_word };
    // (a landmark after a preposition of nearness may stand between the
    // head and its place: نقاط له بالقرب من نهر الفرات ببلدة البوكمال; the
    // place is the one after it, in or at)
    let g = &lex.grammar;
    let nearness = |k: usize| (1..=3).rev().find(|&n| k + n <= s.words.len() && s.clause_of_word[k + n - 1] == s.clause_of_word[k] && g.proximity_preps.contains(&s.text[s.words[k].start..s.words[k + n - 1].end])).unwrap_or(0);
    let landmark = (noun + 1..(noun + 4).min(s.words.len())).find_map(|k| Some((k, nearness(k))).filter(|x| x.1 > 0));
    let u = match landmark {
        Some((k, n)) => after.iter().find(|u| u.first_word > k + n && u.first_word - (k + n) <= 5 && u.prep.as_deref().is_some_and(|x| matches!(x, "في" | "ب"))),
        None => after.iter().find(|u| u.first_word > noun),
    };
    let Some(u) = u else { return r };
    // (the landmark's words count for nothing)
    let skipped = landmark.map_or(0, |(k, _)| {
        let mut start = u.first_word;
        while start > k + 1 && { let x = s.word(start - 1); let bare = x.strip_prefix(['ب', 'ف']).unwrap_or(x); g.prepositions.contains(x) || g.place_heads.iter().any(|h| h == x || h == bare) } {
            start -= 1;
        }
        start - k
    });
    if u.first_word - from - skipped > w.max(8) || head_word >= u.first_word || s.items.iter().any(|x| (x.first_word..=x.last_word).contains(&head_word) && !matches!(x.kind, crate::syntax::ItemKind::Entity { via: Some(_), .. } | crate::syntax::ItemKind::Reference(_))) {
        return r;
    }
    let prep_word = s.word(head_word);
    let probe = Unit { items: Vec::new(), first_word: head_word, last_word: head_word, clause: u.clause, prep: lex.grammar.prepositions.iter().find(|p| p.as_str() == prep_word).cloned(), nisba: false };
    let head_is_slot = accept(&probe) || ["ب", "ل"].iter().any(|p| prep_word.starts_with(p) && accept(&Unit { prep: Some(p.to_string()), ..probe.clone() }));
    // (the place phrase follows the head and its adjective at once: one
    // preposition between them, its own)
    let mut phrase = u.first_word;
    while phrase > head_word + 1 && {
        let k = s.word(phrase - 1);
        let bare = k.strip_prefix(['ب', 'ف']).unwrap_or(k);
        lex.grammar.prepositions.contains(k) || lex.grammar.place_heads.iter().any(|h| h == k || h == bare)
    } {
        phrase -= 1;
    }
    let preps_between = (head_word + 1..landmark.map_or(phrase, |(k, _)| k.min(phrase))).filter(|&k| lex.grammar.prepositions.contains(s.word(k))).count();
    if !head_is_slot || preps_between > 0 || u.first_word - head_word - skipped > 6 || !u.prep.as_ref().is_some_and(|p| lex.grammar.locatives.contains(p)) || complementizer_between(lex, s, from, u.first_word) || cue_between(s, from, u.first_word) || s.soft_break_between(from, u.first_word) {
        return r;
    }
    let mut m = object_members(lex, s, u, ObjectKind::Place);
    if !m.is_empty() {
        m.extend(joined_spot(lex, s, after, s.word(noun), u).into_iter().filter(|e| !m.contains(e) && !r.agents.contains(e)).collect::<Vec<_>>());
        r.patients = m;
        r.patient_source = "the place after a preposition of place, behind the head noun the cue's preposition governs";
    }
    r
}

/// A second spot joined by و right after the place `u` of a first one,
/// named by the same head noun or by «another» (أخلى مقراً له ببلدة
/// العشارة، ومقر على ضفاف الفرات ببلدة الميادين؛ من مقر في بادية الدوير
/// وآخر في بلدة العباس), with a place of its own after في or ب within a
/// few words: the act reaches that place too.
fn joined_spot(lex: &Lexicon, s: &Sentence, after: &[&Unit], head: &str, u: &Unit) -> Vec<usize> {
    let next = u.last_word + 1;
    if next >= s.words.len() || s.clause_of_word[next] != u.clause || s.word_in_item(next) {
        return Vec::new();
    }
    let Some(joined) = s.word(next).strip_prefix('و') else { return Vec::new() };
    // (the same noun, whatever its case ending: مقراً … ومقر)
    let stem = |w: &str| w.chars().take(3).collect::<String>();
    let same = head.chars().count() >= 3 && stem(joined) == stem(head);
    if !(same || lex.grammar.another_words.contains(joined)) {
        return Vec::new();
    }
    let Some(v) = after.iter().find(|v| v.first_word > next && v.first_word - next <= JOINED_SPOT_REACH && v.prep.as_deref().is_some_and(|x| matches!(x, "في" | "ب"))) else { return Vec::new() };
    if cue_between(s, next, v.first_word) || s.soft_break_between(next, v.first_word) || v.clause != u.clause {
        return Vec::new();
    }
    object_members(lex, s, v, ObjectKind::Place).into_iter().filter(|&e| lex.entities[e].kind == crate::lexicon::EntityKind::Place).collect()
}

/// How many words the second spot's place may stand after its و.
const JOINED_SPOT_REACH: usize = 6;
