//! Follow-up commands: arguments (a contract: add, never rename).

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum CallsCommand {
    /// Safety & Well-Being calls due on or before a day, overdue first
    Due {
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        on: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Log one call attempt
    Log(CallLogArgs),
}

#[derive(Debug, Args)]
pub struct CallLogArgs {
    /// Child id or case number
    pub child: String,
    /// reached_child, reached_sponsor, no_answer, voicemail, wrong_number, refused, safety_concern
    #[arg(long)]
    pub outcome: String,
    /// "YYYY-MM-DD HH:MM" in the sponsor's local time (default: now there)
    #[arg(long)]
    pub at: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// {"still_with_sponsor":true,"enrolled_in_school":true,"knows_court_date":false,
    /// "feels_safe":true,"new_address":{"line1":…,"unit":…,"city":…,"state":…,"zip":…}}
    #[arg(long)]
    pub answers: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct FlagsArgs {
    #[command(subcommand)]
    pub command: Option<FlagsCommand>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum FlagsCommand {
    /// Acknowledge a red flag with a note (it stays listed, marked acknowledged)
    Ack {
        flag_id: String,
        #[arg(long)]
        note: String,
    },
}
