//! The matcher on real Arabic sentences, through the public API: every
//! proclitic chain, longest match, word boundaries, and offsets that slice
//! the original text back exactly.
//!
//! Uses the small lexicon in `tests/fixtures/lexicons/good/`.

use actorgraph::lexicon::Lexicon;
use actorgraph::matcher::{entity_of, Matcher};
use actorgraph::text::normalize;
use std::path::Path;
use std::sync::OnceLock;

fn lex() -> &'static (Lexicon, Matcher) {
    static L: OnceLock<(Lexicon, Matcher)> = OnceLock::new();
    L.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lexicons/good");
        let lex = match Lexicon::from_dir(&dir) {
            Ok(l) => l,
            Err(e) => panic!("the test lexicon must load: {:?}", miette::Report::new(e)),
        };
        let m = Matcher::new(&lex);
        (lex, m)
    })
}

/// Every entity mention of `text`: (entity id, the original text it covers).
fn entities(text: &str) -> Vec<(String, String)> {
    let (lex, m) = lex();
    let n = normalize(text);
    m.find(&n.text)
        .into_iter()
        .filter_map(|mention| {
            let e = entity_of(lex, &mention)?;
            let r = n.original_range(mention.span.clone());
            Some((lex.entities[e].id.clone(), text[r].to_string()))
        })
        .collect()
}

