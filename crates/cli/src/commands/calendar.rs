//! `tether calendar`: open tasks due and hearings held between two days, as one `.ics` file.

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{NaiveDate, NaiveDateTime, Utc};
use clap::Args;
use tether_core::casework::{parse_date, Court};
use tether_store::followup::{HearingItem, TaskView};
use tether_store::Session;

use crate::errors::invalid;
use crate::print_crates::{render_calendar, CalendarEntry, When};

#[derive(Debug, Args)]
pub struct CalendarArgs {
    #[arg(long)]
    from: String,
    #[arg(long)]
    to: String,
    #[arg(long, value_name = "FILE.ics")]
    out: PathBuf,
}

pub fn run(session: &mut Session, args: CalendarArgs) -> Result<()> {
    let from = parse_date("from", &args.from).map_err(|e| invalid("from", e))?;
    let to = parse_date("to", &args.to).map_err(|e| invalid("to", e))?;
    if to < from {
        return Err(invalid("to", "the end date is before the start date"));
    }
    // One read, audited once with the number of events.
    let calendar = session.calendar(from, to)?;
    let mut entries = task_entries(calendar.tasks);
    entries.extend(hearing_entries(calendar.hearings));
    let count = entries.len();
    let text = render_calendar("Tether", &entries, Utc::now());
    write_new(&args.out, &text)?;
    println!(
        "{count} events from {from} to {} written to {}",
        to,
        args.out.display()
    );
    Ok(())
}

/// Open tasks due between the days, each an all-day event.
fn task_entries(tasks: Vec<TaskView>) -> Vec<CalendarEntry> {
    tasks
        .into_iter()
        .filter_map(|t| {
            let day = NaiveDate::parse_from_str(&t.due_on, "%Y-%m-%d").ok()?;
            Some(CalendarEntry {
                uid: format!("task-{}@tether", t.key),
                summary: format!("{}: {} ({})", t.summary, t.child_name, t.case_number),
                description: t.summary,
                location: None,
                when: When::AllDay(day),
            })
        })
        .collect()
}

/// Hearings between the days, two hours each in the court's time zone.
fn hearing_entries(hearings: Vec<HearingItem>) -> Vec<CalendarEntry> {
    let mut entries = Vec::new();
    for h in hearings {
        let Ok(local) = NaiveDateTime::parse_from_str(&h.at, "%Y-%m-%d %H:%M") else {
            continue;
        };
        let court = Court::by_code(&h.court_code);
        entries.push(CalendarEntry {
            uid: format!("hearing-{}@tether", h.hearing_id),
            summary: format!("{} hearing: {} ({})", h.kind, h.child_name, h.case_number),
            description: format!(
                "{} immigration court. Case status: 1-800-898-7180 (ACIS).",
                h.court_name.clone().unwrap_or_else(|| h.court_code.clone())
            ),
            location: court.map(|c| c.address_lines().join(", ")),
            when: When::At {
                local,
                time_zone: h
                    .time_zone
                    .clone()
                    .unwrap_or_else(|| "America/New_York".into()),
                minutes: 120,
            },
        });
    }
    entries
}

/// Writes a new file only: an existing calendar is never replaced.
fn write_new(out: &Path, text: &str) -> Result<()> {
    let write = || -> std::io::Result<()> {
        use std::io::Write as _;
        // Owner-only (0600): the calendar names children and hearing dates.
        let mut f = tether_store::files::create_new_private(out)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()
    };
    write().map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            invalid(
                "out",
                format!("{} already exists; choose a new file name", out.display()),
            )
        } else {
            anyhow::Error::new(e).context(format!("write {}", out.display()))
        }
    })
}
