//! Bytes in, as text, through the whole text layer and the extractor:
//! normalize -> sentences -> matcher -> extract. Nothing may panic, and every
//! span must lie on character boundaries and slice the original text back.
//!
//! Invalid UTF-8 is passed through `from_utf8_lossy`, so every input is text.
#![no_main]

use actorgraph::extract::Extractor;
use actorgraph::input::Article;
use actorgraph::lexicon::Lexicon;
use actorgraph::text::{normalize, sentences};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        // the test lexicon: small, stable, and with entities whatever state
        // the shipped one is in
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/lexicons/good");
        Lexicon::from_dir(&dir).unwrap_or_else(|e| panic!("test lexicon: {e}"))
    })
}

fn extractor() -> &'static Extractor<'static> {
    static E: OnceLock<Extractor<'static>> = OnceLock::new();
    E.get_or_init(|| Extractor::new(lexicon()))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;

    // normalisation: every folded offset maps to a char boundary of the
    // original, monotonically; folding is idempotent
    let n = normalize(text);
    let mut last = 0;
    for i in (0..=n.text.len()).filter(|&i| n.text.is_char_boundary(i)) {
        let o = n.original_offset(i);
        assert!(o <= text.len() && text.is_char_boundary(o), "folded {i} -> original {o}");
        assert!(o >= last, "the byte map goes backwards at {i}");
        last = o;
    }
    assert_eq!(n.original_offset(n.text.len()), text.len());
    assert_eq!(normalize(&n.text).text, n.text, "folding is idempotent");

    // sentences: increasing, disjoint, trimmed, non-empty, on boundaries
    let mut end = 0;
    for r in sentences(&n.text) {
        assert!(r.start >= end && r.start < r.end && r.end <= n.text.len(), "{r:?}");
        assert!(n.text.is_char_boundary(r.start) && n.text.is_char_boundary(r.end));
        let o = n.original_range(r.clone());
        assert!(o.start <= o.end && o.end <= text.len());
        assert!(text.is_char_boundary(o.start) && text.is_char_boundary(o.end));
        end = r.end;
    }

    // matcher: ordered, disjoint, on boundaries, core inside the span
    let ex = extractor();
    let mut end = 0;
    for m in ex.matcher.find(&n.text) {
        assert!(m.span.start >= end && m.span.start <= m.core && m.core < m.span.end && m.span.end <= n.text.len(), "{m:?}");
        assert!(n.text.is_char_boundary(m.span.start) && n.text.is_char_boundary(m.core) && n.text.is_char_boundary(m.span.end));
        let o = n.original_range(m.span.clone());
        assert!(text.is_char_boundary(o.start) && text.is_char_boundary(o.end));
        end = m.span.end;
    }

    // extraction: evidence is the original text at its span
    let article = Article { id: "fuzz".into(), text: text.to_string(), date: None, title: None, source: None };
    for c in ex.article(&article) {
        let [s, e] = c.span;
        assert!(s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e), "{c:?}");
        assert_eq!(&text[s..e], c.evidence);
        assert!(lexicon().entity(&c.subject).is_some() && lexicon().entity(&c.object).is_some());
    }
});
