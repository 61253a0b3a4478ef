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
    StoreError::InvalidInput {
        field,
        reason: e.to_string(),
    }
    .into()
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
