use clap::Parser;

fn main() {
    let cli = actorgraph::cli::Cli::parse();
    if let Err(e) = actorgraph::cli::run(cli) {
        let code = e.exit_code();
        match e {
            actorgraph::cli::CliError::Lexicon(le) => {
                eprintln!("{:?}", miette::Report::new(le));
            }
            other => eprintln!("error: {other}"),
        }
        std::process::exit(code);
    }
}
