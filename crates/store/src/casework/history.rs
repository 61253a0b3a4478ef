//! A case's history: one append-only row per thing that happened to the child (a call, a note,
//! a change to the case, a task done, a document printed), never updated and never deleted
//! while the child exists (triggers refuse it). A correction is a new row that names the one it
//! corrects. Written only inside `Session` transactions, beside the audit entry of the same
//! change; the audit log says who did what, the history says what the case went through.
//!
//! Events, rather than overwritten columns, so a later clinic sync can ship them as they are.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::Value;

use crate::casework::columns::now;
use crate::error::{Result, StoreError};
use crate::session::SignedInUser;

/// One event of a child's history, as read back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    pub actor: String,
    /// `call_logged`, `note_added`, `child_created`, `child_imported`, `child_updated`,
    /// `nta_updated`, `hearing_added`, `hearing_updated`, `proceedings_updated`,
    /// `address_changed`, `address_reported`, `address_confirmed`, `address_rejected`,
    /// `task_done`, `flag_acknowledged`, `document_printed`.
    pub kind: String,
    /// What happened, by kind (a call's outcome and answers, a note's text, the new NTA
    /// status, the addresses before and after a move, …).
    pub detail: Value,
    /// The event this one corrects (a note that corrects an earlier note).
    pub corrects: Option<i64>,
    /// The later event that corrects this one, if any.
    pub corrected_by: Option<i64>,
}

/// Appends one event to the child's history; returns its id.
pub(crate) fn append(
    conn: &Connection,
    child_id: i64,
    actor: &SignedInUser,
    kind: &str,
    detail: &Value,
    corrects: Option<i64>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO case_events (child_id, at, actor, actor_id, kind, detail, corrects)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .and_then(|mut s| {
        s.execute(params![
            child_id,
            now(),
            actor.name,
            actor.id,
            kind,
            detail.to_string(),
            corrects
        ])
    })
    .map_err(StoreError::sql("add to the case history"))?;
    Ok(conn.last_insert_rowid())
}

/// The child's history, newest first; `only` keeps the events of those kinds (a volunteer's
/// view: calls only).
pub(crate) fn read(
    conn: &Connection,
    child_id: i64,
    only: Option<&[&str]>,
) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT e.id, e.at, e.actor, e.kind, e.detail, e.corrects,
                (SELECT min(c.id) FROM case_events c WHERE c.corrects = e.id)
             FROM case_events e
             WHERE e.child_id = ?1 OR e.child_id IN (
                WITH RECURSIVE down(id) AS (
                    SELECT id FROM children WHERE merged_into = ?1
                    UNION SELECT c.id FROM children c JOIN down ON c.merged_into = down.id
                ) SELECT id FROM down)
             ORDER BY e.id DESC",
        )
        .map_err(StoreError::sql("read the case history"))?;
    let rows = stmt
        .query_map([child_id], |r| {
            let detail: String = r.get(4)?;
            Ok(HistoryEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                kind: r.get(3)?,
                detail: serde_json::from_str(&detail).unwrap_or(Value::Null),
                corrects: r.get(5)?,
                corrected_by: r.get(6)?,
            })
        })
        .map_err(StoreError::sql("read the case history"))?;
    let all: Vec<HistoryEntry> = rows
        .collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("read the case history"))?;
    Ok(match only {
        Some(kinds) => all
            .into_iter()
            .filter(|e| kinds.contains(&e.kind.as_str()))
            .collect(),
        None => all,
    })
}

/// The kind and child of event `id`, to check what a correction points at.
pub(crate) fn kind_of(conn: &Connection, id: i64) -> Result<Option<(i64, String)>> {
    conn.query_row(
        "SELECT child_id, kind FROM case_events WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
    .map_err(StoreError::sql("read the case history"))
}
