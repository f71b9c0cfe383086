//! The extractor on sentences written for these tests (not taken from the
//! sample articles): each relation, both argument orders, verbal nouns,
//! coordination, passives and participles, negation, denial, reported
//! speech, and sentences that must give nothing.

use actorgraph::extract::{Claim, Extractor, Polarity};
use actorgraph::input::Article;
use actorgraph::lexicon::Lexicon;
use std::sync::OnceLock;

fn lex() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::embedded().expect("the shipped lexicon loads"))
}

fn claims(text: &str) -> Vec<Claim> {
    let ex = Extractor::new(lex());
    let a = Article { id: "t".into(), text: text.into(), date: None, title: None, source: None };
    ex.article(&a)
}

/// (subject, relation, object, negated?) of every claim, sorted.
fn triples(text: &str) -> Vec<(String, String, String, bool)> {
    let mut v: Vec<_> = claims(text)
        .into_iter()
        .map(|c| (c.subject, c.relation, c.object, c.polarity == Polarity::Negated))
        .collect();
    v.sort();
    v.dedup();
    v
}

fn has(text: &str, s: &str, r: &str, o: &str) -> bool {
    let sym = matches!(r, "negotiated_with" | "met_with" | "agreed_with" | "cooperated_with");
    triples(text).iter().any(|(a, rr, b, neg)| !neg && rr == r && ((a == s && b == o) || (sym && a == o && b == s)))
}

fn has_negated(text: &str, s: &str, r: &str, o: &str) -> bool {
    triples(text).iter().any(|(a, rr, b, neg)| *neg && rr == r && a == s && b == o)
}

#[track_caller]
fn expect(text: &str, s: &str, r: &str, o: &str) {
    assert!(has(text, s, r, o), "expected {s} {r} {o} from «{text}», got {:?}", triples(text));
}

#[test]
fn verb_first_and_subject_first() {
    expect("هاجم تنظيم داعش رتلاً لقوات النظام قرب تدمر.", "isis", "attacked", "syria");
    expect("إسرائيل حذرت إيران من الرد.", "israel", "threatened", "iran");
    expect("حذرت إسرائيل إيران من الرد.", "israel", "threatened", "iran");
    expect("اتهمت روسيا الولايات المتحدة بدعم الإرهاب.", "russia", "accused", "usa");
}

#[test]
fn each_relation_has_a_cue() {
    expect("جرت مفاوضات بين تركيا وروسيا في أنقرة.", "turkey", "negotiated_with", "russia");
    expect("التقى بوتين أردوغان في سوتشي.", "vladimir_putin", "met_with", "recep_tayyip_erdogan");
    expect("اتفقت روسيا مع تركيا على وقف إطلاق النار.", "russia", "agreed_with", "turkey");
    expect("تنسق الولايات المتحدة مع قوات سوريا الديمقراطية في الرقة.", "usa", "cooperated_with", "sdf");
    expect("جاء الاتفاق بين الطرفين بوساطة قطرية بين حماس وإسرائيل.", "qatar", "mediated", "hamas");
    expect("دعمت إيران حزب الله بالسلاح.", "iran", "supported", "hezbollah");
    expect("طالبت فرنسا روسيا بوقف القصف.", "france", "demanded", "russia");
    expect("رفضت تركيا المقترح الأميركي.", "turkey", "rejected", "usa");
    expect("انسحبت قوات النظام من مدينة تدمر.", "syria", "withdrew_from", "palmyra");
    expect("أرسلت روسيا تعزيزات عسكرية إلى حماة.", "russia", "deployed_to", "hama");
    expect("سيطرت هيئة تحرير الشام على مدينة إدلب.", "hts", "controls", "idlib");
    expect("زار لافروف دمشق أمس.", "sergey_lavrov", "visited", "damascus");
}

#[test]
fn verbal_nouns_take_genitives_and_prepositions() {
    expect("أعلن الجيش انسحاب القوات الروسية من حلب.", "russia", "withdrew_from", "aleppo");
    expect("أدى هجوم شنه تنظيم داعش على دير الزور إلى مقتل جنود.", "isis", "attacked", "deir_ez_zor");
    expect("تواصلت الغارات الإسرائيلية على مواقع حزب الله.", "israel", "attacked", "hezbollah");
    expect("أكد الوزير دعم روسيا للحكومة السورية.", "russia", "supported", "syria");
}

#[test]
fn coordination_gives_every_pair() {
    let t = "عقد اجتماع بين إيران وروسيا والعراق وسورية في بغداد.";
    for (a, b) in [("iran", "russia"), ("iran", "iraq"), ("iran", "syria"), ("russia", "iraq"), ("russia", "syria"), ("iraq", "syria")] {
        expect(t, a, "met_with", b);
    }
    let t = "طالبت الولايات المتحدة وإسرائيل روسيا بإخراج إيران.";
    expect(t, "usa", "demanded", "russia");
    expect(t, "israel", "demanded", "russia");
}

