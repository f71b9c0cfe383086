//! Lexicons: curated data about actors, places and the ways Arabic news
//! says what they did. Files are RON (see `lexicons/README.md`); this module
//! loads them, checks them as a whole (every problem reported with file,
//! line and column) and compiles them into the form the matcher and the
//! extractor use. A lexicon with any problem builds nothing.

pub mod error;
pub mod load;
pub mod model;

pub use error::{LexiconError, Problem};
pub use load::Sources;
pub use model::{EntityKind, Family, Gender, Genitive, ObjectKind, Shape};

use crate::text::normalize_str;
use indexmap::IndexMap;
use model::{GrammarFile, PatternDef, RelationDef};
use rustc_hash::FxHashSet as HashSet;
use std::collections::HashMap;
use std::path::Path;

/// An entity, compiled.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub parent: Option<usize>,
    pub en: String,
    pub ar: String,
    pub agent_as: Option<usize>,
    pub aliases: Vec<String>,
    pub nisba: Vec<String>,
    /// The members a group stands for (`EntityDef::members`).
    pub members: Vec<usize>,
}

/// A relation pattern, compiled: prepositions folded, window set.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub id: String,
    /// How many of `forms` were written out (the rest are conjugations).
    pub written_forms: usize,
    pub relation: usize,
    pub shape: Shape,
    pub forms: Vec<String>,
    pub object_preps: Vec<String>,
    pub direct_object: bool,
    pub agent_preps: Vec<String>,
    pub window: usize,
    pub genitive: model::Genitive,
    pub nisba_role: model::Genitive,
    pub object_moves: bool,
    pub alongside: bool,
    pub agent_kinds: Vec<EntityKind>,
    pub agent_heads: Vec<String>,
    /// Past forms that are only the first person, and whether plural
    /// ([`first_person_past`]).
    pub first_person: Vec<(String, bool)>,
}

impl Pattern {
    /// Does this pattern restrict its agent (and so come before the
    /// patterns that do not)?
    pub fn restricted(&self) -> bool {
        !self.agent_kinds.is_empty() || !self.agent_heads.is_empty()
    }

    /// Is `form` this verb's present in the first person plural (ننسحب،
    /// ندعم): ن where the same stem takes ي? (Not a past in ن: نفذت.)
    pub fn first_plural_present(&self, form: &str) -> bool {
        form.strip_prefix('ن').is_some_and(|rest| self.forms.iter().any(|f| f.strip_prefix('ي') == Some(rest)))
    }

    /// Is `form` a past of this verb that only the first person takes
    /// (التقيت، زرنا)? Some(true) for «we».
    pub fn first_person_past(&self, form: &str) -> Option<bool> {
        self.first_person.iter().find(|(f, _)| f == form).map(|&(_, plural)| plural)
    }
}

/// The closed classes, folded.
#[derive(Debug, Clone)]
pub struct Grammar {
    pub proclitics: Vec<String>,
    pub cue_suffixes: Vec<String>,
    pub plural_cue_suffixes: Vec<String>,
    pub negators: Vec<String>,
    pub denials: Vec<String>,
    pub falsity_predicates: Vec<String>,
    pub negator_window: usize,
    pub negator_breakers: HashSet<String>,
    pub clause_breaks: HashSet<String>,
    pub prepositions: HashSet<String>,
    pub complementizers: HashSet<String>,
    pub relatives: HashSet<String>,
    pub particles: HashSet<String>,
    pub agent_preps: Vec<String>,
    pub aspect_verbs: HashSet<String>,
    pub time_words: HashSet<String>,
    pub time_adverbs: HashSet<String>,
    pub subject_continuations: HashSet<String>,
    pub sequels: HashSet<String>,
    pub proximity_preps: HashSet<String>,
    pub delegations: HashSet<String>,
    pub leader_words: HashSet<String>,
    pub homeland_nouns: HashSet<String>,
    pub noun_governors: HashSet<String>,
    pub cessation_words: HashSet<String>,
    pub casualty_words: HashSet<String>,
    pub reciprocal_words: HashSet<String>,
    pub copula_pronouns: HashSet<String>,
    pub list_continuations: HashSet<String>,
    pub force_kinds: HashSet<String>,
    pub cause_words: HashSet<String>,
    pub copulas: HashSet<String>,
    pub locatives: HashSet<String>,
    pub comitatives: HashSet<String>,
    pub territory_heads: HashSet<String>,
    pub affiliation_words: HashSet<String>,
    pub government_heads: HashSet<String>,
    pub ownership_words: HashSet<String>,
    pub representation_words: HashSet<String>,
    pub titles: HashSet<String>,
    pub members: HashSet<String>,
    pub quantities: HashSet<String>,
    pub actor_heads: Vec<String>,
    pub place_heads: Vec<String>,
    /// Every conjugated form of the light verbs, folded.
    pub light_verbs: HashSet<String>,
    /// Relation ids (as written) whose cue governs an unasserted act.
    pub complement_relations: Vec<String>,
    pub term_relations: Vec<String>,
    pub conditionals: HashSet<String>,
    pub modals: HashSet<String>,
    pub statement_nouns: HashSet<String>,
    /// Every conjugated form of the verbs of permission and prevention, folded.
    pub permission_verbs: HashSet<String>,
    pub term_preps: HashSet<String>,
    pub expectation_words: HashSet<String>,
    pub share_words: HashSet<String>,
    pub another_words: HashSet<String>,
    pub retaliation_words: HashSet<String>,
    pub verbal_attack_words: HashSet<String>,
    /// Entity ids of reporting sources (resolved after entities load).
    pub sources: Vec<String>,
}

