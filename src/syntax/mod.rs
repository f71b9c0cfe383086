//! Sentence structure: a sentence's words, the lexicon mentions placed
//! among them ([`Item`]), the entity mentions grouped into chunks that fill
//! one argument slot together ([`Unit`]: coordinations such as
//! «إيران وروسيا والعراق», appositions such as «نظيره التركي هاكان فيدان»,
//! with the preposition that governs them), and clauses (cut at clause
//! breaks and at ; ؛ :).
//!
//! It sits between the matcher and the extractor because every later stage
//! reads the same structure: frames find their arguments by chunk and
//! clause, polarity scopes negators by word, coreference replaces a
//! reference item by the entities it stands for. Like spaCy's `Doc`, it is
//! built once per sentence and only read after that; the closed-class words
//! it needs (prepositions, clause breaks, relative pronouns, particles) are
//! data, in `lexicons/grammar.ron`.

use crate::lexicon::{Lexicon, Target};
use crate::matcher::{words, Mention};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Where an entity that reached a sentence through a reference was named:
/// the antecedent as written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Via {
    pub text: String,
    pub sentence: usize,
    /// Byte offsets in the input text.
    pub span: [usize; 2],
}

/// What a mention is, resolved against the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// A name, or a reference resolved to it (`via`: index into
    /// `Sentence::vias`).
    Entity { entity: usize, nisba: bool, via: Option<usize> },
    /// A reference (الطرفان، الحزب، قواتها) not resolved (yet).
    Reference(usize),
    Cue(Vec<usize>),
    Negator,
    Denial,
    Falsity,
}

/// A mention placed among the sentence's words.
#[derive(Debug, Clone)]
pub struct Item {
    pub mention: Mention,
    pub kind: ItemKind,
    /// Index of the first and last word it covers.
    pub first_word: usize,
    pub last_word: usize,
    /// Clause number (clauses are cut at clause breaks).
    pub clause: usize,
}

/// Entity mentions that fill one slot together.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Indices into `Sentence::items`.
    pub items: Vec<usize>,
    pub first_word: usize,
    pub last_word: usize,
    pub clause: usize,
    /// The preposition that governs the unit's first mention, if any.
    pub prep: Option<String>,
    /// The first mention is a nisba adjective (القوات الإيرانية).
    pub nisba: bool,
}

impl Unit {
    /// The unit's last mention gives way to item `i`, which names it more
    /// closely (a person after a title, a name in parentheses after the
    /// phrase it names).
    fn replace_last(&mut self, i: usize, last_word: usize) {
        self.items.pop();
        self.items.push(i);
        self.last_word = last_word;
        if self.items.len() == 1 {
            self.nisba = false;
        }
    }
}

pub struct Sentence<'a> {
    /// The article's folded text.
    pub text: &'a str,
    pub range: Range<usize>,
    pub words: Vec<Range<usize>>,
    /// Clause break before word i (i is the first word of a new clause).
    pub clause_of_word: Vec<usize>,
    pub items: Vec<Item>,
    pub units: Vec<Unit>,
    /// Antecedents of the references resolved in this sentence.
    pub vias: Vec<Via>,
    /// Is word i a light verb (أجرى، شنّت، وسيعقد)? Asked for every noun cue,
    /// so decided once.
    pub light_verb: Vec<bool>,
}

