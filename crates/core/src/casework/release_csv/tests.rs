//! Tests of the release-records import: file errors, line numbers, row errors and their
//! columns, duplicate A-Numbers, sponsor keys, and property tests on arbitrary input.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::{parse_release_records, sponsor_key, CsvFileError, ReleaseFile, ReleaseRow, RowError};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

const HEADER: &str = "child_given_name,child_family_name,child_dob,a_number,country_of_birth,primary_language,interpreter_needed,release_date,orr_program,sponsor_given_name,sponsor_family_name,sponsor_relationship,sponsor_category,sponsor_phone,sponsor_address_line1,sponsor_address_line2,sponsor_city,sponsor_state,sponsor_postal_code,nta_status,nta_served_date,court_code,next_hearing";
const ROW_JOSE: &str = "José,Ramírez,2011-04-02,A201234567,GT,K'iche',sí,2026-10-01,Demo Shelter,Rosa,Ramírez López,tía,2B,(404) 555-0142 / +502 2345 6789,1234 Peachtree St,Apt 5C,Atlanta,GA,30309,served,2026-10-20,ATL,2027-02-03 08:30";
const ROW_ANA: &str = "Ana,Xol,~2012,12345678,Guatemala,Q'eqchi',no,2026-09-15,,Rosa,Ramírez López,prima,2B,404-555-0142,,,,,,,,,";

fn parse(text: &str) -> ReleaseFile {
    parse_release_records(text.as_bytes(), today()).expect("file reads")
}

fn only_error(row: &ReleaseRow) -> &RowError {
    let errors = row.result.as_ref().expect_err("row should be rejected");
    assert_eq!(errors.len(), 1, "{errors:?}");
    &errors[0]
}

#[test]
fn reads_a_plain_file() {
    let f = parse(&format!("{HEADER}\n{ROW_JOSE}\n{ROW_ANA}\n"));
    assert_eq!(f.headers.len(), 23);
    assert_eq!(f.rows.len(), 2);
    assert_eq!(f.rows[0].line, 2);
    assert_eq!(f.rows[1].line, 3);
    assert_eq!(f.rows[0].raw.len(), 23);
    let jose = f.rows[0].result.as_ref().expect("row 2 valid");
    assert_eq!(jose.child.given_name, "José");
    assert_eq!(jose.child.primary_language.map(|l| l.code()), Some("quc"));
    assert_eq!(jose.child.relationship.as_deref(), Some("tía"));
    let phones: Vec<&str> = jose
        .sponsor
        .phones
        .iter()
        .map(crate::casework::Phone::e164)
        .collect();
    assert_eq!(phones, vec!["+14045550142", "+50223456789"]);
    assert_eq!(jose.sponsor.time_zone, "America/New_York");
    assert_eq!(jose.proceedings.court_code.as_deref(), Some("ATL"));
    assert!(jose.proceedings.next_hearing.is_some());
    let ana = f.rows[1].result.as_ref().expect("row 3 valid");
    assert_eq!(
        ana.sponsor.address_incomplete.as_deref(),
        Some("no address")
    );
    assert_eq!(sponsor_key(&jose.sponsor), sponsor_key(&ana.sponsor));
    assert_eq!(f.accepted().count(), 2);
    assert_eq!(f.rejected().count(), 0);
}

#[test]
fn eight_digit_a_number_gets_a_leading_zero() {
    let f = parse(&format!("{HEADER}\n{ROW_ANA}\n"));
    let ana = f.rows[0].result.as_ref().expect("valid");
    assert_eq!(
        ana.child.a_number.map(|a| a.normalized()).as_deref(),
        Some("A012345678")
    );
}

#[test]
fn bom_semicolons_and_header_case() {
    let text = format!(
        "\u{FEFF}{}\n{}\n",
        HEADER.to_uppercase().replace(',', ";"),
        ROW_ANA.replace(',', ";")
    );
    let f = parse(&text);
    assert_eq!(f.headers[0], "CHILD_GIVEN_NAME");
    assert_eq!(f.rows.len(), 1);
    assert!(f.rows[0].result.is_ok(), "{:?}", f.rows[0].result);
    // Spaces in header names read as underscores; column order does not matter.
    let f = parse("Sponsor Family Name,Sponsor Given Name,Child Family Name,Child Given Name\nRamírez,Rosa,Xol,Ana\n");
    let rec = f.rows[0].result.as_ref().expect("valid");
    assert_eq!(rec.child.given_name, "Ana");
    assert_eq!(rec.sponsor.family_name, "Ramírez");
}

