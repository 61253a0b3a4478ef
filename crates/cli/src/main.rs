//! `tether`: the vault from a terminal. Exit 0 on success; otherwise one clear line on stderr.
#![forbid(unsafe_code)]

mod cli;
mod commands;
mod context;
mod errors;
mod output;
mod print_crates;
mod secrets;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("tether: {}", errors::one_line(&err));
            ExitCode::from(errors::exit_code(&err))
        }
    }
}
