//! Backups: `backup` and `restore` round-trip a working vault and never overwrite silently.

use std::fs;

use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS, BACKUP_PASS, VOLUNTEER, VOLUNTEER_PASS};

use super::{audit_prefix_kept, contains, snapshot};

#[test]
fn backup_restores_to_a_working_vault_and_never_overwrites_silently() {
    let clinic = Clinic::with_staff();
    let backup = clinic.root().join("clinic.tbk");
    let backup_arg = backup.to_str().expect("utf-8 path");
    let env = [("TETHER_BACKUP_PASSPHRASE", BACKUP_PASS)];
    clinic.ok(ADMIN, ADMIN_PASS, &["backup", "--out", backup_arg], &env);
    let users = clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]);
    let audit = clinic.audit();
    assert!(!contains(
        &fs::read(&backup).expect("backup"),
        ADMIN.as_bytes()
    ));

    // Never over an existing file.
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["backup", "--out", backup_arg], &env, 8);
    assert!(err.contains("already exists"), "{err}");

    // Into an empty place: a working vault with the same users and history.
    let elsewhere = Clinic::empty();
    elsewhere.fails(
        ADMIN,
        ADMIN_PASS,
        &["restore", backup_arg],
        &[("TETHER_BACKUP_PASSPHRASE", "the wrong backup passphrase")],
        3,
    );
    assert!(
        !elsewhere.vault().exists(),
        "a failed restore left files behind"
    );
    elsewhere.ok(ADMIN, ADMIN_PASS, &["restore", backup_arg], &env);
    assert_eq!(
        elsewhere.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]),
        users
    );
    elsewhere.ok(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &["passwd"],
        &[("TETHER_NEW_PASSPHRASE", "volunteer passphrase 2027")],
    );
    // The backup holds the chain up to and including its own `backup_created` entry.
    let in_backup: Vec<Value> = audit
        .iter()
        .skip_while(|e| e["action"] != "backup_created")
        .cloned()
        .collect();
    assert!(!in_backup.is_empty());
    audit_prefix_kept(&in_backup, &elsewhere.audit());
    elsewhere.ok(ADMIN, ADMIN_PASS, &["audit", "verify"], &[]);

    // Onto an existing vault: refused without --force, vault untouched.
    let before = snapshot(&clinic.vault());
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["restore", backup_arg], &env, 5);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(snapshot(&clinic.vault()), before);

    // With --force: replaced, and the replaced vault is kept aside, not deleted.
    let out = clinic.ok(ADMIN, ADMIN_PASS, &["restore", backup_arg, "--force"], &env);
    assert!(out.contains("moved to"), "{out}");
    assert_eq!(
        clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]),
        users
    );
    let kept: Vec<_> = fs::read_dir(clinic.root())
        .expect("root")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("vault.before-restore-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "the replaced vault is kept");
}
