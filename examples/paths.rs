//! How is one actor connected to another, and on what evidence.
//!
//! ```text
//! cargo run --release --example paths -- --graph graphs/syria.graphml --from hezbollah --to sdf
//! ```
//!
//! The same program as `actorgraph paths` (same arguments, same output, same
//! exit codes): see `actorgraph paths --help`.

fn main() {
    std::process::exit(actorgraph::cli::paths::cli_main());
}
