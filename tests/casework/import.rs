//! Importing release records: a hostile file is all or nothing, `--skip-invalid` keeps exactly
//! the good rows, and the CSV dialects clinics send are read.

use std::fmt::Write as _;
use std::fs;

use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS, RELEASE_HEADER as HEADER};

use super::children;

/// A valid row for a child and sponsor outside the main set, with `column` set to `value`
/// (`court_code` may carry `CODE|next_hearing`).
fn hostile_row(index: usize, column: &str, value: &str) -> String {
    let a_number = format!("A3000000{index:02}");
    let mut cells: Vec<(&str, String)> = HEADER
        .split(',')
        .zip([
            "Ana",
            "Pérez",
            "2011-02-03",
            &a_number,
            "GT",
            "spa",
            "no",
            "2026-08-01",
            "",
            "Luis",
            "Pérez",
            "tío",
            "1",
            "+502 5123 4567",
            "1 Main St",
            "",
            "Austin",
            "TX",
            "78701",
            "not_served",
            "",
            "",
            "",
        ])
        .map(|(k, v)| (k, v.to_owned()))
        .collect();
    let set = |cells: &mut Vec<(&str, String)>, column: &str, value: &str| {
        if let Some(cell) = cells.iter_mut().find(|(k, _)| *k == column) {
            cell.1 = value.to_owned();
        }
    };
    match (column, value.split_once('|')) {
        ("court_code", Some((court, hearing))) => {
            set(&mut cells, "court_code", court);
            set(&mut cells, "next_hearing", hearing);
        }
        _ => set(&mut cells, column, value),
    }
    cells
        .into_iter()
        .map(|(_, v)| v)
        .collect::<Vec<_>>()
        .join(",")
}

const GIVEN: [&str; 8] = [
    "José", "María", "Ángel", "Lucía", "Jesús", "Débora", "Nicolás", "Yésica",
];
const FAMILY: [&str; 6] = ["Ramírez", "López", "Pérez", "Xicará", "Tzul", "Güity"];
const LANGUAGES: [&str; 5] = ["spa", "mam", "quc", "K'iche'", "Q'anjob'al"];

/// 480 good rows (160 sponsors with 3 children each, every format the issue names) plus 22
/// hostile ones. Returns the file and the number of bad rows.
fn release_file() -> (String, usize) {
    let mut csv = String::from(HEADER);
    csv.push('\n');
    for i in 0..480u32 {
        let sponsor = i / 3;
        let a_number = match i % 4 {
            0 => format!("A{:09}", 201_000_000 + i),
            1 => format!("{:03}-{:03}-{:03}", 202, i / 1000, i % 1000),
            2 => format!("A {} {:03} {:03}", 203, i / 1000, i % 1000),
            _ => format!("{:08}", 20_400_000 + i), // 8 digits: a leading 0 is added
        };
        let unit = if sponsor % 5 == 0 { "" } else { "Apt 2B" }; // missing units are not errors
        let program = if i % 7 == 0 {
            "\"Casa \"\"Esperanza\"\", Houston\"".to_owned()
        } else {
            "Southwest Key".to_owned()
        };
        let hearing = if i % 2 == 0 { "2027-01-15 09:00" } else { "" };
        let nta = if i % 3 == 0 {
            "served,2026-09-01"
        } else {
            "not_served,"
        };
        writeln!(
            csv,
            "{},{},2011-0{}-1{},{a_number},{},{},{},2026-08-{:02},{program},Rosa{sponsor},Ramírez López,tía,2A,\
             +502 5{:03} {:04},{} Calle Ñuñoa Apartments,{unit},Houston,TX,77002,{nta},HOU,{hearing}",
            GIVEN[i as usize % 8],
            FAMILY[i as usize % 6],
            1 + i % 9,
            i % 10,
            if i % 2 == 0 { "Guatemala" } else { "HN" },
            LANGUAGES[i as usize % 5],
            if i % 2 == 0 { "sí" } else { "no" },
            1 + i % 28,
            100 + sponsor % 900,
            1000 + sponsor,
            100 + sponsor,
        )
        .expect("write row");
    }
    let long = "x".repeat(10_001);
    // Each hostile row is a good row with one thing wrong.
    let hostile: Vec<String> = [
        ("child_dob", "2011-02-30"),         // no such day
        ("a_number", "A1234567"),            // 7 digits
        ("a_number", "A12345678901"),        // 11 digits
        ("child_given_name", long.as_str()), // 10,001 characters
        ("release_date", "2099-08-01"),      // in the future
        ("sponsor_state", "ZZ"),
        ("sponsor_phone", "12"),
        ("court_code", "XXX"),
        ("nta_status", "maybe"),
        ("next_hearing", "2027-01-01 09:00"), // a hearing without a court
        ("child_given_name", ""),             // required
        ("country_of_birth", "Narnia"),
        ("primary_language", "klingon"),
        ("interpreter_needed", "perhaps"),
        ("sponsor_category", "7"),
        ("sponsor_postal_code", "7870"),
        ("court_code", "HOU|2027-13-01 09:00"), // month 13
        ("child_dob", "1850-02-03"),
        ("child_family_name", "\"Pé\nrez\""), // a line break inside a name
        ("nta_served_date", "2026-07-01"),    // served date while not served
        ("release_date", "not-a-date"),
        ("a_number", "A201000000"), // the A-Number of line 2 again
    ]
    .iter()
    .enumerate()
    .map(|(i, (column, value))| hostile_row(i, column, value))
    .collect();
    // Emoji are data, not errors: one valid row with them rides along.
    let emoji = "Nayeli 🌻,Cux,2012-03-04,A300000099,GT,mam,sí,2026-08-02,,Rosa 🌻,Cux,madre,1,+502 5999 0000,9 Calle Real,Apt 1,Houston,TX,77002,not_served,,,";
    for row in &hostile {
        csv.push_str(row);
        csv.push('\n');
    }
    csv.push_str(emoji);
    csv.push('\n');
    (csv, hostile.len())
}

