//! Which normalisations turned a span of text into its folded form, named
//! for curators (`explain` shows them beside each mention): the alias
//! "سورية" matched «سوريّة» after `diacritics` and `taa_marbuta`.

use crate::text::normalize::fold_char;

/// The normalisations `crate::text::normalize` applied to `written`, in a
/// fixed order, each once.
pub fn foldings(written: &str) -> Vec<&'static str> {
    const ORDER: [&str; 12] = [
        "hamza",
        "alef_maqsura",
        "taa_marbuta",
        "persian_letters",
        "diacritics",
        "tatweel",
        "digits",
        "presentation_forms",
        "invisible_controls",
        "quotes",
        "spaces",
        "case",
    ];
    let mut seen = [false; 12];
    let mut prev_space = false;
    for c in written.chars() {
        let what = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ؤ' | 'ئ' => Some(0),
            'ى' => Some(1),
            'ة' => Some(2),
            'ی' | 'ې' | 'ک' | 'ۀ' | 'ە' => Some(3),
            'ـ' => Some(5),
            '٠'..='٩' | '۰'..='۹' | '٫' | '٬' => Some(6),
            c if matches!(c as u32, 0xFB00..=0xFDFF | 0xFE70..=0xFEFE | 0xFF00..=0xFFEF) => Some(7),
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}' => Some(8),
            'A'..='Z' => Some(11),
            ' ' | '\t' if prev_space => Some(10),
            '\t' => Some(10),
            c => match fold_char(c) {
                None => Some(4),
                Some('"') if c != '"' => Some(9),
                Some(' ') if c != ' ' => Some(10),
                Some(f) if f != c => Some(7),
                _ => None,
            },
        };
        prev_space = c == ' ' || c == '\t';
        if let Some(i) = what {
            seen[i] = true;
        }
    }
    ORDER.iter().zip(seen).filter(|(_, s)| *s).map(|(n, _)| *n).collect()
}

#[cfg(test)]
mod tests {
    use super::foldings;

    #[test]
    fn names_each_folding() {
        assert_eq!(foldings("سوريّة"), vec!["taa_marbuta", "diacritics"]);
        assert_eq!(foldings("الإيرانيـة"), vec!["hamza", "taa_marbuta", "tatweel"]);
        assert_eq!(foldings("موسكو"), Vec::<&str>::new());
        assert_eq!(foldings("مصطفى"), vec!["alef_maqsura"]);
        assert_eq!(foldings("\u{200F}داعش"), vec!["invisible_controls"]);
        assert_eq!(foldings("ﺩﺍﻋﺶ"), vec!["presentation_forms"]);
        assert_eq!(foldings("١٢"), vec!["digits"]);
    }
}