fn ids(text: &str) -> Vec<String> {
    entities(text).into_iter().map(|(id, _)| id).collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

// ---------------------------------------------------------------- proclitics

#[test]
fn bare_name() {
    assert_eq!(entities("أعلنت إيران أمس أنها لن تنسحب."), pairs(&[("iran", "إيران")]));
}

#[test]
fn waw_conjunction() {
    assert_eq!(
        entities("اجتمع ممثلو روسيا وإيران في أستانا."),
        pairs(&[("russia", "روسيا"), ("iran", "وإيران")])
    );
}

#[test]
fn faa_conjunction() {
    assert_eq!(entities("رفضت دمشق الطلب فإيران لم توافق عليه."), pairs(&[("damascus", "دمشق"), ("iran", "فإيران")]));
}

#[test]
fn baa_preposition() {
    assert_eq!(entities("انفجرت سيارة مفخخة بدمشق صباح اليوم."), pairs(&[("damascus", "بدمشق")]));
}

#[test]
fn lam_preposition() {
    assert_eq!(entities("قدمت موسكو دعما عسكريا لإيران وحلفائها."), pairs(&[("iran", "لإيران")]));
}

#[test]
fn kaf_preposition() {
    assert_eq!(entities("تتصرف ميليشيات محلية كالحرس الثوري في المنطقة."), pairs(&[("irgc", "كالحرس الثوري")]));
}

#[test]
fn article_is_required_where_the_alias_has_it() {
    // الحرس الثوري carries the article; "حرس ثوري" without it is not the IRGC
    assert_eq!(ids("شكلت الحكومة حرس ثوري جديد."), Vec::<String>::new());
    assert_eq!(ids("وصل الحرس الثوري إلى حلب."), vec!["irgc", "aleppo"]);
}

#[test]
fn waw_with_article() {
    assert_eq!(
        entities("انسحب الروس والحرس الثوري من المدينة."),
        pairs(&[("russia", "الروس"), ("irgc", "والحرس الثوري")])
    );
}

#[test]
fn baa_with_article() {
    assert_eq!(entities("ندد المتحدث بالحرس الثوري الإيراني وبأفعاله."), pairs(&[("irgc", "بالحرس الثوري الإيراني")]));
}

#[test]
fn lam_with_article_merges_into_lil() {
    // ل + الحرس is written للحرس
    assert_eq!(entities("وجهت واشنطن تحذيرا للحرس الثوري."), pairs(&[("usa", "واشنطن"), ("irgc", "للحرس الثوري")]));
    assert_eq!(entities("قالت مصادر إن للحرس نفوذا واسعا."), pairs(&[("irgc", "للحرس")]));
}

#[test]
fn lam_before_a_name_starting_with_lam() {
    // ل + اللاذقية is written للاذقية: the article's lam merges
    assert_eq!(entities("وصلت تعزيزات للاذقية ليلا."), pairs(&[("latakia", "للاذقية")]));
    assert_eq!(entities("قصفت الطائرات ريف اللاذقية."), pairs(&[("latakia", "اللاذقية")]));
}

#[test]
fn waw_baa_article_chain() {
    assert_eq!(
        entities("التقى الوفد بالمسؤولين وبالقوات الروسية في حميميم."),
        pairs(&[("russian_forces", "وبالقوات الروسية")])
    );
}

#[test]
fn other_chains() {
    assert_eq!(entities("فبالحرس الثوري تستعين طهران."), pairs(&[("irgc", "فبالحرس الثوري"), ("tehran", "طهران")]));
    assert_eq!(entities("وكالحرس الثوري تعمل قسد."), pairs(&[("irgc", "وكالحرس الثوري"), ("sdf", "قسد")]));
    assert_eq!(entities("ولإيران مصالح في سورية."), pairs(&[("iran", "ولإيران"), ("syria", "سورية")]));
    assert_eq!(entities("وبدمشق وحلب اشتباكات."), pairs(&[("damascus", "وبدمشق"), ("aleppo", "وحلب")]));
}

#[test]
fn not_a_proclitic_chain() {
    // "مب" and "تل" are not proclitic chains: no match glued to them
    assert_eq!(ids("مبإيران تلدمشق"), Vec::<String>::new());
}

#[test]
fn nisba_adjectives_with_and_without_article() {
    assert_eq!(
        entities("قتل عناصر من القوات الإيرانية ومستشارون إيرانيون قرب البوكمال."),
        pairs(&[("iran", "الإيرانية"), ("iran", "إيرانيون"), ("albukamal", "البوكمال")])
    );
    assert_eq!(entities("أعلن الجيش الأمريكي والمسؤولين الأميركيين"), pairs(&[("usa", "الأمريكي"), ("usa", "الأميركيين")]));
}

// -------------------------------------------------------------- longest match

#[test]
fn longest_match_wins() {
    // الحرس الثوري الإيراني over الحرس الثوري + الإيراني (a nisba of Iran)
    assert_eq!(entities("أعلن الحرس الثوري الإيراني مقتل اثنين من عناصره."), pairs(&[("irgc", "الحرس الثوري الإيراني")]));
    // الحرس الثوري over الحرس
    assert_eq!(entities("قال الحرس الثوري في بيان"), pairs(&[("irgc", "الحرس الثوري")]));
}

#[test]
fn longest_match_picks_the_longer_entity() {
    // حزب الله العراقي (Kataib Hezbollah) over حزب الله (Lebanon's)
    assert_eq!(entities("أعلن حزب الله العراقي مسؤوليته عن الهجوم."), pairs(&[("kataib_hezbollah", "حزب الله العراقي")]));
    assert_eq!(entities("أعلن حزب الله اللبناني مسؤوليته."), pairs(&[("hezbollah", "حزب الله")]));
    assert_eq!(entities("قاتلت كتائب حزب الله في البوكمال."), pairs(&[("kataib_hezbollah", "كتائب حزب الله"), ("albukamal", "البوكمال")]));
}

#[test]
fn multiword_names_across_irregular_spacing() {
    // a non-breaking space and a double space inside the name
    assert_eq!(ids("هاجمت قوات\u{00A0}سوريا  الديمقراطية مواقع داعش."), vec!["sdf", "isis"]);
}

// --------------------------------------------------------- word boundaries

#[test]
fn no_match_inside_a_longer_word() {
    // مصر in مصرف (a bank), مصرع (death), ومصرفي
    assert_eq!(ids("أغلق مصرف سورية المركزي فروعه."), vec!["syria"]);
    assert_eq!(ids("لقي ثلاثة مصرعهم في غارة."), Vec::<String>::new());
    assert_eq!(ids("قال خبير ومصرفي مطلع."), Vec::<String>::new());
    // but Egypt itself, its nisba and with a proclitic
    assert_eq!(entities("زار الوفد مصر والقاهرة ثم عاد لمصر."), pairs(&[("egypt", "مصر"), ("egypt", "لمصر")]));
    assert_eq!(entities("قال دبلوماسي مصري"), pairs(&[("egypt", "مصري")]));
}

#[test]
fn no_match_at_the_end_of_a_longer_word() {
    // "حلب" inside "محلب", "داعش" glued to Latin or digits
    assert_eq!(ids("محلب"), Vec::<String>::new());
    assert_eq!(ids("داعش2 xداعش"), Vec::<String>::new());
}

#[test]
fn punctuation_and_quotes_are_boundaries() {
    assert_eq!(
        entities("«قسد»، (داعش)، \"إيران\"؛ روسيا: سورية!"),
        pairs(&[("sdf", "قسد"), ("isis", "داعش"), ("iran", "إيران"), ("russia", "روسيا"), ("syria", "سورية")])
    );
}

// ---------------------------------------------------------- normalisations

#[test]
fn hamza_forms_match_one_alias() {
    for s in ["إيران", "ايران", "أيران", "آيران"] {
        assert_eq!(ids(s), vec!["iran"], "{s}");
    }
}

#[test]
fn taa_marbuta_and_haa() {
    assert_eq!(ids("سورية"), vec!["syria"]);
    assert_eq!(ids("سوريه"), vec!["syria"]);
    assert_eq!(entities("القوات الروسيه"), pairs(&[("russian_forces", "القوات الروسيه")]));
}

#[test]
fn tatweel_and_diacritics() {
    assert_eq!(entities("قصفت القــوات الروسيـة مواقع لـداعـش"), pairs(&[("russian_forces", "القــوات الروسيـة"), ("isis", "لـداعـش")]));
    assert_eq!(entities("أَعْلَنَتْ إِيرَانُ"), pairs(&[("iran", "إِيرَانُ")]));
    assert_eq!(entities("الحَرَسُ الثَّوْرِيُّ"), pairs(&[("irgc", "الحَرَسُ الثَّوْرِيُّ")]));
}

#[test]
fn presentation_forms() {
    // إيران in Arabic presentation forms B, as text copied out of a PDF
    let pdf = "\u{FE87}\u{FEF3}\u{FEAE}\u{FE8D}\u{FEE5}";
    assert_eq!(entities(&format!("أعلنت {pdf} ذلك")), pairs(&[("iran", pdf)]));
}

#[test]
fn bidi_and_zero_width_controls() {
    // controls inside and after the name are part of its span; one before
    // it is not (the span starts at the first letter)
    let t = "قالت \u{200F}إي\u{200C}ران\u{200F} و\u{200D}روسيا";
    assert_eq!(entities(t), pairs(&[("iran", "إي\u{200C}ران\u{200F}"), ("russia", "و\u{200D}روسيا")]));
}

// ------------------------------------------------------------------ offsets

#[test]
fn offsets_slice_the_original_text_back() {
    let text = "دمشق – ٧ ديسمبر ٢٠٢٤: أعلنت «قسد» أنَّ القـوات الرّوسيّة انسحبت من البوكمال، ونفت طهـران ذلك.";
    let (lex, m) = lex();
    let n = normalize(text);
    let found = m.find(&n.text);
    let mut got = Vec::new();
    for mention in &found {
        let r = n.original_range(mention.span.clone());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        // the original slice folds back to exactly the matched folded text
        assert_eq!(normalize(&text[r.clone()]).text, n.text[mention.span.clone()]);
        if let Some(e) = entity_of(lex, mention) {
            got.push((lex.entities[e].id.as_str(), &text[r]));
        }
    }
    assert_eq!(
        got,
        vec![("damascus", "دمشق"), ("sdf", "قسد"), ("russian_forces", "القـوات الرّوسيّة"), ("albukamal", "البوكمال"), ("tehran", "طهـران")]
    );
}

#[test]
fn mentions_are_ordered_and_disjoint() {
    let text = "اجتمع الحرس الثوري الإيراني والقوات الروسية وحزب الله العراقي في دمشق وحلب واللاذقية.";
    let (_, m) = lex();
    let n = normalize(text);
    let found = m.find(&n.text);
    assert!(found.len() >= 6, "{found:?}");
    for w in found.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{w:?}");
    }
    for f in &found {
        assert!(f.span.start <= f.core && f.core < f.span.end);
    }
}

