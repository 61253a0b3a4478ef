//! `tether search`: children by name, alias, A-Number, phone or case number.

use anyhow::Result;
use clap::Args;
use tether_store::Session;

use crate::output::print_json;

#[derive(Debug, Args)]
pub struct SearchArgs {
    query: String,
    #[arg(long)]
    json: bool,
    /// How many children to list, at least 1
    #[arg(long, default_value_t = 20)]
    limit: u32,
}

pub fn run(session: &mut Session, args: SearchArgs) -> Result<()> {
    let found = session.search(&args.query, args.limit)?;
    if args.json {
        return print_json(&found);
    }
    if found.is_empty() {
        // On stderr: stdout holds only matches, one a line, for whoever reads it.
        eprintln!("no children match {:?}", args.query.trim());
        return Ok(());
    }
    for c in found {
        println!(
            "{}  {} {}  ({})",
            c.case_number,
            c.given_name,
            c.family_name,
            c.sponsor_name.unwrap_or_default()
        );
    }
    Ok(())
}
