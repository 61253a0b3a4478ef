//! `tether calls`: the Safety & Well-Being call queue and the call log.

use anyhow::Result;
use chrono::Utc;
use clap::{Args, Subcommand};
use tether_core::casework::parse_local_datetime;
use tether_core::followup::CallOutcome;
use tether_store::{Session, SwbAnswers};

use super::day_or_today;
use crate::errors::invalid;
use crate::output::print_json;

#[derive(Debug, Subcommand)]
pub enum CallsCommand {
    /// Safety & Well-Being calls due on or before a day, overdue first
    Due {
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        on: Option<String>,
        /// Only the cases assigned to this user (a user name, or `me`)
        #[arg(long = "assigned-to")]
        assigned_to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Log one call attempt
    Log(CallLogArgs),
}

#[derive(Debug, Args)]
pub struct CallLogArgs {
    /// Child id or case number
    child: String,
    /// reached_child, reached_sponsor, no_answer, voicemail, wrong_number, refused, safety_concern
    #[arg(long)]
    outcome: String,
    /// "YYYY-MM-DD HH:MM" in the sponsor's local time (default: now there)
    #[arg(long)]
    at: Option<String>,
    #[arg(long)]
    note: Option<String>,
    /// {"still_with_sponsor":true,"enrolled_in_school":true,"knows_court_date":false,
    /// "feels_safe":true,"new_address":{"line1":…,"unit":…,"city":…,"state":…,"zip":…}}
    #[arg(long)]
    answers: Option<String>,
    /// The number dialled (default: the sponsor's first working number); a wrong_number
    /// marks it not working
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(session: &mut Session, command: CallsCommand) -> Result<()> {
    match command {
        CallsCommand::Due {
            on,
            assigned_to,
            json,
        } => due(session, on.as_deref(), assigned_to.as_deref(), json),
        CallsCommand::Log(args) => log(session, args),
    }
}

fn due(
    session: &mut Session,
    on: Option<&str>,
    assigned_to: Option<&str>,
    json: bool,
) -> Result<()> {
    let on = day_or_today(session, on)?;
    let assigned = assigned_to.map(|who| session.user_id(who)).transpose()?;
    let due = session.calls_due_for(on, Utc::now(), assigned)?;
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

fn log(session: &mut Session, a: CallLogArgs) -> Result<()> {
    let outcome = CallOutcome::parse(&a.outcome).map_err(|e| invalid("outcome", e))?;
    let at =
        a.at.as_deref()
            .map(|t| parse_local_datetime("at", t).map_err(|e| invalid("at", e)))
            .transpose()?;
    let answers = a.answers.as_deref().map(SwbAnswers::parse).transpose()?;
    let logged = session.log_call_to(
        &a.child,
        outcome,
        at,
        a.note.as_deref().unwrap_or(""),
        answers,
        a.phone.as_deref(),
    )?;
    if a.json {
        return print_json(&logged);
    }
    if let Some(dead) = &logged.not_working {
        match &logged.next_phone {
            Some(next) => println!("{dead} is marked not working; the next call goes to {next}"),
            None => println!(
                "{dead} is marked not working; no working number is left: a task asks to find one"
            ),
        }
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
    if let Some(screening) = &logged.screening {
        for f in &screening.flags {
            println!(
                "screening: {} (source: {})",
                f.explanation_en, f.rule.source
            );
        }
        if screening.offer_concern_report {
            println!(
                "a trafficking indicator was heard: open a concern report with `tether concern open {} --call {} --category trafficking_indicators --text …`",
                a.child, logged.call_id
            );
        }
    }
    Ok(())
}
