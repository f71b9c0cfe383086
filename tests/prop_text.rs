//! Property tests of the text layer and the extractor over arbitrary strings
//! and Arabic-heavy strings: no panic, every span on character boundaries,
//! sentences and mentions ordered and disjoint, folding idempotent, claim
//! evidence equal to the original text at its span.

use actorgraph::extract::Extractor;
use actorgraph::input::Article;
use actorgraph::lexicon::Lexicon;
use actorgraph::matcher::Matcher;
use actorgraph::text::{normalize, sentences};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn lex() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lexicons/good");
        Lexicon::from_dir(&dir).unwrap_or_else(|e| panic!("{e:?}"))
    })
}

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(lex()))
}

fn extractor() -> &'static Extractor<'static> {
    static E: OnceLock<Extractor<'static>> = OnceLock::new();
    E.get_or_init(|| Extractor::new(lex()))
}

/// Words a journalist writes: the test lexicon's names and some cues,
/// with and without proclitics.
const WORDS: &[&str] = &[
    "إيران", "الإيرانية", "إيرانيون", "طهران", "الحرس الثوري", "الحرس الثوري الإيراني", "روسيا", "الروس",
    "القوات الروسية", "سورية", "سوريا", "مصر", "مصرف", "العراق", "حزب الله", "حزب الله العراقي", "كتائب حزب الله",
    "قوات سوريا الديمقراطية", "قسد", "داعش", "تنظيم الدولة", "الولايات المتحدة", "واشنطن", "الأميركية",
    "دمشق", "اللاذقية", "للاذقية", "حلب", "البوكمال", "والحرس", "بالحرس", "للحرس", "وبالقوات",
    "هاجم", "هاجمت", "هجوم", "قصف", "انسحبت", "انسحاب", "من", "على", "إلى", "مع", "بين", "و", "التقى",
    "اجتماع", "دعم", "المدعومة من", "تحت سيطرة", "نفت", "لم", "لن", "عدم", "غير", "قال", "إن", "أن",
    "نشر في 13-06-2018", "٧ ديسمبر ٢٠٢٤", "د.", "U.S.", "3.5",
];

/// One piece of Arabic-heavy text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(String::from),
        // Arabic letters
        3 => prop::collection::vec(prop::char::range('\u{0621}', '\u{064A}'), 1..8).prop_map(|v| v.into_iter().collect()),
        // diacritics, tatweel, superscript alef
        1 => prop::sample::select(vec!['\u{064B}', '\u{064E}', '\u{0650}', '\u{0651}', '\u{0652}', 'ـ', '\u{0670}']).prop_map(String::from),
        // digits of three scripts
        1 => prop::collection::vec(prop_oneof![prop::char::range('0', '9'), prop::char::range('٠', '٩'), prop::char::range('۰', '۹')], 1..5)
            .prop_map(|v| v.into_iter().collect()),
        // presentation forms A and B, ligatures
        1 => prop_oneof![prop::char::range('\u{FB50}', '\u{FDFF}'), prop::char::range('\u{FE70}', '\u{FEFC}')].prop_map(String::from),
        // bidi and zero-width controls, BOM, soft hyphen
        1 => prop::sample::select(vec!['\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{061C}', '\u{FEFF}', '\u{00AD}'])
            .prop_map(String::from),
        // quotes and brackets
        1 => prop::sample::select(vec!['"', '\'', '«', '»', '“', '”', '„', '‹', '›', '`', '(', ')', '[', ']']).prop_map(String::from),
        // punctuation and stops
        2 => prop::sample::select(vec![".", "!", "?", "؟", "…", "...", "،", "؛", ":", "-", "–", "/"]).prop_map(String::from),
        // spaces and line breaks
        4 => prop::sample::select(vec![" ", " ", "  ", "\t", "\u{00A0}", "\n", "\r\n", "\n\n", "\u{2029}"]).prop_map(String::from),
        // anything at all
        1 => any::<char>().prop_map(String::from),
    ]
}

fn arabic_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    any::<String>()
}