#[test]
fn quoted_newlines_keep_line_numbers_right() {
    let text = format!(
        "{HEADER}\n\"José\nLuis\",Ramírez,,,,,,,\"Demo\n\nShelter\",Rosa,Ramírez\n{}\nKevin,Cruz,,A1234567,,,,,,Rosa,Ramírez\n",
        ROW_ANA
    );
    let f = parse(&text);
    assert_eq!(f.rows.len(), 3);
    // Row 1 spans lines 2–5 (a line break in the name, two in the program).
    assert_eq!(f.rows[0].line, 2);
    let errors = f.rows[0]
        .result
        .as_ref()
        .expect_err("line breaks in one-line fields");
    let cols: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column.as_str())).collect();
    assert_eq!(cols, vec![(2, "child_given_name"), (2, "orr_program")]);
    assert!(errors[0].reason.contains("control"), "{errors:?}");
    assert_eq!(f.rows[1].line, 6);
    assert!(f.rows[1].result.is_ok());
    assert_eq!(f.rows[2].line, 7);
    let e = only_error(&f.rows[2]);
    assert_eq!((e.line, e.column.as_str()), (7, "a_number"));
    assert!(e.reason.contains("A1234567"));
}

#[test]
fn a_huge_cell_is_a_row_error_on_its_line_and_column() {
    let huge = "x".repeat(10_001);
    let text = format!("{HEADER}\n{ROW_ANA}\nAna,Xol,,,,,,,{huge},Rosa,Ramírez\n{ROW_JOSE}\n");
    let f = parse(&text);
    assert_eq!(f.rows.len(), 3);
    let e = only_error(&f.rows[1]);
    assert_eq!((e.line, e.column.as_str()), (3, "orr_program"));
    assert!(e.reason.contains("10001"), "{e:?}");
    assert!(f.rows[2].result.is_ok());
    // In a name column too.
    let f = parse(&format!("{HEADER}\n{huge},Xol,,,,,,,,Rosa,Ramírez\n"));
    let e = only_error(&f.rows[0]);
    assert_eq!((e.line, e.column.as_str()), (2, "child_given_name"));
}

#[test]
fn crlf_blank_lines_and_lone_cr_count_right() {
    let crlf = format!("{HEADER}\r\n{ROW_ANA}\r\n\r\n\r\n{ROW_JOSE}\r\nKevin,Cruz,,A1\r\n");
    let f = parse(&crlf);
    let lines: Vec<u64> = f.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 5, 6]);
    let errors = f.rows[2].result.as_ref().expect_err("bad row");
    assert!(errors.iter().all(|e| e.line == 6));
    assert!(errors
        .iter()
        .any(|e| e.reason == "sponsor_given_name is required"));
    let quoted = format!("{HEADER}\r\n\"Ana\r\nMaría\",Xol\r\n{ROW_ANA}\r\n");
    let lines: Vec<u64> = parse(&quoted).rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 4]);
    let old_mac = format!("{HEADER}\r{ROW_ANA}\r\r{ROW_JOSE}\r");
    let lines: Vec<u64> = parse(&old_mac).rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 4]);
}

#[test]
fn emoji_names_accepted() {
    let f = parse("child_given_name,child_family_name,sponsor_given_name,sponsor_family_name\nAna 🦋,Xol,Rosa 🌻,Ramírez\n");
    let rec = f.rows[0].result.as_ref().expect("valid");
    assert_eq!(rec.child.given_name, "Ana 🦋");
    assert_eq!(rec.sponsor.given_name, "Rosa 🌻");
}

#[test]
fn missing_required_columns_is_a_file_error() {
    let e = parse_release_records(
        "child_given_name,sponsor_given_name,a_number\nAna,Rosa,A123456789\n".as_bytes(),
        today(),
    )
    .expect_err("missing columns");
    assert_eq!(
        e,
        CsvFileError::MissingColumns {
            missing: vec!["child_family_name".into(), "sponsor_family_name".into()]
        }
    );
    assert!(e
        .to_string()
        .contains("child_family_name, sponsor_family_name"));
}

#[test]
fn other_file_errors() {
    assert_eq!(
        parse_release_records(b"", today()),
        Err(CsvFileError::Empty)
    );
    assert_eq!(
        parse_release_records(b"\xEF\xBB\xBF \n", today()),
        Err(CsvFileError::Empty)
    );
    assert_eq!(
        parse_release_records(b"child_given_name,\xFFx\n", today()),
        Err(CsvFileError::HeaderNotUtf8)
    );
    let dup = parse_release_records(
        b"child_given_name,child_family_name,sponsor_given_name,sponsor_family_name,A_Number,a_number\n",
        today(),
    );
    assert!(
        matches!(
            dup,
            Err(CsvFileError::DuplicateColumn {
                first: 5,
                second: 6,
                ..
            })
        ),
        "{dup:?}"
    );
    // A header alone is a file with no rows.
    assert_eq!(parse(&format!("{HEADER}\n")).rows.len(), 0);
}

