//! `tether remind CHILD --lang en|es`: the hearing reminder's text and the links that open it
//! in the case manager's own messaging app. Tether sends nothing; it records that the reminder
//! was prepared.

use anyhow::Result;
use clap::Args;
use tether_print::reminder::{prepare_reminder, ReminderError};
use tether_store::{Session, StoreError};

use crate::output::print_json;

#[derive(Debug, Args)]
pub struct RemindArgs {
    /// Child id or case number
    child: String,
    /// en or es
    #[arg(long)]
    lang: String,
    #[arg(long)]
    json: bool,
}

pub fn run(session: &mut Session, args: RemindArgs) -> Result<()> {
    let reminder = prepare_reminder(session, &args.child, &args.lang).map_err(|e| match e {
        ReminderError::Store(e) => anyhow::Error::from(e),
        ReminderError::Missing { field, reason } => StoreError::invalid(field, reason).into(),
    })?;
    if args.json {
        return print_json(&reminder);
    }
    println!("{}", reminder.text);
    println!(
        "({} characters, {} SMS, {})",
        reminder.length, reminder.sms_parts, reminder.encoding
    );
    println!("SMS: {}", reminder.sms_link);
    println!("WhatsApp: {}", reminder.whatsapp_link);
    Ok(())
}
