//! Running the follow-up commands.

use anyhow::Result;
use chrono::{NaiveDate, Utc};
use tether_core::casework::{parse_date, parse_local_datetime};
use tether_core::followup::CallOutcome;
use tether_store::followup::FlagView;
use tether_store::{Session, StoreError, SwbAnswers};

use crate::followup_cli::{CallLogArgs, CallsCommand, FlagsArgs, FlagsCommand};
use crate::run::print_json;

fn day(session: &Session, on: Option<&str>) -> Result<NaiveDate> {
    Ok(match on {
        Some(d) => parse_date("on", d).map_err(|e| invalid("on", e))?,
        None => session.today(),
    })
}

fn invalid(field: &'static str, e: impl std::fmt::Display) -> anyhow::Error {
    StoreError::invalid(field, e.to_string()).into()
}

pub fn calls(session: &mut Session, command: CallsCommand) -> Result<()> {
    match command {
        CallsCommand::Due { on, json } => {
            let on = day(session, on.as_deref())?;
            let due = session.calls_due(on, Utc::now())?;
            if json {
                return print_json(&due);
            }
            if due.is_empty() {
                println!("no calls due on or before {on}");
            }
            for c in due {
                println!(
                    "{}{} #{} attempt {}  {}  {}  {}  local {}{}{}",
                    if c.overdue { "OVERDUE " } else { "" },
                    c.due_on,
                    c.task_id,
                    c.attempt,
                    c.case_number,
                    c.child_name,
                    c.sponsor_phone.as_deref().unwrap_or("no phone"),
                    c.sponsor_local_time.as_deref().unwrap_or("?"),
                    if c.callable_now {
                        ""
                    } else {
                        " (outside calling hours)"
                    },
                    c.language
                        .map(|l| format!(
                            "  {l}{}",
                            if c.interpreter_needed {
                                " + interpreter"
                            } else {
                                ""
                            }
                        ))
                        .unwrap_or_default()
                );
            }
            Ok(())
        }
        CallsCommand::Log(args) => log(session, args),
    }
}

fn log(session: &mut Session, a: CallLogArgs) -> Result<()> {
    let outcome = CallOutcome::parse(&a.outcome).map_err(|e| invalid("outcome", e))?;
    let at =
        a.at.as_deref()
            .map(|t| parse_local_datetime("at", t).map_err(|e| invalid("at", e)))
            .transpose()?;
    let answers = a.answers.as_deref().map(SwbAnswers::parse).transpose()?;
    let logged = session.log_call(
        &a.child,
        outcome,
        at,
        a.note.as_deref().unwrap_or(""),
        answers,
    )?;
    if a.json {
        return print_json(&logged);
    }
    println!(
        "logged attempt {} ({}): the call is {}{}",
        logged.attempt,
        logged.outcome,
        logged.call_status.replace('_', " "),
        logged
            .next_due_on
            .map(|d| format!("; next attempt due {d}"))
            .unwrap_or_default()
    );
    Ok(())
}

pub fn tasks(session: &mut Session, on: Option<String>, json: bool) -> Result<()> {
    let on = day(session, on.as_deref())?;
    let tasks = session.tasks(on)?;
    if json {
        return print_json(&tasks);
    }
    for t in tasks {
        println!(
            "{}{}  #{}  {}  {}  {}",
            if t.overdue { "OVERDUE " } else { "" },
            t.due_on,
            t.task_id,
            t.case_number,
            t.child_name,
            t.summary
        );
    }
    Ok(())
}

pub fn flags(session: &mut Session, args: FlagsArgs) -> Result<()> {
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

/// `tether calendar`: open tasks due and hearings held between two days, as one `.ics` file.
pub fn calendar(session: &mut Session, from: &str, to: &str, out: &std::path::Path) -> Result<()> {
    use tether_docs::calendar::{render, CalendarEntry, When};
    let from = parse_date("from", from).map_err(|e| invalid("from", e))?;
    let to = parse_date("to", to).map_err(|e| invalid("to", e))?;
    if to < from {
        return Err(invalid("to", "the end date is before the start date"));
    }
    let from_text = from.to_string();
    let mut entries: Vec<CalendarEntry> = session
        .tasks(to)?
        .into_iter()
        .filter(|t| t.due_on >= from_text)
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
        .collect();
    for h in session.hearings_between(from, to)? {
        let Ok(local) = chrono::NaiveDateTime::parse_from_str(&h.at, "%Y-%m-%d %H:%M") else {
            continue;
        };
        let court = tether_core::casework::Court::by_code(&h.court_code);
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
    let count = entries.len();
    let text = render("Tether", &entries, Utc::now());
    let write = || -> std::io::Result<()> {
        use std::io::Write as _;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(out)?;
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
    })?;
    println!(
        "{count} events from {from} to {} written to {}",
        to,
        out.display()
    );
    Ok(())
}
