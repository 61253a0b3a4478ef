//! Opening the SQLCipher database: keyed before anything else, never created by accident.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use zeroize::Zeroizing;

use crate::data_key::DataKey;
use crate::error::{Result, StoreError};

/// Whether `open` may create the file. Only `init` and `restore` create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Create {
    Yes,
    No,
}

/// Opens and keys the database, then proves the key by reading the schema.
pub(crate) fn open(path: &Path, key: &DataKey, create: Create) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    if create == Create::Yes {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags).map_err(|e| corrupt(path, e))?;
    // Before the key: otherwise a wrong key prints HMAC errors on stderr.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")
        .map_err(StoreError::sql("silence SQLCipher's log"))?;
    // The statement holds the key's hex: wiped when dropped (rusqlite hands SQLite the bytes
    // with their length, without copying them).
    let statement = Zeroizing::new(format!(
        "PRAGMA key = {};",
        key.sqlcipher_literal().as_str()
    ));
    conn.execute_batch(&statement)
        .map_err(StoreError::sql("set the database key"))?;
    conn.execute_batch(
        "PRAGMA cipher_memory_security = OFF;
         PRAGMA temp_store = MEMORY;
         PRAGMA secure_delete = ON;
         PRAGMA foreign_keys = ON;",
    )
    .map_err(|e| corrupt(path, e))?;
    // The first read decrypts page 1: a wrong key or a damaged header fails here, before any
    // write, so the file stays exactly as it was.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| corrupt(path, e))?;
    // 32 MiB of page cache: imports and searches re-read (and re-decrypt) far fewer pages.
    conn.execute_batch("PRAGMA cache_size = -32768;")
        .map_err(|e| corrupt(path, e))?;
    // Query planner stability guarantee: plans never depend on bound values. Without it, a
    // statement whose plan could use a parameter's value (the search's `MATCH ?1 … LIMIT ?2`)
    // is marked expired at every bind and re-prepared at every step: about 10 % of each
    // search. Tether never runs ANALYZE and binds no LIKE patterns, so the plans are the same.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )
    .map_err(|e| corrupt(path, e))?;
    Ok(conn)
}

/// Checks every page's HMAC; a flipped byte anywhere shows here, not months later.
pub(crate) fn check_integrity(conn: &Connection, path: &Path) -> Result<()> {
    let mut stmt = conn
        .prepare("PRAGMA cipher_integrity_check")
        .map_err(|e| corrupt(path, e))?;
    let problems: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(|e| corrupt(path, e))?
        .collect::<Result<_, _>>()
        .map_err(|e| corrupt(path, e))?;
    if let Some(first) = problems.first() {
        return Err(StoreError::DatabaseCorrupt {
            path: path.to_owned(),
            reason: first.clone(),
        });
    }
    Ok(())
}

/// WAL with FULL sync: every acknowledged write survives a crash or power loss.
pub(crate) fn enable_wal(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .map_err(StoreError::sql("switch to WAL"))?;
    conn.execute_batch("PRAGMA synchronous = FULL;")
        .map_err(StoreError::sql("set synchronous = FULL"))
}

fn corrupt(path: &Path, e: rusqlite::Error) -> StoreError {
    let reason = match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => {
            "it cannot be decrypted with this vault's key".to_owned()
        }
        _ => e.to_string(),
    };
    StoreError::DatabaseCorrupt {
        path: path.to_owned(),
        reason,
    }
}
