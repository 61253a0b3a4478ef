//! Casework commands: their arguments (a contract: add, never rename).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

#[allow(clippy::large_enum_variant)] // parsed once per process
#[derive(Debug, Subcommand)]
pub enum ChildCommand {
    /// Add a child (checks for likely duplicates first; --confirm creates anyway)
    Add(ChildAddArgs),
    /// Show one child by id or case number (T-2026-000123)
    Show {
        child: String,
        #[arg(long)]
        json: bool,
    },
    /// List children
    List {
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 1000)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    /// Change a child's details; only the fields given change
    Edit {
        child: String,
        #[command(flatten)]
        fields: ChildFields,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ChildAddArgs {
    #[command(flatten)]
    pub fields: ChildFields,
    /// The sponsor's id (see `tether sponsor list`)
    #[arg(long)]
    pub sponsor: Option<i64>,
    /// not_served, served or filed
    #[arg(long = "nta-status")]
    pub nta_status: Option<String>,
    /// Date the NTA was served (YYYY-MM-DD)
    #[arg(long = "served-on")]
    pub served_on: Option<String>,
    /// EOIR court code (e.g. ATL, HOU)
    #[arg(long)]
    pub court: Option<String>,
    /// Next hearing, "YYYY-MM-DD HH:MM" in the court's local time
    #[arg(long = "next-hearing")]
    pub next_hearing: Option<String>,
    /// Create even when likely duplicates exist
    #[arg(long)]
    pub confirm: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args, Default)]
pub struct ChildFields {
    #[arg(long = "given-name")]
    pub given_name: Option<String>,
    #[arg(long = "family-name")]
    pub family_name: Option<String>,
    /// Another name the child is known by (repeatable)
    #[arg(long = "alias")]
    pub aliases: Vec<String>,
    /// YYYY-MM-DD, or ~YYYY when only the year is known
    #[arg(long)]
    pub dob: Option<String>,
    /// female, male or other
    #[arg(long)]
    pub sex: Option<String>,
    /// A123456789, 123-456-789, A 123 456 789 (8 digits get a leading 0)
    #[arg(long = "a-number")]
    pub a_number: Option<String>,
    /// ISO code or country name (English or Spanish)
    #[arg(long)]
    pub country: Option<String>,
    /// ISO 639-3 code or name (quc, mam, kjb, spa, K'iche'…)
    #[arg(long)]
    pub language: Option<String>,
    /// yes or no
    #[arg(long)]
    pub interpreter: Option<String>,
    #[arg(long = "release-date")]
    pub release_date: Option<String>,
    #[arg(long = "orr-program")]
    pub orr_program: Option<String>,
    /// The sponsor's relationship to the child
    #[arg(long)]
    pub relationship: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[allow(clippy::large_enum_variant)] // parsed once per process
#[derive(Debug, Subcommand)]
pub enum SponsorCommand {
    /// Add a sponsor (checks for likely duplicates first; --confirm creates anyway)
    Add(SponsorAddArgs),
    /// Show one sponsor and their children
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// List sponsors
    List {
        #[arg(long)]
        json: bool,
    },
    /// Record a new address for a sponsor (the old one is kept in the history)
    Move(SponsorMoveArgs),
}

#[derive(Debug, Args)]
pub struct SponsorAddArgs {
    #[arg(long = "given-name")]
    pub given_name: String,
    #[arg(long = "family-name")]
    pub family_name: String,
    /// ORR category: 1, 2A, 2B, 3 or 4
    #[arg(long)]
    pub category: Option<String>,
    /// Phone (repeatable); without a country code it is a US number
    #[arg(long = "phone")]
    pub phones: Vec<String>,
    #[arg(long = "address-line1")]
    pub address_line1: Option<String>,
    /// Apartment or unit
    #[arg(long = "unit")]
    pub unit: Option<String>,
    #[arg(long)]
    pub city: Option<String>,
    /// Two-letter US state
    #[arg(long)]
    pub state: Option<String>,
    #[arg(long = "zip")]
    pub postal_code: Option<String>,
    /// IANA time zone, when the state's is wrong for this sponsor
    #[arg(long = "time-zone")]
    pub time_zone: Option<String>,
    #[arg(long)]
    pub confirm: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct HearingAddArgs {
    /// Child id or case number
    pub child: String,
    /// "YYYY-MM-DD HH:MM" in the court's local time
    #[arg(long)]
    pub at: String,
    /// EOIR court code
    #[arg(long)]
    pub court: String,
    #[arg(long = "type", value_enum, default_value_t = HearingKindArg::Master)]
    pub kind: HearingKindArg,
    /// The immigration judge, when known
    #[arg(long)]
    pub judge: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct HearingSetArgs {
    /// The hearing's id (see `tether child show CHILD`)
    pub hearing: i64,
    /// attended, missed, continued, removal_ordered, relief_granted or terminated
    #[arg(long)]
    pub outcome: Option<String>,
    #[arg(long)]
    pub judge: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ProceedingsSetArgs {
    /// Child id or case number
    pub child: String,
    /// Attorney of record ("" clears it)
    #[arg(long)]
    pub attorney: Option<String>,
    /// Day the case was last checked in ACIS (1-800-898-7180), YYYY-MM-DD
    #[arg(long = "acis-checked")]
    pub acis_checked: Option<String>,
}

#[derive(Debug, Args)]
pub struct SponsorMoveArgs {
    /// The sponsor's id
    pub id: i64,
    #[arg(long = "address-line1")]
    pub address_line1: String,
    #[arg(long = "unit")]
    pub unit: Option<String>,
    #[arg(long)]
    pub city: String,
    #[arg(long)]
    pub state: String,
    #[arg(long = "zip")]
    pub postal_code: String,
    #[arg(long = "time-zone")]
    pub time_zone: Option<String>,
    /// The day the new address was learned (default: today); starts the EOIR-33 deadline
    #[arg(long = "on")]
    pub on: Option<String>,
    #[arg(long)]
    pub json: bool,
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
    pub child: String,
    #[arg(long, value_enum)]
    pub status: NtaStatusArg,
    /// YYYY-MM-DD
    #[arg(long = "served-on")]
    pub served_on: Option<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    /// Import the valid rows; write the rejected ones to FILE.rejected.csv
    #[arg(long = "skip-invalid")]
    pub skip_invalid: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_name = "FILE.csv")]
    pub out: PathBuf,
    /// Include A-Numbers, addresses, phones and birth dates (needs --reason)
    #[arg(long, requires = "reason")]
    pub full: bool,
    /// Why a full export is needed; kept with the audit entry
    #[arg(long, requires = "full")]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many synthetic children
    #[arg(long)]
    pub children: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}
