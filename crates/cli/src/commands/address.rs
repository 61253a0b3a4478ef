//! `tether address`: addresses volunteers reported on calls, for a case manager to confirm
//! (applied, EOIR-33 deadline from today) or reject (with a reason).

use anyhow::Result;
use clap::Subcommand;
use tether_store::Session;

use crate::output::print_json;

#[derive(Debug, Subcommand)]
pub enum AddressCommand {
    /// Addresses reported on calls that wait for a decision
    Pending {
        #[arg(long)]
        json: bool,
    },
    /// Apply a reported address to the sponsor (starts the EOIR-33 deadline today)
    Confirm {
        /// The report's id (see `tether address pending`)
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Reject a reported address; the sponsor's address stays as it is
    Reject {
        id: i64,
        /// Why (kept with the report)
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(session: &mut Session, command: AddressCommand) -> Result<()> {
    match command {
        AddressCommand::Pending { json } => {
            let pending = session.pending_addresses()?;
            if json {
                return print_json(&pending);
            }
            if pending.is_empty() {
                println!("no reported addresses wait for a decision");
            }
            for p in pending {
                let a = &p.address;
                let parts: Vec<&str> = [&a.line1, &a.unit, &a.city, &a.state, &a.postal_code]
                    .into_iter()
                    .filter_map(|x| x.as_deref())
                    .collect();
                println!(
                    "#{}  {}  {} (sponsor {})  reported by {} on {}: {}",
                    p.id,
                    p.case_number.as_deref().unwrap_or("-"),
                    p.sponsor_name,
                    p.sponsor_id,
                    p.reported_by,
                    p.reported_on,
                    parts.join(", ")
                );
            }
            Ok(())
        }
        AddressCommand::Confirm { id, json } => {
            let sponsor = session.confirm_address(id)?;
            if json {
                return print_json(&sponsor);
            }
            println!(
                "{} {} moved: the EOIR-33 change of address is due within 5 working days",
                sponsor.given_name, sponsor.family_name
            );
            Ok(())
        }
        AddressCommand::Reject { id, reason, json } => {
            let report = session.reject_address(id, &reason)?;
            if json {
                return print_json(&report);
            }
            println!("reported address #{} rejected", report.id);
            Ok(())
        }
    }
}
