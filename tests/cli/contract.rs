//! The JSON contract of `user list` and `audit log`: the fields scripts rely on.

use tether_tests::{Clinic, ADMIN, ADMIN_PASS, VOLUNTEER};

#[test]
fn json_contract_of_user_list_and_audit_log() {
    let clinic = Clinic::with_staff();
    let users = clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]);
    let volunteer = users
        .as_array()
        .and_then(|u| u.iter().find(|u| u["name"] == VOLUNTEER))
        .expect("volunteer listed");
    assert_eq!(volunteer["role"], "volunteer");
    assert!(volunteer["created_at"]
        .as_str()
        .is_some_and(|s| s.ends_with('Z')));

    let log = clinic.json(
        ADMIN,
        ADMIN_PASS,
        &["audit", "log", "--json", "--limit", "2"],
    );
    let log = log.as_array().expect("list");
    assert_eq!(log.len(), 2);
    for key in [
        "seq",
        "at",
        "actor",
        "action",
        "record_kind",
        "record_id",
        "outcome",
    ] {
        assert!(log[0].get(key).is_some(), "audit entry has {key}");
    }
}
