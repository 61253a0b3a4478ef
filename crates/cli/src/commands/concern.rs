//! `tether concern open|submit|approve|return|report|close|list|show|destinations`: concern
//! reports, each step signed by the user who takes it.

use anyhow::Result;
use clap::{Args, Subcommand};
use tether_core::casework::parse_date;
use tether_core::legal::ConcernStep;
use tether_store::legal::ConcernView;
use tether_store::{concern_destinations, ReportedTo, Session};

use crate::errors::invalid;
use crate::output::print_json;

#[derive(Debug, Subcommand)]
pub enum ConcernCommand {
    /// Open a draft report: --category abuse|neglect|trafficking_indicators|
    /// labour_exploitation|not_living_with_sponsor|sponsor_unreachable|school|other --text T
    Open(OpenArgs),
    /// Send a draft to the supervisor (due within a day of opening it)
    Submit(StepArgs),
    /// Approve a submitted report (a supervisor who did not submit it)
    Approve(StepArgs),
    /// Send a submitted report back to draft, saying why (--note)
    Return(StepArgs),
    /// Record where an approved report went: --to DESTINATION --on DATE --reference REF
    Report(ReportArgs),
    /// Close a reported report (--note)
    Close(StepArgs),
    /// Every report, newest first (--state narrows)
    List {
        #[arg(long)]
        state: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// One report with every signed step
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Where a report can go, who is told and what may follow (English and Spanish)
    Destinations {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// Child id or case number
    child: String,
    #[arg(long)]
    category: String,
    /// What was heard, in the caller's words
    #[arg(long)]
    text: String,
    /// The call it comes from
    #[arg(long)]
    call: Option<i64>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct StepArgs {
    id: i64,
    #[arg(long, default_value = "")]
    note: String,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    id: i64,
    /// orr_notification_of_concern, orr_national_call_center, child_protective_services,
    /// law_enforcement, national_human_trafficking_hotline or hhs_otip
    #[arg(long)]
    to: String,
    /// The day it was reported (default today)
    #[arg(long)]
    on: Option<String>,
    /// The reference number the agency gave
    #[arg(long)]
    reference: String,
    #[arg(long, default_value = "")]
    note: String,
    #[arg(long)]
    json: bool,
}

pub fn run(session: &mut Session, command: ConcernCommand) -> Result<()> {
    let (view, json) = match command {
        ConcernCommand::Open(a) => (
            session.open_concern(&a.child, &a.category, &a.text, a.call)?,
            a.json,
        ),
        ConcernCommand::Submit(a) => step(session, a, ConcernStep::Submit)?,
        ConcernCommand::Approve(a) => step(session, a, ConcernStep::Approve)?,
        ConcernCommand::Return(a) => step(session, a, ConcernStep::Return)?,
        ConcernCommand::Close(a) => step(session, a, ConcernStep::Close)?,
        ConcernCommand::Report(a) => {
            let on = match a.on.as_deref() {
                Some(d) => parse_date("on", d).map_err(|e| invalid("on", e))?,
                None => session.today(),
            };
            let reported = ReportedTo {
                to: &a.to,
                on,
                reference: &a.reference,
            };
            (
                session.concern_step(a.id, ConcernStep::Report, &a.note, Some(reported))?,
                a.json,
            )
        }
        ConcernCommand::List { state, json } => {
            let all = session.concerns(state.as_deref())?;
            if json {
                return print_json(&all);
            }
            if all.is_empty() {
                println!("no concern reports");
            }
            for c in &all {
                println!(
                    "#{}  {}  {}  {}  {}",
                    c.concern_id, c.state, c.case_number, c.category, c.opened_on
                );
            }
            return Ok(());
        }
        ConcernCommand::Show { id, json } => (session.concern(id)?, json),
        ConcernCommand::Destinations { json } => {
            let all = concern_destinations();
            if json {
                return print_json(&all);
            }
            for d in &all {
                println!("{}: {}", d.destination, d.name_en);
                println!("    who is told: {}", d.who_is_told_en);
                println!("    what may follow: {}", d.what_may_follow_en);
            }
            return Ok(());
        }
    };
    if json {
        return print_json(&view);
    }
    print_concern(&view);
    Ok(())
}

fn step(session: &mut Session, a: StepArgs, step: ConcernStep) -> Result<(ConcernView, bool)> {
    Ok((session.concern_step(a.id, step, &a.note, None)?, a.json))
}

fn print_concern(c: &ConcernView) {
    println!(
        "concern report #{} ({}) — {} {} — {}",
        c.concern_id, c.state, c.case_number, c.child_name, c.category_en
    );
    println!("  heard: {}", c.heard);
    if let Some(by) = &c.submit_by {
        println!("  to the supervisor by {by}");
    }
    if let Some(by) = &c.report_by {
        println!("  to be reported by {by}");
    }
    if let (Some(to), Some(on)) = (&c.reported_to, &c.reported_on) {
        println!(
            "  reported to {to} on {on}, reference {}",
            c.reference.as_deref().unwrap_or("—")
        );
    }
    for s in &c.steps {
        let note = if s.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", s.note)
        };
        println!("  {}  {} by {} → {}{note}", s.at, s.step, s.by, s.state);
    }
}
