//! Sentence splitting on folded text.
//!
//! Arabic news ends sentences with `.` `!` `?` `؟` and, in headlines and
//! captions, with nothing but a line break. A full stop inside a number
//! (3.5), after a one-letter abbreviation (د. م. U.S.) or inside a quotation
//! that closes on the same line does not end a sentence; a closing quote or
//! bracket right after the stop stays with its sentence. A stop with no
//! space after it still ends a sentence between two Arabic words.

use std::ops::Range;

/// Split folded text into trimmed, non-empty sentence ranges.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut quote_open = false;
    let mut paren_depth: u32 = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        match c {
            '\n' | '\r' | '\u{2029}' | '\u{2028}' => {
                push(text, start..i, &mut out);
                start = i + c.len_utf8();
                quote_open = false;
                paren_depth = 0;
            }
            '"' => {
                // A quote opens only if it closes later on the same line:
                // stray quotes must not swallow the rest of the paragraph.
                if quote_open {
                    quote_open = false;
                } else if closes_on_line(&text[i + 1..]) {
                    quote_open = true;
                }
            }
            '(' | '[' => paren_depth += 1,
            ')' | ']' => paren_depth = paren_depth.saturating_sub(1),
            '.' | '!' | '?' | '؟' | '…' => {
                if paren_depth > 0 {
                    continue;
                }
                if quote_open {
                    // a stop right before the closing quote ends both
                    if iter.peek().is_some_and(|&(_, d)| d == '"') {
                        quote_open = false;
                    } else {
                        continue;
                    }
                }
                if c == '.' && !ends_sentence_at(text, i) {
                    continue;
                }
                // swallow runs of terminators ("..." "?!") and closing marks
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if matches!(d, '.' | '!' | '?' | '؟' | '…' | '"' | ')' | ']') {
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                // a stop must be followed by space or the end to split, or,
                // as many sites run sentences together (منبج.وقالت), by an
                // Arabic word after an Arabic word of two letters or more
                let arabic = |c: char| ('\u{0621}'..='\u{064A}').contains(&c);
                // (past a closing quote or a space before the stop: «...اليوم".وأوضح»,
                // «في دير الزور .و أفاد»)
                let before_stop = text[..i].trim_end_matches(|c: char| c == ' ' || matches!(c, '"' | ')' | ']'));
                let run_together = text[end..].starts_with(arabic) && before_stop.chars().rev().take_while(|&c| arabic(c)).count() >= 2;
                if end < bytes.len() && !text[end..].starts_with(char::is_whitespace) && !run_together {
                    continue;
                }
                push(text, start..end, &mut out);
                start = end;
            }
            _ => {}
        }
    }
    push(text, start..text.len(), &mut out);
    out
}

fn closes_on_line(rest: &str) -> bool {
    for c in rest.chars() {
        match c {
            '"' => return true,
            '\n' | '\r' => return false,
            _ => {}
        }
    }
    false
}

/// Is the full stop at byte `i` the end of a sentence?
fn ends_sentence_at(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    // 3.5, 2023.05.07
    if before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    // a one-letter word before the stop: an abbreviation (د. م. U.S.)
    let word: Vec<char> = text[..i].chars().rev().take_while(|c| c.is_alphabetic()).take(2).collect();
    if word.len() == 1 {
        return false;
    }
    true
}

/// The longest sentence, in folded bytes (about 400 words of Arabic; news
/// sentences stay far below). Run-on text with no stop or line break (an
/// article pasted on one line) is cut at the last space before the limit, so
/// that work per sentence stays bounded and a 50 MB line runs in linear time.
pub const MAX_SENTENCE: usize = 4096;

fn push(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = r.start;
    loop {
        let s = &text[start..r.end];
        let a = start + (s.len() - s.trim_start().len());
        let b = a + s.trim().len();
        if a >= b {
            return;
        }
        if b - a <= MAX_SENTENCE {
            out.push(a..b);
            return;
        }
        let mut cut = a + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(i) = text[a..cut].rfind(char::is_whitespace) {
            if i > 0 {
                cut = a + i;
            }
        }
        out.push(a..a + text[a..cut].trim_end().len());
        start = cut;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn splits_on_arabic_and_latin_punctuation() {
        assert_eq!(
            split("هاجم داعش الرقة. انسحبت القوات؟ نعم! انتهى"),
            vec!["هاجم داعش الرقة.", "انسحبت القوات؟", "نعم!", "انتهى"]
        );
    }

    #[test]
    fn splits_on_line_breaks() {
        assert_eq!(split("عنوان الخبر\n\nنص الخبر"), vec!["عنوان الخبر", "نص الخبر"]);
    }

    #[test]
    fn keeps_decimals_dates_and_abbreviations() {
        assert_eq!(split("قتل 3.5 الف في 2023.05.07 قال د. احمد ذلك. ثم"), vec![
            "قتل 3.5 الف في 2023.05.07 قال د. احمد ذلك.",
            "ثم"
        ]);
        assert_eq!(split("the u.s. army left. then"), vec!["the u.s. army left.", "then"]);
    }

    #[test]
    fn keeps_quotations_whole() {
        assert_eq!(
            split("قال \"انسحبنا. ولن نعود\" ثم غادر. بعدها"),
            vec!["قال \"انسحبنا. ولن نعود\" ثم غادر.", "بعدها"]
        );
        // a stray quote does not swallow the paragraph
        assert_eq!(split("قال \"انسحبنا. ولن نعود"), vec!["قال \"انسحبنا.", "ولن نعود"]);
    }

    #[test]
    fn splits_run_together_after_a_quote_or_a_space() {
        assert_eq!(split("قال \"سيطرنا على المدينة\".واضاف ان"), vec!["قال \"سيطرنا على المدينة\".", "واضاف ان"]);
        assert_eq!(split("في دير الزور .و افاد مراسلنا"), vec!["في دير الزور .", "و افاد مراسلنا"]);
    }

    #[test]
    fn closing_marks_stay_with_their_sentence() {
        assert_eq!(split("غادر (الى بغداد.) ثم عاد..."), vec!["غادر (الى بغداد.) ثم عاد..."]);
        assert_eq!(split("قال \"نعم.\" ثم"), vec!["قال \"نعم.\"", "ثم"]);
    }
}
