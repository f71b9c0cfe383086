//! The lexicon as the rest of the pipeline sees it: entities with their
//! surface forms, relations with the patterns that express them, and the
//! small closed classes of Arabic grammar (proclitics, negators) that the
//! matcher and the extractor need. Everything here is data read from RON;
//! adding an actor, an alias or a cue never needs a Rust change.

use serde::{Deserialize, Serialize};

/// What kind of thing an entity is. States are actors and places at once
/// ("withdrew from Syria" has the object `syria`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    State,
    ArmedGroup,
    Organization,
    Person,
    Place,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::State => "state",
            EntityKind::ArmedGroup => "armed_group",
            EntityKind::Organization => "organization",
            EntityKind::Person => "person",
            EntityKind::Place => "place",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        Some(match s {
            "state" => EntityKind::State,
            "armed_group" => EntityKind::ArmedGroup,
            "organization" => EntityKind::Organization,
            "person" => EntityKind::Person,
            "place" => EntityKind::Place,
            _ => return None,
        })
    }

    /// Can this entity do something (be the subject of a claim)?
    pub fn is_actor(self) -> bool {
        !matches!(self, EntityKind::Place)
    }

    /// Can this entity be somewhere one goes to, leaves or controls?
    pub fn is_place(self) -> bool {
        matches!(self, EntityKind::Place | EntityKind::State)
    }
}

/// One entity of an `entities/*.ron` file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EntityDef {
    /// Stable id (`iran`, `quds_force`); ids of `entities.tsv` must not change.
    pub id: String,
    pub kind: EntityKind,
    /// The entity this one belongs to (Quds Force -> IRGC -> Iran).
    #[serde(default)]
    pub parent: Option<String>,
    /// English label, shown to readers who do not read Arabic.
    pub en: String,
    /// Arabic label, as a journalist writes it.
    pub ar: String,
    /// Every surface form, as written (the matcher normalises them and adds
    /// the proclitics و ف ب ل ك ال لل itself).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Masculine singular nisba adjectives (إيراني). The loader inflects each
    /// into -ة -ون -ين -ان -تان -تين, so القوات الإيرانية and مسؤولون إيرانيون
    /// both name the entity.
    #[serde(default)]
    pub nisba: Vec<String>,
    /// For a capital or a seat of power used as the state's voice
    /// (طهران تعلن، موسكو تستعجل): when it is the agent, the claim names this
    /// entity instead.
    #[serde(default)]
    pub agent_as: Option<String>,
    /// For a group that is only its members (the Astana guarantors: Russia,
    /// Turkey, Iran): the ids of those members. A claim about the group is
    /// a claim about each of them, made through the group's name.
    #[serde(default)]
    pub members: Vec<String>,
    /// Free text for curators: sources, disambiguation.
    #[serde(default)]
    pub note: Option<String>,
}

/// Which family a relation belongs to; drives colours and query filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Hostile,
    Cooperative,
    Movement,
    Diplomatic,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Hostile => "hostile",
            Family::Cooperative => "cooperative",
            Family::Movement => "movement",
            Family::Diplomatic => "diplomatic",
        }
    }
}

/// What may fill the object slot of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectKind {
    /// An actor (anything but a plain place).
    Actor,
    /// A place (a state counts as the place it names).
    Place,
    /// Either.
    Any,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelationDef {
    /// One of the ids of SPEC.md (`attacked`, `met_with`...).
    pub id: String,
    /// English verb for edge labels ("attacked").
    pub en: String,
    /// Arabic label for edge labels.
    pub ar: String,
    /// Symmetric relations are stored once per unordered pair.
    #[serde(default)]
    pub symmetric: bool,
    pub family: Family,
    pub object: ObjectKind,
}

/// How a cue relates to its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// A finite verb (هاجم، يهاجم). The agent is its subject, before it (SVO)
    /// or right after it (VSO); the patient follows, bare or after one of
    /// `object_preps`.
    Verb,
    /// A verbal noun (هجوم، مقتل، انسحاب، مفاوضات). The agent is a genitive or
    /// nisba right after it, or follows one of `agent_preps`; the patient
    /// follows one of `object_preps`. A subject before a light verb
    /// (شنت إسرائيل هجوما) is also taken.
    Noun,
    /// A passive or participle phrase (المدعومة من، تحت سيطرة): the patient
    /// stands before the cue and the agent follows it.
    Passive,
    /// An active participle used as an adjective (المنسحبة من، المساندة
    /// لـ): the agent is the noun it follows, the patient comes after.
    Participle,
}