impl<'a> Sentence<'a> {
    pub fn new(lex: &Lexicon, text: &'a str, range: Range<usize>, mentions: &[Mention]) -> Sentence<'a> {
        let words: Vec<Range<usize>> = words(&text[range.clone()]).into_iter().map(|w| w.start + range.start..w.end + range.start).collect();
        let clause_of_word = clauses(lex, text, &words);
        let word_at = |pos: usize| words.partition_point(|w| w.start <= pos).saturating_sub(1);
        let items: Vec<Item> = mentions
            .iter()
            .map(|m| {
                let s = &lex.surfaces[m.surface];
                let kind = match &s.target {
                    Target::Entity(e) => {
                        let pro = m.proclitic(text);
                        let nisba = s.nisba || (s.nisba_with_article && (pro.ends_with("ال") || pro.ends_with("لل")));
                        ItemKind::Entity { entity: *e, nisba, via: None }
                    }
                    Target::Cue(p) => ItemKind::Cue(p.clone()),
                    Target::Reference(r) => ItemKind::Reference(*r),
                    Target::Negator => ItemKind::Negator,
                    Target::Denial => ItemKind::Denial,
                    Target::Falsity => ItemKind::Falsity,
                };
                let first_word = word_at(m.span.start);
                let last_word = word_at(m.span.end.saturating_sub(1)).max(first_word);
                let clause = clause_of_word.get(first_word).copied().unwrap_or(0);
                Item { mention: m.clone(), kind, first_word, last_word, clause }
            })
            .collect();
        let light_verb = words
            .iter()
            .map(|w| {
                let word = &text[w.clone()];
                let bare = word.strip_prefix(['و', 'ف']).filter(|b| b.chars().count() >= 2).unwrap_or(word);
                // (and in the future: سيعقد، وستجري)
                let present = bare.strip_prefix('س').filter(|b| b.chars().count() >= 3).unwrap_or(bare);
                let lv = &lex.grammar.light_verbs;
                lv.contains(word) || lv.contains(bare) || lv.contains(present)
            })
            .collect();
        Sentence { text, range, words, clause_of_word, items, units: Vec::new(), vias: Vec::new(), light_verb }
    }

    /// Group the entity items into units; call once references are resolved.
    pub fn group(&mut self, lex: &Lexicon) {
        self.units = self.build_units(lex);
    }

    /// Replace reference item `i` by one entity item per antecedent.
    pub fn resolve_item(&mut self, i: usize, entities: &[(usize, Via)]) {
        let it = self.items.remove(i);
        for (k, (e, via)) in entities.iter().enumerate() {
            self.vias.push(via.clone());
            let mut n = it.clone();
            n.kind = ItemKind::Entity { entity: *e, nisba: false, via: Some(self.vias.len() - 1) };
            self.items.insert(i + k, n);
        }
    }

    /// Is the verb at item `ci` the head of a relative clause: right after a
    /// relative pronoun (التي تدعمها، الذي كان يقوده) or a bare indefinite
    /// noun (مسلحين تدعمهم إيران)? Its pronoun suffix is then that noun,
    /// and its missing subject too: neither is an actor named earlier.
    pub fn in_relative_clause(&self, lex: &Lexicon, ci: usize) -> bool {
        self.relative_clause_at(lex, self.items[ci].first_word)
    }

    /// Does a relative clause start at word `w` (see
    /// [`Sentence::in_relative_clause`])?
    pub fn relative_clause_at(&self, lex: &Lexicon, w: usize) -> bool {
        let g = &lex.grammar;
        let s = self;
        let Some(mut k) = w.checked_sub(1) else { return false };
        if s.clause_of_word[k] != s.clause_of_word[w] {
            return false;
        }
        if g.copulas.contains(s.word(k)) && k > 0 {
            k -= 1;
        }
        let word = s.word(k);
        if g.relatives.contains(word) {
            return true;
        }
        let covered = s.items.iter().any(|it| it.first_word <= k && k <= it.last_word);
        let closed = g.particles.contains(word) || g.prepositions.contains(word) || g.complementizers.contains(word) || g.negators.iter().any(|n| n == word) || g.clause_breaks.contains(word);
        let definite = ["ال", "وال", "بال", "لل", "فال"].iter().any(|p| word.starts_with(p));
        let is_word = word.chars().count() >= 3 && word.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c));
        !covered && !closed && !definite && is_word && !s.text[s.words[k].end..s.words[w].start].contains(['،', ',', '.', ':', '"', '«', '»'])
    }

    /// Is unit `u` a nisba describing a cue noun before it that stands in a
    /// prepositional phrase (بغطاء جوي روسي، بوساطة تركية)? It is that noun's argument, never another
    /// verb's object.
    pub fn nisba_of_cue(&self, u: &Unit) -> bool {
        if !u.nisba {
            return false;
        }
        for back in 1..=2 {
            let Some(w) = u.first_word.checked_sub(back) else { return false };
            if let Some(x) = self.items.iter().find(|x| x.first_word <= w && w <= x.last_word) {
                // (only a noun inside a prepositional phrase: تدعم الغارات
                // الروسية has the strikes, nisba and all, as its object)
                // (بدعم may be a form of its own, with no proclitic split off)
                let word = self.word(x.first_word).trim_start_matches(['و', 'ف']);
                return matches!(x.kind, ItemKind::Cue(_)) && word.starts_with(['ب', 'ل', 'ك']) && word.chars().count() >= 4;
            }
            if !self.relational_adjective(w) {
                return false;
            }
        }
        false
    }

    /// Is item `i` a nisba naming a territory (العاصمة القطرية، الحدود
    /// التركية، البلدات السورية)? It is a place, not the state as an actor.
    pub fn territory_nisba(&self, lex: &Lexicon, i: usize) -> bool {
        let it = &self.items[i];
        if !matches!(it.kind, ItemKind::Entity { nisba: true, .. }) || it.first_word == 0 {
            return false;
        }
        let w = it.first_word - 1;
        // (a nisba after a place's name, past one adjective, describes the
        // place: مدينة سوتشي السياحية الروسية)
        let place_at = |k: usize| self.items.iter().any(|x| x.last_word == k && matches!(x.kind, ItemKind::Entity { entity, nisba: false, .. } if lex.entities[entity].kind == crate::lexicon::EntityKind::Place));
        if place_at(w) || (w > 0 && self.relational_adjective(w) && !self.word_in_item(w) && place_at(w - 1)) {
            return true;
        }
        if self.items.iter().any(|x| x.first_word <= w && w <= x.last_word) {
            return false;
        }
        let word = self.word(w);
        let bare = ["وال", "بال", "لل", "ال", "و", "ب", "ل"].iter().find_map(|p| word.strip_prefix(p).filter(|b| b.chars().count() >= 3)).unwrap_or(word);
        lex.grammar.territory_heads.contains(word) || lex.grammar.territory_heads.contains(bare)
    }

    /// Does unit `u` stand right after a word of affiliation (موالية لإيران،
    /// المدعومة من تركيا)? Returns that word's index.
    pub fn affiliated(&self, lex: &Lexicon, u: &Unit) -> Option<usize> {
        (u.first_word.saturating_sub(2)..u.first_word).rev().find(|&w| lex.grammar.affiliation_words.contains(self.word(w)))
    }

    /// Does unit `u` stand right after a word of ownership (موقع تابع
    /// للنظام)?
    /// The name that acts for unit `u`, after a word of representation and
    /// في or ب (المعارضة السورية ممثلة في المجلس الوطني، ممثلةً بالائتلاف).
    pub fn representative(&self, lex: &Lexicon, u: &Unit) -> Option<&Unit> {
        // (past an adjective or two of the name: المعارضة السورية المدنية ممثلة)
        let mut w = u.last_word + 1;
        while w < self.words.len() && w - u.last_word <= 2 && self.clause_of_word[w] == u.clause && !self.word_in_item(w) && self.relational_adjective(w) {
            w += 1;
        }
        if w >= self.words.len() || !lex.grammar.representation_words.contains(self.word(w)) {
            return None;
        }
        self.units.iter().find(|r| r.clause == u.clause && (r.first_word == w + 1 || r.first_word == w + 2) && matches!(r.prep.as_deref(), Some("في" | "ب")))
    }

    pub fn owned_by(&self, lex: &Lexicon, u: &Unit) -> bool {
        (u.first_word.saturating_sub(2)..u.first_word).any(|w| lex.grammar.ownership_words.contains(self.word(w)))
    }

    /// Is word `w` definite by its article (الـ, after و ف ب ل; لل)?
    pub fn definite(&self, w: usize) -> bool {
        let word = self.word(w);
        word.trim_start_matches(['و', 'ف', 'ب', 'ل']).starts_with("ال") || word.starts_with("لل")
    }

    /// Is word `w` a relational adjective that may stand between a noun and
    /// its nisba (جوي، عسكرية)?
    pub fn relational_adjective(&self, w: usize) -> bool {
        let word = self.word(w);
        word.ends_with('ي') || word.ends_with("يه")
    }

    pub fn word(&self, i: usize) -> &str {
        &self.text[self.words[i].clone()]
    }

    pub fn entity(&self, item: usize) -> Option<(usize, bool)> {
        match self.items[item].kind {
            ItemKind::Entity { entity, nisba, .. } => Some((entity, nisba)),
            _ => None,
        }
    }

    /// Is every member of the unit a plain place (not a state)?
    pub fn is_place_unit(&self, lex: &Lexicon, u: &Unit) -> bool {
        self.members(u).iter().all(|&e| lex.entities[e].kind == crate::lexicon::EntityKind::Place)
    }

    /// Members of a unit as entity indices.
    pub fn members(&self, u: &Unit) -> Vec<usize> {
        u.items.iter().filter_map(|&i| self.entity(i).map(|(e, _)| e)).collect()
    }

    /// Is word `w` a member of a group or a count of them (عناصر، عدد،
    /// ثلاثة، 25: grammar.ron `members`, `quantities`, or digits)?
    pub fn member_word(&self, lex: &Lexicon, w: usize) -> bool {
        let word = self.word(w);
        let g = &lex.grammar;
        g.members.contains(word) || g.quantities.contains(word) || (!word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c)))
    }

    /// Is word `w` covered by any item?
    pub fn word_in_item(&self, w: usize) -> bool {
        self.items.iter().any(|it| it.first_word <= w && w <= it.last_word)
    }

    /// Does a new clause start between words `a` and `b` (exclusive) at a
    /// comma followed by a conjoined word that is not a name (، وقال، ،
    /// والخطوط)? Coordinated names (، وروسيا) do not break.
    pub fn soft_break_between(&self, a: usize, b: usize) -> bool {
        (a + 1..b.min(self.words.len())).any(|w| {
            let gap = &self.text[self.words[w - 1].end..self.words[w].start];
            (gap.contains('،') || gap.contains(',')) && self.word(w).starts_with('و') && !self.items.iter().any(|it| it.first_word == w && matches!(it.kind, ItemKind::Entity { .. }))
        })
    }

    /// Text between two items, folded, trimmed.
    fn gap(&self, a: &Item, b: &Item) -> &str {
        let from = a.mention.span.end.min(b.mention.span.start);
        self.text[from..b.mention.span.start].trim()
    }

    fn build_units(&self, lex: &Lexicon) -> Vec<Unit> {
        let mut units: Vec<Unit> = Vec::new();
        let mut prev: Option<usize> = None;
        // the current unit has a member joined by و
        let mut waw_joined = false;
        for (i, it) in self.items.iter().enumerate() {
            let Some((e, nisba)) = self.entity(i) else {
                prev = None;
                continue;
            };
            if let Some(p) = prev {
                let pit = &self.items[p];
                // the parties of one reference (الطرفان) fill one slot
                if pit.mention.span == it.mention.span {
                    let u = units.last_mut().unwrap();
                    u.items.push(i);
                    prev = Some(i);
                    continue;
                }
                let (pe, pnisba) = self.entity(p).unwrap();
                let gap = self.gap(pit, it);
                let conj = it.mention.proclitic(self.text).starts_with('و');
                let same_clause = pit.clause == it.clause;
                let adjacent = gap.is_empty() && !conj && same_clause;
                let u = units.last_mut().unwrap();
                // the same entity twice in a row is one mention (العاصمة
                // التركية أنقرة، الرئيس السوري بشار الأسد)
                let named = |x: &Item| matches!(x.kind, ItemKind::Entity { via: None, .. });
                if adjacent && e == pe && named(it) && named(pit) {
                    u.last_word = it.last_word;
                    prev = Some(i);
                    continue;
                }
                // a name in parentheses names the phrase before it, when it
                // belongs to the entity that phrase named: «القيادة العسكرية
                // الأمريكية في الشرق الأوسط (سنتكوم)» is CENTCOM, «وزارة
                // الدفاع الأمريكية (البنتاغون)» the Pentagon
                let parenthesis = gap.ends_with('(') && !gap[..gap.len() - 1].contains(['(', ')', '،', ',', '.', ':', '؛', ';', '"', '«', '»']) && it.first_word - pit.last_word <= 4;
                if parenthesis && same_clause && e != pe && named(it) && lex.entities[e].kind.is_actor() && lex.chain(e).contains(&pe) && u.items.last() == Some(&p) {
                    u.replace_last(i, it.last_word);
                    prev = Some(i);
                    continue;
                }
                // apposition: a title or nisba then a person's name
                let person = |x: usize| lex.entities[x].kind == crate::lexicon::EntityKind::Person;
                // (the same entity twice in a row is one mention: العاهل
                // الأردني عبد الله الثاني)
                // (past a first name the lexicon does not hold or a rank: وزير الخارجية
                // التركي أحمد داوود أوغلو)
                let first_name = pnisba && same_clause && !conj && !gap.is_empty() && gap.split_whitespace().count() == 1 && gap.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c)) && {
                    let g = &lex.grammar;
                    !(g.prepositions.contains(gap) || g.particles.contains(gap) || g.time_words.contains(gap) || g.complementizers.contains(gap) || g.members.contains(gap) || g.relatives.contains(gap))
                };
                // (not after a place in a prepositional phrase: «المبعوث
                // الدولي إلى سورية كوفي عنان» names the envoy, whose title
                // governs the place; «وزير خارجية الإمارات عبد الله بن زايد»
                // is a title with a genitive)
                let in_pp = proclitic_prep(pit.mention.proclitic(self.text)).is_some() || (pit.first_word > 0 && lex.grammar.prepositions.contains(self.word(pit.first_word - 1)));
                // (but a body the person belongs to is the title's genitive,
                // not its object: «القائد العام لقسد مظلوم عبدي», «الأمين
                // العام لحزب الله حسن نصر الله» name the commander)
                let own_body = lex.chain(e).contains(&pe);
                // (a bare name is a title's genitive only after a title:
                // «وزير خارجية الإمارات عبد الله بن زايد»; «اتهمت روسيا
                // أردوغان» is two slots)
                let after_title = pit.first_word > 0 && (pit.first_word.saturating_sub(2)..pit.first_word).any(|k| {
                    let x = self.word(k);
                    let bare = x.strip_prefix('و').filter(|b| b.chars().count() >= 2).unwrap_or(x);
                    let stem = bare.strip_prefix("ال").filter(|b| b.chars().count() >= 2).unwrap_or(bare);
                    lex.grammar.titles.contains(x) || lex.grammar.titles.contains(bare) || lex.grammar.titles.contains(stem)
                });
                let title = pnisba || own_body || (!in_pp && after_title);
                // (a name in quotation marks is still the title's: الرئيس
                // السوري “أحمد الشرع”)
                let quoted = !gap.is_empty() && gap.chars().all(|c| matches!(c, '"' | '“' | '”' | '«' | '»' | '\'' | ' ')) && !conj && same_clause;
                if (adjacent || quoted || first_name) && person(e) && !nisba && (!person(pe) || pe == e) && title {
                    u.replace_last(i, it.last_word);
                    prev = Some(i);
                    // the body stood in the title's genitive: the person's
                    // slot is the title's («والقائد العام لقسد مظلوم عبدي»
                    // is the second party after بين, «مع الأمين العام لحزب
                    // الله» is after مع)
                    if own_body && in_pp && !pnisba && u.items.len() == 1 {
                        self.seat_titled_person(lex, &mut units, pit);
                    }
                    continue;
                }
                // a name then a nisba that describes it (حزب الله اللبناني)
                if adjacent && nisba && !pnisba {
                    u.last_word = it.last_word;
                    prev = Some(i);
                    continue;
                }
                // coordination: و or a comma between, or two nisbas in a row
                let coord_gap = gap.is_empty() || gap.chars().all(|c| matches!(c, '،' | ',' | '-' | ' ' | 'و' | '"' | '(' | ')')) || gap == "او";
                // (a reference resolved to names is a slot of its own: وأنهما
                // after «إلى ريف الحسكة،» does not join the place)
                let resolved = matches!(it.kind, ItemKind::Entity { via: Some(_), .. });
                // (a list closes with its و: after «روسيا ونظام الأسد» a
                // comma alone opens the next slot, اتهمت روسيا ونظام الأسد،
                // الولايات المتحدة)
                let comma_only = !conj && !gap.is_empty() && !gap.contains('و') && gap.contains(['،', ',']);
                // (nor does a name inside a prepositional phrase take a name
                // of another kind after a comma alone, when no و goes on with
                // a list: «… في عمّان، إيران بسحب», «عن مركز المصالحة في
                // حميميم، الولايات المتحدة» close a parenthetical, and a new
                // slot opens)
                let list_goes_on = self.items.get(i + 1).is_some_and(|n| matches!(n.kind, ItemKind::Entity { .. }) && n.clause == it.clause && n.first_word <= it.last_word + 2 && n.mention.proclitic(self.text).starts_with('و'));
                let located = comma_only && u.prep.as_ref().is_some_and(|x| x != "بين") && lex.entities[pe].kind != lex.entities[e].kind && !list_goes_on;
                // (a place after a comma whose name opens with a direction,
                // إدلب، شمالي سوريا, says where the place before it lies: it
                // is no second place of the list)
                let place = |x: usize| lex.entities[x].kind == crate::lexicon::EntityKind::Place;
                let whereabouts = comma_only && place(pe) && place(e) && lex.grammar.locatives.contains(self.word(it.first_word)) && !list_goes_on;
                let closed = (comma_only && waw_joined) || located || whereabouts;
                let coord = same_clause && !resolved && !closed && ((coord_gap && (conj || !gap.is_empty() || (nisba && pnisba))) || self.coordinated_nisba(lex, pit, it));
                // (the second side of «بين» after the first side's patron
                // is that side's partner, not the patron's: بين قوات الأسايش
                // التابعة للإدارة الذاتية وعناصر من الدفاع الوطني)
                let patron = (conj || gap.starts_with('و')) && u.items.len() == 1 && (self.affiliated(lex, u).is_some() || self.owned_by(lex, u));
                let n = units.len();
                if coord && patron && n >= 2 && units[n - 2].prep.as_deref() == Some("بين") && units[n - 2].items.len() == 1 && units[n - 2].clause == it.clause {
                    units[n - 2].items.push(i);
                    prev = Some(i);
                    continue;
                }
                let u = units.last_mut().unwrap();
                if coord {
                    waw_joined |= conj || gap.contains('و');
                    u.items.push(i);
                    u.last_word = it.last_word;
                    prev = Some(i);
                    continue;
                }
            }
            waw_joined = false;
            units.push(Unit {
                items: vec![i],
                first_word: it.first_word,
                last_word: it.last_word,
                clause: it.clause,
                prep: self.governing_prep(lex, i),
                nisba,
            });
            prev = Some(i);
        }
        units
    }

    /// The last unit is a person named after a title and the body he
    /// belongs to in its genitive (القائد العام لقسد مظلوم عبدي): its slot
    /// is the title's. A title conjoined right after the unit before joins
    /// it (بين الرئيس السوري أحمد الشرع والقائد العام لقسد مظلوم عبدي);
    /// else the unit takes the preposition before the title, if any.
    fn seat_titled_person(&self, lex: &Lexicon, units: &mut Vec<Unit>, body: &Item) {
        let g = &lex.grammar;
        let is_title = |w: usize| {
            let word = self.word(w);
            let bare = word.strip_prefix('و').filter(|b| b.chars().count() >= 2).unwrap_or(word);
            let stem = bare.strip_prefix("ال").filter(|b| b.chars().count() >= 2).unwrap_or(bare);
            g.titles.contains(word) || g.titles.contains(bare) || g.titles.contains(stem)
        };
        let mut first = body.first_word;
        while first > 0 && body.first_word - first < 3 && self.clause_of_word[first - 1] == body.clause && is_title(first - 1) && !self.word_in_item(first - 1) {
            first -= 1;
        }
        if first == body.first_word {
            return;
        }
        let n = units.len();
        let joined = self.word(first).starts_with('و');
        if joined && n >= 2 {
            let before = &units[n - 2];
            let gap = &self.text[self.words[before.last_word].end..self.words[first].start];
            let plain = gap.chars().all(|c| matches!(c, '"' | '“' | '”' | '«' | '»' | '\'' | ' '));
            if before.clause == body.clause && before.last_word + 1 == first && plain {
                let last = units.pop().unwrap();
                let before = units.last_mut().unwrap();
                before.items.extend(last.items);
                before.last_word = last.last_word;
                return;
            }
        }
        let u = units.last_mut().unwrap();
        u.first_word = first;
        u.prep = None;
        if first > 0 && self.clause_of_word[first - 1] == body.clause && g.prepositions.contains(self.word(first - 1)) {
            u.prep = Some(self.word(first - 1).to_string());
        } else {
            let word = self.word(first);
            for t in g.titles.iter() {
                if let Some(p) = word.strip_suffix(t.as_str()).and_then(proclitic_prep) {
                    u.prep = Some(p);
                    break;
                }
            }
        }
    }

    /// "وتسعة مقاتلين روس": a conjunction on a number or noun or two, then
    /// the name of the new conjunct, with no preposition between.
    fn coordinated_nisba(&self, lex: &Lexicon, a: &Item, b: &Item) -> bool {
        if a.clause != b.clause || b.first_word <= a.last_word + 1 {
            return false;
        }
        let between: Vec<usize> = (a.last_word + 1..b.first_word).collect();
        // a partitive من after the counted noun is fine (وضباطا من الجيش الروسي)
        let prep_at = |w: usize| lex.grammar.prepositions.contains(self.word(w)) && !(self.word(w) == "من" && w + 2 >= b.first_word && w > a.last_word + 1);
        // a nisba brings its head noun along (وضباطا من الجيش الروسي)
        let b_nisba = matches!(b.kind, ItemKind::Entity { nisba: true, .. });
        let max = if b_nisba { 3 } else { 2 };
        if between.len() > max || between.iter().any(|&w| self.word_in_item(w) || prep_at(w)) {
            return false;
        }
        let pro = b.mention.proclitic(self.text);
        let pro = pro.strip_suffix("ال").unwrap_or(pro);
        if pro.chars().any(|c| matches!(c, 'ب' | 'ل' | 'ك')) {
            return false;
        }
        // only the conjoined word may follow a comma; no new clause inside
        let inner = &self.text[self.words[between[0]].end..b.mention.span.start];
        if inner.contains(['،', ',', '.', '؛', ';', ':']) || between.iter().any(|&w| lex.grammar.complementizers.contains(self.word(w))) {
            return false;
        }
        // (a word that only starts with و is no conjunction: وزير الخارجية)
        let first = self.word(between[0]);
        let g = &lex.grammar;
        let whole_word = g.titles.contains(first) || g.members.contains(first) || g.actor_heads.iter().any(|h| h == first) || g.place_heads.iter().any(|h| h == first);
        // (before a name, the conjoined word is the name's head noun, not a
        // verb: «ريف إدلب، ووجهت أنقرة» is two clauses)
        let bare = first.strip_prefix('و').unwrap_or(first);
        let head_like = |w: &str| w.starts_with("ال") || g.titles.contains(w) || g.members.contains(w) || g.actor_heads.iter().any(|h| h == w) || g.place_heads.iter().any(|h| h == w) || g.territory_heads.contains(w);
        let after_comma = self.text[a.mention.span.end..self.words[between[0]].start].contains(['،', ',']);
        let nominal = b_nisba || !after_comma || head_like(bare);
        first.starts_with('و') && first.chars().count() > 1 && !whole_word && nominal && !self.text[a.mention.span.end..self.words[between[0]].start].contains(['.', '؛', ';', ':'])
    }

    /// The preposition governing item `i`: its own proclitic (بالحرس،
    /// لإيران), or a preposition word up to three words before it, where the
    /// words between are nouns (من مدينة البوكمال، على المقترح الروسي).
    pub fn governing_prep(&self, lex: &Lexicon, i: usize) -> Option<String> {
        let it = &self.items[i];
        if let Some(p) = proclitic_prep(it.mention.proclitic(self.text)) {
            return Some(p);
        }
        // a nisba describes the noun before it (past one more adjective), so
        // it stands inside that noun's prepositional phrase: بغطاء جوي روسي
        if matches!(it.kind, ItemKind::Entity { nisba: true, .. }) {
            let g = &lex.grammar;
            let is_head = |w: &str| g.place_heads.iter().chain(&g.actor_heads).any(|h| h == w) || g.titles.contains(w);
            for back in 1..=2 {
                let Some(w) = it.first_word.checked_sub(back) else { break };
                // (a head that is a cue takes the nisba as its own argument:
                // بوساطة تركية، برعاية روسية)
                if self.word_in_item(w) || self.clause_of_word[w] != it.clause {
                    break;
                }
                let word = self.word(w);
                let rest = word.get(2..).unwrap_or("");
                if word.starts_with(['ب', 'ل', 'ك']) && rest.chars().count() >= 4 && !is_head(word) && !rest.starts_with("ال") {
                    return Some(word[..2].to_string());
                }
                // only a relational adjective (جوي، عسكرية) may stand between
                if !self.relational_adjective(w) {
                    break;
                }
            }
        }
        let preps = &lex.grammar.prepositions;
        let stop = self.items[..i].iter().rev().find(|x| x.last_word < it.first_word).map(|x| x.last_word + 1).unwrap_or(0);
        let mut w = it.first_word;
        let mut steps = 0;
        while w > stop && steps < 3 {
            w -= 1;
            steps += 1;
            if self.clause_of_word[w] != it.clause {
                break;
            }
            // a comma closes the phrase a preposition opened: «من جانبه، أعلن
            // مجلس دير الزور العسكري» has its subject bare, «في بيان، قالت
            // الخارجية» too
            if self.text[self.words[w].end..self.words[w + 1].start].contains(['،', ',']) {
                break;
            }
            let word = self.word(w);
            // a preposition does not reach across أن (إلى أن إيران تساعد)
            if lex.grammar.complementizers.contains(word) {
                break;
            }
            if w > stop && self.words[w].start == self.words[w - 1].end + 1 {
                let two = &self.text[self.words[w - 1].start..self.words[w].end];
                if preps.contains(two) {
                    return Some(two.to_string());
                }
            }
            if preps.contains(word) {
                // a state or its capital right after في, on a noun of
                // government past its adjectives, is that government, an
                // actor, not a place (الإدارة الجديدة في سوريا، السلطات في
                // دمشق): the name takes the noun's slot
                if word == "في" && w + 1 == it.first_word && w >= 1 {
                    let state = matches!(it.kind, ItemKind::Entity { nisba: false, entity, .. } if lex.entities[entity].kind == crate::lexicon::EntityKind::State || lex.entities[entity].agent_as.is_some());
                    let mut k = w - 1;
                    while k > 0 && w - k <= 2 && self.word(k).starts_with("ال") && !preps.contains(self.word(k)) && !self.word_in_item(k) && !lex.grammar.government_heads.contains(self.word(k)) {
                        k -= 1;
                    }
                    let head = self.word(k);
                    let bare = head.strip_prefix(['و', 'ف']).filter(|b| b.chars().count() >= 4).unwrap_or(head);
                    if state && self.clause_of_word[k] == it.clause && !self.word_in_item(k) && (lex.grammar.government_heads.contains(head) || lex.grammar.government_heads.contains(bare)) {
                        return (k >= 1 && self.clause_of_word[k - 1] == it.clause && preps.contains(self.word(k - 1))).then(|| self.word(k - 1).to_string());
                    }
                }
                // a definite noun closes the phrase it heads: a definite name
                // of an actor after it begins anew (طالبت الدول الضامنة في
                // البيان الختامي الأمم المتحدة بـ…، اتهمت موسكو في بيانها
                // الرسمي الولايات المتحدة), unless the noun is a head or
                // title that takes the name (إلى الرئيس، مع الحركة)
                let g = &lex.grammar;
                let head_word = |x: &str| {
                    let bare = x.strip_prefix("ال").unwrap_or(x);
                    [&g.place_heads, &g.actor_heads].iter().any(|l| l.iter().any(|h| h == x || h == bare)) || [&g.members, &g.titles, &g.territory_heads].iter().any(|l| l.contains(x) || l.contains(bare))
                };
                let actor_name = matches!(it.kind, ItemKind::Entity { nisba: false, entity, .. } if lex.entities[entity].kind.is_actor()) && self.definite(it.first_word);
                // (definite by its article or by a possessive: في بيانها)
                // (the suffixes are the lexicon's ـها، ـهم، ـهما; not ـه, a
                // folded taa marbuta: في زيارة is open)
                let closed = |k: usize| self.definite(k) || g.cue_suffixes.iter().any(|x| x.starts_with('ه') && x.chars().count() >= 2 && self.word(k).ends_with(x.as_str()));
                if actor_name && w + 1 < it.first_word && closed(w + 1) && !head_word(self.word(w + 1)) && (w + 2..it.first_word).all(|k| self.relational_adjective(k) && self.definite(k)) {
                    return None;
                }
                // so does an indefinite noun with an adjective or a phrase
                // with ل of its own: it is no longer in construct, and the
                // name after it, however it begins, is not its genitive (حذر
                // في تصريح صحفي قوات الحشد، اتهم في بيان لقناة الجزيرة الجيش
                // التركي)
                let any_actor = matches!(it.kind, ItemKind::Entity { nisba: false, entity, .. } if lex.entities[entity].kind.is_actor());
                let open_noun = w + 2 < it.first_word && !self.definite(w + 1) && !closed(w + 1) && !head_word(self.word(w + 1)) && !self.word_in_item(w + 1) && !self.relational_adjective(w + 1);
                // (a noun ending like one is no adjective: على ثلث أراضي سوريا)
                let own_adjective = (w + 2..it.first_word).all(|k| self.relational_adjective(k) && !self.definite(k) && !self.word_in_item(k) && !head_word(self.word(k)));
                let own_phrase = it.first_word == w + 3 && {
                    let x = self.word(w + 2);
                    x.starts_with('ل') && !x.starts_with("لل") && x.chars().count() >= 4 && !self.word_in_item(w + 2)
                };
                if any_actor && open_noun && (own_adjective || own_phrase) {
                    return None;
                }
                // a partitive inside another preposition's phrase belongs to
                // that one (بين عناصر من الهيئة ومقاتلي الحركة، ضد مقاتلين من داعش)
                // (and so is a delegation's, or officials' in a body: بين وفد
                // من حماس ووفد إسرائيلي، جمع … بمسؤولين في الاستخبارات التركية)
                let group = |k: usize| self.member_word(lex, k) || lex.grammar.delegations.contains(self.word(k));
                if matches!(word, "من" | "في" | "عن") && w >= 1 && w - 1 >= stop && self.clause_of_word[w - 1] == it.clause {
                    let before = self.word(w - 1);
                    if group(w - 1) && w >= 2 && w - 2 >= stop && self.clause_of_word[w - 2] == it.clause {
                        let outer = self.word(w - 2);
                        if preps.contains(outer) && outer != "من" {
                            return Some(outer.to_string());
                        }
                    }
                    let g = &lex.grammar;
                    if let Some(p) = ["ب", "ل"].iter().find(|p| before.strip_prefix(**p).is_some_and(|b| g.members.contains(b) || g.delegations.contains(b))) {
                        return Some(p.to_string());
                    }
                }
                // a noun of place used as a preposition (ريف، محيط، شمال) after
                // a true one is inside that one's phrase: إلى ريف القصير is
                // still «to», من محيط أريحا still «from»
                if lex.grammar.locatives.contains(word) && w > stop && self.clause_of_word[w - 1] == it.clause {
                    let outer = self.word(w - 1);
                    if preps.contains(outer) && !lex.grammar.locatives.contains(outer) {
                        return Some(outer.to_string());
                    }
                }
                return Some(word.to_string());
            }
            // a head noun with a prepositional proclitic: بمدينة، لقوات، لمقاتلي
            for head in lex.grammar.place_heads.iter().chain(&lex.grammar.actor_heads).chain(lex.grammar.members.iter()) {
                if let Some(p) = word.strip_suffix(head.as_str()).and_then(proclitic_prep) {
                    return Some(p);
                }
            }
        }
        None
    }
}

