//! `tether courts`: the EOIR immigration court codes Tether knows (the shipped reference list),
//! for `--court`. Reference data, not case data: no sign-in.

use anyhow::Result;
use clap::Args;
use serde::Serialize;
use tether_core::casework::Court;

use crate::output::print_json;

#[derive(Debug, Args)]
pub struct CourtsArgs {
    /// Only the courts whose code, city, state or name start with these words ("los angeles")
    filter: Option<String>,
    #[arg(long)]
    json: bool,
}

/// One court as `--json` lists it.
#[derive(Debug, Serialize)]
struct CourtRow<'a> {
    code: &'a str,
    name: String,
    city: &'a str,
    state: &'a str,
    time_zone: &'a str,
}

pub fn run(args: CourtsArgs) -> Result<()> {
    let filter = args.filter.as_deref().unwrap_or_default();
    let rows: Vec<CourtRow<'_>> = Court::all()
        .iter()
        .filter(|c| c.matches(filter))
        .map(|c| CourtRow {
            code: &c.code,
            name: c.display_name(),
            city: &c.city,
            state: c.state.code(),
            time_zone: &c.time_zone,
        })
        .collect();
    if args.json {
        return print_json(&rows);
    }
    if rows.is_empty() {
        eprintln!("no court matches {:?}", filter.trim());
    }
    for r in &rows {
        println!("{}  {:<52} {}, {}", r.code, r.name, r.city, r.state);
    }
    Ok(())
}
