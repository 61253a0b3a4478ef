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
    // Rust ignores SIGPIPE, so a write to a closed pipe (`tether flags | head -1`) fails and
    // `println!` panics with "failed printing to stdout". A command-line tool should instead
    // end quietly, as `cat` and `grep` do: the default action (exit by SIGPIPE, 141 in a
    // shell). This is the one place; every command's output takes the same path. Whatever a
    // command had committed is already durable; an open transaction rolls back. (Windows has
    // no SIGPIPE: there this is a no-op.)
    sigpipe::reset();
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("tether: {}", errors::one_line(&err));
            ExitCode::from(errors::exit_code(&err))
        }
    }
}
