//! Ids for suggested entities: a rough transliteration of the folded
//! Arabic name into lowercase ASCII snake_case (لواء الباقر -> liwa_al_baqir
//! would need vowels the script does not write; this gives liwa_al_baqr, a
//! stable, readable start that a curator may polish).

use crate::text::normalize_str;

/// Words whose usual spelling in English is known (head nouns mostly).
const KNOWN: &[(&str, &str)] = &[
    ("لواء", "liwa"), ("الوية", "alwiya"), ("حركة", "harakat"), ("كتائب", "kataib"), ("كتيبة", "katiba"),
    ("جبهة", "jabhat"), ("فصيل", "fasil"), ("قوات", "quwat"), ("جيش", "jaysh"), ("مجلس", "majlis"),
    ("تنظيم", "tanzim"), ("جماعة", "jamaat"), ("هيئة", "hayat"), ("فرقة", "firqa"), ("فيلق", "faylaq"),
    ("حزب", "hizb"), ("تجمع", "tajamu"), ("سرايا", "saraya"), ("عصائب", "asaib"), ("غرفة", "ghurfat"),
    ("عمليات", "amaliyat"), ("ميليشيا", "militia"), ("مليشيا", "militia"), ("الله", "allah"),
    ("الجيش", "al_jaysh"), ("الجبهة", "al_jabha"), ("الفرقة", "al_firqa"), ("القوات", "al_quwat"),
];

fn letter(c: char, initial: bool, last: bool) -> &'static str {
    match c {
        'ا' => "a",
        'ب' => "b",
        'ت' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' => "h",
        'خ' => "kh",
        'د' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' => "z",
        'س' => "s",
        'ش' => "sh",
        'ص' => "s",
        'ض' => "d",
        'ط' => "t",
        'ظ' => "z",
        'ع' => "",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        // taa marbuta, folded to haa, sounds -a at the end of a word
        'ه' if last => "a",
        'ه' => "h",
        'و' if initial => "w",
        'و' => "u",
        'ي' if initial => "y",
        'ي' if last => "i",
        'ي' => "y",
        _ => "",
    }
}

fn word(w: &str) -> String {
    for (ar, en) in KNOWN {
        if normalize_str(ar) == w {
            return en.to_string();
        }
    }
    let (prefix, rest) = match w.strip_prefix("ال") {
        Some(r) if r.chars().count() >= 2 => ("al_", r),
        _ => ("", w),
    };
    let chars: Vec<char> = rest.chars().collect();
    let mut out = String::from(prefix);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push_str(letter(c, i == 0, i + 1 == chars.len()));
        }
    }
    out
}

/// A snake_case id for a name, or `None` if nothing readable came out.
pub fn slug(name: &str) -> Option<String> {
    let folded = normalize_str(name);
    let parts: Vec<String> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(word).collect();
    let mut s = String::new();
    for p in parts.iter().flat_map(|p| p.split('_')).filter(|p| !p.is_empty()) {
        if !s.is_empty() {
            s.push('_');
        }
        s.push_str(p);
    }
    if s.is_empty() || !s.chars().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert_str(0, "n_");
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn heads_articles_and_letters() {
        assert_eq!(slug("لواء الباقر").as_deref(), Some("liwa_al_baqr"));
        assert_eq!(slug("حركة النجباء").as_deref(), Some("harakat_al_njba"));
        assert_eq!(slug("خشام").as_deref(), Some("khsham"));
        assert_eq!(slug("فاطميون").as_deref(), Some("fatmyun"));
        assert_eq!(slug("«»"), None);
    }
}
