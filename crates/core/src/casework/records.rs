//! The validated shape of a case: a sponsor, the children released to them, and each child's
//! immigration proceedings. Built from raw input by `validate` (see `input.rs`); stored by
//! `tether-store`.

use std::collections::BTreeMap;

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
    /// A court can continue (postpone) or terminate a case before the hearing's day; whether
    /// the child attended, missed it, or what the judge ordered is known only from that day.
    pub fn may_be_known_before_the_day(self) -> bool {
        matches!(self, HearingOutcome::Continued | HearingOutcome::Terminated)
    }

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
///
/// `message` is English, for the CLI and logs; `code` and `params` let a UI say the same in
/// the reader's language (`phone_invalid` with `{"value": "502 555"}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    /// One of [`FIELD_ERROR_CODES`]. Defaulted so a FieldError serialised before codes
    /// existed still reads (with an empty code: the UI then shows the message).
    #[serde(default)]
    pub code: String,
    /// The values the translated sentence names, e.g. `max`, `value`.
    #[serde(default)]
    pub params: BTreeMap<String, String>,
}

impl FieldError {
    /// A field error with no parameters yet; add them with [`FieldError::with`].
    pub fn new(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        // Every code must have a translation in the UI, which checks against this list.
        debug_assert!(
            FIELD_ERROR_CODES.contains(&code),
            "field error code {code:?} is missing from FIELD_ERROR_CODES"
        );
        FieldError {
            field: field.to_owned(),
            message: message.into(),
            code: code.to_owned(),
            params: BTreeMap::new(),
        }
    }

    /// Adds one parameter of the translated sentence.
    #[must_use]
    pub fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.params.insert(name.to_owned(), value.to_string());
        self
    }

    /// A parser's error on `field`: its English text, code and parameters.
    pub fn from_error(field: &str, error: &impl CodedError) -> Self {
        let mut e = FieldError::new(field, error.code(), error.to_string());
        e.params = error.params();
        e
    }
}

/// An error a UI can translate: a stable snake_case code and the values its sentence names.
/// Implemented by every parser error (A-Number, phone, date, country …).
pub trait CodedError: std::fmt::Display {
    fn code(&self) -> &'static str;
    fn params(&self) -> BTreeMap<String, String>;
}

/// Builds a params map from `(name, value)` pairs.
pub(crate) fn params<const N: usize>(pairs: [(&str, String); N]) -> BTreeMap<String, String> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// Every code a [`FieldError`] (or an import row error) can carry. The UI has a translation
/// for each (`fieldError.<code>`); `ui/src/lib/i18n/field-error-codes.json` is written from
/// this list and checked against both catalogs.
pub const FIELD_ERROR_CODES: &[&str] = &[
    // Any field.
    "required",
    "too_long",
    "too_short",
    "control_character",
    // Users and passphrases.
    "user_name_too_long",
    "user_name_bad_character",
    "passphrase_too_short",
    "passphrase_too_long",
    "passphrase_blank",
    "passphrase_common",
    "too_many_lines",
    // Names and notes.
    "notes_control_character",
    // A-Numbers.
    "a_number_bad_character",
    "a_number_invalid",
    "a_number_all_zeros",
    "a_number_duplicate",
    // Phones.
    "phone_bad_character",
    "phone_unreadable",
    "phone_invalid",
    // Dates and times.
    "date_malformed",
    "birth_date_malformed",
    "datetime_malformed",
    "date_invalid",
    "time_invalid",
    "date_in_future",
    "date_too_early",
    "date_before_birth",
    "date_range_reversed",
    // Reference lists.
    "unknown_country",
    "unknown_language",
    "language_ambiguous",
    "unknown_court",
    "unknown_state",
    "unknown_category",
    "closure_reason_invalid",
    // Addresses.
    "state_required_with_address",
    "postal_code_invalid",
    "postal_code_leading_zeros",
    "time_zone_invalid",
    // Choices.
    "sex_invalid",
    "yes_no",
    "nta_status_invalid",
    // Proceedings.
    "nta_date_without_service",
    "hearing_outcome_in_future",
    "hearing_without_court",
    // Case numbers.
    "case_number_invalid",
    "case_number_year_out_of_range",
    "case_number_sequence_out_of_range",
    // Import files.
    "not_utf8",
    "row_unreadable",
];

