//! Failing closed: wrong credentials and damaged files give a clear error and change nothing.

use std::fs;

use tether_tests::{Clinic, ADMIN, ADMIN_PASS};

use super::{paths, snapshot};

#[test]
fn bad_credentials_and_damaged_files_fail_closed_and_touch_nothing() {
    let clinic = Clinic::with_staff();
    let vault = clinic.vault();
    let before = snapshot(&vault);

    let err = clinic.fails(
        ADMIN,
        "not the passphrase at all",
        &["user", "list"],
        &[],
        3,
    );
    assert!(err.contains("user name or passphrase is wrong"), "{err}");
    let err = clinic.fails("nadie", ADMIN_PASS, &["user", "list"], &[], 3);
    assert!(err.contains("user name or passphrase is wrong"), "{err}");
    assert_eq!(
        snapshot(&vault),
        before,
        "failed sign-ins changed the vault"
    );

    // Missing key-slot file.
    let slots = paths(&clinic).key_slots();
    let slot_bytes = fs::read(&slots).expect("slots");
    fs::remove_file(&slots).expect("remove slots");
    let without = snapshot(&vault);
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 7);
    assert!(
        err.contains("key-slot file") && err.contains("missing"),
        "{err}"
    );
    assert_eq!(snapshot(&vault), without);

    // Corrupted key-slot file.
    fs::write(&slots, b"{\"format\": \"tether-keyslots\", garbage").expect("corrupt slots");
    let corrupted = snapshot(&vault);
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 7);
    assert!(
        err.contains("key-slot file") && err.contains("damaged"),
        "{err}"
    );
    assert_eq!(snapshot(&vault), corrupted);
    fs::write(&slots, &slot_bytes).expect("restore slots");

    // One flipped byte deep inside the database.
    let db = paths(&clinic).database();
    let mut bytes = fs::read(&db).expect("db");
    let middle = bytes.len() / 2 + 100;
    bytes[middle] ^= 0x01;
    fs::write(&db, &bytes).expect("flip a byte");
    let flipped = snapshot(&vault);
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 7);
    assert!(err.contains("damaged"), "{err}");
    assert_eq!(snapshot(&vault), flipped, "a damaged database was modified");

    // No vault at all: nothing is created.
    let empty = Clinic::empty();
    let err = empty.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 6);
    assert!(err.contains("no vault"), "{err}");
    assert!(!empty.vault().exists(), "a new vault folder was created");
}

#[test]
fn init_refuses_an_existing_vault_and_bad_input_names_the_field() {
    let clinic = Clinic::with_staff();
    let before = snapshot(&clinic.vault());
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["init"], &[], 5);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(snapshot(&clinic.vault()), before);

    let fresh = Clinic::empty();
    let err = fresh.fails("ana lópez", ADMIN_PASS, &["init"], &[], 8);
    assert!(err.contains("user_name"), "{err}");
    let err = fresh.fails("ana", "short", &["init"], &[], 8);
    assert!(err.contains("passphrase") && err.contains("12"), "{err}");
    assert!(!fresh.vault().join("tether.db").exists());
}
