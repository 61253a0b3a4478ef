//! `tether audit`: the tamper-evident log.

use anyhow::Result;
use clap::{Args, Subcommand};
use tether_core::Receipt;
use tether_store::Session;

use crate::errors::invalid;
use crate::output::print_json;

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the chain: "ok: N entries, head HEX", or name the first broken entry and exit 7.
    /// With --head (a receipt), also exit 7 if the chain no longer holds that head in its place
    Verify(VerifyArgs),
    /// Show the latest entries, newest first
    Log(AuditLogArgs),
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A receipt taken earlier: `N:HEX` (the entry count and head that `audit verify` printed),
    /// or the head alone (then with --count, or found anywhere in the chain)
    #[arg(long, value_name = "N:HEX")]
    head: Option<String>,
    /// The receipt's entry count, when --head is the hash alone
    #[arg(long, value_name = "N", requires = "head")]
    count: Option<u64>,
    #[arg(long)]
    json: bool,
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
        AuditCommand::Verify(args) => {
            let receipt = args
                .head
                .as_deref()
                .map(|head| Receipt::parse(head, args.count))
                .transpose()
                .map_err(|e| invalid("head", e))?;
            let report = session.audit_verify_against(receipt.as_ref())?;
            if args.json {
                return print_json(&report);
            }
            // One line whose first words stay "ok: N entries" for the scripts that read them.
            // N and the head, as `N:HEX`, are the receipt `--head` takes.
            println!("ok: {} entries, head {}", report.entries, report.head);
            if let Some(seq) = report.receipt_entry {
                println!("receipt holds: entry #{seq} still has the receipt's head");
            }
        }
        AuditCommand::Log(args) => {
            let entries = session.audit_log(args.limit)?;
            if args.json {
                print_json(&entries)?;
            } else {
                for e in entries {
                    // A search or bulk read says how many records it returned.
                    let count = e.count.map(|n| format!(" ({n})")).unwrap_or_default();
                    println!(
                        "#{:<6} {}  {:<16} {:<20} {}:{} {}{count}",
                        e.seq, e.at, e.actor, e.action, e.record_kind, e.record_id, e.outcome
                    );
                }
            }
        }
    }
    Ok(())
}
