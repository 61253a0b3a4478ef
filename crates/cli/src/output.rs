//! What the commands print: JSON for scripts (`--json`) and the small text layouts they share.

use std::io::Write;

use anyhow::{Context as _, Result};
use tether_store::casework::CreateOutcome;

use crate::errors;

/// `value` as pretty JSON on stdout, one document per command.
pub fn print_json<T: serde::Serialize>(value: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).context("write JSON")?;
    writeln!(out).context("write JSON")?;
    Ok(())
}

/// A count as people read it: 20000 → "20,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// One labelled line of a `show`; an empty or missing value prints as a dash.
pub fn line(label: &str, value: Option<&str>) {
    println!(
        "  {label:<20} {}",
        value.filter(|v| !v.is_empty()).unwrap_or("—")
    );
}

/// The outcome of an add (child or sponsor): the new record, or the likely duplicates on stderr
/// and a conflict, so a script sees a non-zero exit when nothing was created.
pub fn report_created(outcome: CreateOutcome, json: bool, what: &str) -> Result<()> {
    if json {
        print_json(&outcome)?;
    }
    match outcome {
        CreateOutcome::Created { id, case_number } => {
            if !json {
                match case_number {
                    Some(case) => println!("created {what} {case} (id {id})"),
                    None => println!("created {what} {id}"),
                }
            }
            Ok(())
        }
        CreateOutcome::NeedsConfirmation { matches } => {
            if !json {
                for m in &matches {
                    eprintln!(
                        "  possible duplicate: {} {} {} ({})",
                        m.kind,
                        m.id,
                        m.label,
                        m.reason.replace('_', " ")
                    );
                }
            }
            Err(errors::duplicates(matches.len()))
        }
    }
}
