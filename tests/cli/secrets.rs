//! Secrets change, rows stay: `passwd`, `user remove` and `rekey` keep every row and the audit
//! history, and retire the old secrets.

use std::fs;

use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS, VOLUNTEER, VOLUNTEER_PASS};

use super::{audit_prefix_kept, paths};

#[test]
fn passwd_and_user_remove_keep_rows_and_retire_old_secrets() {
    let clinic = Clinic::with_staff();
    let users = clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]);
    let audit = clinic.audit();

    let new_pass = "un pasaporte nuevo y largo";
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["passwd"],
        &[("TETHER_NEW_PASSPHRASE", new_pass)],
    );
    clinic.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 3);
    assert_eq!(
        clinic.json(ADMIN, new_pass, &["user", "list", "--json"]),
        users
    );

    clinic.ok(ADMIN, new_pass, &["user", "remove", VOLUNTEER], &[]);
    clinic.fails(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &["passwd"],
        &[("TETHER_NEW_PASSPHRASE", "whatever it is now")],
        3,
    );
    let remaining = clinic.json(ADMIN, new_pass, &["user", "list", "--json"]);
    assert_eq!(remaining.as_array().map(Vec::len), Some(1));

    let after = serde_json::from_str::<Value>(&clinic.ok(
        ADMIN,
        new_pass,
        &["audit", "log", "--json", "--limit", "10000"],
        &[],
    ))
    .expect("json");
    audit_prefix_kept(&audit, after.as_array().expect("list"));
    clinic.ok(ADMIN, new_pass, &["audit", "verify"], &[]);
}

#[test]
fn rekey_keeps_every_row_and_the_old_key_stops_working() {
    let clinic = Clinic::with_staff();
    let users = clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]);
    let audit = clinic.audit();
    let old_slots = fs::read(paths(&clinic).key_slots()).expect("slots");

    clinic.ok(ADMIN, ADMIN_PASS, &["rekey"], &[]);
    assert_eq!(
        clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]),
        users
    );
    // The volunteer, who was not there, still gets in: the new key was sealed to every slot.
    clinic.ok(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &["passwd"],
        &[("TETHER_NEW_PASSPHRASE", "volunteer passphrase 2027")],
    );
    audit_prefix_kept(&audit, &clinic.audit());
    clinic.ok(ADMIN, ADMIN_PASS, &["audit", "verify"], &[]);

    // The old key-slot file yields the old data key, which no longer opens the database.
    let current_slots = fs::read(paths(&clinic).key_slots()).expect("slots");
    fs::write(paths(&clinic).key_slots(), &old_slots).expect("old slots back");
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 7);
    assert!(err.contains("cannot be decrypted"), "{err}");
    fs::write(paths(&clinic).key_slots(), current_slots).expect("current slots back");
    clinic.ok(ADMIN, ADMIN_PASS, &["audit", "verify"], &[]);
}
