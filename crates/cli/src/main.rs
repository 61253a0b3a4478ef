//! `tether`: the vault from a terminal. Exit 0 on success; otherwise one clear line on stderr.
#![forbid(unsafe_code)]

mod cases;
mod cases_cli;
mod cli;
mod followup;
mod followup_cli;
mod print;
mod print_cli;
mod run;
mod secrets;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match run::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("tether: {}", one_line(&err));
            ExitCode::from(run::exit_code(&err))
        }
    }
}

/// The error and its causes on one line; `StoreError` messages already carry their context.
fn one_line(err: &anyhow::Error) -> String {
    let mut line = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !line.contains(&cause) {
            line.push_str(": ");
            line.push_str(&cause);
        }
    }
    line.replace('\n', " ")
}
