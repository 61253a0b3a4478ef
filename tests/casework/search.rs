//! Search: accents, case and A-Number formats do not matter.

use tether_tests::Clinic;

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
