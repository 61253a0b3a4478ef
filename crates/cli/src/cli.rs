//! The command line, as users and their scripts see it. Names here are a contract: add, never rename.
//! Each group's own arguments live with its body in `commands/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands::{
    address, audit, calendar, calls, children, concern, courts, flags, history, import_export,
    print, proceedings, relief, remind, search, settings, sponsors, tasks, users, vault,
};

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
    User(users::UserCommand),
    /// Change your own passphrase (new one from TETHER_NEW_PASSPHRASE or a prompt)
    Passwd,
    /// Replace the vault's data key; every user keeps their passphrase
    Rekey(vault::RekeyArgs),
    /// Write an encrypted backup (its passphrase from TETHER_BACKUP_PASSPHRASE or a prompt)
    Backup(vault::BackupArgs),
    /// Restore a backup into the vault folder
    Restore(vault::RestoreArgs),
    /// Check or read the tamper-evident audit log
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Vault settings
    #[command(subcommand)]
    Settings(settings::SettingsCommand),
    /// Import release records from a CSV file (all or nothing unless --skip-invalid)
    Import(import_export::ImportArgs),
    /// Find children by name, alias, A-Number, phone or case number
    Search(search::SearchArgs),
    /// Children: add, show, list, edit, history
    #[command(subcommand)]
    Child(children::ChildCommand),
    /// Case notes: dated, signed, never edited (a correction is a new note)
    #[command(subcommand)]
    Note(history::NoteCommand),
    /// Sponsors: add, show, list
    #[command(subcommand)]
    Sponsor(sponsors::SponsorCommand),
    /// Court hearings
    #[command(subcommand)]
    Hearing(proceedings::HearingCommand),
    /// Notice to Appear status
    #[command(subcommand)]
    Nta(proceedings::NtaCommand),
    /// Attorney of record and ACIS checks
    #[command(subcommand)]
    Proceedings(proceedings::ProceedingsCommand),
    /// Write a CSV export (redacted unless --full --reason TEXT)
    Export(import_export::ExportArgs),
    /// Fill the vault with synthetic, clearly fake cases for trying Tether and benchmarks
    Demo(import_export::DemoArgs),
    /// Safety & Well-Being calls: the queue and the call log
    #[command(subcommand)]
    Calls(calls::CallsCommand),
    /// Every open task: calls, hearing reminders, ACIS checks, EOIR-33 deadlines, escalations;
    /// `tasks done TASK_ID --note TEXT`
    Tasks(tasks::TasksArgs),
    /// Red flags, each with its explanation; `flags ack FLAG_ID --note TEXT`
    Flags(flags::FlagsArgs),
    /// Calls, reminders, deadlines and hearings between two days as an .ics calendar file
    Calendar(calendar::CalendarArgs),
    /// Print hearing notices, records of NTA, letters, EOIR-33 sheets and call sheets as PDF
    #[command(subcommand)]
    Print(print::PrintCommand),
    /// Addresses volunteers reported on calls: pending, confirm ID, reject ID --reason TEXT
    #[command(subcommand)]
    Address(address::AddressCommand),
    /// The EOIR immigration court codes for --court (code, name, city, state); no sign-in
    Courts(courts::CourtsArgs),
    /// A child's relief pathways (SIJS, asylum, T visa, HHS trafficking assistance) and the
    /// legal deadlines they bring: `relief set`, `relief show`
    #[command(subcommand)]
    Relief(relief::ReliefCommand),
    /// Every legal deadline of the open cases, with its rule and source (a checklist, not legal
    /// advice)
    Deadlines(relief::DeadlinesArgs),
    /// Concern reports: open, submit, approve, return, report, close, list, show
    #[command(subcommand)]
    Concern(concern::ConcernCommand),
    /// A hearing reminder for the sponsor in English or Spanish, as text and sms:/WhatsApp
    /// links (Tether sends nothing)
    Remind(remind::RemindArgs),
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// clap's own consistency checks (duplicate flags, bad defaults, conflicting names…), which
    /// otherwise fire only when the faulty subcommand is parsed.
    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