#[test]
fn cues_are_found_too() {
    // the matcher also finds relation cues and negators in the same pass
    let (lex, m) = lex();
    let text = "لم تنسحب القوات الروسية من سورية";
    let n = normalize(text);
    let targets: Vec<String> = m
        .find(&n.text)
        .iter()
        .map(|x| match &lex.surfaces[x.surface].target {
            actorgraph::lexicon::Target::Entity(e) => lex.entities[*e].id.clone(),
            actorgraph::lexicon::Target::Cue(p) => format!("cue:{}", lex.relations[lex.patterns[p[0]].relation].id),
            actorgraph::lexicon::Target::Negator => "negator".into(),
            actorgraph::lexicon::Target::Denial => "denial".into(),
            actorgraph::lexicon::Target::Falsity => "falsity".into(),
            actorgraph::lexicon::Target::Reference(_) => "reference".into(),
        })
        .collect();
    assert_eq!(targets, vec!["negator", "cue:withdrew_from", "russian_forces", "syria"]);
}

#[test]
fn a_huge_word_is_no_match_and_stays_fast() {
    // 2 MB of "داعش" with no space: every automaton hit is inside one word;
    // word edges are sought only as far as a proclitic or suffix can reach
    let (_, m) = lex();
    let blob = "داعش".repeat(250_000);
    let t = std::time::Instant::now();
    assert!(m.find(&normalize(&blob).text).is_empty());
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    // and a real mention right after it still counts
    let text = format!("{blob} داعش");
    let n = normalize(&text);
    let found = m.find(&n.text);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[n.original_range(found[0].span.clone())], "داعش");
}