#[cfg(test)]
mod tests {
    use super::HearingOutcome;
    use super::{CodedError, FIELD_ERROR_CODES};
    use crate::casework::{
        ANumberError, CaseNumberError, ClosureReasonError, CountryError, CourtError, DateError,
        LanguageError, PhoneError, SponsorCategoryError, UsStateError,
    };

    fn is_snake_case(code: &str) -> bool {
        !code.is_empty()
            && !code.starts_with('_')
            && !code.ends_with('_')
            && !code.contains("__")
            && code.starts_with(|c: char| c.is_ascii_lowercase())
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }

    /// One of every parser error variant: a new variant without a code fails to compile in
    /// `code()`, and one whose code is missing from the list fails here.
    fn every_parser_error() -> Vec<Box<dyn CodedError>> {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let v = || "x".to_owned();
        let f = || "date of birth".to_owned();
        vec![
            Box::new(ClosureReasonError::Unknown(v())),
            Box::new(ANumberError::Empty),
            Box::new(ANumberError::BadCharacter(v())),
            Box::new(ANumberError::WrongLength {
                value: v(),
                digits: 5,
            }),
            Box::new(ANumberError::AllZeros(v())),
            Box::new(PhoneError::Empty),
            Box::new(PhoneError::BadCharacter(v())),
            Box::new(PhoneError::Unreadable(v())),
            Box::new(PhoneError::Invalid(v())),
            Box::new(DateError::Empty { field: f() }),
            Box::new(DateError::Malformed {
                field: f(),
                value: v(),
                expected: "YYYY-MM-DD",
            }),
            Box::new(DateError::Malformed {
                field: f(),
                value: v(),
                expected: "YYYY-MM-DD or ~YYYY",
            }),
            Box::new(DateError::Malformed {
                field: f(),
                value: v(),
                expected: "YYYY-MM-DD HH:MM",
            }),
            Box::new(DateError::Impossible {
                field: f(),
                value: v(),
            }),
            Box::new(DateError::ImpossibleTime {
                field: f(),
                value: v(),
            }),
            Box::new(DateError::InFuture {
                field: f(),
                value: v(),
                today,
            }),
            Box::new(DateError::TooEarly {
                field: f(),
                value: v(),
            }),
            Box::new(CountryError::Empty),
            Box::new(CountryError::Unknown(v())),
            Box::new(LanguageError::Empty),
            Box::new(LanguageError::Unknown(v())),
            Box::new(LanguageError::Ambiguous {
                value: v(),
                choices: "a, b".into(),
            }),
            Box::new(CourtError::Empty),
            Box::new(CourtError::Unknown(v())),
            Box::new(UsStateError::Empty),
            Box::new(UsStateError::Unknown(v())),
            Box::new(SponsorCategoryError::Empty),
            Box::new(SponsorCategoryError::Unknown(v())),
            Box::new(CaseNumberError::Empty),
            Box::new(CaseNumberError::Malformed(v())),
            Box::new(CaseNumberError::YearOutOfRange(1999)),
            Box::new(CaseNumberError::SequenceOutOfRange(0)),
            Box::new(crate::UserNameError::Empty),
            Box::new(crate::UserNameError::TooLong),
            Box::new(crate::UserNameError::BadCharacter(v())),
            Box::new(crate::PassphraseError::TooShort),
            Box::new(crate::PassphraseError::TooLong),
            Box::new(crate::PassphraseError::Blank),
        ]
    }

    #[test]
    fn every_parser_error_has_a_listed_snake_case_code() {
        for e in every_parser_error() {
            let code = e.code();
            assert!(is_snake_case(code), "{code:?} ({e})");
            assert!(FIELD_ERROR_CODES.contains(&code), "{code:?} ({e})");
            // A value the English message names is a parameter too, for the translation.
            if e.to_string().contains("\"x\"") {
                assert_eq!(
                    e.params().get("value").map(String::as_str),
                    Some("x"),
                    "{e}"
                );
            }
        }
    }

    #[test]
    fn listed_codes_are_snake_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in FIELD_ERROR_CODES {
            assert!(is_snake_case(code), "{code:?}");
            assert!(seen.insert(code), "{code:?} listed twice");
        }
    }

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