#[test]
fn invalid_utf8_is_a_row_error() {
    let mut bytes = format!("{HEADER}\n").into_bytes();
    // "Ramírez" in Windows-1252: í is 0xED.
    bytes.extend_from_slice(b"Jos\xE9,Ram\xEDrez,,,,,,,,Rosa,Xol\n");
    bytes.extend_from_slice(format!("{ROW_ANA}\n").as_bytes());
    let f = parse_release_records(&bytes, today()).expect("file reads");
    assert_eq!(f.rows.len(), 2);
    let errors = f.rows[0].result.as_ref().expect_err("bad row");
    let cols: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
    assert_eq!(cols, vec!["child_given_name", "child_family_name"]);
    assert!(errors
        .iter()
        .all(|e| e.line == 2 && e.reason.contains("UTF-8")));
    assert_eq!(f.rows[0].raw[1], "Ram\u{FFFD}rez");
    assert!(f.rows[1].result.is_ok());
}

#[test]
fn short_rows_read_as_blank_cells_and_blank_rows_are_skipped() {
    let f = parse(&format!("{HEADER}\nAna,Xol\n,,,,\n\n{ROW_ANA}\n"));
    assert_eq!(f.rows.len(), 2);
    let errors = f.rows[0].result.as_ref().expect_err("no sponsor");
    let cols: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
    assert_eq!(cols, vec!["sponsor_given_name", "sponsor_family_name"]);
    assert_eq!(f.rows[1].line, 5);
}

#[test]
fn every_error_of_a_row_maps_to_its_column() {
    let row = "Ana,Xol,2030-01-01,A12,Narnia,Klingon,maybe,2027-01-01,,Rosa,Ramírez,,9,555,1 Main St,,Atlanta,Georgiaa,3030,pending,2026-01-01,XXX,soon";
    let f = parse(&format!("{HEADER}\n{row}\n"));
    let errors = f.rows[0].result.as_ref().expect_err("bad");
    let cols: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
    assert_eq!(
        cols,
        vec![
            "child_dob",
            "a_number",
            "country_of_birth",
            "primary_language",
            "interpreter_needed",
            "release_date",
            "sponsor_category",
            "sponsor_phone",
            "sponsor_state",
            "sponsor_postal_code",
            "nta_status",
            "court_code",
            "next_hearing",
        ]
    );
    assert!(errors.iter().all(|e| e.line == 2));
}

#[test]
fn the_same_a_number_twice_is_an_error_on_the_later_row() {
    let f = parse(&format!(
        "{HEADER}\n{ROW_ANA}\n{ROW_JOSE}\n{}\n",
        ROW_ANA.replace("Ana", "Anita")
    ));
    assert!(f.rows[0].result.is_ok());
    assert!(f.rows[1].result.is_ok());
    let e = only_error(&f.rows[2]);
    assert_eq!((e.line, e.column.as_str()), (4, "a_number"));
    assert!(e.reason.contains("line 2"), "{e:?}");
}

#[test]
fn sponsor_key_merges_spellings_of_one_sponsor() {
    let rows = [
        "Ana,Xol,,,,,,,,Rosa,Ramírez,,,404-555-0142,,,,,",
        "Luis,Xol,,,,,,,,ROSA,RAMIREZ,,,+1 (404) 555 0142,,,,,",
        "Eva,Xol,,,,,,,,Rosa,Ramírez,,,,12 Main Street,Apt 3,Atlanta,GA,30309",
        "Eli,Xol,,,,,,,,rosa,ramírez,,,,12 MAIN ST,,Atlanta,GA,30309-1234",
        "Ivy,Xol,,,,,,,,Rosa,Ramírez,,,404-555-0143,,,,,",
        "Zoe,Xol,,,,,,,,Rosa,Ramírez,,,,,,,,",
    ];
    let f = parse(&format!("{HEADER}\n{}\n", rows.join("\n")));
    let keys: Vec<String> = f
        .rows
        .iter()
        .map(|r| sponsor_key(&r.result.as_ref().expect("valid").sponsor))
        .collect();
    assert_eq!(keys[0], "rosa ramirez|tel:+14045550142");
    assert_eq!(keys[0], keys[1]);
    assert_eq!(keys[2], "rosa ramirez|addr:12 main st 30309");
    assert_eq!(keys[2], keys[3]);
    assert_ne!(keys[0], keys[4]);
    assert_eq!(keys[5], "rosa ramirez");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_on_arbitrary_bytes(body in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_release_records(&body, today());
        let mut with_header = format!("{HEADER}\n").into_bytes();
        with_header.extend_from_slice(&body);
        let f = parse_release_records(&with_header, today());
        prop_assert!(f.is_ok());
    }

    #[test]
    fn never_panics_on_arbitrary_text_rows(cells in proptest::collection::vec("\\PC{0,12}|[,;\"\n]", 0..30)) {
        let text = format!("{HEADER}\n{}\n", cells.join(","));
        let f = parse_release_records(text.as_bytes(), today());
        prop_assert!(f.is_ok());
        for row in f.map(|f| f.rows).unwrap_or_default() {
            prop_assert!(row.line >= 2);
            if let Err(errors) = row.result {
                prop_assert!(errors.iter().all(|e| e.line == row.line && !e.column.is_empty()));
            }
        }
    }
}
