//! Normalisation for matching, through the public API, on real Arabic: each
//! folding, and the byte map back to the original.

use actorgraph::text::{normalize, normalize_str};

fn n(s: &str) -> String {
    normalize(s).text
}

/// Find `needle` (folded) in the folded text and return the original slice.
fn original_of<'a>(orig: &'a str, needle: &str) -> &'a str {
    let f = normalize(orig);
    let at = f.text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {:?}", f.text));
    &orig[f.original_range(at..at + needle.len())]
}

#[test]
fn alef_with_hamza_madda_and_wasla() {
    assert_eq!(n("أعلنت إيران"), "اعلنت ايران");
    assert_eq!(n("آلاف المقاتلين"), "الاف المقاتلين");
    assert_eq!(n("ٱلله"), "الله");
    assert_eq!(n("الإيرانية"), n("الايرانيه"));
}

#[test]
fn hamza_on_waw_and_yaa() {
    assert_eq!(n("مسؤول إيراني"), "مسوول ايراني");
    assert_eq!(n("رئيس الوزراء"), "رييس الوزراء");
}

#[test]
fn taa_marbuta_becomes_haa() {
    assert_eq!(n("سورية"), "سوريه");
    assert_eq!(n("القوات التركية المدعومة"), "القوات التركيه المدعومه");
}

#[test]
fn alef_maqsura_becomes_yaa() {
    assert_eq!(n("نفى المسؤول والتقى الوزير"), "نفي المسوول والتقي الوزير");
    assert_eq!(n("موسى"), "موسي");
}

#[test]
fn tatweel_is_dropped() {
    assert_eq!(n("القـــوات الروسـيـة"), "القوات الروسيه");
}

#[test]
fn diacritics_are_dropped() {
    assert_eq!(n("أَعْلَنَتْ وَزَارَةُ الدِّفَاعِ الرُّوسِيَّةُ"), "اعلنت وزاره الدفاع الروسيه");
    // tanween, superscript alef
    assert_eq!(n("هجوماً عنيفاً"), "هجوما عنيفا");
    assert_eq!(n("هٰذا"), "هذا");
}

#[test]
fn arabic_indic_and_persian_digits() {
    assert_eq!(n("قتل ١٢ عنصراً في ٢٠١٨"), "قتل 12 عنصرا في 2018");
    assert_eq!(n("۱۴۰۳ و۲۵"), "1403 و25");
    assert_eq!(n("٣٫٥ مليون"), "3.5 مليون");
}

#[test]
fn presentation_forms_fold_to_letters() {
    // "حزب الله" copied from a PDF: isolated/final/initial forms and the
    // Allah ligature
    assert_eq!(n("\u{FEA3}\u{FEB0}\u{FE8F} \u{FDF2}"), "حزب الله");
    // lam-alef ligatures
    assert_eq!(n("\u{FEFB}\u{FEF7}"), "لالا");
    // full-width Latin
    assert_eq!(n("ＩＳＩＳ"), "isis");
}

#[test]
fn bidi_and_zero_width_controls_are_dropped() {
    let t = "\u{202B}قالت\u{202C} \u{2067}روسيا\u{2069} إن\u{200D}ها \u{061C}ترفض\u{200B}\u{FEFF}";
    assert_eq!(n(t), "قالت روسيا انها ترفض");
}

#[test]
fn every_quote_style_is_one_quote() {
    assert_eq!(n("«قسد» “داعش” „الحشد‟ ‹حماس› ‘فتح’"), "\"قسد\" \"داعش\" \"الحشد\" \"حماس\" \"فتح\"");
}

#[test]
fn spaces_dashes_and_case() {
    assert_eq!(n("دمشق\u{00A0}–\u{2009}Reuters"), "دمشق - reuters");
    // runs of spaces and tabs are one space
    assert_eq!(n("قوات  سوريا\t\tالديمقراطية"), "قوات سوريا الديمقراطيه");
    // line breaks are kept: they end sentences
    assert_eq!(n("سطر\nسطر"), "سطر\nسطر");
}

#[test]
fn folding_is_idempotent() {
    for s in [
        "أعلنت إيـــران أنَّ «القوات» انسحبت من البوكمال في ٧ ديسمبر ٢٠٢٤.",
        "\u{FEA3}\u{FEB0}\u{FE8F} \u{FDF2} \u{200F}x\u{00A0} y",
    ] {
        assert_eq!(n(&n(s)), n(s));
    }
}

#[test]
fn lexicon_strings_fold_and_trim() {
    assert_eq!(normalize_str("  الحرس   الثوري\tالإيراني "), "الحرس الثوري الايراني");
}

#[test]
fn original_range_quotes_the_text_as_written() {
    let orig = "قال «الحَرَسُ الثَّوْرِيُّ» إنَّ القـــوات انسحبت من ٱلبوكمال يوم ١٣ حزيران.";
    assert_eq!(original_of(orig, "الحرس الثوري"), "الحَرَسُ الثَّوْرِيُّ");
    assert_eq!(original_of(orig, "القوات"), "القـــوات");
    assert_eq!(original_of(orig, "البوكمال"), "ٱلبوكمال");
    assert_eq!(original_of(orig, "13"), "١٣");
    assert_eq!(original_of(orig, "\"الحرس"), "«الحَرَسُ");
}

#[test]
fn original_range_of_presentation_forms_is_the_whole_glyph() {
    let orig = "مقاتلو \u{FEA3}\u{FEB0}\u{FE8F} \u{FDF2} في حلب";
    assert_eq!(original_of(orig, "حزب الله"), "\u{FEA3}\u{FEB0}\u{FE8F} \u{FDF2}");
}

#[test]
fn every_folded_byte_maps_inside_the_original() {
    let orig = "\u{FEFF}دمشق – ٧ ديسمبر ٢٠٢٤ (رويترز): «أعلنت» إيـران أنَّ\u{200F} ﻻ  انسحاب.";
    let f = normalize(orig);
    let mut last = 0;
    for i in 0..=f.text.len() {
        let o = f.original_offset(i);
        assert!(o <= orig.len());
        assert!(orig.is_char_boundary(o), "byte {i} -> {o}");
        assert!(o >= last, "the map is monotonic");
        last = o;
    }
    assert_eq!(f.original_offset(f.text.len()), orig.len());
    // the whole folded text maps to the whole original minus leading controls
    let r = f.original_range(0..f.text.len());
    assert_eq!(&orig[r], orig.trim_start_matches('\u{FEFF}'));
}
