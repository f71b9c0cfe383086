//! Sentence splitting on real Arabic, through the public API: sentences are
//! found on folded text and quoted from the original through the byte map.

use actorgraph::text::{normalize, sentences};

/// The sentences of `orig`, as written.
fn split(orig: &str) -> Vec<&str> {
    let f = normalize(orig);
    sentences(&f.text).into_iter().map(|r| &orig[f.original_range(r)]).collect()
}

#[test]
fn arabic_and_latin_stops() {
    assert_eq!(
        split("أعلنت إيران انسحابها من البوكمال. هل تعود القوات؟ لا أحد يعرف! وقالت موسكو إنها ستبقى."),
        vec!["أعلنت إيران انسحابها من البوكمال.", "هل تعود القوات؟", "لا أحد يعرف!", "وقالت موسكو إنها ستبقى."]
    );
}

#[test]
fn headlines_and_datelines_end_at_line_breaks() {
    let text = "إيران تنفي إخلاء سفارتها في دمشق\nنشر في 13-06-2018\n\nدمشق – نفت طهران الأنباء. وأكدت أن السفارة تعمل.";
    assert_eq!(
        split(text),
        vec![
            "إيران تنفي إخلاء سفارتها في دمشق",
            "نشر في 13-06-2018",
            "دمشق – نفت طهران الأنباء.",
            "وأكدت أن السفارة تعمل."
        ]
    );
}

#[test]
fn crlf_line_breaks() {
    assert_eq!(split("العنوان\r\nالنص الأول.\r\nالنص الثاني"), vec!["العنوان", "النص الأول.", "النص الثاني"]);
}

#[test]
fn decimals_dates_and_abbreviations_do_not_split() {
    assert_eq!(
        split("قتل ٣٫٥ ألف شخص حتى 2023.05.07 بحسب د. رامي عبد الرحمن. وأضاف أن العدد يرتفع."),
        vec!["قتل ٣٫٥ ألف شخص حتى 2023.05.07 بحسب د. رامي عبد الرحمن.", "وأضاف أن العدد يرتفع."]
    );
    assert_eq!(split("قال مسؤول في U.S. Army إن القوات باقية. ثم غادر."), vec!["قال مسؤول في U.S. Army إن القوات باقية.", "ثم غادر."]);
    assert_eq!(split("بلغ العدد 3.5 مليون. ثم"), vec!["بلغ العدد 3.5 مليون.", "ثم"]);
}

#[test]
fn quotations_stay_whole() {
    assert_eq!(
        split("وقال المتحدث «لن ننسحب. سنبقى في سورية» ثم غادر القاعة. وانتهى المؤتمر."),
        vec!["وقال المتحدث «لن ننسحب. سنبقى في سورية» ثم غادر القاعة.", "وانتهى المؤتمر."]
    );
    // a stop right before the closing quote ends both
    assert_eq!(split("قال لافروف: «انتهت العملية.» وغادر."), vec!["قال لافروف: «انتهت العملية.»", "وغادر."]);
}

#[test]
fn a_stray_quote_does_not_swallow_the_paragraph() {
    assert_eq!(split("قال «لن ننسحب. وسنبقى هنا"), vec!["قال «لن ننسحب.", "وسنبقى هنا"]);
}

#[test]
fn parentheses_and_ellipses() {
    assert_eq!(split("وصلت القوات (وهي روسية. وفق مصادر) إلى حلب... ثم انسحبت."), vec![
        "وصلت القوات (وهي روسية. وفق مصادر) إلى حلب...",
        "ثم انسحبت."
    ]);
}

#[test]
fn diacritics_and_tatweel_stay_in_the_quoted_sentence() {
    let text = "أعلنَ الحرسُ الثوريُّ مقتلَ قائدٍ. القـوات انسحبت.";
    assert_eq!(split(text), vec!["أعلنَ الحرسُ الثوريُّ مقتلَ قائدٍ.", "القـوات انسحبت."]);
}

#[test]
fn ranges_are_increasing_disjoint_and_trimmed() {
    let text = "  عنوان  \n\n  جملة أولى.   جملة ثانية؟!  \n  «اقتباس.»  ";
    let f = normalize(text);
    let rs = sentences(&f.text);
    assert_eq!(rs.len(), 4, "{rs:?}");
    let mut last = 0;
    for r in &rs {
        assert!(r.start >= last && r.start < r.end && r.end <= f.text.len());
        let s = &f.text[r.clone()];
        assert_eq!(s, s.trim());
        last = r.end;
    }
}

#[test]
fn empty_and_blank_text_has_no_sentence() {
    assert!(sentences("").is_empty());
    assert!(sentences(" \n\n \t").is_empty());
    assert!(split("\u{200F}\u{FEFF}").is_empty());
}

#[test]
fn run_on_text_is_cut_at_spaces_into_bounded_sentences() {
    use actorgraph::text::segment::MAX_SENTENCE;
    // 200 KB on one line, no stop: cut at spaces, nothing lost, each piece bounded
    let unit = "هاجمت قوات النظام مواقع تنظيم داعش قرب البوكمال ";
    let text = unit.repeat(200 * 1024 / unit.len());
    let f = normalize(&text);
    let rs = sentences(&f.text);
    assert!(rs.len() > 40, "{}", rs.len());
    let mut words = 0;
    for r in &rs {
        assert!(r.len() <= MAX_SENTENCE);
        let s = &f.text[r.clone()];
        assert_eq!(s, s.trim());
        words += s.split_whitespace().count();
    }
    assert_eq!(words, f.text.split_whitespace().count(), "every word is in a sentence");
    // a run with no space at all is cut anyway, on character boundaries
    let blob = "داعش".repeat(10_000);
    let rs = sentences(&blob);
    assert_eq!(rs.iter().map(|r| r.len()).sum::<usize>(), blob.len());
    assert!(rs.iter().all(|r| r.len() <= MAX_SENTENCE && blob.is_char_boundary(r.start) && blob.is_char_boundary(r.end)));
}
