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
