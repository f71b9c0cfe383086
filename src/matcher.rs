//! One pass over folded text for every alias, cue and negator of the
//! lexicon.
//!
//! The automaton (Aho-Corasick) holds each form without its article; the
//! proclitic chain before it (و ف ب ل ك ال لل and their combinations) and
//! the word boundary after it are checked here, because the automaton knows
//! nothing of words: "مصر" is found inside "مصرف" and must be thrown away.
//! The search is anchored at word starts (and after a proclitic chain), so
//! a form is never tried inside a word; at each start the longest valid
//! form wins, so "الحرس الثوري الإيراني" beats "الحرس الثوري" and the nisba
//! "الإيراني", and a long form that fails the boundary check falls back to
//! a shorter one rather than hiding it.

use crate::lexicon::{Lexicon, Surface, Target};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use std::ops::Range;

/// A match of a lexicon form in folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The whole span in folded text, proclitics included.
    pub span: Range<usize>,
    /// Where the form itself starts (after the proclitic chain).
    pub core: usize,
    /// Where the form itself ends; a pronoun suffix (cues only) runs from
    /// here to the end of the span.
    pub form_end: usize,
    /// Index into [`Lexicon::surfaces`].
    pub surface: usize,
}

impl Mention {
    /// The proclitic chain before the form, as folded text (may be "").
    pub fn proclitic<'t>(&self, folded: &'t str) -> &'t str {
        &folded[self.span.start..self.core]
    }

    /// The pronoun suffix after the form (هاجمها، انسحابها), or "".
    pub fn suffix<'t>(&self, folded: &'t str) -> &'t str {
        &folded[self.form_end..self.span.end]
    }
}

/// Longer than any pronoun suffix, in bytes: how far past a form we look
/// for the end of its word.
const MAX_SUFFIX: usize = 16;

/// Words are runs of letters and digits: everything else is a boundary.
#[inline]
pub fn is_word_char(c: char) -> bool {
    // folded Arabic letters and ASCII first: Unicode's table is slow
    match c {
        '\u{0621}'..='\u{064A}' => true,
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        _ => c.is_alphanumeric(),
    }
}

pub struct Matcher {
    ac: AhoCorasick,
    /// The surfaces of each automaton pattern.
    by_form: Vec<Vec<usize>>,
    surfaces: Vec<Surface>,
    proclitic_set: rustc_hash::FxHashSet<String>,
    /// Letters that occur in proclitic chains, and the longest chain.
    chain_letters: Vec<char>,
    max_chain: usize,
    suffixes: Vec<String>,
    plural_suffixes: Vec<String>,
}