/// One way of saying a relation.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PatternDef {
    /// Unique, e.g. `attacked.verb`, shown by `explain`.
    pub id: String,
    pub relation: String,
    pub shape: Shape,
    /// Every form, as written (nouns, participles, irregular verbs).
    #[serde(default)]
    pub forms: Vec<String>,
    /// Prepositions that introduce the patient (على، ضد، من، إلى). Empty: the
    /// patient is a direct object (or genitive, for nouns).
    #[serde(default)]
    pub object_preps: Vec<String>,
    /// Whether a bare (unprepositioned) patient is accepted as well.
    #[serde(default)]
    pub direct_object: bool,
    /// Prepositions that introduce the agent of a noun or passive
    /// (من قبل، من، شنه).
    #[serde(default)]
    pub agent_preps: Vec<String>,
    /// How many words away from the cue an argument may stand.
    #[serde(default)]
    pub window: Option<usize>,
    /// Past-tense stems (هاجم، انسحب): the loader conjugates them
    /// (هاجمت، هاجموا، هاجما، هاجمتا).
    #[serde(default)]
    pub past: Vec<String>,
    /// Present-tense stems without the prefix letter (هاجم for يهاجم): the
    /// loader adds ي ت ن and the plural and dual endings.
    #[serde(default)]
    pub present: Vec<String>,
    /// For nouns: what a name right after the noun is. `agent` for انسحاب
    /// القوات (the forces withdraw), `patient` for مقتل القائد or دعم النظام.
    #[serde(default)]
    pub genitive: Genitive,
    /// Only when the agent is of one of these kinds, or its name follows one
    /// of `agent_heads` (so وصل is `visited` for a minister or a delegation,
    /// and `deployed_to` for troops). Empty: any actor.
    #[serde(default)]
    pub agent_kinds: Vec<EntityKind>,
    #[serde(default)]
    pub agent_heads: Vec<String>,
    /// For nouns: what a nisba right after the noun is. `agent` for دعم روسي
    /// (Russian support), `patient` for مقتل ضابط روسي.
    #[serde(default)]
    pub nisba_role: Genitive,
    /// For verbs of sending (أرسل، دفع بـ، زج): the actor sent, named between
    /// the verb and the place, moves there too (أرسلت إيران مقاتلين من الحرس
    /// الثوري إلى سوريا: the IRGC deployed as well as Iran).
    #[serde(default)]
    pub object_moves: bool,
    /// A reading that stands beside another relation's reading of the same
    /// cue (طرد: the expeller attacked the enemy and holds the place).
    #[serde(default)]
    pub alongside: bool,
}

/// The role of a genitive after a verbal noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Genitive {
    #[default]
    Agent,
    Patient,
}

/// `relations.ron`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelationsFile {
    pub relations: Vec<RelationDef>,
    pub patterns: Vec<PatternDef>,
}

