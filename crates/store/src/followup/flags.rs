//! SQL for red-flag acknowledgements, stored by flag key (the flags themselves are computed
//! when read, never stored). Changes are called inside `Session` transactions only.

use rusqlite::{params, Connection, OptionalExtension};

use crate::casework::columns::now;
use crate::error::{Result, StoreError};

pub(crate) struct Acknowledgement {
    pub at: String,
    pub actor: String,
    pub note: String,
}

pub(crate) fn acknowledgement(conn: &Connection, key: &str) -> Result<Option<Acknowledgement>> {
    conn.prepare_cached("SELECT at, actor, note FROM flag_acks WHERE key = ?1")
        .and_then(|mut s| {
            s.query_row([key], |r| {
                Ok(Acknowledgement {
                    at: r.get(0)?,
                    actor: r.get(1)?,
                    note: r.get(2)?,
                })
            })
            .optional()
        })
        .map_err(StoreError::sql("read acknowledgements"))
}

/// Acknowledges (again) the flag `key`; returns the row id the audit entry names.
pub(crate) fn acknowledge(conn: &Connection, key: &str, actor: &str, note: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO flag_acks (key, at, actor, note) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (key) DO UPDATE SET at = excluded.at, actor = excluded.actor, note = excluded.note",
        params![key, now(), actor, note],
    )
    .map_err(StoreError::sql("acknowledge the flag"))?;
    Ok(conn.last_insert_rowid())
}
