//! Audit receipts: `audit verify` prints the chain's head; `--head` catches a chain rewritten
//! or cut short after the receipt was taken, which the chain alone cannot show (anyone with
//! the data key can rebuild a chain that verifies).

use secrecy::SecretString;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS};

use super::paths;

/// `N` and `HEX` from `ok: N entries, head HEX`.
fn receipt(clinic: &Clinic) -> (u64, String) {
    let out = clinic.admin(&["audit", "verify"]);
    let first = out.lines().next().unwrap_or_default();
    let rest = first
        .strip_prefix("ok: ")
        .expect("ok: prefix kept for scripts");
    let (n, head) = rest.split_once(" entries, head ").expect("head printed");
    assert_eq!(head.len(), 64, "{out}");
    (n.parse().expect("count"), head.to_owned())
}

fn verify_with(clinic: &Clinic, head: &str) -> std::process::Output {
    clinic.run(ADMIN, ADMIN_PASS, &["audit", "verify", "--head", head], &[])
}

/// Rebuilds the whole chain from the entries an attacker keeps (`keep_sql` selects them), with
/// valid hashes: what a volunteer holding the data key did in the review.
fn rewrite_chain(clinic: &Clinic, keep_sql: &str, actor_of_3: Option<&str>) {
    let conn = tether_store::inspect::open_raw(
        &paths(clinic),
        ADMIN,
        &SecretString::from(ADMIN_PASS.to_owned()),
    )
    .expect("raw connection");
    conn.execute_batch("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
        .expect("drop guards");
    let rows: Vec<(i64, tether_core::AuditEntry)> = conn
        .prepare(&format!(
            "SELECT id, seq, at, actor, action, record_kind, record_id, outcome, format,
                    actor_id, count FROM audit {keep_sql} ORDER BY id"
        ))
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    tether_core::AuditEntry {
                        seq: r.get::<_, i64>(1)? as u64,
                        at: r.get(2)?,
                        actor: r.get(3)?,
                        action: r.get(4)?,
                        record_kind: r.get(5)?,
                        record_id: r.get(6)?,
                        outcome: r.get(7)?,
                        format: tether_core::EntryFormat::from_number(r.get(8)?),
                        actor_id: r.get(9)?,
                        count: r.get::<_, Option<i64>>(10)?.map(|n| n as u64),
                    },
                ))
            })?
            .collect()
        })
        .expect("read chain");
    conn.execute("DELETE FROM audit", []).expect("clear");
    let mut prev = tether_core::GENESIS_HASH;
    for (id, mut entry) in rows {
        if entry.seq == 3 {
            if let Some(actor) = actor_of_3 {
                entry.actor = actor.to_owned();
            }
        }
        let hash = entry.chain_hash(&prev);
        conn.execute(
            "INSERT INTO audit (id, seq, at, actor, action, record_kind, record_id, outcome,
                                prev_hash, hash, format, actor_id, count)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            rusqlite::params![
                id,
                entry.seq as i64,
                entry.at,
                entry.actor,
                entry.action,
                entry.record_kind,
                entry.record_id,
                entry.outcome,
                prev.as_slice(),
                hash.as_slice(),
                entry.format.number(),
                entry.actor_id,
                entry.count.map(|n| n as i64),
            ],
        )
        .expect("insert forged entry");
        prev = hash;
    }
}

#[test]
fn a_receipt_holds_while_the_chain_grows() {
    let clinic = Clinic::with_staff();
    let (n, head) = receipt(&clinic);
    clinic.admin(&["audit", "log", "--limit", "3"]);
    for form in [format!("{n}:{head}"), head.clone()] {
        let out = clinic.admin(&["audit", "verify", "--head", &form]);
        assert!(out.starts_with("ok: "), "{out}");
        assert!(out.contains(&format!("entry #{n} still has")), "{out}");
    }
    let n_text = n.to_string();
    let out = clinic.admin(&["audit", "verify", "--head", &head, "--count", &n_text]);
    assert!(out.contains(&format!("entry #{n}")), "{out}");

    let json = clinic.admin_json(&["audit", "verify", "--json"]);
    assert!(json["entries"].as_u64().is_some_and(|e| e > n), "{json}");
    assert_eq!(json["head"].as_str().map(str::len), Some(64), "{json}");

    // A mistyped receipt is bad input, not tampering.
    clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["audit", "verify", "--head", "abc"],
        &[],
        8,
    );
    clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &[
            "audit",
            "verify",
            "--head",
            &format!("{n}:{head}"),
            "--count",
            "1",
        ],
        &[],
        8,
    );
}

#[test]
fn a_rewritten_chain_verifies_alone_but_fails_the_receipt_naming_the_entry() {
    let clinic = Clinic::with_staff();
    let (n, head) = receipt(&clinic);
    // Entry #3 gets another actor and every hash after it is recomputed.
    rewrite_chain(&clinic, "", Some("intruso"));
    let alone = clinic.admin(&["audit", "verify"]);
    assert!(
        alone.starts_with("ok: "),
        "the forgery verifies on its own: {alone}"
    );

    let err = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["audit", "verify", "--head", &format!("{n}:{head}")],
        &[],
        7,
    );
    assert!(err.contains(&format!("entry #{n} differs")), "{err}");
    let out = verify_with(&clinic, &head);
    assert_eq!(out.status.code(), Some(7));
}

#[test]
fn a_chain_cut_short_after_the_receipt_fails_naming_the_first_missing_entry() {
    let clinic = Clinic::with_staff();
    clinic.admin(&["audit", "log", "--limit", "1"]);
    let (n, head) = receipt(&clinic);
    // Everything from entry #4 on removed; the rest is still a valid chain.
    rewrite_chain(&clinic, "WHERE seq < 4", None);
    // The verify's own sign-in appends #4 again, so the chain now has 4 entries, fewer than
    // the receipt's: entry #5 is the first that is gone.
    assert!(n > 4, "the receipt covered more entries than survive: {n}");
    let err = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["audit", "verify", "--head", &format!("{n}:{head}")],
        &[],
        7,
    );
    assert!(
        err.contains("audit entry #5 differs") && err.contains("removed"),
        "{err}"
    );
}