/// Clause number of each word: a new clause starts at a clause-break word
/// (بينما، حيث، وقال...) or after ; ؛ :
/// The preposition a proclitic chain carries (وبال: ب، لل: ل), if any.
fn proclitic_prep(pro: &str) -> Option<String> {
    let pro = pro.trim_start_matches(['و', 'ف']);
    match pro.strip_suffix("ال").unwrap_or(pro) {
        p @ ("ب" | "ل" | "ك") => Some(p.to_string()),
        "لل" => Some("ل".to_string()),
        _ => None,
    }
}

fn clauses(lex: &Lexicon, text: &str, words: &[Range<usize>]) -> Vec<usize> {
    let mut out = Vec::with_capacity(words.len());
    let mut clause = 0;
    for (i, w) in words.iter().enumerate() {
        let word = &text[w.clone()];
        let punct_before = i > 0 && text[words[i - 1].end..w.start].contains([';', '؛', ':']);
        // two-word breaks (في حين) only when the pair is contiguous
        let is_break = lex.grammar.clause_breaks.contains(word)
            || words.get(i + 1).is_some_and(|n| n.start == w.end + 1 && lex.grammar.clause_breaks.contains(&text[w.start..n.end]));
        if i > 0 && (punct_before || is_break) {
            clause += 1;
        }
        out.push(clause);
    }
    out
}