#[test]
fn hostile_import_is_all_or_nothing_then_skip_invalid_imports_exactly_the_good_rows() {
    let clinic = Clinic::with_staff();
    let (csv, bad) = release_file();
    let good = 481; // 480 + the emoji row
    let path = clinic.write("releases.csv", &csv);
    let path_arg = path.to_str().expect("utf-8 path");

    // Default: nothing imported, every bad row listed with line and column.
    let out = clinic.run(ADMIN, ADMIN_PASS, &["import", path_arg], &[]);
    assert_eq!(out.status.code(), Some(8), "invalid import must fail");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let listed: std::collections::BTreeSet<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix(path_arg))
        .filter_map(|l| l.split(':').nth(1))
        .collect();
    assert_eq!(
        listed.len(),
        bad,
        "every bad row is listed once or more:\n{stderr}"
    );
    assert!(
        stderr.contains(":482: child_dob:"),
        "impossible date on line 482:\n{stderr}"
    );
    assert!(
        stderr.contains(":483: a_number:"),
        "7-digit A-Number on line 483:\n{stderr}"
    );
    assert!(
        stderr.contains(":485: child_given_name:"),
        "10,001 characters:\n{stderr}"
    );
    // The quoted line break makes row 19 span lines 500–501: later rows keep their real lines.
    assert!(
        stderr.contains(":502: nta_served_date:"),
        "line numbers after a quoted newline:\n{stderr}"
    );
    assert!(
        stderr.contains(":504: a_number:"),
        "A-Number repeated from line 2:\n{stderr}"
    );
    assert!(stderr
        .lines()
        .last()
        .is_some_and(|l| l.contains("nothing was imported")));
    assert_eq!(children(&clinic), 0, "nothing half-written");

    // --skip-invalid: the good rows exactly, the bad ones beside the input with a reason.
    let report: Value = serde_json::from_str(&clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["import", path_arg, "--skip-invalid", "--json"],
        &[],
    ))
    .expect("JSON report");
    assert_eq!(report["rows"], good + bad);
    assert_eq!(report["imported_rows"], good);
    assert_eq!(report["rejected_rows"], bad);
    assert_eq!(report["children_created"], good);
    assert_eq!(
        report["sponsors_created"],
        160 + 1,
        "rows of one sponsor merge into one"
    );
    assert_eq!(children(&clinic), good);
    let rejected = path.with_file_name("releases.rejected.csv");
    let rejected_text = fs::read_to_string(&rejected).expect("rejected rows file");
    let mut reader = csv::Reader::from_reader(rejected_text.as_bytes());
    let headers = reader.headers().expect("header").clone();
    assert_eq!(headers.iter().next_back(), Some("reason"));
    assert_eq!(reader.records().count(), bad);

    // Re-importing the same file creates nothing new.
    let again: Value = serde_json::from_str(&clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["import", path_arg, "--skip-invalid", "--json"],
        &[],
    ))
    .expect("JSON report");
    assert_eq!(again["children_created"], 0);
    assert_eq!(again["sponsors_created"], 0);
    assert_eq!(again["children_already_present"], good);
    assert_eq!(children(&clinic), good);
    // The first rejected file (maybe being corrected by hand) is kept; the new one sits beside it.
    assert_eq!(
        fs::read_to_string(&rejected).expect("first rejected file"),
        rejected_text
    );
    let second = path.with_file_name("releases.rejected-2.csv");
    assert_eq!(again["rejected_file"].as_str(), second.to_str(), "{again}");
    assert_eq!(
        fs::read_to_string(&second).expect("second rejected file"),
        rejected_text
    );
    clinic.ok(ADMIN, ADMIN_PASS, &["audit", "verify"], &[]);
}

#[test]
fn import_accepts_semicolons_and_a_byte_order_mark() {
    let clinic = Clinic::with_staff();
    let csv = format!(
        "\u{feff}{}\nJosé;Ramírez;~2010;A123456789;Guatemala;mam;sí;2026-10-01;;Rosa;Ramírez;tía;2A;(212) 555-0142;45 Broadway;Apt 3;New York;NY;10006;served;2026-10-20;NYC;2026-12-15 09:00\n",
        HEADER.replace(',', ";")
    );
    let path = clinic.write("semicolons.csv", &csv);
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["import", path.to_str().expect("path")],
        &[],
    );
    let found = clinic.admin_json(&["search", "jose ramirez", "--json"]);
    let case = found[0]["case_number"].as_str().expect("found").to_owned();
    let child = clinic.admin_json(&["child", "show", &case, "--json"]);
    assert_eq!(child["birth_date"], "~2010");
    assert_eq!(child["sponsor"]["phones"][0], "+12125550142");
    assert_eq!(child["hearings"][0]["at"], "2026-12-15 09:00");
}
