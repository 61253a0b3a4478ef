//! Roles: a volunteer is refused admin work, and every refusal is audited.

use tether_tests::{Clinic, ADMIN, ADMIN_PASS, BACKUP_PASS, VOLUNTEER, VOLUNTEER_PASS};

#[test]
fn volunteer_is_denied_admin_work_and_each_denial_is_audited() {
    let clinic = Clinic::with_staff();
    let env = [
        ("TETHER_NEW_PASSPHRASE", "another long passphrase"),
        ("TETHER_BACKUP_PASSPHRASE", BACKUP_PASS),
    ];
    let backup = clinic.root().join("volunteer.tbk");
    let backup_arg = backup.to_str().expect("utf-8 path");
    let denied: [&[&str]; 5] = [
        &["user", "add", "carla", "--role", "admin"],
        &["rekey"],
        &["backup", "--out", backup_arg],
        &["audit", "log"],
        &["audit", "verify"],
    ];
    for args in denied {
        let err = clinic.fails(VOLUNTEER, VOLUNTEER_PASS, args, &env, 4);
        assert!(err.contains("may not"), "{args:?}: {err}");
    }
    assert!(!backup.exists(), "a denied backup wrote a file");

    let denials: Vec<String> = clinic
        .audit()
        .iter()
        .filter(|e| e["outcome"] == "denied")
        .map(|e| {
            format!(
                "{}:{}",
                e["actor"].as_str().unwrap_or(""),
                e["action"].as_str().unwrap_or("")
            )
        })
        .collect();
    for action in [
        "user_added",
        "rekeyed",
        "backup_created",
        "audit_read",
        "audit_verified",
    ] {
        assert!(
            denials.contains(&format!("{VOLUNTEER}:{action}")),
            "no denied {action} entry in {denials:?}"
        );
    }
    let users = clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]);
    assert_eq!(
        users.as_array().map(Vec::len),
        Some(2),
        "the volunteer added nobody"
    );
}

/// A volunteer listing red flags is told what was refused (seeing them), not an action she
/// never tried; the permission matrix is unchanged (still refused, exit 4, still audited).
#[test]
fn a_volunteer_refused_red_flags_is_told_she_may_not_see_them() {
    let clinic = Clinic::with_staff();
    for args in [&["flags"][..], &["flags", "--json"]] {
        let err = clinic.fails(VOLUNTEER, VOLUNTEER_PASS, args, &[], 4);
        assert!(err.contains("may not see red flags"), "{args:?}: {err}");
        assert!(!err.contains("acknowledge"), "{args:?}: {err}");
    }
    let err = clinic.fails(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &[
            "flags",
            "ack",
            "sponsor_many_children:1:4",
            "--note",
            "llamé a Rosa",
        ],
        &[],
        4,
    );
    assert!(err.contains("may not see red flags"), "{err}");
}
