//! Normalisation for matching, with a map back to the original bytes.
//!
//! Arabic news writes the same word many ways: with or without hamza on the
//! alef (أ إ آ ٱ), taa marbuta or haa (سورية / سوريه), alef maqsura or yaa,
//! tatweel for justification (القـوات), optional diacritics, Arabic-Indic or
//! Persian digits, presentation forms copied from PDFs, bidi and zero-width
//! controls, and half a dozen quote styles. Matching runs on a folded form
//! where all of these are one; evidence is always quoted from the original,
//! so every byte of the folded text remembers where it came from.

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// A folded copy of a text and, for each of its bytes, the offset of the
/// original character it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// `origin[i]` is the original byte offset of the character that produced
    /// folded byte `i`; `origin[text.len()]` is the original length.
    origin: Vec<u32>,
}

impl Normalized {
    /// The original byte range of the folded range `r`. Characters dropped by
    /// folding (diacritics, tatweel) that follow the last kept character are
    /// included, so the slice reads as written.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.origin[r.start] as usize;
        let end = self.origin[r.end] as usize;
        start..end.max(start)
    }

    /// The original byte offset of folded byte `i` (`i` may be `text.len()`).
    pub fn original_offset(&self, i: usize) -> usize {
        self.origin[i] as usize
    }
}

/// Fold one character. Returns the replacement: `None` to drop it,
/// `Some(c)` for a single character. Characters that need NFKC (presentation
/// forms, ligatures) are handled by the caller.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // alef with hamza or madda, wasla
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ؤ' => 'و',
        'ئ' => 'ي',
        // alef maqsura, Persian yeh / keheh / heh goal forms
        'ى' | 'ی' | 'ې' => 'ي',
        'ک' => 'ك',
        'ۀ' | 'ە' => 'ه',
        // taa marbuta
        'ة' => 'ه',
        // tatweel
        'ـ' => return None,
        // harakat, tanween, shadda, sukun, superscript alef, Quranic marks
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => return None,
        // Arabic-Indic and Persian digits
        '٠'..='٩' => char::from_u32(c as u32 - 0x0660 + '0' as u32).unwrap(),
        '۰'..='۹' => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap(),
        // Arabic decimal separator and comma variants
        '٫' => '.',
        '٬' => ',',
        // bidi controls, zero-width characters, BOM, soft hyphen
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{00AD}' => return None,
        // every quote style becomes a plain double quote
        '«' | '»' | '“' | '”' | '„' | '‟' | '″' | '‹' | '›' | '‘' | '’' | '‚' | '‛' | '`' => '"',
        // spaces
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        // dashes
        '–' | '—' | '―' | '−' => '-',
        'A'..='Z' => c.to_ascii_lowercase(),
        _ => c,
    })
}

/// Does this character need compatibility decomposition first? Arabic
/// presentation forms A and B, and Latin ligatures / full-width forms.
#[inline]
fn needs_nfkc(c: char) -> bool {
    matches!(c as u32, 0xFB00..=0xFDFF | 0xFE70..=0xFEFF | 0xFF00..=0xFFEF)
}

/// Fold `input` for matching. Runs in one pass; ASCII is copied as is
/// (lower-cased).
pub fn normalize(input: &str) -> Normalized {
    let mut text = String::with_capacity(input.len());
    let mut origin: Vec<u32> = Vec::with_capacity(input.len() + 1);
    for (pos, c) in input.char_indices() {
        if c.is_ascii() {
            // runs of spaces and tabs fold to one space, so a multi-word
            // alias still matches text with irregular spacing
            if (c == ' ' || c == '\t') && text.ends_with(' ') {
                continue;
            }
            text.push(if c == '\t' { ' ' } else { c.to_ascii_lowercase() });
            origin.push(pos as u32);
            continue;
        }
        // most Arabic letters fold to themselves: copy them straight
        if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') && !matches!(c, 'آ' | 'أ' | 'ؤ' | 'إ' | 'ئ' | 'ة' | 'ى') {
            text.push(c);
            origin.extend_from_slice(&[pos as u32, pos as u32]);
            continue;
        }
        if needs_nfkc(c) && c != '\u{FEFF}' {
            let mut buf = [0u8; 4];
            for d in c.encode_utf8(&mut buf).nfkc() {
                push_folded(&mut text, &mut origin, d, pos);
            }
        } else {
            push_folded(&mut text, &mut origin, c, pos);
        }
    }
    origin.push(input.len() as u32);
    Normalized { text, origin }
}

#[inline]
fn push_folded(text: &mut String, origin: &mut Vec<u32>, c: char, pos: usize) {
    if let Some(f) = fold_char(c) {
        if f == ' ' && text.ends_with(' ') {
            return;
        }
        let before = text.len();
        text.push(f);
        for _ in before..text.len() {
            origin.push(pos as u32);
        }
    }
}

/// Fold a lexicon string the same way as text, and trim it.
pub fn normalize_str(s: &str) -> String {
    normalize(s.trim()).text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn folds_alef_hamza_forms() {
        assert_eq!(n("أإآٱ"), "اااا");
        assert_eq!(n("الإيرانية"), n("الايرانيه"));
        assert_eq!(n("مؤتمر"), "موتمر");
        assert_eq!(n("رئيس"), "رييس");
    }

    #[test]
    fn folds_taa_marbuta_and_alef_maqsura() {
        assert_eq!(n("سورية"), "سوريه");
        assert_eq!(n("نفى"), "نفي");
    }

    #[test]
    fn drops_tatweel_and_diacritics() {
        assert_eq!(n("القـوات"), "القوات");
        assert_eq!(n("فعّالة"), "فعاله");
        assert_eq!(n("مُسَيَّرة"), "مسيره");
    }

    #[test]
    fn folds_digits() {
        assert_eq!(n("٧ ديسمبر ٢٠٢٤"), "7 ديسمبر 2024");
        assert_eq!(n("۱۴۰۳"), "1403");
    }

    #[test]
    fn folds_presentation_forms() {
        // "لا" as the lam-alef ligature, and "سلام" in isolated forms
        assert_eq!(n("\u{FEFB}"), "لا");
        assert_eq!(n("\u{FEB3}\u{FEFC}\u{FEE1}"), "سلام");
    }

    #[test]
    fn drops_bidi_and_zero_width_controls() {
        assert_eq!(n("\u{200F}إيران\u{200C}\u{202B}"), "ايران");
        assert_eq!(n("\u{FEFF}حلب"), "حلب");
    }

    #[test]
    fn unifies_quotes() {
        assert_eq!(n("«قسد» “x” 'y'"), "\"قسد\" \"x\" 'y'");
    }

    #[test]
    fn maps_back_to_the_original_bytes() {
        let orig = "قال «الحرسُ الثوريُّ» إنّ القـوات";
        let folded = normalize(orig);
        let at = folded.text.find("الحرس الثوري").unwrap();
        let r = folded.original_range(at..at + "الحرس الثوري".len());
        assert_eq!(&orig[r], "الحرسُ الثوريُّ");
        let at = folded.text.find("القوات").unwrap();
        let r = folded.original_range(at..at + "القوات".len());
        assert_eq!(&orig[r], "القـوات");
    }

    #[test]
    fn maps_presentation_forms_to_the_whole_glyph() {
        let orig = "x\u{FEFB}y";
        let folded = normalize(orig);
        assert_eq!(folded.text, "xلاy");
        let r = folded.original_range(1..folded.text.len() - 1);
        assert_eq!(&orig[r], "\u{FEFB}");
    }
}
