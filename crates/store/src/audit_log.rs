//! Appending to and reading the audit chain. Called only from `Session`, inside the transaction
//! of the change each entry describes.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use tether_core::audit::{verify_chain, StoredAuditRow};
use tether_core::{AuditAction, AuditEntry, AuditOutcome, EntryFormat, Receipt, GENESIS_HASH};

use crate::error::{Result, StoreError};
use crate::session::SignedInUser;

/// What the record id of an entry refers to.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub kind: &'a str,
    pub id: &'a str,
}

impl<'a> Target<'a> {
    pub const VAULT: Target<'static> = Target {
        kind: "vault",
        id: "",
    };
    pub fn new(kind: &'a str, id: &'a str) -> Self {
        Target { kind, id }
    }
}

pub(crate) fn append(
    conn: &Connection,
    actor: &SignedInUser,
    action: AuditAction,
    target: Target<'_>,
    outcome: AuditOutcome,
) -> Result<()> {
    write_entry(conn, actor, action, target, outcome, None)
}

/// A bulk read or a search: `count` records were returned.
pub(crate) fn append_counted(
    conn: &Connection,
    actor: &SignedInUser,
    action: AuditAction,
    target: Target<'_>,
    count: usize,
) -> Result<()> {
    let count = u64::try_from(count).unwrap_or(u64::MAX);
    write_entry(conn, actor, action, target, AuditOutcome::Ok, Some(count))
}

/// Must run inside an IMMEDIATE transaction (`Session::transaction`, `vault::create`): the
/// head is read and the next entry inserted under the write lock, so two processes cannot
/// both append after the same head (and the unique `seq` refuses it if one ever tried).
fn write_entry(
    conn: &Connection,
    actor: &SignedInUser,
    action: AuditAction,
    target: Target<'_>,
    outcome: AuditOutcome,
    count: Option<u64>,
) -> Result<()> {
    let last: Option<(i64, Vec<u8>)> = conn
        .query_row(
            // The highest seq, not the last row: after tampering that moved rows (ids
            // swapped) the next entry must still get a fresh seq, so the vault stays usable
            // and `audit verify` names the tampering rather than an append failing.
            "SELECT seq, hash FROM audit ORDER BY seq DESC, id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(StoreError::sql("read the audit chain head"))?;
    let (prev_seq, prev_hash) = last.unwrap_or((0, GENESIS_HASH.to_vec()));
    let prev_hash: [u8; 32] = prev_hash
        .as_slice()
        .try_into()
        .map_err(|_| StoreError::Crypto("the audit chain head has a malformed hash"))?;
    let entry = AuditEntry {
        format: EntryFormat::V2,
        seq: u64::try_from(prev_seq).unwrap_or(0) + 1,
        at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        actor: actor.name.clone(),
        actor_id: Some(actor.id),
        action: action.as_str().to_owned(),
        record_kind: target.kind.to_owned(),
        record_id: target.id.to_owned(),
        outcome: outcome.as_str().to_owned(),
        count,
    };
    let hash = entry.chain_hash(&prev_hash);
    conn.execute(
        "INSERT INTO audit (seq, at, actor, action, record_kind, record_id, outcome, prev_hash,
                            hash, format, actor_id, count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            prev_seq + 1,
            entry.at,
            entry.actor,
            entry.action,
            entry.record_kind,
            entry.record_id,
            entry.outcome,
            prev_hash.as_slice(),
            hash.as_slice(),
            entry.format.number(),
            entry.actor_id,
            count.map(|n| i64::try_from(n).unwrap_or(i64::MAX)),
        ],
    )
    .map_err(StoreError::sql("append to the audit chain"))?;
    Ok(())
}

/// The common case: a successful change to one record, identified by kind and id.
pub(crate) fn record(
    conn: &Connection,
    actor: &SignedInUser,
    action: AuditAction,
    kind: &str,
    id: impl std::fmt::Display,
) -> Result<()> {
    append(
        conn,
        actor,
        action,
        Target::new(kind, &id.to_string()),
        AuditOutcome::Ok,
    )
}

/// The result of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditReport {
    pub entries: u64,
    /// Hex SHA-256 of the last entry: record it elsewhere (an audit receipt) to detect a
    /// rewrite or a truncated tail later.
    pub head: String,
    /// The seq of the entry that holds the receipt's head, when a receipt was checked.
    pub receipt_entry: Option<u64>,
}

/// Walks the chain; with a receipt, also checks the chain still holds its head in its place.
pub(crate) fn verify(conn: &Connection, receipt: Option<&Receipt>) -> Result<AuditReport> {
    let mut stmt = conn
        .prepare(
            "SELECT id, seq, at, actor, action, record_kind, record_id, outcome, prev_hash, hash,
                    format, actor_id, count
             FROM audit ORDER BY id",
        )
        .map_err(StoreError::sql("read the audit chain"))?;
    let rows = stmt
        .query_map([], |r| {
            Ok(StoredAuditRow {
                row_id: r.get(0)?,
                entry: AuditEntry {
                    seq: u64::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
                    at: r.get(2)?,
                    actor: r.get(3)?,
                    action: r.get(4)?,
                    record_kind: r.get(5)?,
                    record_id: r.get(6)?,
                    outcome: r.get(7)?,
                    format: EntryFormat::from_number(r.get(10)?),
                    actor_id: r.get(11)?,
                    count: r
                        .get::<_, Option<i64>>(12)?
                        .map(|n| u64::try_from(n).unwrap_or(u64::MAX)),
                },
                prev_hash: r.get(8)?,
                hash: r.get(9)?,
            })
        })
        .map_err(StoreError::sql("read the audit chain"))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::sql("read the audit chain"))?;
    let hashes: Vec<[u8; 32]> = rows
        .iter()
        .map(|r| <[u8; 32]>::try_from(r.hash.as_slice()).unwrap_or([0xff; 32]))
        .collect();
    let head = hashes.last().map(hex::encode).unwrap_or_default();
    let entries = verify_chain(rows).map_err(StoreError::AuditBroken)?;
    let receipt_entry = receipt
        .map(|r| r.check(&hashes))
        .transpose()
        .map_err(StoreError::AuditReceipt)?;
    Ok(AuditReport {
        entries,
        head,
        receipt_entry,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditLogEntry {
    pub seq: u64,
    pub at: String,
    pub actor: String,
    /// The actor's user id (entries written since user ids were recorded).
    pub actor_id: Option<i64>,
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    pub outcome: String,
    /// Records returned by a bulk read or a search.
    pub count: Option<u64>,
}

pub(crate) fn latest(conn: &Connection, limit: u32) -> Result<Vec<AuditLogEntry>> {
    let mut stmt = conn
        .prepare(
            "SELECT seq, at, actor, action, record_kind, record_id, outcome, actor_id, count
             FROM audit ORDER BY id DESC LIMIT ?1",
        )
        .map_err(StoreError::sql("read the audit log"))?;
    let rows = stmt
        .query_map([limit], |r| {
            Ok(AuditLogEntry {
                seq: u64::try_from(r.get::<_, i64>(0)?).unwrap_or(0),
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                record_kind: r.get(4)?,
                record_id: r.get(5)?,
                outcome: r.get(6)?,
                actor_id: r.get(7)?,
                count: r
                    .get::<_, Option<i64>>(8)?
                    .map(|n| u64::try_from(n).unwrap_or(u64::MAX)),
            })
        })
        .map_err(StoreError::sql("read the audit log"))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::sql("read the audit log"))?;
    Ok(rows)
}
