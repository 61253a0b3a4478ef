//! Casework values: the small, validated pieces a case is made of (A-Numbers, phones,
//! countries, languages, states, dates, courts, sponsor categories, case numbers).
//!
//! Each parser reads what people type and refuses the rest with an error that names the
//! field and the value. Reference data is embedded at compile time; nothing here reads files
//! or the clock.

pub mod a_number;
pub mod case_number;
pub mod clinic;
pub mod closure;
pub mod country;
pub mod court;
pub mod dates;
pub mod demo;
pub mod input;
pub mod language;
pub mod matching;
pub mod phone;
pub mod records;
pub mod redaction;
pub mod release_csv;
pub mod sponsor_category;
pub mod us_state;
pub mod volunteer_fields;

mod code_value;
mod text;

pub use a_number::{ANumber, ANumberError};
pub use case_number::{CaseNumber, CaseNumberError, MAX_CASE_SEQUENCE};
pub use clinic::{ClinicContact, ClinicContactInput};
pub use closure::{ClosureReason, ClosureReasonError};
pub use country::{Country, CountryError};
pub use court::{Court, CourtError};
pub use dates::{parse_date, parse_local_datetime, BirthDate, DateError, EARLIEST_YEAR};
pub use demo::demo_records;
pub use input::{ChildInput, ProceedingsInput, SponsorInput};
pub use language::{Language, LanguageError};
pub use matching::{address_key, fold_text, name_key};
pub use phone::{Phone, PhoneError};
pub use records::{
    Address, ChildDraft, CodedError, FieldError, HearingOutcome, HearingType, NtaStatus,
    ProceedingsDraft, Sex, SponsorDraft, FIELD_ERROR_CODES,
};
pub use redaction::{display_child_name, Visibility};
pub use release_csv::{
    parse_release_records, sponsor_key, CsvFileError, ReleaseFile, ReleaseRecord, ReleaseRow,
    RowError,
};
pub use sponsor_category::{SponsorCategory, SponsorCategoryError};
pub use us_state::{UsState, UsStateError};
