//! `tether audit`: the tamper-evident log.

use anyhow::Result;
use clap::{Args, Subcommand};
use tether_store::Session;

use crate::output::print_json;

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the chain: "ok: N entries", or name the first broken entry and exit non-zero
    Verify,
    /// Show the latest entries, newest first
    Log(AuditLogArgs),
}

#[derive(Debug, Args)]
pub struct AuditLogArgs {
    #[arg(long)]
    json: bool,
    #[arg(long, default_value_t = 50)]
    limit: u32,
}

pub fn run(session: &mut Session, command: AuditCommand) -> Result<()> {
    match command {
        AuditCommand::Verify => {
            let report = session.audit_verify()?;
            println!("ok: {} entries", report.entries);
        }
        AuditCommand::Log(args) => {
            let entries = session.audit_log(args.limit)?;
            if args.json {
                print_json(&entries)?;
            } else {
                for e in entries {
                    println!(
                        "#{:<6} {}  {:<16} {:<20} {}:{} {}",
                        e.seq, e.at, e.actor, e.action, e.record_kind, e.record_id, e.outcome
                    );
                }
            }
        }
    }
    Ok(())
}
