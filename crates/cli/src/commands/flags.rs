//! `tether flags`: red flags, and acknowledging one.

use anyhow::Result;
use clap::{Args, Subcommand};
use tether_store::followup::FlagView;
use tether_store::Session;

use crate::output::print_json;

#[derive(Debug, Args)]
pub struct FlagsArgs {
    #[command(subcommand)]
    command: Option<FlagsCommand>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum FlagsCommand {
    /// Acknowledge a red flag with a note (it stays listed, marked acknowledged)
    Ack {
        flag_id: String,
        #[arg(long)]
        note: String,
    },
}

pub fn run(session: &mut Session, args: FlagsArgs) -> Result<()> {
    match args.command {
        Some(FlagsCommand::Ack { flag_id, note }) => {
            let flag = session.acknowledge_flag(&flag_id, &note)?;
            if args.json {
                return print_json(&flag);
            }
            println!("acknowledged {}: {}", flag.flag_id, flag.explanation_en);
            Ok(())
        }
        None => {
            let flags = session.red_flags()?;
            if args.json {
                return print_json(&flags);
            }
            for f in &flags {
                print_flag(f);
            }
            if flags.is_empty() {
                println!("no red flags");
            }
            Ok(())
        }
    }
}

fn print_flag(f: &FlagView) {
    let ack = match (&f.acknowledged_by, &f.acknowledgement_note) {
        (Some(by), Some(note)) => format!("  [acknowledged by {by}: {note}]"),
        _ => String::new(),
    };
    println!("{}  {}{}\n    {}", f.kind, f.flag_id, ack, f.explanation_en);
}