/// A word that names an entity named elsewhere (see `references.ron`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// الطرفان، الدول الثلاث: every party named before.
    Parties { count: Option<usize>, kinds: Vec<EntityKind> },
    /// الحزب، المدينة: the latest entity of a kind. `entities` are those
    /// whose name starts with one of the noun's heads (empty: any of the
    /// kinds).
    KindNoun { entities: Vec<usize>, kinds: Vec<EntityKind> },
    /// وهي، أنها: an independent pronoun (index into `References::pronouns`).
    Pronoun(usize),
    /// قواتها، عناصره: a noun that stands for its possessor.
    Possessed(usize),
}

/// A pronoun (suffix or independent) and what it may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pronoun {
    /// The suffix, folded (ها، ه، هم، هما، نا).
    pub form: String,
    pub kinds: Vec<EntityKind>,
    pub count: Option<usize>,
    pub first_person: bool,
    pub gender: Option<Gender>,
}

/// The compiled `genders` of `references.ron` (folded).
#[derive(Debug, Clone, Default)]
pub struct Genders {
    pub feminine_endings: Vec<String>,
    pub masculine_endings: Vec<String>,
    pub feminine: HashSet<String>,
    pub masculine: HashSet<String>,
    pub human_plural: HashSet<String>,
}

/// The compiled `references.ron`.
#[derive(Debug, Clone, Default)]
pub struct References {
    pub items: Vec<Reference>,
    pub pronouns: Vec<Pronoun>,
    pub genders: Genders,
    /// The head words of the kind nouns (مطار، معبر، حزب), folded: a place
    /// named with one (مطار حماة) is no antecedent of a noun of a kind only
    /// (المدينة).
    pub kind_heads: HashSet<String>,
    /// Sentences back (besides the title) an antecedent may stand.
    pub window: usize,
}

impl References {
    /// The pronoun a suffix is (ها → its rules), if it is one.
    pub fn pronoun(&self, suffix: &str) -> Option<usize> {
        self.pronouns.iter().position(|p| p.form == suffix)
    }

    /// The third-person pronoun suffix `word` ends with, longest first
    /// (مواقعهما: هما, not ها).
    /// The genders of a folded noun (a name's head), with or without the
    /// article: those its lists give, and feminine by its ending unless
    /// `listed_only` (none: not known, a proper name).
    pub fn word_genders(&self, word: &str, listed_only: bool) -> Vec<Gender> {
        let g = &self.genders;
        let bare = word.strip_prefix("ال").filter(|b| b.chars().count() >= 3).unwrap_or(word);
        let listed = |set: &HashSet<String>| set.contains(word) || set.contains(bare);
        let mut out = Vec::new();
        if listed(&g.human_plural) {
            out.push(Gender::HumanPlural);
        }
        if listed(&g.masculine) {
            out.push(Gender::Masculine);
        }
        let ends = |endings: &Vec<String>| !listed_only && endings.iter().any(|e| bare.chars().count() > e.chars().count() + 1 && bare.ends_with(e.as_str()));
        if listed(&g.feminine) || (ends(&g.feminine_endings) && !out.contains(&Gender::Masculine)) {
            out.push(Gender::Feminine);
        }
        if out.is_empty() && ends(&g.masculine_endings) {
            out.push(Gender::Masculine);
        }
        out
    }

    pub fn third_person_suffix(&self, word: &str) -> Option<usize> {
        (0..self.pronouns.len()).filter(|&i| !self.pronouns[i].first_person && word.ends_with(self.pronouns[i].form.as_str())).max_by_key(|&i| self.pronouns[i].form.len())
    }
}

/// What a surface form names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Entity(usize),
    /// A reference (index into `References::items`), resolved by coreference.
    Reference(usize),
    /// A cue; a form may serve several patterns (وصل: deployed_to, visited).
    Cue(Vec<usize>),
    Negator,
    Denial,
    /// A predicate of falsity (عار عن الصحة): it negates the claims before it.
    Falsity,
}

/// One searchable form: folded, without its article.
#[derive(Debug, Clone)]
pub struct Surface {
    /// Folded form with a leading ال removed.
    pub form: String,
    /// The form was written with the article: the text must carry it too.
    pub article: bool,
    /// Article optional (nisba adjectives, cues).
    pub article_optional: bool,
    /// May carry a pronoun suffix (cues).
    pub suffixable: bool,
    /// Bytes at the end of the form that are a pronoun suffix the lexicon
    /// spelled out (لقائهما: the stem's spelling changes before a suffix,
    /// لقاء → لقائـ, so the matcher cannot add it to لقاء); 0 for most.
    pub spelled_suffix: usize,
    /// Only a conjunction may stand before it (negators: لم but not كلم).
    pub conj_only: bool,
    /// A nisba adjective (إيراني، الإيرانية); `nisba_with_article`: a name
    /// that is a nisba too when it carries the article (سورية / السورية).
    pub nisba: bool,
    pub nisba_with_article: bool,
    pub target: Target,
    /// As written in the lexicon.
    pub written: String,
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub entities: Vec<Entity>,
    pub entity_index: IndexMap<String, usize>,
    pub relations: Vec<RelationDef>,
    pub relation_index: IndexMap<String, usize>,
    pub patterns: Vec<Pattern>,
    pub grammar: Grammar,
    pub references: References,
    pub surfaces: Vec<Surface>,
}

