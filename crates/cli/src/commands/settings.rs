//! `tether settings`: auto-lock, call offsets, the clinic's contact, template overrides, the
//! clinic's predicate-order ages and concern-report days.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::Subcommand;
use serde::Serialize;
use tether_store::Session;

use crate::output::print_json;
use crate::print_crates::{set_template_override, shipped_names};

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Show or set the desktop app's auto-lock after idle, in minutes (1–240)
    AutoLock { minutes: Option<u32> },
    /// Show or set the days after release of each Safety & Well-Being call (e.g. 7,14,30)
    CallOffsets {
        #[arg(value_delimiter = ',')]
        days: Vec<u16>,
    },
    /// Show or set the clinic's contact printed on notices and letters; a flag left out keeps
    /// its value, an empty one clears it
    Clinic {
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        /// One or more address lines: repeat the flag, or separate lines with `\n`
        #[arg(long = "address-line", value_name = "LINE")]
        address: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show the clinic's own ages at which a state's courts stop making SIJS predicate orders,
    /// or set one (`TX 21`), or go back to the shipped table (`TX --clear`); every case's
    /// deadlines follow
    PredicateAge {
        /// Two-letter state code
        state: Option<String>,
        /// 18, 19 or 21
        age: Option<u8>,
        #[arg(long, conflicts_with = "age")]
        clear: bool,
    },
    /// Show or set the days an approved concern report has to be reported (1–30, default 1)
    ConcernReportDays { days: Option<u64> },
    /// The clinic's replacements for the shipped print templates (letterhead, wording); they
    /// live in the vault, only admins change them, and every change is audited
    #[command(subcommand)]
    Template(TemplateCommand),
}

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// Replace the shipped template NAME (e.g. notice.typ, clinic.typ) with the Typst file FILE
    Set { name: String, file: PathBuf },
    /// The overridden templates, with who set them, when, and their SHA-256
    List {
        #[arg(long)]
        json: bool,
    },
    /// Go back to the shipped template NAME
    Reset { name: String },
}

/// One override as `list` shows it (the Typst text itself is left out).
#[derive(Debug, Serialize)]
struct ListedTemplate<'a> {
    name: &'a str,
    sha256: &'a str,
    set_by: &'a str,
    set_at: &'a str,
}

pub fn run(session: &mut Session, command: SettingsCommand) -> Result<()> {
    match command {
        SettingsCommand::AutoLock { minutes } => {
            if let Some(minutes) = minutes {
                session.set_auto_lock_minutes(minutes)?;
            }
            println!("auto-lock after {} minutes", session.auto_lock_minutes()?);
        }
        SettingsCommand::CallOffsets { days } => {
            if !days.is_empty() {
                session.set_call_offsets(&days)?;
            }
            let days: Vec<String> = session.call_offsets()?.iter().map(u16::to_string).collect();
            println!(
                "Safety & Well-Being calls at release + {} days",
                days.join(", ")
            );
        }
        SettingsCommand::Clinic {
            name,
            phone,
            address,
            json,
        } => clinic(session, name, phone, address, json)?,
        SettingsCommand::Template(command) => template(session, command)?,
        SettingsCommand::PredicateAge { state, age, clear } => {
            if let Some(state) = state.as_deref() {
                match (age, clear) {
                    (Some(age), _) => session.set_predicate_order_age(state, Some(age))?,
                    (None, true) => session.set_predicate_order_age(state, None)?,
                    (None, false) => {
                        return Err(crate::errors::invalid(
                            "age",
                            "give the age (18, 19 or 21), or --clear to use the shipped table",
                        ))
                    }
                }
            }
            let ages = session.predicate_order_ages()?;
            if ages.is_empty() {
                println!("the shipped table (sijs-state-jurisdiction.csv) for every state");
            }
            for (state, age) in ages {
                println!("{state}: {age} (set by the clinic)");
            }
        }
        SettingsCommand::ConcernReportDays { days } => {
            if let Some(days) = days {
                session.set_concern_report_days(days)?;
            }
            println!(
                "an approved concern report is reported within {} day(s)",
                session.concern_report_days()?
            );
        }
    }
    Ok(())
}

fn template(session: &mut Session, command: TemplateCommand) -> Result<()> {
    match command {
        TemplateCommand::Set { name, file } => {
            let source =
                std::fs::read(&file).with_context(|| format!("file: read {}", file.display()))?;
            let set = set_template_override(session, &name, &source)?;
            println!(
                "{} now replaces the shipped template (sha256 {}); printouts drawn from it are marked \"custom template\"",
                set.name, set.sha256
            );
        }
        TemplateCommand::Reset { name } => {
            if session.reset_template_override(&name)? {
                println!("{name}: back to the shipped template");
            } else {
                println!("{name} was not overridden: the shipped template is in use");
            }
        }
        TemplateCommand::List { json } => {
            let overrides = session.template_overrides()?;
            let listed: Vec<ListedTemplate<'_>> = overrides
                .iter()
                .map(|o| ListedTemplate {
                    name: &o.name,
                    sha256: &o.sha256,
                    set_by: &o.set_by,
                    set_at: &o.set_at,
                })
                .collect();
            if json {
                return print_json(&listed);
            }
            if listed.is_empty() {
                println!(
                    "no overrides: every printout uses the shipped templates ({})",
                    shipped_names().join(", ")
                );
            }
            for o in &listed {
                println!(
                    "{}  sha256 {}  set by {} at {}",
                    o.name, o.sha256, o.set_by, o.set_at
                );
            }
        }
    }
    Ok(())
}

fn clinic(
    session: &mut Session,
    name: Option<String>,
    phone: Option<String>,
    address: Vec<String>,
    json: bool,
) -> Result<()> {
    let mut contact = session.clinic_contact()?;
    if name.is_some() || phone.is_some() || !address.is_empty() {
        let mut input = contact.to_input();
        if let Some(name) = name {
            input.name = name;
        }
        if let Some(phone) = phone {
            input.phone = phone;
        }
        if !address.is_empty() {
            input.address = address.join("\n").replace("\\n", "\n");
        }
        contact = session.set_clinic_contact(&input)?;
    }
    if json {
        return print_json(&contact);
    }
    let blank = "(not set)";
    println!("name:    {}", contact.name.as_deref().unwrap_or(blank));
    println!("phone:   {}", contact.phone.as_deref().unwrap_or(blank));
    if contact.address.is_empty() {
        println!("address: {blank}");
    }
    for (n, line) in contact.address.iter().enumerate() {
        println!("{} {line}", if n == 0 { "address:" } else { "        " });
    }
    Ok(())
}