#[test]
fn passives_and_participles_reverse_the_roles() {
    expect("تقدمت قوات سوريا الديمقراطية المدعومة من التحالف الدولي نحو هجين.", "coalition", "supported", "sdf");
    expect("بات حقل العمر تحت سيطرة قسد منذ سنوات.", "sdf", "controls", "omar_field");
    expect("رصدت أرتال الميليشيات الإيرانية المنسحبة من الميادين.", "iran_backed_militias", "withdrew_from", "mayadin");
}

#[test]
fn nisba_adjectives_stand_for_their_entity() {
    expect("اتهمت القيادة العسكرية الروسية الجيش الحر بالتحضير لهجوم.", "russia", "accused", "fsa");
    expect("وصل وزير الخارجية الإيراني إلى بغداد.", "iran", "visited", "baghdad");
}

#[test]
fn negators_negate_the_cue_they_scope() {
    let t = "لم تنسحب القوات التركية من عفرين.";
    assert!(has_negated(t, "turkey", "withdrew_from", "afrin"), "{:?}", triples(t));
    assert!(!has(t, "turkey", "withdrew_from", "afrin"));
    let t = "أكد المسؤول عدم انسحاب القوات الأميركية من التنف.";
    assert!(has_negated(t, "usa", "withdrew_from", "tanf"), "{:?}", triples(t));
}

#[test]
fn a_complement_takes_its_verbs_subject_and_negation() {
    let t = "وافقت تركيا على عدم المشاركة مع الجيش الوطني السوري في معركة منبج.";
    let got = triples(t);
    assert!(got.iter().any(|(a, r, _, neg)| a == "turkey" && r == "cooperated_with" && *neg), "{got:?}");
    let t = "كشف التقرير عجز روسيا مساعدة النظام السوري.";
    assert!(has_negated(t, "russia", "supported", "syria"), "{:?}", triples(t));
}

#[test]
fn denials_negate_what_they_report() {
    let t = "نفت إيران إخلاء سفارتها في دمشق.";
    assert!(has_negated(t, "iran", "withdrew_from", "damascus"), "{:?}", triples(t));
    let t = "نفى رئيس هيئة الحشد الشعبي دخول قوات الحشد إلى سوريا.";
    assert!(has_negated(t, "pmf", "deployed_to", "syria"), "{:?}", triples(t));
}

#[test]
fn however_is_not_a_negation() {
    let t = "غير أن الدعم الروسي للنظام السوري استمر.";
    assert!(has(t, "russia", "supported", "syria"), "{:?}", triples(t));
}

#[test]
fn reported_speech_keeps_the_claim_it_reports() {
    expect("قال المرصد السوري لحقوق الإنسان إن الطائرات الروسية قصفت مواقع المعارضة السورية.", "russia", "attacked", "syrian_opposition");
    expect("ذكرت وكالة الأنباء أن تركيا هددت قسد بعملية عسكرية.", "turkey", "threatened", "sdf");
}

#[test]
fn coordinated_verbs_share_their_subject() {
    let t = "زار بوتين دمشق والتقى بشار الأسد.";
    expect(t, "vladimir_putin", "visited", "damascus");
    expect(t, "vladimir_putin", "met_with", "bashar_al_assad");
}

#[test]
fn actors_without_a_relation_give_nothing() {
    assert!(triples("إيران وروسيا وتركيا دول كبيرة في المنطقة.").is_empty());
    assert!(triples("نشرت صحيفة أميركية تقريرا عن الاقتصاد في دمشق.").is_empty(), "{:?}", triples("نشرت صحيفة أميركية تقريرا عن الاقتصاد في دمشق."));
    assert!(triples("").is_empty());
}

#[test]
fn evidence_is_the_original_sentence_and_span_slices_it() {
    let text = "عنوان\nوقالت المصادر إنّ القـوات الإيرانيّة انسحبت من البوكمال. ثم عاد الهدوء.";
    let cs = claims(text);
    let c = cs.iter().find(|c| c.relation == "withdrew_from").expect("a withdrawal claim");
    assert_eq!(&text[c.span[0]..c.span[1]], c.evidence);
    assert!(c.evidence.contains("القـوات الإيرانيّة"), "evidence keeps tatweel and shadda: {}", c.evidence);
    assert_eq!(c.subject_chain, vec!["iran".to_string()]);
    assert_eq!(c.object_chain, vec!["albukamal", "deir_ez_zor", "syria"]);
    assert!(text.contains(&c.trigger));
}

#[test]
fn one_record_per_claim_and_sentence() {
    let cs = claims("هاجمت إسرائيل إيران وهاجمت إسرائيل إيران مرة أخرى.");
    let n = cs.iter().filter(|c| c.subject == "israel" && c.relation == "attacked" && c.object == "iran").count();
    assert_eq!(n, 1, "{cs:?}");
}

