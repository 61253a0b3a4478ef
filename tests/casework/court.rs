//! Court: the NTA and hearings through the CLI, and the fields they refuse.

use tether_tests::{Clinic, ADMIN, ADMIN_PASS};

use super::add_jose;

#[test]
fn nta_and_hearings_through_the_cli() {
    let clinic = Clinic::with_staff();
    let case = add_jose(&clinic);
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &[
            "nta",
            "set",
            &case,
            "--status",
            "served",
            "--served-on",
            "2026-10-20",
        ],
        &[],
    );
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &[
            "hearing",
            "add",
            &case,
            "--at",
            "2027-02-01 13:30",
            "--court",
            "HOU",
            "--type",
            "individual",
        ],
        &[],
    );
    let child = clinic.admin_json(&["child", "show", &case, "--json"]);
    assert_eq!(child["nta_status"], "served");
    assert_eq!(child["nta_served_on"], "2026-10-20");
    assert_eq!(child["hearings"].as_array().map(Vec::len), Some(2));
    let out = clinic.run(
        ADMIN,
        ADMIN_PASS,
        &[
            "hearing",
            "add",
            &case,
            "--at",
            "2027-02-30 13:30",
            "--court",
            "HOU",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(8));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at"));
    let out = clinic.run(
        ADMIN,
        ADMIN_PASS,
        &[
            "hearing",
            "add",
            &case,
            "--at",
            "2027-02-03 13:30",
            "--court",
            "XYZ",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(8));
    assert!(String::from_utf8_lossy(&out.stderr).contains("court"));
}
