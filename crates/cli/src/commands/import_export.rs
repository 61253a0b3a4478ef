//! Records in and out in bulk: `tether import`, `tether export`, `tether demo`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use tether_store::{Session, StoreError};

use crate::output::print_json;

#[derive(Debug, Args)]
pub struct ImportArgs {
    file: PathBuf,
    /// Import the valid rows; write the rejected ones to FILE.rejected.csv
    #[arg(long = "skip-invalid")]
    skip_invalid: bool,
    /// Apply what rows for cases already in the vault change (without it, the changes are
    /// only reported, field by field)
    #[arg(long)]
    update: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_name = "FILE.csv")]
    out: PathBuf,
    /// Include A-Numbers, addresses, phones and birth dates (needs --reason)
    #[arg(long, requires = "reason")]
    full: bool,
    /// Why a full export is needed; kept with the audit entry
    #[arg(long, requires = "full")]
    reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many synthetic children
    #[arg(long)]
    children: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

pub fn import(session: &mut Session, a: ImportArgs) -> Result<()> {
    let show_progress = std::io::stderr().is_terminal();
    let mut progress = |done: usize, total: usize| {
        if show_progress && total >= 1000 {
            eprint!("\rimporting {done}/{total}");
            let _ = std::io::stderr().flush();
        }
    };
    let result = session.import_release_records(&a.file, a.skip_invalid, a.update, &mut progress);
    if show_progress {
        eprintln!();
    }
    let report = match result {
        Ok(report) => report,
        Err(e) => {
            // Every rejected cell on its own line (file:line: column: reason), then the summary.
            if let StoreError::ImportRejected { file, errors, .. } = &e {
                for row in errors {
                    eprintln!(
                        "{}:{}: {}: {}",
                        file.display(),
                        row.line,
                        row.column,
                        row.reason
                    );
                }
            }
            return Err(e.into());
        }
    };
    if a.json {
        return print_json(&report);
    }
    println!(
        "imported {} of {} rows: {} children created, {} already present ({} unchanged, {} with changes, {} updated), {} held back, {} sponsors created",
        report.imported_rows,
        report.rows,
        report.children_created,
        report.children_already_present,
        report.children_unchanged,
        report.children_changed,
        report.children_updated,
        report.children_held_back,
        report.sponsors_created
    );
    for case in &report.changes {
        let verb = if case.applied { "updated" } else { "differs" };
        println!(
            "line {}: {} {} {verb}:",
            case.line, case.case_number, case.child_name
        );
        for c in &case.changes {
            println!(
                "  {} {} → {}",
                c.field,
                c.before.as_deref().unwrap_or("(none)"),
                c.after
            );
        }
    }
    if report.children_changed > 0 {
        println!("nothing of these changes was applied: run the import again with --update to apply them");
    }
    for held in &report.held_back {
        println!("line {}: held back: {}", held.line, held.message);
    }
    if let Some(rejected) = &report.rejected_file {
        println!(
            "{} rows were rejected and written with a reason column to {}",
            report.rejected_rows,
            rejected.display()
        );
    }
    Ok(())
}

pub fn export(session: &mut Session, a: ExportArgs) -> Result<()> {
    let reason = if a.full {
        a.reason.as_deref().or(Some(""))
    } else {
        None
    };
    let rows = session.export_csv(&a.out, reason)?;
    println!(
        "exported {rows} children to {} ({})",
        a.out.display(),
        if a.full {
            "full"
        } else {
            "redacted: no A-Number, address, phone; birth year only"
        }
    );
    Ok(())
}

pub fn demo(session: &mut Session, a: DemoArgs) -> Result<()> {
    let show_progress = std::io::stderr().is_terminal();
    let mut progress = |done: usize, total: usize| {
        if show_progress {
            eprint!("\rgenerating {done}/{total}");
        }
    };
    let report = session.import_demo(a.children, a.seed, &mut progress)?;
    if show_progress {
        eprintln!();
    }
    println!(
        "demo data: {} synthetic children, {} sponsors (clearly marked DEMO)",
        report.children_created, report.sponsors_created
    );
    Ok(())
}
