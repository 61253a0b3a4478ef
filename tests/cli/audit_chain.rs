//! The audit chain: `audit verify` names the first entry that was edited, deleted or moved.

use secrecy::SecretString;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS};

use super::paths;

fn raw(clinic: &Clinic) -> rusqlite::Connection {
    tether_store::inspect::open_raw(
        &paths(clinic),
        ADMIN,
        &SecretString::from(ADMIN_PASS.to_owned()),
    )
    .expect("raw connection")
}

/// Tampering "directly through SQLCipher": the append-only triggers are dropped first, as an
/// attacker holding the key would.
fn tamper(clinic: &Clinic, sql: &str) {
    let conn = raw(clinic);
    conn.execute_batch("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
        .expect("drop guards");
    conn.execute_batch(sql).expect("tamper");
}

#[test]
fn audit_verify_passes_then_names_the_first_tampered_entry() {
    let edited = Clinic::with_staff();
    let ok = edited.ok(ADMIN, ADMIN_PASS, &["audit", "verify"], &[]);
    // `ok: N entries, head HEX`: the `ok: N entries` prefix scripts read is kept.
    let (prefix, head) = ok.trim().split_once(", head ").expect("head printed");
    assert!(
        prefix.starts_with("ok: ") && prefix.ends_with(" entries"),
        "{ok}"
    );
    assert_eq!(head.len(), 64, "{ok}");
    let n: u64 = prefix
        .trim_start_matches("ok: ")
        .trim_end_matches(" entries")
        .parse()
        .expect("count");
    assert!(n >= 4, "{ok}");

    tamper(&edited, "UPDATE audit SET actor = 'intruso' WHERE seq = 3;");
    let err = edited.fails(ADMIN, ADMIN_PASS, &["audit", "verify"], &[], 7);
    assert!(err.contains("entry #3") && err.contains("changed"), "{err}");

    let deleted = Clinic::with_staff();
    tamper(&deleted, "DELETE FROM audit WHERE seq = 2;");
    let err = deleted.fails(ADMIN, ADMIN_PASS, &["audit", "verify"], &[], 7);
    assert!(err.contains("entry #3"), "{err}");

    let swapped = Clinic::with_staff();
    tamper(
        &swapped,
        "UPDATE audit SET id = -1 WHERE seq = 2;
         UPDATE audit SET id = 2 WHERE seq = 3;
         UPDATE audit SET id = 3 WHERE seq = 2;",
    );
    let err = swapped.fails(ADMIN, ADMIN_PASS, &["audit", "verify"], &[], 7);
    assert!(err.contains("entry #3 (row 2)"), "{err}");
}
