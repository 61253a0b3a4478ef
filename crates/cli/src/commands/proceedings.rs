//! A child's removal proceedings: `tether hearing`, `tether nta`, `tether proceedings`.

use anyhow::Result;
use chrono::NaiveDateTime;
use clap::{Args, Subcommand, ValueEnum};
use tether_core::casework::{
    parse_date, parse_local_datetime, HearingOutcome, HearingType, NtaStatus,
};
use tether_store::Session;

use crate::errors::invalid;
use crate::output::print_json;

#[derive(Debug, Subcommand)]
pub enum HearingCommand {
    /// Add a hearing for a child
    Add(HearingAddArgs),
    /// Record a hearing's outcome or judge
    Set(HearingSetArgs),
    /// After a missed hearing: whether an in absentia order was entered (--order-on DATE
    /// --ground exceptional_circumstances|notice_not_received, or --no-order)
    InAbsentia(super::relief::InAbsentiaArgs),
}

#[derive(Debug, Subcommand)]
pub enum ProceedingsCommand {
    /// Record the attorney of record or the last ACIS check
    Set(ProceedingsSetArgs),
}

#[derive(Debug, Subcommand)]
pub enum NtaCommand {
    /// Record the NTA status
    Set(NtaSetArgs),
}

#[derive(Debug, Args)]
pub struct HearingAddArgs {
    /// Child id or case number
    child: String,
    /// "YYYY-MM-DD HH:MM" in the court's local time
    #[arg(long)]
    at: String,
    /// EOIR court code (`tether courts` lists them)
    #[arg(long)]
    court: String,
    #[arg(long = "type", value_enum, default_value_t = HearingKindArg::Master)]
    kind: HearingKindArg,
    /// The immigration judge, when known
    #[arg(long)]
    judge: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct HearingSetArgs {
    /// The hearing's id (see `tether child show CHILD`)
    hearing: i64,
    /// attended, missed, continued, removal_ordered, relief_granted or terminated
    #[arg(long)]
    outcome: Option<String>,
    #[arg(long)]
    judge: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ProceedingsSetArgs {
    /// Child id or case number
    child: String,
    /// Attorney of record ("" clears it)
    #[arg(long)]
    attorney: Option<String>,
    /// Day the case was last checked in ACIS (1-800-898-7180), YYYY-MM-DD
    #[arg(long = "acis-checked")]
    acis_checked: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum HearingKindArg {
    Master,
    Individual,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum NtaStatusArg {
    NotServed,
    Served,
    Filed,
}

#[derive(Debug, Args)]
pub struct NtaSetArgs {
    child: String,
    #[arg(long, value_enum)]
    status: NtaStatusArg,
    /// YYYY-MM-DD
    #[arg(long = "served-on")]
    served_on: Option<String>,
}

pub fn hearing(session: &mut Session, command: HearingCommand) -> Result<()> {
    match command {
        HearingCommand::Add(args) => hearing_add(session, args),
        HearingCommand::Set(args) => hearing_set(session, args),
        HearingCommand::InAbsentia(args) => super::relief::in_absentia(session, args),
    }
}

fn hearing_add(session: &mut Session, a: HearingAddArgs) -> Result<()> {
    let at: NaiveDateTime = parse_local_datetime("at", &a.at).map_err(|e| invalid("at", e))?;
    let kind = match a.kind {
        HearingKindArg::Master => HearingType::Master,
        HearingKindArg::Individual => HearingType::Individual,
    };
    let mut hearing = session.add_hearing(&a.child, at, &a.court, kind)?;
    if let Some(judge) = a.judge.as_deref() {
        hearing = session.set_hearing_result(hearing.id, None, Some(judge))?;
    }
    if a.json {
        return print_json(&hearing);
    }
    println!(
        "hearing added: {} {} at {} ({})",
        hearing.kind,
        hearing.at,
        hearing.court_name.unwrap_or(hearing.court_code),
        hearing.time_zone.unwrap_or_default()
    );
    Ok(())
}

fn hearing_set(session: &mut Session, a: HearingSetArgs) -> Result<()> {
    let outcome = a
        .outcome
        .as_deref()
        .map(|o| HearingOutcome::parse(o).map_err(|e| invalid("outcome", e)))
        .transpose()?;
    let hearing = session.set_hearing_result(a.hearing, outcome, a.judge.as_deref())?;
    if a.json {
        return print_json(&hearing);
    }
    println!(
        "hearing {} on {}: {}{}",
        hearing.id,
        hearing.at,
        hearing.outcome.as_deref().unwrap_or("no outcome yet"),
        hearing
            .judge
            .map(|j| format!(", judge {j}"))
            .unwrap_or_default()
    );
    Ok(())
}

pub fn proceedings(session: &mut Session, command: ProceedingsCommand) -> Result<()> {
    let ProceedingsCommand::Set(a) = command;
    let acis = a
        .acis_checked
        .as_deref()
        .map(|d| parse_date("acis-checked", d).map_err(|e| invalid("acis_checked", e)))
        .transpose()?;
    let view = session.set_proceedings(&a.child, a.attorney.as_deref(), acis)?;
    println!(
        "{}: attorney {}, last ACIS check {}",
        view.case_number,
        view.attorney.as_deref().unwrap_or("none"),
        view.last_acis_check.as_deref().unwrap_or("never")
    );
    Ok(())
}

pub fn nta(session: &mut Session, command: NtaCommand) -> Result<()> {
    let NtaCommand::Set(a) = command;
    let status = match a.status {
        NtaStatusArg::NotServed => NtaStatus::NotServed,
        NtaStatusArg::Served => NtaStatus::Served,
        NtaStatusArg::Filed => NtaStatus::Filed,
    };
    let served_on = a
        .served_on
        .as_deref()
        .map(|d| parse_date("served-on", d).map_err(|e| invalid("served_on", e)))
        .transpose()?;
    let view = session.set_nta(&a.child, status, served_on)?;
    println!(
        "{}: NTA {}",
        view.case_number,
        view.nta_status.as_deref().unwrap_or("withheld")
    );
    Ok(())
}
