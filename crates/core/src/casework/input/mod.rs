//! Raw input, as a person types it into a form or as it sits in a CSV cell: every field a
//! `String`. `validate` turns it into the record shapes of `records.rs`, collecting every
//! field error at once (so a form can mark all of them) rather than stopping at the first.
//!
//! Field names in errors are the input field names below (`given_name`, `phones`,
//! `address_line1` …); the CSV import maps them back to its column names.
//!
//! One file per input: `sponsor.rs`, `child.rs`, `proceedings.rs`; `address.rs` judges whether
//! an address can be relied on; `field.rs` holds the text rules every input shares.

mod address;
mod child;
mod field;
mod proceedings;
mod sponsor;

#[cfg(test)]
mod tests;

pub use address::{address_incomplete, NO_ADDRESS, NO_HOUSE_NUMBER, NO_UNIT};
pub use child::{parse_sex, parse_yes_no, ChildInput, MAX_NOTES_CHARS};
pub use field::MAX_NAME_CHARS;
pub use proceedings::{parse_nta_status, ProceedingsInput};
pub use sponsor::{is_plausible_time_zone, SponsorInput, FALLBACK_TIME_ZONE};

pub(crate) use address::address_words;
pub(crate) use field::{field_error, optional_text};
