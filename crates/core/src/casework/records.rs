//! The validated shape of a case: a sponsor, the children released to them, and each child's
//! immigration proceedings. Built from raw input by `validate` (see `input.rs`); stored by
//! `tether-store`.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{ANumber, BirthDate, Country, Language, Phone, SponsorCategory, UsState};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NtaStatus {
    #[default]
    NotServed,
    Served,
    Filed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum HearingType {
    #[default]
    Master,
    Individual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HearingOutcome {
    Attended,
    Missed,
    Continued,
    RemovalOrdered,
    ReliefGranted,
    Terminated,
}

impl HearingOutcome {
    pub const ALL: [HearingOutcome; 6] = [
        HearingOutcome::Attended,
        HearingOutcome::Missed,
        HearingOutcome::Continued,
        HearingOutcome::RemovalOrdered,
        HearingOutcome::ReliefGranted,
        HearingOutcome::Terminated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HearingOutcome::Attended => "attended",
            HearingOutcome::Missed => "missed",
            HearingOutcome::Continued => "continued",
            HearingOutcome::RemovalOrdered => "removal_ordered",
            HearingOutcome::ReliefGranted => "relief_granted",
            HearingOutcome::Terminated => "terminated",
        }
    }

    /// Reads the snake_case name; the error names the value and the choices.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let wanted = raw.trim().to_lowercase().replace([' ', '-'], "_");
        HearingOutcome::ALL
            .into_iter()
            .find(|o| o.as_str() == wanted)
            .ok_or_else(|| {
                format!(
                    "hearing outcome {raw:?} is not one of attended, missed, continued, removal_ordered, relief_granted, terminated"
                )
            })
    }
}

/// A US postal address. `incomplete` says why it cannot be relied on for mail, if it cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub line1: String,
    pub unit: Option<String>,
    pub city: String,
    pub state: UsState,
    pub postal_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SponsorDraft {
    pub given_name: String,
    pub family_name: String,
    pub category: Option<SponsorCategory>,
    pub phones: Vec<Phone>,
    pub address: Option<Address>,
    /// Why the address is not reliable (missing, missing a likely unit, no house number…).
    pub address_incomplete: Option<String>,
    /// IANA zone: from the address's state unless overridden.
    pub time_zone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildDraft {
    pub given_name: String,
    pub family_name: String,
    pub aliases: Vec<String>,
    pub birth_date: Option<BirthDate>,
    pub sex: Option<Sex>,
    pub a_number: Option<ANumber>,
    pub country_of_birth: Option<Country>,
    pub primary_language: Option<Language>,
    pub interpreter_needed: bool,
    pub release_date: Option<NaiveDate>,
    pub orr_program: Option<String>,
    /// The sponsor's relationship to this child ("uncle", "tía", "family friend").
    pub relationship: Option<String>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ProceedingsDraft {
    pub nta_status: NtaStatus,
    pub nta_served_on: Option<NaiveDate>,
    /// EOIR court code from the shipped list.
    pub court_code: Option<String>,
    /// In the court's local time.
    pub next_hearing: Option<NaiveDateTime>,
}

/// One field that failed validation: which, and why (the message names the value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::HearingOutcome;

    #[test]
    fn hearing_outcomes_read_their_names() {
        for o in HearingOutcome::ALL {
            assert_eq!(HearingOutcome::parse(o.as_str()), Ok(o));
        }
        assert_eq!(
            HearingOutcome::parse("Removal ordered"),
            Ok(HearingOutcome::RemovalOrdered)
        );
        assert!(HearingOutcome::parse("postponed").is_err_and(|e| e.contains("postponed")));
    }
}