#[test]
fn more_ways_of_saying_it() {
    expect("أطلق حزب الله صواريخ على إسرائيل.", "hezbollah", "attacked", "israel");
    expect("تصدت قوات النظام لهجوم تنظيم داعش قرب تدمر.", "syria", "attacked", "isis");
    expect("جرى اتصال هاتفي بين بوتين وأردوغان.", "vladimir_putin", "negotiated_with", "recep_tayyip_erdogan");
    expect("انتزعت هيئة تحرير الشام السيطرة على سراقب.", "hts", "controls", "saraqib");
    // فجر الجمعة is dawn, not a bombing
    assert!(claims("وقعت الغارة الإسرائيلية فجر الجمعة على دمشق.").iter().all(|c| !c.trigger.contains("فجر")));
}

#[test]
fn what_is_not_a_negation() {
    // a negated verb does not reach a cue behind a preposition
    let t = "لم تعلق إيران على الهجوم الإسرائيلي على دمشق.";
    assert!(has(t, "israel", "attacked", "damascus"), "{:?}", triples(t));
    assert!(!has_negated(t, "israel", "attacked", "damascus"));
    // لا يزال is "still"
    let t = "لا يزال تنظيم داعش يهاجم قوات النظام في البادية.";
    assert!(has(t, "isis", "attacked", "syria"), "{:?}", triples(t));
    // a negated verb does negate its own cue
    let t = "أكدت روسيا أن قواتها لن تنسحب من سوريا.";
    assert!(has_negated(t, "russia", "withdrew_from", "syria"), "{:?}", triples(t));
}

#[test]
fn common_news_constructions() {
    expect("قالت وزارة الدفاع الروسية إن طائراتها قصفت مواقع لتنظيم داعش في ريف حمص.", "russia", "attacked", "isis");
    expect("شنت طائرات التحالف الدولي غارات على مواقع التنظيم في الرقة.", "coalition", "attacked", "isis");
    expect("وصلت تعزيزات عسكرية تركية إلى إدلب.", "turkey", "deployed_to", "idlib");
    expect("قتل ثلاثة عناصر من حزب الله بغارة إسرائيلية قرب الحدود.", "israel", "attacked", "hezbollah");
    expect("نقلت وكالة سانا أن وحدات الجيش العربي السوري استعادت السيطرة على بلدة خان شيخون.", "syria", "controls", "khan_shaykhun");
    expect("اتهمت دمشق أنقرة بدعم الإرهابيين.", "syria", "accused", "turkey");
    expect("التقى وزير الخارجية السوري فيصل المقداد نظيره الإيراني حسين أمير عبد اللهيان في دمشق.", "faisal_mekdad", "met_with", "hossein_amir_abdollahian");
}

#[test]
fn members_adverbs_and_borrowed_agents() {
    // a member stands for the group; the victim takes the strike's agent
    let t = "قتل قائد في الحرس الثوري بغارة إسرائيلية على مطار دمشق الدولي.";
    expect(t, "israel", "attacked", "irgc");
    // the accusative alef is no pronoun: the light verb's subject is the agent
    expect("وقعت روسيا وتركيا اتفاقاً لوقف إطلاق النار في إدلب.", "russia", "agreed_with", "turkey");
    // an adverbial nisba names a passive's agent
    let t = "تقدمت الفصائل الموالية لأنقرة والقوات المدعومة تركياً نحو منبج.";
    assert!(triples(t).iter().any(|(a, r, _, _)| a == "turkey" && r == "supported"), "{:?}", triples(t));
}

#[test]
fn taa_marbuta_is_not_a_pronoun_suffix() {
    // وزارة folds to وزاره, which is not و + زار (visited) + ه;
    // الاجتماعي (social) is not اجتماع (meeting) + ي
    let t = "أصدرت وزارة الخارجية الروسية بياناً حول إيران على مواقع التواصل الاجتماعي.";
    let got = triples(t);
    assert!(got.iter().all(|(_, r, _, _)| r != "visited" && r != "met_with"), "{got:?}");
    // a real pronoun suffix still counts
    expect("اتهمت إيران إسرائيل بقصف مواقعها وهاجمتها في سوريا.", "iran", "accused", "israel");
}

#[test]
fn a_group_of_states_acts_as_each_member_through_its_name() {
    let text = "أعلنت الدول الضامنة في ختام الجولة أنها اتفقت على تمديد الهدنة.";
    let cs = claims(text);
    for (a, b) in [("russia", "turkey"), ("russia", "iran"), ("turkey", "iran")] {
        let c = cs
            .iter()
            .find(|c| c.relation == "agreed_with" && ((c.subject == a && c.object == b) || (c.subject == b && c.object == a)))
            .unwrap_or_else(|| panic!("{a} agreed_with {b}: {cs:?}"));
        let via = c.subject_via.as_ref().expect("a member's claim names the group it came through");
        assert_eq!(via.text, "الدول الضامنة");
        assert_eq!(&text[via.span[0]..via.span[1]], "الدول الضامنة");
    }
    assert!(!cs.iter().any(|c| c.subject == "astana_guarantors" || c.object == "astana_guarantors"), "{cs:?}");
}
