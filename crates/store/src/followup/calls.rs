//! SQL for the call log: one row per attempt, with the answers to the standard questions.
//! Called inside `Session` transactions only.

use chrono::NaiveDateTime;
use rusqlite::{params, Connection};
use tether_core::followup::CallOutcome;

use crate::error::{Result, StoreError};

/// One attempt as logged. `at` is the sponsor's local time, in `time_zone`.
pub(crate) struct NewCall<'a> {
    pub child_id: i64,
    pub offset_days: u16,
    pub attempt: u8,
    pub at: NaiveDateTime,
    pub time_zone: &'a str,
    pub outcome: CallOutcome,
    pub caller: &'a str,
    pub notes: &'a str,
    /// The answers as JSON (no new address itself: that goes to the sponsor).
    pub answers: &'a str,
}

pub(crate) fn insert(conn: &Connection, call: &NewCall<'_>) -> Result<i64> {
    conn.execute(
        "INSERT INTO calls (child_id, offset_days, attempt, called_at, called_on, time_zone, outcome, caller, notes, answers)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            call.child_id,
            call.offset_days,
            call.attempt,
            call.at.format("%Y-%m-%d %H:%M").to_string(),
            call.at.date().to_string(),
            call.time_zone,
            call.outcome.as_str(),
            call.caller,
            call.notes,
            call.answers
        ],
    )
    .map_err(StoreError::sql("log the call"))?;
    Ok(conn.last_insert_rowid())
}

/// The child's sponsor and the sponsor's time zone (both absent for a child without one).
pub(crate) fn sponsor_and_zone(
    conn: &Connection,
    child_id: i64,
) -> Result<(Option<i64>, Option<String>)> {
    conn.query_row(
        "SELECT c.sponsor_id, s.time_zone FROM children c LEFT JOIN sponsors s ON s.id = c.sponsor_id WHERE c.id = ?1",
        [child_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .map_err(StoreError::sql("find the sponsor"))
}