impl Matcher {
    pub fn new(lex: &Lexicon) -> Matcher {
        // Anchored leftmost-longest DFA: the search runs only at word starts
        // (and right after a proclitic chain), so a form inside a longer word
        // is never even tried, and each word costs a few short lookups.
        // one automaton pattern per distinct form; a form may stand for
        // several surfaces (روس without the article, الروس with it)
        let mut forms: Vec<&str> = Vec::new();
        let mut by_form: Vec<Vec<usize>> = Vec::new();
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, s) in lex.surfaces.iter().enumerate() {
            let k = *index.entry(s.form.as_str()).or_insert_with(|| {
                forms.push(s.form.as_str());
                by_form.push(Vec::new());
                forms.len() - 1
            });
            by_form[k].push(i);
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&forms)
            .expect("lexicon forms build an automaton");
        Matcher {
            ac,
            by_form,
            surfaces: lex.surfaces.clone(),
            proclitic_set: lex.grammar.proclitics.iter().cloned().collect(),
            chain_letters: {
                let mut v: Vec<char> = lex.grammar.proclitics.iter().flat_map(|p| p.chars()).collect();
                v.sort_unstable();
                v.dedup();
                v
            },
            max_chain: lex.grammar.proclitics.iter().map(|p| p.chars().count()).max().unwrap_or(0),
            suffixes: lex.grammar.cue_suffixes.clone(),
            plural_suffixes: lex.grammar.plural_cue_suffixes.clone(),
        }
    }

    /// Every mention in `folded`, in order, non-overlapping: at each word
    /// start the longest valid form wins (after any proclitic chain).
    pub fn find(&self, folded: &str) -> Vec<Mention> {
        let mut out = self.find_forms(folded);
        self.quoted_names(folded, &mut out);
        self.share_heads(folded, &mut out);
        out
    }

    /// A name in quotation marks after its head noun is the head and the
    /// name: «بلدة "الزهراء"» is the lexicon's «بلدة الزهراء», a town where
    /// the bare name is left out as too common a word. The mention runs
    /// from the head to the name's last letter.
    fn quoted_names(&self, folded: &str, out: &mut Vec<Mention>) {
        // (no quote, no work: most sentences)
        if !folded.contains(" \"") {
            return;
        }
        let mut added: Vec<Mention> = Vec::new();
        for (q, _) in folded.match_indices(" \"") {
            let open = q + 1;
            let Some(len) = folded[open + 1..].find('"') else { continue };
            let name = &folded[open + 1..open + 1 + len];
            // (a short name, no quoted speech)
            if name.is_empty() || name.split(' ').count() > 3 || !name.chars().all(|c| is_word_char(c) || c == ' ') {
                continue;
            }
            let before = &folded[..q];
            let Some(head_start) = before.char_indices().rev().take_while(|&(_, c)| is_word_char(c)).last().map(|(k, _)| k) else { continue };
            let composed = format!("{} {name}", &folded[head_start..q]);
            let found = self.find_forms(&composed);
            let [m] = found.as_slice() else { continue };
            // (the head must be part of the form: «مدينة "تدمر"» is matched
            // as تدمر already)
            let head_len = q - head_start;
            if m.span != (0..composed.len()) || m.core >= head_len || !matches!(self.surfaces[m.surface].target, Target::Entity(_)) {
                continue;
            }
            let end = open + 1 + len;
            added.push(Mention { span: head_start..end, core: head_start + m.core, form_end: end, surface: m.surface });
        }
        if added.is_empty() {
            return;
        }
        out.retain(|m| !added.iter().any(|a| m.span.start < a.span.end && a.span.start < m.span.end));
        out.extend(added);
        out.sort_by_key(|m| m.span.start);
    }

    /// The mentions of the lexicon's forms as written, each on its own.
    fn find_forms(&self, folded: &str) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        let mut last_end = 0;
        let mut prev_word = false;
        for (ws, c) in folded.char_indices() {
            let word = is_word_char(c);
            let starts = word && !prev_word;
            prev_word = word;
            if !starts || ws < last_end {
                continue;
            }
            let mut best: Option<Mention> = None;
            let rest = &folded[ws..];
            // proclitic chains are short runs of a few letters: walk them
            // instead of comparing every chain
            let mut starts = [ws; 6];
            let mut n = 1;
            for (k, ch) in rest.char_indices().take(self.max_chain) {
                if !self.chain_letters.contains(&ch) {
                    break;
                }
                let end = ws + k + ch.len_utf8();
                if n < starts.len() && self.proclitic_set.contains(&folded[ws..end]) {
                    starts[n] = end;
                    n += 1;
                }
            }
            for &s in &starts[..n] {
                if let Some(m) = self.longest_at(folded, ws, s) {
                    if best.as_ref().is_none_or(|b| self.better(&m, b)) {
                        best = Some(m);
                    }
                }
            }
            if let Some(m) = best {
                last_end = m.span.end;
                out.push(m);
            }
        }
        out
    }

    /// Nisbas coordinated by و after one head noun each stand with that
    /// head: in «للميليشيات العراقية والأفغانية والباكستانية» the later
    /// nisbas are «الميليشيات الأفغانية» and «الميليشيات الباكستانية», which
    /// the lexicon may name as entities of their own (not the states). A
    /// nisba whose head+nisba form the lexicon does not know keeps its own
    /// reading (القوات الروسية والتركية: Russia and Turkey).
    fn share_heads(&self, folded: &str, out: &mut [Mention]) {
        let entity_surface = |m: &Mention| matches!(self.surfaces[m.surface].target, Target::Entity(_));
        let is_nisba = |m: &Mention| {
            let s = &self.surfaces[m.surface];
            let pro = m.proclitic(folded);
            entity_surface(m) && (s.nisba || (s.nisba_with_article && (pro.ends_with("ال") || pro.ends_with("لل"))))
        };
        let mut i = 0;
        while i < out.len() {
            let first = &out[i];
            if !entity_surface(first) {
                i += 1;
                continue;
            }
            // the head: the words of a name before its final nisba
            // (الميليشيات العراقية), or the word right before a bare nisba
            // (القوات الروسية)
            let text = &folded[first.span.clone()];
            let head = match text.rfind(' ') {
                Some(k) => Some(&text[..=k]),
                None if is_nisba(first) => {
                    let before = folded[..first.span.start].trim_end_matches(' ');
                    let start = before.char_indices().rev().take_while(|&(_, c)| is_word_char(c)).last().map(|(k, _)| k);
                    start.filter(|_| before.len() < first.span.start).map(|k| &folded[k..first.span.start])
                }
                None => None,
            };
            let Some(head) = head else {
                i += 1;
                continue;
            };
            let mut last_end = first.span.end;
            let mut j = i + 1;
            while j < out.len() {
                let next = out[j].clone();
                // (a comma may stand before the و of a list: العراقية، والأفغانية)
                let gap_ok = folded[last_end..next.span.start].chars().all(|c| matches!(c, ' ' | '،' | ','));
                let Some(article) = next.proclitic(folded).strip_prefix('و') else { break };
                if !gap_ok || !is_nisba(&next) || !matches!(article, "" | "ال") {
                    break;
                }
                let composed = format!("{head}{article}{}", &folded[next.core..next.span.end]);
                let found = self.find_forms(&composed);
                if let [m] = found.as_slice() {
                    if m.span == (0..composed.len()) && entity_surface(m) && !self.surfaces[m.surface].nisba {
                        out[j].surface = m.surface;
                    }
                }
                last_end = next.span.end;
                j += 1;
            }
            i = j;
        }
    }

    /// The longest valid form starting at `s` in the word that starts at
    /// `ws`: on a form that fails the word boundary, try shorter ones.
    fn longest_at(&self, folded: &str, ws: usize, s: usize) -> Option<Mention> {
        let prefix = &folded[ws..s];
        let mut limit = folded.len();
        while limit > s {
            let input = Input::new(folded).span(s..limit).anchored(Anchored::Yes);
            let m = self.ac.find(input)?;
            let e = m.end();
            let word_end = word_end(folded, e, MAX_SUFFIX);
            for &si in &self.by_form[m.pattern().as_usize()] {
                let surf = &self.surfaces[si];
                // (ـها is one suffix: دخولها is دخول + ها, not the listed
                // form دخوله + an accusative alef)
                let split_ha = folded[..e].ends_with('ه') && &folded[e..word_end] == "ا";
                let tail = &folded[e..word_end];
                let plural = folded[..e].ends_with("ات") && self.plural_suffixes.iter().any(|x| x == tail);
                let end_ok = word_end == e || (surf.suffixable && !split_ha && (plural || self.suffixes.iter().any(|x| x == tail)));
                if end_ok && self.prefix_ok(prefix, surf) {
                    // (a suffix the lexicon spelled out is still a suffix)
                    let form_end = if word_end == e { e - surf.spelled_suffix } else { e };
                    return Some(Mention { span: ws..word_end, core: s, form_end, surface: si });
                }
            }
            limit = e - 1;
        }
        None
    }

    /// Longer span first; on the same span the form without a suffix
    /// (سيطرة the noun over سيطر+ه), then names over cues (التحالف).
    fn better(&self, a: &Mention, b: &Mention) -> bool {
        let is_cue = |m: &Mention| !matches!(self.surfaces[m.surface].target, Target::Entity(_));
        (a.span.end, a.form_end, !is_cue(a)) > (b.span.end, b.form_end, !is_cue(b))
    }

    fn prefix_ok(&self, prefix: &str, surf: &Surface) -> bool {
        let has_article = prefix.ends_with("ال") || prefix.ends_with("لل");
        if !prefix.is_empty() && !self.proclitic_set.contains(prefix) {
            return false;
        }
        if surf.conj_only {
            return matches!(prefix, "" | "و" | "ف");
        }
        if surf.article_optional {
            return true;
        }
        if surf.article {
            // ل + اللاذقية is written للاذقية: the article's lam merges
            has_article || (surf.form.starts_with('ل') && prefix.ends_with('ل'))
        } else {
            !has_article
        }
    }

    pub fn surface(&self, i: usize) -> &Surface {
        &self.surfaces[i]
    }
}

/// The end of the word that `i` is in, looking ahead at most `limit` bytes
/// (and one character): past that, the rest is longer than any suffix.
fn word_end(t: &str, mut i: usize, limit: usize) -> usize {
    let from = i;
    while let Some(c) = t[i..].chars().next() {
        if !is_word_char(c) || i - from > limit {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// The words of a folded text, as byte ranges.
pub fn words(t: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in t.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..t.len());
    }
    out
}

/// Is this mention an entity, and which?
pub fn entity_of(lex: &Lexicon, m: &Mention) -> Option<usize> {
    match lex.surfaces[m.surface].target {
        Target::Entity(e) => Some(e),
        _ => None,
    }
}
