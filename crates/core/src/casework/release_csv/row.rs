//! One row's cells to a release record: sponsor, child and proceedings inputs, validated,
//! their field errors reported on the CSV columns.

use chrono::NaiveDate;

use super::columns::{child_column, proceedings_column, sponsor_column};
use super::{ReleaseRecord, RowError};
use crate::casework::input::{ChildInput, ProceedingsInput, SponsorInput};
use crate::casework::{FieldError, Phone, PhoneError};

/// Splits a phone cell holding several numbers: `212-555-0142 / +502 2345 6789 | …`.
fn split_phones(cell: &str) -> Vec<String> {
    cell.split(['/', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The record a row's cells make, or `None` with every field error pushed to `errors`.
pub(super) fn row_to_record(
    cell: &dyn Fn(&str) -> String,
    line: u64,
    today: NaiveDate,
    parse_phone: &mut dyn FnMut(&str) -> Result<Phone, PhoneError>,
    errors: &mut Vec<RowError>,
) -> Option<ReleaseRecord> {
    let sponsor = SponsorInput {
        given_name: cell("sponsor_given_name"),
        family_name: cell("sponsor_family_name"),
        category: cell("sponsor_category"),
        phones: split_phones(&cell("sponsor_phone")),
        address_line1: cell("sponsor_address_line1"),
        address_line2: cell("sponsor_address_line2"),
        city: cell("sponsor_city"),
        state: cell("sponsor_state"),
        postal_code: cell("sponsor_postal_code"),
        time_zone: None,
    };
    let child = ChildInput {
        given_name: cell("child_given_name"),
        family_name: cell("child_family_name"),
        aliases: Vec::new(),
        birth_date: cell("child_dob"),
        sex: String::new(),
        a_number: cell("a_number"),
        country_of_birth: cell("country_of_birth"),
        primary_language: cell("primary_language"),
        interpreter_needed: cell("interpreter_needed"),
        release_date: cell("release_date"),
        orr_program: cell("orr_program"),
        relationship: cell("sponsor_relationship"),
        notes: String::new(),
    };
    let proceedings = ProceedingsInput {
        nta_status: cell("nta_status"),
        nta_served_on: cell("nta_served_date"),
        court_code: cell("court_code"),
        next_hearing: cell("next_hearing"),
    };
    let mut push = |errs: Vec<FieldError>, column_of: fn(&str) -> &'static str| {
        errors.extend(errs.into_iter().map(|e| {
            let column = column_of(&e.field);
            // "given_name is required" → "sponsor_given_name is required".
            let reason = match e.message.strip_prefix(e.field.as_str()) {
                Some(rest) if rest.starts_with(' ') => format!("{column}{rest}"),
                _ => e.message,
            };
            RowError {
                line,
                column: column.to_owned(),
                reason,
                code: e.code,
                params: e.params,
            }
        }));
    };
    let sponsor = sponsor
        .validate_with(parse_phone)
        .map_err(|e| push(e, sponsor_column))
        .ok();
    let child = child
        .validate(today)
        .map_err(|e| push(e, child_column))
        .ok();
    let proceedings = proceedings
        .validate(today)
        .map_err(|e| push(e, proceedings_column))
        .ok();
    Some(ReleaseRecord {
        sponsor: sponsor?,
        child: child?,
        proceedings: proceedings?,
    })
}
