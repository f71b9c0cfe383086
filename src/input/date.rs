//! The publication date an article states about itself.
//!
//! News pages print it near the top in a handful of shapes: `نشر في
//! 13-06-2018`, `٧ ديسمبر ٢٠٢٤`, `2023.05.07`, `12 أيار 2019`. We look at the
//! head of the folded text (digits are already ASCII), prefer a date next to
//! a publication marker (نشر، تاريخ، تحديث), and return ISO `YYYY-MM-DD`.

use regex::Regex;
use std::sync::OnceLock;

/// Gregorian month names, Egyptian/Gulf and Levantine, folded.
const MONTHS: &[(&str, u32)] = &[
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("ابريل", 4), ("ابريل", 4), ("مايو", 5), ("يونيو", 6),
    ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("اغسطس", 8), ("سبتمبر", 9), ("اكتوبر", 10), ("نوفمبر", 11),
    ("ديسمبر", 12), ("كانون الثاني", 1), ("شباط", 2), ("اذار", 3), ("نيسان", 4), ("ايار", 5),
    ("حزيران", 6), ("تموز", 7), ("اب", 8), ("ايلول", 9), ("تشرين الاول", 10), ("تشرين الثاني", 11),
    ("كانون الاول", 12), ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5),
    ("june", 6), ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12),
];

/// How far into the article a stated date is looked for.
const HEAD: usize = 3000;

fn patterns() -> &'static [Regex; 3] {
    static P: OnceLock<[Regex; 3]> = OnceLock::new();
    P.get_or_init(|| {
        let names: Vec<String> = MONTHS.iter().map(|(n, _)| regex::escape(n)).collect();
        let names = names.join("|");
        [
            // 13-06-2018, 13/6/2018, 13.06.2018
            Regex::new(r"(?:^|[^0-9])([0-3]?[0-9])[-/.]([01]?[0-9])[-/.]((?:19|20)[0-9]{2})(?:[^0-9]|$)").unwrap(),
            // 2023.05.07, 2023-05-07, 2023/5/7
            Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})[-/.]([01]?[0-9])[-/.]([0-3]?[0-9])(?:[^0-9]|$)").unwrap(),
            // ٧ ديسمبر ٢٠٢٤, 12 ايار 2019, 7 december 2024
            Regex::new(&format!(r"(?:^|[^0-9])([0-3]?[0-9])\s+(?:من\s+)?({names})\s*(?:/\s*\S+\s+)?,?\s*((?:19|20)[0-9]{{2}})(?:[^0-9]|$)")).unwrap(),
        ]
    })
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d == 0 || d > days[m as usize - 1] {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The date stated in the head of a folded article, if any.
pub fn stated_date(folded: &str) -> Option<String> {
    let mut end = folded.len().min(HEAD);
    while !folded.is_char_boundary(end) {
        end -= 1;
    }
    let head = &folded[..end];
    let mut found: Vec<(usize, String)> = Vec::new();
    let [dmy, ymd, named] = patterns();
    for c in dmy.captures_iter(head) {
        let n = |i: usize| c[i].parse::<u32>().unwrap_or(0);
        if let Some(d) = valid(n(3), n(2), n(1)) {
            found.push((c.get(0).unwrap().start(), d));
        }
    }
    for c in ymd.captures_iter(head) {
        let n = |i: usize| c[i].parse::<u32>().unwrap_or(0);
        if let Some(d) = valid(n(1), n(2), n(3)) {
            found.push((c.get(0).unwrap().start(), d));
        }
    }
    for c in named.captures_iter(head) {
        let month = MONTHS.iter().find(|(n, _)| *n == &c[2]).map(|(_, m)| *m).unwrap_or(0);
        if let Some(d) = valid(c[3].parse().unwrap_or(0), month, c[1].parse().unwrap_or(0)) {
            found.push((c.get(0).unwrap().start(), d));
        }
    }
    found.sort();
    // a date right after a publication marker wins over the first date
    let marked = found.iter().find(|(at, _)| {
        let mut from = at.saturating_sub(40);
        while !head.is_char_boundary(from) {
            from -= 1;
        }
        let before = &head[from..*at];
        ["نشر", "تاريخ", "published", "بتاريخ"].iter().any(|m| before.contains(m))
    });
    marked.or(found.first()).map(|(_, d)| d.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn date(s: &str) -> Option<String> {
        stated_date(&normalize(s).text)
    }

    #[test]
    fn reads_the_shapes_news_sites_print() {
        assert_eq!(date("عنوان\nنشر في 13-06-2018\nآخر تحديث 14-06-2018"), Some("2018-06-13".into()));
        assert_eq!(date("● أخبار سورية ٧ ديسمبر ٢٠٢٤\nنص"), Some("2024-12-07".into()));
        assert_eq!(date("الأحد 2023.05.07 - دمشق"), Some("2023-05-07".into()));
        assert_eq!(date("دمشق، 12 أيار 2019"), Some("2019-05-12".into()));
        assert_eq!(date("في ١ تشرين الأول ٢٠١٥ بدأت"), Some("2015-10-01".into()));
    }

    #[test]
    fn prefers_the_publication_marker() {
        assert_eq!(date("اتفاق 1-1-2017 ثم\nتاريخ النشر: 2019/3/4"), Some("2019-03-04".into()));
    }

    #[test]
    fn rejects_impossible_dates_and_plain_numbers() {
        assert_eq!(date("قتل 2018 شخصا في 45-13-2018"), None);
        assert_eq!(date("لا تاريخ هنا"), None);
    }
}
