//! Printing commands: arguments (a contract: add, never rename).

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Es,
    Both,
}

/// How a printout in both languages is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// One copy per language, one after the other
    Pages,
    /// English and Spanish next to each other on the same pages
    SideBySide,
}

#[derive(Debug, Subcommand)]
pub enum PrintCommand {
    /// Notice to Appear hearing notice for the child and sponsor
    Notice {
        /// Child id or case number
        child: String,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// One page with the I-862 (Notice to Appear) fields the case holds, English and Spanish
    NtaRecord {
        child: String,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Reminder letter to the sponsor for the next hearing
    Reminder {
        child: String,
        #[arg(long, value_enum, default_value = "es")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// EOIR-33 change-of-address worksheet pre-filled from the address history, English and Spanish
    Eoir33 {
        child: String,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// The day's Safety & Well-Being call sheet (volunteers may print this one only)
    CallSheet {
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        on: Option<String>,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Hearing notices for every hearing in the next DAYS days: one PDF (--out ending in .pdf)
    /// or one file per child in a folder
    Batch {
        #[arg(long, value_name = "DAYS")]
        hearings_within: u32,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "DIR_OR_FILE.pdf")]
        out: PathBuf,
    },
}
