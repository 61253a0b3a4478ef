//! Search is no oracle: a volunteer may not see A-Numbers, so her searches never match one,
//! in any form, and every search is audited by kind and count, never by its text.

use serde_json::Value;
use tether_tests::{Clinic, VOLUNTEER};

use super::add_jose;

fn volunteer_search(clinic: &Clinic, query: &str) -> Value {
    clinic.volunteer_json(&["search", query, "--json", "--limit", "500"])
}

#[test]
fn a_volunteer_recovering_an_a_number_digit_by_digit_learns_nothing() {
    let clinic = Clinic::with_staff();
    // José Ramírez's A-Number is 123-456-789.
    let case = add_jose(&clinic);

    // The attack of the review: the case number narrows to José, then each guessed digit
    // either keeps him or drops him. Now every guess answers the same.
    let mut known = String::from("A");
    for digit in "123456789".chars() {
        let answers: Vec<Value> = ('0'..='9')
            .map(|guess| volunteer_search(&clinic, &format!("{case} {known}{guess}")))
            .collect();
        assert!(
            answers.iter().all(|a| a == &answers[0]),
            "a guess after {known} changed the answer: {answers:?}"
        );
        known.push(digit);
    }
    // Listing by the A-Number's first digit, or by the whole number in every form.
    for query in [
        "A1",
        "A9",
        "123-456-789",
        "A123456789",
        "A 123 456 789",
        "123456789",
    ] {
        let found = volunteer_search(&clinic, query);
        assert_eq!(found, Value::Array(Vec::new()), "volunteer query {query:?}");
    }
    // Her search by name still works, redacted.
    let found = volunteer_search(&clinic, "jose");
    assert_eq!(found.as_array().map(Vec::len), Some(1));
    assert_eq!(found[0]["case_number"], case.as_str());

    // Staff still find José by his A-Number, whole or as a prefix after the case number.
    for query in ["123-456-789", "A123456789", &format!("{case} A12")] {
        let found = clinic.admin_json(&["search", query, "--json"]);
        assert_eq!(found.as_array().map(Vec::len), Some(1), "staff {query:?}");
    }
    let none = clinic.admin_json(&["search", &format!("{case} A9"), "--json"]);
    assert_eq!(none.as_array().map(Vec::len), Some(0));
}

#[test]
fn every_search_is_audited_with_its_kind_and_count_never_its_text() {
    let clinic = Clinic::with_staff();
    add_jose(&clinic);
    volunteer_search(&clinic, "123-456-789");
    volunteer_search(&clinic, "jose ramirez");
    clinic.admin_json(&["search", "+502 5123 4567", "--json"]);

    let log = clinic.audit();
    let searches: Vec<(&str, &str, u64)> = log
        .iter()
        .filter(|e| e["action"] == "children_searched")
        .map(|e| {
            (
                e["actor"].as_str().unwrap_or_default(),
                e["record_id"].as_str().unwrap_or_default(),
                e["count"].as_u64().unwrap_or(u64::MAX),
            )
        })
        .collect();
    // Newest first.
    assert_eq!(
        searches,
        vec![
            (tether_tests::ADMIN, "phone", 1),
            (VOLUNTEER, "name", 1),
            (VOLUNTEER, "a_number", 0),
        ]
    );
    let text = serde_json::to_string(&log).expect("JSON");
    for typed in ["123-456-789", "123456789", "ramirez", "5123"] {
        assert!(!text.contains(typed), "the audit log holds {typed:?}");
    }
}