/// `grammar.ron`: the closed classes the matcher and extractor rely on.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GrammarFile {
    /// Proclitic chains that may stand before a name (و، ف، ب، ل، ك، ال، لل،
    /// وال، بال...). Each is a whole chain, not a letter.
    pub proclitics: Vec<String>,
    /// Pronoun suffixes a cue may carry (هاجمها، سحبت قواتها).
    pub cue_suffixes: Vec<String>,
    /// Suffixes a cue may carry only after the plural ـات, where they
    /// cannot be a folded taa marbuta (هجماته، غاراته: ـه).
    #[serde(default)]
    pub plural_cue_suffixes: Vec<String>,
    /// Particles that negate the cue they stand before (لم، لن، لا، عدم، غير).
    pub negators: Vec<String>,
    /// Words that cancel a negator right before them (لا يزال، لا سيما).
    #[serde(default)]
    pub negator_breakers: Vec<String>,
    /// Verbs of denial that negate the claim they report (نفى، تنفي).
    pub denials: Vec<String>,
    /// Predicates that call false what stands before them in their clause
    /// (الحديث عن انسحاب القوات عارٍ عن الصحة، لا أساس له من الصحة).
    #[serde(default)]
    pub falsity_predicates: Vec<String>,
    /// How many words before a cue a negator may stand.
    pub negator_window: usize,
    /// Prepositions, one or two words (في، من، على، من قبل، على يد): they mark
    /// which slot the name after them fills.
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Words that end a clause: an argument is not sought across them.
    #[serde(default)]
    pub clause_breaks: Vec<String>,
    /// Relative pronouns: their antecedent is the subject of the verb after.
    #[serde(default)]
    pub relatives: Vec<String>,
    /// Particles and adverbs that may stand right before a verb and are no
    /// noun (قد، سوف، أيضاً، أمس): an indefinite noun right before a verb
    /// makes it a relative clause (مسلحين تدعمهم إيران), these do not.
    #[serde(default)]
    pub particles: Vec<String>,
    /// Prepositions that name the agent of a passive (من قبل، على يد): a
    /// verb with no subject and an actor after one of these is a passive
    /// written without its vowels.
    #[serde(default)]
    pub agent_preps: Vec<String>,
    /// Verbs of going on (واصل، استمر), as their present stem without its
    /// prefix: in the future they still state what happens now.
    #[serde(default)]
    pub aspect_verbs: Vec<String>,
    /// Words of time that may follow a verb (مساء، أمس، الثلاثاء): a verb
    /// opening its sentence and followed by one has no subject of its own.
    #[serde(default)]
    pub time_words: Vec<String>,
    /// Words of time that may stand between a verb and its subject
    /// (دخلت أمس الأربعاء قوات من الحشد).
    #[serde(default)]
    pub time_adverbs: Vec<String>,
    /// Connectives that go on about the same actor (حيث، كما): a verb right
    /// after one with no subject of its own has the clause before's.
    #[serde(default)]
    pub subject_continuations: Vec<String>,
    /// Words of sequence (ثم) before a verb that goes on with the subject
    /// of the verb before it.
    #[serde(default)]
    pub sequels: Vec<String>,
    /// Prepositions of nearness (قرب، بالقرب من): the place after one is a
    /// landmark near the spot, not the spot's place.
    #[serde(default)]
    pub proximity_preps: Vec<String>,
    /// Delegations (وفد), and the words that name the person leading one
    /// (برئاسة): that person is the one who visits.
    #[serde(default)]
    pub delegations: Vec<String>,
    #[serde(default)]
    pub leader_words: Vec<String>,
    /// Nouns whose possessor's state is meant (قوات بلاده: his country's
    /// forces, the state of the person the suffix stands for).
    #[serde(default)]
    pub homeland_nouns: Vec<String>,
    /// Words after which a noun stands, never a verb (أي دعم، دون إسناد،
    /// عدم تدخل): a form that is both is read as the noun.
    #[serde(default)]
    pub noun_governors: Vec<String>,
    /// Words of ending (بإنهاء، بوقف): the act after one goes on, so a
    /// demand to end it still states it.
    #[serde(default)]
    pub cessation_words: Vec<String>,
    /// Words of death or injury (مقتل، استشهد) and of cause (جراء، في):
    /// the actors between them and an attack noun are what it struck.
    #[serde(default)]
    pub casualty_words: Vec<String>,
    /// Verbs of exchange (تبادل): the coordinated subject of one that
    /// governs a hostile noun attack each other (تبادلت الهيئة وقوات النظام
    /// القصف).
    #[serde(default)]
    pub reciprocal_words: Vec<String>,
    /// Pronouns that link the subject of a sentence to its predicate
    /// (المواقع التي انسحبت منها هي خان شيخون ومعرة النعمان).
    #[serde(default)]
    pub copula_pronouns: Vec<String>,
    /// Words that carry a list on past a comma (هي خان شيخون ومعرة النعمان،
    /// وكذلك مطار تيفور): what follows is one more item of it.
    #[serde(default)]
    pub list_continuations: Vec<String>,
    /// Kinds of force (برية، مشاة، خاصة): denying forces of one kind
    /// (لا تملك قوات مشاة) does not deny being there.
    #[serde(default)]
    pub force_kinds: Vec<String>,
    #[serde(default)]
    pub cause_words: Vec<String>,
    /// Forms of «to be» that may stand between a relative pronoun and its
    /// verb (التي كان تنظيم داعش يسيطر عليها).
    #[serde(default)]
    pub copulas: Vec<String>,
    /// Prepositions of place: a place after one, behind the head noun that
    /// a cue's preposition governs (انسحبوا من مواقعهم في محيط أريحا), is
    /// where the act happened, and its place object.
    #[serde(default)]
    pub locatives: Vec<String>,
    /// Prepositions that add a second agent right after the subject
    /// (سيطرت قوات النظام مع مقاتلي حزب الله، شنت بمشاركة حزب الله).
    #[serde(default)]
    pub comitatives: Vec<String>,
    /// Nouns of territory (العاصمة، الحدود، الأراضي): a nisba after one
    /// names a place (العاصمة القطرية، الحدود التركية), not an actor.
    #[serde(default)]
    pub territory_heads: Vec<String>,
    /// Nouns of government (الحكومة، السلطات، الإدارة): «السلطات في دمشق»,
    /// «الإدارة الجديدة في سوريا» name the state as an actor; the في is no
    /// preposition of place.
    #[serde(default)]
    pub government_heads: Vec<String>,
    /// Words of affiliation (موالية، التابعة، المدعومة): the name after one
    /// is the patron of the noun before it, not an argument of the clause.
    #[serde(default)]
    pub affiliation_words: Vec<String>,
    /// Words of ownership (تابعة): the name after one owns the noun before
    /// it; an object, never a subject.
    #[serde(default)]
    pub ownership_words: Vec<String>,
    /// Words of representation (ممثلة في، ممثلا ب): the name after one acts
    /// for the name before it, in its slot.
    #[serde(default)]
    pub representation_words: Vec<String>,
    /// Words that open an embedded clause: objects are not sought past them.
    #[serde(default)]
    pub complementizers: Vec<String>,
    /// Members of a group, who stand for it as a verb's object.
    #[serde(default)]
    pub members: Vec<String>,
    /// Cardinal numbers written as words (ثلاثة، خمسة، أحد): a count of
    /// members is a share of the group, as a word of `members` is (مقتل
    /// ثلاثة من عناصر الحرس الثوري). Numbers in digits count too.
    #[serde(default)]
    pub quantities: Vec<String>,
    /// Titles between a noun and the name it governs (وزير خارجية، المرشد الأعلى).
    #[serde(default)]
    pub titles: Vec<String>,
    /// Head nouns that introduce an actor name (ميليشيا، لواء، حركة...),
    /// used by `gaps`.
    #[serde(default)]
    pub actor_heads: Vec<String>,
    /// Head nouns that introduce a place name (مدينة، بلدة، قرية...).
    #[serde(default)]
    pub place_heads: Vec<String>,
    /// Light and support verbs (أجرى، عقد، شن، وقّع): their subject is the
    /// agent of the noun cue they govern.
    #[serde(default)]
    pub light_verbs: Stems,
    /// Relation ids whose cue governs an embedded act that it does not
    /// assert (threats, demands, accusations, rejections).
    #[serde(default)]
    pub complement_relations: Vec<String>,
    /// Relations whose cue states the acts right after it as terms, not as
    /// done (اتفقت روسيا وتركيا على انسحاب قسد).
    #[serde(default)]
    pub term_relations: Vec<String>,
    /// Particles of condition: a verb right after one states no fact
    /// (إذا طلب النظام من إيران إرسال قوات).
    #[serde(default)]
    pub conditionals: Vec<String>,
    /// Prepositions that introduce an agreement's terms (اتفقت … على
    /// انسحاب قسد): a term they introduce is reached however long the
    /// date or place between.
    #[serde(default)]
    pub term_preps: Vec<String>,
    /// Adjectives of expectation (المرتقبة، المقبلة، المحتملة): an event
    /// noun they describe has not happened.
    #[serde(default)]
    pub expectation_words: Vec<String>,
    /// Nouns of a statement (بيان، تصريح): a denial or an accusation made
    /// in one is its issuer's (أصدرت الكتائب بياناً نفت فيه…).
    #[serde(default)]
    pub statement_nouns: Vec<String>,
    /// Verbs of permission and prevention (سمح، منع، حال دون): the act
    /// they let or keep someone do (لن تسمح لقوات النظام بدخول المنطقة)
    /// is not stated to have happened.
    #[serde(default)]
    pub permission_verbs: Stems,
    /// Words of a share of a place (بالمئة، أجزاء، معظم): «السيطرة على 80
    /// بالمئة من بلدة السوسة» reaches the place after their من.
    #[serde(default)]
    pub share_words: Vec<String>,
    /// Words for «another» of the noun before (وآخر، وأخرى): a second spot
    /// joined to a first (من مقر في بادية الدوير وآخر في بلدة العباس).
    #[serde(default)]
    pub another_words: Vec<String>,
    /// Particles of possibility before a present verb (قد يدفع): what the
    /// clause says after them may happen, it has not.
    #[serde(default)]
    pub modals: Vec<String>,
    /// Words of retaliation (بالرد، سترد): a threat of one with no object
    /// named is aimed at whoever last struck the threatener.
    #[serde(default)]
    pub retaliation_words: Vec<String>,
    /// Adjectives that make an attack one of words (هجوماً لاذعاً، حملة
    /// إعلامية): the noun before one states no hostile act.
    #[serde(default)]
    pub verbal_attack_words: Vec<String>,
    /// Entity ids of reporting sources (observatories, news agencies).
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Verb stems, conjugated by the loader like a pattern's.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Stems {
    #[serde(default)]
    pub past: Vec<String>,
    #[serde(default)]
    pub present: Vec<String>,
}

