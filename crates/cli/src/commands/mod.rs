//! One module per command group: its clap arguments and its body. `run` signs in once and hands
//! the session to the body; only the commands that open the vault their own way get the context.

pub mod address;
pub mod audit;
pub mod calendar;
pub mod calls;
pub mod children;
pub mod concern;
pub mod courts;
pub mod flags;
pub mod history;
pub mod import_export;
pub mod lifecycle;
pub mod print;
pub mod proceedings;
pub mod relief;
pub mod remind;
pub mod search;
pub mod settings;
pub mod sponsors;
pub mod tasks;
pub mod users;
pub mod vault;

use anyhow::Result;
use chrono::NaiveDate;
use tether_core::casework::parse_date;
use tether_store::Session;

use crate::cli::{Cli, Command};
use crate::context::Context;
use crate::errors::invalid;

/// A command body that runs on an unlocked vault.
type Body = Box<dyn FnOnce(&mut Session) -> Result<()>>;

pub fn run(cli: Cli) -> Result<()> {
    let ctx = Context::new(cli.vault, cli.user)?;
    let body: Body = match cli.command {
        // These create, restore or re-open the vault themselves.
        Command::Init => return vault::init(&ctx),
        Command::Passwd => return vault::passwd(&ctx),
        Command::Restore(args) => return vault::restore(&ctx, args),
        Command::User(command) => Box::new(|s| users::run(s, command)),
        Command::Rekey(args) => Box::new(|s| vault::rekey(s, args)),
        Command::Backup(args) => Box::new(|s| vault::backup(s, args)),
        Command::Audit(command) => Box::new(|s| audit::run(s, command)),
        Command::Settings(command) => Box::new(|s| settings::run(s, command)),
        Command::Import(args) => Box::new(|s| import_export::import(s, args)),
        Command::Search(args) => Box::new(|s| search::run(s, args)),
        Command::Child(command) => Box::new(|s| children::run(s, command)),
        Command::Sponsor(command) => Box::new(|s| sponsors::run(s, command)),
        Command::Hearing(command) => Box::new(|s| proceedings::hearing(s, command)),
        Command::Nta(command) => Box::new(|s| proceedings::nta(s, command)),
        Command::Proceedings(command) => Box::new(|s| proceedings::proceedings(s, command)),
        Command::Export(args) => Box::new(|s| import_export::export(s, args)),
        Command::Demo(args) => Box::new(|s| import_export::demo(s, args)),
        Command::Calls(command) => Box::new(|s| calls::run(s, command)),
        Command::Tasks(args) => Box::new(|s| tasks::run(s, args)),
        Command::Note(command) => Box::new(|s| history::run_note(s, command)),
        Command::Flags(args) => Box::new(|s| flags::run(s, args)),
        Command::Calendar(args) => Box::new(|s| calendar::run(s, args)),
        // Print errors keep their own type: their kind picks the exit code.
        Command::Print(command) => Box::new(|s| Ok(print::run(s, command)?)),
        Command::Address(command) => Box::new(|s| address::run(s, command)),
        Command::Relief(command) => Box::new(|s| relief::run(s, command)),
        Command::Deadlines(args) => Box::new(|s| relief::deadlines(s, args)),
        Command::Concern(command) => Box::new(|s| concern::run(s, command)),
        Command::Remind(args) => Box::new(|s| remind::run(s, args)),
        // Reference data: no sign-in.
        Command::Courts(args) => return courts::run(args),
    };
    body(&mut ctx.sign_in()?)
}

/// A `--on YYYY-MM-DD` argument, or the vault's today when it is left out.
fn day_or_today(session: &Session, on: Option<&str>) -> Result<NaiveDate> {
    Ok(match on {
        Some(d) => parse_date("on", d).map_err(|e| invalid("on", e))?,
        None => session.today(),
    })
}