const DEFAULT_WINDOW: usize = 8;

/// The inflections of a masculine singular nisba (إيراني).
pub fn inflect_nisba(base: &str) -> Vec<String> {
    let b = normalize_str(base);
    let b = b.strip_prefix("ال").unwrap_or(&b).to_string();
    // (and the adverb: المدعومة إيرانياً، تركياً)
    ["", "ه", "ون", "ين", "ان", "تان", "تين", "يه", "ا"]
        .iter()
        .map(|s| format!("{b}{s}"))
        .collect()
}

/// Past-tense forms of a stem: he, she, they, the two of them.
pub fn conjugate_past(stem: &str) -> Vec<String> {
    let s = normalize_str(stem);
    if s.is_empty() {
        return vec![];
    }
    // a stem ending in alef maqsura (نفى، التقى) takes ت after ي-less form
    if let Some(root) = s.strip_suffix('ي') {
        return vec![s.clone(), format!("{root}ت"), format!("{root}وا"), format!("{root}يا"), format!("{root}تا")];
    }
    // so does one ending in a bare alef (دعا: دعت، دعوا، دعتا; not بدأ,
    // whose hamza folds to alef too)
    if let Some(root) = s.strip_suffix('ا').filter(|r| stem.trim_end().ends_with('ا') && r.chars().count() >= 2) {
        return vec![s.clone(), format!("{root}ت"), format!("{root}وا"), format!("{root}تا"), format!("{root}ونا")];
    }
    ["", "ت", "وا", "ا", "تا", "ن", "نا"].iter().map(|x| format!("{s}{x}")).collect()
}

/// The past forms of a stem that can only be the first person: «I» and
/// «we» (true) where the stem itself changes, so that no third person or
/// object suffix reads the same (التقيت، التقينا, not التقانا «met us»;
/// دعوت; a short hollow stem the lexicon lists, زر: زرنا, not زارنا). A
/// sound stem's ـت and ـنا are also «she» and «us», so it has none.
pub fn first_person_past(stem: &str) -> Vec<(String, bool)> {
    let s = normalize_str(stem);
    if let Some(root) = s.strip_suffix('ي').filter(|r| r.chars().count() >= 2) {
        return vec![(format!("{root}يت"), false), (format!("{root}ينا"), true)];
    }
    if let Some(root) = s.strip_suffix('ا').filter(|r| stem.trim_end().ends_with('ا') && r.chars().count() >= 2) {
        return vec![(format!("{root}وت"), false), (format!("{root}ونا"), true)];
    }
    // (a two-letter stem is hollow, زر، قد, or doubled, شن، حل: the latter
    // doubles its last letter before ـنا, شننا, so ـنا is the hollow's «we»;
    // its ـت is also the doubled verb's «she», شنت)
    if s.chars().count() == 2 {
        return vec![(format!("{s}نا"), true)];
    }
    vec![]
}

/// Present-tense forms of a stem given without its prefix letter.
pub fn conjugate_present(stem: &str) -> Vec<String> {
    let s = normalize_str(stem);
    if s.is_empty() {
        return vec![];
    }
    let mut out = Vec::new();
    for pre in ["ي", "ت", "ن"] {
        out.push(format!("{pre}{s}"));
    }
    if let Some(root) = s.strip_suffix('ي') {
        out.push(format!("ي{root}ون"));
        out.push(format!("ت{root}ون"));
    } else {
        for suf in ["ون", "ان", "ن"] {
            out.push(format!("ي{s}{suf}"));
            out.push(format!("ت{s}{suf}"));
        }
    }
    out
}

