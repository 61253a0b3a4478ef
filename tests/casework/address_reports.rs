//! A volunteer's `new_address` on a call is a report, not a move: the sponsor's address and the
//! EOIR-33 deadline wait until a case manager confirms it (then applied as `sponsor move`
//! would, dated the confirmation) or rejects it (with a reason). Both are audited.

use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS, VOLUNTEER, VOLUNTEER_PASS};

use super::add_jose;

const NEW_ADDRESS: &str = r#"{"still_with_sponsor":true,"new_address":{"line1":"9 Fake Rd","unit":"","city":"Dallas","state":"TX","zip":"75201"}}"#;

fn eoir33_tasks(clinic: &Clinic) -> usize {
    clinic
        .admin_json(&["tasks", "--on", "2099-12-31", "--json"])
        .as_array()
        .expect("tasks")
        .iter()
        .filter(|t| t["kind"] == "eoir33")
        .count()
}

fn sponsor_line1(clinic: &Clinic, case: &str) -> Value {
    clinic.admin_json(&["child", "show", case, "--json"])["sponsor"]["address"]["line1"].clone()
}

fn report_by_volunteer(clinic: &Clinic, case: &str) {
    clinic.ok(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &[
            "calls",
            "log",
            case,
            "--outcome",
            "reached_sponsor",
            "--at",
            "2026-11-02 10:00",
            "--answers",
            NEW_ADDRESS,
        ],
        &[],
    );
}

#[test]
fn a_volunteer_reported_address_changes_nothing_until_a_case_manager_confirms_it() {
    let clinic = Clinic::with_staff();
    let case = add_jose(&clinic);
    report_by_volunteer(&clinic, &case);

    // The attack did no harm: same address, no EOIR-33 deadline.
    assert_eq!(sponsor_line1(&clinic, &case), "45 Calle Ñuñoa");
    assert_eq!(eoir33_tasks(&clinic), 0);

    // The volunteer can neither list nor decide.
    for args in [
        vec!["address", "pending", "--json"],
        vec!["address", "confirm", "1"],
        vec!["address", "reject", "1", "--reason", "mine"],
    ] {
        clinic.fails(VOLUNTEER, VOLUNTEER_PASS, &args, &[], 4);
    }

    let pending = clinic.admin_json(&["address", "pending", "--json"]);
    let pending = pending.as_array().expect("list");
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0]["address"]["line1"], "9 Fake Rd");
    assert_eq!(pending[0]["current_address"]["line1"], "45 Calle Ñuñoa");
    assert_eq!(pending[0]["reported_by"], VOLUNTEER);
    assert_eq!(pending[0]["case_number"], case.as_str());
    let id = pending[0]["id"].to_string();

    let sponsor = clinic.admin_json(&["address", "confirm", &id, "--json"]);
    assert_eq!(sponsor["address"]["line1"], "9 Fake Rd");
    assert_eq!(sponsor_line1(&clinic, &case), "9 Fake Rd");
    assert_eq!(
        eoir33_tasks(&clinic),
        1,
        "the deadline runs from the confirmation"
    );
    let today = chrono::Utc::now().date_naive().to_string();
    assert_eq!(sponsor["address_history"][0]["recorded_on"], today.as_str());
    assert!(clinic
        .admin_json(&["address", "pending", "--json"])
        .as_array()
        .expect("list")
        .is_empty());
    // Applied once: a second decision is refused.
    clinic.fails(ADMIN, ADMIN_PASS, &["address", "confirm", &id], &[], 8);

    let actions: Vec<String> = clinic
        .audit()
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e["action"].as_str().unwrap_or(""),
                e["record_kind"].as_str().unwrap_or(""),
                e["actor"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(
        actions.contains(&format!("address_reported address_report {VOLUNTEER}")),
        "{actions:?}"
    );
    assert!(
        actions.contains(&format!("address_confirmed address_report {ADMIN}")),
        "{actions:?}"
    );
    assert!(
        actions.contains(&format!("address_changed address_change {ADMIN}")),
        "{actions:?}"
    );
}

#[test]
fn a_rejected_report_leaves_the_sponsor_as_it_was_and_staff_calls_still_move_at_once() {
    let clinic = Clinic::with_staff();
    let case = add_jose(&clinic);
    report_by_volunteer(&clinic, &case);
    let id = clinic.admin_json(&["address", "pending", "--json"])[0]["id"].to_string();
    clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["address", "reject", &id, "--reason", ""],
        &[],
        8,
    );
    let rejected = clinic.admin_json(&[
        "address",
        "reject",
        &id,
        "--reason",
        "sponsor says she has not moved",
        "--json",
    ]);
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(rejected["reason"], "sponsor says she has not moved");
    assert_eq!(sponsor_line1(&clinic, &case), "45 Calle Ñuñoa");
    assert_eq!(eoir33_tasks(&clinic), 0);
    assert!(clinic
        .audit()
        .iter()
        .any(|e| e["action"] == "address_rejected" && e["actor"] == ADMIN));

    // A case manager's own call keeps today's behaviour: the move applies at once.
    clinic.admin(&[
        "calls",
        "log",
        &case,
        "--outcome",
        "reached_sponsor",
        "--at",
        "2026-11-03 10:00",
        "--answers",
        NEW_ADDRESS,
    ]);
    assert_eq!(sponsor_line1(&clinic, &case), "9 Fake Rd");
    assert_eq!(eoir33_tasks(&clinic), 1);
}
