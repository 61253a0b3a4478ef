//! The shapes of the data the templates print, as handed to them (serialized to JSON): field
//! names here are the names the `.typ` files read. Every `None` or empty value prints as the
//! blank line ([`super::BLANK`]) to fill by hand.

use chrono::{NaiveDateTime, TimeZone};
use serde::Serialize;

use super::dates::long_date;

/// A text in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Localized {
    pub en: String,
    pub es: String,
}

/// A hearing as printed: date and time already in the court's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintHearing {
    /// `YYYY-MM-DD`.
    pub date_iso: String,
    pub date: Localized,
    /// `9:00 AM` / `9:00`, followed by the zone's abbreviation when known.
    pub time: Localized,
    pub time_zone: Option<String>,
    /// `master`, `individual`, … (the templates translate).
    pub kind: String,
}

impl PrintHearing {
    /// From `YYYY-MM-DD HH:MM` in the court's time zone; `None` when unreadable.
    pub fn from_local(at: &str, time_zone: Option<&str>, kind: &str) -> Option<Self> {
        let local = NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M").ok()?;
        let abbreviation = time_zone
            .and_then(|tz| tz.parse::<chrono_tz::Tz>().ok())
            .and_then(|tz| tz.from_local_datetime(&local).earliest())
            .map(|t| format!(" {}", t.format("%Z")))
            .unwrap_or_default();
        Some(PrintHearing {
            date_iso: local.date().to_string(),
            date: long_date(local.date()),
            time: Localized {
                en: format!("{}{abbreviation}", local.format("%-I:%M %p")),
                es: format!("{}{abbreviation}", local.format("%-H:%M")),
            },
            time_zone: time_zone.map(str::to_owned),
            kind: kind.to_owned(),
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PrintAddressChange {
    pub recorded_on: String,
    pub lines: Vec<String>,
    pub eoir33_filed_on: Option<String>,
}

/// Everything the case printables (notice, record of NTA, reminder, EOIR-33) may show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CaseSheet {
    pub case_number: String,
    pub child_name: String,
    /// `A123-456-789`.
    pub a_number: Option<String>,
    pub birth_date: Option<String>,
    pub country_of_birth: Option<String>,
    /// The child's language named in each printed language (`Mam` / `mam`), so a Spanish page
    /// never shows the English name.
    pub language_name: Option<Localized>,
    pub interpreter_needed: bool,
    pub sponsor_name: Option<String>,
    pub sponsor_phone: Option<String>,
    /// The current address, one line per entry; empty when unknown.
    pub address: Vec<String>,
    /// Newest first.
    pub address_history: Vec<PrintAddressChange>,
    pub court_name: Option<String>,
    pub court_address: Vec<String>,
    pub court_time_zone: Option<String>,
    /// The next hearing, if one is set.
    pub hearing: Option<PrintHearing>,
    /// `not_served`, `served`, `filed`.
    pub nta_status: Option<String>,
    pub nta_served_on: Option<String>,
    pub attorney: Option<String>,
    pub last_acis_check: Option<String>,
    /// The day printed, `YYYY-MM-DD`.
    pub printed_on: String,
    pub printed_on_long: Localized,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CallSheetRow {
    pub case_number: String,
    pub child_name: String,
    pub sponsor_name: Option<String>,
    pub sponsor_phone: Option<String>,
    pub attempt: u8,
    pub due_on: String,
    pub overdue: bool,
    pub sponsor_local_time: Option<String>,
    /// The language's name in each printed language (`Spanish` / `español`), not its code:
    /// volunteers read the sheet, not the database.
    pub language: Option<Localized>,
    pub interpreter_needed: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CallSheet {
    pub date: String,
    pub date_long: Localized,
    pub printed_by: String,
    pub rows: Vec<CallSheetRow>,
}

/// One signed step of a concern report as printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConcernStepRow {
    /// `2026-05-01 14:03 UTC`.
    pub at: String,
    /// `open`, `submit`, `approve`, `return`, `report`, `close` (the template translates).
    pub step: String,
    /// The signer's user name.
    pub by: String,
    pub note: Option<String>,
}

/// Where a concern report went, with what its reader should know about that destination.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PrintDestination {
    /// `national_human_trafficking_hotline`, …
    pub destination: String,
    pub name: Localized,
    pub who_is_told: Localized,
    pub what_may_follow: Localized,
}

/// A concern report for the supervisor: what was heard, every signed step, where it went.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConcernSheet {
    pub concern_id: i64,
    pub case_number: String,
    pub child_name: String,
    /// `trafficking_indicators`, …
    pub category: String,
    pub category_name: Localized,
    /// The caller's words, printed as written.
    pub heard: String,
    /// `draft`, `submitted`, `approved`, `reported`, `closed` (the template translates).
    pub state: String,
    pub opened_on: String,
    pub opened_by: String,
    /// The day it had to reach the supervisor by, and the day it did (first submitted).
    pub submit_by: Option<String>,
    pub submitted_on: Option<String>,
    /// The day it has to be reported by (once approved), and the day it was.
    pub report_by: Option<String>,
    pub reported_on: Option<String>,
    pub approved_on: Option<String>,
    pub approved_by: Option<String>,
    /// Where it was reported; `None` until it is.
    pub reported_to: Option<PrintDestination>,
    pub reference: Option<String>,
    /// Oldest first.
    pub steps: Vec<ConcernStepRow>,
    pub disclaimer: Localized,
    /// The day printed, `YYYY-MM-DD`.
    pub printed_on: String,
    pub printed_on_long: Localized,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hearing_time_in_the_court_zone() {
        let h = PrintHearing::from_local("2026-03-04 09:30", Some("America/Chicago"), "master");
        let h = h.unwrap_or_else(|| panic!("parsed"));
        assert_eq!(h.time.en, "9:30 AM CST");
        assert_eq!(h.time.es, "9:30 CST");
        assert_eq!(h.date_iso, "2026-03-04");
    }
}