fn check_normalize(text: &str) -> Result<(), TestCaseError> {
    let n = normalize(text);
    let mut last = 0;
    for i in (0..=n.text.len()).filter(|&i| n.text.is_char_boundary(i)) {
        let o = n.original_offset(i);
        prop_assert!(o <= text.len() && text.is_char_boundary(o), "folded {} -> {}", i, o);
        prop_assert!(o >= last, "the byte map goes back at {}", i);
        last = o;
    }
    prop_assert_eq!(n.original_offset(n.text.len()), text.len());
    // any folded range between char boundaries maps to a char-boundary range
    let bounds: Vec<usize> = (0..=n.text.len()).filter(|&i| n.text.is_char_boundary(i)).collect();
    for w in bounds.windows(2).step_by(3) {
        let r = n.original_range(w[0]..w[1]);
        prop_assert!(r.start <= r.end && r.end <= text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    // idempotent
    prop_assert_eq!(&normalize(&n.text).text, &n.text);
    Ok(())
}

fn check_sentences(text: &str) -> Result<(), TestCaseError> {
    let n = normalize(text);
    let mut end = 0;
    for r in sentences(&n.text) {
        prop_assert!(r.start >= end && r.start < r.end && r.end <= n.text.len(), "{:?} after {}", r, end);
        prop_assert!(n.text.is_char_boundary(r.start) && n.text.is_char_boundary(r.end));
        let s = &n.text[r.clone()];
        prop_assert_eq!(s, s.trim());
        let o = n.original_range(r.clone());
        prop_assert!(text.is_char_boundary(o.start) && text.is_char_boundary(o.end) && o.end <= text.len());
        end = r.end;
    }
    Ok(())
}

fn check_matches(text: &str) -> Result<(), TestCaseError> {
    let n = normalize(text);
    let m = matcher();
    let mut end = 0;
    for x in m.find(&n.text) {
        prop_assert!(x.span.start >= end, "{:?} overlaps the previous mention", x);
        prop_assert!(x.span.start <= x.core && x.core < x.span.end && x.span.end <= n.text.len(), "{:?}", x);
        prop_assert!(n.text.is_char_boundary(x.span.start) && n.text.is_char_boundary(x.core) && n.text.is_char_boundary(x.span.end));
        // the form itself is in the span
        let form = &m.surface(x.surface).form;
        prop_assert!(n.text[x.core..x.span.end].starts_with(form.as_str()), "{:?} at {:?}", form, x);
        let o = n.original_range(x.span.clone());
        prop_assert!(text.is_char_boundary(o.start) && text.is_char_boundary(o.end) && o.end <= text.len());
        // the original slice folds to what was matched
        let back = normalize(&text[o]).text;
        prop_assert_eq!(back.trim(), n.text[x.span.clone()].trim());
        end = x.span.end;
    }
    Ok(())
}

fn check_claims(text: &str) -> Result<(), TestCaseError> {
    let a = Article { id: "p".into(), text: text.to_string(), date: None, title: None, source: None };
    for c in extractor().article(&a) {
        let [s, e] = c.span;
        prop_assert!(s <= e && e <= text.len(), "{:?}", c);
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        prop_assert_eq!(&text[s..e], c.evidence.as_str());
        prop_assert!(lex().entity(&c.subject).is_some() && lex().entity(&c.object).is_some());
        prop_assert_eq!(c.subject_chain.first(), Some(&c.subject));
        prop_assert_eq!(c.object_chain.first(), Some(&c.object));
        prop_assert!(lex().relation(&c.relation).is_some());
        // the trigger is quoted from the evidence
        prop_assert!(c.evidence.contains(c.trigger.as_str()), "trigger {:?} not in {:?}", c.trigger, c.evidence);
    }
    Ok(())
}

/// 256 cases (CI); `PROPTEST_CASES=N` for a longer run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn normalize_any(s in any_text()) { check_normalize(&s)?; }

    #[test]
    fn normalize_arabic(s in arabic_text()) { check_normalize(&s)?; }

    #[test]
    fn sentences_any(s in any_text()) { check_sentences(&s)?; }

    #[test]
    fn sentences_arabic(s in arabic_text()) { check_sentences(&s)?; }

    #[test]
    fn matches_any(s in any_text()) { check_matches(&s)?; }

    #[test]
    fn matches_arabic(s in arabic_text()) { check_matches(&s)?; }

    #[test]
    fn claims_any(s in any_text()) { check_claims(&s)?; }

    #[test]
    fn claims_arabic(s in arabic_text()) { check_claims(&s)?; }
}

#[test]
fn a_known_alias_in_noise_is_found() {
    // a sanity check that the Arabic strategy's words do match
    let text = "\u{200F}«قسد»\u{00A0}هاجمت داعش... في حلب";
    let n = normalize(text);
    assert!(matcher().find(&n.text).len() >= 3);
}
