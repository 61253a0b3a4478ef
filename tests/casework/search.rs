//! Search: accents, case and A-Number formats do not matter.

use tether_tests::{Clinic, ADMIN, ADMIN_PASS};

use super::add_jose;

#[test]
fn search_ignores_accents_and_case_and_reads_a_numbers_in_any_form() {
    let clinic = Clinic::with_staff();
    let case = add_jose(&clinic);
    for query in [
        "jose ramirez",
        "JOSÉ RAMÍREZ",
        "jos ram",
        "123-456-789",
        "A123456789",
        "A 123 456 789",
        "5123 4567",
        &case,
    ] {
        let found = clinic.admin_json(&["search", query, "--json"]);
        assert_eq!(found.as_array().map(Vec::len), Some(1), "query {query:?}");
        assert_eq!(found[0]["case_number"], case.as_str(), "query {query:?}");
    }
    let none = clinic.admin_json(&["search", "zzzz", "--json"]);
    assert_eq!(none.as_array().map(Vec::len), Some(0));
}

/// Six children of six sponsors, all with Guatemalan phones starting with 5, and a seventh
/// whose sponsor has a Houston number, (713) 555-0142. Returns the case numbers in order.
fn seven_children(clinic: &Clinic) -> Vec<String> {
    let names = ["José", "Ana", "Luis", "Marta", "Lucía", "Iván"];
    let sponsors = ["Rosa", "Inés", "Carmen", "Elena", "Sofía", "Dolores"];
    let mut rows: Vec<String> = names
        .iter()
        .zip(sponsors)
        .enumerate()
        .map(|(i, (given, sponsor))| {
            format!(
                "{given},Ramírez,2011-04-0{d},A30000000{d},GT,mam,sí,2026-09-04,,{sponsor},Xicará,tía,2A,\
                 +502 5{d}23 456{d},{d} Calle Ñuñoa,Apt {d},Houston,TX,77002,not_served,,,",
                d = i + 1
            )
        })
        .collect();
    rows.push(
        "Inés,Pérez,2012-02-02,A300000007,GT,spa,no,2026-09-04,,Carmen,Pérez,madre,1,\
         +1 713 555 0142,9 Elm St,Apt 7,Houston,TX,77002,not_served,,,"
            .to_owned(),
    );
    clinic.import(&rows);
    let list = clinic.admin_json(&["child", "list", "--json"]);
    let mut cases: Vec<String> = list
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|c| c["case_number"].as_str().map(str::to_owned))
        .collect();
    cases.sort();
    cases
}

#[test]
fn a_bare_number_finds_that_case_first_and_a_phones_last_seven_digits_find_it() {
    let clinic = Clinic::with_admin();
    let cases = seven_children(&clinic);
    assert_eq!(cases.len(), 7);
    let fifth = cases
        .iter()
        .find(|c| c.ends_with("-000005"))
        .expect("a fifth case");

    let found = clinic.admin_json(&["search", "5", "--json"]);
    assert_eq!(found[0]["case_number"], fifth.as_str(), "{found}");
    let found = clinic.admin_json(&["search", "5", "--json", "--limit", "1"]);
    assert_eq!(found.as_array().map(Vec::len), Some(1));
    assert_eq!(found[0]["case_number"], fifth.as_str());
    let out = clinic.admin(&["search", "000005"]);
    assert!(out.starts_with(fifth.as_str()), "{out}");

    for local in ["555-0142", "5550142", "555 0142", "3234563"] {
        let found = clinic.admin_json(&["search", local, "--json"]);
        assert_eq!(found.as_array().map(Vec::len), Some(1), "{local}: {found}");
    }
    let found = clinic.admin_json(&["search", "555-0142", "--json"]);
    assert_eq!(found[0]["given_name"], "Inés");
}

#[test]
fn no_match_says_so_and_a_limit_of_zero_is_refused() {
    let clinic = Clinic::with_admin();
    add_jose(&clinic);
    let out = clinic.run(ADMIN, ADMIN_PASS, &["search", "Zúñiga"], &[]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "no children match \"Zúñiga\""
    );
    // --json keeps its contract: an empty array, nothing else on stdout.
    assert_eq!(
        clinic.admin_json(&["search", "Zúñiga", "--json"]),
        serde_json::json!([])
    );
    for args in [
        &["search", "José", "--limit", "0"][..],
        &["search", "José", "--limit", "0", "--json"],
    ] {
        let err = clinic.fails(ADMIN, ADMIN_PASS, args, &[], 8);
        assert!(err.contains("limit"), "{err}");
    }
}