/// Split a folded form into (bare form, had article).
pub fn strip_article(folded: &str) -> (String, bool) {
    match folded.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => (rest.to_string(), true),
        _ => (folded.to_string(), false),
    }
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn embedded() -> Result<Lexicon, LexiconError> {
        Lexicon::from_sources(&Sources::embedded())
    }

    /// Load and check a lexicon folder.
    pub fn from_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let src = Sources::from_dir(dir).map_err(|problems| LexiconError { problems })?;
        Lexicon::from_sources(&src)
    }

    /// `--lexicons DIR` if given, else the embedded one.
    pub fn load(dir: Option<&Path>) -> Result<Lexicon, LexiconError> {
        match dir {
            Some(d) => Lexicon::from_dir(d),
            None => Lexicon::embedded(),
        }
    }

    pub fn from_sources(src: &Sources) -> Result<Lexicon, LexiconError> {
        let (parsed, mut problems) = load::parse_all(src);
        let mut ctx = Checker { src, problems: &mut problems };
        let lex = ctx.compile(parsed);
        if problems.is_empty() {
            Ok(lex.expect("compile returns a lexicon when there are no problems"))
        } else {
            Err(LexiconError { problems })
        }
    }

    pub fn entity(&self, id: &str) -> Option<usize> {
        self.entity_index.get(id).copied()
    }

    /// The entity and its ancestors, nearest first.
    pub fn chain(&self, e: usize) -> Vec<usize> {
        let mut out = vec![e];
        let mut cur = self.entities[e].parent;
        while let Some(p) = cur {
            if out.contains(&p) {
                break;
            }
            out.push(p);
            cur = self.entities[p].parent;
        }
        out
    }

    pub fn chain_ids(&self, e: usize) -> Vec<String> {
        self.chain(e).into_iter().map(|i| self.entities[i].id.clone()).collect()
    }

    pub fn relation(&self, id: &str) -> Option<usize> {
        self.relation_index.get(id).copied()
    }

    /// Counts per entity kind, plus relations, patterns and surface forms.
    pub fn stats(&self) -> IndexMap<String, usize> {
        let mut m: IndexMap<String, usize> = IndexMap::new();
        for k in [EntityKind::State, EntityKind::ArmedGroup, EntityKind::Organization, EntityKind::Person, EntityKind::Place] {
            m.insert(k.as_str().to_string(), self.entities.iter().filter(|e| e.kind == k).count());
        }
        m.insert("entities".into(), self.entities.len());
        m.insert("entity surface forms".into(), self.surfaces.iter().filter(|s| matches!(s.target, Target::Entity(_))).count());
        m.insert("relations".into(), self.relations.len());
        m.insert("patterns".into(), self.patterns.len());
        m.insert("cue forms".into(), self.surfaces.iter().filter(|s| matches!(s.target, Target::Cue(_))).count());
        m
    }
}

