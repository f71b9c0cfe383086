//! Test and benchmark data for the graph: a small lexicon (the project's
//! relations and grammar, and a fixed set of entities with the ids, kinds and
//! parents of `core_entities.tsv`) and a deterministic generator of
//! synthetic claims. Not part of the pipeline.

use crate::extract::{Claim, Polarity};
use crate::lexicon::{Lexicon, Sources};

/// id, kind, parent, English, Arabic.
pub const ENTITIES: &[(&str, &str, &str, &str, &str)] = &[
    ("iran", "state", "", "Iran", "إيران"),
    ("russia", "state", "", "Russia", "روسيا"),
    ("syria", "state", "", "Syria", "سوريا"),
    ("usa", "state", "", "United States", "الولايات المتحدة"),
    ("israel", "state", "", "Israel", "إسرائيل"),
    ("turkey", "state", "", "Turkey", "تركيا"),
    ("irgc", "armed_group", "iran", "IRGC", "الحرس الثوري"),
    ("quds_force", "armed_group", "irgc", "Quds Force", "فيلق القدس"),
    ("qasem_soleimani", "person", "quds_force", "Qasem Soleimani", "قاسم سليماني"),
    ("hezbollah", "armed_group", "", "Hezbollah", "حزب الله"),
    ("hassan_nasrallah", "person", "hezbollah", "Hassan Nasrallah", "حسن نصر الله"),
    ("sdf", "armed_group", "", "Syrian Democratic Forces", "قوات سوريا الديمقراطية"),
    ("isis", "armed_group", "", "Islamic State (ISIS)", "تنظيم الدولة"),
    ("sergey_lavrov", "person", "russia", "Sergey Lavrov", "سيرغي لافروف"),
    ("un", "organization", "", "United Nations", "الأمم المتحدة"),
    ("deir_ez_zor", "place", "syria", "Deir ez-Zor", "دير الزور"),
    ("albukamal", "place", "deir_ez_zor", "Al-Bukamal", "البوكمال"),
    ("damascus", "place", "syria", "Damascus", "دمشق"),
    ("tehran", "place", "iran", "Tehran", "طهران"),
];

/// The entities above as an `entities/*.ron` file.
pub fn entities_ron() -> String {
    let mut s = String::from("[\n");
    for (id, kind, parent, en, ar) in ENTITIES {
        let parent = if parent.is_empty() { String::new() } else { format!(" parent: {parent:?},") };
        s.push_str(&format!("    (id: {id:?}, kind: {kind},{parent} en: {en:?}, ar: {ar:?}),\n"));
    }
    s.push_str("]\n");
    s
}

/// The project's relations and grammar with [`ENTITIES`].
pub fn sample_lexicon() -> Lexicon {
    let emb = Sources::embedded();
    let src = Sources {
        entities: vec![crate::lexicon::load::SourceFile { name: "entities/sample.ron".into(), text: entities_ron() }],
        relations: emb.relations,
        grammar: emb.grammar,
        references: emb.references,
        required: None,
    };
    match Lexicon::from_sources(&src) {
        Ok(l) => l,
        Err(e) => panic!("the sample lexicon does not load: {e:?}"),
    }
}

/// A claim with the chains of `lex`.
#[allow(clippy::too_many_arguments)]
pub fn claim(lex: &Lexicon, article: &str, date: Option<&str>, sentence: usize, subject: &str, relation: &str, object: &str, polarity: Polarity, text: &str) -> Claim {
    let chain = |id: &str| lex.entity(id).map(|e| lex.chain_ids(e)).unwrap_or_else(|| vec![id.to_string()]);
    Claim {
        article: article.into(),
        sentence,
        subject: subject.into(),
        subject_chain: chain(subject),
        relation: relation.into(),
        object: object.into(),
        object_chain: chain(object),
        polarity,
        evidence: text.into(),
        span: [sentence * 100, sentence * 100 + text.len()],
        trigger: "قصف".into(),
        date: date.map(String::from),
        subject_via: None,
        object_via: None,
    }
}

/// `n` synthetic claims over `lex`'s entities and relations, the same for
/// the same `seed`: articles of 20 claims, dates over 2017-2024, a sentence
/// of ~150 bytes each, one in ten negated.
pub fn synthetic_claims(lex: &Lexicon, n: usize, seed: u64) -> impl Iterator<Item = Claim> + '_ {
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407) | 1;
    let mut next = move || {
        // xorshift64*
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        x.wrapping_mul(0x2545F4914F6CDD1D)
    };
    let ne = lex.entities.len() as u64;
    let nr = lex.relations.len() as u64;
    (0..n).map(move |i| {
        let r = next();
        let s = (r % ne) as usize;
        let mut o = ((r >> 16) % ne) as usize;
        if o == s {
            o = (o + 1) % ne as usize;
        }
        let rel = &lex.relations[((r >> 32) % nr) as usize];
        let art = i / 20;
        let day = (art * 7919) % 2900;
        let date = format!("{}-{:02}-{:02}", 2017 + day / 365 % 8, 1 + day / 28 % 12, 1 + day % 28);
        let text = format!("قالت مصادر إن {} {} {} في الجملة رقم {} من المقالة {}، بحسب ما نقلت وكالات الأنباء.", lex.entities[s].ar, rel.ar, lex.entities[o].ar, i % 20, art);
        Claim {
            article: format!("a{art:07}"),
            sentence: i % 20,
            subject: lex.entities[s].id.clone(),
            subject_chain: lex.chain_ids(s),
            relation: rel.id.clone(),
            object: lex.entities[o].id.clone(),
            object_chain: lex.chain_ids(o),
            polarity: if (r >> 48) % 10 == 0 { Polarity::Negated } else { Polarity::Affirmed },
            span: [i % 20 * 200, i % 20 * 200 + text.len()],
            evidence: text,
            trigger: rel.ar.clone(),
            date: if (r >> 56) % 17 == 0 { None } else { Some(date) },
            subject_via: None,
            object_via: None,
        }
    })
}
