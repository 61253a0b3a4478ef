//! SQL for a case's status: open, closed (with a reason), voided (entered by mistake) or
//! merged (into the case it duplicated), and who it is assigned to. Called inside `Session`
//! transactions only.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use tether_core::casework::ClosureReason;

use super::columns::now;
use crate::error::{Result, StoreError};

fn one<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str, id: i64) -> Result<T> {
    conn.query_row(sql, [id], |r| r.get(0))
        .optional()
        .map_err(StoreError::sql("read a case's status"))?
        .ok_or_else(|| StoreError::NotFound {
            kind: "child",
            id: id.to_string(),
        })
}

pub(crate) fn status(conn: &Connection, id: i64) -> Result<String> {
    one(conn, "SELECT status FROM children WHERE id = ?1", id)
}

pub(crate) fn case_number(conn: &Connection, id: i64) -> Result<String> {
    one(conn, "SELECT case_number FROM children WHERE id = ?1", id)
}

pub(crate) fn created_by(conn: &Connection, id: i64) -> Result<Option<i64>> {
    one(conn, "SELECT created_by FROM children WHERE id = ?1", id)
}

pub(crate) fn close(
    conn: &Connection,
    id: i64,
    reason: ClosureReason,
    on: NaiveDate,
) -> Result<()> {
    conn.execute(
        "UPDATE children SET status = 'closed', closed_reason = ?1, closed_on = ?2, updated_at = ?3
         WHERE id = ?4",
        params![reason.as_str(), on.to_string(), now(), id],
    )
    .map_err(StoreError::sql("close a case"))?;
    Ok(())
}

/// Reopens the case; returns the reason it had been closed for.
pub(crate) fn reopen(conn: &Connection, id: i64) -> Result<Option<String>> {
    let was: Option<String> = one(conn, "SELECT closed_reason FROM children WHERE id = ?1", id)?;
    conn.execute(
        "UPDATE children SET status = 'open', closed_reason = NULL, closed_on = NULL,
            updated_at = ?1
         WHERE id = ?2",
        params![now(), id],
    )
    .map_err(StoreError::sql("reopen a case"))?;
    Ok(was)
}

pub(crate) fn void(conn: &Connection, id: i64, reason: &str) -> Result<()> {
    conn.execute(
        "UPDATE children SET status = 'voided', void_reason = ?1, updated_at = ?2 WHERE id = ?3",
        params![reason, now(), id],
    )
    .map_err(StoreError::sql("void a record"))?;
    Ok(())
}

/// What a merge did, for the history.
pub(crate) struct Merged {
    pub kept_case_number: String,
    pub merged_case_number: String,
    /// The fields of the kept case that were empty and were taken from the duplicate.
    pub filled: Vec<&'static str>,
    pub calls_moved: usize,
    pub hearings_moved: usize,
}

/// The fields a merge fills on the kept case when it has none and the duplicate has one.
const FILLABLE: [&str; 13] = [
    "birth_date",
    "sex",
    "a_number",
    "country_of_birth",
    "primary_language",
    "release_date",
    "orr_program",
    "sponsor_id",
    "relationship",
    "sponsor_category",
    "court_code",
    "attorney",
    "nta_served_on",
];

/// Moves what the duplicate holds onto the kept case. The duplicate's history events stay
/// where they were written (the history is append-only) and are read with the kept case's.
pub(crate) fn merge_children(conn: &Connection, keep: i64, dup: i64) -> Result<Merged> {
    let sql = StoreError::sql("merge two cases");
    let mut filled = Vec::new();
    for column in FILLABLE {
        // `column` is one of the fixed names above, never user text.
        let changed = conn
            .execute(
                &format!(
                    "UPDATE children SET {column} = (SELECT {column} FROM children WHERE id = ?2)
                     WHERE id = ?1 AND {column} IS NULL
                       AND (SELECT {column} FROM children WHERE id = ?2) IS NOT NULL"
                ),
                params![keep, dup],
            )
            .map_err(StoreError::sql("merge two cases"))?;
        if changed > 0 {
            filled.push(column);
        }
    }
    // A Notice served on either record is served.
    conn.execute(
        "UPDATE children SET nta_status = (SELECT nta_status FROM children WHERE id = ?2)
         WHERE id = ?1 AND nta_status = 'not_served'
           AND (SELECT nta_status FROM children WHERE id = ?2) != 'not_served'",
        params![keep, dup],
    )
    .map_err(StoreError::sql("merge two cases"))?;
    conn.execute(
        "UPDATE children SET notes = trim(notes || char(10) || (SELECT notes FROM children WHERE id = ?2))
         WHERE id = ?1 AND (SELECT notes FROM children WHERE id = ?2) != ''",
        params![keep, dup],
    )
    .map_err(StoreError::sql("merge two cases"))?;
    let calls_moved = conn
        .execute(
            "UPDATE calls SET child_id = ?1 WHERE child_id = ?2",
            params![keep, dup],
        )
        .map_err(StoreError::sql("merge two cases"))?;
    // The same hearing on both records is one hearing: the kept case's copy stays.
    let hearings_moved = conn
        .execute(
            "UPDATE OR IGNORE hearings SET child_id = ?1 WHERE child_id = ?2",
            params![keep, dup],
        )
        .map_err(StoreError::sql("merge two cases"))?;
    conn.execute(
        "UPDATE address_reports SET child_id = ?1 WHERE child_id = ?2",
        params![keep, dup],
    )
    .map_err(StoreError::sql("merge two cases"))?;
    conn.execute(
        "UPDATE children SET status = 'merged', merged_into = ?1, updated_at = ?3 WHERE id = ?2",
        params![keep, dup, now()],
    )
    .map_err(sql)?;
    Ok(Merged {
        kept_case_number: case_number(conn, keep)?,
        merged_case_number: case_number(conn, dup)?,
        filled,
        calls_moved,
        hearings_moved,
    })
}

/// A user who can hold cases (an admin or a case manager), by name: id and name as stored.
pub(crate) fn case_manager(conn: &Connection, raw: &str) -> Result<(i64, String)> {
    let name = tether_core::UserName::parse(raw)
        .map_err(|e| StoreError::invalid("assigned_to", e.to_string()))?;
    let found: Option<(i64, String, String)> = conn
        .query_row(
            "SELECT id, name, role FROM users WHERE name_key = ?1",
            [name.canonical()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(StoreError::sql("look up a user"))?;
    match found {
        None => Err(StoreError::NotFound {
            kind: "user",
            id: raw.trim().to_owned(),
        }),
        Some((_, name, role)) if role == "volunteer" => Err(StoreError::invalid(
            "assigned_to",
            format!("{name} is a volunteer: a case is assigned to an admin or a case manager"),
        )),
        Some((id, name, _)) => Ok((id, name)),
    }
}

/// Assigns the case; returns the name of whoever had it.
pub(crate) fn assign(conn: &Connection, id: i64, user_id: i64) -> Result<Option<String>> {
    let before: Option<String> = one(
        conn,
        "SELECT (SELECT name FROM users u WHERE u.id = c.assigned_to) FROM children c WHERE c.id = ?1",
        id,
    )?;
    conn.execute(
        "UPDATE children SET assigned_to = ?1, updated_at = ?2 WHERE id = ?3",
        params![user_id, now(), id],
    )
    .map_err(StoreError::sql("assign a case"))?;
    Ok(before)
}
