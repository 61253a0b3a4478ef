//! The columns of a release-records file, and the map from input field errors back to them.

/// Every column the import reads, in the order an export writes them.
pub const RELEASE_COLUMNS: [&str; 23] = [
    "child_given_name",
    "child_family_name",
    "child_dob",
    "a_number",
    "country_of_birth",
    "primary_language",
    "interpreter_needed",
    "release_date",
    "orr_program",
    "sponsor_given_name",
    "sponsor_family_name",
    "sponsor_relationship",
    "sponsor_category",
    "sponsor_phone",
    "sponsor_address_line1",
    "sponsor_address_line2",
    "sponsor_city",
    "sponsor_state",
    "sponsor_postal_code",
    "nta_status",
    "nta_served_date",
    "court_code",
    "next_hearing",
];

/// Columns a file must have (their cells may still be blank on a row: that is a row error).
pub const REQUIRED_COLUMNS: [&str; 4] = [
    "child_given_name",
    "child_family_name",
    "sponsor_given_name",
    "sponsor_family_name",
];

/// Header name in comparable form: trimmed, lower case, spaces and hyphens as `_`.
pub(super) fn header_key(raw: &str) -> String {
    raw.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// Where a column stands in [`RELEASE_COLUMNS`], for sorting a row's errors; unknown last.
pub(super) fn column_order(column: &str) -> usize {
    RELEASE_COLUMNS
        .iter()
        .position(|c| *c == column)
        .unwrap_or(RELEASE_COLUMNS.len())
}

/// The column a sponsor field's error is reported on.
pub(super) fn sponsor_column(field: &str) -> &'static str {
    match field {
        "given_name" => "sponsor_given_name",
        "family_name" => "sponsor_family_name",
        "category" => "sponsor_category",
        "phones" => "sponsor_phone",
        "address_line1" => "sponsor_address_line1",
        "address_line2" => "sponsor_address_line2",
        "city" => "sponsor_city",
        "postal_code" => "sponsor_postal_code",
        // `state`, and `time_zone` (no column: it follows the state).
        _ => "sponsor_state",
    }
}

/// The column a child field's error is reported on.
pub(super) fn child_column(field: &str) -> &'static str {
    match field {
        "given_name" => "child_given_name",
        "family_name" => "child_family_name",
        "birth_date" => "child_dob",
        "a_number" => "a_number",
        "country_of_birth" => "country_of_birth",
        "primary_language" => "primary_language",
        "interpreter_needed" => "interpreter_needed",
        "release_date" => "release_date",
        "orr_program" => "orr_program",
        "relationship" => "sponsor_relationship",
        // No column feeds aliases, sex or notes; report on the child's name.
        _ => "child_given_name",
    }
}

/// The column a proceedings field's error is reported on.
pub(super) fn proceedings_column(field: &str) -> &'static str {
    match field {
        "nta_status" => "nta_status",
        "nta_served_on" => "nta_served_date",
        "court_code" => "court_code",
        _ => "next_hearing",
    }
}