struct Checker<'a> {
    src: &'a Sources,
    problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    /// Where a quoted string first appears in a file after `from`.
    fn locate(&self, file: &load::SourceFile, needle: &str, from: usize) -> (usize, usize) {
        let q = format!("\"{needle}\"");
        match file.text[from.min(file.text.len())..].find(&q) {
            Some(i) => (from + i, q.len()),
            None => (from.min(file.text.len()), 1),
        }
    }

    fn entity_pos(&self, file: usize, id: &str) -> (usize, usize) {
        let f = &self.src.entities[file];
        let needle = format!("id: \"{id}\"");
        match f.text.find(&needle) {
            Some(i) => (i, needle.len()),
            None => self.locate(f, id, 0),
        }
    }

    fn problem_in_entity(&mut self, file: usize, id: &str, needle: Option<&str>, msg: String, label: &str, help: Option<String>) {
        let f = &self.src.entities[file];
        let (start, len) = self.entity_pos(file, id);
        let (off, len) = match needle {
            Some(n) => self.locate(f, n, start),
            None => (start, len),
        };
        let mut p = Problem::at(&f.name, &f.text, off, len, msg, label);
        p.help = help;
        self.problems.push(p);
    }

    fn compile(&mut self, parsed: load::Parsed) -> Option<Lexicon> {
        let mut entity_index: IndexMap<String, usize> = IndexMap::new();
        let mut entities = Vec::new();
        let mut file_of = Vec::new();
        for (file, def) in &parsed.entities {
            if def.id.trim().is_empty() || !def.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
                self.problem_in_entity(*file, &def.id, None, format!("id {:?} is not lowercase ASCII snake_case", def.id), "this id", Some("ids are used in exports as XML NMTOKENs".into()));
            }
            if entity_index.contains_key(&def.id) {
                self.problem_in_entity(*file, &def.id, None, format!("entity id {:?} is defined twice", def.id), "second definition", None);
                continue;
            }
            entity_index.insert(def.id.clone(), entities.len());
            entities.push(Entity {
                id: def.id.clone(),
                kind: def.kind,
                parent: None,
                en: def.en.clone(),
                ar: def.ar.clone(),
                agent_as: None,
                aliases: def.aliases.clone(),
                nisba: def.nisba.clone(),
                members: Vec::new(),
            });
            file_of.push((*file, def));
        }
        // parents and agent_as
        for (i, (file, def)) in file_of.iter().enumerate() {
            if let Some(p) = &def.parent {
                match entity_index.get(p) {
                    Some(&pi) => entities[i].parent = Some(pi),
                    None => {
                        let help = closest(p, entity_index.keys()).map(|c| format!("did you mean {c:?}?"));
                        self.problem_in_entity(*file, &def.id, Some(p), format!("{}: unknown parent {p:?}", def.id), "no entity has this id", help)
                    }
                }
            }
            if let Some(a) = &def.agent_as {
                match entity_index.get(a) {
                    Some(&ai) => entities[i].agent_as = Some(ai),
                    None => self.problem_in_entity(*file, &def.id, Some(a), format!("{}: unknown agent_as {a:?}", def.id), "no entity has this id", None),
                }
            }
            for m in &def.members {
                match entity_index.get(m) {
                    Some(&mi) if mi != i => entities[i].members.push(mi),
                    Some(_) => self.problem_in_entity(*file, &def.id, Some(m), format!("{}: a group cannot be its own member", def.id), "this member", None),
                    None => {
                        let help = closest(m, entity_index.keys()).map(|c| format!("did you mean {c:?}?"));
                        self.problem_in_entity(*file, &def.id, Some(m), format!("{}: unknown member {m:?}", def.id), "no entity has this id", help)
                    }
                }
            }
        }
        // cycles of parents
        let mut reported = vec![false; entities.len()];
        for start in 0..entities.len() {
            let mut seen = vec![start];
            let mut cur = entities[start].parent;
            while let Some(p) = cur {
                if p == start {
                    if !reported[start] {
                        for &s in &seen {
                            reported[s] = true;
                        }
                        let names: Vec<_> = seen.iter().map(|&s| entities[s].id.as_str()).chain([entities[start].id.as_str()]).collect();
                        let (file, def) = file_of[start];
                        self.problem_in_entity(file, &def.id, def.parent.as_deref(), format!("a cycle of parents: {}", names.join(" -> ")), "this parent closes the cycle", Some("an entity cannot be its own ancestor".into()));
                    }
                    break;
                }
                if seen.contains(&p) {
                    break;
                }
                seen.push(p);
                cur = entities[p].parent;
            }
        }
        // surface forms of entities
        let mut surfaces: Vec<Surface> = Vec::new();
        let mut owner: HashMap<(String, bool), usize> = HashMap::new(); // (form, article) -> surface idx
        for (i, (file, def)) in file_of.iter().enumerate() {
            let mut forms: Vec<(String, String, bool)> = def.aliases.iter().map(|a| (a.clone(), normalize_str(a), false)).collect();
            if !def.aliases.iter().any(|a| normalize_str(a) == normalize_str(&def.ar)) && !def.ar.trim().is_empty() {
                forms.push((def.ar.clone(), normalize_str(&def.ar), false));
            }
            for n in &def.nisba {
                if normalize_str(n).is_empty() {
                    self.problem_in_entity(*file, &def.id, Some(n), format!("{}: empty nisba", def.id), "empty", None);
                    continue;
                }
                for f in inflect_nisba(n) {
                    forms.push((n.clone(), f, true));
                }
            }
            for (written, folded, nisba) in forms {
                if folded.is_empty() {
                    self.problem_in_entity(*file, &def.id, Some(&written), format!("{}: empty alias", def.id), "this alias is empty", Some("remove it".into()));
                    continue;
                }
                let (bare, article) = strip_article(&folded);
                let key = (bare.clone(), article && !nisba);
                if let Some(&s) = owner.get(&key) {
                    if let Target::Entity(other) = surfaces[s].target {
                        // a name that is also its own nisba (سورية the name,
                        // سوريه the adjective): the article becomes optional
                        if other == i && nisba {
                            surfaces[s].article_optional = true;
                            surfaces[s].nisba_with_article = true;
                        }
                        if other != i {
                            self.problem_in_entity(*file, &def.id, Some(&written), format!("alias {written:?} of {} is also an alias of {}", def.id, entities[other].id), "the same alias on two entities", Some("an alias must name one entity; keep it on the more specific one".into()));
                        }
                    }
                    continue;
                }
                owner.insert(key, surfaces.len());
                surfaces.push(Surface { form: bare, article: article && !nisba, article_optional: nisba, suffixable: false, spelled_suffix: 0, conj_only: false, nisba, nisba_with_article: false, target: Target::Entity(i), written });
            }
        }
        // required ids
        if let Some(req) = &self.src.required {
            for (ln, line) in req.text.lines().enumerate().skip(1) {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() < 3 || cols[0].is_empty() {
                    continue;
                }
                let off: usize = req.text.lines().take(ln).map(|l| l.len() + 1).sum();
                match entity_index.get(cols[0]) {
                    None => self.problems.push(Problem::at(&req.name, &req.text, off, cols[0].len(), format!("entity {:?} is required by the evaluation contract but missing from the lexicon", cols[0]), "required here").help("add it to one of entities/*.ron with this id")),
                    Some(&e) => {
                        let kind_ok = EntityKind::parse(cols[1]) == Some(entities[e].kind);
                        let parent = entities[e].parent.map(|p| entities[p].id.as_str()).unwrap_or("");
                        if !kind_ok || parent != cols[2] {
                            let (file, def) = file_of[e];
                            self.problem_in_entity(file, &def.id, None, format!("{}: the contract says kind {} and parent {:?}; the lexicon has kind {} and parent {parent:?}", cols[0], cols[1], cols[2], entities[e].kind.as_str()), "defined here", None);
                        }
                    }
                }
            }
        }
        // relations and patterns
        let rel_file = self.src.relations.as_ref();
        let mut relation_index = IndexMap::new();
        let mut relations = Vec::new();
        let mut patterns = Vec::new();
        if let (Some(rf), Some(rels)) = (rel_file, parsed.relations) {
            for r in rels.relations {
                if relation_index.contains_key(&r.id) {
                    let (o, l) = self.locate(rf, &r.id, 0);
                    self.problems.push(Problem::at(&rf.name, &rf.text, o, l, format!("relation {:?} defined twice", r.id), "here"));
                    continue;
                }
                relation_index.insert(r.id.clone(), relations.len());
                relations.push(r);
            }
            let mut pattern_ids = HashMap::new();
            for p in rels.patterns {
                let pos = rf.text.find(&format!("id: \"{}\"", p.id)).unwrap_or(0);
                if pattern_ids.insert(p.id.clone(), ()).is_some() {
                    self.problems.push(Problem::at(&rf.name, &rf.text, pos, p.id.len(), format!("pattern {:?} defined twice", p.id), "second definition"));
                }
                let Some(&rel) = relation_index.get(&p.relation) else {
                    let (o, l) = self.locate(rf, &p.relation, pos);
                    let help = closest(&p.relation, relation_index.keys()).map(|c| format!("did you mean {c:?}?"));
                    let mut pr = Problem::at(&rf.name, &rf.text, o, l, format!("pattern {}: unknown relation {:?}", p.id, p.relation), "not a relation of this file");
                    pr.help = help;
                    self.problems.push(pr);
                    continue;
                };
                self.compile_pattern(rf, pos, p, rel, &mut patterns);
            }
        }
        for (pi, p) in patterns.iter().enumerate() {
            for (fi, f) in p.forms.iter().enumerate() {
                let folded = normalize_str(f);
                // verbs never carry the article: التقى is not ال + تقى
                let bare = if p.shape == Shape::Verb { folded.clone() } else { strip_article(&folded).0 };
                let key = (bare.clone(), false);
                if let Some(&s) = owner.get(&key) {
                    match &mut surfaces[s].target {
                        Target::Cue(v) if !v.contains(&pi) => v.push(pi),
                        Target::Cue(_) => {}
                        // a conjugation that spells a name (تدمر: she destroys,
                        // Palmyra) yields to the name
                        Target::Entity(_) if fi >= p.written_forms => {}
                        Target::Entity(e) => {
                            let e = *e;
                            let rf = rel_file.unwrap();
                            let at = rf.text.find(&format!("id: \"{}\"", p.id)).unwrap_or(0);
                            let (o, l) = self.locate(rf, f, at);
                            self.problems.push(Problem::at(&rf.name, &rf.text, o, l, format!("cue {f:?} of {} is also an alias of entity {}", p.id, entities[e].id), "ambiguous form"));
                        }
                        _ => {}
                    }
                    continue;
                }
                owner.insert(key, surfaces.len());
                surfaces.push(Surface { form: bare, article: false, article_optional: true, suffixable: true, spelled_suffix: 0, conj_only: false, nisba: false, nisba_with_article: false, target: Target::Cue(vec![pi]), written: f.clone() });
            }
        }
        // grammar
        let grammar = parsed.grammar.map(|g| self.compile_grammar(g));
        if let Some(g) = &grammar {
            for (list, target) in [(&g.negators, Target::Negator), (&g.denials, Target::Denial), (&g.falsity_predicates, Target::Falsity)] {
                for n in list {
                    let key = (n.clone(), false);
                    if owner.contains_key(&key) {
                        // a denial verb that is also a cue keeps its cue role
                        continue;
                    }
                    owner.insert(key, surfaces.len());
                    surfaces.push(Surface { form: n.clone(), article: false, article_optional: true, suffixable: matches!(target, Target::Denial), spelled_suffix: 0, conj_only: true, nisba: false, nisba_with_article: false, target: target.clone(), written: n.clone() });
                }
            }
        }
        let references = match parsed.references {
            Some(r) => self.compile_references(r, &entities, &mut owner, &mut surfaces),
            None => References::default(),
        };
        let grammar = grammar?;
        mark_spelled_suffixes(&mut surfaces, &patterns, &grammar);
        Some(Lexicon { entities, entity_index, relations, relation_index, patterns, grammar, references, surfaces })
    }

    fn compile_pattern(&mut self, rf: &load::SourceFile, pos: usize, p: PatternDef, rel: usize, out: &mut Vec<Pattern>) {
        if p.forms.is_empty() && p.past.is_empty() && p.present.is_empty() {
            self.problems.push(Problem::at(&rf.name, &rf.text, pos, p.id.len(), format!("pattern {} has no forms", p.id), "here"));
        }
        for f in &p.forms {
            if normalize_str(f).is_empty() {
                let (o, l) = self.locate(rf, f, pos);
                self.problems.push(Problem::at(&rf.name, &rf.text, o, l, format!("pattern {}: empty form", p.id), "empty"));
            }
        }
        let mut forms: Vec<String> = p.forms.iter().filter(|f| !normalize_str(f).is_empty()).cloned().collect();
        let written_forms = forms.len();
        forms.extend(p.past.iter().flat_map(|s| conjugate_past(s)));
        let first_person: Vec<(String, bool)> = p.past.iter().flat_map(|s| first_person_past(s)).collect();
        forms.extend(first_person.iter().map(|(f, _)| f.clone()).filter(|f| !forms.contains(f)).collect::<Vec<_>>());
        forms.extend(p.present.iter().flat_map(|s| conjugate_present(s)));
        out.push(Pattern {
            id: p.id,
            written_forms,
            relation: rel,
            shape: p.shape,
            forms,
            object_preps: p.object_preps.iter().map(|s| normalize_str(s)).collect(),
            direct_object: p.direct_object,
            agent_preps: p.agent_preps.iter().map(|s| normalize_str(s)).collect(),
            window: p.window.unwrap_or(DEFAULT_WINDOW),
            genitive: p.genitive,
            nisba_role: p.nisba_role,
            object_moves: p.object_moves,
            alongside: p.alongside,
            agent_kinds: p.agent_kinds.clone(),
            agent_heads: p.agent_heads.iter().map(|s| normalize_str(s)).collect(),
            first_person,
        });
    }

    /// References become surfaces of their own; a form that is already a
    /// name or a cue stays that (an alias is more specific than a kind noun).
    fn compile_references(&mut self, r: model::ReferencesFile, entities: &[Entity], owner: &mut HashMap<(String, bool), usize>, surfaces: &mut Vec<Surface>) -> References {
        let mut out = References { window: r.window, ..References::default() };
        let mut add = |form: &str, item: usize, surfaces: &mut Vec<Surface>| {
            let folded = normalize_str(form);
            if folded.is_empty() {
                return;
            }
            let (bare, article) = strip_article(&folded);
            if owner.contains_key(&(bare.clone(), article)) || owner.contains_key(&(bare.clone(), false)) {
                return;
            }
            owner.insert((bare.clone(), article), surfaces.len());
            surfaces.push(Surface { form: bare, article, article_optional: false, suffixable: false, spelled_suffix: 0, conj_only: false, nisba: false, nisba_with_article: false, target: Target::Reference(item), written: form.to_string() });
        };
        for p in &r.pronouns {
            out.pronouns.push(Pronoun { form: normalize_str(&p.form), kinds: p.kinds.clone(), count: p.count, first_person: p.first_person, gender: p.gender });
        }
        let fold_set = |v: &Vec<String>| -> HashSet<String> { v.iter().map(|w| normalize_str(w)).filter(|w| !w.is_empty()).collect() };
        out.genders = Genders {
            feminine_endings: r.genders.feminine_endings.iter().map(|w| normalize_str(w)).filter(|w| !w.is_empty()).collect(),
            masculine_endings: r.genders.masculine_endings.iter().map(|w| normalize_str(w)).filter(|w| !w.is_empty()).collect(),
            feminine: fold_set(&r.genders.feminine),
            masculine: fold_set(&r.genders.masculine),
            human_plural: fold_set(&r.genders.human_plural),
        };
        for p in r.parties {
            let item = out.items.len();
            out.items.push(Reference::Parties { count: p.count, kinds: p.kinds });
            for f in &p.forms {
                add(f, item, surfaces);
            }
        }
        for k in r.kind_nouns {
            let heads: Vec<String> = k.heads.iter().map(|h| normalize_str(h)).collect();
            out.kind_heads.extend(heads.iter().cloned());
            let named = |e: &Entity| {
                e.aliases.iter().chain(std::iter::once(&e.ar)).any(|a| {
                    let a = strip_article(&normalize_str(a)).0;
                    heads.iter().any(|h| a == *h || a.starts_with(&format!("{h} ")))
                })
            };
            let members: Vec<usize> = if heads.is_empty() { Vec::new() } else { (0..entities.len()).filter(|&e| named(&entities[e]) && (k.kinds.is_empty() || k.kinds.contains(&entities[e].kind))).collect() };
            if !heads.is_empty() && members.is_empty() {
                // a head no entity has can never resolve: nothing to add
                continue;
            }
            let item = out.items.len();
            out.items.push(Reference::KindNoun { entities: members, kinds: k.kinds });
            for f in &k.forms {
                add(f, item, surfaces);
            }
        }
        for ind in r.independent {
            let Some(pi) = out.pronoun(&normalize_str(&ind.pronoun)) else {
                self.problems.push(Problem::at("references.ron", "", 0, 0, format!("independent pronoun {:?} names no pronoun of `pronouns`", ind.pronoun), ""));
                continue;
            };
            let item = out.items.len();
            out.items.push(Reference::Pronoun(pi));
            for f in &ind.forms {
                add(f, item, surfaces);
            }
        }
        for (pi, p) in out.pronouns.clone().iter().enumerate() {
            let item = out.items.len();
            out.items.push(Reference::Possessed(pi));
            for head in &r.possessed {
                add(&format!("{}{}", normalize_str(head), p.form), item, surfaces);
            }
        }
        out
    }

    fn compile_grammar(&mut self, g: GrammarFile) -> Grammar {
        let fold = |v: &Vec<String>| -> Vec<String> { v.iter().map(|s| normalize_str(s)).filter(|s| !s.is_empty()).collect() };
        let mut proclitics = fold(&g.proclitics);
        proclitics.sort_by_key(|p| std::cmp::Reverse(p.len()));
        Grammar {
            proclitics,
            cue_suffixes: fold(&g.cue_suffixes),
            plural_cue_suffixes: fold(&g.plural_cue_suffixes),
            negators: fold(&g.negators),
            denials: fold(&g.denials),
            falsity_predicates: fold(&g.falsity_predicates),
            negator_window: g.negator_window,
            negator_breakers: fold(&g.negator_breakers).into_iter().collect(),
            clause_breaks: fold(&g.clause_breaks).into_iter().collect(),
            prepositions: fold(&g.prepositions).into_iter().collect(),
            complementizers: fold(&g.complementizers).into_iter().collect(),
            relatives: fold(&g.relatives).into_iter().collect(),
            particles: fold(&g.particles).into_iter().collect(),
            agent_preps: fold(&g.agent_preps),
            aspect_verbs: fold(&g.aspect_verbs).into_iter().collect(),
            time_words: fold(&g.time_words).into_iter().collect(),
            time_adverbs: fold(&g.time_adverbs).into_iter().collect(),
            subject_continuations: fold(&g.subject_continuations).into_iter().collect(),
            sequels: fold(&g.sequels).into_iter().collect(),
            proximity_preps: fold(&g.proximity_preps).into_iter().collect(),
            delegations: fold(&g.delegations).into_iter().collect(),
            leader_words: fold(&g.leader_words).into_iter().collect(),
            homeland_nouns: fold(&g.homeland_nouns).into_iter().collect(),
            noun_governors: fold(&g.noun_governors).into_iter().collect(),
            cessation_words: fold(&g.cessation_words).into_iter().collect(),
            casualty_words: fold(&g.casualty_words).into_iter().collect(),
            reciprocal_words: fold(&g.reciprocal_words).into_iter().collect(),
            copula_pronouns: fold(&g.copula_pronouns).into_iter().collect(),
            list_continuations: fold(&g.list_continuations).into_iter().collect(),
            force_kinds: fold(&g.force_kinds).into_iter().collect(),
            cause_words: fold(&g.cause_words).into_iter().collect(),
            copulas: fold(&g.copulas).into_iter().collect(),
            locatives: fold(&g.locatives).into_iter().collect(),
            comitatives: fold(&g.comitatives).into_iter().collect(),
            territory_heads: fold(&g.territory_heads).into_iter().chain(fold(&g.place_heads)).collect(),
            affiliation_words: fold(&g.affiliation_words).into_iter().collect(),
            government_heads: fold(&g.government_heads).into_iter().collect(),
            ownership_words: fold(&g.ownership_words).into_iter().collect(),
            representation_words: fold(&g.representation_words).into_iter().collect(),
            titles: fold(&g.titles).into_iter().collect(),
            members: fold(&g.members).into_iter().collect(),
            quantities: fold(&g.quantities).into_iter().collect(),
            actor_heads: fold(&g.actor_heads),
            place_heads: fold(&g.place_heads),
            light_verbs: g.light_verbs.past.iter().flat_map(|v| conjugate_past(v)).chain(g.light_verbs.present.iter().flat_map(|v| conjugate_present(&normalize_str(v)))).collect(),
            complement_relations: g.complement_relations.clone(),
            term_relations: g.term_relations.clone(),
            conditionals: fold(&g.conditionals).into_iter().collect(),
            modals: fold(&g.modals).into_iter().collect(),
            statement_nouns: fold(&g.statement_nouns).into_iter().collect(),
            permission_verbs: g.permission_verbs.past.iter().flat_map(|v| conjugate_past(v)).chain(g.permission_verbs.present.iter().flat_map(|v| conjugate_present(&normalize_str(v)))).collect(),
            term_preps: fold(&g.term_preps).into_iter().collect(),
            expectation_words: fold(&g.expectation_words).into_iter().collect(),
            share_words: fold(&g.share_words).into_iter().collect(),
            another_words: fold(&g.another_words).into_iter().collect(),
            retaliation_words: fold(&g.retaliation_words).into_iter().collect(),
            verbal_attack_words: fold(&g.verbal_attack_words).into_iter().collect(),
            sources: g.sources.clone(),
        }
    }
}

