//! SQL for concern reports: the report's current state in `concerns`, and every step a person
//! took on it in `concern_steps` (append-only). Called inside `Session` transactions only.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use crate::error::{Result, StoreError};
use crate::session::SignedInUser;

/// A report as stored.
#[derive(Debug, Clone)]
pub(crate) struct ConcernRow {
    pub id: i64,
    pub child_id: i64,
    pub call_id: Option<i64>,
    pub category: String,
    pub heard: String,
    pub state: String,
    pub opened_on: String,
    pub approved_on: Option<String>,
    pub reported_to: Option<String>,
    pub reported_on: Option<String>,
    pub reference: Option<String>,
}

/// One signed step.
#[derive(Debug, Clone)]
pub(crate) struct StepRow {
    pub step: String,
    pub at: String,
    pub actor: String,
    pub actor_id: Option<i64>,
    pub note: String,
    pub detail: Value,
}

const COLUMNS: &str =
    "SELECT id, child_id, call_id, category, heard, state, opened_on, approved_on,
        reported_to, reported_on, reference FROM concerns";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ConcernRow> {
    Ok(ConcernRow {
        id: r.get(0)?,
        child_id: r.get(1)?,
        call_id: r.get(2)?,
        category: r.get(3)?,
        heard: r.get(4)?,
        state: r.get(5)?,
        opened_on: r.get(6)?,
        approved_on: r.get(7)?,
        reported_to: r.get(8)?,
        reported_on: r.get(9)?,
        reference: r.get(10)?,
    })
}

pub(crate) fn insert(
    conn: &Connection,
    child_id: i64,
    call_id: Option<i64>,
    category: &str,
    heard: &str,
    opened_on: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO concerns (child_id, call_id, category, heard, opened_on)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![child_id, call_id, category, heard, opened_on],
    )
    .map_err(StoreError::sql("open the concern report"))?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn add_step(
    conn: &Connection,
    concern_id: i64,
    step: &str,
    me: &SignedInUser,
    note: &str,
    detail: &Value,
) -> Result<()> {
    conn.execute(
        "INSERT INTO concern_steps (concern_id, step, at, actor, actor_id, note, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            concern_id,
            step,
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            me.name,
            me.id,
            note,
            detail.to_string()
        ],
    )
    .map_err(StoreError::sql("sign the concern report's step"))?;
    Ok(())
}

pub(crate) fn set_state(conn: &Connection, concern_id: i64, state: &str) -> Result<()> {
    conn.execute(
        "UPDATE concerns SET state = ?1 WHERE id = ?2",
        params![state, concern_id],
    )
    .map_err(StoreError::sql("change the concern report"))?;
    Ok(())
}

pub(crate) fn set_approved(conn: &Connection, concern_id: i64, on: &str) -> Result<()> {
    conn.execute(
        "UPDATE concerns SET approved_on = ?1 WHERE id = ?2",
        params![on, concern_id],
    )
    .map_err(StoreError::sql("approve the concern report"))?;
    Ok(())
}

pub(crate) fn set_reported(
    conn: &Connection,
    concern_id: i64,
    to: &str,
    on: &str,
    reference: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE concerns SET reported_to = ?1, reported_on = ?2, reference = ?3 WHERE id = ?4",
        params![to, on, reference, concern_id],
    )
    .map_err(StoreError::sql("record where the report went"))?;
    Ok(())
}

pub(crate) fn load(conn: &Connection, concern_id: i64) -> Result<ConcernRow> {
    conn.prepare_cached(&format!("{COLUMNS} WHERE id = ?1"))
        .and_then(|mut s| s.query_row([concern_id], row).optional())
        .map_err(StoreError::sql("read the concern report"))?
        .ok_or_else(|| StoreError::NotFound {
            kind: "concern report",
            id: concern_id.to_string(),
        })
}

/// Reports of open and closed cases (not voided or merged ones), newest first; `state`
/// narrows to one state, `opened_by` to the reports a user opened.
pub(crate) fn list(
    conn: &Connection,
    state: Option<&str>,
    opened_by: Option<i64>,
) -> Result<Vec<ConcernRow>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "{COLUMNS} WHERE (?1 IS NULL OR state = ?1)
               AND (?2 IS NULL OR id IN (SELECT concern_id FROM concern_steps
                                         WHERE step = 'open' AND actor_id = ?2))
               AND child_id IN (SELECT id FROM children WHERE status IN ('open', 'closed'))
             ORDER BY id DESC"
        ))
        .map_err(StoreError::sql("list concern reports"))?;
    let rows = stmt
        .query_map(params![state, opened_by], row)
        .map_err(StoreError::sql("list concern reports"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("list concern reports"))
}

/// The reports of one child (open ones first among the child's tasks).
pub(crate) fn of_child(conn: &Connection, child_id: i64) -> Result<Vec<ConcernRow>> {
    let mut stmt = conn
        .prepare_cached(&format!("{COLUMNS} WHERE child_id = ?1 ORDER BY id"))
        .map_err(StoreError::sql("read the child's concern reports"))?;
    let rows = stmt
        .query_map([child_id], row)
        .map_err(StoreError::sql("read the child's concern reports"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("read the child's concern reports"))
}

pub(crate) fn steps(conn: &Connection, concern_id: i64) -> Result<Vec<StepRow>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT step, at, actor, actor_id, note, detail FROM concern_steps
             WHERE concern_id = ?1 ORDER BY id",
        )
        .map_err(StoreError::sql("read the concern report's steps"))?;
    let rows = stmt
        .query_map([concern_id], |r| {
            let detail: String = r.get(5)?;
            Ok(StepRow {
                step: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                actor_id: r.get(3)?,
                note: r.get(4)?,
                detail: serde_json::from_str(&detail).unwrap_or(Value::Null),
            })
        })
        .map_err(StoreError::sql("read the concern report's steps"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("read the concern report's steps"))
}

/// Whether the user `user_id` is marked supervisor.
pub(crate) fn is_supervisor(conn: &Connection, user_id: i64) -> Result<bool> {
    conn.query_row(
        "SELECT supervisor FROM users WHERE id = ?1",
        [user_id],
        |r| r.get::<_, bool>(0),
    )
    .optional()
    .map_err(StoreError::sql("read the user"))
    .map(|v| v.unwrap_or(false))
}

pub(crate) fn set_supervisor(conn: &Connection, user_id: i64, supervisor: bool) -> Result<()> {
    conn.execute(
        "UPDATE users SET supervisor = ?1 WHERE id = ?2",
        params![supervisor, user_id],
    )
    .map_err(StoreError::sql("mark the supervisor"))?;
    Ok(())
}