/// A collective or dual noun standing for parties named before (الطرفان).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PartiesDef {
    pub forms: Vec<String>,
    /// How many parties the noun names (a dual: 2); none: any number > 1.
    #[serde(default)]
    pub count: Option<usize>,
    /// Kinds the parties may be; empty: any actor.
    #[serde(default)]
    pub kinds: Vec<EntityKind>,
}

/// A definite kind noun standing for the latest entity of its kind (الحزب).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KindNounDef {
    pub forms: Vec<String>,
    /// The antecedent's name starts with one of these words (حزب الله for
    /// الحزب); empty: any name of the right kind.
    #[serde(default)]
    pub heads: Vec<String>,
    #[serde(default)]
    pub kinds: Vec<EntityKind>,
}

/// A pronoun suffix and what it may stand for.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PronounDef {
    pub form: String,
    pub kinds: Vec<EntityKind>,
    /// A dual (هما): two parties.
    #[serde(default)]
    pub count: Option<usize>,
    /// نا: the speaker of the quote it stands in.
    #[serde(default)]
    pub first_person: bool,
    /// The gender and number the pronoun agrees with: «ـه» is no «قوات»,
    /// «ـها» no «حزب». None: agrees with any antecedent.
    #[serde(default)]
    pub gender: Option<Gender>,
}

