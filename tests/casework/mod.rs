//! Casework through the `tether` CLI: a hostile import, search, redaction, export.

mod address_reports;
mod bulk_reads;
mod case_lifecycle;
mod case_month;
mod court;
mod formulas;
mod import;
mod legal_deadlines;
mod lifecycle_defects;
mod phone_oracle;
mod redaction;
mod search;
mod search_oracle;
mod volunteer_view;

use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS};

/// How many children the admin sees.
fn children(clinic: &Clinic) -> usize {
    clinic
        .admin_json(&["child", "list", "--json", "--limit", "100000"])
        .as_array()
        .map_or(0, Vec::len)
}

/// José Ramírez, with his sponsor Rosa and a hearing, added through `sponsor add` and `child
/// add`; returns his case number.
fn add_jose(clinic: &Clinic) -> String {
    let out = clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &[
            "sponsor",
            "add",
            "--given-name",
            "Rosa",
            "--family-name",
            "Ramírez López",
            "--category",
            "2A",
            "--phone",
            "+502 5123 4567",
            "--address-line1",
            "45 Calle Ñuñoa",
            "--unit",
            "Apt 3",
            "--city",
            "Houston",
            "--state",
            "TX",
            "--zip",
            "77002",
            "--json",
        ],
        &[],
    );
    let sponsor: Value = serde_json::from_str(&out).expect("JSON");
    let sponsor_id = sponsor["id"].as_i64().expect("sponsor id").to_string();
    let out = clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &[
            "child",
            "add",
            "--given-name",
            "José",
            "--family-name",
            "Ramírez",
            "--dob",
            "2010-05-01",
            "--a-number",
            "A 123 456 789",
            "--language",
            "mam",
            "--interpreter",
            "yes",
            "--release-date",
            "2026-10-01",
            "--sponsor",
            &sponsor_id,
            "--relationship",
            "tía",
            "--court",
            "HOU",
            "--next-hearing",
            "2027-01-15 09:00",
            "--json",
        ],
        &[],
    );
    let created: Value = serde_json::from_str(&out).expect("JSON");
    created["case_number"]
        .as_str()
        .expect("case number")
        .to_owned()
}

/// The case number of the first child by case number (the one a test imported).
fn first_case(clinic: &Clinic) -> String {
    clinic.admin_json(&["child", "list", "--json"])[0]["case_number"]
        .as_str()
        .expect("case number")
        .to_owned()
}
