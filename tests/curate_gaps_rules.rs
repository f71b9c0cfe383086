//! The rules of `gaps`, through the library on sentences written for the
//! test: what counts as a name after a head noun or in a cue's slot, and
//! what does not.

use actorgraph::curate::gaps::{Gap, GapFinder, GapTally};
use actorgraph::input::Article;
use actorgraph::lexicon::{EntityKind, Lexicon};
use std::path::Path;
use std::sync::OnceLock;

fn lex() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/curate/lexicon")).expect("the test lexicon loads"))
}

/// Every gap in these articles (one string each), all of them.
fn gaps(articles: &[&str]) -> Vec<Gap> {
    let finder = GapFinder::new(lex());
    let mut tally = GapTally::new();
    for (i, text) in articles.iter().enumerate() {
        let a = Article { id: format!("a{i}"), text: text.to_string(), date: None, title: None, source: None };
        let occ = finder.occurrences(&a);
        tally.add(&a, occ);
    }
    tally.ranked(lex(), 0, 2)
}

fn names(g: &[Gap]) -> Vec<&str> {
    g.iter().map(|g| g.name.as_str()).collect()
}

#[test]
fn a_longer_name_wins_when_it_carries_the_uses() {
    let g = gaps(&[
        "انتشرت قوات الدفاع الوطني في حي الزهور.",
        "هاجمت داعش قوات الدفاع الوطني قرب تدمر.",
        "قالت قوات الدفاع إنها صدت الهجوم.",
    ]);
    assert!(names(&g).contains(&"قوات الدفاع الوطني"), "{:?}", names(&g));
    assert!(!names(&g).contains(&"قوات الدفاع"), "{:?}", names(&g));
    let ndf = g.iter().find(|x| x.name == "قوات الدفاع الوطني").unwrap();
    assert_eq!((ndf.articles, ndf.uses), (2, 2));
}

#[test]
fn place_heads_that_belong_to_the_name_stay_in_it() {
    let g = gaps(&["سيطرت قوات النظام على معبر نصيب.", "أعيد فتح معبر نصيب الحدودي."]);
    let n = g.iter().find(|x| x.folded == "نصيب").expect("the crossing");
    assert_eq!(n.name, "معبر نصيب");
    assert_eq!(n.kind, EntityKind::Place);
    assert!(n.ron.contains(r#"aliases: ["معبر نصيب"]"#), "{}", n.ron);
    // a town's head does not
    let g = gaps(&["دخلت القوات بلدة خشام.", "قصف الطيران بلدة خشام."]);
    assert_eq!(g[0].name, "خشام");
}

#[test]
fn a_definite_head_or_noun_takes_an_adjective_not_a_name() {
    let g = gaps(&[
        "تستمر الاشتباكات في المنطقة الساخنة، وتتحدث المصادر عن المعركة المرتقبة.",
        "هدأت المنطقة الساخنة بعد المعركة المرتقبة وهجوم كيماوي على الغوطة.",
        "وقع هجوم كيماوي في المنطقة الساخنة، وعقد اجتماع رباعي.",
        "اجتماع رباعي",
    ]);
    assert!(g.is_empty(), "{:?}", names(&g));
}

#[test]
fn stop_words_numbers_and_adverbs_are_not_names() {
    let g = gaps(&[
        "هاجم 300 مقاتل مواقع داعش، وهاجم عناصرهم البوكمال وقاتلوا عشوائياً.",
        "هاجم 300 مقاتل مواقع داعش، وهاجم عناصرهم البوكمال وقاتلوا عشوائياً.",
        "بعد ذلك انسحبت من البوكمال. بعد ذلك انسحبت من البوكمال.",
    ]);
    assert!(g.is_empty(), "{:?}", names(&g));
}

#[test]
fn names_in_cue_slots_need_two_uses_and_pool_with_their_proclitics() {
    // once: no evidence
    assert!(gaps(&["انسحب زينبيون من البوكمال."]).is_empty());
    // the article after a preposition reads as written without it
    let g = gaps(&["انسحب الزينبيون من البوكمال.", "قدمت إيران الدعم للزينبيون في تدمر.", "وهاجم الزينبيون مواقع في الميادين."]);
    let z = g.iter().find(|x| x.folded == "الزينبيون").unwrap_or_else(|| panic!("{:?}", names(&g)));
    assert_eq!(z.articles, 3, "{z:?}");
    assert_eq!(z.name, "الزينبيون");
}

#[test]
fn a_plural_head_names_each_conjunct() {
    let g = gaps(&["قصفت الطائرات بلدات كفرنبل وحزارين.", "عادت الأهالي إلى بلدات كفرنبل وحزارين."]);
    assert!(names(&g).contains(&"كفرنبل") && names(&g).contains(&"حزارين"), "{:?}", names(&g));
    assert!(!names(&g).iter().any(|n| n.contains(' ')), "{:?}", names(&g));
    // a feature head in the plural gives the singular to the name; a name
    // the lexicon knows that way (حي الجمعيات) is no gap
    let g = gaps(&["انتشرت القوات في أحياء الجمعيات والسكرية.", "وقعت اشتباكات في حي السكرية."]);
    assert_eq!(names(&g), vec!["حي السكرية"]);
    assert_eq!(g[0].articles, 2);
}
