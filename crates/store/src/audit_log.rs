//! Appending to and reading the audit chain. Called only from `Session`, inside the transaction
//! of the change each entry describes.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use tether_core::audit::{verify_chain, StoredAuditRow};
use tether_core::{AuditAction, AuditEntry, AuditOutcome, GENESIS_HASH};

use crate::error::{Result, StoreError};

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
    actor: &str,
    action: AuditAction,
    target: Target<'_>,
    outcome: AuditOutcome,
) -> Result<()> {
    let last: Option<(i64, Vec<u8>)> = conn
        .query_row(
            "SELECT seq, hash FROM audit ORDER BY id DESC LIMIT 1",
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
        seq: u64::try_from(prev_seq).unwrap_or(0) + 1,
        at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        actor: actor.to_owned(),
        action: action.as_str().to_owned(),
        record_kind: target.kind.to_owned(),
        record_id: target.id.to_owned(),
        outcome: outcome.as_str().to_owned(),
    };
    let hash = entry.chain_hash(&prev_hash);
    conn.execute(
        "INSERT INTO audit (seq, at, actor, action, record_kind, record_id, outcome, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            prev_seq + 1,
            entry.at,
            entry.actor,
            entry.action,
            entry.record_kind,
            entry.record_id,
            entry.outcome,
            prev_hash.as_slice(),
            hash.as_slice()
        ],
    )
    .map_err(StoreError::sql("append to the audit chain"))?;
    Ok(())
}

/// The common case: a successful change to one record, identified by kind and id.
pub(crate) fn record(
    conn: &Connection,
    actor: &str,
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
    /// Hex SHA-256 of the last entry: record it elsewhere to detect a truncated tail later.
    pub head: String,
}

pub(crate) fn verify(conn: &Connection) -> Result<AuditReport> {
    let mut stmt = conn
        .prepare(
            "SELECT id, seq, at, actor, action, record_kind, record_id, outcome, prev_hash, hash
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
                },
                prev_hash: r.get(8)?,
                hash: r.get(9)?,
            })
        })
        .map_err(StoreError::sql("read the audit chain"))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::sql("read the audit chain"))?;
    let head = rows
        .last()
        .map(|r| hex::encode(&r.hash))
        .unwrap_or_default();
    let entries = verify_chain(rows).map_err(StoreError::AuditBroken)?;
    Ok(AuditReport { entries, head })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditLogEntry {
    pub seq: u64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    pub outcome: String,
}

pub(crate) fn latest(conn: &Connection, limit: u32) -> Result<Vec<AuditLogEntry>> {
    let mut stmt = conn
        .prepare(
            "SELECT seq, at, actor, action, record_kind, record_id, outcome
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
            })
        })
        .map_err(StoreError::sql("read the audit log"))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::sql("read the audit log"))?;
    Ok(rows)
}