/// A cue form that is another form of its pattern plus a pronoun suffix
/// (لقائهما = لقاء + هما, زيارتها = زيارة + ها) carries that suffix: the
/// lexicon lists such forms because the stem is spelled differently before
/// a suffix. Only suffixes of a third person count (ـه، ـها، ـهم، ـهما، ـهن).
fn mark_spelled_suffixes(surfaces: &mut [Surface], patterns: &[Pattern], g: &Grammar) {
    // (ـه too, where the stem's spelling shows it: زيارته = زيارة + ـه, while
    // مواجهه is a taa marbuta)
    let third = ["ه".to_string()];
    let suffixes: Vec<&String> = g.cue_suffixes.iter().filter(|x| x.starts_with('ه') && x.chars().count() >= 2).chain(third.iter()).collect();
    for s in surfaces.iter_mut() {
        let Target::Cue(ps) = &s.target else { continue };
        let stems: HashSet<String> = ps.iter().flat_map(|&pi| patterns[pi].forms.iter()).map(|f| strip_article(&normalize_str(f)).0).collect();
        let word = s.form.rsplit(' ').next().unwrap_or(&s.form);
        for x in &suffixes {
            let Some(stem) = word.strip_suffix(x.as_str()) else { continue };
            if stem.chars().count() < 3 {
                continue;
            }
            // (the stem's last letter as it stands alone: ـت of a taa
            // marbuta is ه, ـي of a hamza on its seat is ء)
            let head = &s.form[..s.form.len() - word.len()];
            let last = stem.chars().last().unwrap();
            let body = &stem[..stem.len() - last.len_utf8()];
            // (ـه only where the stem's spelling changed before it: a stem
            // that is a form as it stands may be a masculine beside its
            // feminine, المساند beside المساندة)
            let alone = [format!("{body}ه"), format!("{body}ء"), stem.to_string()];
            let candidates = if x.as_str() == "ه" { &alone[..2] } else { &alone[..] };
            if candidates.iter().any(|a| stems.contains(&format!("{head}{a}"))) {
                s.spelled_suffix = x.len();
                break;
            }
        }
    }
}

/// The closest known name, for "did you mean".
pub fn closest<'a>(name: &str, known: impl Iterator<Item = &'a String>) -> Option<&'a String> {
    known
        .map(|k| (strsim::normalized_levenshtein(name, k), k))
        .filter(|(s, _)| *s > 0.5)
        .max_by(|a, b| a.0.partial_cmp(&b.0).unwrap())
        .map(|(_, k)| k)
}
