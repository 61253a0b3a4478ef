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
