//! The command line, as users and their scripts see it. Names here are a contract: add, never rename.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use tether_core::Role;

pub use crate::cases_cli::{
    ChildCommand, DemoArgs, ExportArgs, HearingAddArgs, HearingSetArgs, ImportArgs, NtaSetArgs,
    ProceedingsSetArgs, SponsorCommand,
};
pub use crate::followup_cli::{CallsCommand, FlagsArgs};
pub use crate::print_cli::PrintCommand;

#[derive(Debug, Parser)]
#[command(
    name = "tether",
    version,
    about = "Tether: follow-up for children released to sponsors, in an encrypted local vault",
    after_help = "Passphrases come from TETHER_PASSPHRASE, TETHER_NEW_PASSPHRASE and \
                  TETHER_BACKUP_PASSPHRASE when set, otherwise from a prompt that does not echo."
)]
pub struct Cli {
    /// The vault folder (default: the platform data folder, e.g. ~/.local/share/tether)
    #[arg(long, global = true, env = "TETHER_VAULT", value_name = "PATH")]
    pub vault: Option<PathBuf>,

    /// Who is signing in
    #[arg(long, global = true, env = "TETHER_USER", value_name = "NAME")]
    pub user: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

// Parsed once per process: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new vault; --user becomes its admin. Refuses if a vault exists.
    Init,
    /// Manage who may sign in
    #[command(subcommand)]
    User(UserCommand),
    /// Change your own passphrase (new one from TETHER_NEW_PASSPHRASE or a prompt)
    Passwd,
    /// Replace the vault's data key; every user keeps their passphrase
    Rekey,
    /// Write an encrypted backup (its passphrase from TETHER_BACKUP_PASSPHRASE or a prompt)
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Restore a backup into the vault folder
    Restore {
        file: PathBuf,
        /// Replace an existing vault (it is moved aside, not deleted)
        #[arg(long)]
        force: bool,
    },
    /// Check or read the tamper-evident audit log
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Vault settings
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// Import release records from a CSV file (all or nothing unless --skip-invalid)
    Import(ImportArgs),
    /// Find children by name, alias, A-Number, phone or case number
    Search {
        query: String,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Children: add, show, list, edit
    #[command(subcommand)]
    Child(ChildCommand),
    /// Sponsors: add, show, list
    #[command(subcommand)]
    Sponsor(SponsorCommand),
    /// Court hearings
    #[command(subcommand)]
    Hearing(HearingCommand),
    /// Notice to Appear status
    #[command(subcommand)]
    Nta(NtaCommand),
    /// Attorney of record and ACIS checks
    #[command(subcommand)]
    Proceedings(ProceedingsCommand),
    /// Write a CSV export (redacted unless --full --reason TEXT)
    Export(ExportArgs),
    /// Fill the vault with synthetic, clearly fake cases for trying Tether and benchmarks
    Demo(DemoArgs),
    /// Safety & Well-Being calls: the queue and the call log
    #[command(subcommand)]
    Calls(CallsCommand),
    /// Every open task: calls, hearing reminders, ACIS checks, EOIR-33 deadlines, escalations
    Tasks {
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        on: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Red flags, each with its explanation; `flags ack FLAG_ID --note TEXT`
    Flags(FlagsArgs),
    /// Calls, reminders, deadlines and hearings between two days as an .ics calendar file
    Calendar {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, value_name = "FILE.ics")]
        out: std::path::PathBuf,
    },
    /// Print hearing notices, records of NTA, letters, EOIR-33 sheets and call sheets as PDF
    #[command(subcommand)]
    Print(PrintCommand),
}

#[derive(Debug, Subcommand)]
pub enum HearingCommand {
    /// Add a hearing for a child
    Add(HearingAddArgs),
    /// Record a hearing's outcome or judge
    Set(HearingSetArgs),
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

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user (passphrase from TETHER_NEW_PASSPHRASE or a prompt)
    Add {
        name: String,
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// List users
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a user; their passphrase stops working at once
    Remove { name: String },
    /// Give a user a new passphrase (from TETHER_NEW_PASSPHRASE or a prompt)
    Reset { name: String },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the chain: "ok: N entries", or name the first broken entry and exit non-zero
    Verify,
    /// Show the latest entries, newest first
    Log(AuditLogArgs),
}

#[derive(Debug, Args)]
pub struct AuditLogArgs {
    #[arg(long)]
    pub json: bool,
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
}

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

#[derive(Debug, Clone, Copy, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum RoleArg {
    Admin,
    CaseManager,
    Volunteer,
}

impl From<RoleArg> for Role {
    fn from(value: RoleArg) -> Self {
        match value {
            RoleArg::Admin => Role::Admin,
            RoleArg::CaseManager => Role::CaseManager,
            RoleArg::Volunteer => Role::Volunteer,
        }
    }
}
