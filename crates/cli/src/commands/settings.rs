//! `tether settings`: auto-lock, call offsets, the clinic's contact.

use anyhow::Result;
use clap::Subcommand;
use tether_store::Session;

use crate::output::print_json;

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