/// The agreement class of a pronoun and of the noun that names an
/// antecedent. Non-human plurals (قوات، فصائل) agree as a feminine singular.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Feminine,
    Masculine,
    /// A plural of people (مقاتلو، عناصر): «ـهم».
    HumanPlural,
}

impl Gender {
    /// Does a pronoun of this gender agree with an antecedent named by a
    /// noun of these genders (none known: yes)? A name may have two
    /// (مقاتلو الجيش الحر: ـهم and ـه).
    pub fn agrees(self, noun: &[Gender]) -> bool {
        noun.is_empty()
            || noun.iter().any(|&n| match self {
                Gender::Feminine | Gender::Masculine | Gender::HumanPlural => n == self,
            })
    }
}

/// How to tell the gender of the noun that names an antecedent (its head:
/// the member noun before the name, مقاتلو الجيش الحر, or the name's first
/// word). A word in none of the lists with none of the endings has no
/// known gender (a proper name: إيران، داعش) and agrees with any pronoun;
/// a word may have two (قوات: a feminine plural, and a plural of people).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GendersDef {
    /// Endings of feminine nouns (ة، ات), as written.
    #[serde(default)]
    pub feminine_endings: Vec<String>,
    /// Endings of masculine singular adjectives (the nisba ي: التركي),
    /// for a word whose lists and feminine endings say nothing.
    #[serde(default)]
    pub masculine_endings: Vec<String>,
    /// Feminine nouns without such an ending (broken plurals: فصائل).
    #[serde(default)]
    pub feminine: Vec<String>,
    /// Masculine head nouns (حزب، تنظيم، جيش).
    #[serde(default)]
    pub masculine: Vec<String>,
    /// Plurals of people (مقاتلو، عناصر، جنود).
    #[serde(default)]
    pub human_plural: Vec<String>,
}

/// Independent pronouns (وهي، أنها) and the suffix whose rules they follow.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct IndependentDef {
    pub forms: Vec<String>,
    pub pronoun: String,
}

/// `references.ron`: what the coreference stage resolves.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReferencesFile {
    #[serde(default)]
    pub parties: Vec<PartiesDef>,
    #[serde(default)]
    pub kind_nouns: Vec<KindNounDef>,
    /// Nouns that stand for their possessor when they carry a pronoun
    /// suffix (قواتها، عناصره).
    #[serde(default)]
    pub possessed: Vec<String>,
    #[serde(default)]
    pub pronouns: Vec<PronounDef>,
    #[serde(default)]
    pub independent: Vec<IndependentDef>,
    /// The gender of the noun naming an antecedent, which a pronoun with a
    /// `gender` must agree with.
    #[serde(default)]
    pub genders: GendersDef,
    /// Sentences back (besides the title) an antecedent may stand.
    pub window: usize,
}
