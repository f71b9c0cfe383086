//! Helpers shared by the tests that drive real consumer tools.

/// In CI a missing consumer tool is a failure; locally, a notice and a skip.
pub fn missing(what: &str, install: &str) -> bool {
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!("{what} is required in CI but missing; install it with: {install}");
    }
    // straight to the stderr handle: libtest captures eprintln! of passing tests
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "NOTICE: skipped, {what} is missing (install: {install}); set CI=1 to make this a failure");
    true
}

/// A claim made by hand for export tests: sentence 1, the text as evidence
/// (span 10..10+len), each end its own chain, no reference.
#[allow(dead_code)]
#[allow(clippy::too_many_arguments)]
pub fn claim(article: &str, s: &str, r: &str, o: &str, p: actorgraph::extract::Polarity, text: &str, date: Option<&str>, trigger: &str) -> actorgraph::extract::Claim {
    actorgraph::extract::Claim {
        article: article.into(),
        sentence: 1,
        subject: s.into(),
        subject_chain: vec![s.into()],
        relation: r.into(),
        object: o.into(),
        object_chain: vec![o.into()],
        polarity: p,
        evidence: text.into(),
        span: [10, 10 + text.len()],
        trigger: trigger.into(),
        date: date.map(String::from),
        subject_via: None,
        object_via: None,
    }
}
