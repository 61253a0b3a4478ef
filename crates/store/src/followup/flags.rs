//! SQL for red-flag acknowledgements, stored by flag key (the flags themselves are computed
//! when read, never stored). Every acknowledgement is kept: a second one adds a row, the
//! latest is the one shown. Changes are called inside `Session` transactions only.

use rusqlite::{params, Connection};

use crate::casework::columns::now;
use crate::error::{Result, StoreError};

pub(crate) struct Acknowledgement {
    pub at: String,
    pub actor: String,
    pub note: String,
}

/// Every acknowledgement of the flag `key`, oldest first.
pub(crate) fn acknowledgements(conn: &Connection, key: &str) -> Result<Vec<Acknowledgement>> {
    conn.prepare_cached(
        "SELECT at, actor, note FROM flag_acknowledgements WHERE key = ?1 ORDER BY id",
    )
    .and_then(|mut s| {
        s.query_map([key], |r| {
            Ok(Acknowledgement {
                at: r.get(0)?,
                actor: r.get(1)?,
                note: r.get(2)?,
            })
        })?
        .collect()
    })
    .map_err(StoreError::sql("read acknowledgements"))
}

/// Every flag key acknowledged at least once: one read, for counting the open flags.
pub(crate) fn acknowledged_keys(conn: &Connection) -> Result<std::collections::HashSet<String>> {
    conn.prepare_cached("SELECT DISTINCT key FROM flag_acknowledgements")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(StoreError::sql("read acknowledgements"))
}

/// Acknowledges (again) the flag `key`, keeping the earlier ones; returns the row id the audit
/// entry names.
pub(crate) fn acknowledge(conn: &Connection, key: &str, actor: &str, note: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO flag_acknowledgements (key, at, actor, note) VALUES (?1, ?2, ?3, ?4)",
        params![key, now(), actor, note],
    )
    .map_err(StoreError::sql("acknowledge the flag"))?;
    Ok(conn.last_insert_rowid())
}
